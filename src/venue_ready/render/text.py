"""``--format text``: a plain report for a terminal or a pipe, in Vietnamese or English.

Plain text only, no escape codes, so it can be pasted into a message or printed as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..i18n import format_datetime, format_number, format_score
from ..i18n import gettext as _
from ..model import Finding, Message

if TYPE_CHECKING:
    from ..report import AreaReport, Report

__all__ = ["render_text"]

_RULE_WIDTH = 78


def render_text(report: Report, lang: str) -> str:
    """The whole report as text, ending in a newline."""
    lines: list[str] = []
    add = lines.append
    ev = report.event

    add(ev.name)
    when = format_datetime(ev.starts.astimezone(ev.tz), lang)
    add(_("report.starts", lang, when=when))
    if ev.venue is not None:
        add(_("report.venue", lang, venue=ev.venue.name))
    add(_("report.as-of", lang, when=format_datetime(report.as_of.astimezone(ev.tz), lang)))
    add("=" * _RULE_WIDTH)

    verdict = "ready" if report.status.value == "ready" else "not-ready"
    add(
        _(
            "report.overall",
            lang,
            score=_score(report.score, lang),
            status=report.status.value,
            verdict=_(f"report.verdict-{verdict}", lang),
        )
    )
    if report.inconclusive:
        add(_("report.inconclusive", lang))
    add("")

    add(_("report.areas-heading", lang))
    width = max((len(a.title(lang)) for a in report.areas), default=0)
    for area in report.areas:
        add(_area_line(area, lang, width))
        for error in area.errors:
            add("      ! " + report.translate(error, lang))
    add("")

    _section(lines, report, "report.blockers-heading", report.blockers, lang)
    _section(lines, report, "report.overdue-heading", report.overdue, lang)
    _section(lines, report, "report.next-due-heading", report.next_due, lang)
    if report.self_reported:
        _section(lines, report, "report.reported-heading", report.self_reported, lang)

    waivers = report.waivers
    if waivers:
        add(_("report.waivers-heading", lang, count=len(waivers)))
        for f in waivers:
            assert f.waiver is not None
            add(
                "  - "
                + _(
                    "report.waiver-line",
                    lang,
                    what=_text(f.message, report, lang),
                    reason=f.waiver.reason,
                    approved_by=f.waiver.approved_by,
                )
            )
        add("")

    if report.failures:
        add(_("report.failures-heading", lang, count=len(report.failures)))
        for failure in report.failures:
            add("  - " + failure.render(lang))
        add("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _score(score: float | None, lang: str) -> str:
    return format_score(score, lang)


def _area_line(area: AreaReport, lang: str, width: int) -> str:
    title = area.title(lang).ljust(width)
    status = _("status." + area.status.value, lang)
    parts = [
        f"  {title}  {_score(area.score, lang):>5}  {status}",
        _("report.coverage", lang, assessed=area.coverage[0], expected=area.coverage[1]),
    ]
    if area.schedule_index is not None:
        parts.append(
            _("report.schedule-index", lang, index=format_number(area.schedule_index, lang, 2))
        )
    if area.during is not None:
        parts.append(_("report.during", lang, percent=format_number(100 * area.during, lang)))
    if area.after is not None:
        parts.append(_("report.after", lang, percent=format_number(100 * area.after, lang)))
    return " · ".join(parts)


def _text(message: Message, report: Report, lang: str) -> str:
    return report.translate(message, lang)


def _section(
    lines: list[str], report: Report, heading: str, findings: list[Finding], lang: str
) -> None:
    lines.append(_(heading, lang, count=len(findings)))
    if not findings:
        lines.append("  " + _("report.none", lang))
    titles = {a.key: a.title(lang) for a in report.areas}
    for f in findings:
        details = [
            _("report.owner", lang, owner=report.owner_text(f, lang) or _("report.no-owner", lang))
        ]
        if f.due is not None:
            details.append(_("report.due", lang, due=f.due.astimezone(report.event.tz)))
        reported = report.reported_text(f, lang)
        if reported is not None:
            details.append(reported)
        lines.append(
            f"  - [{titles.get(f.area, f.area)}] {_text(f.message, report, lang)}"
            f" ({'; '.join(details)})"
        )
    lines.append("")
