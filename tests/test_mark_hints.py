"""The subjects a text report offers a ``mark`` command for, found cheaply (#16's start-up).

``venue-ready check`` in text prints ``venue-ready mark FILE SUBJECT done`` for a plugin's
subject only when a ``done`` entry would meet every open Finding of it. That used to take a whole
second assessment of the event with the journal package imported; the command now assesses again
only the areas concerned, and without a journal adds the entries to their records itself. These
tests hold the cheap way to the answer the whole second assessment gives, on every example, at
many moments, with and without the Ngọc Thụy journal.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from venue_ready import JournalEntry, assess, get_plugin_manager, load
from venue_ready.cli.check import _mark_hints
from venue_ready.journal import known_subjects, open_journal, replay

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = {
    "ngoc-thuy": (ROOT / "examples/ngoc-thuy-2020/congress.toml", "2020-05-06T08:00+07:00"),
    "small": (ROOT / "examples/small/congress.toml", "2020-05-04T08:00+07:00"),
    "election-2021": (ROOT / "examples/election-2021/election.toml", "2021-05-14T08:00+07:00"),
    "mttq-congress-2024": (
        ROOT / "examples/mttq-congress-2024/congress.toml",
        "2024-06-11T08:00+07:00",
    ),
}
#: Moments a day and a half apart, from before the events' last week until after them.
MOMENTS = range(12)


def _whole_assessment_answer(plan, entries, report, pm, candidates):  # type: ignore[no-untyped-def]
    """The subjects a ``done`` entry would meet, as the command found them before: one whole
    second assessment of the event replayed with a ``done`` entry for each."""
    known = known_subjects(plan, pm)
    wanted = [ref for ref in candidates if ref in known]
    if not wanted:
        return {}
    done = [
        JournalEntry(uid=f"hint-{n}", subject=ref, status="done", by="-", recorded_at=report.as_of)
        for n, ref in enumerate(wanted)
    ]
    after = assess(replay(plan, [*(entries or []), *done]), as_of=report.as_of, plugins=pm)
    still_open = {(f.area, f.code, f.subject) for f in after.findings(met=False)}
    return {
        ref: None
        for ref in wanted
        if not any((f.area, f.code, f.subject) in still_open for f in candidates[ref])
    }


def _compare(path: Path, as_of: datetime, entries: list[JournalEntry] | None) -> tuple[int, int]:
    """Assert the command's hints equal the whole assessment's; return how many plugin subjects
    were open, and how many of them a mark would meet."""
    from venue_ready._render.phrases import item_ids, item_ref

    pm = get_plugin_manager()
    plan = load(path, plugins=pm)
    event = plan if entries is None else replay(plan, entries)
    report = assess(event, as_of=as_of, plugins=pm)
    args = argparse.Namespace(file=str(path), journal=None)
    hints = _mark_hints(args, plan, entries, report, pm)

    items = item_ids(report)
    plan_items = {item.id for area in plan.areas for item in area.items}
    others: dict[str, list] = {}  # type: ignore[type-arg]
    for f in report.findings(met=False):
        ref = item_ref(f, items)
        if ref is not None and ref not in plan_items:
            others.setdefault(ref, []).append(f)
    expected = (
        _whole_assessment_answer(plan, entries, report, pm, others)
        if others and not report.inconclusive
        else {}
    )
    got = {ref: v for ref, v in hints.subjects.items() if ref not in plan_items}
    assert got == expected
    return len(others), len(expected)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_same_subjects_as_a_whole_second_assessment(name: str) -> None:
    path, first = EXAMPLES[name]
    start = datetime.fromisoformat(first)
    for step in MOMENTS:
        _compare(path, start + timedelta(hours=36 * step), None)


def test_with_a_journal_the_same_subjects(tmp_path: Path) -> None:
    path, first = EXAMPLES["ngoc-thuy"]
    with open_journal(tmp_path / "j.sqlite") as journal:
        journal.import_text((GOLDEN / "ngoc-thuy.journal.jsonl").read_text("utf-8"), "jsonl")
        start = datetime.fromisoformat(first)
        seen = []
        for step in MOMENTS:
            moment = start + timedelta(hours=36 * step)
            seen.append(_compare(path, moment, journal.entries(moment, known_at=moment)))
    # the journal changes what is open: the comparison saw subjects both ways
    assert any(open_ > met > 0 for open_, met in seen) or sum(m for _, m in seen) > 0


def test_the_comparison_sees_subjects_a_mark_meets_and_ones_it_does_not() -> None:
    """Without this, the tests above could pass by finding no plugin subject at all."""
    path, first = EXAMPLES["ngoc-thuy"]
    start = datetime.fromisoformat(first)
    seen = [_compare(path, start + timedelta(hours=36 * step), None) for step in MOMENTS]
    assert sum(met for _, met in seen) > 0  # some subject a mark would meet
    assert any(open_ > met for open_, met in seen)  # and some it would not
