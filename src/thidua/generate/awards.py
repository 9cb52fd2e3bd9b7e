"""Awards for one organiser and results year.

A province: the unit ranked first in a cluster gets the provincial flag (PROV_FLAG), the next
two the chairman's certificate of merit (PROV_MERIT), all by one decision early the next year.
The province then forwards some flag holders for the Government flag under the regime in force
for the year (seeds/legal_regimes): never more than the regime's share of the eligible units,
and only units that held a flag before when the regime asks for it. Some proposals are decided
by the Prime Minister mid-year.

Ministries and mass organisations give their own flag ("Cờ thi đua của Bộ …"), for which
seeds/award_types has no code: their leading unit, and the runner-up, are recorded as Tập thể lao
động xuất sắc (EXCELLENT_COLLECTIVE, a title ministers award) with the flag named in the note.
Since the warehouse reads Government-flag eligibility as holding a PROV_FLAG of the same
organiser, a ministry proposes Government flags only under a regime whose rule needs nothing
but a leading unit (2024 on); under earlier regimes it proposes its leading units for the Prime
Minister's certificate (PM_MERIT) instead. Both are simplifications, said in the report.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from decimal import Decimal

from thidua.generate.calendar import draw_day
from thidua.generate.reference import LegalRegime

_GOV_DECIDED = 0.6
_MERIT_RANKS = 2
_OWN_TITLE_RANKS = 2


@dataclass(frozen=True)
class ClusterResult:
    cluster_id: str
    order: tuple[str, ...]  # declared ranks, best first (may hold only the ranks known)
    share: dict[str, float]  # score / maximum


@dataclass(frozen=True)
class Award:
    cluster_id: str
    unit_id: str
    award_type: str
    status: str
    decision_no: str | None
    decision_date: dt.date | None
    note: str | None = None
    issuer: str | None = None  # None: the award type's issuer (seeds/award_types)


@dataclass(frozen=True)
class Issuer:
    """Who decides an organiser's own awards and how their decisions are numbered."""

    head: str | None  # None: the award type's issuer
    decision_suffix: str  # "QĐ-UBND"
    prime_minister: str | None  # who decides Government flags (None: the award type's issuer)
    proposals: tuple[int, int]  # how many leading units it forwards to the Prime Minister


def decision_day(rng: random.Random, year: int) -> dt.date:
    """The day the organiser decides the year's own awards (February–March of the next year)."""
    return draw_day(rng, dt.date(year + 1, 2, 1), dt.date(year + 1, 3, 31))


def _decision_number(rng: random.Random, day: dt.date, per_day: int) -> int:
    # Decision numbers run through the year, so a March decision carries a larger number.
    return day.timetuple().tm_yday * per_day + rng.randint(0, per_day * 5)


def _proposals(
    rng: random.Random,
    year: int,
    candidates: list[ClusterResult],
    wanted: int,
    award_type: str,
    issuer: Issuer,
    note: str | None = None,
) -> list[Award]:
    """Proposals to the Prime Minister for the best of the candidates' leading units; most are
    decided by one decision in the middle of the next year."""
    merit = {r.order[0]: r.share[r.order[0]] + rng.gauss(0.0, 0.005) for r in candidates}
    ranked = sorted(candidates, key=lambda r: -merit[r.order[0]])
    day = draw_day(rng, dt.date(year + 1, 5, 15), dt.date(year + 1, 9, 30))
    number = f"{_decision_number(rng, day, 5)}/QĐ-TTg"
    awards = []
    for result in ranked[:wanted]:
        decided = rng.random() < _GOV_DECIDED
        awards.append(
            Award(
                result.cluster_id,
                result.order[0],
                award_type,
                "decided" if decided else "proposed",
                number if decided else None,
                day if decided else None,
                note,
                issuer.prime_minister,
            )
        )
    return awards


def province_awards(
    rng: random.Random,
    year: int,
    results: list[ClusterResult],
    day: dt.date,
    regime: LegalRegime,
    earlier_flag_holders: set[str],
    issuer: Issuer,
) -> list[Award]:
    awards: list[Award] = []
    number = _decision_number(rng, day, 12)
    flag_no = f"{number}/{issuer.decision_suffix}"
    merit_no = f"{number + rng.randint(1, 9)}/{issuer.decision_suffix}"  # same day, next number
    holders = [r for r in results if r.order]
    for r in holders:
        for rank, unit_id in enumerate(r.order[: 1 + _MERIT_RANKS]):
            kind, decision = ("PROV_FLAG", flag_no) if rank == 0 else ("PROV_MERIT", merit_no)
            awards.append(
                Award(r.cluster_id, unit_id, kind, "decided", decision, day, None, issuer.head)
            )
    wanted = rng.randint(*issuer.proposals)
    if regime.max_share_of_eligible is not None:
        # decimal arithmetic, as the warehouse checks it: 20 % of 15 is 3, not 3.0000000000000004
        quota = Decimal(str(regime.max_share_of_eligible)) * len(holders)
        wanted = min(wanted, math.floor(quota))
    candidates = holders
    if regime.requires_prior_provincial_flag:
        # Only units already holding a provincial flag; in the first year of data the earlier
        # flags are not known, so that year's holders stand in.
        candidates = [r for r in holders if r.order[0] in earlier_flag_holders] or holders
    return awards + _proposals(rng, year, candidates, wanted, "GOV_FLAG", issuer)


def system_awards(
    rng: random.Random,
    organizer_name: str,
    year: int,
    results: list[ClusterResult],
    day: dt.date,
    regime: LegalRegime,
    issuer: Issuer,
) -> list[Award]:
    """A ministry's or mass organisation's own titles, and its proposals to the Prime Minister."""
    own_no = f"{_decision_number(rng, day, 12)}/{issuer.decision_suffix}"
    flag_note = (
        f"đơn vị dẫn đầu cụm, khối: Cờ thi đua của {organizer_name} "
        "(award_types chưa có mã cho cờ của bộ, ngành, đoàn thể)"
    )
    awards: list[Award] = []
    for r in results:
        for rank, unit_id in enumerate(r.order[:_OWN_TITLE_RANKS]):
            note = flag_note if rank == 0 else None
            title = "EXCELLENT_COLLECTIVE"
            awards.append(
                Award(r.cluster_id, unit_id, title, "decided", own_no, day, note, issuer.head)
            )
    wanted = rng.randint(*issuer.proposals)
    only_leading = (
        regime.requires_leading_unit
        and regime.max_share_of_eligible is None
        and not regime.requires_prior_provincial_flag
    )
    if only_leading:
        return awards + _proposals(rng, year, results, wanted, "GOV_FLAG", issuer)
    note = "đơn vị dẫn đầu đề nghị Bằng khen của Thủ tướng Chính phủ"
    return awards + _proposals(rng, year, results, wanted, "PM_MERIT", issuer, note)
