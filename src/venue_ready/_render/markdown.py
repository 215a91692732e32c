"""``--format md``: the report as Markdown, readable as plain text and in any Markdown viewer.

Every string that comes from the user's file or a plugin (names, titles, owners, reasons) is
escaped, so that it shows as the text it is: no link, image, HTML tag or table break can come
from the input, and no control character reaches a terminal (:mod:`.inert`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .._i18n import format_number, format_score
from .._i18n import gettext as _
from . import phrases
from .inert import inert

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .._model import Finding
    from .._report import Report

__all__ = ["escape", "render_markdown"]

# The characters that can start emphasis, code, a link or image ([ and ]), a table cell (|) or
# strikethrough, escaped with a backslash. Escaping every punctuation mark would also be safe,
# but the raw Markdown must stay readable as plain text: a "-" or "." inside a line is
# harmless, since escaped text never starts a line. < > & become entities, so no HTML tag
# survives even in a viewer that allows HTML.
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# GitHub turns bare URLs into links; an escaped colon or dot keeps them text.
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def escape(text: str) -> str:
    """``text`` as literal Markdown: special characters escaped, on one line."""
    text = " ".join(text.split())  # newlines would end a list item or a table row
    text = _SPECIAL.sub(r"\\\1", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _AUTOLINK.sub(lambda m: "\\://" if m.group(1) == "://" else m.group(1)[:3] + "\\.", text)


def render_markdown(report: Report, lang: str) -> str:
    """The whole report as Markdown, ending in a newline; control characters in it escaped
    (:func:`~venue_ready._render.inert.inert`)."""
    ev = report.event
    out: list[str] = [f"# {escape(ev.name)}", ""]
    out += [escape(fact) + "  " for fact in phrases.facts(report, lang)]
    out.append("")

    out += [f"## {escape(phrases.overall(report, lang))}", ""]
    if report.inconclusive:
        out += [f"> {escape(_('report.inconclusive', lang))}", ""]

    out += [f"## {escape(phrases.heading('report.areas-heading', lang))}", ""]
    head = [_(f"report.col-{c}", lang) for c in ("area", "score", "status", "coverage", "index")]
    out.append("| " + " | ".join(escape(h) for h in head) + " |")
    out.append("|---|---:|---|---:|---:|")
    for area in report.areas:
        cells = [
            area.title(lang),
            format_score(area.score, lang),
            phrases.area_status(report, area, lang),
            f"{area.coverage[0]}/{area.coverage[1]}",
            "—" if area.schedule_index is None else format_number(area.schedule_index, lang, 2),
        ]
        out.append("| " + " | ".join(escape(c) for c in cells) + " |")
    out.append("")
    for area in report.areas:
        for error in area.errors:
            line = f"{area.title(lang)}: {report.translate(error, lang)}"
            out.append(f"- {escape(line)}")
    if any(area.errors for area in report.areas):
        out.append("")

    titles = phrases.area_titles(report, lang)
    items = phrases.item_ids(report)
    # each Finding in full once, under the first heading it belongs to (as in the text report)
    shown: set[int] = set()
    gates = {id(f) for f in report.blockers}
    for heading, findings in (
        ("report.blockers-heading", report.blockers),
        ("report.overdue-heading", report.overdue),
        ("report.next-due-heading", report.next_due),
        *((("report.reported-heading", report.self_reported),) if report.self_reported else ()),
    ):
        out += [f"## {escape(phrases.heading(heading, lang, count=len(findings)))}", ""]
        if not findings:
            out.append(escape(_("report.none", lang)))
        above = [f for f in findings if id(f) in shown]
        fresh = [f for f in findings if id(f) not in shown]
        shown.update(id(f) for f in fresh)
        out += [_finding_line(f, report, titles, items, lang) for f in fresh]
        if above:
            if fresh:
                out.append("")
            gated = all(id(f) in gates for f in above)
            again = phrases.listed_above(len(above), gated, lang, alone=not fresh)
            out.append(escape(f"({again})"))
        out.append("")

    if report.waivers:
        heading = phrases.heading("report.waivers-heading", lang, count=len(report.waivers))
        out += [f"## {escape(heading)}", ""]
        for f in report.waivers:
            out.append(f"- {escape(phrases.waiver_line(report, f, lang))}")
        out.append("")

    out += [f"## {escape(_('report.details-heading', lang))}", ""]
    for area in report.areas:
        out += [f"### {escape(area.title(lang))}", ""]
        if not area.findings:
            out += [escape(_("report.none", lang)), ""]
            continue
        cols = [_(f"report.col-{c}", lang) for c in ("finding", "credit", "owner", "due")]
        out.append("| " + " | ".join(escape(c) for c in cols) + " |")
        out.append("|---|---:|---|---|")
        for f in area.findings:
            cells = [
                report.translate(f.message, lang),
                f"{format_number(100 * f.credit, lang)}%"
                + (" ⛔" if report.is_blocking(f) else ""),
                report.owner_text(f, lang) or phrases.NONE,
                phrases.due_date(report, f, lang),
            ]
            out.append("| " + " | ".join(escape(c) for c in cells) + " |")
        out.append("")

    if report.failures:
        out += [f"## {escape(_('report.failures-heading', lang, count=len(report.failures)))}"]
        out.append("")
        for failure in report.failures:
            out.append(f"- {escape(failure.render(lang))}")
        out.append("")

    legend = phrases.legend(report, lang, progress=False, credit=True, mark=True)
    if legend:
        out += [f"## {escape(phrases.heading('report.legend-heading', lang))}", ""]
        out += [f"- {escape(line)}" for line in legend]
        out.append("")
    # the one choke point: Markdown is read raw in a terminal as often as in a viewer
    return inert("\n".join(out).rstrip("\n") + "\n")


def _finding_line(
    f: Finding,
    report: Report,
    titles: dict[str, str],
    items: Mapping[str, frozenset[str]],
    lang: str,
) -> str:
    what = report.translate(f.message, lang)
    details = "; ".join(
        [
            *phrases.finding_details(report, f, lang),
            *phrases.act_lines(report, f, items, None, lang),
        ]
    )
    area = escape(titles.get(f.area, f.area))
    return f"- **{area}**: {escape(what)} ({escape(details)})"
