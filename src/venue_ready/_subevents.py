"""The ``subevents`` core area: a parent's readiness includes its children's.

A ward congress cannot be ready until its party cells have held their congresses and elected
their delegates; a district follows its wards the same way. An event whose file has an
``[areas.subevents]`` table gets, in that area, **one Finding per child** (an event whose
``parent`` names it), plus one for the delegates the children elected when the settings ask for
it. The children's figures come in as :class:`SubeventResult`\\ s through
``assess(..., subevents=...)``; ``venue-ready rollup`` assesses the children first and passes
them on. Without them (``venue-ready check`` on a parent alone) the area's Findings are *not
assessed*: they stay in the denominator with no credit, and the area's coverage says so.

The area is declared like any plugin's, by the built-in plugin :mod:`venue_ready._builtin.subevents`
(entry point ``subevents``), so it is listed and can be blocked the same way; its Findings are
made here, by the core, called from ``assessment``, because the hook
``venue_ready_assess(event, area, as_of)`` has no place for the children.

**Settings** (``[areas.subevents.settings]``, all optional):

- ``credit = "readiness"`` (default) or ``"held"``: what a child not yet *done* earns. A child
  is *done* once its congress was held (``held_at`` at or before the moment of the assessment)
  and, with ``delegates = true``, it has recorded ``delegates_elected``; a done child earns 1.
  Otherwise, with ``"readiness"`` it earns its own readiness score / 100, but at most 0.99 (the
  last share is earned only by holding the congress, so a gate on it means "held"); with
  ``"held"`` it earns 0.
- ``gate = true``: each child (and the delegates Finding) is a critical condition.
- ``expected = N``: how many children there should be. Each one missing is an unmet Finding
  that was not assessed, so the denominator never silently shrinks when a file is missing.
- ``delegates = true``: one more Finding comparing the sum of the done children's
  ``delegates_elected`` with the event's ``expected_delegates`` (which must then be given):
  full credit when equal, the share elected when fewer, none when more (the credentials
  committee must resolve the difference).
- ``due = <date>``: when the children must be done; by default each child's own planned end,
  but never later than the parent's start.

The rules are also in ``docs/rollup.md``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ._findingmaker import FindingMaker
from ._model import AreaPlan, AreaStatus, Event, Finding, Phase
from ._scoring import effective_due
from ._settingclasses import before_start
from ._settings import SettingsReader
from ._values import MAX_COUNT

if TYPE_CHECKING:
    from ._errors import Problem
    from ._report import Report

__all__ = ["AREA", "SubeventResult", "SubeventSettings", "parse_settings", "subevent_findings"]

#: The area's key.
AREA = "subevents"
#: The most a child that has not held its congress can earn in ``credit = "readiness"`` mode.
NOT_HELD_CAP = 0.99
CREDIT_MODES = ("readiness", "held")


@frozen
class SubeventResult:
    """What a parent's ``subevents`` area needs to know about one child, after the child's own
    assessment: a small summary, not the child's Report (a roll-up keeps one per event).

    ``score`` is 0..100 or None, ``status`` the child's overall status, ``inconclusive`` True
    when a plugin failed in one of its areas. ``blockers`` and ``overdue`` count the child's
    unmet critical conditions and overdue Findings. ``held_at`` and ``delegates_elected`` are
    the child file's own records (None when not given). ``broken`` is True for a child whose
    file could not be loaded: nothing about it is known, and the parent counts it unassessed.
    """

    id: str
    name: str
    level: str
    starts: datetime
    ends: datetime
    score: float | None
    status: AreaStatus
    inconclusive: bool = False
    held_at: datetime | None = None
    delegates_elected: int | None = None
    blockers: int = 0
    overdue: int = 0
    parent: str | None = field(default=None, kw_only=True)
    broken: bool = field(default=False, kw_only=True)

    @classmethod
    def unreadable(cls, child_id: str, parent: str, file: str) -> SubeventResult:
        """A child whose file could not be loaded: named by its id and file, judged by nothing
        (its dates are unknown: ``starts`` and ``ends`` hold a placeholder, never read)."""
        unknown = datetime(1900, 1, 1, tzinfo=UTC)
        return cls(
            id=child_id,
            name=file,
            level="",
            starts=unknown,
            ends=unknown,
            score=None,
            status=AreaStatus.ERROR,
            inconclusive=True,
            parent=parent,
            broken=True,
        )

    @classmethod
    def from_report(cls, report: Report) -> SubeventResult:
        """The summary of an assessed event."""
        ev = report.event
        # Report.blockers and Report.overdue, counted in one pass without building the lists
        as_of, starts, ends = report.as_of, ev.starts, ev.ends
        blockers = overdue = 0
        for area in report.areas:
            for f in area.findings:
                if f.waiver is not None or (f.credit >= 1.0 and f.assessed):
                    continue
                due = effective_due(f, starts, ends)
                if due is not None and due < as_of:
                    overdue += 1
                if f.gate and (f.phase is Phase.BEFORE or (due is not None and due < as_of)):
                    blockers += 1
        return cls(
            id=ev.id,
            name=ev.name,
            level=ev.level,
            starts=ev.starts,
            ends=ev.ends,
            score=report.score,
            status=report.status,
            inconclusive=report.inconclusive,
            held_at=ev.held_at,
            delegates_elected=ev.delegates_elected,
            blockers=blockers,
            overdue=overdue,
            parent=ev.parent,
        )

    def held_by(self, as_of: datetime) -> bool:
        """True when the congress was held at or before ``as_of``."""
        return self.held_at is not None and self.held_at <= as_of


@frozen
class SubeventSettings:
    """The ``subevents`` area's settings, read (see the module docstring)."""

    credit: str = "readiness"
    gate: bool = False
    expected: int | None = None
    delegates: bool = False
    due: datetime | None = None


def parse_settings(
    settings: Mapping[str, Any], event: Event | None
) -> tuple[SubeventSettings, list[Problem]]:
    """The settings and the problems found in them (paths relative to the settings table)."""
    r = SettingsReader(settings, event)
    r.known("credit", "gate", "expected", "delegates", "due")
    credit = str(r.choice("credit", CREDIT_MODES, "readiness"))
    gate = r.boolean("gate", False)
    expected = r.integer("expected", None, low=0, high=MAX_COUNT)
    delegates = r.boolean("delegates", False)
    due = before_start(r, "due", r.instant("due"))
    if isinstance(event, Event) and delegates and event.expected_delegates is None:
        r.problem("delegates", "subevents.delegates-need-expected")
    return SubeventSettings(credit, gate, expected, delegates, due), r.problems


def subevent_findings(
    event: Event,
    plan: AreaPlan,
    as_of: datetime,
    subevents: Mapping[str, SubeventResult] | None,
) -> list[Finding]:
    """The ``subevents`` area's Findings for ``event``, from its children's results.

    ``subevents`` maps ids to results; only the children (``parent == event.id``) count, in id
    order. None means the children are not known: every Finding is then not assessed. Raises
    ValueError when the settings are wrong (an event built in code, never validated).
    """
    cfg, problems = parse_settings(plan.settings, event)
    if problems:
        raise ValueError(
            "invalid subevents settings: " + "; ".join(p.render("en") for p in problems)
        )
    # gated as the settings say, due at their `due`; by default a Finding earns nothing and was
    # not assessed (the children are not known)
    make = FindingMaker(AREA, gate=cfg.gate, due=cfg.due, assessed=False)
    findings: list[Finding] = []
    if subevents is None:
        count = cfg.expected if cfg.expected is not None else 1
        findings += [
            make("subevents.not-given", subject=f"#{number}" if cfg.expected is not None else None)
            for number in range(1, count + 1)
        ]
        if cfg.delegates:
            findings.append(_delegates(event, make, None))
        return findings

    children = sorted((c for c in subevents.values() if c.parent == event.id), key=lambda c: c.id)
    findings += [_child(child, cfg, make, event, as_of) for child in children]
    if cfg.expected is not None:
        found = len(children)
        findings += [
            make(
                "subevents.missing",
                params={"number": n, "expected": cfg.expected, "found": found},
                subject=f"#{n}",
            )
            for n in range(found + 1, cfg.expected + 1)
        ]
    if cfg.delegates:
        findings.append(_delegates(event, make, [c for c in children if c.held_by(as_of)]))
    return findings


def _child(
    child: SubeventResult,
    cfg: SubeventSettings,
    make: FindingMaker,
    event: Event,
    as_of: datetime,
) -> Finding:
    # a gate means "held before the parent opens" (or before `due`): a congress held after
    # that, seen from a roll-up made later, still does not meet it
    deadline = cfg.due if cfg.due is not None else event.starts
    make = make.sharing(subject=child.id)
    if child.broken:
        # its file could not be read: it stays in the denominator, with no credit, not assessed
        broken = {"id": child.id, "file": child.name}
        return make("subevents.child", "subevents.broken", broken, due=deadline)
    held = child.held_by(as_of)
    late = cfg.gate and held and child.held_at is not None and child.held_at > deadline
    done = held and not late and (not cfg.delegates or child.delegates_elected is not None)
    assessed = True
    if done:
        credit = 1.0
    elif cfg.credit == "held":
        credit = 0.0
    else:
        credit = min(NOT_HELD_CAP, (child.score or 0.0) / 100.0)
        assessed = not child.inconclusive  # its readiness is not known
    params: dict[str, Any] = {"name": child.name, "status": child.status.value}
    if held and child.held_at is not None:
        local = child.held_at.astimezone(event.tz)
        # a bare date in the child's file (the start of that day) reads as the date alone
        params["held_at"] = local.date() if local.time() == time() else child.held_at
        if late:
            message_id = "subevents.held-late"
            params["deadline"] = deadline
        elif child.delegates_elected is not None:
            message_id = "subevents.held-delegates"
            params["delegates"] = child.delegates_elected
        elif cfg.delegates:
            message_id = "subevents.held-no-delegates"
        else:
            message_id = "subevents.held"
    elif child.score is None:
        message_id = "subevents.not-held-unscored"
    else:
        message_id = "subevents.not-held"
        # rounded down, as every score is shown: 99.96 must not read 100
        params["score"] = math.floor(child.score * 10 + 1e-9) / 10
    return make(
        "subevents.child",
        message_id,
        params,
        due=cfg.due if cfg.due is not None else min(child.ends, event.starts),
        credit=credit,
        assessed=assessed,
        owner=child.name,
    )


def _delegates(event: Event, make: FindingMaker, held: Iterable[SubeventResult] | None) -> Finding:
    expected = event.expected_delegates
    make = make.sharing(subject="delegates")
    if held is None or expected is None:
        params = {"expected": expected or 0}
        return make("subevents.delegates", "subevents.delegates-not-given", params)
    elected = sum(c.delegates_elected or 0 for c in held)
    if elected > expected:
        credit, message_id = 0.0, "subevents.delegates-over"
    else:
        credit = elected / expected if expected else 1.0
        message_id = "subevents.delegates"
    params = {"elected": elected, "expected": expected}
    return make("subevents.delegates", message_id, params, credit=credit, assessed=True)
