"""The extraction scorer (thidua.extract.evaluate) and the hand-made truth it scores against.

The scorer is tested with hand-built `Proposed` lists, so no extractor is needed. The truth files
are checked for form and against their documents' text: a unit or cluster the text does not
contain is a typo in the truth, and would silently cost every extractor a point.
"""

from __future__ import annotations

import csv
import html
import itertools
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from thidua.contract.records import AWARD_STATUSES, EVENT_TYPES, LEADING_ROLES
from thidua.extract.evaluate import (
    CORPUS_GROUP,
    KINDS,
    SEED_GROUP,
    Counts,
    cluster_key,
    evaluate,
    load_truth,
    score,
)
from thidua.extract.model import Evidence, Proposed
from thidua.normalize import clean_text, match_key, normalize_tone_marks

ROOT = Path(__file__).resolve().parents[1]
EXTRACT_DATA = ROOT / "tests" / "data" / "extract"
CORPUS = EXTRACT_DATA / "corpus"
TRUTH = EXTRACT_DATA / "truth"
ARTICLES = ROOT.parent / "shared" / "articles"
AWARD_CODES = {
    row["award_type_code"]
    for row in csv.DictReader(
        (ROOT / "seeds" / "award_types.csv").read_text(encoding="utf-8").splitlines()
    )
}

C5 = "Cụm thi đua số 5"

# --- building proposals and truth -----------------------------------------------------------

_EVIDENCE = Evidence(sentence="", start=0, end=0, source="test", confidence=1.0)


def proposed(record_type: str, unit_id: str | None = None, **values: Any) -> Proposed:
    return Proposed(record_type, dict(values), _EVIDENCE, unit_id=unit_id)


def member(unit: str, role: str | None = None, cluster: str = C5, year: Any = 2023) -> Proposed:
    return proposed("memberships", cluster=cluster, results_year=year, unit=unit, role=role)


def truth_of(**sections: list[dict[str, Any]]) -> dict[str, Any]:
    return {"document": "x.txt", "organizer": "UBND tỉnh Nghệ An", "records": sections}


def row(unit: str | None, **values: Any) -> dict[str, Any]:
    return {"cluster": C5, "results_year": 2023, "unit": unit, **values}


FULL_TRUTH = truth_of(
    memberships=[row("Sở Tư pháp", role="leader"), row("Sở Y tế", role=None)],
    leadership=[{**row("Sở Y tế", role="leader"), "results_year": 2024}],
    rankings=[row("Sở Tư pháp", rank=1), row("Sở Y tế", rank=2)],
    awards=[row("Sở Tư pháp", award_type="PROV_FLAG", status="proposed")],
    events=[
        {
            "cluster": C5,
            "results_year": 2023,
            "event_type": "year_end_review",
            "event_date": "2023-12-20",
        }
    ],
)
FULL_PROPOSAL = [
    member("Sở Tư pháp", "leader"),
    member("Sở Y tế"),
    proposed("leadership", cluster=C5, results_year=2024, unit="Sở Y tế", role="leader"),
    proposed("rankings", cluster=C5, results_year=2023, unit="Sở Tư pháp", rank=1),
    proposed("rankings", cluster=C5, results_year=2023, unit="Sở Y tế", rank=2),
    proposed(
        "awards",
        cluster=C5,
        results_year=2023,
        unit="Sở Tư pháp",
        award_type="PROV_FLAG",
        status="proposed",
    ),
    proposed(
        "events",
        cluster=C5,
        results_year=2023,
        event_type="year_end_review",
        event_date="20/12/2023",
    ),
]


def counts(kind: str, proposal: list[Proposed], truth: dict[str, Any]) -> tuple[int, int, int]:
    c = score(proposal, truth)[kind]
    return (c.tp, c.fp, c.fn)


# --- the scorer -----------------------------------------------------------------------------


def test_exact_match_scores_one_everywhere() -> None:
    for kind, c in score(FULL_PROPOSAL, FULL_TRUTH).items():
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), kind


def test_missed_member_lowers_recall_not_precision() -> None:
    c = score([member("Sở Tư pháp", "leader")], FULL_TRUTH)["members"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    assert c.precision == 1.0
    assert c.recall == 0.5


def test_extra_rank_lowers_precision_not_recall() -> None:
    extra = proposed("rankings", cluster=C5, results_year=2023, unit="Thanh tra tỉnh", rank=3)
    c = score([*FULL_PROPOSAL, extra], FULL_TRUTH)["ranks"]
    assert (c.tp, c.fp, c.fn) == (2, 1, 0)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == 1.0


@pytest.mark.parametrize(
    "written",
    [
        "Sở Văn hoá, Thể thao và Du lịch",  # old tone-mark placement
        unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao và Du lịch"),
        "Sở Văn hóa, Thể thao & Du lịch",
    ],
)
def test_unit_spellings_match(written: str) -> None:
    truth = truth_of(memberships=[row("Sở Văn hóa, Thể thao và Du lịch")])
    assert counts("members", [member(written)], truth) == (1, 0, 0)


def test_roman_and_plain_cluster_numbers_match() -> None:
    truth = truth_of(memberships=[{**row("Sở Y tế"), "cluster": "Cụm thi đua số V"}])
    assert counts("members", [member("Sở Y tế", cluster="Cụm 5")], truth) == (1, 0, 0)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Cụm thi đua số V", "Khối 05"),  # kind is ignored: reports mix cụm and khối
        ("Cụm thi đua số 5 tỉnh Nghệ An", "cụm số 05"),
        ("Khối thi đua các cơ quan Đảng tỉnh", "khối thi đua các cơ quan Đảng tỉnh"),
    ],
)
def test_cluster_keys(left: str, right: str) -> None:
    assert cluster_key(left) == cluster_key(right)


def test_different_clusters_do_not_match() -> None:
    assert cluster_key("Cụm thi đua số 5") != cluster_key("Cụm thi đua số 6")
    assert cluster_key("Cụm thi đua các huyện miền núi") != cluster_key("Cụm thi đua số 5")


def test_role_on_the_wrong_unit_is_a_false_positive_and_a_false_negative() -> None:
    truth = truth_of(memberships=[row("Sở Tư pháp", role="leader"), row("Sở Y tế", role=None)])
    wrong = [member("Sở Tư pháp"), member("Sở Y tế", "leader")]
    assert counts("roles", wrong, truth) == (0, 1, 1)
    assert counts("members", wrong, truth) == (2, 0, 0)  # the roster itself is right


def test_roles_come_from_memberships_and_leadership_alike() -> None:
    as_membership = member("Sở Y tế", "leader", year=2024)
    assert counts("roles", [as_membership], FULL_TRUTH) == (1, 0, 1)
    assert counts("members", [as_membership], FULL_TRUTH) == (0, 1, 2)


@pytest.mark.parametrize("blank", [None, ""])
def test_award_without_unit_matches_null_or_blank(blank: str | None) -> None:
    truth = truth_of(awards=[row(None, award_type="GOV_FLAG", status="proposed")])
    award = proposed(
        "awards",
        cluster=C5,
        results_year=2023,
        unit=blank,
        award_type="GOV_FLAG",
        status="proposed",
    )
    assert counts("awards", [award], truth) == (1, 0, 0)


def test_award_status_is_part_of_the_key() -> None:
    truth = truth_of(awards=[row("Sở Tư pháp", award_type="PROV_FLAG", status="approved")])
    award = proposed(
        "awards",
        cluster=C5,
        results_year="2023",
        unit="Sở Tư pháp",
        award_type="PROV_FLAG",
        status="proposed",
    )
    assert counts("awards", [award], truth) == (0, 1, 1)


@pytest.mark.parametrize("written", ["15/07/2022", "2022-07-15", "15-7-2022"])
def test_event_dates_in_any_spelling_match(written: str) -> None:
    event: dict[str, Any] = {"cluster": C5, "results_year": 2022, "event_type": "mid_year_review"}
    truth = truth_of(events=[{**event, "event_date": "2022-07-15"}])
    assert counts("events", [proposed("events", **event, event_date=written)], truth) == (1, 0, 0)


def test_event_month_only_and_unknown_date() -> None:
    event: dict[str, Any] = {"cluster": C5, "results_year": 2022, "event_type": "year_end_review"}
    truth = truth_of(events=[{**event, "event_date": "2022-12"}, {**event, "event_date": None}])
    found = [proposed("events", **event, event_date="12/2022"), proposed("events", **event)]
    assert counts("events", found, truth) == (2, 0, 0)


def test_school_year_counts_as_its_end_year() -> None:
    truth = truth_of(memberships=[row("Trường THPT Nguyễn Huệ")])
    found = [member("Trường THPT Nguyễn Huệ", year="2022-2023")]
    assert counts("members", found, truth) == (1, 0, 0)


def test_same_unit_id_matches_different_names() -> None:
    truth = truth_of(memberships=[{**row("Ban Dân tộc tỉnh"), "unit_id": "th-ban-dan-toc"}])
    found = proposed(
        "memberships", "th-ban-dan-toc", cluster=C5, results_year=2023, unit="Dân tộc tỉnh"
    )
    assert counts("members", [found], truth) == (1, 0, 0)
    unresolved = member("Dân tộc tỉnh")
    assert counts("members", [unresolved], truth) == (0, 1, 1)


def test_duplicates_count_once() -> None:
    twice = [member("Sở Tư pháp", "leader"), member("Sở Tư pháp", "leader"), member("Sở Y tế")]
    assert counts("members", twice, FULL_TRUTH) == (2, 0, 0)
    assert counts("roles", twice, FULL_TRUTH) == (1, 0, 1)


def test_a_kind_nobody_has_is_not_applicable() -> None:
    c = score([], truth_of())["awards"]
    assert (c.precision, c.recall, c.f1) == (None, None, None)
    missed = score([], FULL_TRUTH)["awards"]
    assert (missed.precision, missed.recall, missed.f1) == (None, 0.0, 0.0)


def test_counts_add_up() -> None:
    total = Counts(1, 2, 3) + Counts(4, 5, 6)
    assert (total.tp, total.fp, total.fn) == (5, 7, 9)
    assert total.f1 == pytest.approx(10 / 26)


def test_evaluate_sums_per_group_and_lists_misses(tmp_path: Path) -> None:
    corpus_doc = tmp_path / "corpus" / "01_a.txt"
    seed_doc = tmp_path / "articles" / "000_b.txt"
    proposals = {corpus_doc: FULL_PROPOSAL, seed_doc: [member("Sở Nội vụ")]}
    report = evaluate([(corpus_doc, FULL_TRUTH), (seed_doc, FULL_TRUTH)], proposals.__getitem__)

    assert report.groups() == [SEED_GROUP, CORPUS_GROUP]
    assert report.totals(CORPUS_GROUP)["members"].f1 == 1.0
    members = report.totals()["members"]
    assert (members.tp, members.fp, members.fn) == (2, 1, 2)
    table = report.markdown()
    assert "| type | precision | recall | F1 | tp | fp | fn |" in table
    assert "| members | 1.000 | 1.000 | 1.000 | 2 | 0 | 0 |" in table
    assert f"### {SEED_GROUP} (1 documents)" in table
    details = report.details()
    assert details[0] == "000_b.txt (seed articles)"
    assert "  FP members: Cụm thi đua số 5 | 2023 | Sở Nội vụ" in details
    assert "  FN ranks: Cụm thi đua số 5 | 2023 | Sở Tư pháp | 1" in details
    assert not any("01_a.txt" in line for line in details)


def test_load_truth_pairs_corpus_and_seed_documents() -> None:
    pairs = load_truth(TRUTH, [CORPUS, ARTICLES])
    paths = {path.name: path for path, _ in pairs}
    assert paths["01_nghe-an-cum5-tong-ket-2023.txt"].parent == CORPUS
    assert paths["002_37a5b977a4b97058.txt"].parent == ARTICLES
    assert len(pairs) == len(list(TRUTH.glob("*.json")))


def test_load_truth_names_a_missing_document(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text(json.dumps(truth_of()), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"x\.txt"):
        load_truth(tmp_path, [CORPUS])


# --- the corpus and its truth ---------------------------------------------------------------


class _PageText(HTMLParser):
    """What a reader of a saved page sees: its text, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def document_text(path: Path) -> str:
    if path.suffix == ".html":
        parser = _PageText()
        parser.feed(path.read_text(encoding="utf-8"))
        return " ".join(parser.parts)
    if path.suffix == ".docx":
        # read the Word XML directly: the check needs only the words, not python-docx
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml").decode("utf-8")
        return html.unescape(re.sub(r"<[^>]+>", " ", xml.replace("</w:p>", "\n")))
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Searchable:
    """A document's text, ready for looking names up: match keys for whole names, lower-case
    text for the list after a covering prefix. Both come with and without the word "các":
    "Sở Tư pháp các tỉnh Nam Định, Ninh Bình" names "Sở Tư pháp tỉnh Ninh Bình", the prefix
    losing its plural when distributed."""

    keys: tuple[str, ...]
    plains: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Searchable:
        variants = (text, re.sub(r"\bcác\s+", "", text))
        return cls(tuple(match_key(v) for v in variants), tuple(_plain(v) for v in variants))


def _plain(text: str) -> str:
    return normalize_tone_marks(clean_text(text)).lower()


# A list after a covering prefix: pieces between commas, semicolons, colons and "và", up to the
# end of the sentence; roles in brackets are not part of a name.
_PIECE_SPLIT = re.compile(r"[,;:]| và ")
_BRACKETS = re.compile(r"\([^)]*\)")


def _in_list_after(head: str, tail: str, plain: str, reach: int) -> bool:
    for found in re.finditer(re.escape(_plain(head)), plain):
        rest = re.split(r"[.\n]", plain[found.end() : found.end() + reach], maxsplit=1)[0]
        # a bracket that closes the list ends its last name: "(gồm Cục A, B và C) đã …"
        pieces = [match_key(_BRACKETS.sub(" ", p).split(")")[0]) for p in _PIECE_SPLIT.split(rest)]
        # a name holding "và" was cut in two ("Nông nghiệp và Phát triển nông thôn")
        joined = [a + b for a, b in itertools.pairwise(pieces)]
        # the last piece runs on into the sentence ("… và Đức Trọng tổ chức hội nghị")
        last = [pieces[-1], *joined[-1:]]
        if tail in pieces or tail in joined or any(p.startswith(tail) for p in last):
            return True
    return False


def occurs(name: str, text: Searchable, reach: int = 400) -> bool:
    """The name is in the text, or a covering prefix of it is, followed by a list that holds the
    rest of the name ("Huyện ủy Ea H'leo, Krông Pắc" holds "Huyện ủy Krông Pắc")."""
    if any(match_key(name) in key for key in text.keys):
        return True
    words = name.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), match_key(" ".join(words[cut:]))
        if any(_in_list_after(head, tail, plain, reach) for plain in text.plains):
            return True
        # "Ủy ban MTTQ thị trấn A và các xã B, C" holds "Ủy ban MTTQ xã C": the head is in the
        # text and the place after "các xã"
        place = words[cut]
        if place in _PLACE_WORDS and cut + 1 < len(words):
            rest = match_key(" ".join(words[cut + 1 :]))
            if any(
                _plain(head) in plain and _in_list_after(f"các {place}", rest, plain, reach)
                for plain in text.plains
            ):
                return True
    return False


_PLACE_WORDS = {"tỉnh", "huyện", "xã", "phường", "quận", "thị trấn", "thị xã", "thành phố"}


HELDOUT = EXTRACT_DATA / "heldout"
TRUTH_FILES = sorted([*TRUTH.glob("*.json"), *(EXTRACT_DATA / "heldout_truth").glob("*.json")])
ALLOWED = {
    "memberships": {"cluster", "results_year", "unit", "unit_id", "role", "role_order"}
    | {"stated_member_count"},
    "leadership": {"cluster", "results_year", "unit", "unit_id", "role", "role_order"},
    "rankings": {"cluster", "results_year", "unit", "unit_id", "rank"},
    "awards": {"cluster", "results_year", "unit", "unit_id", "award_type", "status"},
    "events": {"cluster", "results_year", "event_type", "event_date"},
}
ISO_PARTIAL = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def _check_row(section: str, record: dict[str, Any]) -> None:
    assert set(record) <= ALLOWED[section], set(record) - ALLOWED[section]
    assert isinstance(record["cluster"], str) and record["cluster"]
    assert isinstance(record["results_year"], int) and 2000 <= record["results_year"] <= 2030
    if section in ("memberships", "leadership", "rankings"):
        assert isinstance(record["unit"], str) and record["unit"]
    if section in ("memberships", "leadership"):
        allowed = (*LEADING_ROLES, None) if section == "memberships" else LEADING_ROLES
        assert record["role"] in allowed
        assert record.get("role_order") in (None, 1, 2)
        assert record.get("role_order") is None or record["role"] == "deputy"
    if section == "rankings":
        assert isinstance(record["rank"], int) and 1 <= record["rank"] <= 20
    if section == "awards":
        assert record["award_type"] in AWARD_CODES
        assert record["status"] in AWARD_STATUSES
        assert record["unit"] is None or (isinstance(record["unit"], str) and record["unit"])
    if section == "events":
        assert record["event_type"] in EVENT_TYPES
        date = record["event_date"]
        assert date is None or ISO_PARTIAL.match(date), date
        assert (
            date is None
            or record["results_year"] - 1 <= int(date[:4]) <= record["results_year"] + 1
        )


@pytest.mark.parametrize("truth_path", TRUTH_FILES, ids=lambda p: p.stem)
def test_truth_file_is_well_formed(truth_path: Path) -> None:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    assert set(truth) == {"document", "organizer", "records"}
    assert isinstance(truth["organizer"], str) and truth["organizer"]
    assert set(truth["records"]) == set(ALLOWED)
    document = next(
        p
        for p in (
            CORPUS / truth["document"],
            HELDOUT / truth["document"],
            ARTICLES / truth["document"],
        )
        if p.is_file()
    )
    assert truth_path.stem.startswith("seed_") == (document.parent == ARTICLES)
    if document.parent != ARTICLES:
        assert document.stem == truth_path.stem
    text = Searchable.of(document_text(document))
    for section, rows in truth["records"].items():
        for record in rows:
            _check_row(section, record)
            assert occurs(record["cluster"], text), record["cluster"]
            unit = record.get("unit")
            assert unit is None or unit == "các đơn vị còn lại" or occurs(unit, text), unit


def test_occurs_accepts_a_distributed_prefix_and_rejects_a_typo() -> None:
    text = Searchable.of(
        "Khối gồm Huyện ủy Ea H’leo, Krông Pắc (Khối trưởng) và Thị ủy Buôn Hồ. Sở Tư pháp các"
        " tỉnh Nam Định, Ninh Bình đã dự. UBND các huyện: Lạc Dương và Đam Rông tổ chức hội nghị"
    )
    for name in (
        "Huyện ủy Krông Pắc",
        "Huyện ủy Ea H'leo",
        "Thị ủy Buôn Hồ",
        "Sở Tư pháp tỉnh Ninh Bình",
        "UBND huyện Đam Rông",
    ):
        assert occurs(name, text), name
    for typo in ("Huyện ủy Krông Búk", "Huyện ủy Buôn Hồ", "Sở Tư pháp tỉnh Nam Đinh"):
        assert not occurs(typo, text), typo


def test_corpus_covers_the_formats_with_a_truth_for_each() -> None:
    documents = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".docx"))
    suffixes = [p.suffix for p in documents]
    assert len(documents) >= 24
    assert suffixes.count(".html") >= 6 and suffixes.count(".docx") >= 3
    for document in documents:
        assert re.match(r"^\d{2}_[a-z0-9-]+$", document.stem), document.name
        assert (TRUTH / f"{document.stem}.json").is_file(), document.name
    assert len({p.stem[:2] for p in documents}) == len(documents)  # NN is unique
    for name in ("000", "001", "002", "003", "004"):
        assert (TRUTH / f"seed_{name}.json").is_file()


@pytest.mark.parametrize(
    "document",
    sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html", ".docx")),
    ids=lambda p: p.stem,
)
def test_corpus_document_length(document: Path) -> None:
    words = len(document_text(document).split())
    assert 150 <= words <= 1200, words


def test_every_kind_is_in_the_truth() -> None:
    found = dict.fromkeys(KINDS, 0)
    for _, truth in load_truth(TRUTH, [CORPUS, ARTICLES]):
        for kind, c in score([], truth).items():
            found[kind] += c.fn
    assert all(found.values()), found


# --- the README tells the current numbers ---------------------------------------------------


def _readme_tables() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- extract-eval:start -->")[1].split("<!-- extract-eval:end -->")[0]
    return re.findall(r"^\| type \|.*?(?=\n\n|\n*\Z)", block, flags=re.M | re.S)


def test_the_readme_shows_what_make_extract_eval_measures_today() -> None:
    from thidua.extract.documents import read_document
    from thidua.extract.engine import extract
    from thidua.extract.knowledge import knowledge

    known = knowledge(None)

    def run(path: Path) -> list[Proposed]:
        return extract(read_document(path), known)

    developed = evaluate(load_truth(TRUTH, [CORPUS, ARTICLES]), run)
    held_out = evaluate(load_truth(EXTRACT_DATA / "heldout_truth", [EXTRACT_DATA / "heldout"]), run)
    assert _readme_tables() == [
        developed.table(SEED_GROUP),
        developed.table(CORPUS_GROUP),
        held_out.table(),
    ], "run `make extract-eval` and copy its tables into the README"
