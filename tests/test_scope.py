"""Whose report, about which meetings and results years (thidua.extract.scope). Every record a
document proposes inherits these: the organiser decides whose cluster "Cụm thi đua số 5" is, and
the results year decides which year's ranking a meeting's facts count in (a January meeting
reviews the year before; a school-year cluster reports in the year its school year ends)."""

from __future__ import annotations

import pytest

from thidua.extract.scope import (
    Event,
    event_date_year,
    find_events,
    find_organizer,
    published_year,
)
from thidua.extract.sentences import sentences


def _organizer(text: str) -> tuple[str, bool] | None:
    found = find_organizer(sentences(text))
    return (found.written, found.inferred) if found else None


def _events(text: str, published: int | None = None) -> list[Event]:
    return find_events(sentences(text), published)


def _summary(text: str, published: int | None = None) -> list[tuple[object, ...]]:
    return [
        (
            e.event_type,
            e.results_year,
            e.date.iso(event_date_year(e)) if e.date else None,
            event_date_year(e),
        )
        for e in _events(text, published)
    ]


# --- organiser --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "organizer"),
    [
        (
            "Cụm thi đua số 6 của Tổng Liên đoàn Lao động Việt Nam tổ chức hội nghị.",
            "Tổng Liên đoàn Lao động Việt Nam",
        ),
        (
            "Cụm thi đua số 3 thuộc Ủy ban MTTQ Việt Nam tỉnh Đắk Lắk tổ chức hội nghị.",
            "Ủy ban MTTQ Việt Nam tỉnh Đắk Lắk",
        ),
        (
            "Cụm thi đua số 2 do Liên đoàn Lao động tỉnh Nghệ An tổ chức hội nghị.",
            "Liên đoàn Lao động tỉnh Nghệ An",
        ),
        ("Cụm thi đua số 4 của Bộ Tư pháp tổ chức hội nghị.", "Bộ Tư pháp"),
        ("Khối thi đua số 1 của Bảo hiểm xã hội Việt Nam họp.", "Bảo hiểm xã hội Việt Nam"),
        ("Cụm thi đua số IV thuộc LĐLĐ tỉnh Quảng Ngãi họp.", "LĐLĐ tỉnh Quảng Ngãi"),
    ],
)
def test_the_organiser_named_beside_the_cluster_runs_it(text: str, organizer: str) -> None:
    """One unit sits in parallel cluster systems: the trade union's cluster 6 is not the
    province's cluster 6."""
    assert _organizer(text) == (organizer, False)


def test_an_organiser_named_in_the_lead_runs_the_clusters_after_it() -> None:
    text = (
        "Ban Thường vụ Tỉnh ủy Thanh Hóa tổ chức hội nghị. Các đảng bộ đã báo cáo kết quả. "
        "Khối thi đua số 2 dẫn đầu."
    )
    assert _organizer(text) == ("Ban Thường vụ Tỉnh ủy Thanh Hóa", False)


def test_a_province_after_the_cluster_number_is_its_peoples_committee() -> None:
    text = "Chiều 15/7/2022, Cụm thi đua số 5 tỉnh Thanh Hóa tổ chức hội nghị sơ kết."
    assert _organizer(text) == ("UBND tỉnh Thanh Hóa", True)


def test_words_after_the_province_by_accident_are_left_out() -> None:
    assert _organizer("Cụm thi đua số 5 tỉnh Thanh Hóa Ảnh: Minh Hiếu") == (
        "UBND tỉnh Thanh Hóa",
        True,
    )


@pytest.mark.parametrize(
    ("text", "organizer"),
    [
        ("Cụm thi đua số 3 tỉnh Thừa Thiên Huế tổ chức hội nghị.", "UBND tỉnh Thừa Thiên Huế"),
        (
            "Cụm thi đua số 3 tỉnh Bà Rịa - Vũng Tàu tổ chức hội nghị.",
            "UBND tỉnh Bà Rịa - Vũng Tàu",
        ),
    ],
)
def test_a_province_whose_name_is_longer_than_two_words_is_named_whole(
    text: str, organizer: str
) -> None:
    assert _organizer(text) == (organizer, True)


def test_the_one_province_a_text_names_runs_its_clusters() -> None:
    text = "Các sở, ngành tỉnh Quảng Ngãi đã họp. Cụm thi đua số 1 đã tổng kết năm 2023."
    assert _organizer(text) == ("UBND tỉnh Quảng Ngãi", True)


def test_no_organiser_is_guessed_among_several_provinces_or_none() -> None:
    """A ministry's cluster names many provinces' departments: none of them runs it."""
    text = (
        "Cụm thi đua số 1 gồm Sở Tư pháp tỉnh Nam Định và Sở Tư pháp tỉnh Ninh Bình đã tổng "
        "kết năm 2023."
    )
    assert _organizer(text) is None
    assert _organizer("Cụm thi đua số 1 đã tổng kết năm 2023.") is None


# --- events and their results years -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ngày 14/01/2022, Cụm thi đua số 8 tổ chức hội nghị tổng kết công tác thi đua.",
            ("year_end_review", 2021, "2022-01-14", 2022),
        ),
        (
            "Chiều 14/12/2016, Cụm thi đua số 7 tổ chức hội nghị tổng kết công tác thi đua.",
            ("year_end_review", 2016, "2016-12-14", 2016),
        ),
        (
            "Ngày 20/11/2023, các đơn vị trong cụm ký kết giao ước thi đua.",
            ("covenant_signing", 2024, "2023-11-20", 2023),
        ),
        (
            "Ngày 20/3/2023, các đơn vị trong cụm ký kết giao ước thi đua.",
            ("covenant_signing", 2023, "2023-03-20", 2023),
        ),
        (
            "Sáng 30/7/2024, Cụm thi đua số 5 tổ chức hội nghị sơ kết 6 tháng đầu năm.",
            ("mid_year_review", 2024, "2024-07-30", 2024),
        ),
    ],
    ids=["january-review", "december-review", "november-covenant", "march-covenant", "mid-year"],
)
def test_the_results_year_follows_from_the_meeting_date(
    text: str, expected: tuple[object, ...]
) -> None:
    """A year-end review is held from mid-November to March; a covenant signed at the year's end
    is for the year after."""
    assert _summary(text) == [expected]


def test_a_year_the_text_states_wins_over_the_date() -> None:
    text = "Sáng 10/1/2023, Cụm thi đua số 2 tổ chức hội nghị tổng kết công tác thi đua năm 2022."
    assert _summary(text) == [("year_end_review", 2022, "2023-01-10", 2023)]


def test_a_school_year_reports_in_the_year_it_ends() -> None:
    text = "Chiều 25/6/2022, Cụm thi đua số 2 tổ chức hội nghị tổng kết năm học 2021-2022."
    assert _summary(text) == [("year_end_review", 2022, "2022-06-25", 2022)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Sáng 12/1, Cụm thi đua số 3 tổ chức hội nghị tổng kết năm 2022.",
            2023,
            ("year_end_review", 2022, "2023-01-12", 2023),
        ),
        (
            "Ngày 5/12, các đơn vị ký kết giao ước thi đua năm 2024.",
            2023,
            ("covenant_signing", 2024, "2023-12-05", 2023),
        ),
        (
            "Chiều 15-7, Cụm thi đua số 5 tổ chức hội nghị sơ kết.",
            2022,
            ("mid_year_review", 2022, "2022-07-15", 2022),
        ),
    ],
    ids=["january", "december-covenant", "published-year"],
)
def test_a_date_without_its_year_takes_it_from_the_results_year(
    text: str, published: int, expected: tuple[object, ...]
) -> None:
    """News reports write "Sáng 12/1": the meeting is in January of the year after the year it
    reviews."""
    assert _summary(text, published) == [expected]


def test_an_undated_review_takes_the_year_it_names() -> None:
    text = "Cụm thi đua số 5 đã tổ chức hội nghị tổng kết năm 2022."
    assert _summary(text, 2023) == [("year_end_review", 2022, None, None)]


def test_the_host_and_the_cluster_of_a_meeting_are_read() -> None:
    text = "Chiều 14/12/2016, tại Liên đoàn Lao động tỉnh, Cụm thi đua số 7 tổ chức tổng kết."
    [event] = _events(text)
    assert event.host == "Liên đoàn Lao động tỉnh"
    assert event.cluster is not None and event.cluster.written == "Cụm thi đua số 7"
    assert event.date is not None and event.date.part_of_day == "afternoon"


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (
            "Khối phát động đợt thi đua từ ngày 1/7/2022 đến hết ngày 31/12.",
            None,
            "2022-07-01",
            "2022-12-31",
        ),
        (
            "Ngày 30/6/2022, Khối phát động đợt thi đua thứ ba từ ngày 1/7 đến ngày 31/12/2022.",
            2022,
            "2022-07-01",
            "2022-12-31",
        ),
        ("Khối phát động phong trào thi đua từ ngày 1/7 đến năm 2025.", 2022, None, "2025-12-31"),
    ],
)
def test_a_campaign_runs_from_the_date_after_its_launch_to_its_stated_end(
    text: str, published: int | None, start: str | None, end: str
) -> None:
    [event] = _events(text, published)
    assert event.event_type == "campaign_launch"
    assert event.date is not None
    assert event.date.iso(event.results_year if start else None) == start
    assert event.end == end


@pytest.mark.parametrize(
    "text",
    [
        "Cụm thi đua số 5 sẽ tổ chức tổng kết năm 2024 vào tháng 12 theo kế hoạch.",
        "Ngày 10/12/2023, Cụm thi đua số 5 tổ chức tổng kết Nghị quyết số 18 của Tỉnh ủy.",
        "Ban Thi đua đề nghị các đơn vị tổ chức sơ kết 6 tháng vào ngày 15/7/2023.",
        "Các đơn vị phấn đấu hoàn thành chỉ tiêu trước khi sơ kết.",
    ],
    ids=["planned", "resolution-review", "asked-for", "mentioned"],
)
def test_a_meeting_planned_asked_for_or_not_about_emulation_is_no_event(text: str) -> None:
    assert _events(text, 2023) == []


@pytest.mark.parametrize(
    "text",
    [
        "Cụm thi đua số 5 sẽ tổ chức hội nghị tổng kết vào ngày 20/12/2024.",
        "Đề nghị các đơn vị tổ chức sơ kết 6 tháng vào ngày 15/7/2023.",
        "Yêu cầu các đơn vị tổ chức tổng kết trước ngày 15/12/2023.",
    ],
    ids=["planned-with-date", "asked-for-opening", "required-opening"],
)
def test_a_dated_meeting_not_yet_held_is_no_event(text: str) -> None:
    """The dashboard counts which clusters have held which meetings: one only planned or asked
    for must not count as held."""
    assert _events(text, 2023) == []


def test_a_date_the_meeting_remembers_is_not_its_own() -> None:
    text = (
        "Hội nghị tổng kết chào mừng kỷ niệm 94 năm Ngày thành lập Hội Nông dân Việt Nam "
        "(14/10/1930 - 14/10/2024)."
    )
    [event] = _events(text, 2024)
    assert event.date is None and event.results_year == 2024


# --- publication year -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metadata", "year"),
    [
        ("Nội dung bài viết", "2024-07-30T10:00:00+07:00", 2024),
        ("Thứ Bảy, 06/01/2024 - 08:15 | 1.532 lượt xem\n\nNội dung", None, 2024),
        ("08:15 14/01/2022\n\nNội dung", None, 2022),
        ("Ngày 06/01/2024 Cụm thi đua số 8 họp lúc 08:15 " + "x" * 120, None, None),
        ("Ngày 06/01/2024 hội nghị diễn ra", None, None),
    ],
    ids=["metadata", "dateline", "time-first", "long-line", "no-clock"],
)
def test_the_publication_year_comes_from_metadata_else_the_dateline(
    text: str, metadata: str | None, year: int | None
) -> None:
    assert published_year(text, metadata) == year
