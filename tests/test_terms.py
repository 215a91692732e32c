"""Each term of office has its own content (#19, "Rules per term of office"): the subordinate
cells' term follows the event's date, and a current-term event gets neither the 2020 - 2025
term's COVID-19 measures nor its slogan list, while the Ngọc Thụy example (2020) keeps them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import venue_ready
from venue_ready._builtin.checklist import (
    CELLS_TERMS_FROM,
    CELLS_TERMS_UNTIL,
    TEMPLATE,
    cells_term,
    party_term,
)
from venue_ready.testing import assess_area, make_event, plugin_manager
from venue_ready_decoration.messages import MESSAGES as DECORATION_MESSAGES

from .conftest import RunCli

DAYS = st.dates(
    min_value=date(CELLS_TERMS_FROM, 1, 1), max_value=date(CELLS_TERMS_UNTIL - 1, 12, 31)
)


@given(DAYS)
def test_the_cells_term_is_a_half_of_the_party_committees(day: date) -> None:
    """Two cells' terms in each five-year term, the first from its first year for two years;
    the day's year falls in the term given."""
    first, end = party_term(day)
    start, stop = cells_term(day)
    assert end - first == 5
    assert first % 5 == 0
    assert (start, stop) in ((first, first + 2), (first + 2, end))
    assert start <= day.year < stop


@given(DAYS)
def test_init_writes_the_cells_term_of_the_opening_day(day: date) -> None:
    """Exactly one ``cells.congresses`` row is for a Party congress opening on ``day``, and its
    title names the cells' term of that day, in both languages."""
    rows = [
        t for t in TEMPLATE if t.id == "cells.congresses" and t.for_event("party-congress", day)
    ]
    assert len(rows) == 1
    start, stop = cells_term(day)
    assert f"nhiệm kỳ {start} - {stop}," in rows[0].title_vi
    assert f"(term {start} - {stop})" in rows[0].title_en


@pytest.mark.parametrize(
    ("day", "term"),
    [
        (date(2020, 5, 15), (2020, 2022)),  # the domain notes: the cells' term 2020 - 2022
        (date(2023, 3, 1), (2022, 2025)),
        (date(2025, 4, 10), (2025, 2027)),
        (date(2026, 12, 20), (2025, 2027)),
        (date(2028, 1, 1), (2027, 2030)),
        (date(2030, 5, 15), (2030, 2032)),  # a ward congress of 2030: after its cells' of 2030
        (date(2034, 12, 31), (2032, 2035)),
    ],
)
def test_the_cells_term_of_known_days(day: date, term: tuple[int, int]) -> None:
    assert cells_term(day) == term


def _init(run_cli: RunCli, tmp_path: Path, starts: str, kind: str = "party-congress") -> str:
    out = tmp_path / f"{kind}-{starts}.toml"
    made = run_cli("init", "--template", kind, "--starts", starts, "--lang", "vi", out)
    assert made.returncode == 0, made.stderr
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["party-congress", "election", "conference"])
def test_a_current_term_file_has_no_covid_plan_and_no_2020_slogans(
    run_cli: RunCli, tmp_path: Path, kind: str
) -> None:
    text = _init(run_cli, tmp_path, "2026-12-20", kind)
    assert "COVID-19 tại" not in text
    assert "khai báo y tế" not in text
    assert "giãn cách" not in text
    assert "Kế hoạch bảo đảm y tế, vệ sinh" in text
    assert "sơ cứu" in text
    assert 'title = "Danh sách khẩu hiệu theo Công văn 8355-CV/BTGTW' not in text
    if kind == "party-congress":
        assert 'title = "Danh sách khẩu hiệu theo Hướng dẫn 24-HD/BTGDVTW' in text
    venue_ready.load(tmp_path / f"{kind}-2026-12-20.toml")  # the file is valid as written


def test_a_2020_file_keeps_its_terms_content(run_cli: RunCli, tmp_path: Path) -> None:
    text = _init(run_cli, tmp_path, "2020-05-15")
    assert 'title = "Kế hoạch phòng, chống dịch COVID-19 tại Đại hội"' in text
    assert 'title = "Danh sách khẩu hiệu theo Công văn 8355-CV/BTGTW' in text
    assert "nhiệm kỳ 2020 - 2022, đã tổ chức xong" in text


def test_a_later_term_names_no_guidance_it_does_not_know(run_cli: RunCli, tmp_path: Path) -> None:
    text = _init(run_cli, tmp_path, "2031-05-01")
    assert "8355-CV/BTGTW được" not in text
    assert "24-HD/BTGDVTW được" not in text
    assert "hướng dẫn tuyên truyền của Trung ương cho nhiệm kỳ" in text
    assert "nhiệm kỳ 2030 - 2032, đã tổ chức xong" in text


# -- assessing: the epidemic measures and the slogans by the event's term ----------------------

_VENUE = """
[venue]
name = "Hội trường"
zones = [{ id = "hall", name = "Hội trường" }]
entrances = [{ id = "gate", name = "Cổng chính" }]
"""


def _event(starts: str, settings: str = "", area: str = "disinfection") -> venue_ready.Event:
    text = f"""
schema = 1
[event]
id = "e"
name = "Đại hội đại biểu Đảng bộ phường X lần thứ I, nhiệm kỳ 2025 - 2030"
starts = {starts}T07:30:00+07:00
ends = {starts}T17:00:00+07:00
[event.attendance]
participants = 100
{_VENUE}
[areas.{area}.settings]
{settings}
"""
    return make_event(text, plugins=PLUGINS)


#: The two plugins whose content follows the term, with the core's checklist.
PLUGINS = plugin_manager("disinfection", "decoration")


def _codes(event: venue_ready.Event, area: str = "disinfection") -> set[str]:
    return {f.code for f in assess_area(event, area, plugins=PLUGINS)}


def test_the_epidemic_measures_follow_the_events_term() -> None:
    """Temperature checkpoints and masks for an event of the 2020 - 2025 term (COVID-19), not
    for a current-term event, unless its settings ask for them; hygiene and the medical team
    for both."""
    old, new = _codes(_event("2020-05-15")), _codes(_event("2026-12-20"))
    assert {"disinfection.checkpoint", "disinfection.masks"} <= old
    assert not {"disinfection.checkpoint", "disinfection.masks"} & new
    for code in (
        "disinfection.sanitiser",
        "disinfection.zone-sprayed",
        "disinfection.medical-team-arranged",
    ):
        assert code in old
        assert code in new
    asked = _codes(_event("2026-12-20", "epidemic_measures = true"))
    assert {"disinfection.checkpoint", "disinfection.masks"} <= asked
    off = _codes(_event("2020-05-15", "epidemic_measures = false"))
    assert not {"disinfection.checkpoint", "disinfection.masks"} & off


_SLOGAN = """
[[areas.decoration.settings.banners]]
id = "s1"
text = "Nhiệt liệt chào mừng Đại hội Đảng bộ phường X lần thứ I, nhiệm kỳ 2025 - 2030!"
location = "Cổng chính"
kind = "slogan"
"""


def _slogan(starts: str, settings: str = "") -> venue_ready.Finding:
    event = _event(starts, settings + _SLOGAN, area="decoration")
    found = [
        f
        for f in assess_area(event, "decoration", plugins=PLUGINS)
        if f.code == "decoration.slogan-unofficial"
    ]
    assert len(found) == 1
    return found[0]


def test_a_current_term_slogan_waits_for_the_current_list() -> None:
    """No default list after 2025 (24-HD/BTGDVTW's is not quoted in the domain notes): the
    slogan is not checked, and the report says the list must be entered; with the list it is."""
    waiting = _slogan("2026-12-20")
    assert not waiting.assessed
    assert waiting.message.id == "decoration.slogan-list-missing"
    assert (
        "chưa nhập danh sách khẩu hiệu chính thức" in DECORATION_MESSAGES["vi"][waiting.message.id]
    )
    listed = _slogan(
        "2026-12-20",
        'official_slogans = ["Nhiệt liệt chào mừng Đại hội Đảng bộ phường X lần thứ I, '
        'nhiệm kỳ 2025 - 2030!"]\n',
    )
    assert listed.assessed
    assert listed.credit == 1.0
    # a 2020 - 2025 congress's slogans are checked against 8355-CV/BTGTW's by default
    old = _slogan("2020-05-15")
    assert old.assessed
    assert old.credit == 0.0
