"""`thidua aliases list|add|export`: the names the loader could not resolve, the fix for them, and
the fixes as a file that can be kept in version control and loaded into any warehouse."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from thidua import work_lock
from thidua.errors import UserError
from thidua.ingest.aliases import add_alias, exported_aliases
from thidua.ingest.landing import open_raw
from thidua.ingest.load_state import OPEN_QUARANTINE
from thidua.ingest.loader import DEFAULT_ORGANIZER_ID, rows_in_force
from thidua.ingest.resolve import load_organizer_lookup, read_seed
from thidua.normalize import clean_text, match_key, parse_cluster_ref
from thidua.paths import Home

# The open quarantined rows only: rows a retry took over, and rows of withdrawn or superseded
# loads, are no longer anyone's to fix.
OPEN_NAMES_SQL = f"""
select
    q.value as name,
    q.column_name,
    q.rule,
    any_value(q.candidates) as candidates,
    count(*) as rows,
    string_agg(distinct q.source_file, ', ') as files
from ({OPEN_QUARANTINE}) as q
where q.rule in ('unresolved_name', 'ambiguous_name')
group by all
order by rows desc, name
"""


def open_names(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    names: pl.DataFrame = con.sql(OPEN_NAMES_SQL).pl()
    return names


def run_aliases(home: Home, args: argparse.Namespace) -> int:
    if args.alias_command == "list":
        return _list(home)
    if args.alias_command == "export":
        return _export(home, args.out)
    return _add(home, args)


def _list(home: Home) -> int:
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
    print(
        'thêm bí danh / add an alias: thidua aliases add "<tên>" <unit_id> '
        "[--organizer …] [--cluster …]"
    )
    return 0


def _export(home: Home, out: str | None) -> int:
    if not home.raw_db.exists():
        raise UserError(
            f"chưa nạp dữ liệu nào ({home.raw_db})", f"nothing loaded yet ({home.raw_db})"
        )
    with open_raw(home.raw_db) as con:
        aliases = exported_aliases(con)
    if out is None:
        sys.stdout.write(aliases.write_csv())
        return 0
    target = Path(out)
    if not target.parent.is_dir():
        raise UserError(
            f"không có thư mục {target.parent} để ghi {target.name}",
            f"no folder {target.parent} to write {target.name} in",
        )
    aliases.write_csv(target)
    print(
        f"đã ghi {aliases.height} bí danh vào {target}; nạp tệp này bằng `thidua load` / "
        f"wrote {aliases.height} alias(es) to {target}; `thidua load` reads it back"
    )
    return 0


def _units_and_organizers(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, str]]:
    """unit_id → its organiser (the seed and loaded units), and match_key → organizer_id."""
    units = {
        row["unit_id"]: row["organizer_id"]
        for frame in (
            read_seed("units"),
            rows_in_force(con, "units", "unit_id", "unit_id, organizer_id"),
        )
        for row in frame.iter_rows(named=True)
    }
    organizers = load_organizer_lookup(
        extra=rows_in_force(
            con, "organizers", "organizer_id", "organizer_id, name as name_vi, name_en, short_name"
        )
    )
    return units, organizers


@dataclass(frozen=True)
class AddedAlias:
    alias: str
    unit_id: str
    organizer_id: str
    cluster_id: str | None

    @property
    def scope(self) -> str:
        return self.cluster_id or self.organizer_id


def add_scoped(
    home: Home,
    alias: str,
    unit_id: str,
    organizer: str | None = None,
    cluster: str | None = None,
    from_year: int | None = None,
    to_year: int | None = None,
    note: str | None = None,
) -> AddedAlias:
    """`thidua aliases add`: the alias scoped to an organiser (by id or name; default the
    unit's own) and optionally one of its clusters, written to the landing database."""
    with open_raw(home.raw_db) as con:
        units, organizers = _units_and_organizers(con)
    if unit_id not in units:
        raise UserError(
            f"không có đơn vị mã ‘{unit_id}’ (seeds/units.csv và các tệp danh mục đơn vị đã nạp)",
            f"no unit with id ‘{unit_id}’ (seeds/units.csv and loaded units files)",
        )
    # The name is scoped to the organiser whose records write it: the one given, else the
    # unit's own (a Nam Định unit's alias must apply to Nam Định's clusters, not Thanh Hóa's).
    if organizer:
        organizer_id = organizers.get(match_key(organizer))
        if organizer_id is None:
            known = ", ".join(sorted(set(organizers.values())))
            raise UserError(
                f"không nhận ra cơ quan tổ chức ‘{organizer}’ (có: {known})",
                f"unknown organiser ‘{organizer}’ (known: {known})",
            )
    else:
        organizer_id = units[unit_id] or DEFAULT_ORGANIZER_ID
    cluster_id = None
    if cluster:
        ref = parse_cluster_ref(cluster)
        if ref is None:
            raise UserError(
                f"không nhận ra cụm/khối ‘{cluster}’",
                f"cannot read the cluster ‘{cluster}’",
            )
        cluster_id = ref.cluster_id(organizer_id)
    cleaned = clean_text(alias)
    # a new alias changes how the next build resolves names: never while a load or build runs
    with work_lock.held(home, "aliases"), open_raw(home.raw_db) as con:
        add_alias(con, cleaned, unit_id, organizer_id, cluster_id, from_year, to_year, note)
    return AddedAlias(cleaned, unit_id, organizer_id, cluster_id)


def _add(home: Home, args: argparse.Namespace) -> int:
    added = add_scoped(
        home,
        args.alias,
        args.unit_id,
        args.organizer,
        args.cluster,
        args.from_year,
        args.to_year,
        args.note,
    )
    print(
        f"đã thêm bí danh / alias added: ‘{added.alias}’ → {added.unit_id} "
        f"(trong / within {added.scope}); "
        "nạp lại tệp hoặc `thidua load --retry-quarantine` để áp dụng / "
        "load the files again or run `thidua load --retry-quarantine` to apply it"
    )
    return 0
