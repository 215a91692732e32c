"""Growth stays linear (issue #11, part 5): the paths that grew with the square of their input,
rewritten, give what they gave before (the HTML report's overdue marks are pinned by the
golden reports). No test here times anything: the growth itself is
measured by ``benchmarks/bench_growth.py``.
"""

from __future__ import annotations

from datetime import timedelta

import venue_ready
from venue_ready.journal.history import readiness_history
from venue_ready.journal.replaying import in_order, replay_stages

from .conftest import ROOT

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
JOURNAL = ROOT / "tests" / "golden" / "ngoc-thuy.journal.jsonl"


def _entries() -> list[venue_ready.JournalEntry]:
    from venue_ready.journal.transfer import read_export

    return [e for _line, e in read_export(JOURNAL.read_text(encoding="utf-8"), "jsonl")]


def test_replay_stages_are_the_full_replays_at_each_moment() -> None:
    plan = venue_ready.load(NGOC_THUY)
    ordered = in_order(_entries())
    assert len(ordered) >= 4
    # every moment an entry happened, a moment before them all, and one in between
    moments = sorted({e.at for e in ordered} | {ordered[0].at - timedelta(days=1)})
    stages = list(replay_stages(plan, ordered, moments))
    assert len(stages) == len(moments)
    for moment, stage in zip(moments, stages, strict=True):
        assert stage == venue_ready.replay(plan, [e for e in ordered if e.at <= moment])
    assert stages[0] == venue_ready.replay(plan, [])  # nothing had happened yet
    assert stages[-1] != plan


def test_readiness_history_keeps_the_order_of_the_moments_it_is_given() -> None:
    plan = venue_ready.load(NGOC_THUY)
    entries = _entries()
    moments = sorted({e.at for e in entries})
    forward = readiness_history(plan, entries, moments)
    backward = readiness_history(plan, entries, list(reversed(moments)))
    assert [p.at for p in backward] == list(reversed(moments))
    assert tuple(reversed(backward)) == forward
    assert len({p.score for p in forward}) > 1  # the entries do move the score
