"""Awards for one results year: provincial flags and certificates, Government-flag proposals.

The unit ranked first in a cluster gets the provincial flag, the next two the chairman's
certificate of merit, all by one decision early the next year. The province then forwards some
flag holders for the Government flag under the regime in force for the year (seeds/legal_regimes):
never more than the regime's share of the eligible units, and only units that held a flag
before when the regime asks for it. Some proposals are decided by the Prime Minister mid-year.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from thidua.generate.calendar import draw_day
from thidua.generate.reference import LegalRegime

_GOV_PROPOSALS = (5, 12)
_GOV_DECIDED = 0.6
_MERIT_RANKS = 2


@dataclass(frozen=True)
class ClusterResult:
    cluster_id: str
    order: tuple[str, ...]  # declared ranks, best first (may hold only the ranks known)
    peer_share: dict[str, float]  # mean peer total / maximum


@dataclass(frozen=True)
class Award:
    cluster_id: str
    unit_id: str
    award_type: str
    status: str
    decision_no: str | None
    decision_date: dt.date | None
    note: str | None = None


def provincial_decision_day(rng: random.Random, year: int) -> dt.date:
    """The day the chairman decides the year's flags and certificates (February–March)."""
    return draw_day(rng, dt.date(year + 1, 2, 1), dt.date(year + 1, 3, 31))


def _decision_number(rng: random.Random, day: dt.date, per_day: int) -> int:
    # Decision numbers run through the year, so a March decision carries a larger number.
    return day.timetuple().tm_yday * per_day + rng.randint(0, per_day * 5)


def year_awards(
    rng: random.Random,
    year: int,
    results: list[ClusterResult],
    decision_day: dt.date,
    regime: LegalRegime,
    earlier_flag_holders: set[str],
) -> list[Award]:
    awards: list[Award] = []
    number = _decision_number(rng, decision_day, 12)
    flag_no = f"{number}/QĐ-UBND"
    merit_no = f"{number + rng.randint(1, 9)}/QĐ-UBND"  # signed the same day, numbered next
    holders: list[tuple[str, ClusterResult]] = []
    for result in results:
        if not result.order:
            continue
        leader = result.order[0]
        awards.append(
            Award(result.cluster_id, leader, "PROV_FLAG", "decided", flag_no, decision_day)
        )
        holders.append((leader, result))
        for unit_id in result.order[1 : 1 + _MERIT_RANKS]:
            awards.append(
                Award(result.cluster_id, unit_id, "PROV_MERIT", "decided", merit_no, decision_day)
            )
    wanted = rng.randint(*_GOV_PROPOSALS)
    if regime.max_share_of_eligible is not None:
        wanted = min(wanted, math.floor(regime.max_share_of_eligible * len(holders)))

    candidates = holders
    if regime.requires_prior_provincial_flag:
        # Only units already holding a provincial flag; in the first year of data the earlier
        # flags are not known, so that year's holders stand in.
        candidates = [h for h in holders if h[0] in earlier_flag_holders] or holders
    merit = {u: r.peer_share[u] + rng.gauss(0.0, 0.005) for u, r in candidates}
    ranked = sorted(candidates, key=lambda holder: -merit[holder[0]])
    gov_day = draw_day(rng, dt.date(year + 1, 5, 15), dt.date(year + 1, 9, 30))
    gov_no = f"{_decision_number(rng, gov_day, 5)}/QĐ-TTg"
    for unit_id, result in ranked[:wanted]:
        if rng.random() < _GOV_DECIDED:
            awards.append(Award(result.cluster_id, unit_id, "GOV_FLAG", "decided", gov_no, gov_day))
        else:
            awards.append(Award(result.cluster_id, unit_id, "GOV_FLAG", "proposed", None, None))
    return awards
