"""Columnar writers for the national tier: contract columns, Parquet or CSV, batch by batch.

Rows are never dicts here. Strings are interned once (`Strings`) and columns travel as arrays of
string ids; a score batch becomes dictionary-encoded Arrow columns (a row group of a million
criterion scores holds a few thousand distinct names), written without Arrow's schema metadata
so every reader sees plain text columns. Column order and types come from the input contract.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from thidua.contract.records import RECORD_TYPES

Format = Literal["csv", "parquet"]
_ARROW = {
    "int": pa.int64(),
    "float": pa.float64(),
    "date": pa.date32(),
    # the generator always knows the year as a number and the day of an event
    "year": pa.int64(),
    "partial_date": pa.date32(),
}
_TEXT = pa.string()
_DICT = pa.dictionary(pa.int32(), pa.string())


class Strings:
    """Interned strings: every text a file holds gets one id, once."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.values: list[str] = []

    def id(self, text: str) -> int:
        found = self._ids.get(text)
        if found is None:
            found = self._ids[text] = len(self.values)
            self.values.append(text)
        return found

    def dictionary(self, ids: np.ndarray) -> pa.DictionaryArray:
        """A dictionary column of the given string ids, holding only the strings it uses."""
        present = np.zeros(len(self.values), dtype=bool)
        present[ids] = True
        used = np.flatnonzero(present)
        remap = np.zeros(len(self.values), dtype=np.int32)
        remap[used] = np.arange(len(used), dtype=np.int32)
        labels = pa.array([self.values[i] for i in used], type=_TEXT)
        return pa.DictionaryArray.from_arrays(pa.array(remap[ids]), labels)


def arrow_schema(record_type: str, dictionary: Sequence[str] = ()) -> pa.Schema:
    fields = []
    for column in RECORD_TYPES[record_type].columns:
        kind = _ARROW.get(column.kind)
        fields.append(
            pa.field(column.name, kind or (_DICT if column.name in dictionary else _TEXT))
        )
    return pa.schema(fields)


def table(schema: pa.Schema, columns: Mapping[str, Any], rows: int) -> pa.Table:
    """The contract's columns in order: given ones converted, missing ones null."""
    arrays = []
    for field in schema:
        value = columns.get(field.name)
        if value is None:
            arrays.append(pa.nulls(rows, type=field.type))
        elif isinstance(value, pa.Array):
            arrays.append(value)
        else:
            arrays.append(pa.array(value, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


class RecordFile:
    """One output file of one record type, appended batch by batch."""

    def __init__(self, path: Path, schema: pa.Schema, fmt: Format) -> None:
        self.path = path
        self.schema = schema
        self.fmt = fmt
        self.rows = 0
        self._csv: IO[bytes] | None = None
        self._parquet: Any = None  # pyarrow.parquet.ParquetWriter (untyped library)

    def write(self, batch: pa.Table) -> None:
        if self.fmt == "parquet":
            if self._parquet is None:
                # no Arrow schema in the file: readers see plain text, not dictionary columns
                self._parquet = pq.ParquetWriter(self.path, self.schema, store_schema=False)
            self._parquet.write_table(batch)
        else:
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            frame = frame.with_columns(pl.col(pl.Categorical).cast(pl.String))
            if self._csv is None:
                self._csv = self.path.open("wb")
                frame.write_csv(self._csv, include_header=True)
            else:
                frame.write_csv(self._csv, include_header=False)
        self.rows += batch.num_rows

    def close(self) -> None:
        if self._csv is None and self._parquet is None:
            self.write(self.schema.empty_table())  # a file without rows still has its header
        if self._csv is not None:
            self._csv.close()
        if self._parquet is not None:
            self._parquet.close()

    def __enter__(self) -> RecordFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_record_file(out_dir: Path, stem: str, record_type: str, fmt: Format) -> RecordFile:
    return RecordFile(out_dir / f"{stem}.{fmt}", arrow_schema(record_type), fmt)


SCORE_TEXT = ("organizer", "cluster", "unit", "criterion", "criterion_group", "scorer", "note")
_SCORE_CONSTANTS = ("source_kind", "source_ref")


class ScoreBatches:
    """Criterion scores of one results year, buffered as id arrays and written a row group at a
    time (about a million rows): memory stays flat whatever the tier's size."""

    ROW_GROUP = 1 << 20

    def __init__(self, path: Path, fmt: Format, strings: Strings, source_ref: str) -> None:
        self._file = RecordFile(path, arrow_schema("scores", SCORE_TEXT + _SCORE_CONSTANTS), fmt)
        self._strings = strings
        self._chunks: list[dict[str, np.ndarray]] = []
        self._buffered = 0
        self._constants = dict(zip(_SCORE_CONSTANTS, ("synthetic", source_ref), strict=True))

    @property
    def rows(self) -> int:
        return self._file.rows + self._buffered

    def add(self, chunk: dict[str, np.ndarray]) -> None:
        """One cluster-year: arrays of equal length, string columns as ids."""
        self._chunks.append(chunk)
        self._buffered += len(chunk["points"])
        if self._buffered >= self.ROW_GROUP:
            self.flush()

    def flush(self) -> None:
        if not self._chunks:
            return
        columns: dict[str, Any] = {
            name: np.concatenate([c[name] for c in self._chunks]) for name in self._chunks[0]
        }
        rows = len(columns["points"])
        for name in SCORE_TEXT:
            columns[name] = self._strings.dictionary(columns[name])
        zeros = pa.array(np.zeros(rows, dtype=np.int32))
        for name, value in self._constants.items():
            columns[name] = pa.DictionaryArray.from_arrays(zeros, pa.array([value], type=_TEXT))
        bonus = columns["bonus"]
        columns["bonus"] = pa.array(bonus, mask=np.isnan(bonus))
        self._file.write(table(self._file.schema, columns, rows))
        self._chunks = []
        self._buffered = 0

    def close(self) -> None:
        self.flush()
        self._file.close()
