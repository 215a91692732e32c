"""``--format html``: one self-contained page to read on screen, send on, or print on A4.

The page carries everything inside it: its styles, and charts drawn as inline SVG (a gauge for
the overall score, a bar per area, a planned-against-earned readiness timeline). It links to
nothing, loads nothing and runs no script, so it reads the same offline, in a mail attachment
and with JavaScript off.

Every string is rendered here, in Python, from the message catalogs; the Jinja template
(``templates/report.html.j2``) only lays them out, with autoescaping on, so no text from the
event file or a plugin can become markup. Jinja is imported only when an HTML report is asked
for, to keep ``import venue_ready`` and the other formats light.

**The readiness timeline** is drawn from :func:`venue_ready._timeline.readiness_timeline`:
planned value day by day, and earned value either approximated from the report's credits or,
when the report carries its history (:func:`venue_ready.assess_with_history`), the real
readiness at the end of each day. The page only draws them: it never assesses.
"""

from __future__ import annotations

import functools
import math
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .._i18n import format_datetime, format_number, format_score
from .._i18n import gettext as _
from .._model import Phase
from .._timeline import MAX_TIMELINE_DAYS, TimelinePoint, readiness_timeline
from . import phrases

if TYPE_CHECKING:
    from jinja2 import Template

    from .._model import Finding
    from .._report import AreaReport, Report

# MAX_TIMELINE_DAYS, TimelinePoint and readiness_timeline live in venue_ready._timeline, and are
# importable from here as they were before they moved
__all__ = ["MAX_TIMELINE_DAYS", "TimelinePoint", "readiness_timeline", "render_html"]

#: The template, shipped in the package (relative to venue_ready/_render/).
TEMPLATE = "templates/report.html.j2"

#: Each status's sign beside its name, so that a grey-scale print tells them apart: signs, not
#: words, the same in every language.
STATUS_ICONS = {"ready": "✔", "on_track": "●", "at_risk": "▲", "blocked": "■", "error": "✖"}


def render_html(report: Report, lang: str) -> str:
    """The whole report as one HTML page, ending in a newline."""
    return load_template(TEMPLATE).render(_context(report, lang))


@functools.cache  # compiled once, on first use
def load_template(name: str) -> Template:
    """A template shipped in ``venue_ready/_render/``, compiled with every page's settings:
    autoescaping on (no text from a file or a plugin becomes markup), undefined names an
    error rather than an empty string. Each is compiled once, when first asked for."""
    from importlib.resources import files

    import jinja2

    source = files("venue_ready._render").joinpath(name).read_text(encoding="utf-8")
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env.from_string(source)


# -- the page's data -----------------------------------------------------------------------------


def _context(report: Report, lang: str) -> dict[str, Any]:
    ev = report.event
    titles = phrases.area_titles(report, lang)
    items = phrases.item_ids(report)

    def row(f: Finding) -> dict[str, Any]:
        ref = None if f.met else phrases.item_ref(f, items)
        return {
            "area": titles.get(f.area, f.area),
            "text": report.translate(f.message, lang),
            "owner": phrases.owner(report, f, lang),
            "due": phrases.due_date(report, f, lang),
            "credit": f"{format_number(100 * f.credit, lang)}%" if f.assessed else "—",
            "blocking": report.is_blocking(f),
            "overdue": phrases.overdue_by(report, f, lang) if id(f) in late else None,
            "phase": None
            if f.phase is Phase.BEFORE
            else phrases.phase(report, f.phase.value, lang),
            "waived": f.waiver is not None,
            "met": f.met,
            "ref": ref,
            "reported": report.reported_text(f, lang),
        }

    overdue = report.overdue
    blockers = report.blockers
    # by identity, in a set: "f in overdue" would compare each row with every overdue Finding
    # (attrs equality, field by field), and grow with the square of the items
    late = {id(f) for f in overdue}
    attention = _attention(report, lang, blockers, overdue, row)
    return {
        "lang": lang,
        "title": ev.name,
        "facts": phrases.facts(report, lang),
        "labels": _labels(report, lang),
        "overall": {
            "score": format_score(report.score, lang),
            "status": report.status.value,
            "icon": STATUS_ICONS[report.status.value],
            "status_text": _(f"status.{report.status.value}", lang),
            "verdict": phrases.verdict(report, lang),
            "summary": phrases.overall(report, lang),
            "counts": _(
                "report.counts",
                lang,
                blockers=len(blockers),
                overdue=len(overdue),
                owners=len(attention),
            ),
            "inconclusive": _("report.inconclusive", lang) if report.inconclusive else None,
            "gauge": _gauge(report.score),
        },
        "footer": _css_string(f"{ev.name} · {phrases.as_of(report, lang)}"),
        "page_label": _css_string(_("report.html-page", lang) + " "),
        "page_of": _css_string(" " + _("report.html-page-of", lang) + " "),
        "areas": [_area(area, report, lang, row) for area in report.areas],
        "attention": attention,
        **_once(report, lang, row, {id(f) for f in [*blockers, *overdue]}, set(map(id, blockers))),
        "legend": phrases.legend(report, lang, credit=True),
        "waivers": [
            {
                **row(f),
                "reason": f.waiver.reason,
                "approved_by": f.waiver.approved_by,
            }
            for f in report.waivers
            if f.waiver is not None
        ],
        "failures": [failure.render(lang) for failure in report.failures],
        "timeline": _timeline_chart(report, lang),
        "generator": _("report.html-generated", lang, version=report.generator_version),
    }


def _attention(
    report: Report,
    lang: str,
    blockers: list[Finding],
    overdue: list[Finding],
    row: Any,
) -> list[dict[str, Any]]:
    """Unmet critical conditions and overdue items, one row each, grouped by the body in
    charge (those with no owner last), each group soonest due first: page 1's list to hand
    out at a preparation meeting."""
    seen: dict[int, Finding] = {}
    for f in [*blockers, *overdue]:
        seen.setdefault(id(f), f)
    groups = report.by_owner(list(seen.values()), lang=lang)
    out = []
    for owner, group in groups.items():
        found = sorted(group, key=report._due_key)
        out.append(
            {
                "owner": owner if owner is not None else _("report.no-owner", lang),
                "count": len(found),
                "rows": [row(f) for f in found],
            }
        )
    return out


def _once(report: Report, lang: str, row: Any, shown: set[int], gates: set[int]) -> dict[str, Any]:
    """The next items due and the self-reported ones, each without the Findings a list above
    already gave (page 1's unmet conditions and overdue items first): a line says how many
    were left out ("và 2 điều kiện bắt buộc chưa đạt đã nêu ở trên"), none is repeated."""
    out: dict[str, Any] = {}
    for key, findings in (("next_due", report.next_due), ("self_reported", report.self_reported)):
        above = [f for f in findings if id(f) in shown]
        fresh = [f for f in findings if id(f) not in shown]
        shown.update(id(f) for f in fresh)
        out[key] = [row(f) for f in fresh]
        gated = all(id(f) in gates for f in above)
        out[key + "_above"] = (
            phrases.listed_above(len(above), gated, lang, alone=not fresh) if above else None
        )
    return out


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string, for a ``content:`` in the page's stylesheet: every
    character but letters and digits as a CSS escape (a space too: one after an escape
    would be read as its end), so that no text from the event
    file can end the string, the rule or the ``<style>`` element. Marked safe for Jinja: it is
    escaped already, for CSS (HTML entities would not be read inside ``<style>``)."""
    from markupsafe import Markup

    out = []
    for char in text:
        if char.isalnum():
            out.append(char)
        else:
            out.append(f"\\{ord(char):06x}")
    return Markup('"' + "".join(out) + '"')


def _labels(report: Report, lang: str) -> dict[str, str]:
    def heading(message_id: str, count: int | None = None) -> str:
        return phrases.heading(message_id, lang, count=count)

    return {
        "page_title": _("report.html-title", lang),
        "overall": _("report.html-overall-heading", lang),
        "areas": heading("report.areas-heading"),
        "blockers": heading("report.blockers-heading", len(report.blockers)),
        "overdue": heading("report.overdue-heading", len(report.overdue)),
        "next_due": heading("report.next-due-heading", len(report.next_due)),
        "self_reported": heading("report.reported-heading", len(report.self_reported)),
        "waivers": heading("report.waivers-heading", len(report.waivers)),
        "failures": heading("report.failures-heading", len(report.failures)),
        "details": _("report.details-heading", lang),
        "legend": phrases.heading("report.legend-heading", lang),
        "timeline": _("report.html-timeline-heading", lang),
        "timeline_note": _(
            "report.html-timeline-note-journal"
            if report.history
            else "report.html-timeline-note-estimate",
            lang,
        ),
        "attention": _("report.attention-heading", lang),
        "attention_none": _("report.attention-none", lang),
        "col_item": _("report.col-item", lang),
        "timeline_empty": _(
            "report.html-timeline-empty", lang, opening=phrases.opening(report, lang)
        ),
        "none": _("report.none", lang),
        "col_area": _("report.col-area", lang),
        "col_score": _("report.col-score", lang),
        "col_status": _("report.col-status", lang),
        "col_coverage": _("report.col-coverage", lang),
        "col_index": _("report.col-index", lang),
        "col_finding": _("report.col-finding", lang),
        "col_credit": _("report.col-credit", lang),
        "col_owner": _("report.col-owner", lang),
        "col_due": _("report.col-due", lang),
        "col_reason": _("report.html-col-reason", lang),
        "col_approved_by": _("report.html-col-approved-by", lang),
        "blocking": _("report.html-blocking", lang),
        "overdue_mark": _("report.html-overdue", lang),
        "waived": _("item-status.waived", lang),
    }


def _area(area: AreaReport, report: Report, lang: str, row: Any) -> dict[str, Any]:
    score = area.score
    bar = 2 * min(max(score or 0.0, 0.0), 100.0)
    findings = [row(f) for f in area.findings]
    done = [r for r in findings if r["met"]]
    return {
        "key": area.key,
        "title": area.title(lang),
        "score": format_score(score, lang),
        "status": area.status.value,
        "icon": STATUS_ICONS[area.status.value],
        "status_text": phrases.area_status(report, area, lang),
        "coverage": phrases.coverage(area, lang),
        "extra": phrases.area_notes(report, area, lang),
        # the bar is 200 units wide: 2 units a point
        "bar": _num(bar),
        "hatch": _hatch(area.status.value, bar),
        "threshold": _num(2 * min(max(area.threshold, 0.0), 100.0)),
        "errors": [report.translate(e, lang) for e in area.errors],
        "open": [r for r in findings if not r["met"]],
        "done": done,
        "done_summary": _("report.done-summary", lang, count=len(done)),
    }


def _hatch(status: str, width: float) -> str | None:
    """White strokes over an area's bar, so that its status reads on a grey-scale print as
    well as in colour: none for ready, a line along the middle for on track, upright stripes
    for at risk, slanted ones for blocked, a cross for an error. A path in the bar's own
    200 x 12 units (no pattern to reference: the page has no ``url()`` at all)."""
    if width <= 0 or status == "ready":
        return None
    if status == "on_track":
        return f"M 0 6 H {_num(width)}"
    if status == "at_risk":
        return " ".join(f"M {_num(x)} 0 V 12" for x in _steps(4.0, width, 10.0))
    if status == "blocked":
        return " ".join(
            f"M {_num(x)} 12 L {_num(x + 6.0)} 0" for x in _steps(0.0, width - 6.0, 7.0)
        )
    return f"M 0 0 L {_num(width)} 12 M 0 12 L {_num(width)} 0"


def _steps(start: float, stop: float, step: float) -> list[float]:
    out = []
    value = start
    while value < stop:
        out.append(value)
        value += step
    return out


# -- the charts ----------------------------------------------------------------------------------


def _num(value: float) -> str:
    """A coordinate for SVG: fixed decimals, so the same report gives the same bytes."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _gauge(score: float | None) -> dict[str, Any]:
    """A half-circle gauge (centre 100,100, radius 80): the arc from the left end to the score."""
    if score is None or score <= 0:
        return {"arc": None}
    fraction = min(score, 100.0) / 100.0
    angle = math.pi * (1.0 - fraction)
    x = 100.0 + 80.0 * math.cos(angle)
    y = 100.0 - 80.0 * math.sin(angle)
    return {"arc": f"M 20.0 100.0 A 80 80 0 0 1 {_num(x)} {_num(y)}"}


# The timeline's plot area inside a 680 x 280 viewBox.
_LEFT, _RIGHT, _TOP, _BOTTOM = 56.0, 664.0, 16.0, 236.0
_MAX_X_LABELS = 8


def _timeline_chart(report: Report, lang: str) -> dict[str, Any] | None:
    points = readiness_timeline(report)
    if not points:
        return None
    tz = report.event.tz
    t0 = points[0].when
    span = (points[-1].when - t0).total_seconds() or 1.0

    def x(moment: datetime) -> float:
        return _LEFT + (_RIGHT - _LEFT) * (moment - t0).total_seconds() / span

    def y(percent: float) -> float:
        return _BOTTOM - (_BOTTOM - _TOP) * min(max(percent, 0.0), 100.0) / 100.0

    def line(values: list[tuple[datetime, float]]) -> str:
        return " ".join(f"{_num(x(m))},{_num(y(v))}" for m, v in values)

    y_ticks = [
        {"y": _num(y(p)), "label": f"{format_number(float(p), lang)}%"} for p in range(0, 101, 25)
    ]
    step = max(1, math.ceil(len(points) / _MAX_X_LABELS))
    chosen = list(range(0, len(points) - 1, step))
    # the opening always has its label; drop a day label that would crowd it
    if chosen and (len(points) - 1 - chosen[-1]) < step / 2 and len(chosen) > 1:
        chosen.pop()
    chosen.append(len(points) - 1)
    x_ticks = [
        {"x": _num(x(points[i].when)), "label": _day_label(points[i].when.astimezone(tz), lang)}
        for i in chosen
    ]
    as_of = report.as_of
    marker = None
    if t0 <= as_of <= points[-1].when:
        marker = {"x": _num(x(as_of)), "label": _("report.html-timeline-as-of", lang)}
    last = points[-1]
    # what was earned is known up to the moment of the assessment, never past it
    done = [(p.when, p.earned) for p in points if p.earned is not None and p.when <= as_of]
    earned = [value for _, value in done]
    return {
        "planned": line([(p.when, p.planned) for p in points]),
        "earned": line(done),
        "y_ticks": y_ticks,
        "x_ticks": x_ticks,
        "as_of": marker,
        "left": _num(_LEFT),
        "right": _num(_RIGHT),
        "top": _num(_TOP),
        "bottom": _num(_BOTTOM),
        "tick_end": _num(_BOTTOM + 5),
        "axis_x": _("report.html-timeline-axis-x", lang, opening=phrases.opening(report, lang)),
        "axis_y": _("report.html-timeline-axis-y", lang),
        "planned_label": _("report.html-timeline-planned", lang),
        "earned_label": _("report.html-timeline-earned", lang),
        "summary": _(
            "report.html-timeline-summary",
            lang,
            opening=phrases.opening(report, lang),
            first=format_datetime(points[0].when.astimezone(tz).date(), lang),
            planned=format_number(last.planned, lang),
            earned=format_number(earned[-1] if earned else 0.0, lang),
        ),
        "days": len(points),
    }


def _day_label(moment: datetime, lang: str) -> str:
    day: date = moment.date()
    return _("report.html-axis-day", lang, day=day.day, month=day.month)
