"""What the SQL of every page shares: the filters, the query record, the caps, the fragments.

The filters are applied the same way everywhere: results years, organiser, cluster kind (through
`dim_cluster`, left-joined because an award may have no cluster) and, where it makes sense, the
"show synthetic data" switch. Switched off, it hides every generated value with two rules:
`visible_rows` drops the rows whose values are all generated (`is_synthetic`), and `shown_value`
blanks each generated value of the rows that remain, by its own group's flag (`is_score_synthetic`,
`is_rank_synthetic`...), so aggregates over it see NULL. Provenance is read per value group too
(`value_source_columns`): a value is never labelled with its row's source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Detail tables (every award, every quarantined row...) stop here; the page says so and points to
# the SQL page for the rest. Charts never need detail rows: they read aggregates.
DETAIL_ROW_CAP = 5_000

# Above this many clusters a chart of one line (or one row) per cluster is unreadable: the overview
# then shows the spread across clusters per year, and says how to get back to single clusters.
MAX_CLUSTER_LINES = 30


@dataclass(frozen=True)
class Filters:
    """The global filters from the sidebar (all of them live in the URL)."""

    years: tuple[int, int]
    organizer_id: str | None = None
    cluster_kind: str | None = None  # 'cum' | 'khoi' | None for both
    include_synthetic: bool = True


@dataclass(frozen=True)
class Query:
    """One SQL statement with its parameters: what a reader runs and what the benchmark times."""

    name: str
    sql: str
    params: dict[str, object] = field(default_factory=dict)


def filters_where(fact: str, cluster: str) -> str:
    """The WHERE fragment shared by every filtered query (without the synthetic switch)."""
    return (
        f"{fact}.results_year between $year_from and $year_to"
        f" and ($organizer_id is null or {fact}.organizer_id = $organizer_id)"
        f" and ($cluster_kind is null or {cluster}.cluster_kind = $cluster_kind)"
    )


def visible_rows(fact: str) -> str:
    return f"($include_synthetic or not {fact}.is_synthetic)"


def shown_value(fact: str, column: str, flag: str, alias: str | None = None) -> str:
    """One value of a row, blanked (NULL) when it is generated and generated values are hidden.

    `flag` is the value group's `is_<group>_synthetic` column (true when any record behind the
    value is generated). A row can be real while some of its values are generated (a real
    membership with generated scores): `visible_rows` drops rows that are generated through and
    through, `shown_value` blanks the generated values of the rows that remain. Every page uses this
    one rule, so a hidden value is hidden everywhere, and aggregates over it see NULL.
    """
    return (
        f"case when $include_synthetic or not coalesce({fact}.{flag}, false)"
        f" then {fact}.{column} end as {alias or column}"
    )


def shown_mix(fact: str) -> str:
    """The row's `source_mix` as shown: with generated values hidden, what remains is real."""
    return f"case when $include_synthetic then {fact}.source_mix else 'real' end as source_mix"


def value_source_columns(
    fact: str, group: str, *, url: bool = False, file_row: bool = False, as_group: str = ""
) -> str:
    """The provenance columns of one value group: flag, source kind, reference, title, link.

    Output columns are named after the group (`is_score_synthetic`, `score_source_kind`,
    `score_source_ref`, `score_source_title`, `score_source_publisher`, `score_source_url`,
    and with `file_row` `score_source_file/_sheet/_row`); `as_group` renames them. Needs
    `value_source_join(fact, group)`. The flag is left as it is (not blanked): a table says
    where a hidden value came from, and the presenters label it.
    """
    out = as_group or group
    src = f"src_{group}"
    link = f"coalesce({fact}.{group}_source_url, {src}.url)" if url else f"{src}.url"
    columns = [
        f"{fact}.is_{group}_synthetic as is_{out}_synthetic",
        f"{fact}.{group}_source_kind as {out}_source_kind",
        f"{fact}.{group}_source_ref as {out}_source_ref",
        f"coalesce({src}.title, {fact}.{group}_source_ref) as {out}_source_title",
        f"{src}.publisher as {out}_source_publisher",
        f"{link} as {out}_source_url",
    ]
    if file_row:
        columns += [
            f"{fact}.{group}_source_{part} as {out}_source_{part}"
            for part in ("file", "sheet", "row")
        ]
    return ", ".join(columns)


def value_source_join(fact: str, group: str) -> str:
    return (
        f"left join marts.dim_source as src_{group}"
        f" on src_{group}.source_id = {fact}.{group}_source_ref"
    )


def filter_params(f: Filters, *, synthetic: bool = True, **more: object) -> dict[str, object]:
    # DuckDB refuses unused named parameters: a query without the switch passes synthetic=False.
    params: dict[str, object] = {
        "year_from": f.years[0],
        "year_to": f.years[1],
        "organizer_id": f.organizer_id,
        "cluster_kind": f.cluster_kind,
    }
    if synthetic:
        params["include_synthetic"] = f.include_synthetic
    params.update(more)
    return params


def provenance_columns(fact: str) -> str:
    """The provenance columns every detail table shows: origin, source title and link, file, row.

    Needs `left join marts.dim_source as src on src.source_id = <fact>.source_ref`.
    """
    return (
        f"{fact}.is_synthetic, {fact}.source_kind, {fact}.source_ref,"
        f" coalesce(src.title, {fact}.source_ref) as source_title,"
        f" src.publisher as source_publisher,"
        f" coalesce({fact}.source_url, src.url) as source_url,"
        f" {fact}.source_file, {fact}.source_sheet, {fact}.source_row"
    )


def source_join(fact: str) -> str:
    return f"left join marts.dim_source as src on src.source_id = {fact}.source_ref"


def kind_filter(fact: str) -> str:
    """The cluster-kind filter for a fact without the kind column, as a semi-join (cheap)."""
    return (
        f"($cluster_kind is null or {fact}.cluster_id in"
        " (select cluster_id from marts.dim_cluster where cluster_kind = $cluster_kind))"
    )


def years_and_organizer(fact: str) -> str:
    return (
        f"{fact}.results_year between $year_from and $year_to"
        f" and ($organizer_id is null or {fact}.organizer_id = $organizer_id)"
    )
