"""Find a unit or a cluster by any name the warehouse knows, written the way an analyst types it.

The names come from the published warehouse (the dashboard's `data_access.search_names`): each
unit's canonical name, short name, id and every alias (`marts.dim_unit_alias`), each cluster's
name and id. Text is compared with the project's own keys (thidua.normalize): `match_key` (NFC or
NFD, "Hoà" = "Hòa", "&" = "và" = "-", case) and `fold` (no diacritics, for a keyboard without
Vietnamese input); clusters also by `parse_cluster_ref` ("Cụm 8", "cụm thi đua số VIII").

How candidates are ranked (best first), one hit per unit or cluster, by its best spelling:

0. the same name: the typed text's match key is a known spelling's (any alias, short name, id),
   or it names a cluster by kind and number (Arabic or Roman) or by its name;
1. every typed word is accounted for, in order, by the words of a known spelling: the same word,
   or a short form of a run of its words ("STP" for "Sở Tư pháp", "GD&ĐT" for "Giáo dục và Đào
   tạo"); words of the known name may be left out ("Tư pháp" finds "Sở Tư pháp");
2. the typed text, without diacritics, is part of a known spelling ("tu ph" while typing);
3. only when nothing above matched: a spelling close to the typed text (rapidfuzz ratio of the
   folded texts, at least 75 of 100), for typos ("So Tu Phapp").

Within a tier, the spelling written exactly as typed comes first, then one closer in length and
letters to the typed text (rapidfuzz ratio), then units before clusters, then the name.

Text that ends with a province an organiser of the warehouse is in ("Sở Tư pháp Thanh Hóa",
"… tỉnh Thanh Hóa") is also tried without it, as the loader's resolver does (thidua.ingest.resolve),
and only among that province's units and clusters (and those of organisers with no province):
it cannot find another province's unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from thidua.normalize import clean_text, covers, fold, match_key, parse_cluster_ref

EXACT, WORDS, PART, CLOSE = 0, 1, 2, 3
MIN_LENGTH = 2  # folded characters typed before anything is searched
CLOSE_CUTOFF = 75
# Words written before a province's name: "tỉnh Thanh Hóa", "thành phố Hà Nội", "TP Hà Nội".
_PROVINCE_PREFIXES = (("tinh",), ("thanh", "pho"), ("tp",))


@dataclass(frozen=True)
class Name:
    """One spelling of a unit or a cluster, as the warehouse holds it."""

    kind: str  # "unit" | "cluster"
    target_id: str
    label: str  # the canonical name, what a result shows
    spelling: str  # the name this row is found by: canonical, short form, alias or id
    province: str | None = None  # its organiser's province
    cluster_kind: str | None = None  # "cum" | "khoi", for a cluster
    cluster_number: int | None = None


@dataclass(frozen=True)
class Hit:
    kind: str
    target_id: str
    label: str
    spelling: str  # the spelling that matched best
    tier: int
    score: float


@dataclass(frozen=True)
class _Entry:
    name: Name
    key: str
    folded: str
    words: tuple[str, ...]
    initials: frozenset[str]


@dataclass(frozen=True)
class _Query:
    text: str
    province: str | None  # the province stripped from the end of the text, if any


class NameSearch:
    """An index of spellings; `search(text)` ranks the units and clusters they name."""

    def __init__(self, names: Iterable[Name]) -> None:
        self._entries: list[_Entry] = []
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._by_cluster_ref: dict[tuple[str, int | str], list[int]] = defaultdict(list)
        provinces: dict[tuple[str, ...], str] = {}
        for name in names:
            folded = fold(name.spelling)
            key = match_key(name.spelling)
            if not key:
                continue
            words = tuple(folded.split())
            index = len(self._entries)
            self._entries.append(
                _Entry(name, key, folded, words, frozenset(w[0] for w in words if w))
            )
            self._by_key[key].append(index)
            if name.kind == "cluster" and name.cluster_kind:
                if name.cluster_number is not None:
                    self._by_cluster_ref[(name.cluster_kind, name.cluster_number)].append(index)
                self._by_cluster_ref[(name.cluster_kind, _cluster_slug(name.target_id))].append(
                    index
                )
            if name.province:
                provinces.setdefault(tuple(fold(name.province).split()), name.province)
        # Longest first, so "Thanh Hóa" is not taken for a shorter province it ends with.
        self._provinces = sorted(provinces.items(), key=lambda item: -len(item[0]))

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, text: str, limit: int = 8) -> list[Hit]:
        text = clean_text(text)
        if len(fold(text).replace(" ", "")) < MIN_LENGTH:
            return []
        best: dict[tuple[str, str], Hit] = {}
        for query in self._queries(text):
            for hit in self._matches(query):
                target = (hit.kind, hit.target_id)
                held = best.get(target)
                if held is None or (hit.tier, -hit.score) < (held.tier, -held.score):
                    best[target] = hit
        if not best:
            for query in self._queries(text):
                for hit in self._close(query, limit):
                    best.setdefault((hit.kind, hit.target_id), hit)
        ranked = sorted(
            best.values(), key=lambda h: (h.tier, -h.score, h.kind != "unit", h.label, h.target_id)
        )
        return ranked[:limit]

    # --- the typed text, with and without its province ---------------------------------------

    def _queries(self, text: str) -> list[_Query]:
        """The text as typed and, when it ends with a province, without it; both then look only
        among that province's names and those of organisers with no province (a ministry's
        "Sở Tư pháp tỉnh Nam Định"), so "Cụm 8 … Thanh Hóa" is not another province's Cụm 8."""
        queries = [_Query(text, None)]
        written = text.split(" ")
        folded_words = [fold(w) for w in written]
        for words, province in self._provinces:
            n = len(words)
            if len(written) <= n or tuple(folded_words[-n:]) != words:
                continue
            rest = written[:-n]
            folded_rest = folded_words[:-n]
            for prefix in _PROVINCE_PREFIXES:
                k = len(prefix)
                if len(rest) > k and tuple(folded_rest[-k:]) == prefix:
                    rest = rest[:-k]
                    break
            return [_Query(text, province), _Query(" ".join(rest), province)]
        return queries

    def _allowed(self, entry: _Entry, query: _Query) -> bool:
        province = entry.name.province
        return query.province is None or province is None or province == query.province

    # --- tiers 0 to 2 --------------------------------------------------------------------------

    def _matches(self, query: _Query) -> Iterable[Hit]:
        key = match_key(query.text)
        folded = fold(query.text)
        words = tuple(folded.split())
        if not key or not words:
            return
        exact: set[int] = set(self._by_key.get(key, ()))
        ref = parse_cluster_ref(query.text)
        if ref is not None:
            wanted: int | str = ref.number if ref.number is not None else str(ref.name_slug)
            exact.update(self._by_cluster_ref.get((ref.kind, wanted), ()))
        needed = frozenset(w[0] for w in words)
        for index, entry in enumerate(self._entries):
            if not self._allowed(entry, query):
                continue
            if index in exact:
                yield self._hit(entry, EXACT, query)
            elif needed <= entry.initials and covers(entry.words, words):
                yield self._hit(entry, WORDS, query)
            elif folded in entry.folded:
                yield self._hit(entry, PART, query)

    # --- tier 3 --------------------------------------------------------------------------------

    def _close(self, query: _Query, limit: int) -> Iterable[Hit]:
        folded = fold(query.text)
        choices = {
            index: entry.folded
            for index, entry in enumerate(self._entries)
            if self._allowed(entry, query)
        }
        found = process.extract(
            folded, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=CLOSE_CUTOFF
        )
        for _choice, _score, index in found:
            yield self._hit(self._entries[index], CLOSE, query)

    @staticmethod
    def _hit(entry: _Entry, tier: int, query: _Query) -> Hit:
        name = entry.name
        # The spelling written exactly as typed first, among those equal by key ("Sở GD-ĐT" is
        # found as itself, not as "Sở GD&ĐT").
        as_typed = clean_text(name.spelling).lower() == query.text.lower()
        score = 101.0 if as_typed else fuzz.ratio(fold(query.text), entry.folded)
        return Hit(name.kind, name.target_id, name.label, name.spelling, tier, score)


def _cluster_slug(cluster_id: str) -> str:
    """ "th-ubnd:khoi-cac-co-quan-dang-tinh" -> "cac-co-quan-dang-tinh" (what parse_cluster_ref
    gives for a named cluster)."""
    ref = cluster_id.split(":")[-1]
    return ref.split("-", 1)[1] if "-" in ref else ref


def names_from_rows(rows: Sequence[dict[str, object]]) -> list[Name]:
    """Names from the rows of the dashboard's search query (column names as Name's fields)."""
    names = []
    for row in rows:
        number = row.get("cluster_number")
        names.append(
            Name(
                kind=str(row["kind"]),
                target_id=str(row["target_id"]),
                label=str(row["label"]),
                spelling=str(row["spelling"]),
                province=str(row["province"]) if row.get("province") else None,
                cluster_kind=str(row["cluster_kind"]) if row.get("cluster_kind") else None,
                cluster_number=int(str(number)) if number is not None else None,
            )
        )
    return names
