"""Message catalogs: complete in both languages, consistent, and written as each reader expects."""

from __future__ import annotations

import string
from datetime import date, datetime

import pytest

from venue_ready import Message
from venue_ready._builtin.checklist import MESSAGES as CHECKLIST
from venue_ready._dates import end_of_day
from venue_ready._i18n import format_datetime, format_number, gettext, translate
from venue_ready._messages import EN, VI

from .support import TZ


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize(("vi", "en"), [(VI, EN), (CHECKLIST["vi"], CHECKLIST["en"])])
def test_every_message_exists_in_both_languages(vi: dict[str, str], en: dict[str, str]) -> None:
    assert sorted(set(vi) - set(en)) == []
    assert sorted(set(en) - set(vi)) == []


@pytest.mark.parametrize(("vi", "en"), [(VI, EN), (CHECKLIST["vi"], CHECKLIST["en"])])
def test_both_languages_use_the_same_parameters(vi: dict[str, str], en: dict[str, str]) -> None:
    mismatched = {
        k: (_fields(vi[k]), _fields(en[k])) for k in vi if _fields(vi[k]) != _fields(en[k])
    }
    assert mismatched == {}


def test_glossary_terms_are_used() -> None:
    vi = " ".join(VI.values()).lower()
    for term in (
        "sẵn sàng", "chưa sẵn sàng", "đúng tiến độ", "chậm tiến độ", "quá hạn",
        "phụ trách", "đầu việc", "hoàn thành", "đang thực hiện", "chưa thực hiện",
    ):  # fmt: skip
        assert term in vi, term


def test_every_code_message_id_is_in_the_catalog() -> None:
    # Each message id the source names must exist; a typo would render as a bare id.
    import pathlib
    import re

    src = pathlib.Path(__file__).resolve().parent.parent / "src" / "venue_ready"
    ids: set[str] = set()
    for path in src.rglob("*.py"):
        if path.name == "_messages.py":
            continue
        text = path.read_text(encoding="utf-8")
        ids |= set(re.findall(r'"((?:load|report|cli)\.[a-z0-9-]+(?:\.[a-z0-9-]+)?)"', text))
    ids -= {"report.verdict-"}
    assert ids, "the scan found nothing: the pattern is broken"
    assert sorted(ids - set(VI)) == []


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (87.5, "vi", "87,5"),
        (87.5, "en", "87.5"),
        (100.0, "vi", "100"),
        (52.04, "vi", "52"),
        (1234567.25, "vi", "1.234.567,2"),
        (1234567.25, "en", "1,234,567.2"),
        (0.8667, "vi", "0,9"),
    ],
)
def test_numbers(value: float, lang: str, expected: str) -> None:
    assert format_number(value, lang) == expected


def test_dates() -> None:
    moment = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
    assert format_datetime(moment, "vi") == "16 giờ 00 ngày 14 tháng 5 năm 2020"
    assert format_datetime(moment, "en") == "14 May 2020, 16:00"
    assert format_datetime(date(2020, 5, 14), "vi") == "ngày 14 tháng 5 năm 2020"
    # a deadline given as a bare date shows as the date again
    assert format_datetime(end_of_day(date(2020, 5, 10), TZ), "vi") == "ngày 10 tháng 5 năm 2020"
    assert format_datetime(end_of_day(date(2020, 5, 10), TZ), "en") == "10 May 2020"


def test_translate_formats_parameters_per_language() -> None:
    assert gettext("report.overall", "vi", score="87,5", status="at_risk", verdict="X") == (
        "Mức độ sẵn sàng chung: 87,5/100 · Chậm tiến độ · X"
    )
    msg = Message("load.below-min", {"value": -0.5, "low": 0.0})
    assert translate(msg, "vi") == "giá trị -0,5 quá nhỏ (cần từ 0 trở lên)"
    assert translate(msg, "en") == "value -0.5 is too small (expected at least 0)"


def test_unknown_message_falls_back_without_crashing() -> None:
    assert translate(Message("nowhere.to-be-found", {"a": 1}), "vi") == "nowhere.to-be-found (a=1)"
    only_en = {"en": {"plugin.only-en": "English {x}"}}
    assert translate(Message("plugin.only-en", {"x": "text"}), "vi", only_en) == "English text"
    # a parameter the caller forgot shows as a placeholder rather than raising
    assert translate(Message("report.venue", {}), "en") == "Venue: {venue}"
