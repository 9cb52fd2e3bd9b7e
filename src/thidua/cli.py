"""The `thidua` command line. Every user mistake ends in one clear line and exit code 1."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path

from thidua import logs, warm_command
from thidua.contract.artifacts import allowed_in_words
from thidua.contract.records import INPUT_ORDER, RECORD_TYPES, SOURCE_KINDS
from thidua.errors import UserError
from thidua.extract import command as extract_command
from thidua.paths import Home, usable_home


def _columns_help() -> str:
    lines = [
        "Accepted columns per record type (headers in Vietnamese or English, with or without",
        "diacritics; * = required):",
        "",
    ]
    for name in INPUT_ORDER:
        record_type = RECORD_TYPES[name]
        lines.append(f"{record_type.name} — {record_type.title_vi} ({record_type.grain})")
        for column in record_type.columns:
            mark = "*" if column.required else " "
            headers = ", ".join(column.headers[:4])
            lines.append(f"  {mark} {column.name:<19} {headers}")
            if column.allowed and column.name != "award_type":
                lines.append(f"      {'':<19} = {allowed_in_words(column, 'vi')}")
        lines.append("")
    return "\n".join(lines)


def _print_load_progress(report: object) -> None:
    from thidua.ingest.load_report import batch_lines
    from thidua.ingest.loader import BatchReport

    assert isinstance(report, BatchReport)
    for line in batch_lines(report):
        print(line.text, file=sys.stderr if line.problem else sys.stdout)


def cmd_load(args: argparse.Namespace, where: Home) -> int:
    from thidua.ingest.load_report import total_line
    from thidua.ingest.loader import load_files, retry_quarantine

    progress = None if args.quiet else _print_load_progress
    if args.retry_quarantine:
        if args.paths:
            raise UserError(
                "--retry-quarantine đọc lại các dòng đang bị cách ly, không cần tệp: bỏ "
                f"{' '.join(args.paths)}",
                "--retry-quarantine reads the quarantined rows again and takes no files: "
                f"leave out {' '.join(args.paths)}",
            )
        report = retry_quarantine(where, progress=progress)
        if not report.batches:
            print("không có dòng nào đang bị cách ly / no quarantined rows are open")
    elif not args.paths:
        raise UserError(
            "hãy chỉ ra tệp hoặc thư mục cần nạp (hoặc --retry-quarantine)",
            "name the files or folders to load (or --retry-quarantine)",
        )
    else:
        report = load_files(
            [Path(p) for p in args.paths],
            where,
            record_type=args.type,
            source_kind=args.source_kind,
            progress=progress,
            force=args.force,
            complete_roster=args.complete_roster,
            cluster=args.cluster,
            year=args.year,
            organizer=args.organizer,
        )
    print(total_line(report))
    if report.rejected:
        code = 1
    elif args.strict and report.quarantined_rows:
        print("--strict: có dòng bị cách ly / rows were quarantined", file=sys.stderr)
        code = 1
    else:
        code = 0
    if not args.build:
        return code
    if code:
        # A file the gate refused is the user's to fix first: publishing the rest now would
        # show the dashboard a state the user did not mean (half a correction).
        print(
            "không dựng vì lần nạp chưa đạt; sửa tệp rồi chạy lại / not built: the load did not "
            "pass; correct the files and run it again",
            file=sys.stderr,
        )
        return code
    return _build(where, full_refresh=False, quiet=args.quiet)


def cmd_template(args: argparse.Namespace, where: Home) -> int:
    from thidua.contract.template import organizer_units, template_types, write_template

    types = template_types(args.types)
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(
            f"tệp mẫu phải có đuôi .xlsx: {out}", f"the template file must end in .xlsx: {out}"
        )
    organizer = organizer_units(args.organizer, where) if args.organizer else None
    write_template(out, types, organizer)
    print(
        f"đã ghi mẫu / template written: {out} ({', '.join(t.name for t in types)})"
        + (f"; {len(organizer.units)} đơn vị / units of {organizer.name}" if organizer else "")
    )
    return 0


def cmd_build(args: argparse.Namespace, where: Home) -> int:
    return _build(where, full_refresh=args.full_refresh, quiet=args.quiet)


def _build(where: Home, *, full_refresh: bool, quiet: bool) -> int:
    """`thidua build`, and the build of `thidua load --build`."""
    from thidua.warehouse.build import build_and_publish

    result = build_and_publish(where, full_refresh=full_refresh, progress=None if quiet else print)
    if result.up_to_date:
        print(
            f"kho đã công bố đã cập nhật, không có gì mới để dựng ({result.published_db}); "
            "`--full-refresh` dựng lại tất cả / the published warehouse is up to date, nothing "
            "new to build; `--full-refresh` rebuilds all"
        )
        return 0
    print(
        f"đã công bố / published {result.published_db} "
        f"(dbt {result.dbt_seconds:.1f}s, tests {result.tests_passed} passed, "
        f"{result.tests_failed} failed)"
    )
    if result.unit_tests_passed_before and not result.narrowed:
        print(
            "kiểm thử đơn vị (SQL của các mô hình trên dữ liệu cố định) không chạy lại: đã đạt ở "
            "lần dựng trước với cùng mã dự án; `--full-refresh` chạy lại tất cả / the unit tests "
            "(the models' SQL on fixed inputs) were not run again: they passed at an earlier "
            "build of the same project code; `--full-refresh` runs everything"
        )
    if result.narrowed and not result.narrowed_to:
        print(
            "chỉ có tệp bị từ chối hoặc dòng bị cách ly mới: chỉ dựng lại các bảng chất lượng dữ "
            "liệu / only rejected files or quarantined rows are new: rebuilt the data-quality "
            "tables alone"
        )
    elif result.narrowed_to:
        types = ", ".join(result.narrowed_to)
        print(
            f"chỉ dựng lại phần dữ liệu mới ảnh hưởng ({types}); `--full-refresh` dựng lại tất cả"
            f" / rebuilt only what the new rows feed ({types}); `--full-refresh` rebuilds all"
        )
    return 0


def cmd_serve(args: argparse.Namespace, where: Home) -> int:
    from thidua.serve import serve

    return serve(where, port=args.port, address=args.address)


def cmd_demo(args: argparse.Namespace, where: Home) -> int:
    from thidua.demo import run_demo

    run_demo(where, seed=args.seed, progress=print, quiet_dbt=args.quiet)
    if args.no_serve:
        return 0
    from thidua.serve import serve

    return serve(where, port=args.port, address=args.address)


def cmd_generate(args: argparse.Namespace, where: Home) -> int:
    from thidua.generate import generate

    out = Path(args.out) if args.out else where.generated_dir / f"{args.tier}-seed{args.seed}"
    try:
        counts = generate(args.tier, args.seed, out, args.format, scale=args.scale)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    for record_type, count in counts.items():
        print(f"{record_type}: {count}")
    print(f"→ {out}")
    return 0


def cmd_sql(args: argparse.Namespace, where: Home) -> int:
    from thidua.query.sql_command import run_sql

    return run_sql(where, args.query, args.format, args.max_rows, args.timeout, args.memory_limit)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"cần số nguyên dương / a positive whole number: {text}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"cần một số dương / a positive number: {text}")
    return value


def cmd_aliases(args: argparse.Namespace, where: Home) -> int:
    from thidua.ingest.alias_command import run_aliases

    return run_aliases(where, args)


def cmd_quarantine(args: argparse.Namespace, where: Home) -> int:
    from thidua.ingest.quarantine_command import run_quarantine

    return run_quarantine(where, args.load, args.file)


def cmd_withdraw(args: argparse.Namespace, where: Home) -> int:
    from thidua.ingest.withdraw import RESTORE, WITHDRAW, act

    action = RESTORE if args.command == "restore" or args.undo else WITHDRAW
    result = act(where, args.target, action, args.reason)
    loads = ", ".join(str(i) for i in result.load_ids)
    files = ", ".join(result.files)
    if action == WITHDRAW:
        print(
            f"đã rút lần nạp {loads} ({files}); lý do: {args.reason.strip()} / "
            f"withdrew load(s) {loads} ({files}); reason: {args.reason.strip()}"
        )
    else:
        print(f"đã khôi phục lần nạp {loads} ({files}) / restored load(s) {loads} ({files})")
    print(
        "chạy `thidua build` để cập nhật kho dữ liệu / run `thidua build` to update the warehouse"
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thidua",
        description="thidua: kho dữ liệu cụm, khối thi đua / the emulation-cluster warehouse",
    )
    parser.add_argument(
        "--home",
        help="thư mục dữ liệu / data folder (default: $THIDUA_HOME or ./warehouse in the project)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    load = sub.add_parser(
        "load",
        help="nạp tệp (CSV, XLSX, JSON, Parquet) / load record files",
        description="Load record files or folders into the landing database, "
        "through the quality gate.",
        epilog=_columns_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    load.add_argument("paths", nargs="*", help="files or folders")
    load.add_argument("--type", choices=list(RECORD_TYPES), help="record type (default: detected)")
    load.add_argument(
        "--source-kind",
        default="official",
        choices=list(SOURCE_KINDS),
        help="source kind of rows that do not say (default: official)",
    )
    load.add_argument("--strict", action="store_true", help="fail if any row is quarantined (CI)")
    load.add_argument(
        "--force",
        action="store_true",
        help="load content already loaded again, whole (its rows restate the earlier load's)",
    )
    load.add_argument(
        "--complete-roster",
        action="store_true",
        help="memberships: each file lists its cluster-years' whole rosters (units it leaves out "
        "leave the roster), unless a row's roster_complete says no",
    )
    load.add_argument(
        "--retry-quarantine",
        action="store_true",
        help="no files: check every open quarantined row again (after `thidua aliases add` or a "
        "new units file) and land those that now pass",
    )
    load.add_argument("--quiet", action="store_true", help="print only the total")
    load.add_argument(
        "--build",
        action="store_true",
        help="then build, test and publish what the load changed, as `thidua build` (in the "
        "same process: the shortest way from a corrected file to the dashboard)",
    )
    for option, example in (
        ("--cluster", "cụm/khối / cluster, e.g. 'Cụm thi đua số 5'"),
        ("--year", "năm thi đua / results year, e.g. 2023"),
        ("--organizer", "cơ quan tổ chức / organiser, by id or name, e.g. 'Bộ Tư pháp'"),
    ):
        load.add_argument(
            option,
            help=f"bảng tổng hợp điểm có tiêu đề không ghi {example.split(' / ')[0]} / "
            f"a year-end scoring sheet whose title does not give its {example.split(' / ')[1]}",
        )
    load.set_defaults(handler=cmd_load)

    template = sub.add_parser(
        "template",
        help="sổ Excel mẫu để điền rồi nạp / a workbook to fill in and load",
        description="Write an .xlsx with one sheet per record type (Vietnamese headers, a hint "
        "row, dropdowns for coded columns, required columns marked *) that `thidua load` reads "
        "back as it is.",
    )
    template.add_argument(
        "types",
        nargs="*",
        metavar="TYPE",
        help=f"loại bản ghi / record types (default: all): {', '.join(RECORD_TYPES)}",
    )
    template.add_argument("--out", required=True, help="tệp cần ghi / the .xlsx file to write")
    template.add_argument(
        "--organizer",
        help="cơ quan tổ chức, theo mã hoặc tên / organiser, by id or name: its units in the "
        "unit columns' dropdowns, its name written above each sheet's header",
    )
    template.set_defaults(handler=cmd_template)
    extract_command.add_parser(sub)

    build = sub.add_parser(
        "build",
        help="dbt build + kiểm thử + công bố / dbt build, tests, publish",
        description="Build the dbt project into a separate file and publish it "
        "only if every test passes.",
    )
    build.add_argument("--full-refresh", action="store_true", help="rebuild incremental models")
    build.add_argument("--quiet", action="store_true", help="hide dbt's output")
    build.set_defaults(handler=cmd_build)

    for name, handler, text in (
        ("serve", cmd_serve, "mở bảng điều khiển / serve the dashboard"),
        ("demo", cmd_demo, "toàn bộ quy trình trên dữ liệu mẫu / the whole pipeline on the sample"),
    ):
        command = sub.add_parser(name, help=text, description=text)
        command.add_argument("--port", type=int, default=8501)
        command.add_argument("--address", default="localhost")
        if name == "demo":
            command.add_argument("--no-serve", action="store_true", help="stop after publishing")
            command.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
            command.add_argument("--quiet", action="store_true", help="hide dbt's output")
        command.set_defaults(handler=handler)

    generate = sub.add_parser(
        "generate",
        help="sinh dữ liệu mô phỏng / generate synthetic records",
        description="Write deterministic synthetic records (every row marked synthetic).",
    )
    generate.add_argument("--tier", default="province", choices=["province", "national"])
    generate.add_argument(
        "--scale", type=float, default=1.0, help="national tier: fraction of its clusters (0–1]"
    )
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument("--out", help="output folder (default: <home>/generated/<tier>-seed<N>)")
    generate.add_argument("--format", default="csv", choices=["csv", "parquet"])
    generate.set_defaults(handler=cmd_generate)

    sql = sub.add_parser(
        "sql",
        help="truy vấn chỉ đọc / read-only SQL on the published warehouse",
        description=textwrap.dedent(
            """\
            Run one read-only query against the published warehouse (schemas: marts, quality,
            reference, meta; a mart may be named without its schema). Example:
            thidua sql "select * from fct_cluster_year limit 5"
            Dates, lists, structs and blobs print as DuckDB writes them.
            """
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sql.add_argument("query")
    sql.add_argument("--format", default="table", choices=["table", "csv", "json"])
    sql.add_argument(
        "--max-rows", type=_positive_int, default=100_000, help="rows to print (default 100000)"
    )
    sql.add_argument(
        "--timeout", type=_positive_float, default=60.0, help="seconds before the query is stopped"
    )
    sql.add_argument(
        "--memory-limit", default="2GB", help="memory the query may use (default 2GB, e.g. 512MB)"
    )
    sql.set_defaults(handler=cmd_sql)

    aliases = sub.add_parser(
        "aliases",
        help="tên chưa nhận ra và bí danh / unresolved names and aliases",
        description="List names the loader could not resolve, or add an alias "
        "so a re-load resolves them.",
    )
    alias_sub = aliases.add_subparsers(dest="alias_command", required=True, metavar="ACTION")
    alias_sub.add_parser("list", help="open (unresolved) names with candidates")
    add = alias_sub.add_parser("add", help="add an alias: ALIAS → UNIT_ID")
    add.add_argument("alias")
    add.add_argument("unit_id")
    add.add_argument(
        "--organizer",
        help="only in this organiser's records, by id or name (default: the unit's organiser)",
    )
    add.add_argument(
        "--cluster",
        help="only inside this cluster of that organiser (e.g. 'Cụm thi đua số 8')",
    )
    add.add_argument("--from-year", type=int)
    add.add_argument("--to-year", type=int)
    add.add_argument("--note")
    export = alias_sub.add_parser(
        "export",
        help="write the aliases added with `add` as a CSV (seeds/unit_aliases.csv's columns and "
        "note) that `thidua load` reads back",
    )
    export.add_argument("--out", help="file to write (default: print the CSV)")
    aliases.set_defaults(handler=cmd_aliases)

    quarantine = sub.add_parser(
        "quarantine",
        help="các dòng đang bị cách ly, từng dòng / every open quarantined row in detail",
        description="List every open quarantined row: file, sheet, row, column, value, rule and "
        "message, one line per finding (a load prints them grouped by rule).",
    )
    quarantine.add_argument("--load", type=int, help="only this load (and its retries)")
    quarantine.add_argument("--file", help="only rows of this file name")
    quarantine.set_defaults(handler=cmd_quarantine)

    for name, text in (
        (
            "withdraw",
            "rút các dòng của một lần nạp khỏi kho / withdraw a load's rows from the warehouse",
        ),
        ("restore", "khôi phục một lần nạp đã rút / restore a withdrawn load"),
    ):
        command = sub.add_parser(
            name,
            help=text,
            description=text
            + ". The rows stay in raw.duckdb and the action is recorded (load_actions); "
            "`thidua build` then leaves them out of (or puts them back into) the warehouse.",
        )
        command.add_argument(
            "target", help="load id (quality.load_ledger), or a file path or name: all its loads"
        )
        command.add_argument("--reason", help="why (required to withdraw; kept with the action)")
        if name == "withdraw":
            command.add_argument(
                "--undo", action="store_true", help="restore instead (same as `thidua restore`)"
            )
        command.set_defaults(handler=cmd_withdraw, undo=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logs.configure()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, Home], int] = args.handler
    try:
        return handler(args, usable_home(args.home))
    except UserError as exc:
        print(f"lỗi / error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # The machine said no (a read-only folder, a full disk, a missing device): say where and
        # what, in words, rather than a traceback.
        where = f"{exc.filename}: " if exc.filename else ""
        print(
            f"lỗi / error: không đọc/ghi được {where}{exc.strerror or exc} / "
            f"cannot read or write {where}{exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        print("đã dừng / interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """The console script: `main`, then leave without tearing the interpreter down.

    GX's SQL engine and DuckDB's bindings hold objects until interpreter shutdown, where nanobind
    prints "leaked instance" noise and GX's teardown costs seconds. Everything this process wrote
    is committed and closed by the time `main` returns, so there is nothing left to clean up.

    A load runs in the thidua process the load before left waiting, imports done, when one
    fits (thidua.warm_command); this process then only passes on its exit code.
    """
    argv = sys.argv[1:]
    args = build_parser().parse_args(argv)
    loading = args.handler is cmd_load
    code = warm_command.run(argv, say_ready=not args.quiet) if loading else None
    if code is None:
        code = main(argv)
        if loading:
            warm_command.start(warm_command.environ_at_start())
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
