"""The readiness timeline: planned and earned value at the end of each day up to the event's
start, computed from a :class:`~venue_ready.Report` alone.

It follows the earned-value rules of ``scoring``: for each day, planned value PV(t) is the
weight of the ``before`` Findings (not waived) effectively due by t, as a share of the area's
total, and the areas are combined with their weights as the overall score is. Earned value EV(t)
counts the *current* credit of the Findings due by t: an approximation of what had been earned
by then. When the report carries a history replayed from the journal (:attr:`Report.history
<venue_ready.Report.history>`, which :func:`venue_ready.assess_with_history` computes at
:func:`timeline_days`), EV(t) is instead the real readiness at the end of each day up to the
report's moment, and is None after it. At the event's start, PV is 100.

Nothing here assesses: the days are chosen from the report, and the history is read from it.
The HTML report draws these points.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from ._dates import end_of_day
from ._model import AreaStatus, Phase

if TYPE_CHECKING:
    from ._report import Report

__all__ = ["MAX_TIMELINE_DAYS", "TimelinePoint", "readiness_timeline", "timeline_days"]

#: The timeline starts at the earliest due date, but never more than this many days before the
#: event's start (earlier items count from its first day).
MAX_TIMELINE_DAYS = 120


class TimelinePoint(NamedTuple):
    """One day of the readiness timeline: the moment, planned and earned value in percent
    (earned is None for a day after the report's moment, when it comes from the journal)."""

    when: datetime
    planned: float
    earned: float | None


#: Per conclusive area with ``before`` weight: its weight, its total ``before`` weight, and
#: (due, weight, earned weight) of each of its Findings, soonest due first.
_Areas = list[tuple[float, float, list[tuple[datetime, float, float]]]]


def _weighted_areas(report: Report) -> _Areas:
    starts = report.event.starts
    areas: _Areas = []
    for area in report.areas:
        if area.status is AreaStatus.ERROR or area.weight <= 0:
            continue
        items: list[tuple[datetime, float, float]] = []
        total = 0.0
        for f in area.findings:
            if f.waiver is not None or f.phase is not Phase.BEFORE:
                continue
            due = report.effective_due(f) or starts
            credit = f.credit if f.assessed else 0.0
            items.append((due, f.weight, f.weight * credit))
            total += f.weight
        if total > 0:
            items.sort(key=lambda item: item[0])
            areas.append((area.weight, total, items))
    return areas


def _days(report: Report, areas: _Areas, max_days: int) -> list[datetime]:
    ev = report.event
    tz = ev.tz
    starts = ev.starts
    last_day = starts.astimezone(tz).date()
    earliest = min(items[0][0] for _, _, items in areas)
    first_day = min(earliest, report.as_of).astimezone(tz).date()
    first_day = max(first_day, last_day - timedelta(days=max_days))
    first_day = min(first_day, last_day - timedelta(days=1))  # at least two points
    days = []
    day = first_day
    while day <= last_day:
        days.append(min(end_of_day(day, tz), starts))
        day += timedelta(days=1)
    return days


def timeline_days(report: Report, max_days: int = MAX_TIMELINE_DAYS) -> list[datetime]:
    """The moments of the timeline: the end of each day from the earliest due date (or the
    report's moment, when earlier; at most ``max_days`` before the start) up to the event's
    start, which is the last. Empty when no conclusive area has ``before`` weight."""
    areas = _weighted_areas(report)
    return _days(report, areas, max_days) if areas else []


def readiness_timeline(report: Report, max_days: int = MAX_TIMELINE_DAYS) -> list[TimelinePoint]:
    """Planned and earned value (0..100) at each of :func:`timeline_days`. Empty when no
    conclusive area has ``before`` weight. See the module docstring for how EV is had."""
    areas = _weighted_areas(report)
    if not areas:
        return []
    all_weight = sum(weight for weight, _, _ in areas)
    points: list[TimelinePoint] = []
    for moment in _days(report, areas, max_days):
        planned = earned = 0.0
        for weight, total, items in areas:
            due_weight = due_earned = 0.0
            for due, w, we in items:
                if due > moment:
                    break
                due_weight += w
                due_earned += we
            planned += weight * due_weight / total
            earned += weight * due_earned / total
        points.append(
            TimelinePoint(moment, 100.0 * planned / all_weight, 100.0 * earned / all_weight)
        )
    if report.history:
        points = [p._replace(earned=_history_at(report, p.when)) for p in points]
    return points


def _history_at(report: Report, moment: datetime) -> float | None:
    """The readiness the journal's history gives at ``moment``: the latest point at or before
    it (0 before the first); None after the report's moment, which has no history yet."""
    if moment > report.as_of:
        return None
    score = 0.0
    for point in report.history:
        if point.at > moment:
            break
        score = point.score or 0.0
    return score
