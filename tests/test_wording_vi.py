"""The Ngọc Thụy report reads as a ward office writes (#19, "Wording"): through the real CLI,
the corrected sentences are pinned, and no id of the event file shows quoted in a sentence.
The date formatters the wording rests on (format_range, format_date_short) are tested here too.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from venue_ready import format_date_short, format_datetime, format_range

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
TZ = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def reports() -> dict[str, str]:
    """The example's report through the real CLI, as text and Markdown, in both languages."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    out = {}
    for fmt in ("text", "md"):
        for lang in ("vi", "en"):
            proc = subprocess.run(
                [sys.executable, "-m", "venue_ready", "check", str(EXAMPLE), "--as-of", AS_OF,
                 "--format", fmt, "--lang", lang],
                capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
                env={**env, "PYTHONIOENCODING": "utf-8"}, cwd=ROOT,
            )  # fmt: skip
            assert proc.returncode == 0, proc.stderr
            out[f"{fmt}.{lang}"] = proc.stdout
    return out


def _ids() -> set[str]:
    """Every id the example's file gives a thing (entrances, zones, slots, items, exits...)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                found.add(value["id"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    return found


VI_SENTENCES = (
    "Thời điểm đánh giá: 16 giờ 00 ngày 14 tháng 5 năm 2020",
    "Mức độ sẵn sàng chung: 92,9/100 · Còn điều kiện bắt buộc chưa đạt · CHƯA SẴN SÀNG",
    "Cổng phụ: chưa bố trí chốt gác (cần có người gác từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng 5 "
    "năm 2020)",
    "Bình chữa cháy BCC-04 (Tầng hầm để xe): hết hạn kiểm định ngày 10 tháng 5 năm 2020, trước "
    "khi Đại hội kết thúc (cần kiểm định lại hoặc thay bình)",
    "Tầng hầm để xe được phun khử khuẩn lần gần nhất lúc 8 giờ 00 ngày 10 tháng 5 năm "
    "2020, trước giờ khai mạc hơn 24 giờ: cần phun lại trong khoảng từ 7 giờ 30 ngày 14 đến 7 "
    "giờ 30 ngày 15 tháng 5 năm 2020",
    'Buổi phát thanh "Kết quả Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - '
    '2025" (6 giờ 00 ngày 16 tháng 5 năm 2020): nội dung chưa được Đảng ủy phường duyệt',
    "Lịch phát thanh ngày 10 tháng 5 năm 2020: chưa có buổi nào về Đại hội",
    "Đầu việc quá hạn (3):",
    "Đầu việc sắp đến hạn (10):",
)


@pytest.mark.parametrize("sentence", VI_SENTENCES)
def test_the_vietnamese_report_says_it_as_a_ward_office_writes(
    reports: dict[str, str], sentence: str
) -> None:
    assert sentence in reports["text.vi"]


def test_the_tables_say_each_thing_once_and_date_it_short(reports: dict[str, str]) -> None:
    md = reports["md.vi"]
    # the kind said once: a name that says it is an exit gets no "Lối thoát hiểm" before it
    assert "| Cửa thoát hiểm bên trái hội trường: đã kiểm tra ngày 13 tháng 5 năm 2020 |" in md
    assert "| Lối lên từ tầng hầm để xe (lối thoát hiểm): đã kiểm tra ngày 13 tháng 5 năm" in md
    assert "Lối thoát hiểm Cửa thoát hiểm" not in md
    # due columns: the short administrative date, with the time only when it has one
    assert "| Văn phòng Đảng ủy | 17:00 14/5/2020 |" in md
    assert "| Văn phòng Đảng ủy | 18/5/2020 |" in md
    assert "| Đầu việc | Mức hoàn thành | Phụ trách | Thời hạn |" in md
    assert not re.search(r"\| [^|]*tháng[^|]* \|\n", md), "a long date left in the due column"


def test_the_english_report_has_the_same_fixes(reports: dict[str, str]) -> None:
    en = reports["text.en"]
    assert "Cổng phụ: no guard post (a guard is needed for 15 May 2020, 06:00–17:30)" in en
    assert "its inspection expires on 10 May 2020, before the congress ends" in en
    assert "valid only until" not in en


@pytest.mark.parametrize("key", ["text.vi", "text.en", "md.vi", "md.en"])
def test_no_id_of_the_file_shows_quoted_or_in_brackets(reports: dict[str, str], key: str) -> None:
    text = reports[key]
    for id_ in _ids():
        for shown in (f"'{id_}'", f"({id_})", f'"{id_}"'):
            assert shown not in text, f"{shown} in a sentence of {key}"
    assert "hạng mục" not in text.lower()
    # one way to write a term of office: "2020 - 2025", as the Party's titles write it
    sentences = text.replace("NHIỆM KỲ 2020 – 2025", "")  # the misprinted backdrop, quoted
    assert not re.search(r"\b20\d\d(?:-| ?– ?)20\d\d\b", sentences)


# -- the formatters ------------------------------------------------------------------------------


def test_format_range_writes_the_shared_day_once() -> None:
    start, end = datetime(2020, 5, 15, 6, 0, tzinfo=TZ), datetime(2020, 5, 15, 17, 30, tzinfo=TZ)
    assert format_range(start, end, "vi") == "từ 6 giờ 00 đến 17 giờ 30 ngày 15 tháng 5 năm 2020"
    assert format_range(start, end, "en") == "15 May 2020, 06:00–17:30"
    eve = start - timedelta(days=1)
    assert (
        format_range(eve, end, "vi") == "từ 6 giờ 00 ngày 14 đến 17 giờ 30 ngày 15 tháng 5 năm 2020"
    )
    assert format_range(eve, end, "en") == "14 May, 06:00 – 15 May 2020, 17:30"
    assert format_range(date(2020, 5, 14), date(2020, 5, 15), "vi") == (
        "từ ngày 14 đến ngày 15 tháng 5 năm 2020"
    )
    assert format_range(date(2020, 5, 14), date(2020, 5, 15), "en") == "14–15 May 2020"
    assert format_range(date(2020, 4, 30), date(2020, 5, 2), "vi") == (
        "từ ngày 30 tháng 4 đến ngày 2 tháng 5 năm 2020"
    )
    assert format_range(date(2020, 4, 30), date(2020, 5, 2), "en") == "30 April – 2 May 2020"
    assert format_range(date(2020, 12, 30), date(2021, 1, 2), "vi") == (
        "từ ngày 30 tháng 12 năm 2020 đến ngày 2 tháng 1 năm 2021"
    )
    # a bare-date deadline's instant is the end of its day
    end_of_day = datetime.combine(date(2020, 5, 15), time(23, 59, 59, 999999), TZ)
    assert format_range(start, end_of_day, "vi") == "từ 6 giờ 00 đến hết ngày 15 tháng 5 năm 2020"
    with pytest.raises(ValueError, match="fr"):
        format_range(start, end, "fr")


def test_format_date_short_is_the_table_form() -> None:
    assert format_date_short(datetime(2020, 5, 14, 16, 0, tzinfo=TZ), "vi") == "16:00 14/5/2020"
    assert format_date_short(date(2020, 5, 14), "vi") == "14/5/2020"
    end_of_day = datetime.combine(date(2020, 5, 14), time(23, 59, 59, 999999), TZ)
    assert format_date_short(end_of_day, "vi") == "14/5/2020"
    assert format_date_short(date(2020, 5, 14), "en") == "14 May 2020"
    with pytest.raises(ValueError, match="fr"):
        format_date_short(date(2020, 5, 14), "fr")


_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
_MOMENTS = st.one_of(
    _DAYS,
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)).map(
        lambda d: d.replace(second=0, microsecond=0, tzinfo=TZ)
    ),
)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


@given(start=_MOMENTS, span=st.integers(min_value=0, max_value=60 * 24 * 5))
def test_a_range_names_each_end_once_in_both_languages(start: date | datetime, span: int) -> None:
    end = start + timedelta(minutes=span) if isinstance(start, datetime) else start
    if not isinstance(start, datetime):
        end = start + timedelta(days=span // (60 * 24))
    vi, en = format_range(start, end, "vi"), format_range(start, end, "en")
    first, last = _day(start), _day(end)
    # the last day is written in full; each year once, a shared one only at the end
    assert vi.endswith(f"ngày {last.day} tháng {last.month} năm {last.year}")
    years = len({first.year, last.year})
    assert vi.count("năm ") == years
    assert len(re.findall(r"\b\d{4}\b", en)) == years
    if first != last:
        assert vi.startswith("từ ")
        assert " đến " in vi
        assert f"ngày {first.day}" in vi
    else:
        assert vi.count("ngày") == 1
        assert en.count(str(first.year)) == 1
    for clock in (start, end):
        if isinstance(clock, datetime):
            assert f"{clock.hour} giờ {clock.minute:02d}" in vi
            assert f"{clock.hour:02d}:{clock.minute:02d}" in en


@given(value=_MOMENTS, lang=st.sampled_from(["vi", "en"]))
def test_a_one_day_range_says_what_format_datetime_says(value: date | datetime, lang: str) -> None:
    day = _day(value)
    assert format_range(day, day, lang) == format_datetime(day, lang)
    short = format_date_short(value, lang)
    if lang == "vi":
        assert short.endswith(f"{day.day}/{day.month}/{day.year}")
    else:
        assert short == format_datetime(value, lang)
