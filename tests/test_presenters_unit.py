"""The unit page's frames: a unit's year-by-year record with role, share and "rank 2 of 10" in
the reader's language (a hidden value left blank, an unstated role said so), the series that
follows the unit into its successor from the merge on, each value's own source, the
reorganisation edges in words, the one sentence on where the unit went or what it took over, and
the years a trend chart marks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import ModuleType
from typing import Any

import polars as pl
import pytest

KHDT, KHDT_NAME = "th-so-khdt", "Sở Kế hoạch và Đầu tư"
TC, TC_NAME = "th-so-tai-chinh", "Sở Tài chính"
CHAIN = f"{KHDT_NAME} → {TC_NAME}"
MERGED = dt.date(2025, 3, 1)

ARTICLE = "Hội nghị tổng kết Cụm thi đua số 8 năm 2023"
DECISION = "Quyết định 123/QĐ-UBND về kết quả thi đua năm 2024"


@pytest.fixture
def present(app_module: Callable[[str], ModuleType]) -> ModuleType:
    """app/presenters_unit.py, imported as Streamlit imports the app's modules."""
    return app_module("presenters_unit")


_GROUPS = ("role", "score", "rank", "awards")


def _history_row(**values: Any) -> dict[str, Any]:
    """One row as q_unit_history returns it; unset values are unknown (NULL)."""
    row: dict[str, Any] = {
        "results_year": None,
        "unit_id": None,
        "unit_name": None,
        "cluster_id": None,
        "cluster_name": None,
        "role": None,
        "share_of_max": None,
        "rank": None,
        "rank_basis": None,
        "member_count": None,
        "is_effective_rank_synthetic": False,
        "is_synthetic": False,
        "source_mix": "real",
    }
    for group in _GROUPS:
        row[f"is_{group}_synthetic"] = False
        for part in ("kind", "ref", "title", "publisher", "url"):
            row[f"{group}_source_{part}"] = None
    row.update(values)
    return row


def _history() -> pl.DataFrame:
    """The Sở KH&ĐT's years, and its successor's (Sở Tài chính) before and after the merge."""
    rows = [
        _history_row(
            results_year=2023,
            unit_id=KHDT,
            unit_name=KHDT_NAME,
            cluster_id="th-ubnd:cum-08",
            cluster_name="Cụm thi đua số 8",
            role="leader",
            share_of_max=0.98765,
            rank=1,
            rank_basis="declared_rank",
            member_count=12,
            rank_source_kind="article",
            rank_source_ref="article:002",
            rank_source_title=ARTICLE,
            rank_source_publisher="Báo Thanh Hóa",
            score_source_kind="article",
            score_source_title=ARTICLE,
        ),
        # the cluster's name is unknown, the role not stated, the member count and share hidden
        _history_row(
            results_year=2024,
            unit_id=KHDT,
            unit_name=KHDT_NAME,
            cluster_id="th-ubnd:cum-08",
            role=None,
            rank=3,
            rank_basis="score",
            score_source_kind="official",
            score_source_title=DECISION,
            source_mix="mixed",
        ),
        # the successor before the merge: a series of its own, no rank known
        _history_row(
            results_year=2024,
            unit_id=TC,
            unit_name=TC_NAME,
            cluster_id="th-ubnd:cum-05",
            cluster_name="Cụm thi đua số 5",
            role="deputy",
            share_of_max=0.9,
            member_count=10,
            is_score_synthetic=True,
            score_source_kind="synthetic",
            score_source_ref="synthetic:province:seed=1",
            source_mix="synthetic",
            is_synthetic=True,
        ),
        # the successor after the merge: a generated role, hidden (NULL)
        _history_row(
            results_year=2025,
            unit_id=TC,
            unit_name=TC_NAME,
            cluster_id="th-ubnd:cum-05",
            cluster_name="Cụm thi đua số 5",
            role=None,
            is_role_synthetic=True,
            share_of_max=0.95,
            rank=2,
            rank_basis="score",
            member_count=10,
            is_effective_rank_synthetic=True,
            is_score_synthetic=True,
            score_source_kind="synthetic",
        ),
    ]
    return pl.DataFrame(rows, infer_schema_length=None)


def _family(selected: str = KHDT, merged: dt.date | None = MERGED) -> pl.DataFrame:
    """The two units of the family as q_unit_family returns them (the former one first)."""
    return pl.DataFrame(
        {
            "unit_id": [KHDT, TC],
            "unit_name": [KHDT_NAME, TC_NAME],
            "successor_unit_id": [TC, TC],
            "successor_unit_name": [TC_NAME, TC_NAME],
            "successor_relation": ["merged_into", None],
            "successor_effective_date": [merged, None],
            "is_current": [False, True],
            "is_selected": [selected == KHDT, selected == TC],
        },
        schema_overrides={"successor_effective_date": pl.Date},
    )


def _column(frame: pl.DataFrame, name: str) -> list[Any]:
    return frame[name].to_list()


# --- history ------------------------------------------------------------------------------------


def test_the_selected_unit_and_its_successor_after_the_merge_form_one_series(
    present: ModuleType,
) -> None:
    out = present.history(_history(), _family(), "vi")
    assert _column(out, "is_chain") == [True, True, False, True]
    # the successor's year before the merge is a line of its own, under its own name
    assert _column(out, "series") == [CHAIN, CHAIN, TC_NAME, CHAIN]


def test_the_successors_page_follows_its_own_years_and_keeps_the_former_unit_apart(
    present: ModuleType,
) -> None:
    out = present.history(_history(), _family(selected=TC), "vi")
    assert _column(out, "is_chain") == [False, False, True, True]
    assert _column(out, "series") == [KHDT_NAME, KHDT_NAME, TC_NAME, TC_NAME]


@pytest.mark.parametrize(
    ("lang", "roles"),
    [
        ("vi", ["Trưởng cụm/khối", "Thành viên (không nêu vai trò)", "Phó cụm/khối", None]),
        ("en", ["Leader", "Member (role not stated)", "Deputy", None]),
    ],
)
def test_roles_in_words_an_unstated_one_said_so_and_a_hidden_one_left_blank(
    present: ModuleType, lang: str, roles: list[str | None]
) -> None:
    out = present.history(_history(), _family(), lang)
    assert _column(out, "role_label") == roles
    assert _column(out, "role_code") == ["leader", "unknown", "deputy", None]


def test_a_role_code_the_catalogue_does_not_know_is_shown_as_it_is(present: ModuleType) -> None:
    frame = _history().with_columns(
        pl.when(pl.col("role") == "deputy")
        .then(pl.lit("secretary"))
        .otherwise(pl.col("role"))
        .alias("role")
    )
    out = present.history(frame, _family(), "vi")
    assert _column(out, "role_label")[2] == "secretary"


@pytest.mark.parametrize(
    ("lang", "ranks", "shares"),
    [
        ("vi", ["1/12", "3", "", "2/10"], ["98,8%", "—", "90,0%", "95,0%"]),
        ("en", ["1 of 12", "3", "", "2 of 10"], ["98.8%", "—", "90.0%", "95.0%"]),
    ],
)
def test_rank_and_share_labels_leave_unknown_values_out(
    present: ModuleType, lang: str, ranks: list[str], shares: list[str]
) -> None:
    out = present.history(_history(), _family(), lang)
    # a rank without the cluster's size is just the rank; no rank is no label
    assert _column(out, "rank_label") == ranks
    assert _column(out, "share_label") == shares


def test_cluster_label_falls_back_to_the_cluster_id(present: ModuleType) -> None:
    out = present.history(_history(), _family(), "vi")
    assert _column(out, "cluster_label") == [
        "Cụm thi đua số 8",
        "th-ubnd:cum-08",
        "Cụm thi đua số 5",
        "Cụm thi đua số 5",
    ]


def test_the_effective_rank_takes_the_source_of_what_it_rests_on(present: ModuleType) -> None:
    out = present.history(_history(), _family(), "vi")
    assert _column(out, "effective_rank_source") == [
        # declared in an article
        f"Bài báo: {ARTICLE} (Báo Thanh Hóa)",
        # by score: the scores' source
        f"Văn bản chính thức: {DECISION}",
        # no rank, no source
        None,
        "Mô phỏng",
    ]
    assert _column(out, "effective_rank_origin") == ["Thật", "Thật", "Thật", "Mô phỏng"]


@pytest.mark.parametrize(
    ("lang", "mix", "scores"),
    [
        ("vi", ["Thật", "Hỗn hợp", "Mô phỏng", "Thật"], ["Thật", "Thật", "Mô phỏng", "Mô phỏng"]),
        ("en", ["Real", "Mixed", "Synthetic", "Real"], ["Real", "Real", "Synthetic", "Synthetic"]),
    ],
)
def test_the_row_says_its_mix_and_each_value_its_own_origin(
    present: ModuleType, lang: str, mix: list[str], scores: list[str]
) -> None:
    out = present.history(_history(), _family(), lang)
    assert _column(out, "origin") == mix
    assert _column(out, "score_origin") == scores
    # a value with nothing known about its source has no source label
    assert _column(out, "awards_source") == [None, None, None, None]


def test_history_keeps_the_rows_and_their_order(present: ModuleType) -> None:
    frame = _history()
    out = present.history(frame, _family(), "vi")
    assert out.height == frame.height
    assert _column(out, "results_year") == [2023, 2024, 2024, 2025]
    assert _column(out, "unit_name") == [KHDT_NAME, KHDT_NAME, TC_NAME, TC_NAME]


# --- lineage ------------------------------------------------------------------------------------


def _lineage() -> pl.DataFrame:
    """Edges as q_unit_lineage returns them (by date)."""
    return pl.DataFrame(
        {
            "effective_date": [dt.date(2020, 1, 1), MERGED, None],
            "from_unit_id": ["th-huyen-cu", KHDT, "th-so-x"],
            "from_unit_name": [None, KHDT_NAME, "Sở Ngoại vụ"],
            "relation": ["renamed_to", "merged_into", None],
            "to_unit_id": ["th-tx-nghi-son", TC, "th-so-y"],
            "to_unit_name": ["Thị xã Nghi Sơn", TC_NAME, None],
            "is_primary_successor": [True, True, False],
            "source_note": [
                "fact: Nghị quyết 868/NQ-UBTVQH14",
                "inference: Decree 45/2025/NĐ-CP national pattern; Thanh Hóa date unverified",
                None,
            ],
            "source_url": [None, None, None],
        },
        schema_overrides={"effective_date": pl.Date, "relation": pl.String},
    )


@pytest.mark.parametrize(
    ("lang", "relations", "dates"),
    [
        ("vi", ["đổi tên thành", "sáp nhập vào", None], ["01/01/2020", "01/03/2025", ""]),
        ("en", ["renamed to", "merged into", None], ["1 Jan 2020", "1 Mar 2025", ""]),
    ],
)
def test_lineage_edges_in_words_with_dates_in_the_readers_format(
    present: ModuleType, lang: str, relations: list[str | None], dates: list[str]
) -> None:
    out = present.lineage(_lineage(), lang)
    assert _column(out, "relation_label") == relations
    assert _column(out, "date_label") == dates


def test_lineage_names_fall_back_to_ids(present: ModuleType) -> None:
    out = present.lineage(_lineage(), "vi")
    assert _column(out, "from_label") == ["th-huyen-cu", KHDT_NAME, "Sở Ngoại vụ"]
    assert _column(out, "to_label") == ["Thị xã Nghi Sơn", TC_NAME, "th-so-y"]


def test_lineage_notes_come_from_the_catalogue_where_it_has_the_edge(present: ModuleType) -> None:
    vi = present.lineage(_lineage(), "vi")
    assert _column(vi, "note_label") == [
        # an edge the catalogue does not know keeps the seed's note
        "fact: Nghị quyết 868/NQ-UBTVQH14",
        "Suy luận: theo mô hình chung của Nghị định 45/2025/NĐ-CP;"
        " ngày áp dụng ở Thanh Hóa chưa được xác minh",
        None,
    ]
    en = present.lineage(_lineage(), "en")
    assert _column(en, "note_label")[1] == (
        "Inference: the national pattern of Decree 45/2025/NĐ-CP;"
        " the date in Thanh Hóa is not verified"
    )


def test_a_relation_the_catalogue_does_not_know_is_shown_as_it_is(present: ModuleType) -> None:
    frame = _lineage().with_columns(pl.Series("relation", ["absorbed_by", "merged_into", None]))
    out = present.lineage(frame, "en")
    assert _column(out, "relation_label") == ["absorbed_by", "merged into", None]


# --- the family sentence ------------------------------------------------------------------------


def test_a_unit_merged_into_another_says_where_it_went(present: ModuleType) -> None:
    assert present.family_sentence(_family(), "vi") == (
        "Sở Kế hoạch và Đầu tư sáp nhập vào Sở Tài chính (01/03/2025): các năm sau đó tiếp tục"
        " dưới tên đơn vị kế thừa, nên xu hướng không bị cắt ngang."
    )
    assert present.family_sentence(_family(), "en") == (
        "Sở Kế hoạch và Đầu tư was merged into Sở Tài chính (1 Mar 2025): later years continue"
        " under the successor, so the trend carries on."
    )


def test_an_unknown_merge_date_is_a_question_mark_not_an_invented_date(
    present: ModuleType,
) -> None:
    sentence = present.family_sentence(_family(merged=None), "vi")
    assert sentence is not None
    assert sentence.startswith("Sở Kế hoạch và Đầu tư sáp nhập vào Sở Tài chính (?):")


def _absorbing_family(selected: str) -> pl.DataFrame:
    """Two departments merged into the Sở Nông nghiệp và Môi trường (the former ones first)."""
    ids = ["th-so-nnptnt", "th-so-tnmt", "th-so-nnmt"]
    return pl.DataFrame(
        {
            "unit_id": ids,
            "unit_name": [
                "Sở Nông nghiệp và Phát triển nông thôn",
                "Sở Tài nguyên và Môi trường",
                "Sở Nông nghiệp và Môi trường",
            ],
            "successor_unit_id": ["th-so-nnmt"] * 3,
            "successor_unit_name": ["Sở Nông nghiệp và Môi trường"] * 3,
            "successor_relation": ["merged_into", "merged_into", None],
            "successor_effective_date": [MERGED, MERGED, None],
            "is_current": [False, False, True],
            "is_selected": [i == selected for i in ids],
        },
        schema_overrides={"successor_effective_date": pl.Date},
    )


def test_the_surviving_unit_names_the_units_it_took_over(present: ModuleType) -> None:
    family = _absorbing_family("th-so-nnmt")
    assert present.family_sentence(family, "vi") == (
        "Sở Nông nghiệp và Môi trường tiếp nối: Sở Nông nghiệp và Phát triển nông thôn"
        " (sáp nhập vào đơn vị này, 01/03/2025); Sở Tài nguyên và Môi trường (sáp nhập vào đơn vị"
        " này, 01/03/2025). Lịch sử của các đơn vị đó được xếp chung để xu hướng liền mạch qua"
        " các lần sắp xếp."
    )
    assert present.family_sentence(family, "en") == (
        "Sở Nông nghiệp và Môi trường carries on: Sở Nông nghiệp và Phát triển nông thôn"
        " (merged into this unit, 1 Mar 2025); Sở Tài nguyên và Môi trường (merged into this"
        " unit, 1 Mar 2025). Their histories are lined up with it so the trend continues across"
        " the reorganisations."
    )


def test_a_unit_merged_alongside_others_names_only_its_successor(present: ModuleType) -> None:
    sentence = present.family_sentence(_absorbing_family("th-so-tnmt"), "vi")
    assert sentence is not None
    assert sentence.startswith(
        "Sở Tài nguyên và Môi trường sáp nhập vào Sở Nông nghiệp và Môi trường (01/03/2025):"
    )
    assert "Phát triển nông thôn" not in sentence


def test_a_unit_that_never_changed_has_no_sentence(present: ModuleType) -> None:
    alone = (
        _family().filter(pl.col("unit_id") == TC).with_columns(pl.lit(True).alias("is_selected"))
    )
    assert present.family_sentence(alone, "vi") is None


# --- merge years ----------------------------------------------------------------------------------


def test_merge_years_are_the_distinct_known_years_in_order(present: ModuleType) -> None:
    lineage = pl.DataFrame(
        {"effective_date": [MERGED, dt.date(2020, 1, 1), None, dt.date(2025, 7, 1)]},
        schema={"effective_date": pl.Date},
    )
    assert present.merge_years(lineage) == [2020, 2025]
    none_known = lineage.filter(pl.col("effective_date").is_null())
    assert present.merge_years(none_known) == []


def _renamed_in_2020() -> pl.DataFrame:
    """The seed's huyện Tĩnh Gia, renamed thị xã Nghi Sơn on 01/05/2020, seen from Nghi Sơn."""
    return pl.DataFrame(
        {
            "unit_id": ["th-huyen-tinh-gia", "th-tx-nghi-son"],
            "unit_name": ["Ủy ban nhân dân huyện Tĩnh Gia", "Ủy ban nhân dân thị xã Nghi Sơn"],
            "successor_unit_id": ["th-tx-nghi-son"] * 2,
            "successor_unit_name": ["Ủy ban nhân dân thị xã Nghi Sơn"] * 2,
            "successor_relation": ["renamed_to", None],
            "successor_effective_date": [dt.date(2020, 5, 1), None],
            "is_current": [False, False],
            "is_selected": [False, True],
        },
        schema_overrides={"successor_effective_date": pl.Date},
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sentence_of_a_unit_reorganised_in_2020_does_not_speak_of_2025(
    present: ModuleType, lang: str
) -> None:
    sentence = present.family_sentence(_renamed_in_2020(), lang)
    assert sentence is not None
    assert "Ủy ban nhân dân huyện Tĩnh Gia" in sentence
    assert "2025" not in sentence
    # a rename is told as a rename, with its date
    assert (
        "đổi tên thành đơn vị này, 01/05/2020"
        if lang == "vi"
        else "renamed to this unit, 1 May 2020"
    ) in sentence
