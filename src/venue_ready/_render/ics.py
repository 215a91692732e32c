"""The ``ics`` format: every dated Finding of a report as a to-do (VTODO) of an iCalendar file
(RFC 5545), for a team to import its deadlines into a calendar or task application.

Each to-do carries the Finding's sentence (SUMMARY, in the report's language), its due moment
(DUE, in the event's time zone, with the zone's VTIMEZONE), its state (STATUS, and
PERCENT-COMPLETE while in progress), who is in charge (its CATEGORIES and a DESCRIPTION line:
an ORGANIZER or ATTENDEE would need an e-mail address, which the event file does not hold),
a higher PRIORITY for a critical condition, and a reminder (VALARM) some days before
the due moment while it is still open. The UID is derived from the event's id, the area and
the Finding's subject (or code), so that importing a newer file updates each to-do instead of
adding a second one.

The document is bytes (``binary``): RFC 5545 defines it as octets, with CRLF line ends and
lines folded at 75 octets, and bytes keep them exact whoever writes the file. It depends only
on the report: DTSTAMP is the report's moment (``as_of``), never the clock, so two runs give
the same bytes.

The ``icalendar`` library is optional (``pip install 'venue-ready[calendar]'``) and imported
only when a calendar is made.
"""

from __future__ import annotations

import difflib
import unicodedata
import uuid
from collections import Counter
from datetime import UTC, date, timedelta
from typing import TYPE_CHECKING, Any

from .._i18n import gettext as _
from .._model import Finding, Message
from . import phrases
from .inert import inert

if TYPE_CHECKING:
    from .._report import Report

__all__ = [
    "DEFAULT_REMIND_DAYS",
    "INSTALL_COMMAND",
    "OwnerNotFound",
    "find_owner",
    "render_ics",
    "require_icalendar",
]

#: How many days before a to-do's due moment its reminder rings, unless told otherwise.
DEFAULT_REMIND_DAYS = 1
#: What a user runs to be able to make calendars.
INSTALL_COMMAND = "pip install 'venue-ready[calendar]'"
#: RFC 5545 PRIORITY: 1 is the highest, 9 the lowest (0: undefined).
_PRIORITY_CRITICAL = 1
_PRIORITY_NORMAL = 5
#: The namespace of the to-dos' UIDs (uuid5 of the to-do's key): stable, opaque, and what
#: RFC 7986 recommends a UID to be.
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://venue-ready/ics")


def require_icalendar() -> Any:
    """The ``icalendar`` module, or :class:`ModuleNotFoundError` naming the install command."""
    try:
        import icalendar
    except ImportError as exc:
        raise ModuleNotFoundError(
            f"the 'ics' format needs the icalendar library: {INSTALL_COMMAND}",
            name="icalendar",
        ) from exc
    return icalendar


# -- whose deadlines -----------------------------------------------------------------------------


def _loose(name: str) -> str:
    """``name`` as an owner given on the command line is compared: case, spacing and
    diacritics ignored ("tieu ban phuc vu" is "Tiểu ban Phục vụ"; đ is d)."""
    decomposed = unicodedata.normalize("NFD", " ".join(name.casefold().split()))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d")


class OwnerNotFound(LookupError):
    """No owner of the report has the name asked for: ``hint`` is the closest one (or None),
    ``known`` every owner's name in the report's language."""

    def __init__(self, name: str, hint: str | None, known: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.hint = hint
        self.known = known


def _bodies(report: Report, lang: str) -> dict[str, tuple[str, set[str]]]:
    """Each owner of the report: its key (its name in the event's language, loosely) → its
    name in ``lang`` and every name it goes by (in both languages, loosely). A role a plugin
    names and the same body written in the file are one owner, shown under the role's name,
    as in :meth:`Report.by_owner <venue_ready.Report.by_owner>`."""
    home = report.event.lang
    labels: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for f in report.findings():
        shown = report.owner_text(f, lang)
        if shown is None:
            continue
        key = _loose(report.owner_text(f, home) or shown)
        if key not in labels or isinstance(f.owner, Message):
            labels[key] = shown
        names.setdefault(key, set()).update(
            _loose(report.owner_text(f, other) or shown) for other in ("vi", "en")
        )
    return {key: (labels[key], names[key]) for key in labels}


def find_owner(report: Report, name: str, lang: str) -> str:
    """The key of the report's owner called ``name`` in either language (case, spacing and
    diacritics ignored), for :func:`render_ics`'s ``owner``; :class:`OwnerNotFound` (with the
    closest name) when there is none."""
    wanted = _loose(name)
    bodies = _bodies(report, lang)
    for key, (_label, names) in bodies.items():
        if wanted in names:
            return key
    labels = {n: label for label, names in bodies.values() for n in names}
    # a part of a name ("cong an") first, else the closest spelling
    partial = [labels[n] for n in sorted(labels) if wanted and wanted in n]
    close = difflib.get_close_matches(wanted, sorted(labels), n=1, cutoff=0.6)
    hint = partial[0] if partial else labels[close[0]] if close else None
    raise OwnerNotFound(
        name, hint, sorted({label for label, _names in bodies.values()}, key=_loose)
    )


# -- the calendar --------------------------------------------------------------------------------


def render_ics(
    report: Report,
    lang: str,
    *,
    owner: str | None = None,
    remind_days: int = DEFAULT_REMIND_DAYS,
) -> bytes:
    """The report's dated Findings as an iCalendar file (bytes), in ``lang``.

    ``owner``: only the Findings of the owner with that name (as :func:`find_owner` matches
    it; :class:`OwnerNotFound` otherwise). ``remind_days``: the reminder of an open to-do rings
    that many days before its due moment (0: at the due moment)."""
    ical = require_icalendar()
    if remind_days < 0:
        raise ValueError(f"remind_days must be 0 or more, got {remind_days}")
    event = report.event
    key = None if owner is None else find_owner(report, owner, lang)
    bodies = _bodies(report, lang)
    owner_label = None if key is None else bodies[key][0]

    cal = ical.Calendar()
    cal.add("prodid", "-//venue_ready//venue-ready report//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = (
        event.name
        if owner_label is None
        else _("ics.calendar-name-owner", lang, event=event.name, owner=owner_label)
    )
    # RFC 5545's text holds no control character but a tab: each user string is made inert
    # (ESC is written as the four characters "\x1b"), as every text-like output writes it
    # a name is one line: a newline in the event's name (or an owner's) is a space here, as
    # icalendar refuses a raw one in a property's value
    name = " ".join(inert(name).split())
    cal.add("x-wr-calname", name)
    cal.add("name", name)  # RFC 7986's own name for it
    cal.add("x-wr-timezone", event.timezone)

    home = event.lang
    dated = [
        (f, uid, _loose(report.owner_text(f, home) or ""))
        for f, uid in _uids(report)
        if f.due is not None
    ]
    dated = [row for row in dated if key is None or row[2] == key]
    for finding, uid, body in dated:
        # one body, one category: a role a plugin names and the file's spelling of it are
        # shown under one name, as the report's owners are
        team = bodies[body][0] if body in bodies else None
        cal.add_component(
            _todo(ical, report, finding, lang, uid=uid, team=team, remind_days=remind_days)
        )
    if dated:
        # The zone's VTIMEZONE, from the zone database, over the years the to-dos span: every
        # DUE names the event's zone (TZID), as RFC 5545 asks.
        dues = [f.due.astimezone(event.tz) for f, _uid, _body in dated if f.due is not None]
        first, last = min(dues).year, max(dues).year
        cal.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1))
    data: bytes = cal.to_ical()
    return data


def _uids(report: Report) -> list[tuple[Finding, str]]:
    """Every Finding of the report with its UID: the event's id, the area and the Finding's
    subject, plus its code when the area says more than one thing about that subject (a code
    alone when it has no subject). A Finding whose code changes with its state (a gate
    "unguarded", later "guarded") keeps its UID when it is the only one about its subject, so
    a newer file updates the to-do. Counted over every Finding, so a team's calendar and the
    whole one agree."""
    findings = report.findings()
    per_subject = Counter((f.area, f.subject) for f in findings if f.subject is not None)
    uids: list[tuple[Finding, str]] = []
    seen: Counter[str] = Counter()
    for f in findings:
        if f.subject is None:
            key = f"{f.area}/:{f.code}"
        elif per_subject[(f.area, f.subject)] == 1:
            key = f"{f.area}/{f.subject}"
        else:
            key = f"{f.area}/{f.subject}:{f.code}"
        seen[key] += 1
        if seen[key] > 1:  # the same thing said twice: still one UID each (RFC 5545)
            key = f"{key}#{seen[key]}"
        uids.append((f, str(uuid.uuid5(_UID_NAMESPACE, f"{report.event.id}/{key}"))))
    return uids


def _status(finding: Finding) -> tuple[str, int | None]:
    """RFC 5545's STATUS of a to-do, and its PERCENT-COMPLETE (None: left out)."""
    if finding.waiver is not None:
        return "CANCELLED", None
    if finding.met:
        return "COMPLETED", 100
    if finding.assessed and finding.credit > 0:
        # between 1 and 99: an app shows 0 as not started and 100 as done
        return "IN-PROCESS", min(99, max(1, round(100 * finding.credit)))
    return "NEEDS-ACTION", None


def _todo(
    ical: Any,
    report: Report,
    finding: Finding,
    lang: str,
    *,
    uid: str,
    team: str | None,
    remind_days: int,
) -> Any:
    """The to-do of one dated Finding."""
    assert finding.due is not None
    due = finding.due.astimezone(report.event.tz).replace(microsecond=0)
    summary = inert(report.message_text(finding, lang))
    status, percent = _status(finding)
    todo = ical.Todo()
    todo.add("uid", uid)
    # the report's moment, never the clock: the same report gives the same bytes
    todo.add("dtstamp", report.as_of.astimezone(UTC))
    todo.add("summary", summary)
    todo.add("due", due)
    todo.add("status", status)
    if percent is not None:
        todo.add("percent-complete", percent)
    todo.add("priority", _PRIORITY_CRITICAL if finding.gate else _PRIORITY_NORMAL)
    area = report.area_title(finding.area, lang)
    if team is not None:
        # the owner only: an area's title may hold a comma ("An ninh, trật tự"), which some
        # apps would split into two categories despite its escape
        todo.add("categories", [inert(team)])
    todo.add("description", inert("\n".join(_description(report, finding, lang, area))))
    if status in ("NEEDS-ACTION", "IN-PROCESS") and finding.due > report.as_of:
        # A reminder for work still to do; none for what is done, waived or already late
        # (an app rings every past reminder on import: the report lists the overdue).
        alarm = ical.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("ics.reminder", lang, what=summary))
        alarm.add("trigger", timedelta(days=-remind_days), parameters={"RELATED": "END"})
        todo.add_component(alarm)
    return todo


def _description(report: Report, finding: Finding, lang: str, area: str) -> list[str]:
    """The to-do's notes, as the reports write them: the area, who is in charge, when it is
    due, who reported it, a critical condition, a waiver, and the item's id."""
    lines = [_("ics.area", lang, area=area), *phrases.finding_details(report, finding, lang)]
    if finding.gate:
        lines.append(_("ics.critical", lang))
    if finding.waiver is not None:
        lines.append(phrases.waiver_line(report, finding, lang))
    if finding.subject is not None:
        lines.append(_("ics.subject", lang, subject=finding.subject))
    # each on a line of its own, so each starts as a sentence does
    return [line[:1].upper() + line[1:] for line in lines]
