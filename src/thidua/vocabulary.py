"""Coded values as analysts write them → the codes the warehouse stores.

Keys are `fold`ed (no diacritics, lower case), so "Cụm trưởng", "cum truong" and "CỤM TRƯỞNG" are
one key. A value that is not listed here is kept as written; the quality gate then rejects it by
name, so a new synonym is a one-line change here, never a silent guess.
"""

from __future__ import annotations

from functools import cache

from thidua.normalize import fold
from thidua.resolve import read_seed

_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "role": {
        "leader": (
            "leader",
            "cum truong",
            "khoi truong",
            "truong cum",
            "truong khoi",
            "truong cum thi dua",
            "truong khoi thi dua",
            "don vi cum truong",
            "don vi khoi truong",
        ),
        "deputy": (
            "deputy",
            "cum pho",
            "khoi pho",
            "pho cum",
            "pho khoi",
            "pho cum truong",
            "pho khoi truong",
            "pho truong cum",
            "pho truong khoi",
            "pho khoi 1",
            "pho khoi 2",
            "pho cum 1",
            "pho cum 2",
        ),
        "member": ("member", "thanh vien", "don vi thanh vien"),
    },
    "rank": {
        "1": ("nhat", "thu nhat", "xep thu nhat", "hang nhat", "giai nhat"),
        "2": ("nhi", "thu nhi", "xep thu nhi", "hang nhi", "giai nhi"),
        "3": ("ba", "thu ba", "xep thu ba", "hang ba", "giai ba"),
        "4": ("tu", "thu tu", "xep thu tu", "hang tu"),
        "5": ("nam", "thu nam", "xep thu nam", "hang nam"),
    },
    "event_type": {
        "covenant_signing": (
            "covenant signing",
            "ky giao uoc",
            "ky giao uoc thi dua",
            "giao uoc thi dua",
        ),
        "mid_year_review": (
            "mid year review",
            "so ket",
            "so ket 6 thang",
            "so ket 6 thang dau nam",
            "hoi nghi so ket",
        ),
        "year_end_review": (
            "year end review",
            "tong ket",
            "tong ket nam",
            "hoi nghi tong ket",
            "tong ket cong tac thi dua",
        ),
        "campaign_launch": ("campaign launch", "phat dong", "phat dong dot thi dua"),
    },
    "status": {
        "proposed": ("proposed", "de nghi", "du kien de nghi"),
        "approved": ("approved", "xet duyet", "da duyet", "thong qua"),
        "decided": ("decided", "quyet dinh", "da quyet dinh", "da khen", "da tang"),
    },
    "method": {
        "score": ("score", "cham diem"),
        "vote": ("vote", "bo phieu", "suy ton", "bo phieu suy ton", "binh xet", "binh chon"),
        "score_and_vote": (
            "score and vote",
            "cham diem va suy ton",
            "cham diem va bo phieu",
            "cham diem suy ton",
        ),
    },
    "roster_complete": {
        "yes": ("yes", "y", "x", "true", "1", "co", "day du", "du", "hoan chinh"),
        "no": ("no", "n", "false", "0", "khong", "chua day du", "chua du"),
    },
    "part_of_day": {
        "morning": ("morning", "sang", "buoi sang"),
        "afternoon": ("afternoon", "chieu", "buoi chieu"),
        "evening": ("evening", "toi", "buoi toi"),
    },
    "source_kind": {
        "article": ("article", "bai bao", "bao", "tin bai"),
        "official": ("official", "van ban", "chinh thuc", "bao cao", "document", "tai lieu"),
        "synthetic": ("synthetic", "mo phong", "du lieu mo phong"),
        "other": ("other", "khac"),
    },
    "award_type": {
        "GOV_FLAG": ("co chinh phu", "co thi dua chinh phu"),
        "PROV_FLAG": (
            "co thi dua ubnd tinh",
            "co ubnd tinh",
            "co thi dua xuat sac",
            "co don vi dan dau phong trao thi dua",
            "co dan dau",
        ),
        "PM_MERIT": ("bang khen thu tuong", "bang khen cua thu tuong"),
        "PROV_MERIT": ("bang khen ubnd tinh", "bang khen chu tich ubnd tinh"),
        "EXCELLENT_COLLECTIVE": ("tap the lao dong xuat sac", "tap the ldxs"),
        "ADVANCED_COLLECTIVE": ("tap the lao dong tien tien", "tap the ldtt"),
    },
}


@cache
def _lookup(field: str) -> dict[str, str]:
    table = {fold(v): code for code, values in _SYNONYMS[field].items() for v in values}
    for code in _SYNONYMS[field]:
        table[fold(code)] = code
    if field == "award_type":
        # The seed's own names and codes always count, so a new award type needs no code change.
        for row in read_seed("award_types").iter_rows(named=True):
            for name in (row["award_type_code"], row["name_vi"], row["name_en"]):
                table[fold(name)] = row["award_type_code"]
    return table


def has_vocabulary(field: str) -> bool:
    return field in _SYNONYMS


def to_code(field: str, value: str) -> str:
    """The code for a written value, or the value unchanged when it is not a known synonym."""
    return _lookup(field).get(fold(value), value)
