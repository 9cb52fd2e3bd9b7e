"""`thidua sql`: one read-only query on the published warehouse, as a table, CSV or JSON."""

from __future__ import annotations

import sys

import polars as pl

from thidua.errors import UserError
from thidua.paths import Home
from thidua.query.read import WarehouseMissing
from thidua.query.sandbox import QueryRefused, run_untrusted


def run_sql(
    home: Home,
    query: str,
    output_format: str,
    max_rows: int,
    timeout_s: float = 60.0,
    memory_limit: str = "2GB",
) -> int:
    try:
        result = run_untrusted(
            home.published_db,
            query,
            row_cap=max_rows,
            timeout_s=timeout_s,
            memory_limit=memory_limit,
        )
    except (WarehouseMissing, QueryRefused) as exc:
        raise UserError(exc.message_vi, exc.message_en) from None
    except ValueError:
        raise UserError(
            f"giới hạn bộ nhớ không hợp lệ: {memory_limit} (ví dụ 512MB, 2GB)",
            f"not a memory limit: {memory_limit} (e.g. 512MB, 2GB)",
        ) from None
    frame = result.frame
    if output_format == "csv":
        sys.stdout.write(frame.write_csv())
    elif output_format == "json":
        sys.stdout.write(frame.write_json() + "\n")
    else:
        with pl.Config(tbl_rows=-1, tbl_cols=-1, fmt_str_lengths=80, tbl_width_chars=200):
            print(frame)
    if result.truncated:
        print(
            f"(chỉ hiện {max_rows} dòng đầu / only the first {max_rows} rows shown)",
            file=sys.stderr,
        )
    return 0
