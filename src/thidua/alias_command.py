"""`thidua aliases list|add`: the names the loader could not resolve, and the fix for them."""

from __future__ import annotations

import argparse

import duckdb
import polars as pl

from thidua.aliases import add_alias
from thidua.errors import UserError
from thidua.landing import open_raw
from thidua.loader import DEFAULT_ORGANIZER_ID
from thidua.normalize import clean_text, parse_cluster_ref
from thidua.paths import Home
from thidua.resolve import read_seed

OPEN_NAMES_SQL = """
with latest as (
    select content_hash, coalesce(sheet, '') as sheet_key, max(load_id) as load_id
    from load_ledger
    where status = 'loaded'
    group by all
)
select
    q.value as name,
    q.column_name,
    q.rule,
    any_value(q.candidates) as candidates,
    count(*) as rows,
    string_agg(distinct q.source_file, ', ') as files
from quarantine as q
inner join latest using (load_id)
where q.rule in ('unresolved_name', 'ambiguous_name')
group by all
order by rows desc, name
"""


def open_names(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    names: pl.DataFrame = con.sql(OPEN_NAMES_SQL).pl()
    return names


def run_aliases(home: Home, args: argparse.Namespace) -> int:
    if args.alias_command == "list":
        if not home.raw_db.exists():
            print("chưa nạp dữ liệu nào / nothing loaded yet")
            return 0
        with open_raw(home.raw_db) as con:
            names = open_names(con)
        if names.height == 0:
            print("không còn tên nào chưa nhận ra / no unresolved names")
            return 0
        with pl.Config(tbl_rows=-1, fmt_str_lengths=120, tbl_width_chars=200):
            print(names)
        print('thêm bí danh / add an alias: thidua aliases add "<tên>" <unit_id> [--cluster …]')
        return 0

    with open_raw(home.raw_db) as con:
        known = con.execute("select distinct unit_id from units").fetchall()
    units = set(read_seed("units")["unit_id"].to_list()) | {row[0] for row in known}
    if args.unit_id not in units:
        raise UserError(
            f"không có đơn vị mã ‘{args.unit_id}’ (seeds/units.csv và các tệp units đã nạp)",
            f"no unit with id ‘{args.unit_id}’ (seeds/units.csv and loaded units files)",
        )
    cluster_id = None
    if args.cluster:
        ref = parse_cluster_ref(args.cluster)
        if ref is None:
            raise UserError(
                f"không nhận ra cụm/khối ‘{args.cluster}’",
                f"cannot read the cluster ‘{args.cluster}’",
            )
        cluster_id = ref.cluster_id(DEFAULT_ORGANIZER_ID)
    alias = clean_text(args.alias)
    with open_raw(home.raw_db) as con:
        add_alias(
            con,
            alias,
            args.unit_id,
            DEFAULT_ORGANIZER_ID,
            cluster_id,
            args.from_year,
            args.to_year,
            args.note,
        )
    scope = f" (trong / within {cluster_id})" if cluster_id else ""
    print(
        f"đã thêm bí danh / alias added: ‘{alias}’ → {args.unit_id}{scope}; "
        "nạp lại tệp để áp dụng / re-load the files to apply"
    )
    return 0
