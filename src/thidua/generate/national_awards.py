"""Awards for one organiser and results year.

Provinces: the unit ranked first in each cluster gets the provincial flag (PROV_FLAG), the next
two the chairman's certificate of merit (PROV_MERIT), by one decision early the next year. The
province then forwards a handful of flag holders for the Government flag under the regime in
force (seeds/legal_regimes): within the regime's share of the flag holders, among units holding
a flag when the regime asks for it, among leading units when it asks for that.

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
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from thidua.generate.national_calendar import draw_day
from thidua.generate.national_units import OrganizerSpec
from thidua.generate.reference import LegalRegime

_GOV_PROPOSALS = (1, 5)
_GOV_DECIDED = 0.6
_MERIT_RANKS = 2
_OWN_TITLE_RANKS = 2


@dataclass(frozen=True)
class ClusterOutcome:
    cluster_id: str
    order: tuple[str, ...]  # declared ranks, best first
    share: dict[str, float]  # final score / maximum


@dataclass(frozen=True)
class Award:
    cluster_id: str
    unit_id: str
    award_type: str
    issuer: str
    status: str
    decision_no: str | None
    decision_date: dt.date | None
    note: str | None = None


def decision_day(rng: np.random.Generator, year: int) -> dt.date:
    """The day the organiser decides the year's own awards (February–March of the next year)."""
    return draw_day(rng, dt.date(year + 1, 2, 1), dt.date(year + 1, 3, 31))


def _number(rng: np.random.Generator, day: dt.date, per_day: int) -> int:
    # Decision numbers run through the year, so a March decision carries a larger number.
    return day.timetuple().tm_yday * per_day + int(rng.integers(0, per_day * 5 + 1))


def _national(
    rng: np.random.Generator,
    year: int,
    candidates: list[ClusterOutcome],
    wanted: int,
    award_type: str,
    issuer: str,
    note: str | None,
) -> list[Award]:
    """Proposals to the Prime Minister for the best of the candidates' leading units; most are
    decided by one decision in the middle of the next year."""
    merit = {o.order[0]: o.share[o.order[0]] + float(rng.normal(0.0, 0.005)) for o in candidates}
    ranked = sorted(candidates, key=lambda o: -merit[o.order[0]])[:wanted]
    day = draw_day(rng, dt.date(year + 1, 5, 15), dt.date(year + 1, 9, 30))
    number = f"{_number(rng, day, 5)}/QĐ-TTg"
    awards = []
    for outcome in ranked:
        if rng.random() < _GOV_DECIDED:
            awards.append(
                Award(
                    outcome.cluster_id,
                    outcome.order[0],
                    award_type,
                    issuer,
                    "decided",
                    number,
                    day,
                    note,
                )
            )
        else:
            awards.append(
                Award(
                    outcome.cluster_id,
                    outcome.order[0],
                    award_type,
                    issuer,
                    "proposed",
                    None,
                    None,
                    note,
                )
            )
    return awards


def province_awards(
    rng: np.random.Generator,
    organizer: OrganizerSpec,
    year: int,
    outcomes: list[ClusterOutcome],
    day: dt.date,
    regime: LegalRegime,
    earlier_holders: set[str],
    prime_minister: str,
) -> list[Award]:
    number = _number(rng, day, 12)
    flag_no = f"{number}/{organizer.decision_suffix}"
    merit_no = f"{number + int(rng.integers(1, 10))}/{organizer.decision_suffix}"
    awards: list[Award] = []
    for o in outcomes:
        awards.append(
            Award(o.cluster_id, o.order[0], "PROV_FLAG", organizer.head, "decided", flag_no, day)
        )
        for unit_id in o.order[1 : 1 + _MERIT_RANKS]:
            awards.append(
                Award(o.cluster_id, unit_id, "PROV_MERIT", organizer.head, "decided", merit_no, day)
            )
    wanted = min(int(rng.integers(_GOV_PROPOSALS[0], _GOV_PROPOSALS[1] + 1)), len(outcomes))
    if regime.max_share_of_eligible is not None:
        # decimal arithmetic, as the warehouse checks it: 20 % of 15 is 3, not 3.0000000000000004
        quota = Decimal(str(regime.max_share_of_eligible)) * len(outcomes)
        wanted = min(wanted, math.floor(quota))
    candidates = outcomes
    if regime.requires_prior_provincial_flag:
        # units that held the flag before; in a system's first year this year's holders stand in
        candidates = [o for o in outcomes if o.order[0] in earlier_holders] or outcomes
    return awards + _national(rng, year, candidates, wanted, "GOV_FLAG", prime_minister, None)


def system_awards(
    rng: np.random.Generator,
    organizer: OrganizerSpec,
    year: int,
    outcomes: list[ClusterOutcome],
    day: dt.date,
    regime: LegalRegime,
    prime_minister: str,
) -> list[Award]:
    own_no = f"{_number(rng, day, 12)}/{organizer.decision_suffix}"
    flag_note = (
        f"đơn vị dẫn đầu cụm, khối: Cờ thi đua của {organizer.name} "
        "(award_types chưa có mã cho cờ của bộ, ngành, đoàn thể)"
    )
    awards: list[Award] = []
    for o in outcomes:
        for rank, unit_id in enumerate(o.order[:_OWN_TITLE_RANKS]):
            note = flag_note if rank == 0 else None
            awards.append(
                Award(
                    o.cluster_id,
                    unit_id,
                    "EXCELLENT_COLLECTIVE",
                    organizer.head,
                    "decided",
                    own_no,
                    day,
                    note,
                )
            )
    wanted = min(int(rng.integers(_GOV_PROPOSALS[0], _GOV_PROPOSALS[1] + 1)), len(outcomes))
    only_leading = (
        regime.requires_leading_unit
        and regime.max_share_of_eligible is None
        and not regime.requires_prior_provincial_flag
    )
    if only_leading:
        return awards + _national(rng, year, outcomes, wanted, "GOV_FLAG", prime_minister, None)
    note = "đơn vị dẫn đầu đề nghị Bằng khen của Thủ tướng Chính phủ"
    return awards + _national(rng, year, outcomes, wanted, "PM_MERIT", prime_minister, note)
