"""Reports that explain themselves (#15): an area on track with a critical condition still
ahead says so, no item is listed word for word under two headings, and every figure a report
shows has its line in the legend at the end.

The reports read here are the golden ones: what the real CLI prints for every example, pinned
byte for byte by tests/test_golden.py.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from markupsafe import escape

import venue_ready
from venue_ready import AreaStatus
from venue_ready._i18n import gettext
from venue_ready._render import phrases
from venue_ready._render.terminal import render_terminal

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

# every `check` report of every example and test event, text and Markdown (the roll-up's own
# report and the history are other formats)
REPORTS = sorted(
    p
    for p in [*GOLDEN.glob("*.txt"), *GOLDEN.glob("*.md")]
    if not p.name.startswith(("rollup.", "ngoc-thuy-history."))
)
TEXTS = [p for p in REPORTS if p.suffix == ".txt"]

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
NGOC_THUY_AS_OF = datetime.fromisoformat("2020-05-14T16:00+07:00")

PENDING = {
    "vi": "Đúng tiến độ, còn 1 điều kiện bắt buộc chưa đến hạn",
    "en": "On track, 1 critical condition not yet due",
}


def _report(path: Path) -> str:
    """What the CLI printed on its standard output."""
    return path.read_text(encoding="utf-8").split("\n--- stderr ---", 1)[0]


def _lang(path: Path) -> str:
    return path.name.split(".")[-2]


# -- an area on track with a critical condition still ahead ------------------------------------


def test_an_area_on_track_with_a_condition_not_yet_due_says_so_in_every_format() -> None:
    report = venue_ready.assess(venue_ready.load(NGOC_THUY), NGOC_THUY_AS_OF)
    area = report.area("disinfection")
    assert area is not None
    # the status itself (the JSON's, the scores') is unchanged: only its words say more
    assert area.status is AreaStatus.ON_TRACK
    assert [f.subject for f in phrases.pending_gates(report, area)] == ["basement"]
    for lang, words in PENDING.items():
        assert phrases.area_status(report, area, lang) == words
        for fmt in ("text", "md", "html"):
            assert words in report.render(fmt, lang), (fmt, lang)
        assert words in render_terminal(report, lang, width=200, no_color=True)
    areas = json.loads(report.render("json", "vi"))["areas"]
    assert [a["status"] for a in areas if a["key"] == "disinfection"] == ["on_track"]


def test_an_area_past_the_opening_is_blocked_not_pending() -> None:
    # once the congress opens, the same unmet condition blocks the area: the plain status
    # words, no "not yet due"
    after = datetime.fromisoformat("2020-05-15T08:00+07:00")
    report = venue_ready.assess(venue_ready.load(NGOC_THUY), after)
    area = report.area("disinfection")
    assert area is not None
    assert area.status is AreaStatus.BLOCKED
    assert phrases.pending_gates(report, area) == []
    assert phrases.area_status(report, area, "en") == gettext("status.blocked", "en")


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_no_area_reads_plainly_on_track_with_an_unmet_critical_condition(path: Path) -> None:
    lang = _lang(path)
    text = _report(path)
    plain = "Đúng tiến độ ·" if lang == "vi" else "On track ·"
    # the heading's singular and plural both start so ("Unmet critical condition (1):")
    heading = "Điều kiện bắt buộc chưa đạt (" if lang == "vi" else "Unmet critical condition"
    # the areas listed under the unmet critical conditions, by their titles
    section = text.split(heading, 1)[1].split("\n\n", 1)[0]
    unmet = set(re.findall(r"^  - \[([^\]]+)\]", section, re.MULTILINE))
    for line in text.split("\n\n", 2)[1].splitlines():
        for title in unmet:
            if line.startswith(f"  {title}  "):
                assert plain not in line, line


# -- no line twice -----------------------------------------------------------------------------


def _sections(path: Path) -> dict[str, list[str]]:
    """Each heading of a report and the list lines under it."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _report(path).splitlines():
        if path.suffix == ".md":
            if line.startswith("#"):
                current = line
            elif line.startswith("- "):
                sections.setdefault(current, []).append(line)
        elif line and not line.startswith(" "):
            current = line
        elif line.startswith(("  - ", "    ")):
            sections.setdefault(current, []).append(line)
    return sections


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_no_line_is_repeated_under_two_headings(path: Path) -> None:
    seen: dict[str, str] = {}
    for heading, lines in _sections(path).items():
        for line in lines:
            # an item's "mã: …" and its command are under it, and go with it
            assert seen.setdefault(line, heading) == heading, f"{line!r} under two headings"


def test_a_later_list_says_how_many_of_its_items_are_above() -> None:
    # the Ngọc Thụy report lists the side gate as unmet and overdue, the backdrop and the
    # basement as unmet and next due: each once, and the later lists say so
    vi = _report(GOLDEN / "ngoc-thuy.vi.txt")
    assert vi.count("Cổng phụ: chưa bố trí chốt gác") == 1
    overdue = vi.split("Đầu việc quá hạn (3):", 1)[1].split("\n\n", 1)[0]
    assert overdue.endswith("\n  Đã nêu ở trên: 1 điều kiện bắt buộc chưa đạt")
    upcoming = vi.split("Đầu việc sắp đến hạn (10):", 1)[1].split("\n\n", 1)[0]
    assert upcoming.endswith("\n  Đã nêu ở trên: 2 điều kiện bắt buộc chưa đạt")
    assert upcoming.count("\n  - [") == 8
    # a list whose items are all above says it alone
    en = _report(GOLDEN / "election-2021.en.txt")
    assert "Overdue items (2):\n  2 unmet critical conditions, listed above\n" in en
    md = _report(GOLDEN / "small.en.md")
    assert "## Overdue item (1)\n\n(1 unmet critical condition, listed above)\n" in md
    # the printable page: page 1 gives the unmet and overdue items, the next-due table not again
    page = (GOLDEN / "ngoc-thuy.vi.html").read_text(encoding="utf-8")
    assert page.count("Tầng hầm để xe được phun khử khuẩn lần gần nhất") == 2  # page 1, details
    assert "(Đã nêu ở trên: 2 điều kiện bắt buộc chưa đạt)" in page


# -- every figure explained --------------------------------------------------------------------

# a figure as the areas show it, and the start of its legend line, in each language
FIGURES = {
    "vi": [
        (r"đã đánh giá \d+/\d+", "Đã đánh giá a/b: "),
        (r"chỉ số tiến độ \d", "Chỉ số tiến độ: "),
        (r"trong (đại hội|ngày bầu cử) \d", r"Trong (đại hội|ngày bầu cử) …%: "),
        (r"sau (đại hội|ngày bầu cử) \d", r"Sau (đại hội|ngày bầu cử) …%: "),
    ],
    "en": [
        (r"assessed \d+/\d+", "Assessed a/b: "),
        (r"schedule index \d", "Schedule index: "),
        (r"during (the congress|polling day) \d", r"During (the congress|polling day) …%: "),
        (r"after (the congress|polling day) \d", r"After (the congress|polling day) …%: "),
    ],
}
# the Markdown report shows the coverage and the schedule index in the areas' table, and no
# progress during or after the event
TABLE = [(r"\| \d+/\d+ \|", 0), (r"\| \d[\d,.]* \|\n", 1)]
LEGEND = {"vi": "Giải thích số liệu", "en": "What the figures mean"}


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_every_figure_shown_has_its_legend_line(path: Path) -> None:
    lang = _lang(path)
    text = _report(path)
    body, found, legend = text.partition(LEGEND[lang])
    assert found, "the report ends with its legend"
    # the legend's lines are at the end, one a line: "  - …" (text), "- …" (Markdown)
    lines = [line.lstrip(" -") for line in legend.splitlines() if line.strip(" -:")]
    shown = 0
    figures = FIGURES[lang]
    if path.suffix == ".md":
        figures = [(pattern, figures[i][1]) for pattern, i in TABLE] + [
            ("(?!)", explained) for _, explained in figures[2:]
        ]
    for figure, explained in figures:
        has_line = any(re.match(explained, line) for line in lines)
        if re.search(figure, body):
            shown += 1
            assert has_line, f"{figure!r} is shown but not explained"
        else:
            assert not has_line, f"{explained!r} explains a figure the report does not show"
    assert shown >= 1  # every report shows its areas' coverage
    score = "Điểm của mảng (thang 100): " if lang == "vi" else "Area score (out of 100): "
    assert any(line.startswith(score) for line in lines)
    if path.suffix == ".md" and "⛔" in body:
        assert any(line.startswith("⛔: ") for line in lines)


def test_the_legend_is_in_the_reader_s_language_in_the_printable_page() -> None:
    report = venue_ready.assess(venue_ready.load(NGOC_THUY), NGOC_THUY_AS_OF)
    for lang in ("vi", "en"):
        page = report.render("html", lang)
        assert f'<h2 id="legend">{LEGEND[lang]}</h2>' in page
        for line in phrases.legend(report, lang, credit=True):
            assert f"<li>{escape(line)}</li>" in page
