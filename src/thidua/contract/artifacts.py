"""What the input contract (records.py) implies for the artifacts built from it.

The quality gate's suites (expectations/*.json) hold two kinds of expectation: the ones the
contract implies (a required column is not null, a coded column holds an allowed value, the
natural key is unique) and hand-written ones (plausible ranges, pairs of columns, the one-leader
rule). The first kind is written from the contract by `python -m thidua.contract.artifacts`,
never by hand; a test fails when a suite or the README's contract table drifts from it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from thidua.contract.raw_schema import landed_columns
from thidua.contract.records import INPUT_ORDER, RECORD_TYPES, VALUE_LABELS, Column, RecordType
from thidua.normalize import fold
from thidua.paths import EXPECTATIONS_DIR, PROJECT_ROOT

NATURAL_KEY = "natural_key"
# Coded columns whose allowed values are reference data, not a fixed list: the suite reads them
# from a parameter the gate fills in (gate.suite_parameters).
_PARAMETERISED = {"award_type": "award_type_codes"}
_DERIVED_TYPES = ("expect_column_values_to_not_be_null", "expect_column_values_to_be_in_set")
_KEY_NOTE = (
    "natural_key: the natural key columns of one row joined into one value, a missing part"
    " counting as a value of its own (added by thidua.gate.expectations.derive, never landed)."
    " One column,"
    " because GX's SQL check of compound uniqueness drops rows with a missing key part and"
    " returns no row numbers."
)


def checked_column(column: Column) -> str:
    """The landed column a rule on this input column checks: the resolved id of a name."""
    if column.kind in ("unit", "organizer", "cluster"):
        return f"{column.name}_id"
    return landed_columns(column)[0][0]


def allowed_in_words(column: Column, lang: str) -> str:
    """Allowed values as analysts write them, with the code beside: "cụm trưởng (leader), …"."""
    labels = VALUE_LABELS.get(column.name, {})
    index = 0 if lang == "vi" else 1

    def word(code: str) -> str:
        label = labels[code][index] if code in labels else code
        return label if fold(label).replace(" ", "_") == code else f"{label} ({code})"

    return ", ".join(word(code) for code in column.allowed)


def _key_part(name: str) -> str:
    return name.removesuffix("_id").removesuffix("_period") if name != "unit_key" else "unit"


def derived_expectations(record_type: RecordType) -> list[dict[str, Any]]:
    """The suite's expectations the contract implies, in the contract's column order."""
    out: list[dict[str, Any]] = []
    for column in record_type.columns:
        if column.required:
            out.append(
                {
                    "type": "expect_column_values_to_not_be_null",
                    "kwargs": {"column": checked_column(column)},
                    "meta": {
                        "message_vi": f"thiếu giá trị bắt buộc ở cột {column.name}",
                        "message_en": f"a required value is missing in column {column.name}",
                    },
                }
            )
    for column in record_type.columns:
        if not column.allowed:
            continue
        value_set: object = (
            {"$PARAMETER": _PARAMETERISED[column.name]}
            if column.name in _PARAMETERISED
            else list(column.allowed)
        )
        vi = allowed_in_words(column, "vi")
        en = allowed_in_words(column, "en")
        out.append(
            {
                "type": "expect_column_values_to_be_in_set",
                "kwargs": {"column": column.name, "value_set": value_set},
                "meta": {
                    "message_vi": f"‘{{value}}’ không phải giá trị cho phép của cột {column.name}"
                    + (f": {vi}" if column.name not in _PARAMETERISED else " (xem award_types)"),
                    "message_en": f"‘{{value}}’ is not an allowed value of column {column.name}"
                    + (f": {en}" if column.name not in _PARAMETERISED else " (see award_types)"),
                },
            }
        )
    parts = ", ".join(_key_part(c) for c in record_type.natural_key)
    out.append(
        {
            "type": "expect_column_values_to_be_unique",
            "kwargs": {"column": NATURAL_KEY},
            "meta": {
                "derived_column": _KEY_NOTE,
                "key_columns": list(record_type.natural_key),
                "message_vi": f"trùng khóa ({parts}) với một dòng khác trong cùng tệp: ‘{{value}}’",
                "message_en": f"duplicate key ({parts}): another row of the same file has it"
                " too: ‘{value}’",
            },
        }
    )
    return out


def _is_derived(record_type: RecordType, expectation: dict[str, Any]) -> bool:
    """Whether the contract writes this expectation (a hand-written not-null rule on a column
    the contract leaves optional, such as a source's id, is kept)."""
    column = expectation["kwargs"].get("column")
    if column == NATURAL_KEY:
        return True
    derived = {(e["type"], e["kwargs"]["column"]) for e in derived_expectations(record_type)}
    return (expectation["type"], column) in derived or (
        expectation["type"] in _DERIVED_TYPES
        and any(checked_column(c) == column or c.name == column for c in record_type.columns)
        and expectation["type"] != "expect_column_values_to_not_be_null"
    )


def suite(record_type: RecordType, existing: dict[str, Any] | None) -> dict[str, Any]:
    """The suite with the contract's expectations first and the hand-written ones kept after."""
    kept = [e for e in (existing or {}).get("expectations", []) if not _is_derived(record_type, e)]
    return {
        "name": f"thidua.{record_type.name}",
        "meta": {"record_type": record_type.name, "grain": record_type.grain},
        "expectations": [*derived_expectations(record_type), *kept],
    }


def suite_text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _column_cell(column: Column) -> str:
    text = column.name + ("\\*" if column.required else "")
    if column.allowed and column.name not in _PARAMETERISED and column.name != "source_kind":
        text += f" ({allowed_in_words(column, 'vi')})"
    return text


def contract_table() -> str:
    """The README's table of record types, in the order they load."""
    provenance = {"source_kind", "source_ref", "note"}
    lines = [
        "| record type | sheet or file names | one row is | columns |",
        "|---|---|---|---|",
    ]
    for name in INPUT_ORDER:
        rt = RECORD_TYPES.get(name)
        if rt is None:
            continue
        sheets = ", ".join(f"*{s}*" for s in rt.sheet_names[1:]) or "—"
        columns = ", ".join(_column_cell(c) for c in rt.columns if c.name not in provenance)
        lines.append(f"| `{rt.name}` | {sheets} | {rt.grain} | {columns} |")
    return "\n".join(lines) + "\n"


_TABLE = re.compile(r"(<!-- contract:start -->\n)(.*?)(<!-- contract:end -->)", flags=re.DOTALL)
README = PROJECT_ROOT / "README.md"


def readme_with_table(text: str) -> str:
    return _TABLE.sub(lambda m: m.group(1) + contract_table() + m.group(3), text)


def write(directory: Path = EXPECTATIONS_DIR) -> list[Path]:
    """Rewrite the suites and the README table from the contract; the files that changed."""
    changed = []
    for record_type in RECORD_TYPES.values():
        path = directory / f"{record_type.name}.json"
        before = path.read_text(encoding="utf-8") if path.exists() else None
        after = suite_text(suite(record_type, json.loads(before) if before else None))
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(path)
    readme = README.read_text(encoding="utf-8")
    if readme_with_table(readme) != readme:
        README.write_text(readme_with_table(readme), encoding="utf-8")
        changed.append(README)
    return changed


if __name__ == "__main__":
    for written in write():
        print(f"viết lại / rewrote {written}")
    sys.exit(0)
