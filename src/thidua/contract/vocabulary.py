"""Coded values as analysts write them → the codes the warehouse stores.

Keys are `fold`ed (no diacritics, lower case), so "Cụm trưởng", "cum truong" and "CỤM TRƯỞNG" are
one key. A value that is not listed here is kept as written; the quality gate then rejects it by
name, so a new synonym is a one-line change here, never a silent guess. Award types are read
apart (thidua.ingest.award_types): which one a written award is depends on its issuer or organiser.
"""

from __future__ import annotations

from functools import cache

from thidua.normalize import fold

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
    # award systems, as organisers' award_system and award types' issuer_kind write them
    "award_system": {
        "province": ("ubnd tinh", "provincial people s committee", "tinh", "uy ban nhan dan tinh"),
        "ministry": ("bo", "bo nganh"),
        "front": ("mat tran to quoc", "fatherland front", "mttq", "mat tran"),
        "party": ("dang", "party committee", "party", "tinh uy", "dang uy"),
        "trade_union": ("cong doan", "trade union", "lien doan lao dong", "ldld"),
        "other": ("khac", "other"),
    },
    "issuer_kind": {
        "government": ("chinh phu", "government"),
        "province": ("ubnd tinh", "provincial people s committee", "tinh", "uy ban nhan dan tinh"),
        "ministry": ("bo", "bo nganh"),
        "front": ("mat tran to quoc", "fatherland front", "mttq", "mat tran"),
        "party": ("dang", "party committee", "party", "tinh uy", "dang uy"),
        "trade_union": ("cong doan", "trade union", "lien doan lao dong", "ldld"),
        "other": ("khac", "other"),
    },
    "award_family": {
        "emulation_flag": ("co thi dua", "emulation flag", "co"),
        "certificate_of_merit": ("bang khen", "certificate of merit"),
        "collective_title": ("danh hieu tap the", "collective title", "danh hieu"),
        "classification": ("xep loai", "classification"),
        "rotating_flag": ("co luan luu", "rotating flag"),
    },
    "level": {
        "national": ("trung uong", "national", "quoc gia"),
        "ministry": ("bo", "ministry"),
        "province": ("tinh", "province"),
        "unit": ("don vi", "unit", "co so"),
        "cluster": ("cum", "cluster", "cum khoi"),
        "any": ("bat ky", "any", "moi cap"),
    },
    "part_of_day": {
        "morning": ("morning", "sang", "buoi sang"),
        "afternoon": ("afternoon", "chieu", "buoi chieu"),
        "evening": ("evening", "toi", "buoi toi"),
    },
    "cycle": {
        "calendar": ("calendar", "calendar year", "nam", "theo nam", "nam duong lich"),
        "school_year": ("school year", "nam hoc", "theo nam hoc"),
    },
    "source_kind": {
        "article": ("article", "bai bao", "bao", "tin bai"),
        "official": ("official", "van ban", "chinh thuc", "bao cao", "document", "tai lieu"),
        "synthetic": ("synthetic", "mo phong", "du lieu mo phong"),
        "other": ("other", "khac"),
    },
}


@cache
def _lookup(field: str) -> dict[str, str]:
    table = {fold(v): code for code, values in _SYNONYMS[field].items() for v in values}
    for code in _SYNONYMS[field]:
        table[fold(code)] = code
    return table


def has_vocabulary(field: str) -> bool:
    return field in _SYNONYMS


def to_code(field: str, value: str) -> str:
    """The code for a written value, or the value unchanged when it is not a known synonym."""
    return _lookup(field).get(fold(value), value)
