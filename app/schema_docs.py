"""Descriptions of the warehouse's tables and columns for the SQL page, in the reader's language.

English: the comment stored in the published file (dbt `persist_docs`: it always matches the
build that was published), else the project's dbt YAML (thidua.warehouse.dbt_docs).
Vietnamese: the `schema` translation catalogue (`locale/vi/LC_MESSAGES/schema.po`, keyed
`schema.table` and `schema.table.column`), else the English one: a description not translated
yet still says something, and `python -m thidua.i18n.catalogue` lists it for the translator.
"""

from __future__ import annotations

from thidua.i18n.catalogue import SCHEMA_DOMAIN, messages
from thidua.i18n.messages import Lang
from thidua.warehouse.dbt_docs import TableDoc, docs_fingerprint, read_docs

__all__ = ["TableDoc", "describe", "docs_fingerprint", "read_docs"]


def describe(key: str, stored: str | None, documented: str, lang: Lang) -> str:
    """The description of `key` (`schema.table` or `schema.table.column`) in `lang`."""
    english = stored or documented
    if lang == "vi":
        return messages("vi", SCHEMA_DOMAIN).get(key, english)
    return english
