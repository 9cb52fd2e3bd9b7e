"""Which quality-gate findings only say again what coercion already said about a row.

The gate checks every typed row, the rows with coercion findings included, so that one load names
every problem of every row (an unknown unit name and a role that is not allowed, on the same row,
in the same pass). A cell coercion could not read reaches the gate empty, so some expectations
fail on it as a consequence, not as a problem of their own:

- a not-null expectation on that cell (`unit_id` of a name that did not resolve, `points` that
  did not parse, a cell holding `#N/A`), or on a cluster written under an organiser that is not
  known (its cluster id cannot be formed without the organiser);
- the natural key's uniqueness, on a row whose key holds a spreadsheet error: its text stands for
  no value, so two such rows share nothing. (A key cell that did not resolve is keyed by its text
  as written instead, see `written_rows`: two rows that write the same unknown name are a real
  duplicate, and neither takes the key of a row whose cell is blank.)

Those are dropped; every other gate finding is kept (between and in-set expectations skip empty
cells, and column pairs skip a row with either side empty, so they never fire as a consequence).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from thidua.contract.records import RecordType
from thidua.ingest.readers import ROW

NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
SPREADSHEET_ERROR = "spreadsheet_error"
UNKNOWN_ORGANIZER = "unknown_organizer"


@dataclass(frozen=True)
class Unread:
    """The cells of a batch coercion could not read, by (source row, input column)."""

    cells: frozenset[tuple[int, str]] = frozenset()
    # cells holding a spreadsheet error (#N/A, a formula without its value)
    errors: frozenset[tuple[int, str]] = frozenset()

    def restates(self, expectation: str, row: int, columns: list[str]) -> bool:
        """Whether a gate finding on these input columns of the row is a consequence of a cell
        coercion could not read."""
        if expectation == NOT_NULL:
            return any((row, column) in self.cells for column in columns)
        if expectation == UNIQUE:
            return any((row, column) in self.errors for column in columns)
        return False


def unread_cells(record_type: RecordType, raw: pl.DataFrame, coercion: pl.DataFrame) -> Unread:
    """The cells coercion's findings name, and the clusters an unknown organiser leaves unread.

    A cluster left blank under an unknown organiser is not counted: it is missing whatever the
    organiser, and the gate's not-null finding says so.
    """
    if coercion.height == 0:
        return Unread()
    named = coercion.select(ROW, "column_name", "rule")
    cells = {(int(row), str(column)) for row, column, _ in named.iter_rows()}
    errors = {
        (int(row), str(column))
        for row, column, rule in named.iter_rows()
        if rule == SPREADSHEET_ERROR
    }
    unknown_organizer = named.filter(pl.col("rule") == UNKNOWN_ORGANIZER)[ROW]
    if unknown_organizer.len():
        for column in (c.name for c in record_type.columns if c.kind == "cluster"):
            written = raw.filter(
                pl.col(ROW).is_in(unknown_organizer.implode())
                & (pl.col(column).str.strip_chars().str.len_chars() > 0)
            )[ROW]
            cells.update((int(row), column) for row in written)
    return Unread(frozenset(cells), frozenset(errors))


def written_rows(raw: pl.DataFrame, coercion: pl.DataFrame) -> pl.DataFrame | None:
    """The rows with coercion findings as they were read (text cells), for the natural key."""
    if coercion.height == 0:
        return None
    return raw.filter(pl.col(ROW).is_in(coercion[ROW].unique().implode()))
