"""Writers: rows → one file per record type, appended batch by batch.

A batch is whatever the caller hands over (one results year, one cluster), so a large tier never
holds more than a batch in memory. Columns and their order come from the input contract; CSV
dates are ISO, and the same rows always give the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

import polars as pl
import pyarrow.parquet as pq

from thidua.contract.records import LOAD_ORDER, RECORD_TYPES, RecordType

Format = Literal["csv", "parquet"]
Row = dict[str, Any]

_DTYPES: dict[str, pl.DataType] = {
    "int": pl.Int64(),
    "float": pl.Float64(),
    "date": pl.Date(),
    # the generator always knows the year as a number and the day of an event
    "year": pl.Int64(),
    "partial_date": pl.Date(),
}


def schema(record_type: RecordType) -> dict[str, pl.DataType]:
    return {c.name: _DTYPES.get(c.kind, pl.Utf8()) for c in record_type.columns}


class _TableWriter:
    def __init__(self, path: Path, record_type: RecordType, fmt: Format) -> None:
        self.path = path
        self.schema = schema(record_type)
        self.fmt = fmt
        self.rows = 0
        self._csv: IO[bytes] | None = None
        self._parquet: Any = None  # pyarrow.parquet.ParquetWriter (untyped library)

    @property
    def opened(self) -> bool:
        return self._csv is not None or self._parquet is not None

    def write(self, rows: list[Row]) -> None:
        if not rows and self.opened:
            return
        frame = pl.DataFrame(rows, schema=self.schema) if rows else pl.DataFrame(schema=self.schema)
        if self.fmt == "csv":
            if self._csv is None:
                self._csv = self.path.open("wb")
                frame.write_csv(self._csv, include_header=True)
            else:
                frame.write_csv(self._csv, include_header=False)
        else:
            table = frame.to_arrow()
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.path, table.schema)
            self._parquet.write_table(table)
        self.rows += frame.height

    def close(self) -> None:
        if not self.opened:
            self.write([])  # a record type without rows still gets its header
        if self._csv is not None:
            self._csv.close()
        if self._parquet is not None:
            self._parquet.close()


class RecordWriter:
    """Appends rows per record type to `<out_dir>/<record_type>.<fmt>`; a context manager."""

    def __init__(self, out_dir: Path, fmt: Format = "csv") -> None:
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"unknown format {fmt!r} (csv or parquet)")
        out_dir.mkdir(parents=True, exist_ok=True)
        # A folder holds one format: files of the other one from an earlier run would be loaded too.
        for name in LOAD_ORDER:
            for suffix in ("csv", "parquet"):
                (out_dir / f"{name}.{suffix}").unlink(missing_ok=True)
        self._tables = {
            name: _TableWriter(out_dir / f"{name}.{fmt}", RECORD_TYPES[name], fmt)
            for name in LOAD_ORDER
        }

    def write(self, batch: dict[str, list[Row]]) -> None:
        for name, rows in batch.items():
            self._tables[name].write(rows)

    def counts(self) -> dict[str, int]:
        return {name: table.rows for name, table in self._tables.items()}

    def close(self) -> None:
        for table in self._tables.values():
            table.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
