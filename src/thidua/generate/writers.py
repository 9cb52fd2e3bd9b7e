"""Writers: one file per record type (CSV or Parquet), appended batch by batch.

A batch is whatever the caller hands over (one results year, one cluster), so a large tier never
holds more than a batch in memory. Columns, their order and types come from the input contract;
CSV dates are ISO, files carry no Arrow schema metadata (every reader sees plain text columns),
and the same rows always give the same bytes. Rows come as dicts (`RecordWriter`), except the
national tier's scores: strings interned once (`Strings`), a score batch as dictionary-encoded
Arrow columns (a row group of a million criterion scores holds a few thousand distinct names).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal, Self

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from thidua.contract.records import LOAD_ORDER, RECORD_TYPES

Format = Literal["csv", "parquet"]
Row = dict[str, Any]
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


class _Closing:
    """Closed on leaving a `with` block."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class RecordFile(_Closing):
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


class RecordWriter(_Closing):
    """Appends rows per record type to `<out_dir>/<record_type>.<fmt>`; a context manager."""

    def __init__(self, out_dir: Path, fmt: Format, names: Sequence[str] = LOAD_ORDER) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        # A folder holds one format: files of the other one from an earlier run would be loaded too.
        for name in names:
            for suffix in ("csv", "parquet"):
                (out_dir / f"{name}.{suffix}").unlink(missing_ok=True)
        self._files = {
            name: RecordFile(out_dir / f"{name}.{fmt}", arrow_schema(name), fmt) for name in names
        }

    def write(self, batch: dict[str, list[Row]]) -> None:
        for name, rows in batch.items():
            if rows:
                file = self._files[name]
                file.write(pa.Table.from_pylist(rows, schema=file.schema))

    def counts(self) -> dict[str, int]:
        return {name: file.rows for name, file in self._files.items()}

    def close(self) -> None:
        for file in self._files.values():
            file.close()


SCORE_TEXT = ("organizer", "cluster", "unit", "criterion", "criterion_group", "scorer", "note")
_SCORE_CONSTANTS = ("source_kind", "source_ref")


class ScoreBatches(_Closing):
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
