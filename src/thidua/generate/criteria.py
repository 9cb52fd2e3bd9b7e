"""Criteria tables: a task group and a few others whose maxima add up to 100 or 1000 points.

What a table is made of is a tier's data (`data/criteria.yaml`): Thanh Hóa's tables hold 6–12
criteria in 2–4 groups, the national tier's 16–24 in 3–5. As in published scoring rules, a
group's maximum bounds its criteria (their maxima add up to it) and maxima are round numbers. A
cluster keeps its table from year to year and revises or rescales it now and then.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from thidua.generate.layout import Theme
from thidua.generate.tables import read_yaml

SCALES = (100, 1000)
_SCALE_WEIGHTS = (0.7, 0.3)  # 100-point tables are the more common
_SCALE_SWITCH = 0.06
_CRITERIA_REVISION = 0.15
_METHOD_SWITCH = 0.1
METHODS = ("score", "score_and_vote")


@dataclass(frozen=True)
class Criterion:
    code: str  # "TC1.2": group 1, criterion 2
    group: str
    name: str
    max_points: int


@dataclass(frozen=True)
class TableShape:
    """A tier's tables: group and criterion counts (inclusive ranges) and their vocabulary."""

    group_count: tuple[int, int]
    criterion_count: tuple[int, int]
    criteria_per_group: int
    task_group: str
    tasks: dict[str, tuple[str, ...]]
    groups: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def emulation_group(self) -> str:
        """The first group after the tasks, in every table: bonus points go there."""
        return self.groups[0][0]


def table_shape(tier: str) -> TableShape:
    entry = read_yaml("criteria.yaml")[tier]
    return TableShape(
        tuple(entry["group_count"]),
        tuple(entry["criterion_count"]),
        entry["criteria_per_group"],
        entry["task_group"],
        {theme: tuple(names) for theme, names in entry["tasks"].items()},
        tuple((g["name"], tuple(g["criteria"])) for g in entry["groups"]),
    )


def _split(rng: random.Random, tokens: int, weights: list[float], minimums: list[int]) -> list[int]:
    """`tokens` shared out in proportion to `weights`, each part at least its minimum."""
    shares = list(minimums)
    spare = tokens - sum(minimums)
    if spare < 0:
        raise ValueError("minimums exceed the total")
    total_weight = sum(weights)
    for index, weight in enumerate(weights):
        shares[index] += int(spare * weight / total_weight)
    for _ in range(tokens - sum(shares)):
        shares[rng.randrange(len(shares))] += 1
    return shares


def criteria_table(
    rng: random.Random, theme: Theme, scale: int, shape: TableShape
) -> tuple[Criterion, ...]:
    group_count = rng.randint(*shape.group_count)
    groups = [(shape.task_group, shape.tasks[theme]), *shape.groups[: group_count - 1]]
    if group_count == 3 and rng.random() < 0.5:
        groups[2] = shape.groups[2]  # some clusters weigh party work over administration
    fewest, most = shape.criterion_count
    criterion_count = rng.randint(max(fewest, group_count), most)
    counts = _split(
        rng,
        criterion_count,
        [2.0 if i == 0 else 1.0 for i in range(group_count)],  # the tasks carry about twice
        [shape.criteria_per_group] * group_count,
    )
    counts = [min(count, len(pool)) for count, (_, pool) in zip(counts, groups, strict=True)]
    while sum(counts) < fewest:
        spare = [i for i, (_, pool) in enumerate(groups) if counts[i] < len(pool)]
        counts[rng.choice(spare)] += 1
    # Group maxima come in fives (tens of points on the 1000 scale), criterion maxima in whole
    # points (tens): the round numbers real tables use.
    group_unit, criterion_unit = (5, 1) if scale == 100 else (50, 10)
    criterion_min = 2 if scale == 100 else 20
    group_minimums = [
        -(-count * criterion_min // group_unit) for count in counts
    ]  # ceil: room for every criterion's minimum
    weights = [
        rng.uniform(1.6, 2.6) if i == 0 else rng.uniform(0.8, 1.2) for i in range(group_count)
    ]
    group_maxima = [
        share * group_unit for share in _split(rng, scale // group_unit, weights, group_minimums)
    ]
    table: list[Criterion] = []
    for g, ((group_name, pool), count, group_max) in enumerate(
        zip(groups, counts, group_maxima, strict=True), start=1
    ):
        names = rng.sample(pool, count)
        maxima = _split(
            rng,
            group_max // criterion_unit,
            [rng.uniform(0.7, 1.3) for _ in names],
            [criterion_min // criterion_unit] * count,
        )
        for k, (name, share) in enumerate(zip(names, maxima, strict=True), start=1):
            table.append(Criterion(f"TC{g}.{k}", group_name, name, share * criterion_unit))
    return tuple(table)


def yearly_table(
    rng: random.Random,
    theme: Theme,
    shape: TableShape,
    table: tuple[Criterion, ...],
    method: str,
) -> tuple[tuple[Criterion, ...], str]:
    """This year's table and ranking method, from last year's (none in a cluster's first year):
    kept, now and then revised or rescaled; the method switches now and then."""
    if not table:
        table = criteria_table(rng, theme, rng.choices(SCALES, _SCALE_WEIGHTS)[0], shape)
        return table, rng.choice(METHODS)
    scale = sum(c.max_points for c in table)
    if rng.random() < _SCALE_SWITCH:
        table = criteria_table(rng, theme, 1000 if scale == 100 else 100, shape)
    elif rng.random() < _CRITERIA_REVISION:
        table = criteria_table(rng, theme, scale, shape)
    if rng.random() < _METHOD_SWITCH:
        method = "score" if method == "score_and_vote" else "score_and_vote"
    return table, method
