"""The wording the formats share is built once (render/phrases.py) and said the same way in
every format."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import venue_ready
from venue_ready._render import phrases
from venue_ready._render.markdown import escape
from venue_ready._render.terminal import render_terminal

from .support import ENDS, STARTS, TZ

AS_OF = datetime(2020, 5, 10, 9, 0, tzinfo=TZ)


def test_every_format_says_the_shared_phrases(small_example: Path) -> None:
    report = venue_ready.assess(venue_ready.load(small_example), AS_OF)
    listed = [*report.blockers, *report.overdue, *report.next_due]
    assert listed, "the example must list some Findings for this test to mean anything"
    for lang in ("vi", "en"):
        text = report.render("text", lang)
        md = report.render("md", lang)
        page = report.render("html", lang)
        terminal = render_terminal(report, lang, width=200, no_color=True)
        for fact in phrases.facts(report, lang):
            assert fact in text
            assert escape(fact) in md
            assert fact in terminal
        assert phrases.overall(report, lang) in text
        assert phrases.overall(report, lang) in terminal
        for area in report.areas:
            for note in (phrases.coverage(area, lang), *phrases.area_notes(report, area, lang)):
                assert note in text
        for f in listed:
            details = "; ".join(phrases.finding_details(report, f, lang))
            assert f"({details})" in text
            # Markdown adds the item's id after them ("; mã: …")
            assert f"({escape(details)}" in md
            assert phrases.owner(report, f, lang) in terminal
            assert phrases.due_date(report, f, lang) in page


def test_finding_details_are_owner_then_due() -> None:
    event = venue_ready.Event(
        id="e",
        name="Đại hội",
        starts=STARTS,
        ends=ENDS,
        areas=(
            venue_ready.AreaPlan(
                key="general",
                items=(
                    venue_ready.Item(id="a", title="A", due=datetime(2020, 5, 12, tzinfo=TZ)),
                    venue_ready.Item(id="b", title="B", owner="Văn phòng"),
                ),
            ),
        ),
    )
    report = venue_ready.assess(event, AS_OF)
    first, second = report.areas[0].findings
    assert phrases.finding_details(report, first, "en") == [
        "in charge: nobody assigned",
        "due: 12 May 2020, 00:00",
    ]
    assert phrases.owner(report, second, "en") == "Văn phòng"
    assert phrases.due_date(report, second, "en") == phrases.NONE
