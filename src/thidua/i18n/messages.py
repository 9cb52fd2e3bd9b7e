"""Labels in Vietnamese (the default) and English, and number and date formats.

The analysts work in Vietnamese; English is there for visitors and reviewers. The texts are not
here: they live in the gettext catalogues `locale/vi/LC_MESSAGES/thidua.po` and
`locale/en/LC_MESSAGES/thidua.po` (read through thidua.i18n.catalogue), which a translator edits
with any .po editor. Keys are dotted message ids grouped by page (`sidebar.*`, `overview.*`,
`sql.*`) or by vocabulary (`event_type.*`, `role.*`, ...). `t()` raises on an unknown key so a
typo fails a test instead of showing a raw id to a user; `term()` is for codes that come from
data and may be new.

Numbers and dates are formatted with Python's own formatting and the separators, month and day
names of Babel's locale data (CLDR). Babel's own format functions were measured ~30 times slower
per value (tables format every cell) and round differently from the rest of the app.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Final, Literal, TypeGuard

from babel import dates as cldr_dates
from babel import numbers as cldr_numbers

from thidua.i18n import catalogue

Lang = Literal["vi", "en"]
LANGS: Final[tuple[Lang, ...]] = ("vi", "en")
DEFAULT_LANG: Final[Lang] = "vi"
LANG_NAMES: Final[dict[Lang, str]] = {"vi": "Tiếng Việt", "en": "English"}

# Codes that come from data (event types, roles...) and are looked up with `term()`.
_TERM_GROUPS: Final = frozenset(
    {
        "kind",
        "origin",
        "role",
        "event_type",
        "status",
        "part_of_day",
        "fact",
        "scorer_kind",
        "relation",
        "dbt_status",
        "dbt_resource",
        "load_status",
        "severity",
        "rule_kind",
        "source_mix",
        "value_source",
        "flag_check",
        "unit_type",
        "check_rule",
        "gx_column",
        "rule_applicability",
        "rule_note",
        "regime_note",
        "lineage_note",
    }
)


def is_lang(value: object) -> TypeGuard[Lang]:
    return value in LANGS


def as_lang(value: object) -> Lang:
    """Any value to a supported language, falling back to Vietnamese."""
    return value if is_lang(value) else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message `key` in `lang`, with `{placeholders}` filled from `values`.

    A key the English catalogue lacks reads in Vietnamese (tests keep the two complete); a key
    the Vietnamese one lacks raises KeyError, and so does a key with plural forms (use `tn`).
    """
    if key in catalogue.plural_keys(DEFAULT_LANG):
        raise KeyError(f"{key} counts something: ask for it with tn(key, count)")
    text = catalogue.messages("en").get(key) if lang == "en" else None
    if text is None:
        text = catalogue.messages(DEFAULT_LANG)[key]
    return text.format(**values) if values else text


def tn(key: str, count: int, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The message `key` in the form for `count` things: "1 year", "3 years" in English, one form
    in Vietnamese ("1 năm", "3 năm"). `{n}` is `count` in the language's number format unless
    `values` give it; the other placeholders are filled from `values`.
    """
    forms = catalogue.texts("en").get(key) if lang == "en" else None
    form_lang = "en"
    if forms is None:
        forms, form_lang = catalogue.texts(DEFAULT_LANG)[key], DEFAULT_LANG
    if key not in catalogue.plural_keys(form_lang):
        raise KeyError(f"{key} has no plural forms: ask for it with t(key)")
    text = forms[min(catalogue.plural_index(form_lang)(count), len(forms) - 1)]
    return text.format(**({"n": fmt_int(count, lang)} | values))


def has(key: str) -> bool:
    """Whether the catalogue holds `key` (for labels of data codes that may be new)."""
    return key in catalogue.texts(DEFAULT_LANG)


def is_plural(key: str) -> bool:
    """Whether `key` counts something (asked for with `tn`, not `t`)."""
    return key in catalogue.plural_keys(DEFAULT_LANG)


def term(group: str, code: str | None, lang: str = DEFAULT_LANG) -> str:
    """A label for a data code (e.g. `term("event_type", "mid_year_review")`).

    An unknown code is returned as it is: new codes in the data must not break the dashboard.
    """
    if group not in _TERM_GROUPS:
        raise KeyError(group)
    if code is None:
        code = "unknown"
    key = f"{group}.{code}"
    return t(key, lang) if has(key) else code


def message_keys() -> frozenset[str]:
    """Every key of the Vietnamese catalogue, plural ones included."""
    return frozenset(catalogue.texts(DEFAULT_LANG))


# --- formats -------------------------------------------------------------------------------------


def _cldr_locale(lang: str) -> str:
    return "en" if lang == "en" else "vi"


@cache
def _separators(lang: str) -> dict[int, str]:
    """Python's "," and "." of `f"{x:,.2f}"` -> the language's group and decimal symbols."""
    locale = _cldr_locale(lang)
    return str.maketrans(
        {
            ",": cldr_numbers.get_group_symbol(locale),
            ".": cldr_numbers.get_decimal_symbol(locale),
        }
    )


def fmt_number(value: float | None, decimals: int = 0, lang: str = DEFAULT_LANG) -> str:
    """1234.5 -> "1.234,5" in Vietnamese, "1,234.5" in English; None -> "—"."""
    if value is None:
        return "—"
    return f"{value:,.{decimals}f}".translate(_separators(lang))


def fmt_int(value: int | None, lang: str = DEFAULT_LANG) -> str:
    return fmt_number(value, 0, lang)


def fmt_percent(share: float | None, decimals: int = 1, lang: str = DEFAULT_LANG) -> str:
    """0.4567 -> "45,7%" (Vietnamese) or "45.7%" (English)."""
    if share is None:
        return "—"
    return fmt_number(share * 100, decimals, lang) + "%"


def _month_names(width: Literal["abbreviated", "wide"], lang: str) -> list[str]:
    names = cldr_dates.get_month_names(width, locale=_cldr_locale(lang))
    return [str(names[m]) for m in range(1, 13)]


def _day_names(width: Literal["abbreviated", "short", "wide"], lang: str) -> list[str]:
    """Sunday first, as Vega wants them (CLDR numbers Monday 0 … Sunday 6)."""
    names = cldr_dates.get_day_names(width, locale=_cldr_locale(lang))
    return [str(names[d]) for d in (6, 0, 1, 2, 3, 4, 5)]


def fmt_date(value: date | None, lang: str = DEFAULT_LANG) -> str:
    """dd/mm/yyyy in Vietnamese ("14/01/2022"); "14 Jan 2022" in English; None -> ""."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if lang == "en":
        return f"{value.day} {_month_names('abbreviated', 'en')[value.month - 1]} {value.year}"
    return value.strftime("%d/%m/%Y")


def fmt_datetime(value: datetime | None, lang: str = DEFAULT_LANG) -> str:
    """ "02/01/2025 08:30" in Vietnamese, "2 Jan 2025 08:30" in English; None -> ""."""
    if value is None:
        return ""
    return f"{fmt_date(value.date(), lang)} {value:%H:%M}"


def fmt_year_range(years: tuple[int, int]) -> str:
    first, last = years
    return str(first) if first == last else f"{first}–{last}"


def vega_locale(lang: str = DEFAULT_LANG) -> dict[str, object]:
    """Vega's `config.locale` for charts: decimal comma and Vietnamese month names in Vietnamese.

    Without it Vega formats every axis and tooltip the US way ("90.5%", "Jan 2022").
    """
    locale = _cldr_locale(lang)
    english = lang == "en"
    return {
        "number": {
            "decimal": cldr_numbers.get_decimal_symbol(locale),
            "thousands": cldr_numbers.get_group_symbol(locale),
            "grouping": [3],
            "currency": ["", ""] if english else ["", " ₫"],
        },
        "time": {
            "dateTime": "%a %e %b %Y %X" if english else "%A, %d/%m/%Y, %X",
            "date": "%d %b %Y" if english else "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"] if english else ["SA", "CH"],
            "days": _day_names("wide", lang),
            "shortDays": _day_names("abbreviated" if english else "short", lang),
            "months": _month_names("wide", lang),
            "shortMonths": _month_names("abbreviated", lang),
        },
    }
