"""The translation catalogues: gettext .po files under src/thidua/i18n/locale/, read with Babel.

Two domains, each a file per language (`locale/<lang>/LC_MESSAGES/<domain>.po`):

- `thidua`: every label of the dashboard, the Word reports and the load's messages, in `vi` and
  `en`. The msgid is the key the code asks for (`t("overview.title")`), the msgstr its text. A
  text that counts something ("1 year", "2 years") is a plural entry: `msgid_plural` repeats the
  key and there is one `msgstr[i]` per form of the language's `Plural-Forms` header (one in
  Vietnamese, two in English); the code asks for it with `tn(key, count)`.
- `schema`: the Vietnamese descriptions of the warehouse's tables and columns for the SQL page's
  schema browser (msgid `schema.table` or `schema.table.column`). The English ones are the dbt
  YAML descriptions themselves; each entry's `#.` comment holds the English it translates, so a
  translator sees it and `python -m thidua.i18n.catalogue update-schema` can tell when it changed.

Why the .po files are read at run time and not compiled to .mo: reading them takes a few tens of
milliseconds once per process (cached), and with no build step a fresh clone, an installed wheel
and a file a translator just saved all work as they are. A fuzzy entry counts as untranslated,
as gettext treats it.

`python -m thidua.i18n.catalogue` lists what is missing or untranslated (exit status 1 when anything
is); `update-schema` brings the schema catalogue in line with the dbt YAML.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Final

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"
MESSAGES_DOMAIN: Final = "thidua"
SCHEMA_DOMAIN: Final = "schema"
# The language the msgids are first written in; the other catalogues translate it.
SOURCE_LANG: Final = "vi"
LANGS: Final = ("vi", "en")

_FIELD = re.compile(r"{(\w*)}")
_SCHEMA_HEADER = (
    "# Mô tả tiếng Việt của các bảng và cột trong kho dữ liệu (trang SQL).\n"
    "# Vietnamese descriptions of the warehouse's tables and columns (the SQL page's schema\n"
    "# browser). msgid: schema.table or schema.table.column; the #. comment is the English\n"
    "# description in the dbt YAML it translates.\n"
    "# Refresh: python -m thidua.i18n.catalogue update-schema"
)


def po_path(lang: str, domain: str = MESSAGES_DOMAIN) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def read_catalogue(lang: str, domain: str = MESSAGES_DOMAIN) -> Catalog:
    """The whole catalogue (header, comments, fuzzy entries), as a translator's tool sees it."""
    with po_path(lang, domain).open("rb") as handle:
        catalogue: Catalog = read_po(handle, locale=lang, domain=domain)
    return catalogue


def _entries(catalogue: Catalog) -> Iterable[Message]:
    return (m for m in catalogue if m.id)


def _key(message: Message) -> str:
    """The key of an entry; a plural entry's msgid is (key, msgid_plural)."""
    return str(message.id[0] if message.pluralizable else message.id)


def _forms(message: Message, num_plurals: int) -> tuple[str, ...] | None:
    """The entry's text (one form, or one per plural form); None when any is missing or fuzzy."""
    if message.fuzzy:
        return None
    forms = message.string if message.pluralizable else (message.string,)
    wanted = num_plurals if message.pluralizable else 1
    if not isinstance(forms, tuple | list) or len(forms) != wanted:
        return None
    filled = tuple(text for text in forms if isinstance(text, str) and text.strip())
    return filled if len(filled) == wanted else None


@cache
def _parsed(lang: str, domain: str) -> Catalog | None:
    """The catalogue as the app reads it, parsed once per process; None without a file."""
    return read_catalogue(lang, domain) if po_path(lang, domain).exists() else None


@cache
def texts(lang: str, domain: str = MESSAGES_DOMAIN) -> dict[str, tuple[str, ...]]:
    """msgid -> its translated forms (one for a plain entry); {} without a file.

    An entry that is empty, fuzzy, or lacks one of the language's plural forms counts as
    untranslated and is left out, as gettext would show the key instead."""
    catalogue = _parsed(lang, domain)
    if catalogue is None:
        return {}
    return {
        _key(m): forms
        for m in _entries(catalogue)
        if (forms := _forms(m, catalogue.num_plurals)) is not None
    }


@cache
def plural_keys(lang: str, domain: str = MESSAGES_DOMAIN) -> frozenset[str]:
    """The keys whose entry has plural forms (msgid_plural)."""
    catalogue = _parsed(lang, domain)
    if catalogue is None:
        return frozenset()
    return frozenset(_key(m) for m in _entries(catalogue) if m.pluralizable)


@cache
def messages(lang: str, domain: str = MESSAGES_DOMAIN) -> dict[str, str]:
    """msgid -> text of every translated entry without plural forms."""
    plural = plural_keys(lang, domain)
    return {key: forms[0] for key, forms in texts(lang, domain).items() if key not in plural}


@cache
def plural_index(lang: str, domain: str = MESSAGES_DOMAIN) -> Callable[[int], int]:
    """The catalogue's `Plural-Forms` rule: a count -> the index of its form.

    gettext's own parser of the C expression in the header (what msgfmt and every gettext
    runtime evaluate), so a translator's rule is read as the tools they use read it."""
    catalogue = _parsed(lang, domain)
    return gettext.c2py(catalogue.plural_expr if catalogue is not None else "0")


def clear_cache() -> None:
    """Forget the catalogues read so far (after a .po file changed on disk)."""
    _parsed.cache_clear()
    texts.cache_clear()
    messages.cache_clear()
    plural_keys.cache_clear()
    plural_index.cache_clear()


def msgids(lang: str, domain: str = MESSAGES_DOMAIN) -> frozenset[str]:
    """Every msgid of the catalogue, translated or not."""
    return frozenset(_key(m) for m in _entries(read_catalogue(lang, domain)))


# --- what is missing ----------------------------------------------------------------------------


def message_gaps() -> list[str]:
    """Problems of the `thidua` catalogues, one line each; [] when every key is translated."""
    problems: list[str] = []
    keys = {lang: msgids(lang) for lang in LANGS}
    every = frozenset().union(*keys.values())
    for lang in LANGS:
        translated = texts(lang)
        for key in sorted(every - keys[lang]):
            problems.append(f"{lang}: missing key {key}")
        for key in sorted(keys[lang] - translated.keys()):
            problems.append(f"{lang}: untranslated (empty, fuzzy or a plural form missing) {key}")
    source = texts(SOURCE_LANG)
    for lang in LANGS:
        if lang == SOURCE_LANG:
            continue
        for key in sorted(plural_keys(lang) ^ plural_keys(SOURCE_LANG)):
            problems.append(f"{lang}: plural forms in one language only: {key}")
        for key, forms in sorted(texts(lang).items()):
            if key not in source:
                continue
            wanted = sorted(_FIELD.findall(source[key][0]))
            if any(sorted(_FIELD.findall(text)) != wanted for text in forms):
                problems.append(f"{lang}: placeholders differ from {SOURCE_LANG} in {key}")
    return problems


def schema_gaps(documented: dict[str, str]) -> list[str]:
    """Problems of the Vietnamese schema catalogue against the English descriptions.

    `documented`: `schema.table[.column]` -> English description (dbt_docs.english_descriptions).
    """
    catalogue = read_catalogue(SOURCE_LANG, SCHEMA_DOMAIN)
    entries = {str(m.id): m for m in _entries(catalogue)}
    problems = [f"vi schema: missing {key}" for key in sorted(documented.keys() - entries.keys())]
    for key, message in sorted(entries.items()):
        if key not in documented:
            problems.append(f"vi schema: no longer documented {key}")
        elif _forms(message, catalogue.num_plurals) is None:
            problems.append(f"vi schema: untranslated (empty or fuzzy) {key}")
    return problems


def update_schema(documented: dict[str, str]) -> tuple[int, int, int]:
    """Bring `vi/LC_MESSAGES/schema.po` in line with the English descriptions.

    A new description is added untranslated; one whose English changed is marked fuzzy (its old
    translation kept for the translator to revise); one no longer documented is dropped.
    Returns (added, changed, dropped).
    """
    path = po_path(SOURCE_LANG, SCHEMA_DOMAIN)
    catalogue = (
        read_catalogue(SOURCE_LANG, SCHEMA_DOMAIN)
        if path.exists()
        else Catalog(
            locale=SOURCE_LANG,
            domain=SCHEMA_DOMAIN,
            header_comment=_SCHEMA_HEADER,
            project="thidua",
            version="0.1.0",
            copyright_holder="thidua",
            msgid_bugs_address="thidua maintainers",
            last_translator="thidua maintainers",
            language_team="Vietnamese <thidua translators>",
        )
    )
    old = {str(m.id): m for m in _entries(catalogue)}
    added = changed = 0
    fresh = Catalog(
        locale=SOURCE_LANG,
        domain=SCHEMA_DOMAIN,
        project=catalogue.project,
        version=catalogue.version,
        header_comment=catalogue.header_comment,
        creation_date=catalogue.creation_date,
        revision_date=catalogue.revision_date,
        last_translator=catalogue.last_translator,
        language_team=catalogue.language_team,
        msgid_bugs_address=catalogue.msgid_bugs_address,
        copyright_holder=catalogue.copyright_holder,
        fuzzy=False,
    )
    for key, english in documented.items():
        previous = old.get(key)
        text = previous.string if previous is not None else ""
        flags: set[str] = set(previous.flags) if previous is not None else set()
        if previous is None:
            added += 1
        elif " ".join(previous.auto_comments) != english:  # .po files wrap long comments
            changed += 1
            if text:
                flags.add("fuzzy")
        fresh.add(key, text, auto_comments=[english], flags=flags)
    dropped = len(old.keys() - documented.keys())
    with path.open("wb") as handle:
        write_po(handle, fresh, width=100, sort_output=False, omit_header=False)
    clear_cache()
    return added, changed, dropped


def _report(problems: Sequence[str], what: str) -> None:
    if problems:
        print(f"{what}: {len(problems)} to do")
        for line in problems:
            print(f"  {line}")
    else:
        print(f"{what}: complete")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m thidua.i18n.catalogue",
        description="List missing or untranslated entries of the translation catalogues.",
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="check",
        choices=["check", "update-schema"],
        help="check (default): list what is missing; update-schema: add the new table and "
        "column descriptions of the dbt YAML to the Vietnamese schema catalogue",
    )
    args = parser.parse_args(argv)
    # the dbt YAML reader imports yaml: only this command needs it
    from thidua.warehouse.dbt_docs import english_descriptions

    documented = english_descriptions()
    if args.command == "update-schema":
        added, changed, dropped = update_schema(documented)
        print(f"schema.po: {added} added, {changed} changed (now fuzzy), {dropped} dropped")
    problems = message_gaps()
    _report(problems, "labels (thidua.po)")
    schema = schema_gaps(documented)
    _report(schema, "table and column descriptions (schema.po)")
    return 1 if problems or schema else 0


if __name__ == "__main__":
    sys.exit(main())
