"""The Report: what an assessment found, area by area, ready to render or to serialise.

``Report.to_dict()`` and ``Report.to_json()`` give the versioned JSON documented in
``docs/report-json.md`` and described by the JSON Schema shipped as
``venue_ready/schema/report.schema.json``. The same event, ``as_of`` and plugins give
byte-identical JSON.

A Report is also ready to print in either language (``"vi"`` or ``"en"``; any other is
refused with :class:`ValueError`): :meth:`Report.findings` and :meth:`Report.by_owner` list and
group its Findings, :meth:`Report.owner_text`, :meth:`Report.message_text`,
:meth:`Report.area_title`, :meth:`Report.moment_text` and :meth:`Report.number_text` put them in
words, and :func:`status_title` names a status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, overload

from attrs import field, frozen

from ._dates import isoformat
from ._i18n import check_lang
from ._kinds import EventKind
from ._model import AreaStatus, Event, Finding, Message, Phase, Status, moment_in
from ._names import fold_name
from ._scoring import effective_due, is_blocking, is_overdue

if TYPE_CHECKING:
    from ._errors import PluginFailure
    from ._plugins import PluginManager

#: The built-in text formats, whose :meth:`Report.render` is ``str`` for a type checker too.
TextFormat = Literal["text", "json", "md", "html"]

__all__ = [
    "REPORT_SCHEMA_VERSION",
    "AreaReport",
    "HistoryPoint",
    "PluginInfo",
    "Report",
    "status_title",
]

#: Version of the JSON report layout; bumped on any incompatible change.
REPORT_SCHEMA_VERSION = 1
#: How many of the next items due a report lists.
NEXT_DUE_LIMIT = 10


def status_title(status: AreaStatus | Status, lang: str) -> str:
    """A status in words, in ``lang`` (``"vi"`` or ``"en"``): an area's or the event's verdict
    (``status_title(AreaStatus.AT_RISK, "vi")`` is "Chậm tiến độ", as the reports say it) or a
    checklist item's (``status_title(Status.IN_PROGRESS, "en")`` is "in progress").

    A plain string is refused with :class:`TypeError`: ``"blocked"`` is both an area's verdict
    and an item's status, worded differently; pass ``AreaStatus("blocked")`` or
    ``Status("blocked")``. An unsupported ``lang`` raises :class:`ValueError`.
    """
    check_lang(lang)
    if isinstance(status, AreaStatus):
        return status.label(lang)
    if isinstance(status, Status):
        from ._i18n import gettext

        return gettext(f"item-status.{status.value}", lang)
    raise TypeError(
        f"status must be an AreaStatus or a Status, got {status!r} ({type(status).__name__}); "
        "pass AreaStatus(value) for a verdict, Status(value) for a checklist item's status"
    )


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
        """The area's title in ``lang`` (``"vi"`` or ``"en"``; any other raises
        :class:`ValueError`)."""
        return self.title_vi if check_lang(lang) == "vi" else self.title_en


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
    each day of the readiness timeline (the days the library chooses for it, at most 120 of
    them); the HTML timeline draws it. ``kind`` is the event's :class:`EventKind`, as the
    plugins knew it (None for a report made without it).
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
    kind: EventKind | None = field(default=None, eq=False, repr=False)
    # the roles plugins name, by their name in the event's language (folded): filled on first use
    _roles: dict[str, Message | None] = field(init=False, factory=dict, eq=False, repr=False)

    # -- derived lists: computed from the areas, never stored ----------------------------------

    def _all(self) -> list[Finding]:
        return [f for area in self.areas for f in area.findings]

    def _lang(self, lang: str | None) -> str:
        """``lang``, or the event's language; refused unless it is ``"vi"`` or ``"en"``."""
        return check_lang(lang or self.event.lang)

    def findings(
        self, *, area: str | None = None, phase: Phase | None = None, met: bool | None = None
    ) -> list[Finding]:
        """Every Finding of the report, in report order (area by area, each area's in order),
        optionally only those of ``area`` (a key the report has: any other raises
        :class:`KeyError` naming them), of ``phase``, or met (``met=True``) or not yet met
        (``met=False``: the work still to do).

        ``report.findings(met=False, phase=Phase.BEFORE)`` is what remains before the opening.
        """
        if area is not None and self.area(area) is None:
            known = ", ".join(a.key for a in self.areas) or "none"
            raise KeyError(f"area={area!r} is not in this report (its areas: {known})")
        return [
            f
            for a in self.areas
            if area is None or a.key == area
            for f in a.findings
            if (phase is None or f.phase is phase) and (met is None or f.met is met)
        ]

    def by_owner(
        self, findings: Iterable[Finding] | None = None, *, lang: str | None = None
    ) -> dict[str | None, list[Finding]]:
        """Findings grouped by who is in charge ("rõ người"): owner's name in ``lang`` → that
        owner's Findings, in the order given.

        ``findings`` defaults to every Finding of the report (:meth:`findings`); pass
        ``report.findings(met=False)`` for the work still to do, or :attr:`overdue`. An owner a
        plugin names as a role (a :class:`~venue_ready.Message`) is its name in ``lang``
        (default: the event's language), as :meth:`owner_text` gives it. One body is one owner:
        names written with a different case or spacing (:func:`~venue_ready.fold_name`), and a
        role whose name in the event's language is a name the file writes, are one group, under
        the role's name in ``lang`` (else the spelling seen first). Owners come in the order
        they are first met; Findings with no owner come last, under ``None``.
        """
        lang = self._lang(lang)
        # One body is one owner in every language: a role a plugin names and the same body
        # written in the file are matched by their names in the event's own language, and the
        # group shown under the role's name in ``lang`` (the file's spelling is the event's).
        home = self.event.lang
        labels: dict[str, str] = {}  # a body's fold (in the event's language) -> its label
        members: dict[str, list[Finding]] = {}
        unowned: list[Finding] = []
        for f in self._all() if findings is None else findings:
            name = self.owner_text(f, lang)
            if name is None:
                unowned.append(f)
                continue
            body = fold_name(self.owner_text(f, home) or name)
            if body not in labels or isinstance(f.owner, Message):
                labels[body] = name
            members.setdefault(body, []).append(f)
        groups: dict[str | None, list[Finding]] = {}
        for body, found in members.items():
            groups.setdefault(labels[body], []).extend(found)
        if unowned:
            groups[None] = unowned
        return groups

    def area_title(self, key: str, lang: str | None = None) -> str:
        """The title of area ``key`` in ``lang`` (default: the event's language); an area the
        report does not have raises :class:`KeyError` naming those it has."""
        found = self.area(key)
        if found is None:
            known = ", ".join(a.key for a in self.areas) or "none"
            raise KeyError(f"area {key!r} is not in this report (its areas: {known})")
        return found.title(self._lang(lang))

    def kind_text(self, lang: str | None = None) -> str:
        """The event's kind in words, with a congress's form: "Đại hội Đảng bộ (đại hội đại
        biểu)"; the kind's key when the plugins that made the report did not know it."""
        lang = self._lang(lang)
        title = self.kind.title(lang) if self.kind is not None else self.event.kind
        if self.event.form is None:
            return title
        form = self.translate(Message(f"form.{self.event.form}"), lang)
        return f"{title} ({form})"

    def moment_text(
        self, value: date | datetime | None, lang: str | None = None, *, short: bool = False
    ) -> str:
        """A date or moment the way the report writes it: in ``lang`` (default: the event's
        language), a datetime shown in the event's time zone (a naive one is read as already
        there): ``report.moment_text(finding.due)`` is "17 giờ 00 ngày 14 tháng 5 năm 2020".
        None (no due date) is a dash, as in the reports' tables. The formatting is
        :func:`~venue_ready.format_datetime`'s; with ``short=True``, the table form of
        :func:`~venue_ready.format_date_short` ("17:00 14/5/2020"), as the reports' due
        columns write it."""

        lang = self._lang(lang)
        if value is None:
            return "—"
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(self.event.tz)
        from ._i18n import format_date_short, format_datetime

        return format_date_short(value, lang) if short else format_datetime(value, lang)

    def number_text(self, value: float, lang: str | None = None, *, digits: int = 1) -> str:
        """A number the way the report writes it, in ``lang`` (default: the event's language),
        to at most ``digits`` decimals: ``96.7`` is "96,7" in Vietnamese. The formatting is
        :func:`~venue_ready.format_number`'s; for a score, :func:`~venue_ready.format_score`
        rounds down, as the reports do."""
        from ._i18n import format_number

        return format_number(value, self._lang(lang), digits)

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
        start (``before``) or end (``during``). ``until`` follows the one moment rule: an aware
        datetime, or a naive one read in the event's zone."""
        ev = self.event
        if until is not None:
            until = moment_in(ev, until, "until")
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
        lang = self._lang(lang)
        age = self.reported_age(finding)
        if age is None:
            return None
        from ._i18n import gettext

        if finding.reported_at is not None and finding.reported_at > self.as_of:
            # written later about what had happened by then ("--known-at now")
            when = finding.reported_at.astimezone(self.event.tz)
            return gettext("report.reported-later", lang, by=finding.reported_by, at=when)

        count, unit = age
        # "1 hours ago" reads wrong: the singular has a message of its own
        singular = unit.removesuffix("s")
        return gettext(
            f"report.reported-{singular if count == 1 else unit}",
            lang,
            by=finding.reported_by or "?",
            count=count,
        )

    def is_blocking(self, finding: Finding) -> bool:
        """True when ``finding`` blocks its area as of the report's moment."""
        ev = self.event
        return is_blocking(finding, self.as_of, ev.starts, ev.ends)

    def owner_text(self, finding: Finding, lang: str | None = None) -> str | None:
        """Who is in charge of ``finding`` as text, in ``lang`` (default: the event's language):
        a name from the event's data as written, a role a plugin names (a
        :class:`~venue_ready.Message`) translated; None when nobody is named. A name the file
        writes that is a role's name in the event's language is that role, in ``lang`` too (one
        body is one owner in every language). Print this, not ``finding.owner``, which may be
        a Message."""
        lang = self._lang(lang)
        owner = finding.owner
        if isinstance(owner, Message):
            return self.translate(owner, lang)
        if owner is not None and lang != self.event.lang:
            # one body, one name: the file's "Tiểu ban Phục vụ" is the role a plugin names
            # "Service sub-committee" in English, not a second owner beside it
            role = self._role_named(owner)
            if role is not None:
                return self.translate(role, lang)
        return owner

    def _role_named(self, name: str) -> Message | None:
        """The role a plugin names in this report whose name in the event's language is
        ``name`` (case and spacing aside), or None."""
        roles = self._roles
        if not roles:
            home = self.event.lang
            for f in self._all():
                if isinstance(f.owner, Message):
                    roles.setdefault(fold_name(self.translate(f.owner, home)), f.owner)
            roles.setdefault("", None)  # looked: an empty report has no role
        return roles.get(fold_name(name))

    def message_text(self, finding: Finding, lang: str | None = None) -> str:
        """A Finding's message rendered in ``lang`` (default: the event's language)."""
        return self.translate(finding.message, lang)

    def translate(self, message: Message, lang: str | None = None) -> str:
        """Any message (a Finding's, an area error) rendered in ``lang`` (default: the event's
        language) with the plugins' catalogs, dates shown in the event's time zone."""
        from ._i18n import translate

        return translate(message, self._lang(lang), self.catalogs, self.event.tz)

    def area(self, key: str) -> AreaReport | None:
        """The report of area ``key``, or None."""
        for area in self.areas:
            if area.key == key:
                return area
        return None

    # -- serialisation ---------------------------------------------------------------------------

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        """The report as plain data (the versioned JSON layout), messages rendered in ``lang``
        (default: the event's language). A language other than ``"vi"`` or ``"en"`` raises
        :class:`ValueError`: the JSON schema knows those two."""
        from ._i18n import translate

        lang = self._lang(lang)
        ev = self.event
        # Every instant is written in the event's own time zone, so that a deadline given as a
        # bare date reads as that date again, whatever offset the file wrote `starts` in.
        tz = ev.tz

        def param(value: Any) -> Any:
            if isinstance(value, Message):  # a nested message (a role): its text
                return translate(value, lang, self.catalogs, tz)
            return _plain(value, tz)

        # Each distinct message is formatted once (#16): a large report repeats its messages
        # (the blockers, overdue and due lists quote the Findings'), and a checklist's items
        # often read alike. The key holds each parameter's exact type beside its value, so that
        # values equal in Python but written differently (1, 1.0 and True) are not mixed up;
        # a message with any other parameter (a datetime, a nested message) is not cached.
        rendered: dict[Any, tuple[dict[str, Any], str]] = {}

        def message(m: Message) -> dict[str, Any]:
            key = _message_key(m)
            done = rendered.get(key) if key is not None else None
            if done is None:
                done = (
                    {k: param(v) for k, v in sorted(m.params.items())},
                    translate(m, lang, self.catalogs, tz),
                )
                if key is not None:
                    rendered[key] = done
            # a fresh dict each time: the caller may change one message without the others
            return {"id": m.id, "params": dict(done[0]), "text": done[1]}

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
                "kind_title": self.kind.title(lang) if self.kind is not None else None,
                "form": ev.form,
                "organiser": ev.organiser,
                "attendance": {
                    "participants": ev.attendance.participants,
                    "guests": ev.attendance.guests,
                    "staff": ev.attendance.staff,
                    "at_once": ev.attendance.at_once,
                },
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

    @overload
    def render(
        self,
        fmt: TextFormat = "text",
        lang: str | None = None,
        plugins: PluginManager | None = None,
    ) -> str: ...

    @overload
    def render(
        self, fmt: str, lang: str | None = None, plugins: PluginManager | None = None
    ) -> str | bytes: ...

    def render(
        self, fmt: str = "text", lang: str | None = None, plugins: PluginManager | None = None
    ) -> str | bytes:
        """The report in format ``fmt``, in ``lang`` (default: the event's language).

        The formats are the built-in ones (``text``, ``json``, ``md``, ``html``; ``xlsx``, bytes,
        with the ``office`` extra; ``ics``, calendar to-dos, bytes, with the ``calendar`` extra)
        and those the plugins add, looked up in :meth:`PluginManager.renderers
        <venue_ready.PluginManager.renderers>` of ``plugins`` (by default the installed plugins,
        :func:`~venue_ready.default_plugin_manager`; a built-in format needs none).
        A text format returns ``str``; a binary one (its :class:`~venue_ready.Renderer` says
        ``binary``, with its ``extension`` and ``media_type``) returns ``bytes``.
        An unknown format raises :class:`ValueError` naming the known ones, and so does a
        ``lang`` other than ``"vi"`` or ``"en"``; a renderer that returns something other than
        it promises (text, or bytes for a binary format) raises :class:`TypeError`.
        """
        from ._render import BUILTIN_FORMATS, builtin_renderer

        lang = self._lang(lang)
        if plugins is None and fmt in BUILTIN_FORMATS:
            return builtin_renderer(fmt)(self, lang)  # no plugin manager to build
        if plugins is None:
            from ._plugins import default_plugin_manager

            plugins = default_plugin_manager()
        renderer = plugins.renderer(fmt)
        if renderer is None:
            known = ", ".join(plugins.format_names())
            raise ValueError(f"unknown format {fmt!r}; known formats: {known}")
        return renderer.check_output(renderer.render(self, lang))

    def to_json(self, lang: str | None = None, *, indent: int | None = 2) -> str:
        """The report as JSON text (UTF-8 safe, Vietnamese kept as is), ending in a newline;
        ``lang`` as in :meth:`to_dict` (``"fr"`` raises :class:`ValueError`)."""
        import gc

        from ._jsontext import dumps

        # A large report makes hundreds of thousands of short-lived objects here, none of them
        # in a cycle: the collector would walk the whole heap (the event, the Findings) several
        # times for nothing (#16: about a tenth of a 10,000-item check). It is paused, and
        # resumed as it was found; reference counting still frees everything.
        paused = gc.isenabled()
        gc.disable()
        try:
            return dumps(self.to_dict(lang), indent=indent) + "\n"
        finally:
            if paused:
                gc.enable()


# The parameter types whose equal values are always rendered alike (exact types: True == 1,
# and 1 == 1.0, but each is written its own way).
_KEYED = frozenset({str, int, bool, type(None), date})


def _message_key(m: Message) -> tuple[Any, ...] | None:
    """What makes ``m``'s rendering in one report: its id and its parameters with their exact
    types; None when a parameter is of a type not in :data:`_KEYED`."""
    params = m.params
    if not _KEYED.issuperset(map(type, params.values())):
        return None
    return (m.id, *[(k, type(v), v) for k, v in params.items()])


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
