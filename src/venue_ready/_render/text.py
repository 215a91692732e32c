"""``--format text``: a plain report for a terminal or a pipe, in Vietnamese or English.

Plain text only, no escape codes, so it can be pasted into a message or printed as it is: a
control character in the input is shown escaped (:mod:`.inert`), never sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._i18n import format_score
from .._i18n import gettext as _
from . import phrases
from .inert import inert

if TYPE_CHECKING:
    from .._model import Finding
    from .._report import AreaReport, Report
    from .phrases import MarkHints

__all__ = ["render_text"]

_RULE_WIDTH = 78


def render_text(report: Report, lang: str, *, hints: MarkHints | None = None) -> str:
    """The whole report as text, ending in a newline; control characters in it escaped
    (:func:`~venue_ready._render.inert.inert`).

    Each open item listed shows its id (``venue-ready mark``'s ITEM); with ``hints`` (the
    command line gives them), also the exact command that records it done."""
    lines: list[str] = []
    add = lines.append
    ev = report.event

    add(ev.name)
    lines += phrases.facts(report, lang)
    add("=" * _RULE_WIDTH)

    add(phrases.overall(report, lang))
    if report.inconclusive:
        add(_("report.inconclusive", lang))
    add("")

    add(_("report.areas-heading", lang))
    width = max((len(a.title(lang)) for a in report.areas), default=0)
    for area in report.areas:
        add(_area_line(report, area, lang, width))
        for error in area.errors:
            add("      ! " + report.translate(error, lang))
    add("")

    # each Finding is listed in full once, under the first heading it belongs to; a later list
    # names how many of its items were given above rather than repeating them word for word
    shown: set[int] = set()
    blockers = {id(f) for f in report.blockers}
    sections = [
        ("report.blockers-heading", report.blockers),
        ("report.overdue-heading", report.overdue),
        ("report.next-due-heading", report.next_due),
    ]
    if report.self_reported:
        sections.append(("report.reported-heading", report.self_reported))
    for heading, findings in sections:
        _section(lines, report, heading, findings, lang, hints=hints, shown=shown, gates=blockers)

    waivers = report.waivers
    if waivers:
        add(_("report.waivers-heading", lang, count=len(waivers)))
        for f in waivers:
            add("  - " + phrases.waiver_line(report, f, lang))
        add("")

    if report.failures:
        add(_("report.failures-heading", lang, count=len(report.failures)))
        for failure in report.failures:
            add("  - " + failure.render(lang))
        add("")

    legend = phrases.legend(report, lang)
    if legend:
        add(_("report.legend-heading", lang))
        lines += ["  - " + line for line in legend]
    # the one choke point: whatever an event or a plugin wrote, no control reaches a terminal
    return inert("\n".join(lines).rstrip("\n") + "\n")


def _area_line(report: Report, area: AreaReport, lang: str, width: int) -> str:
    title = area.title(lang).ljust(width)
    status = phrases.area_status(report, area, lang)
    head = f"  {title}  {format_score(area.score, lang):>5}  {status}"
    notes = phrases.area_notes(report, area, lang)
    return " · ".join([head, phrases.coverage(area, lang), *notes])


def _section(
    lines: list[str],
    report: Report,
    heading: str,
    findings: list[Finding],
    lang: str,
    *,
    hints: MarkHints | None,
    shown: set[int],
    gates: set[int],
) -> None:
    lines.append(_(heading, lang, count=len(findings)))
    if not findings:
        lines.append("  " + _("report.none", lang))
    titles = phrases.area_titles(report, lang)
    items = phrases.item_ids(report)
    above = [f for f in findings if id(f) in shown]
    for f in findings:
        if id(f) in shown:
            continue
        shown.add(id(f))
        details = "; ".join(phrases.finding_details(report, f, lang))
        what = report.translate(f.message, lang)
        lines.append(f"  - [{titles.get(f.area, f.area)}] {what} ({details})")
        lines += ["    " + line for line in phrases.act_lines(report, f, items, hints, lang)]
    if above:
        all_gates = all(id(f) in gates for f in above)
        alone = len(above) == len(findings)
        lines.append("  " + phrases.listed_above(len(above), all_gates, lang, alone=alone))
    lines.append("")
