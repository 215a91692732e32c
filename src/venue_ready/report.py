"""The Report: what an assessment found, area by area, ready to render or to serialise.

``Report.to_dict()`` and ``Report.to_json()`` give the versioned JSON documented in
``docs/report-json.md`` and described by the JSON Schema shipped as
``venue_ready/schema/report.schema.json``. The same event, ``as_of`` and plugins give
byte-identical JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from .dates import isoformat
from .model import AreaStatus, Event, Finding, Message, Phase
from .scoring import effective_due, is_blocking, is_overdue

if TYPE_CHECKING:
    from .errors import PluginFailure
    from .plugins import PluginManager

__all__ = ["REPORT_SCHEMA_VERSION", "AreaReport", "HistoryPoint", "PluginInfo", "Report"]

#: Version of the JSON report layout; bumped on any incompatible change.
REPORT_SCHEMA_VERSION = 1
#: How many of the next items due a report lists.
NEXT_DUE_LIMIT = 10


@frozen
class PluginInfo:
    """A plugin that took part: its name, distribution and version (None when unknown)."""

    name: str
    distribution: str | None = None
    version: str | None = None


@frozen
class HistoryPoint:
    """The event's readiness at one past moment, replayed from the journal."""

    at: datetime
    score: float | None
    status: AreaStatus


@frozen
class AreaReport:
    """One area's result. ``score`` is 0..100 or None; ``errors`` explains an ``error`` status.

    ``coverage`` is ``(assessed, expected)``: how many of the Findings the area expected were
    actually assessed. ``during`` and ``after`` are 0..1 progress figures for Findings of those
    phases (None when there are none); they never count towards readiness.
    """

    key: str
    title_vi: str
    title_en: str
    weight: float
    threshold: float
    score: float | None
    status: AreaStatus
    coverage: tuple[int, int]
    planned: float
    earned: float
    schedule_index: float | None
    during: float | None
    after: float | None
    findings: tuple[Finding, ...]
    errors: tuple[Message, ...] = ()
    provider: str | None = None

    def title(self, lang: str) -> str:
        """The area's title in ``lang``."""
        return self.title_vi if lang == "vi" else self.title_en


@frozen
class Report:
    """The result of :func:`venue_ready.assess`.

    ``status`` is the worst area status; ``score`` the weighted mean of conclusive areas' scores
    (None when there is none); ``inconclusive`` is True when some area is ``error`` or any plugin
    failed (exit 3).
    ``failures`` lists plugins that failed to load or to run. ``catalogs`` holds the plugins'
    message catalogs, so the report can be rendered after the plugins are gone. ``history``
    is the readiness at earlier moments, replayed from the journal, oldest first: empty unless
    the report was made by :func:`venue_ready.assess_with_history`, which fills it at the end of
    each day of the readiness timeline (:mod:`venue_ready.timeline`); the HTML timeline draws it.
    """

    event: Event
    as_of: datetime
    score: float | None
    status: AreaStatus
    inconclusive: bool
    areas: tuple[AreaReport, ...]
    generator_version: str
    plugins: tuple[PluginInfo, ...] = ()
    failures: tuple[PluginFailure, ...] = ()
    catalogs: Mapping[str, Mapping[str, str]] = field(factory=dict, eq=False, repr=False)
    history: tuple[HistoryPoint, ...] = ()

    # -- derived lists: computed from the areas, never stored ----------------------------------

    def _all(self) -> list[Finding]:
        return [f for area in self.areas for f in area.findings]

    @property
    def blockers(self) -> list[Finding]:
        """Unmet gates: every ``before`` gate not yet met, and later gates already past due."""
        ev = self.event
        return [
            f
            for f in self._all()
            if f.gate
            and not f.met
            and (f.phase is Phase.BEFORE or is_blocking(f, self.as_of, ev.starts, ev.ends))
        ]

    @property
    def overdue(self) -> list[Finding]:
        """Findings past their effective due and not met, earliest first."""
        ev = self.event
        late = [f for f in self._all() if is_overdue(f, self.as_of, ev.starts, ev.ends)]
        return sorted(late, key=self._due_key)

    @property
    def next_due(self) -> list[Finding]:
        """The next Findings due (not met, due at or after ``as_of``), soonest first; at most
        ten of them."""
        return self.due_until(None)[:NEXT_DUE_LIMIT]

    def due_until(self, until: datetime | None) -> list[Finding]:
        """Findings not met whose effective due falls from ``as_of`` up to ``until`` (None: any
        time later), soonest first. A Finding without a due date counts as due at the event's
        start (``before``) or end (``during``)."""
        ev = self.event
        upcoming = []
        for f in self._all():
            due = effective_due(f, ev.starts, ev.ends)
            if f.met or due is None or due < self.as_of:
                continue
            if until is None or due <= until:
                upcoming.append(f)
        return sorted(upcoming, key=self._due_key)

    def effective_due(self, finding: Finding) -> datetime | None:
        """When ``finding`` is due: its own due date, else the event's start (``before``) or
        end (``during``); None for an ``after`` Finding without one."""
        return effective_due(finding, self.event.starts, self.event.ends)

    @property
    def self_reported(self) -> list[Finding]:
        """Findings whose result a team reported in the journal, the oldest report first: the
        ones most in need of a fresh look."""
        found = [f for f in self._all() if f.reported_at is not None]
        return sorted(found, key=lambda f: (f.reported_at, f.area, f.subject or ""))

    @property
    def waivers(self) -> list[Finding]:
        """Every waived Finding: the report must list each one."""
        return [f for f in self._all() if f.waiver is not None]

    def _due_key(self, f: Finding) -> tuple[datetime, str, str]:
        due = effective_due(f, self.event.starts, self.event.ends) or self.event.ends
        return due, f.area, f.subject or ""

    def reported_age(self, finding: Finding) -> tuple[int, str] | None:
        """How old a self-reported result is at the report's moment: ``(n, "hours")`` under
        two days, else ``(n, "days")``, rounded down; None for a result from the plan."""
        if finding.reported_at is None:
            return None
        hours = _hours(self.as_of - finding.reported_at)
        return (hours, "hours") if hours < 48 else (hours // 24, "days")

    def reported_text(self, finding: Finding, lang: str | None = None) -> str | None:
        """ "reported by X, 3 days ago" in ``lang``; None for a result from the plan."""
        age = self.reported_age(finding)
        if age is None:
            return None
        from .i18n import gettext

        if finding.reported_at is not None and finding.reported_at > self.as_of:
            # written later about what had happened by then ("--known-at now")
            when = finding.reported_at.astimezone(self.event.tz)
            return gettext(
                "report.reported-later", lang or self.event.lang, by=finding.reported_by, at=when
            )

        count, unit = age
        # "1 hours ago" reads wrong: the singular has a message of its own
        singular = unit.removesuffix("s")
        return gettext(
            f"report.reported-{singular if count == 1 else unit}",
            lang or self.event.lang,
            by=finding.reported_by or "?",
            count=count,
        )

    def is_blocking(self, finding: Finding) -> bool:
        """True when ``finding`` blocks its area as of the report's moment."""
        ev = self.event
        return is_blocking(finding, self.as_of, ev.starts, ev.ends)

    def owner_text(self, finding: Finding, lang: str | None = None) -> str | None:
        """Who is in charge of ``finding``, in ``lang`` (a role a plugin names as a Message is
        translated); None when nobody is named."""
        owner = finding.owner
        if isinstance(owner, Message):
            return self.translate(owner, lang)
        return owner

    def message_text(self, finding: Finding, lang: str | None = None) -> str:
        """A Finding's message rendered in ``lang`` (default: the event's language)."""
        return self.translate(finding.message, lang)

    def translate(self, message: Message, lang: str | None = None) -> str:
        """Any message (a Finding's, an area error) rendered in ``lang`` (default: the event's
        language) with the plugins' catalogs, dates shown in the event's time zone."""
        from .i18n import translate

        return translate(message, lang or self.event.lang, self.catalogs, self.event.tz)

    def area(self, key: str) -> AreaReport | None:
        """The report of area ``key``, or None."""
        for area in self.areas:
            if area.key == key:
                return area
        return None

    # -- serialisation ---------------------------------------------------------------------------

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The report as plain data (the versioned JSON layout), messages rendered in ``lang``
        (default: the event's language)."""
        from .i18n import translate

        lang = lang or self.event.lang
        ev = self.event
        # Every instant is written in the event's own time zone, so that a deadline given as a
        # bare date reads as that date again, whatever offset the file wrote `starts` in.
        tz = ev.tz

        def param(value: Any) -> Any:
            if isinstance(value, Message):  # a nested message (a role): its text
                return translate(value, lang, self.catalogs, tz)
            return _plain(value, tz)

        def message(m: Message) -> dict[str, Any]:
            return {
                "id": m.id,
                "params": {k: param(v) for k, v in sorted(m.params.items())},
                "text": translate(m, lang, self.catalogs, tz),
            }

        def finding(f: Finding) -> dict[str, Any]:
            return {
                "area": f.area,
                "code": f.code,
                "subject": f.subject,
                "weight": f.weight,
                "credit": f.credit,
                "gate": f.gate,
                "phase": f.phase.value,
                "due": isoformat(f.due, tz) if f.due is not None else None,
                "owner": self.owner_text(f, lang),
                "assessed": f.assessed,
                "overdue": is_overdue(f, self.as_of, ev.starts, ev.ends),
                "blocking": is_blocking(f, self.as_of, ev.starts, ev.ends),
                "message": message(f.message),
                "waiver": (
                    {"reason": f.waiver.reason, "approved_by": f.waiver.approved_by}
                    if f.waiver is not None
                    else None
                ),
                "reported": (
                    {
                        "by": f.reported_by,
                        "at": isoformat(f.reported_at, tz),
                        "age_hours": _hours(self.as_of - f.reported_at),
                    }
                    if f.reported_at is not None
                    else None
                ),
            }

        def ref(f: Finding) -> dict[str, Any]:
            return {
                "area": f.area,
                "code": f.code,
                "subject": f.subject,
                "owner": self.owner_text(f, lang),
                "due": isoformat(f.due, tz) if f.due is not None else None,
                "message": message(f.message),
            }

        return {
            "schema_version": REPORT_SCHEMA_VERSION,
            "generator": {
                "name": "venue_ready",
                "version": self.generator_version,
                "plugins": [
                    {"name": p.name, "distribution": p.distribution, "version": p.version}
                    for p in self.plugins
                ],
                "failures": [
                    {
                        "name": fail.name,
                        "distribution": fail.distribution,
                        "version": fail.version,
                        "stage": fail.stage,
                        "error": fail.error,
                    }
                    for fail in self.failures
                ],
            },
            "event": {
                "id": ev.id,
                "name": ev.name,
                "kind": ev.kind,
                "level": ev.level,
                "ordinal": ev.ordinal,
                "term": list(ev.term) if ev.term is not None else None,
                "starts": isoformat(ev.starts, tz),
                "ends": isoformat(ev.ends, tz),
                "timezone": ev.timezone,
                "lang": ev.lang,
                "expected_delegates": ev.expected_delegates,
                "venue": ev.venue.name if ev.venue is not None else None,
                "parent": ev.parent,
                "held_at": isoformat(ev.held_at, tz) if ev.held_at is not None else None,
                "delegates_elected": ev.delegates_elected,
            },
            "lang": lang,
            "as_of": isoformat(self.as_of, tz),
            "score": _round(self.score),
            "status": self.status.value,
            "inconclusive": self.inconclusive,
            "areas": [
                {
                    "key": a.key,
                    "title": a.title(lang),
                    "provider": a.provider,
                    "score": _round(a.score),
                    "status": a.status.value,
                    "weight": a.weight,
                    "threshold": a.threshold,
                    "coverage": {"assessed": a.coverage[0], "expected": a.coverage[1]},
                    "planned": _round(a.planned),
                    "earned": _round(a.earned),
                    "schedule_index": _round(a.schedule_index, 4),
                    "during": _round(a.during, 4),
                    "after": _round(a.after, 4),
                    "errors": [message(m)["text"] for m in a.errors],
                    "findings": [finding(f) for f in a.findings],
                }
                for a in self.areas
            ],
            "blockers": [ref(f) for f in self.blockers],
            "overdue": [ref(f) for f in self.overdue],
            "next_due": [ref(f) for f in self.next_due],
            "waivers": [
                {**ref(f), "reason": f.waiver.reason, "approved_by": f.waiver.approved_by}
                for f in self.waivers
                if f.waiver is not None
            ],
        }

    def render(
        self, fmt: str = "text", lang: str | None = None, plugins: PluginManager | None = None
    ) -> str:
        """The report in format ``fmt``, in ``lang`` (default: the event's language).

        The formats are the built-in ones (``text``, ``json``, ``md``, ``html``) and those the
        plugins add, looked up in :meth:`PluginManager.renderers
        <venue_ready.PluginManager.renderers>` of ``plugins`` (by default the installed
        plugins; a built-in format needs none). An unknown format raises :class:`ValueError`
        naming the known ones; a renderer that returns something other than text raises
        :class:`TypeError`.
        """
        from .render import BUILTIN_FORMATS, builtin_renderer

        lang = lang or self.event.lang
        if plugins is None and fmt in BUILTIN_FORMATS:
            return builtin_renderer(fmt)(self, lang)  # no plugin manager to build
        if plugins is None:
            from .plugins import get_plugin_manager

            plugins = get_plugin_manager()
        renderer = plugins.renderer(fmt)
        if renderer is None:
            known = ", ".join(plugins.format_names())
            raise ValueError(f"unknown format {fmt!r}; known formats: {known}")
        text = renderer.render(self, lang)
        if not isinstance(text, str):
            raise TypeError(f"format {fmt!r} returned {type(text).__name__}, expected str")
        return text

    def to_json(self, lang: str | None = None, *, indent: int | None = 2) -> str:
        """The report as JSON text (UTF-8 safe, Vietnamese kept as is), ending in a newline."""
        from .jsontext import dumps

        return dumps(self.to_dict(lang), indent=indent) + "\n"


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _plain(value: Any, tz: Any) -> Any:
    if isinstance(value, datetime):
        return isoformat(value, tz)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _hours(span: timedelta) -> int:
    """Whole hours in ``span``, rounded down; never negative."""
    return max(0, int(span.total_seconds() // 3600))
