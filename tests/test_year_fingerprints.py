"""The build's change detector watches every landing table of the contract.

A yearly model rebuilds a results year when the fingerprint of a landing table it reads changes
(macros/yearly_incremental.sql finds which tables from the dbt graph), but only tables the
detector model fingerprints can change anything: a record type added to the contract and
forgotten there would be loaded, and an incremental build would keep showing the old years.
"""

from __future__ import annotations

import ast
import re

from thidua.contract.records import RECORD_TYPES
from thidua.paths import PROJECT_ROOT

DETECTOR = PROJECT_ROOT / "models" / "staging" / "stg_raw__year_fingerprints.sql"


def _watched(name: str) -> list[str]:
    """A Jinja list the detector sets, e.g. `{%- set yearly_tables = [...] %}`."""
    found = re.search(rf"set {name} = (\[[^\]]*\])", DETECTOR.read_text(encoding="utf-8"))
    assert found, f"{DETECTOR.name} sets no {name}"
    value = ast.literal_eval(found.group(1))
    assert isinstance(value, list)
    return [str(item) for item in value]


def test_every_record_type_with_a_results_year_is_fingerprinted_per_year() -> None:
    yearly = {
        name
        for name, record in RECORD_TYPES.items()
        if any(column.name == "results_year" for column in record.columns)
    }
    assert sorted(_watched("yearly_tables")) == sorted(yearly)


def test_every_other_record_type_is_fingerprinted_as_reference() -> None:
    reference = {
        name
        for name, record in RECORD_TYPES.items()
        if not any(column.name == "results_year" for column in record.columns)
    }
    assert sorted(_watched("reference_tables")) == sorted(reference)
