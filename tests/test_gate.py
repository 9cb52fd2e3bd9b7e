"""The quality gate on its own: a check that cannot run must never pass for good or bad data."""

from __future__ import annotations

import polars as pl
import pytest

from thidua import gate
from thidua.readers import ROW


@pytest.mark.integration
def test_a_check_that_cannot_run_stops_the_load_instead_of_judging_rows() -> None:
    # The organisers suite checks `name`; a batch without it cannot be judged either way.
    batch = pl.DataFrame(
        {
            ROW: [2, 3],
            "organizer_id": ["th-a", "th-b"],
            "source_kind": ["official", "official"],
            "natural_key": ["th-a", "th-b"],
        }
    )
    with pytest.raises(RuntimeError, match=r"could not run: .*name"):
        gate.validate("organizers", batch)


@pytest.mark.integration
def test_a_clean_batch_passes_every_expectation_with_every_row_counted() -> None:
    batch = pl.DataFrame(
        {
            ROW: [2, 3, 4],
            "organizer_id": ["th-a", "th-b", "th-c"],
            "name": ["Sở A", "Sở B", "Sở C"],
            "source_kind": ["official", "article", "official"],
            "natural_key": ["th-a", "th-b", "th-c"],
        }
    )
    findings, outcomes = gate.validate("organizers", batch)
    assert findings.is_empty()
    suite = gate.load_suite_definition("organizers")
    assert len(outcomes) == len(suite["expectations"])
    assert all(o.success and (o.element_count, o.unexpected_count) == (3, 0) for o in outcomes)
