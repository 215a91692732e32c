"""The ``--format text`` report on a terminal: the same facts and catalog strings as the plain
text report (:mod:`.text`), laid out with rich.

The CLI uses it only when standard output is a terminal; piped or redirected, the report is
the plain text, without escape codes. rich honours ``NO_COLOR`` (any non-empty value: no
colour, the layout stays) and ``FORCE_COLOR``; the terminal's width sets the layout's.

rich is imported here and only here, when a report is printed to a terminal: ``import
venue_ready`` and a piped ``venue-ready check`` never load it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from .._i18n import format_score
from .._i18n import gettext as _
from . import phrases
from .inert import inert

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from rich.console import RenderableType
    from rich.style import Style

    from .._errors import PluginFailure
    from .._model import Finding
    from .._report import Report
    from .phrases import MarkHints

__all__ = [
    "STATUS_STYLES",
    "Text",
    "console_for",
    "print_terminal",
    "render_terminal",
    "render_to_string",
]

_T = TypeVar("_T")

#: The colour of each status (``AreaStatus`` value).
STATUS_STYLES = {
    "ready": "green",
    "on_track": "cyan",
    "at_risk": "yellow",
    "blocked": "red",
    "error": "magenta",
}
_BLOCKS = " ▏▎▍▌▋▊▉█"  # eighths of a cell, for a bar that shows 93 and 97 apart


class Text(RichText):
    """rich's Text, whose words are shown and never obeyed: every string it is made of or
    given passes through :func:`~venue_ready._render.inert.inert`.

    The terminal report's one choke point for control characters: every Text this module
    builds, ``Text(…)``, ``Text.assemble(…)`` or ``append``, is this class (the name shadows
    rich's on purpose). It must act before rich lays the text out, since the escape of a
    control character is wider than the character."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(inert(text), *args, **kwargs)

    def append(self, text: RichText | str, style: str | Style | None = None) -> RichText:
        return super().append(inert(text) if isinstance(text, str) else text, style)


def print_terminal(
    report: Report, lang: str, file: TextIO | None = None, *, hints: MarkHints | None = None
) -> None:
    """Print the report to ``file`` (default: standard output), a terminal, with rich.

    Colour, width and ``NO_COLOR``/``FORCE_COLOR`` are rich's own detection. Each open item
    listed shows its id, and with ``hints`` the command that records it done."""
    _print(console_for(file), report, lang, hints)


def render_terminal(
    report: Report,
    lang: str,
    *,
    width: int = 100,
    no_color: bool = False,
    hints: MarkHints | None = None,
) -> str:
    """The terminal report as a string, with its escape codes, as a terminal of ``width``
    columns would show it (for tests and previews)."""
    return render_to_string(lambda console: _print(console, report, lang, hints), width, no_color)


def console_for(file: TextIO | None, **options: Any) -> Console:
    """A rich console writing to ``file`` (None: standard output) for a report made of
    :class:`Text`: nothing in its words is read as markup, emoji or code."""
    return Console(file=file, highlight=False, markup=False, emoji=False, **options)


def render_to_string(draw: Callable[[Console], None], width: int, no_color: bool) -> str:
    """What ``draw`` prints on a console of ``width`` columns, as a string with its escape
    codes, as a colour terminal would show it (``no_color``: the layout without colour); the
    report and the roll-up alike, for tests and previews."""
    import io

    buffer = io.StringIO()
    draw(
        console_for(
            buffer,
            force_terminal=True,
            color_system="standard",
            width=width,
            no_color=no_color,
            legacy_windows=False,
        )
    )
    return buffer.getvalue()


def _print(console: Console, report: Report, lang: str, hints: MarkHints | None) -> None:
    console.print(_summary(report, lang, console.width))
    console.print(_areas(report, lang, console.width))
    console.print(_attention(report, lang, console.width, hints))
    console.print(_next_due(report, lang, console.width, hints))
    for extra in (_self_reported(report, lang), _waivers(report, lang), _failures(report, lang)):
        if extra is not None:
            console.print(extra)


# -- the parts ------------------------------------------------------------------------------


def _style(status: str) -> str:
    return STATUS_STYLES.get(status, "")


def _bar(score: float | None, width: int, style: str) -> RichText:
    """``width`` cells of bar for a 0..100 score, in eighths of a cell; dim shading for the
    rest, so the bar still reads without colour."""
    if score is None:
        return Text("░" * width, style="dim")
    eighths = math.floor(max(0.0, min(score, 100.0)) / 100 * width * 8 + 1e-9)
    full, part = divmod(eighths, 8)
    done = "█" * full + (_BLOCKS[part] if part else "")
    return Text.assemble((done, style), ("░" * (width - len(done)), "dim"))


def _summary(report: Report, lang: str, width: int) -> RenderableType:
    ev = report.event
    style = _style(report.status.value)
    lines: list[RenderableType] = [
        Text(phrases.overall(report, lang), style=f"bold {style}"),
        _bar(report.score, max(10, min(60, width - 8)), style),
    ]
    if report.inconclusive:
        lines.append(Text(_("report.inconclusive", lang), style="magenta"))
    lines.append(Text(""))
    lines.append(Text(phrases.kind(report, lang)))
    lines.append(Text(phrases.starts(report, lang)))
    venue = phrases.venue(report, lang)
    if venue is not None:
        lines.append(Text(venue))
    lines.append(Text(phrases.as_of(report, lang), style="dim"))
    return Panel(
        Group(*lines),
        title=Text(ev.name, style="bold"),
        title_align="left",
        border_style=style,
        box=box.HEAVY,
        padding=(1, 2),
    )


def _areas(report: Report, lang: str, width: int) -> RenderableType:
    bar_width = 20 if width >= 120 else 10
    table = _section_table(phrases.heading("report.areas-heading", lang))
    table.add_column(Text(_("report.col-area", lang)), no_wrap=True)
    table.add_column(Text(_("report.col-score", lang)), justify="right", no_wrap=True)
    table.add_column(Text(""), no_wrap=True, min_width=bar_width)
    table.add_column(Text(_("report.col-coverage", lang)), justify="right", no_wrap=True)
    table.add_column(Text(_("report.col-status", lang)), ratio=1)
    for area in report.areas:
        style = _style(area.status.value)
        assessed, expected = area.coverage
        status = Text(phrases.area_status(report, area, lang), style=style)
        details = " · ".join(phrases.area_notes(report, area, lang))
        if details:
            status.append("\n" + details, style="dim")
        for error in area.errors:
            status.append("\n! " + report.translate(error, lang), style="magenta")
        table.add_row(
            Text(area.title(lang), style="bold"),
            Text(format_score(area.score, lang), style=f"bold {style}"),
            _bar(area.score, bar_width, style),
            Text(f"{assessed}/{expected}", style="" if assessed == expected else "yellow"),
            status,
        )
    return Padding(table, (1, 0, 0, 0))


def _side(width: int) -> int:
    """The width of the owner column; the due column's is 4 less: the item's message gets the
    rest."""
    return 22 if width >= 110 else 16


def _owner_width(owners: list[str], width: int) -> int:
    """Owners on one line when the terminal is wide enough (up to a fifth of it)."""
    longest = max((len(o) for o in owners), default=0)
    return max(_side(width), min(longest, width // 5))


def _item(
    report: Report,
    f: Finding,
    titles: dict[str, str],
    lang: str,
    *,
    hints: MarkHints | None = None,
    items: Mapping[str, frozenset[str]] | None = None,
) -> RichText:
    """A Finding's message under its area's title (the plain report's "[area] message"),
    then its id and the command that records it done (:func:`.phrases.act_lines`)."""
    text = Text.assemble(
        (titles.get(f.area, f.area), "dim"), "\n", report.translate(f.message, lang)
    )
    text.overflow = "fold"  # a long path in a command is folded, never cut off with "…"
    late = phrases.overdue_by(report, f, lang)
    if late is not None:
        text.append(f" ({late})", style="yellow")
    items = phrases.item_ids(report) if items is None else items
    for line in phrases.act_lines(report, f, items, hints, lang):
        text.append("\n" + line, style="dim")
    return text


def _attention(report: Report, lang: str, width: int, hints: MarkHints | None) -> RenderableType:
    """Unmet critical conditions and overdue items in one table, grouped by who is in charge:
    the list to hand out at a preparation meeting."""
    blockers = report.blockers
    overdue = report.overdue
    title = " · ".join(
        (
            phrases.heading("report.blockers-heading", lang, count=len(blockers)),
            phrases.heading("report.overdue-heading", lang, count=len(overdue)),
        )
    )
    if not blockers and not overdue:
        return Padding(
            Text.assemble((title, "bold"), "\n  ", (_("report.none", lang), "green")), (0, 0)
        )
    # one row per Finding, marked critical, overdue or both
    rows: dict[int, tuple[Finding, bool, bool]] = {}
    for f in blockers:
        rows[id(f)] = (f, True, False)
    for f in overdue:
        rows[id(f)] = (f, id(f) in rows, True)
    by_owner: dict[str, list[tuple[Finding, bool, bool]]] = {}
    for row in rows.values():
        by_owner.setdefault(phrases.owner(report, row[0], lang), []).append(row)
    no_owner = _("report.no-owner", lang)
    owners = sorted(by_owner, key=lambda o: (o == no_owner, o.casefold()))

    titles = phrases.area_titles(report, lang)
    items = phrases.item_ids(report)
    table = _section_table(title, show_lines=False)
    owner_width = _owner_width(owners, width)
    table.add_column(Text(_("report.col-owner", lang)), style="bold", max_width=owner_width)
    table.add_column(Text(""), no_wrap=True)
    table.add_column(Text(_("report.col-finding", lang)), ratio=1)
    table.add_column(Text(_("report.col-due", lang)), max_width=_side(width) - 4)
    for number, owner in enumerate(owners):
        if number:
            table.add_section()
        findings = sorted(by_owner[owner], key=lambda r: report._due_key(r[0]))
        for index, (f, critical, late) in enumerate(findings):
            marks = Text()
            if critical:
                marks.append(_("report.mark-critical", lang), style="bold red")
            if late:
                if critical:
                    marks.append("\n")
                marks.append(_("report.mark-overdue", lang), style="yellow")
            table.add_row(
                Text(owner if index == 0 else "", style="italic" if owner == no_owner else ""),
                marks,
                _item(report, f, titles, lang, hints=hints, items=items),
                Text(phrases.due_date(report, f, lang), style="red" if late else ""),
            )
    return table


def _next_due(report: Report, lang: str, width: int, hints: MarkHints | None) -> RenderableType:
    listed = report.next_due
    title = phrases.heading("report.next-due-heading", lang, count=len(listed))
    # the unmet critical conditions not yet due are in the table above: named, not repeated
    gates = {id(f) for f in report.blockers}
    upcoming = [f for f in listed if id(f) not in gates]
    above = len(listed) - len(upcoming)
    again = phrases.listed_above(above, True, lang, alone=not upcoming) if above else None
    if not upcoming:
        rest = _("report.none", lang) if again is None else f"({again})"
        return Padding(Text.assemble((title, "bold"), "\n  ", rest), (1, 0))
    titles = phrases.area_titles(report, lang)
    items = phrases.item_ids(report)
    table = _section_table(title, leading=1)
    table.add_column(Text(_("report.col-due", lang)), style="cyan", max_width=_side(width) - 4)
    table.add_column(Text(_("report.col-finding", lang)), ratio=1)
    owner_width = _owner_width([phrases.owner(report, f, lang) for f in upcoming], width)
    table.add_column(Text(_("report.col-owner", lang)), max_width=owner_width)
    for f in upcoming:
        table.add_row(
            Text(phrases.due_date(report, f, lang)),
            _item(report, f, titles, lang, hints=hints, items=items),
            Text(phrases.owner(report, f, lang), style="italic" if not f.owner else ""),
        )
    if again is not None:
        return Padding(Group(table, Text(f"  ({again})", style="dim")), (1, 0, 0, 0))
    return Padding(table, (1, 0, 0, 0))


def _self_reported(report: Report, lang: str) -> RenderableType | None:
    def line(f: Finding) -> RichText:
        reported = f"({report.reported_text(f, lang)})"
        return Text.assemble(report.translate(f.message, lang), " ", (reported, "dim"))

    return _listed("report.reported-heading", report.self_reported, line, lang)


def _waivers(report: Report, lang: str) -> RenderableType | None:
    def line(f: Finding) -> Text:
        return Text(phrases.waiver_line(report, f, lang))

    return _listed("report.waivers-heading", report.waivers, line, lang)


def _failures(report: Report, lang: str) -> RenderableType | None:
    def line(failure: PluginFailure) -> Text:
        return Text(failure.render(lang), style="magenta")

    return _listed("report.failures-heading", report.failures, line, lang, style="bold magenta")


def _listed(
    heading_id: str,
    things: Sequence[_T],
    line: Callable[[_T], RichText],
    lang: str,
    *,
    style: str = "bold",
) -> RenderableType | None:
    """A section listing ``things``, a line each, under a heading that counts them; nothing
    when there are none."""
    if not things:
        return None
    heading = phrases.heading(heading_id, lang, count=len(things))
    return _bulleted(Text(heading, style=style), (line(thing) for thing in things))


def _section_table(title: str, **options: Any) -> Table:
    """A table under its bold title, with a rule under the column heads only (every table of
    the report looks so)."""
    return Table(
        title=Text(title, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        **options,
    )


def _bulleted(heading: RichText, lines: Iterable[RichText]) -> RenderableType:
    """A heading over a dashed list whose lines wrap under their own text, not under the dash."""
    table = Table.grid(padding=(0, 1, 0, 0))
    table.title = heading
    table.title_justify = "left"
    table.add_column(width=3, justify="right")
    table.add_column(ratio=1)
    for line in lines:
        table.add_row("-", line)
    return Padding(table, (1, 0, 0, 0))
