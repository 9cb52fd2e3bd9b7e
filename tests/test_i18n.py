"""The translation catalogues (src/thidua/i18n/locale/*/LC_MESSAGES/*.po) and what reads them.

A key the code uses must be in both catalogues, every entry translated (not empty, not fuzzy),
placeholders alike in both languages, every documented table and column described in Vietnamese;
and the labels really come from the .po files (a changed file changes what `t()` returns).
"""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from tests.english_words import english_words

from thidua.i18n import catalogue
from thidua.i18n import messages as i18n
from thidua.paths import APP_ENTRY, PROJECT_ROOT
from thidua.warehouse.dbt_docs import english_descriptions

CODE_DIRS = (APP_ENTRY.parent, PROJECT_ROOT / "src" / "thidua")
_FIELD = re.compile(r"{\w*}")
_KEY = re.compile(r"[a-z][a-z_]*(?:\.[a-z_][a-z0-9_-]*)+")


def _key_groups() -> frozenset[str]:
    return frozenset(key.split(".")[0] for key in i18n.message_keys())


def _literals(tree: ast.AST) -> Iterator[tuple[str, bool]]:
    """(text, is_prefix) of every string constant; an f-string gives its leading constant."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value, True
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value, False


def _used_keys() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(file, key) of every literal that looks like a key of a catalogue group, and (file,
    prefix) of every f-string key (`f"stage.{stage}"`)."""
    groups = _key_groups()
    keys: set[tuple[str, str]] = set()
    prefixes: set[tuple[str, str]] = set()
    for folder in CODE_DIRS:
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for text, is_prefix in _literals(tree):
                if is_prefix:
                    if text.endswith(".") and text[:-1] in groups:
                        prefixes.add((path.name, text))
                elif _KEY.fullmatch(text) and text.split(".")[0] in groups:
                    keys.add((path.name, text))
    return keys, prefixes


def test_every_key_the_code_uses_is_in_both_catalogues() -> None:
    keys, prefixes = _used_keys()
    assert len(keys) > 400  # the scan sees the code (a broken scan would pass on nothing)
    vi, en = catalogue.msgids("vi"), catalogue.msgids("en")
    missing = sorted((name, key) for name, key in keys if key not in vi or key not in en)
    assert not missing, missing
    # an f-string key names a group the catalogue has labels for
    empty = sorted(
        (name, prefix) for name, prefix in prefixes if not any(k.startswith(prefix) for k in vi)
    )
    assert not empty, empty


def test_both_catalogues_are_complete() -> None:
    """Same keys in vi and en, none empty or fuzzy, the same {placeholders} in both."""
    assert catalogue.message_gaps() == []


def test_every_documented_table_and_column_is_described_in_vietnamese() -> None:
    documented = english_descriptions()
    assert len(documented) > 500
    assert catalogue.schema_gaps(documented) == []


def test_the_vietnamese_catalogue_is_vietnamese_and_the_english_one_english() -> None:
    vi, en = catalogue.messages("vi"), catalogue.messages("en")
    english_in_vi = {
        key: words
        for key, forms in catalogue.texts("vi").items()
        for text in forms
        if (words := english_words(_FIELD.sub(" ", text))) and key != "sidebar.language"
    }
    assert not english_in_vi, english_in_vi
    # An English text that is the Vietnamese one copied is a translation not done.
    copies = sorted(k for k, text in en.items() if text == vi[k] and re.search("[à-ỹđ]", text))
    assert copies == ["sidebar.language"], copies


def test_the_schema_descriptions_are_vietnamese() -> None:
    described = catalogue.messages("vi", catalogue.SCHEMA_DOMAIN)
    tables = {name.rsplit(".", 1)[0] for name in described} | set(described)
    english = {
        key: words for key, text in described.items() if (words := english_words(text, tables))
    }
    assert not english, english


@pytest.fixture
def edited_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the catalogues the test may edit, read instead of the real ones."""
    copy = tmp_path / "locale"
    shutil.copytree(catalogue.LOCALE_DIR, copy)
    monkeypatch.setattr(catalogue, "LOCALE_DIR", copy)
    catalogue.clear_cache()
    yield copy
    catalogue.clear_cache()


def _edit(
    locale: Path, lang: str, key: str, text: str | tuple[str, ...], *, fuzzy: bool = False
) -> None:
    """Set an entry's text (a tuple: the forms of a plural entry) as a translator would."""
    path = locale / lang / "LC_MESSAGES" / "thidua.po"
    with path.open("rb") as handle:
        entries = read_po(handle, locale=lang)
    entries[key].string = text
    if fuzzy:
        entries[key].flags.add("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, entries, width=100)
    catalogue.clear_cache()


def test_labels_come_from_the_po_files(edited_locale: Path) -> None:
    assert i18n.t("overview.title") == "Tổng quan"
    assert i18n.t("overview.title", "en") == "Overview"
    _edit(edited_locale, "vi", "overview.title", "Toàn cảnh")
    _edit(edited_locale, "en", "overview.title", "At a glance")
    assert i18n.t("overview.title") == "Toàn cảnh"
    assert i18n.t("overview.title", "en") == "At a glance"
    assert i18n.term("event_type", "year_end_review") == "Tổng kết năm"
    assert i18n.term("event_type", "not_a_code_yet") == "not_a_code_yet"
    with pytest.raises(KeyError):
        i18n.t("no.such.key")


def test_a_gap_in_a_catalogue_is_reported(edited_locale: Path) -> None:
    _edit(edited_locale, "en", "overview.title", "")
    _edit(edited_locale, "en", "real.title", "Facts from real sources", fuzzy=True)
    _edit(edited_locale, "en", "sql.truncated", "The result was cut.")  # {rows} lost
    _edit(edited_locale, "en", "sql.rows", ("{rows} row · {seconds} s", "{rows} rows"))
    _edit(edited_locale, "en", "chart.summary.n_awards", ("{n} award", ""))  # a form left empty
    assert catalogue.message_gaps() == [
        "en: untranslated (empty, fuzzy or a plural form missing) chart.summary.n_awards",
        "en: untranslated (empty, fuzzy or a plural form missing) overview.title",
        "en: untranslated (empty, fuzzy or a plural form missing) real.title",
        "en: placeholders differ from vi in sql.rows",
        "en: placeholders differ from vi in sql.truncated",
    ]
    # an untranslated English label reads in Vietnamese rather than failing the page
    assert i18n.t("overview.title", "en") == "Tổng quan"


def test_the_catalogue_command_lists_the_gaps(
    edited_locale: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert catalogue.main([]) == 0
    _edit(edited_locale, "vi", "overview.title", "")
    assert catalogue.main(["check"]) == 1
    assert "vi: untranslated (empty, fuzzy or a plural form missing) overview.title" in (
        capsys.readouterr().out
    )


def test_update_schema_adds_new_and_marks_changed_descriptions(edited_locale: Path) -> None:
    documented = english_descriptions()
    catalogue.update_schema(documented)  # in step with the YAML as it is now
    table = "marts.fct_cluster_year"
    changed = dict(documented)
    changed[table] = documented[table] + " Now also something else."
    changed["marts.new_table"] = "A table documented after the last translation."
    del changed["marts.fct_cluster_year.results_year"]
    assert catalogue.update_schema(changed) == (1, 1, 1)
    gaps = catalogue.schema_gaps(changed)
    assert gaps == [
        "vi schema: untranslated (empty or fuzzy) marts.fct_cluster_year",
        "vi schema: untranslated (empty or fuzzy) marts.new_table",
    ]
    # the old translation is kept for the translator to revise
    entries = catalogue.read_catalogue("vi", catalogue.SCHEMA_DOMAIN)
    assert entries[table].string and entries[table].fuzzy


def test_vietnamese_number_and_date_formats_follow_the_locale_data() -> None:
    from datetime import date

    assert i18n.fmt_number(-1234567.891, 2) == "-1.234.567,89"
    assert i18n.fmt_number(-1234567.891, 2, "en") == "-1,234,567.89"
    assert i18n.fmt_date(date(2022, 12, 3), "en") == "3 Dec 2022"
    locale = i18n.vega_locale("vi")["time"]
    assert isinstance(locale, dict)
    assert locale["months"][0] == "tháng 1"
    assert locale["days"][0].startswith("Chủ")
    assert i18n.vega_locale("en")["time"]["shortMonths"][11] == "Dec"  # type: ignore[index]


def test_a_count_takes_the_form_its_language_gives_it() -> None:
    # English has a singular and a plural; Vietnamese one form for every count
    assert i18n.tn("chart.summary.n_awards", 1, "en") == "1 award"
    assert i18n.tn("chart.summary.n_awards", 0, "en") == "0 awards"
    assert i18n.tn("chart.summary.n_awards", 1234, "en") == "1,234 awards"
    assert i18n.tn("chart.summary.n_awards", 1, "vi") == "1 lượt khen thưởng"
    assert i18n.tn("chart.summary.n_awards", 1234, "vi") == "1.234 lượt khen thưởng"
    # the other placeholders are filled as t() fills them
    assert i18n.tn("chart.summary.first_most", 1, "en", name="Sở Y tế") == (
        "Ranked first most often: Sở Y tế (1 year)."
    )
    # asking for a counted text without its count (or the reverse) is a mistake in the code
    with pytest.raises(KeyError, match="tn"):
        i18n.t("chart.summary.n_awards", "en", n=3)
    with pytest.raises(KeyError, match="no plural forms"):
        i18n.tn("overview.title", 2, "en")


def test_the_plural_rule_is_the_one_in_the_catalogue_header(edited_locale: Path) -> None:
    """A translator who changes Plural-Forms changes which form is shown, as gettext would."""
    path = edited_locale / "en" / "LC_MESSAGES" / "thidua.po"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("plural=(n != 1);", "plural=(n > 1);"), encoding="utf-8"
    )  # French-style: 0 takes the singular
    catalogue.clear_cache()
    assert i18n.tn("chart.summary.n_events", 0, "en") == "0 event"
    assert i18n.tn("chart.summary.n_events", 2, "en") == "2 events"


def test_a_counted_text_in_one_language_only_is_reported(edited_locale: Path) -> None:
    path = edited_locale / "en" / "LC_MESSAGES" / "thidua.po"
    with path.open("rb") as handle:
        entries = read_po(handle, locale="en")
    del entries["chart.summary.n_findings"]
    entries.add("chart.summary.n_findings", "{n} findings")
    with path.open("wb") as handle:
        write_po(handle, entries, width=100)
    catalogue.clear_cache()
    assert catalogue.message_gaps() == [
        "en: plural forms in one language only: chart.summary.n_findings"
    ]
