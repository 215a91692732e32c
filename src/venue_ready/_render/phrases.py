"""The wording the report formats share: one place builds each phrase, from the catalogs.

Text, Markdown, the terminal and HTML lay the same facts out differently, but say them in the
same words: the event's facts, the overall verdict, an area's notes, a Finding's owner, due date
and who reported it, a waiver. Each phrase is built here once; the formats only place it (and
escape it, style it or split it into cells). No phrase here knows about any one format.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from .._i18n import format_number, format_score
from .._i18n import gettext as _
from .._scoring import is_overdue

if TYPE_CHECKING:
    from .._model import Finding
    from .._report import AreaReport, Report

__all__ = [
    "MarkHints",
    "act_lines",
    "area_notes",
    "area_status",
    "area_titles",
    "as_of",
    "coverage",
    "due_date",
    "event_noun",
    "facts",
    "finding_details",
    "heading",
    "item_ids",
    "item_ref",
    "legend",
    "listed_above",
    "mark_command",
    "opening",
    "overall",
    "overdue_by",
    "owner",
    "pending_gates",
    "phase",
    "starts",
    "venue",
    "verdict",
    "waiver_line",
]

#: What a table shows for a date or a value that is not there.
NONE = "—"


# -- the event ---------------------------------------------------------------------------------


def starts(report: Report, lang: str) -> str:
    """ "Opens: 15 May 2020, 07:30", in the event's time zone, labelled after the event's
    kind ("Khai mạc", "Bắt đầu bỏ phiếu"; "Starts" for a kind the report's plugins did not
    know)."""
    label = report.kind.starts(lang) if report.kind is not None else _("report.starts-label", lang)
    return _(
        "report.starts", lang, starts=label, when=report.moment_text(report.event.starts, lang)
    )


def opening(report: Report, lang: str) -> str:
    """The moment the event starts, in a sentence: "khai mạc", "bắt đầu bỏ phiếu" ("the
    opening", "the opening of the polls"), after its kind."""
    if report.kind is not None:
        return report.kind.opening(lang)
    return _("report.opening", lang)


def venue(report: Report, lang: str) -> str | None:
    """ "Venue: …", or None when the event names none."""
    ev = report.event
    return None if ev.venue is None else _("report.venue", lang, venue=ev.venue.name)


def as_of(report: Report, lang: str) -> str:
    """ "As of: …": the report's moment, in the event's time zone."""
    return _("report.as-of", lang, when=report.moment_text(report.as_of, lang))


def facts(report: Report, lang: str) -> list[str]:
    """The event's facts under its name: its kind, when it opens, where (if known), as of
    when."""
    where = venue(report, lang)
    return [
        kind(report, lang),
        starts(report, lang),
        *([where] if where is not None else []),
        as_of(report, lang),
    ]


def kind(report: Report, lang: str) -> str:
    """ "Kind of event: Party congress (a delegates' congress)"."""
    return _("report.kind", lang, kind=report.kind_text(lang))


def verdict(report: Report, lang: str) -> str:
    """ "Ready" or "Not ready"."""
    ready = "ready" if report.status.value == "ready" else "not-ready"
    return _(f"report.verdict-{ready}", lang)


def overall(report: Report, lang: str) -> str:
    """The overall line: score, status and verdict."""
    return _(
        "report.overall",
        lang,
        score=format_score(report.score, lang),
        status=report.status.value,
        verdict=verdict(report, lang),
    )


def heading(message_id: str, lang: str, **params: object) -> str:
    """A section heading without the colon the plain text report ends it with (Markdown, HTML
    and the terminal show headings as headings)."""
    return _(message_id, lang, **params).rstrip(":")


# -- areas -------------------------------------------------------------------------------------


def area_titles(report: Report, lang: str) -> dict[str, str]:
    """Each area's title by its key, in ``lang`` (a Finding names its area by key)."""
    return {a.key: a.title(lang) for a in report.areas}


def coverage(area: AreaReport, lang: str) -> str:
    """ "assessed 3/4"."""
    return _("report.coverage", lang, assessed=area.coverage[0], expected=area.coverage[1])


def area_notes(report: Report, area: AreaReport, lang: str) -> list[str]:
    """What an area reports besides its score: its schedule index and its ``during`` and
    ``after`` progress (named after the event's kind: "trong đại hội", "trong ngày bầu cử"),
    each only when the area has one."""
    notes = []
    if area.schedule_index is not None:
        index = format_number(area.schedule_index, lang, 2)
        notes.append(_("report.schedule-index", lang, index=index))
    event = event_noun(report, lang)
    if area.during is not None:
        percent = format_number(100 * area.during, lang)
        notes.append(_("report.during", lang, percent=percent, event=event))
    if area.after is not None:
        percent = format_number(100 * area.after, lang)
        notes.append(_("report.after", lang, percent=percent, event=event))
    return notes


def pending_gates(report: Report, area: AreaReport) -> list[Finding]:
    """The area's critical conditions (``before`` gates) not yet met and not yet due: they are
    listed among the unmet ones, but do not block the area yet."""
    return [
        f
        for f in area.findings
        if f.gate and not f.met and f.phase.value == "before" and not report.is_blocking(f)
    ]


def area_status(report: Report, area: AreaReport, lang: str) -> str:
    """An area's status in words. An area "on track" that still has critical conditions to
    meet says how many, so that it never reads as plainly on track while a condition is
    listed as unmet: "Đúng tiến độ, còn 1 điều kiện bắt buộc chưa đến hạn". The status itself
    (the JSON's, the score's) is unchanged."""
    if area.status.value == "on_track":
        count = len(pending_gates(report, area))
        if count:  # the catalog's ".one" form when there is one
            return _("status.on_track-pending-gates", lang, count=count)
    return _("status." + area.status.value, lang)


def listed_above(count: int, blockers: bool, lang: str, *, alone: bool = False) -> str:
    """The line that stands, in a later list, for ``count`` Findings an earlier list of the
    same report already gave in full: "Đã nêu ở trên: 1 điều kiện bắt buộc chưa đạt" when
    they are all unmet critical conditions (``blockers``), else "Đã nêu ở trên: 2 đầu việc";
    when the list has nothing else (``alone``), "(2 điều kiện bắt buộc chưa đạt, đã nêu ở
    trên)". A report says each item once."""
    kind = "blockers" if blockers else "items"
    return _(f"report.listed-above-{'only-' if alone else ''}{kind}", lang, count=count)


def legend(
    report: Report,
    lang: str,
    *,
    progress: bool = True,
    credit: bool = False,
    mark: bool = False,
) -> list[str]:
    """What each figure the report shows means, one line for each kind of figure that appears
    in it: the areas' scores, "đã đánh giá a/b", the schedule index and (with ``progress``, for
    the formats that show :func:`area_notes`) the ``during`` and ``after`` progress; with
    ``credit``, also the "done" column, and with ``mark`` the ⛔ mark (for the formats whose
    tables show them, when some item does). Empty for a report with no area."""
    areas = report.areas
    if not areas:
        return []
    event = event_noun(report, lang)
    lines = []
    if any(a.score is not None for a in areas):
        lines.append(_("report.legend-score", lang, event=event))
    lines.append(_("report.legend-coverage", lang))
    if any(a.schedule_index is not None for a in areas):
        lines.append(_("report.legend-schedule-index", lang))
    if progress and any(a.during is not None for a in areas):
        lines.append(_("report.legend-during", lang, event=event))
    if progress and any(a.after is not None for a in areas):
        lines.append(_("report.legend-after", lang, event=event))
    if credit and any(a.findings for a in areas):
        lines.append(_("report.legend-credit", lang))
    if mark and any(report.is_blocking(f) for a in areas for f in a.findings):
        lines.append(_("report.legend-blocking-mark", lang))
    return lines


def event_noun(report: Report, lang: str) -> str:
    """How a sentence names the event itself: its kind's noun ("đại hội", "ngày bầu cử"), or
    "sự kiện" / "the event" for a kind the report's plugins did not know."""
    if report.kind is not None:
        return report.kind.noun(lang)
    return "sự kiện" if lang == "vi" else "the event"


def phase(report: Report, phase_value: str, lang: str) -> str:
    """A Finding's phase in words, named after the event: "trong đại hội", "after polling day"."""
    return _(f"phase.{phase_value}", lang, event=event_noun(report, lang))


# -- Findings ----------------------------------------------------------------------------------


def owner(report: Report, finding: Finding, lang: str) -> str:
    """Who is in charge of ``finding``, or "no owner" when nobody is named."""
    return report.owner_text(finding, lang) or _("report.no-owner", lang)


def due_date(report: Report, finding: Finding, lang: str) -> str:
    """When ``finding`` is due, for a table cell: the short date in the event's time zone
    ("17:00 14/5/2020", "14/5/2020": the long form a sentence uses wraps a column to four
    lines), or a dash (:data:`NONE`, as :meth:`Report.moment_text
    <venue_ready.Report.moment_text>` writes it)."""
    return report.moment_text(finding.due, lang, short=True)


def finding_details(report: Report, finding: Finding, lang: str) -> list[str]:
    """A listed Finding's details, in the order the lists give them: its owner ("owner: …"),
    when it is due ("due …", when it has a date), by how long it is late ("overdue by 6
    days", when it is) and who reported it (when a team did)."""
    details = [_("report.owner", lang, owner=owner(report, finding, lang))]
    if finding.due is not None:
        details.append(_("report.due", lang, due=finding.due.astimezone(report.event.tz)))
    late = overdue_by(report, finding, lang)
    if late is not None:
        details.append(late)
    reported = report.reported_text(finding, lang)
    if reported is not None:
        details.append(reported)
    return details


def waiver_line(report: Report, finding: Finding, lang: str) -> str:
    """A waived Finding: what, why, and who approved it."""
    assert finding.waiver is not None
    return _(
        "report.waiver-line",
        lang,
        what=report.translate(finding.message, lang),
        reason=finding.waiver.reason,
        approved_by=finding.waiver.approved_by,
    )


def overdue_by(report: Report, finding: Finding, lang: str) -> str | None:
    """ "quá hạn 6 ngày" / "overdue by 6 days" for a Finding past its due and not met, else
    None. Days are calendar days in the event's zone (an item due on the 13th is one day late
    on the 14th, whatever the hour); under a day, hours ("overdue by 3 hours")."""
    ev = report.event
    if not is_overdue(finding, report.as_of, ev.starts, ev.ends):
        return None
    due = report.effective_due(finding)
    assert due is not None  # is_overdue says it has one
    days = (report.as_of.astimezone(ev.tz).date() - due.astimezone(ev.tz).date()).days
    if days >= 1:
        return _(
            "report.overdue-by-day" if days == 1 else "report.overdue-by-days", lang, count=days
        )
    hours = int((report.as_of - due).total_seconds() // 3600)
    if hours >= 1:
        message_id = "report.overdue-by-hour" if hours == 1 else "report.overdue-by-hours"
        return _(message_id, lang, count=hours)
    return _("report.overdue-by-minutes", lang)


# -- the way to act ------------------------------------------------------------------------------


def item_ids(report: Report) -> dict[str, frozenset[str]]:
    """Each area's checklist item ids, by area key: a Finding whose subject is one of them is
    about that item of the event file."""
    return {plan.key: frozenset(item.id for item in plan.items) for plan in report.event.areas}


def item_ref(finding: Finding, items: Mapping[str, frozenset[str]]) -> str | None:
    """What ``venue-ready mark`` calls the thing ``finding`` is about: the item's id when it is
    an item of the event file (``items``: :func:`item_ids`), else ``AREA:SUBJECT``; None when
    the Finding names no subject."""
    if finding.subject is None:
        return None
    if finding.subject in items.get(finding.area, ()):
        return finding.subject
    return f"{finding.area}:{finding.subject}"


@attrs.frozen
class MarkHints:
    """What a report needs to print the command that records an item done: the event file and
    the journal as the user named them (``journal`` None: the default one beside the file),
    and the subjects a ``done`` entry would meet, each with the body whose sign-off it needs
    (None: none). The command line works ``subjects`` out (it may read the journal and assess
    again); a renderer only prints them."""

    event_file: str
    journal: str | None = None
    subjects: Mapping[str, str | None] = attrs.field(factory=dict)


def mark_command(hints: MarkHints | None, ref: str | None, by: str | None, lang: str) -> str | None:
    """The exact ``venue-ready mark`` command that records ``ref`` done, quoted for a POSIX
    shell, ``--by`` the body in charge (``by``; a placeholder when nobody is named); None when
    there are no hints or ``ref`` is not a subject a ``done`` entry would meet."""
    if hints is None or ref is None or ref not in hints.subjects:
        return None
    options = ["--by", by if by else _("report.mark-by-placeholder", lang)]
    signoff = hints.subjects[ref]
    if signoff is not None:
        options += ["--signed-off-by", signoff]
    if hints.journal is not None:
        options += ["--journal", hints.journal]
    positionals = [hints.event_file, ref, "done"]
    if any(word.startswith("-") for word in positionals):
        # a file or an id that starts with "-" would be read as an option: the options first,
        # then "--", after which every word is taken as it is
        words = ["venue-ready", "mark", *options, "--", *positionals]
    else:
        words = ["venue-ready", "mark", *positionals, *options]
    return " ".join(shlex.quote(word) for word in words)


def act_lines(
    report: Report,
    finding: Finding,
    items: Mapping[str, frozenset[str]],
    hints: MarkHints | None,
    lang: str,
) -> list[str]:
    """Under an open item in a list: its id ("mã: security:side-gate") and, when ``hints``
    say a ``done`` entry would meet it, the command that records it ("khi hoàn thành, ghi vào sổ
    theo dõi: venue-ready mark …"). Nothing for a met Finding or one without a subject."""
    if finding.met:
        return []
    ref = item_ref(finding, items)
    if ref is None:
        return []
    lines = [_("report.item-ref", lang, ref=ref)]
    command = mark_command(hints, ref, report.owner_text(finding, report.event.lang), lang)
    if command is not None:
        lines.append(_("report.mark-hint", lang, command=command))
    return lines
