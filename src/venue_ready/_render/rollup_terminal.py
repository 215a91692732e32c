"""``venue-ready rollup`` on a terminal: the same facts and catalog strings as the plain text
(:mod:`.rollup_text`), laid out with rich as the single event's terminal report is
(:mod:`.terminal`: its status colours, its inert ``Text``), in tables as wide as the terminal.

The CLI uses it only when standard output is a terminal; piped or redirected, the roll-up is
the plain text, byte for byte. rich honours ``NO_COLOR`` (no colour, the layout stays) and
``FORCE_COLOR``. rich is imported only when a roll-up is printed to a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table

from .._i18n import gettext as _
from .rollup_text import NUMERIC, words
from .terminal import STATUS_STYLES, Text, console_for, render_to_string

if TYPE_CHECKING:
    from .._rollup import Rollup, RollupSelection

__all__ = ["print_rollup_terminal", "render_rollup_terminal"]

#: The colour of a congress already held.
HELD_STYLE = "dim green"
#: From this many columns on, the events' table has every column; below, see ``_print``.
WIDE = 120
#: The events' table's cells, in the order of its columns (``table_head``).
_KEYS = (
    "id",
    "name",
    "level",
    "score",
    "status_label",
    "blockers",
    "overdue",
    "blocker",
    "owner",
)


def print_rollup_terminal(
    rollup: Rollup, lang: str, selection: RollupSelection | None = None, file: TextIO | None = None
) -> None:
    """Print the roll-up to ``file`` (default: standard output), a terminal, with rich."""
    _print(console_for(file), rollup, lang, selection)


def render_rollup_terminal(
    rollup: Rollup,
    lang: str,
    selection: RollupSelection | None = None,
    *,
    width: int = 100,
    no_color: bool = False,
) -> str:
    """The terminal roll-up as a string, with its escape codes, as a terminal of ``width``
    columns would show it (for tests and previews)."""
    return render_to_string(
        lambda console: _print(console, rollup, lang, selection), width, no_color
    )


def _style(status: str) -> str:
    return HELD_STYLE if status == "held" else STATUS_STYLES.get(status, "")


def _print(console: Console, rollup: Rollup, lang: str, selection: RollupSelection | None) -> None:
    said = words(rollup, lang, selection)
    console.print(Text(said.title, style="bold"))
    console.print(Text(said.counts))
    console.print(Text(said.as_of))

    levels = _table(_("rollup.html-levels-heading", lang))
    for i, heading in enumerate(said.level_head):
        levels.add_column(Text(heading), justify="left" if i == 0 else "right", overflow="fold")
    for row in said.level_rows:
        levels.add_row(*(Text(cell) for cell in row))
    console.print(levels)

    worst = _table(said.worst)
    # On a narrow terminal the level goes (a filter by level makes it the same on every row)
    # and the owner joins the first blocker's cell, under it, rather than squeezing every
    # column to a few letters.
    narrow = console.width < WIDE
    columns = [i for i in range(len(_KEYS)) if not (narrow and _KEYS[i] in ("level", "owner"))]
    for i in columns:
        worst.add_column(Text(said.columns[i]), **_column(i, said.rows))
    for cells in said.rows:
        style = _style(cells["status"])
        texts = {key: Text(cells[key]) for key in _KEYS}
        texts["status_label"] = Text(cells["status_label"], style=f"bold {style}".strip())
        if cells["blockers"] != "0":
            texts["blockers"].stylize("red")
        if cells["overdue"] != "0":
            texts["overdue"].stylize("yellow")
        if narrow and cells["owner"] != "—":
            texts["blocker"].append("\n" + cells["owner"], style="italic")
        worst.add_row(*(texts[_KEYS[i]] for i in columns))
    console.print(worst)

    console.print(Text(_("rollup.tree-heading", lang), style="bold"))
    for entry, text in said.tree:
        line = Text("  " * (entry.depth + 1))
        line.append(text, style=_style(rollup.status_of(entry)))
        console.print(line, overflow="fold")

    if rollup.errors:
        console.print(
            Text(_("rollup.errors-heading", lang, count=len(rollup.errors)), style="bold red")
        )
        for error in rollup.errors:
            first, *rest = error.render(lang, rollup.catalogs).split("\n")
            console.print(Text("  - " + first, style="red"))
            for line_text in rest:
                console.print(Text("    " + line_text))
    if rollup.failures:
        heading = _("report.failures-heading", lang, count=len(rollup.failures))
        console.print(Text(heading, style="bold magenta"))
        for failure in rollup.failures:
            console.print(Text("  - " + failure.render(lang), style="magenta"))


def _table(heading: str) -> Table:
    return Table(
        title=Text(heading, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=False,
    )


def _column(index: int, rows: list[dict[str, str]]) -> dict[str, Any]:
    """How each column of the events' table gives way on a narrow terminal: an id, a number
    and a status keep their width (the headings above them wrap), names and blockers wrap."""
    key = _KEYS[index]
    if key in ("id", "score", "blockers", "overdue", "status_label"):
        widest = max((len(row[key]) for row in rows), default=1)
        return {
            "justify": "right" if index in NUMERIC else "left",
            "min_width": min(widest, 16),
            "overflow": "fold",
        }
    return {"overflow": "fold", "min_width": 8}
