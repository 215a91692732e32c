"""Scores and verdicts from Findings: pure, deterministic functions, no I/O, no plugins.

The rules, all in this file:

**Item credit** (:func:`item_credit`): ``done`` earns 1; ``in_progress`` its ``progress``
(0..1, 0.5 when not given); ``todo`` and ``blocked`` 0. A ``waived`` Finding leaves the
denominator. An item that needs a sign-off earns its credit only once a sign-off of its current
version is recorded (the checklist plugin applies that before it makes the Finding).

**Effective due** (:func:`effective_due`): a Finding's ``due``; when it has none, a ``before``
Finding is due at the event's start and a ``during`` one at its end (an ``after`` one never).

**Area score**: 100 · Σ(weight·credit) / Σ weight over the area's ``before`` Findings that are not
waived. A Finding that was not ``assessed`` stays in the denominator with no credit. ``during``
and ``after`` Findings are tracked as their own progress figures, never as readiness. With no
weight to count, the score is None.

**Schedule** (earned-value management): planned value PV = Σ weight of ``before`` Findings
effectively due by ``as_of``; earned value EV = Σ weight·credit of all ``before`` Findings;
schedule index = EV / PV (None while PV is 0). A Finding is **overdue** when its effective due is
before ``as_of`` and its credit is below 1.

**Area status**, worst first:

- ``error``: a plugin failed while assessing the area (decided by the caller, not here);
- ``blocked``: a gate is unmet past its effective due, or a ``before`` gate is unmet at or after
  the event's start;
- ``at_risk``: something is overdue, or the schedule index is below 1;
- ``ready``: the score is at least the area's threshold, every ``before`` gate is met, and every
  expected Finding was assessed (full coverage);
- ``on_track``: everything else (including an area with no weight to score).

**Coverage**: Findings assessed / Findings expected (waived ones leave both).

**Event**: score = weighted mean of the scores of conclusive areas (not ``error``, score not
None); status = the worst area status (``on_track`` for an event with no area); *inconclusive*
when any area is ``error``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from attrs import frozen

from ._model import AreaStatus, Finding, Phase, Status

__all__ = [
    "AreaScore",
    "EventScore",
    "effective_due",
    "is_blocking",
    "is_overdue",
    "item_credit",
    "score_area",
    "score_event",
    "worst_status",
]

#: Credit of an in-progress item whose progress is not given.
DEFAULT_PROGRESS = 0.5

_BEFORE = Phase.BEFORE
_DURING = Phase.DURING


def item_credit(status: Status, progress: float | None = None) -> float:
    """The credit an item earns for its status (see the module docstring). Waived earns 0 here;
    the Finding's waiver takes it out of the denominator instead."""
    if status is Status.DONE:
        return 1.0
    if status is Status.IN_PROGRESS:
        return DEFAULT_PROGRESS if progress is None else progress
    return 0.0


def effective_due(finding: Finding, starts: datetime, ends: datetime) -> datetime | None:
    """When a Finding is due: its own ``due``, else the event's start (``before``) or end
    (``during``); an ``after`` Finding without a due date is never due."""
    if finding.due is not None:
        return finding.due
    if finding.phase is _BEFORE:
        return starts
    if finding.phase is _DURING:
        return ends
    return None


def is_overdue(finding: Finding, as_of: datetime, starts: datetime, ends: datetime) -> bool:
    """True when the Finding is not met and its effective due is before ``as_of``."""
    if finding.waiver is not None or (finding.credit >= 1.0 and finding.assessed):
        return False
    due = effective_due(finding, starts, ends)
    return due is not None and due < as_of


def is_blocking(finding: Finding, as_of: datetime, starts: datetime, ends: datetime) -> bool:
    """True for an unmet gate past its effective due, or a ``before`` gate unmet at the start."""
    if not finding.gate or finding.waiver is not None:
        return False
    if finding.credit >= 1.0 and finding.assessed:
        return False
    if finding.phase is _BEFORE and as_of >= starts:
        return True
    due = effective_due(finding, starts, ends)
    return due is not None and due < as_of


def _percent(part: float, whole: float) -> float | None:
    """100 · part / whole, None when whole is 0. Rounded to 9 decimals: sums of weights such as
    0.1 + 1.3 are not exact in binary, and an area with every item done must score exactly 100
    (and so be ready), not 99.99999999999999."""
    if whole <= 0:
        return None
    return min(100.0, max(0.0, round(100.0 * part / whole, 9)))


@frozen
class AreaScore:
    """The figures of one area. ``score`` is 0..100 or None; ``schedule_index`` None while
    nothing is planned yet; ``during``/``after`` are 0..1 progress figures or None."""

    score: float | None
    status: AreaStatus
    planned: float
    earned: float
    schedule_index: float | None
    assessed: int
    expected: int
    overdue: int
    blocking: int
    unmet_gates: int
    during: float | None
    after: float | None

    @property
    def coverage(self) -> float:
        """Share of expected Findings that were assessed (1.0 when none were expected)."""
        return self.assessed / self.expected if self.expected else 1.0


def score_area(
    findings: Iterable[Finding],
    as_of: datetime,
    starts: datetime,
    ends: datetime,
    threshold: float = 100.0,
) -> AreaScore:
    """Score one area's Findings as of a moment. One pass; see the module docstring."""
    total = earned = planned = 0.0
    during_total = during_earned = after_total = after_earned = 0.0
    expected = assessed = overdue = blocking = unmet_gates = 0
    started = as_of >= starts
    for f in findings:
        if f.waiver is not None:
            continue
        expected += 1
        weight = f.weight
        if f.assessed:
            assessed += 1
            credit = f.credit
        else:
            credit = 0.0
        phase = f.phase
        due = f.due
        if phase is _BEFORE:
            total += weight
            earned += weight * credit
            if due is None:
                due = starts
            if due <= as_of:
                planned += weight
        elif phase is _DURING:
            during_total += weight
            during_earned += weight * credit
            if due is None:
                due = ends
        else:
            after_total += weight
            after_earned += weight * credit
        if credit < 1.0:
            late = due is not None and due < as_of
            if late:
                overdue += 1
            if f.gate:
                if phase is _BEFORE:
                    unmet_gates += 1
                    if started or late:
                        blocking += 1
                elif late:
                    blocking += 1

    score = _percent(earned, total)
    index = earned / planned if planned > 0 else None
    if blocking:
        status = AreaStatus.BLOCKED
    elif overdue or (index is not None and index < 1.0):
        status = AreaStatus.AT_RISK
    elif score is not None and score >= threshold and not unmet_gates and assessed == expected:
        status = AreaStatus.READY
    else:
        status = AreaStatus.ON_TRACK
    return AreaScore(
        score=score,
        status=status,
        planned=planned,
        earned=earned,
        schedule_index=index,
        assessed=assessed,
        expected=expected,
        overdue=overdue,
        blocking=blocking,
        unmet_gates=unmet_gates,
        during=during_earned / during_total if during_total > 0 else None,
        after=after_earned / after_total if after_total > 0 else None,
    )


@frozen
class EventScore:
    """The event's score (None when no area is conclusive), status and inconclusiveness."""

    score: float | None
    status: AreaStatus
    inconclusive: bool


def worst_status(statuses: Iterable[AreaStatus]) -> AreaStatus:
    """The worst of some statuses; ``ready`` when there are none."""
    return max(statuses, key=lambda s: s.severity, default=AreaStatus.READY)


def score_event(areas: Sequence[tuple[float, float | None, AreaStatus]]) -> EventScore:
    """Combine ``(weight, score, status)`` per area into the event's figures."""
    total = weighted = 0.0
    for weight, score, status in areas:
        if status is not AreaStatus.ERROR and score is not None and weight > 0:
            total += weight
            weighted += weight * score
    return EventScore(
        score=_percent(weighted / 100.0, total),
        # With no area at all there is no evidence of readiness: never call that ready.
        status=worst_status(status for _, _, status in areas) if areas else AreaStatus.ON_TRACK,
        inconclusive=any(status is AreaStatus.ERROR for _, _, status in areas),
    )
