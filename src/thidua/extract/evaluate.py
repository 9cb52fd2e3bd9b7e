"""How good an extractor is: precision, recall and F1 per record type against hand-made truth.

A truth file (tests/data/extract/truth/*.json) lists what one document states, in the load
contract's English column names, grouped as memberships, leadership, rankings, awards and events.
Both sides are reduced to comparable facts of five kinds:

- members: (cluster, results_year, unit) of every membership;
- roles:   (cluster, results_year, unit, role) of leaders and deputies, whether the text states
           them for the results year (memberships) or elects them for a coming one (leadership);
- ranks:   (cluster, results_year, unit, rank);
- awards:  (cluster, results_year, unit or "", award_type, status);
- events:  (cluster, results_year, event_type, event_date or "").

Names are compared as a reader would: units by `match_key` (so "Hoà"/"Hòa", NFD and "&"/"và" do
not matter) or by the resolved unit id when both sides carry one; clusters by number, else by
their name's slug, whatever their kind ("cụm"/"khối": reports mix them). Each side is a set, and
facts pair one to one (a proposed fact can only be credited once).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua.extract.model import Proposed
from thidua.ingest.periods import parse_partial_date, parse_results_year
from thidua.normalize import clean_text, fold, match_key, parse_cluster_ref, roman_to_int

KINDS = ("members", "roles", "ranks", "awards", "events")
# The truth file's sections; a Proposed's record_type uses the same names (the load contract's).
SECTIONS = ("memberships", "leadership", "rankings", "awards", "events")
LEADING_ROLES = ("leader", "deputy")
SEED_GROUP = "seed articles"
CORPUS_GROUP = "corpus"
HELDOUT_GROUP = "held out"

Value = str | int | None


@dataclass
class Counts:
    """True positives, false positives and false negatives of one record kind.

    A ratio with nothing to divide is None ("n/a"): a kind that neither side has says nothing
    about the extractor, and a perfect 1.0 there would flatter it."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2tp / (2tp + fp + fn) equals the harmonic mean where both ratios exist, and is 0 (not
        # undefined) when an extractor proposes nothing for a kind the truth has.
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


@dataclass(frozen=True)
class Fact:
    """One comparable fact. `fields` must be equal; the unit is compared apart because two
    facts about one unit may name it differently yet share a resolved id."""

    kind: str
    fields: tuple[str | int, ...]
    unit_key: str | None
    unit_id: str | None
    label: str

    def same(self, other: Fact) -> bool:
        if self.kind != other.kind or self.fields != other.fields:
            return False
        if self.unit_id and other.unit_id and self.unit_id == other.unit_id:
            return True
        return self.unit_key == other.unit_key


@dataclass(frozen=True)
class Comparison:
    """One kind's counts and the facts behind the misses, for debugging an extractor."""

    counts: Counts
    false_positives: tuple[Fact, ...] = ()
    false_negatives: tuple[Fact, ...] = ()


# --- normalising values ---------------------------------------------------------------------

# A numbered cluster followed by more words ("Cụm thi đua số 5 tỉnh Nghệ An") is still number 5;
# parse_cluster_ref only strips Thanh Hóa, the project's home province.
_NUMBERED_PREFIX = re.compile(r"^(?:cum|khoi)(?: thi dua)?(?: so)? (?P<n>[0-9]+|[ivxlc]+)\b")


def cluster_key(value: Value) -> str:
    """ "Cụm thi đua số V" and "Khối 05" → "#5"; a named block → its slug; else its match key."""
    text = clean_text(str(value)) if value is not None else ""
    if not text:
        return ""
    ref = parse_cluster_ref(text)
    if ref is not None and ref.number is not None:
        return f"#{ref.number}"
    if ref is not None and ref.name_slug:
        prefix = _NUMBERED_PREFIX.match(fold(text))
        number = _number(prefix.group("n")) if prefix else None
        # "Khối … các cơ quan Đảng tỉnh" and "Khối … các cơ quan Đảng" name one block: the
        # province word belongs to the organiser, and writers keep or drop it
        return f"#{number}" if number else re.sub(r"-tinh$", "", ref.name_slug)
    return match_key(text)


def _number(token: str) -> int | None:
    return int(token) if token.isdigit() else roman_to_int(token)


def year_of(value: Value) -> int | None:
    """2023, "2023" or a school year "2022-2023" (→ 2023)."""
    if isinstance(value, int):
        return value
    if value is None:
        return None
    parsed = parse_results_year(str(value))
    return parsed.year if parsed else None


def date_key(value: Value) -> str:
    """The known part of a date in ISO order ("2022-07-15", "2022-07"), whatever its spelling;
    "" when none is given. An unreadable date stays as written so it matches nothing."""
    if value is None or not str(value).strip():
        return ""
    parsed = parse_partial_date(value)
    return parsed.period if parsed else clean_text(str(value))


def unit_key(value: Value) -> str:
    return match_key(str(value)) if value is not None and str(value).strip() else ""


def _text(value: Value) -> str:
    return clean_text(str(value)) if value is not None else ""


def _int_or_text(value: Value) -> int | str:
    if isinstance(value, int):
        return value
    text = _text(value)
    return int(text) if text.isdigit() else text


# --- facts from records ---------------------------------------------------------------------


def _fact(
    kind: str,
    fields: tuple[str | int, ...],
    unit: Value,
    unit_id: str | None,
    shown: Sequence[Value],
    has_unit: bool = True,
) -> Fact:
    label = " | ".join("" if v is None else str(v) for v in shown)
    key = unit_key(unit) if has_unit else None
    return Fact(kind, fields, key, unit_id if has_unit else None, label)


def facts_of(record_type: str, values: Mapping[str, Value], unit_id: str | None) -> list[Fact]:
    """The facts one record states (a leader's membership states a member and a role)."""
    cluster, year = cluster_key(values.get("cluster")), year_of(values.get("results_year"))
    where: tuple[str | int, ...] = (cluster, -1 if year is None else year)
    shown = (values.get("cluster"), values.get("results_year"))
    unit, role = values.get("unit"), _text(values.get("role"))
    facts: list[Fact] = []
    if record_type == "memberships":
        facts.append(_fact("members", where, unit, unit_id, (*shown, unit)))
    if record_type in ("memberships", "leadership") and role in LEADING_ROLES:
        facts.append(_fact("roles", (*where, role), unit, unit_id, (*shown, unit, role)))
    if record_type == "rankings":
        rank = _int_or_text(values.get("rank"))
        facts.append(_fact("ranks", (*where, rank), unit, unit_id, (*shown, unit, rank)))
    if record_type == "awards":
        award, status = _text(values.get("award_type")), _text(values.get("status"))
        # a unit not named is "" on both sides, whether written null or blank
        fields = (*where, award, status)
        facts.append(_fact("awards", fields, unit, unit_id, (*shown, unit, award, status)))
    if record_type == "events":
        event, day = _text(values.get("event_type")), date_key(values.get("event_date"))
        fields = (*where, event, day)
        facts.append(_fact("events", fields, None, None, (*shown, event, day), has_unit=False))
    return facts


def truth_facts(truth: Mapping[str, Any]) -> list[Fact]:
    records: Mapping[str, Any] = truth.get("records", {})
    facts: list[Fact] = []
    for section in SECTIONS:
        for row in records.get(section, []):
            facts.extend(facts_of(section, row, row.get("unit_id")))
    return facts


def proposed_facts(proposed: Iterable[Proposed]) -> list[Fact]:
    facts: list[Fact] = []
    for record in proposed:
        facts.extend(facts_of(record.record_type, record.values, record.unit_id))
    return facts


# --- matching -------------------------------------------------------------------------------


def _distinct(facts: Iterable[Fact]) -> list[Fact]:
    """Duplicates count once: a fact stated twice (or proposed from two sentences) is one."""
    kept: list[Fact] = []
    for fact in facts:
        if not any(fact.same(k) for k in kept):
            kept.append(fact)
    return kept


def _pairs(proposed: Sequence[Fact], truth: Sequence[Fact]) -> dict[int, int]:
    """A maximum one-to-one pairing (truth index → proposed index) by augmenting paths: the
    id-or-name equality is not transitive, so a greedy pass could pair too few."""
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for t, fact in enumerate(truth):
            if t in seen or not proposed[p].same(fact):
                continue
            seen.add(t)
            if t not in owner or augment(owner[t], seen):
                owner[t] = p
                return True
        return False

    for p in range(len(proposed)):
        augment(p, set())
    return owner


def _compare_kind(proposed: Sequence[Fact], truth: Sequence[Fact]) -> Comparison:
    proposed, truth = _distinct(proposed), _distinct(truth)
    owner = _pairs(proposed, truth)
    paired = set(owner.values())
    fps = tuple(f for i, f in enumerate(proposed) if i not in paired)
    fns = tuple(f for i, f in enumerate(truth) if i not in owner)
    return Comparison(Counts(len(owner), len(fps), len(fns)), fps, fns)


def compare(proposed: Sequence[Proposed], truth: Mapping[str, Any]) -> dict[str, Comparison]:
    """Per kind: the counts and the facts missed either way."""
    mine, theirs = proposed_facts(proposed), truth_facts(truth)
    return {
        kind: _compare_kind(
            [f for f in mine if f.kind == kind], [f for f in theirs if f.kind == kind]
        )
        for kind in KINDS
    }


def score(proposed: Sequence[Proposed], truth: Mapping[str, Any]) -> dict[str, Counts]:
    """tp/fp/fn per kind (members, roles, ranks, awards, events) of one document."""
    return {kind: result.counts for kind, result in compare(proposed, truth).items()}


# --- a corpus -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentResult:
    path: Path
    group: str
    comparisons: dict[str, Comparison]


def group_of(path: Path) -> str:
    """The project's reports live in "corpus" (the development set, used to improve the
    extractor) and "heldout" (never used for that); the seed articles where they are shared."""
    groups = {"corpus": CORPUS_GROUP, "heldout": HELDOUT_GROUP}
    return groups.get(path.parent.name, SEED_GROUP)


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@dataclass
class Report:
    """Per-document comparisons, summed per kind overall and per corpus group."""

    documents: list[DocumentResult] = field(default_factory=list)

    def groups(self) -> list[str]:
        return sorted({d.group for d in self.documents}, key=lambda g: g != SEED_GROUP)

    def totals(self, group: str | None = None) -> dict[str, Counts]:
        totals = {kind: Counts() for kind in KINDS}
        for document in self.documents:
            if group is None or document.group == group:
                for kind, result in document.comparisons.items():
                    totals[kind] = totals[kind] + result.counts
        return totals

    def table(self, group: str | None = None) -> str:
        lines = [
            "| type | precision | recall | F1 | tp | fp | fn |",
            "|---|---|---|---|---|---|---|",
        ]
        for kind, c in self.totals(group).items():
            ratios = " | ".join(_ratio(v) for v in (c.precision, c.recall, c.f1))
            lines.append(f"| {kind} | {ratios} | {c.tp} | {c.fp} | {c.fn} |")
        return "\n".join(lines)

    def markdown(self) -> str:
        groups = self.groups()
        if len(groups) == 1:  # one group: its table is the overall one
            return "\n".join(
                [f"### {groups[0]} ({len(self.documents)} documents)", "", self.table()]
            )
        parts = [f"### overall ({len(self.documents)} documents)", "", self.table()]
        for group in groups:
            count = sum(1 for d in self.documents if d.group == group)
            parts += ["", f"### {group} ({count} documents)", "", self.table(group)]
        return "\n".join(parts)

    def details(self) -> list[str]:
        """Per document, every false positive and false negative, one a line."""
        lines: list[str] = []
        for document in self.documents:
            misses = [
                f"  {sign} {kind}: {fact.label}"
                for kind, result in document.comparisons.items()
                for sign, facts in (("FP", result.false_positives), ("FN", result.false_negatives))
                for fact in facts
            ]
            if misses:
                lines.append(f"{document.path.name} ({document.group})")
                lines.extend(misses)
        return lines


def evaluate(
    documents: Sequence[tuple[Path, Mapping[str, Any]]],
    extract: Callable[[Path], Sequence[Proposed]],
) -> Report:
    """Run `extract` over every document and compare it with the document's truth."""
    report = Report()
    for path, truth in documents:
        comparisons = compare(extract(path), truth)
        report.documents.append(DocumentResult(path, group_of(path), comparisons))
    return report


def load_truth(truth_dir: Path, docs_dirs: Sequence[Path]) -> list[tuple[Path, dict[str, Any]]]:
    """Each truth file with the document it names, looked up in `docs_dirs` in order (the corpus,
    then the directory of the seed articles)."""
    pairs: list[tuple[Path, dict[str, Any]]] = []
    for truth_path in sorted(truth_dir.glob("*.json")):
        truth: dict[str, Any] = json.loads(truth_path.read_text(encoding="utf-8"))
        name = truth["document"]
        found = next((d / name for d in docs_dirs if (d / name).is_file()), None)
        if found is None:
            raise FileNotFoundError(f"{truth_path.name}: document {name} not found in {docs_dirs}")
        pairs.append((found, truth))
    return pairs


def main(argv: Sequence[str] | None = None) -> int:
    """`make extract-eval`: extract every document that has a truth file (seed articles and the
    corpus) with the seeds' knowledge, and print precision, recall and F1 per record type."""
    import argparse

    from thidua.extract.documents import read_document
    from thidua.extract.engine import extract
    from thidua.extract.knowledge import knowledge

    parser = argparse.ArgumentParser(prog="python -m thidua.extract.evaluate")
    parser.add_argument("truth", type=Path, help="folder of truth .json files")
    parser.add_argument("docs", type=Path, nargs="+", help="folders holding the documents")
    parser.add_argument("--details", action="store_true", help="list every miss per document")
    args = parser.parse_args(argv)
    known = knowledge(None)
    report = evaluate(
        load_truth(args.truth, args.docs), lambda path: extract(read_document(path), known)
    )
    print(report.markdown())
    if args.details:
        print("\n".join(["", *report.details()]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
