"""The input contract has one home (src/thidua/contract/records.py); what is built from it agrees
with it: the quality gate's suites, the staging models' accepted values, the README's table, the
Vietnamese spellings the loader accepts and the messages show."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped,unused-ignore]

from thidua.contract import artifacts
from thidua.contract.records import INPUT_ORDER, RECORD_TYPES, VALUE_LABELS
from thidua.contract.vocabulary import to_code
from thidua.ingest.readers import type_from_name
from thidua.paths import EXPECTATIONS_DIR, PROJECT_ROOT


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_each_suite_holds_exactly_what_the_contract_implies(name: str) -> None:
    path = EXPECTATIONS_DIR / f"{name}.json"
    committed = json.loads(path.read_text(encoding="utf-8"))
    assert committed == artifacts.suite(RECORD_TYPES[name], committed), (
        f"{path.name} drifted from src/thidua/contract/records.py:"
        " run `python -m thidua.contract.artifacts`"
    )


def test_the_readme_table_is_the_contracts() -> None:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- contract:start -->" in text
    assert artifacts.readme_with_table(text) == text, "run `python -m thidua.contract.artifacts`"
    for name in RECORD_TYPES:
        assert f"| `{name}` |" in text


def test_every_record_type_loads_in_a_declared_order() -> None:
    assert sorted(INPUT_ORDER) == sorted(RECORD_TYPES)
    assert len(set(INPUT_ORDER)) == len(INPUT_ORDER)


def test_every_vietnamese_label_is_read_back_as_its_code() -> None:
    for field, labels in VALUE_LABELS.items():
        for code, (vi, en) in labels.items():
            assert to_code(field, vi) == code, (field, vi)
            assert to_code(field, vi.upper()) == code, (field, vi)
            assert to_code(field, en) == code, (field, en)


def test_every_coded_column_has_its_labels() -> None:
    for record_type in RECORD_TYPES.values():
        for column in record_type.columns:
            if column.allowed and column.name != "award_type":
                assert set(column.allowed) <= set(VALUE_LABELS[column.name]), column.name


def test_each_sheet_name_of_the_contract_names_its_own_type() -> None:
    for record_type in RECORD_TYPES.values():
        for sheet in record_type.sheet_names:
            found = type_from_name(sheet)
            assert found is not None and found.name == record_type.name, (sheet, record_type.name)


def _accepted_values(models_yml: Path) -> list[tuple[str, str, list[str]]]:
    """(model, column, values) of every accepted_values test in a dbt properties file."""
    found = []
    for model in yaml.safe_load(models_yml.read_text(encoding="utf-8"))["models"]:
        for column in model.get("columns", []):
            for test in column.get("data_tests", []) or []:
                if isinstance(test, dict) and "accepted_values" in test:
                    spec: dict[str, Any] = test["accepted_values"]
                    values = spec.get("arguments", spec)["values"]
                    found.append((model["name"], column["name"], [str(v) for v in values]))
    return found


# the loader's own bookkeeping, whose status codes are not a record's
_BOOKKEEPING = {"stg_raw__load_ledger", "load_ledger", "stg_raw__load_actions", "load_actions"}
# staging and mart columns that carry a contract column's codes under their own name
_SAME_CODES = {"award_status": "status", "status": "status", "role": "role"}


def test_dbt_accepted_values_agree_with_the_contract() -> None:
    coded: dict[str, set[str]] = {}
    for record_type in RECORD_TYPES.values():
        for column in record_type.columns:
            if column.allowed and column.name != "award_type":
                coded.setdefault(column.name, set()).update(column.allowed)
    checked = 0
    for yml in sorted((PROJECT_ROOT / "models").glob("*/_*__models.yml")):
        for model, column_name, values in _accepted_values(yml):
            name = _SAME_CODES.get(column_name, column_name)
            if name not in coded or model in _BOOKKEEPING:
                continue
            checked += 1
            # a model may narrow the codes (leaders and deputies only), never add one
            assert set(values) <= coded[name], (yml.name, model, column_name, values)
    assert checked >= 5
