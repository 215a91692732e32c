"""The orchestrator: call every plugin once per area, isolate faults, score, build the Report."""

from __future__ import annotations

import math
import reprlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from ._model import AreaPlan, AreaStatus, Event, Finding, Message, Phase, Waiver, moment_in
from ._readonly import ReadOnlyDict
from ._report import AreaReport, PluginInfo, Report
from ._scoring import AreaScore, score_area, score_event, worst_status
from ._validation import require_valid

if TYPE_CHECKING:
    from ._errors import PluginFailure
    from ._plugins import PluginManager
    from ._subevents import SubeventResult

__all__ = ["assess"]


def assess(
    event: Event,
    as_of: datetime | None = None,
    plugins: PluginManager | None = None,
    *,
    subevents: Mapping[str, SubeventResult] | None = None,
) -> Report:
    """Assess ``event`` as of a moment and return its :class:`Report`.

    :param event: the event, loaded with :func:`venue_ready.load` or built in code.
    :param as_of: the moment to judge readiness at: a timezone-aware datetime, or a naive one
        read in the event's time zone (the one rule for moments everywhere); by default, now.
        Anything else (a string, a date) raises TypeError.
    :param plugins: the plugin manager to use; by default the installed plugins.
    :param subevents: the results of the event's children, by id (more may be given: only those
        whose ``parent`` is this event count), for its ``subevents`` area; None when they are
        not known, which leaves that area's Findings not assessed. See ``docs/rollup.md``.

    An event built in code is first checked as the loader checks a file (see
    :func:`venue_ready.validate`): an invalid one raises :class:`LoadError` with every problem,
    before any plugin runs. A plugin that raises, or returns something other than a list of
    Findings for the area, marks that area ``error`` (with the plugin's name and message); the
    other areas are assessed as usual and the report is *inconclusive*. Nothing here reads the
    clock except the default ``as_of``: the same event, ``as_of`` and plugins give the same
    report.
    """
    from ._version import __version__

    if plugins is None:
        from ._plugins import default_plugin_manager

        plugins = default_plugin_manager()
    if not isinstance(event, Event):
        raise TypeError(f"assess(event): expected an Event, got {type(event).__name__}")
    as_of = moment_in(event, as_of, "as_of", default_now=True)
    # An event built in code meets the loader's checks here, before any plugin sees it: a
    # mistake in it is the caller's (LoadError), not a plugin failure. A loaded one is known.
    require_valid(event, plugins)

    plugins.area_specs()  # may record failures of its own: they belong in this report too
    failures: list[PluginFailure] = list(plugins.failures)
    areas = [
        _assess_area(
            event, _records_until(plan, as_of), as_of, plugins, failures, subevents=subevents
        )
        for plan in event.areas
    ]

    overall = score_event([(a.weight, a.score, a.status) for a in areas])
    report = Report(
        event=event,
        as_of=as_of,
        score=overall.score,
        status=overall.status,
        # A plugin that failed anywhere (a policy, a format, an area no event names) could
        # have changed the verdict: the report says so, as the exit code 3 does.
        inconclusive=overall.inconclusive or bool(failures),
        areas=tuple(areas),
        generator_version=__version__,
        plugins=tuple(
            PluginInfo(name, *plugins.origin(name)) for name in sorted(plugins.plugin_names())
        ),
        failures=tuple(failures),
        catalogs=plugins.catalogs(),
        kind=plugins.event_kinds().get(event.kind),
    )
    return _adjust(report, plugins)


def _records_until(plan: AreaPlan, as_of: datetime) -> AreaPlan:
    """The plan with only the journal records that happened by ``as_of``, as the hook promises
    plugins (an event replayed up to a later moment may hold more)."""
    if all(record.at <= as_of for record in plan.records):
        return plan
    return attrs.evolve(plan, records=tuple(r for r in plan.records if r.at <= as_of))


def _assess_area(
    event: Event,
    plan: AreaPlan,
    as_of: datetime,
    plugins: PluginManager,
    failures: list[PluginFailure],
    *,
    subevents: Mapping[str, SubeventResult] | None = None,
) -> AreaReport:
    spec = plugins.area_specs().get(plan.key)
    provider = plugins.provider_of(plan.key) or None
    contested = plugins.contested(plan.key)
    errors: list[Message] = []
    if contested:
        errors.append(
            Message("report.area-contested", {"area": plan.key, "plugins": ", ".join(contested)})
        )
    elif spec is None:
        failed = ", ".join(f.describe() for f in plugins.failures) or "-"
        errors.append(Message("report.no-provider", {"area": plan.key, "failed": failed}))
    errors.extend(
        Message("report.plugin-failed", {"plugin": f.name, "stage": f.stage, "error": f.error})
        for f in plugins.failures
        if provider is not None and f.name == provider
    )

    def fail(name: str, problem: BaseException) -> None:
        failures.append(_failure(plugins, name, problem))
        errors.append(
            Message(
                "report.plugin-failed",
                {"plugin": name, "stage": "assess", "error": failures[-1].error},
            )
        )

    # The area's own Findings (its provider's, and the core checklist's items) are its baseline;
    # a policy plugin's Findings in an area it does not provide may only tighten it.
    findings: list[Finding] = []
    policies: list[tuple[str, list[Finding]]] = []
    for name, result, exc in plugins.call_each(
        "venue_ready_assess", event=event, area=plan, as_of=as_of
    ):
        if exc is not None:
            fail(name, exc)
            continue
        if result is None or name in contested:  # a contested area is scored from neither
            continue
        bad = _check_findings(result, plan.key)
        if bad is not None:
            fail(name, TypeError(bad))
        elif name == provider or plugins.is_builtin(name):
            findings.extend(result)
        elif not result:
            continue
        elif plugins.is_policy(name):
            policies.append((name, list(result)))
        else:
            fail(
                name,
                ValueError(
                    f"returned {len(result)} Finding(s) for area {plan.key!r}, which it does not "
                    "provide (a policy plugin says so with VENUE_READY_POLICY = True)"
                ),
            )

    if plan.key == "subevents" and spec is not None and provider == "subevents":
        # A core area: its Findings come from the children's results, which the hook has no
        # place for (docs/design.md, "Changes to the contracts").
        from ._subevents import subevent_findings

        try:
            children = subevent_findings(event, plan, as_of, subevents)
        except Exception as exc:
            if plugins.strict:
                raise
            fail("subevents", exc)
        else:
            bad = _check_findings(children, plan.key)  # the core's area keeps the plugins' rules
            if bad is None:
                findings.extend(children)
            else:
                fail("subevents", TypeError(bad))

    figures = score_area(findings, as_of, event.starts, event.ends, plan.threshold)
    for name, added in policies:
        tighter = score_area([*findings, *added], as_of, event.starts, event.ends, plan.threshold)
        loosened = _loosened_area(figures, tighter)
        if loosened is not None:
            fail(name, ValueError(f"its Findings for area {plan.key!r}, not its own, {loosened}"))
        else:
            findings.extend(added)
            figures = tighter
    return AreaReport(
        key=plan.key,
        title_vi=spec.title_vi if spec else plan.key,
        title_en=spec.title_en if spec else plan.key,
        weight=plan.weight,
        threshold=plan.threshold,
        score=figures.score,
        status=AreaStatus.ERROR if errors else figures.status,
        coverage=(figures.assessed, figures.expected),
        planned=figures.planned,
        earned=figures.earned,
        schedule_index=figures.schedule_index,
        during=figures.during,
        after=figures.after,
        findings=tuple(findings),
        errors=tuple(errors),
        provider=provider,
    )


def _check_findings(result: Any, area_key: str) -> str | None:
    """None when ``result`` is a list of well-formed Findings for ``area_key``; else what is
    wrong with the first one that is not.

    attrs validators run only when a Finding is built, and a plugin can get round them (or
    build a Finding they let through, such as ``credit=None``); this is the check that holds
    for every Finding the scoring sees. Plain ``isinstance`` and comparisons, in one pass: it
    runs for every Finding of every assessment (issue #16 counts its cost).
    """
    if not isinstance(result, list | tuple):
        return f"returned {type(result).__name__}, expected a list of Finding or None"
    for f in result:
        if type(f) is not Finding and not isinstance(f, Finding):
            return f"returned a list holding {type(f).__name__}, expected only Finding"
        code = f.code
        if not isinstance(code, str) or not code.strip():
            return f"returned a Finding whose code is {_short(code)}, not a non-empty string"
        if f.area != area_key:
            return f"returned a Finding for area {_short(f.area)} while assessing {area_key!r}"
        # type() first: the exact types are the common case and much cheaper than isinstance
        weight, credit, message = f.weight, f.credit, f.message
        wrong: tuple[str, object, str] | None = None
        if type(weight) not in _NUMBERS and (
            not isinstance(weight, _NUMBERS) or isinstance(weight, bool)
        ):
            wrong = "weight", weight, "a number"
        elif not 0 <= weight < _INF:  # also false for NaN
            wrong = "weight", weight, "finite and >= 0"
        elif type(credit) not in _NUMBERS and (
            not isinstance(credit, _NUMBERS) or isinstance(credit, bool)
        ):
            wrong = "credit", credit, "a number"
        elif not 0 <= credit <= 1:  # also false for NaN
            wrong = "credit", credit, "within 0..1"
        elif not isinstance(message, Message) or (message.params and not _plain(message.params)):
            wrong = "message", message, "a Message with plain parameters"
        elif type(f.gate) is not bool or type(f.assessed) is not bool:
            wrong = "gate and assessed", (f.gate, f.assessed), "True or False"
        elif not isinstance(f.phase, Phase):
            wrong = "phase", f.phase, "a Phase"
        elif not (f.subject is None or isinstance(f.subject, str)):
            wrong = "subject", f.subject, "text or None"
        elif not (f.owner is None or isinstance(f.owner, _OWNERS)):
            wrong = "owner", f.owner, "text, a Message or None"
        elif not (f.due is None or (isinstance(f.due, datetime) and f.due.tzinfo is not None)):
            wrong = "due", f.due, "a timezone-aware datetime or None"
        elif not (f.waiver is None or isinstance(f.waiver, Waiver)):
            wrong = "waiver", f.waiver, "a Waiver or None"
        elif not (f.reported_by is None or isinstance(f.reported_by, str)):
            wrong = "reported_by", f.reported_by, "text or None"
        elif not (
            f.reported_at is None
            or (isinstance(f.reported_at, datetime) and f.reported_at.tzinfo is not None)
        ):
            wrong = "reported_at", f.reported_at, "a timezone-aware datetime or None"
        if wrong is not None:
            name, value, expected = wrong
            return (
                f"returned Finding {code} ({f.subject}) with {name} {_short(value)}, not {expected}"
            )
    return None


_INF = math.inf
_NUMBERS = (int, float)
_OWNERS = (str, Message)
_PLAIN = (str, int, float, date, type(None))  # bool is an int; datetime a date
_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_short = _repr.repr


def _plain(params: object, depth: int = 0) -> bool:
    """True when a Message's parameters are what the renderers and the JSON can show, under
    text keys: text, finite numbers, booleans, dates and datetimes, None, or a Message (a role
    named in both languages) whose own parameters are plain, a few levels deep at most."""
    if type(params) is not ReadOnlyDict and type(params) is not dict:
        return False
    for key, value in params.items():
        if type(key) is not str:
            return False
        kind = type(value)
        if kind is str or kind is int:
            continue
        if kind is float:
            if value - value != 0:  # NaN or an infinity (inf - inf is NaN)
                return False
        elif kind is Message:
            if value.params and (depth >= _DEPTH or not _plain(value.params, depth + 1)):
                return False
        elif not isinstance(value, _PLAIN) or (isinstance(value, float) and value - value != 0):
            return False
    return True


_DEPTH = 3


def _loosened_area(before: AreaScore, after: AreaScore) -> str | None:
    """What ``after`` (the area with a policy plugin's Findings added) loosens compared with
    ``before``, or None when it only tightens: a policy may lower an area's score and progress,
    worsen its status and add unmet requirements, as ``venue_ready_adjust_report`` may."""
    if after.status.severity < before.status.severity:
        return f"would raise its status from {before.status} to {after.status}"
    for what, old, new in (
        ("score", before.score, after.score),
        ("progress during the event", before.during, after.during),
        ("progress after the event", before.after, after.after),
    ):
        if new is not None and (new > (0.0 if old is None else old) + 1e-9):
            return f"would raise its {what}"
    return None


def _failure(plugins: PluginManager, name: str, exc: BaseException) -> PluginFailure:
    from ._errors import PluginFailure, _error_text

    return PluginFailure(name, *plugins.origin(name), "assess", _error_text(exc))


def _adjust(report: Report, plugins: PluginManager) -> Report:
    """Let policy plugins tighten the report, refusing any change that loosens it."""
    caller = plugins.hook.venue_ready_adjust_report
    for impl in caller.get_hookimpls():
        try:
            result = plugins.call_impl(impl, "venue_ready_adjust_report", {"report": report})
        except Exception as exc:
            if plugins.strict:
                raise
            report = _with_failure(report, _adjust_failure(plugins, impl.plugin_name, exc))
            continue
        if result is None:
            continue
        problem = _loosens(report, result)
        if problem is not None or not isinstance(result, Report):
            report = _with_failure(
                report, _adjust_failure(plugins, impl.plugin_name, ValueError(problem))
            )
            continue
        overall = score_event([(a.weight, a.score, a.status) for a in result.areas])
        report = attrs.evolve(
            result,
            status=worst_status([result.status, overall.status]),
            score=_lowest(result.score, overall.score),
            inconclusive=result.inconclusive or overall.inconclusive,
        )
    return report


def _adjust_failure(plugins: PluginManager, name: str, exc: BaseException) -> PluginFailure:
    from ._errors import PluginFailure, _error_text

    return PluginFailure(name, *plugins.origin(name), "adjust_report", _error_text(exc))


def _with_failure(report: Report, failure: PluginFailure) -> Report:
    return attrs.evolve(report, failures=(*report.failures, failure), inconclusive=True)


def _lowest(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return a if b is None else b
    return min(a, b)


def _loosens(before: Report, after: object) -> str | None:
    """What ``after`` loosens compared with ``before``, or None when it only tightens.

    Tightening may lower scores and credits, worsen statuses, add Findings, errors and failures.
    Anything else (a better status, a higher score or credit, a Finding, gate or failure gone, a
    different event or moment) would let a policy plugin hide what the report found.
    """
    if not isinstance(after, Report):
        return f"returned {type(after).__name__}, expected a Report or None"
    if after.event is not before.event or after.as_of != before.as_of:
        return "changed the event or the moment of the assessment"
    if not _score_or_none(after.score) or not all(_score_or_none(a.score) for a in after.areas):
        return "returned a score that is not a number from 0 to 100"
    if [a.key for a in after.areas] != [a.key for a in before.areas]:
        return "changed the list of areas"
    if after.status.severity < before.status.severity:
        return f"raised the event status from {before.status} to {after.status}"
    if _higher(after.score, before.score):
        return "raised the event score"
    if any(f not in after.failures for f in before.failures):
        return "removed a plugin failure"
    if before.inconclusive and not after.inconclusive:
        return "made an inconclusive report conclusive"
    for old, new in zip(before.areas, after.areas, strict=True):
        if new.status.severity < old.status.severity:
            return f"raised area {old.key!r} from {old.status} to {new.status}"
        if _higher(new.score, old.score):
            return f"raised the score of area {old.key!r}"
        if any(e not in new.errors for e in old.errors):  # Messages hold dicts: no sets
            return f"removed an error of area {old.key!r}"
        if new.findings is not old.findings:
            bad = _check_findings(new.findings, new.key)
            if bad is not None:
                return f"in area {old.key!r}: {bad}"
        kept: dict[tuple[str, str | None], list[Finding]] = {}
        for f in new.findings:
            kept.setdefault((f.code, f.subject), []).append(f)
        for f in old.findings:
            candidates = kept.get((f.code, f.subject), [])
            match = next(
                (
                    c
                    for c in candidates
                    if c.credit <= f.credit
                    and c.gate >= f.gate
                    and c.weight == f.weight
                    and (c.waiver is None or f.waiver is not None)
                ),
                None,
            )
            if match is None:
                return f"removed or loosened Finding {f.code} ({f.subject}) of area {old.key!r}"
            candidates.remove(match)
    return None


def _score_or_none(score: object) -> bool:
    return score is None or (
        isinstance(score, int | float) and not isinstance(score, bool) and 0 <= score <= 100
    )


def _higher(new: float | None, old: float | None) -> bool:
    if old is None:
        return new is not None
    return new is not None and new > old + 1e-9
