"""The English descriptions of the warehouse's tables and columns, from the project's dbt YAML.

Two places can hold them, and the stored one wins (app/schema_docs.py decides, per language):

1. the published file itself: dbt's `persist_docs` writes every model's and column's description
   as a DuckDB COMMENT, which any client sees (`duckdb_tables().comment`, `duckdb_columns()`), and
   which always matches the build that was published;
2. the project's dbt YAML files (`models/**/*.yml`, `seeds/*.yml`), read here at run time: right
   for a warehouse built from this checkout, and the only source while `persist_docs` is off.

Their Vietnamese translations live in the `schema` catalogue (thidua.i18n.catalogue), keyed by
`schema.table` and `schema.table.column` as `english_descriptions()` lists them.
No Streamlit and no SQL here; plain YAML reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml  # type: ignore[import-untyped]

from thidua.paths import PROJECT_ROOT

# dbt puts seeds in `reference` and the models in the schema of their folder (dbt_project.yml).
_SCHEMA_OF_FOLDER = {"seeds": "reference", "marts": "marts", "quality": "quality"}


@dataclass(frozen=True)
class TableDoc:
    description: str = ""
    columns: dict[str, str] = field(default_factory=dict)


def _clean(text: object) -> str:
    return " ".join(str(text).split()) if text else ""


def _yaml_files(root: Path) -> Iterable[tuple[str, Path]]:
    for folder, schema in _SCHEMA_OF_FOLDER.items():
        base = root / ("seeds" if folder == "seeds" else f"models/{folder}")
        for path in sorted(base.glob("**/*.yml")):
            yield schema, path


def read_docs(root: Path = PROJECT_ROOT) -> dict[str, TableDoc]:
    """`schema.table` -> its description and its columns' descriptions, from the dbt YAML."""
    docs: dict[str, TableDoc] = {}
    for schema, path in _yaml_files(root):
        try:
            content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue  # a file being edited is skipped, not fatal: the browser still shows types
        for node in [*content.get("models", []), *content.get("seeds", [])]:
            if not isinstance(node, dict) or "name" not in node:
                continue
            node_schema = (node.get("config") or {}).get("schema", schema)
            columns = {
                str(c["name"]): _clean(c.get("description"))
                for c in node.get("columns", [])
                if isinstance(c, dict) and "name" in c
            }
            docs[f"{node_schema}.{node['name']}"] = TableDoc(
                _clean(node.get("description")), columns
            )
    return docs


def docs_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """Changes when any YAML file changes: the cache key of `read_docs` in the app."""
    return ";".join(
        f"{path.name}:{path.stat().st_mtime_ns}" for _, path in _yaml_files(root) if path.exists()
    )


def english_descriptions(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """`schema.table` and `schema.table.column` -> its English description (documented ones)."""
    described: dict[str, str] = {}
    for table, doc in read_docs(root).items():
        if doc.description:
            described[table] = doc.description
        for column, text in doc.columns.items():
            if text:
                described[f"{table}.{column}"] = text
    return described
