"""Everything the Vietnamese dashboard shows is Vietnamese: an AppTest walk over every page.

Each page (every tab, and the deep links an analyst shares) runs in Vietnamese; the walk collects
what a reader sees (titles, Markdown, captions, widget labels, help and options, tab and
expander labels, metric labels and values, table headers and text cells, chart titles, axis and
legend titles and the text the charts encode) and fails on a listed English word
(tests/english_words.py) or a raw id where a name exists. The English switch gets the mirror
check: its labels and headers hold no Vietnamese.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest
from tests.english_words import english_words, raw_ids

from app_pages import INTAKE_PAGE, RUN_TIMEOUT_S
from app_pages import PAGES as WAREHOUSE_PAGES
from thidua.i18n.messages import term
from thidua.paths import APP_ENTRY, EXPECTATIONS_DIR, Home

PAGES = {**WAREHOUSE_PAGES, **INTAKE_PAGE}


# Every page as it opens, every tab, and the links the README and the issue name.
VIEWS: list[tuple[str, dict[str, str]]] = [
    *((page, {}) for page in PAGES),
    *(
        ("cum-khoi", {"cluster": "th-ubnd:cum-08", "tab": tab})
        for tab in ("members", "leaders", "rank", "criteria", "events", "awards")
    ),
    ("cum-khoi", {"cluster": "th-ubnd:cum-07", "tab": "awards"}),
    ("don-vi", {"unit": "th-so-khdt"}),
    ("don-vi", {"unit": "th-mb"}),
    *(("khen-thuong", {"tab": tab}) for tab in ("funnel", "compliance", "list")),
    ("khen-thuong", {"tab": "funnel", "by": "type"}),
    *(("chat-luong", {"tab": tab}) for tab in ("build", "loads", "checks", "quarantine")),
]
# What a reader sees of an element's proto (the field names Streamlit gives them).
_TEXT_FIELDS = ("label", "body", "help", "placeholder", "value")
# The language switch names both languages on purpose.
_BILINGUAL = {"Ngôn ngữ / Language", "English", "Tiếng Việt"}


def _arrow(data: bytes) -> pa.Table:
    return pa.ipc.open_stream(data).read_all()


def _is_text(table: pa.Table, column: str) -> bool:
    kind = table.schema.field(column).type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _is_list(table: pa.Table, column: str) -> bool:
    kind = table.schema.field(column).type
    return bool(pa.types.is_list(kind) or pa.types.is_large_list(kind))


def _table_texts(proto: Any) -> Iterator[tuple[str, str]]:
    """Headers, header help and the text cells of the columns shown (a link shows its label)."""
    config = json.loads(proto.columns or "{}")
    table = _arrow(proto.arrow_data.data)
    for column in proto.column_order:
        settings = config.get(column, {})
        yield "header", settings.get("label", column)
        if settings.get("help"):
            yield "header help", settings["help"]
        if settings.get("type_config", {}).get("type") == "link":
            shown = settings["type_config"].get("display_text") or ""
            if shown and not re.search(r"[\\()\[\]*+?]", shown):  # a label, not a pattern
                yield "link", shown
            continue
        if column not in table.column_names:
            continue
        if _is_text(table, column):
            yield from (("cell", v) for v in table.column(column).to_pylist() if v)
        elif _is_list(table, column):
            for values in table.column(column).to_pylist():
                yield from (("cell", v) for v in values or () if isinstance(v, str))


def _encoded_fields(spec: Any) -> set[str]:
    """The fields a chart shows (axes, legends, tooltips, text), not the ones it only links by."""
    fields: set[str] = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "encoding" and isinstance(value, dict):
                for channel, definition in value.items():
                    if channel in ("href", "detail", "key", "order"):
                        continue
                    for item in definition if isinstance(definition, list) else [definition]:
                        if isinstance(item, dict) and isinstance(item.get("field"), str):
                            fields.add(item["field"])
            fields |= _encoded_fields(value)
    elif isinstance(spec, list):
        for value in spec:
            fields |= _encoded_fields(value)
    return fields


def _spec_titles(spec: Any) -> Iterator[str]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("title", "text") and isinstance(value, str):
                yield value
            elif key == "title" and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _spec_titles(value)
    elif isinstance(spec, list):
        for value in spec:
            yield from _spec_titles(value)


def _chart_texts(proto: Any) -> Iterator[tuple[str, str]]:
    spec = json.loads(proto.spec)
    yield from (("chart title", t) for t in _spec_titles(spec))
    shown = _encoded_fields(spec)
    for dataset in proto.datasets:
        table = _arrow(dataset.data.data)
        for column in table.column_names:
            if column in shown and _is_text(table, column):
                yield from (("chart", v) for v in set(table.column(column).to_pylist()) if v)


def visible_texts(node: Any) -> Iterator[tuple[str, str]]:
    """(where, text) of everything a reader sees under `node` of an AppTest tree."""
    kind = getattr(node, "type", "")
    proto = getattr(node, "proto", None)
    if kind in ("html", "code", "text_area"):  # our script; SQL the user types
        return
    if proto is not None and hasattr(proto, "ListFields"):
        for field, value in proto.ListFields():
            if field.name in _TEXT_FIELDS and isinstance(value, str):
                yield f"{kind}.{field.name}", value
            elif field.name == "options":
                yield from ((f"{kind}.option", o) for o in value if isinstance(o, str))
    if kind == "dataframe" and proto is not None:
        yield from ((f"table {w}", t) for w, t in _table_texts(proto))
    elif kind == "vega_lite_chart" and proto is not None:
        yield from _chart_texts(proto)
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from visible_texts(child)


@pytest.fixture(scope="module")
def exempt(published_home: Home) -> tuple[frozenset[str], frozenset[str]]:
    """(identifiers a reader may see as they are, ids that must never show)."""
    con = duckdb.connect(str(published_home.published_db), read_only=True)
    try:
        relations = con.sql(
            "select schema_name, table_name from duckdb_tables() union all "
            "select schema_name, view_name from duckdb_views() where not internal"
        ).fetchall()
        names = {n for row in relations for n in (row[0], row[1], f"{row[0]}.{row[1]}")}
        names |= {r[0] for r in con.sql("select column_name from duckdb_columns()").fetchall()}
        names |= {r[0] for r in con.sql("select name from meta.dbt_results").fetchall()}
        ids = {
            r[0]
            for r in con.sql(
                "select cluster_id from marts.dim_cluster union all "
                "select unit_id from marts.dim_unit union all "
                "select organizer_id from marts.dim_organizer"
            ).fetchall()
        }
    finally:
        con.close()
    return frozenset(names), frozenset(ids)


@pytest.fixture(scope="module")
def app(published_home: Home) -> Iterator[AppTest]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THIDUA_HOME", str(published_home.root))
        at = AppTest.from_file(APP_ENTRY, default_timeout=RUN_TIMEOUT_S)
        at.run()
        yield at


def _open(at: AppTest, page: str, params: dict[str, str]) -> AppTest:
    at.switch_page(PAGES[page])
    at.query_params.clear()
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _problems(at: AppTest, names: frozenset[str], ids: frozenset[str]) -> set[str]:
    found = set()
    for where, text in visible_texts(at._tree):
        if text in _BILINGUAL:
            continue
        words = english_words(text, names)
        shown_ids = raw_ids(text, ids) if where != "table header" else []
        if words or shown_ids:
            found.add(f"{where}: {sorted(set(words + shown_ids))} in {text[:140]!r}")
    return found


@pytest.mark.parametrize(("page", "params"), VIEWS, ids=[f"{p}{q}" for p, q in VIEWS])
def test_the_vietnamese_page_shows_no_english(
    app: AppTest,
    exempt: tuple[frozenset[str], frozenset[str]],
    page: str,
    params: dict[str, str],
) -> None:
    at = _open(app, page, params)
    texts = list(visible_texts(at._tree))
    assert len(texts) > 5, "the walk saw nothing: the collector is broken"
    assert not _problems(at, *exempt), "\n".join(sorted(_problems(at, *exempt)))


_VIETNAMESE = re.compile("[à-ỹđÀ-ỸĐ]")
# What a label or header is, as opposed to data (unit names stay Vietnamese in English).
_LABELS = ("title.body", "header.body", "subheader.body", ".label", "table header", "tab")


@pytest.mark.parametrize("page", list(PAGES))
def test_the_english_switch_leaves_no_vietnamese_label(app: AppTest, page: str) -> None:
    at = _open(app, page, {"lang": "en"})
    leftovers = {
        f"{where}: {text!r}"
        for where, text in visible_texts(at._tree)
        if any(where.endswith(kind) or where == kind for kind in _LABELS)
        and text not in _BILINGUAL
        and _VIETNAMESE.search(text)
    }
    assert not leftovers, "\n".join(sorted(leftovers))


def test_the_walk_would_see_english_and_ids() -> None:
    """The check itself: the issue's own examples are caught, Vietnamese passes."""
    for text in (
        "exposure",
        "no-op",
        "Bảng (model)",
        "expect_column_values_to_be_between",
        "regimes where gov_flag_requires_leading_unit is true",
        "Cờ thi đua của tỉnh (decided) cho Sở Xây dựng",
        "Loại: enterprise",
        "department",
    ):
        assert english_words(text), text
    assert raw_ids("Sở Xây dựng xếp thứ 2 trong th-ubnd:cum-06", {"th-ubnd:cum-06"})
    assert raw_ids("Bộ sinh dữ liệu mô phỏng (synthetic:province:seed=1)", set())
    clean = "Tải Excel (XLSX) · Truy vấn SQL · Công an tỉnh Thanh Hóa · tệp memberships.csv"
    assert not english_words(clean)


def test_every_check_and_input_column_reads_in_vietnamese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The quality page's codes in words, including the ones the sample never quarantines."""
    monkeypatch.syspath_prepend(str(APP_ENTRY.parent))  # as Streamlit imports the app's modules
    quality = importlib.import_module("presenters_quality")
    from thidua.contract.artifacts import checked_column
    from thidua.contract.records import RECORD_TYPES
    from thidua.i18n.messages import message_keys

    # the loader's rules: each has its finding message (findings_report)
    rules = {k.split(".", 1)[1] for k in message_keys() if k.startswith("finding.")} - {"other"}

    expectations = {
        e["type"]
        for path in Path(EXPECTATIONS_DIR).glob("*.json")
        for e in json.loads(path.read_text(encoding="utf-8"))["expectations"]
    }
    for rule in sorted(expectations | rules):
        label = term("check_rule", rule, "vi")
        assert label != rule and not english_words(label), rule
    for name, record_type in RECORD_TYPES.items():
        assert not english_words(quality.record_type_label(name, "vi")), name
        for column in record_type.columns:
            for landed in (column.name, checked_column(column)):
                label = quality.column_label(name, landed, "vi")
                assert label and not english_words(label), (name, landed, label)
