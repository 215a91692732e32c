"""``venue-ready rollup`` as plain text: the top event's name, totals per level as a table, a
table worst first (with each event's first blocker and its owner), the tree, and the errors.
Every string comes from the message catalogs.

The facts in words (:func:`words`: the title, :func:`level_table`, :func:`table_rows`,
:func:`tree_line`, …) are gathered once for the plain text, the HTML page and the terminal
layout alike, so the three say the same thing and only lay it out.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from attrs import frozen

from .._i18n import format_datetime, format_number, format_score, level_title
from .._i18n import gettext as _
from .._i18n import gettext_count as counted
from .._model import DEFAULT_TIMEZONE, AreaStatus
from .inert import inert

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .._rollup import Rollup, RollupEntry, RollupSelection

__all__ = [
    "RollupWords",
    "counts_line",
    "level_table",
    "render_rollup_text",
    "table_head",
    "table_rows",
    "title",
    "tree_entries",
    "tree_line",
    "words",
    "worst_heading",
]

#: The table's columns, by their headings' message ids.
_COLUMNS = (
    "rollup.col-id",
    "rollup.col-name",
    "rollup.col-level",
    "report.col-score",
    "report.col-status",
    "rollup.col-blockers",
    "rollup.col-overdue",
    "rollup.col-first-blocker",
    "report.col-owner",
)
#: The columns of numbers (right-aligned), by index, in the events' table.
NUMERIC = frozenset({3, 5, 6})
#: Names longer than this are cut in the table (the tree shows them whole).
NAME_WIDTH = 48
#: A first blocker longer than this is cut in the text table.
BLOCKER_WIDTH = 60
#: An owner longer than this is cut in the text table.
OWNER_WIDTH = 32


def render_rollup_text(rollup: Rollup, lang: str, selection: RollupSelection | None = None) -> str:
    """The whole roll-up as text, ending in a newline; control characters in it escaped
    (:func:`~venue_ready._render.inert.inert`). ``selection`` keeps only some events in the
    table and the tree (with their ancestors, for context); the totals count every event."""
    said = words(rollup, lang, selection)
    lines = [
        said.title,
        said.counts,
        said.as_of,
        "",
        _("rollup.levels-heading", lang),
    ]
    lines += grid(said.level_head, said.level_rows, numeric=set(range(1, len(said.level_head))))
    lines += ["", said.worst + ":"]
    lines += _table(said)
    lines += ["", _("rollup.tree-heading", lang)]
    lines += ["  " + "  " * entry.depth + line for entry, line in said.tree]
    if rollup.errors:
        lines += ["", _("rollup.errors-heading", lang, count=len(rollup.errors))]
        for error in rollup.errors:
            first, *rest = error.render(lang, rollup.catalogs).split("\n")
            lines.append("  - " + first)
            lines += ["    " + line for line in rest]
    if rollup.failures:
        lines += ["", _("report.failures-heading", lang, count=len(rollup.failures))]
        lines += ["  - " + f.render(lang) for f in rollup.failures]
    # the one choke point: names and errors come from every file of the tree
    return inert("\n".join(lines) + "\n")


@frozen
class RollupWords:
    """The roll-up in words, for one language and selection: everything the text, the
    terminal and the HTML page say, which they only lay out. ``worst`` is the heading of the
    table worst first (without a colon), ``columns`` and ``rows`` that table
    (:func:`table_head`, :func:`table_rows`), ``tree`` each event of the tree shown with its
    line (:func:`tree_entries`, :func:`tree_line`)."""

    title: str
    counts: str
    as_of: str
    level_head: list[str]
    level_rows: list[list[str]]
    worst: str
    columns: list[str]
    rows: list[dict[str, str]]
    tree: list[tuple[RollupEntry, str]]


def words(
    rollup: Rollup, lang: str, selection: RollupSelection | None = None, *, html: bool = False
) -> RollupWords:
    """The roll-up in words (:class:`RollupWords`); ``selection`` keeps only some events in
    the table and the tree (the totals count every event); ``html``: the headings the page
    uses (see :func:`worst_heading`)."""
    from .._dates import get_zone

    tz = get_zone(DEFAULT_TIMEZONE)
    shown = rollup.select(selection)
    level_head, level_rows = level_table(rollup, lang)
    return RollupWords(
        title=title(rollup, lang),
        counts=counts_line(rollup, lang),
        as_of=_("report.as-of", lang, when=format_datetime(rollup.as_of.astimezone(tz), lang)),
        level_head=level_head,
        level_rows=level_rows,
        worst=worst_heading(rollup, shown, selection, lang, html=html),
        columns=table_head(lang),
        rows=table_rows(rollup, shown, lang),
        tree=[(e, tree_line(e, rollup, lang)) for e in tree_entries(rollup, shown)],
    )


def title(rollup: Rollup, lang: str) -> str:
    """The roll-up's title: the name of the event at the top of its tree."""
    top, others = rollup.top()
    if top is None:
        return _("rollup.html-title", lang)
    if others:
        return counted("rollup.title-others", others, lang, name=top.result.name)
    return _("rollup.title", lang, name=top.result.name)


def counts_line(rollup: Rollup, lang: str) -> str:
    """ "8 events from 8 files", each counted in the language's way."""
    return _(
        "rollup.counts",
        lang,
        events=counted("rollup.n-events", len(rollup.entries), lang),
        files=counted("rollup.n-files", rollup.files, lang),
    )


def worst_heading(
    rollup: Rollup,
    shown: list[RollupEntry],
    selection: RollupSelection | None,
    lang: str,
    *,
    html: bool = False,
) -> str:
    """The heading of the table worst first, saying how many of how many it lists and how
    they were chosen (the options as given: they are the same in every language)."""
    if selection is None or not selection.active:
        text = _(
            "rollup.html-worst-heading" if html else "rollup.worst-heading", lang, count=len(shown)
        )
        return text.removesuffix(":")
    filters = []
    if selection.levels:
        filters.append("--level " + ",".join(selection.levels))
    if selection.statuses:
        filters.append("--status " + ",".join(selection.statuses))
    if selection.top is not None:
        filters.append(f"--top {selection.top}")
    key = "rollup.html-worst-heading-filtered" if html else "rollup.worst-heading-filtered"
    text = _(key, lang, count=len(shown), total=len(rollup.entries), filters=" ".join(filters))
    return text.removesuffix(":")


def level_table(rollup: Rollup, lang: str) -> tuple[list[str], list[list[str]]]:
    """The totals per level as a table: its headings and its rows. The status columns count
    the congresses not held yet (a held congress is in the "held" column only), and only the
    statuses some level has are shown."""
    totals = rollup.levels()
    statuses = [
        status
        for status in sorted(AreaStatus, key=lambda s: -s.severity)
        if any(dict(t.open_statuses).get(status) for t in totals)
    ]
    head = [
        _("rollup.col-level", lang),
        _("rollup.col-events", lang),
        _("rollup.col-mean", lang),
        _("rollup.col-held", lang),
        *(status.label(lang) for status in statuses),
        _("rollup.col-blockers", lang),
        _("rollup.col-overdue", lang),
    ]
    rows = []
    for t in totals:
        counts = dict(t.open_statuses)
        rows.append(
            [
                level_title(t.level, lang),
                _count(t.events, lang),
                format_score(t.mean_score, lang),
                _count(t.held, lang),
                *(_count(counts.get(status, 0), lang) for status in statuses),
                _count(t.blockers, lang),
                _count(t.overdue, lang),
            ]
        )
    return head, rows


def tree_entries(rollup: Rollup, shown: list[RollupEntry]) -> list[RollupEntry]:
    """The tree's entries: every entry, or, when some are left out, those shown and their
    ancestors (so that each sits under its parent), in tree order."""
    if len(shown) == len(rollup.entries):
        return list(rollup.entries)
    wanted = {id(e) for e in shown}
    keep: set[int] = set()
    path: list[RollupEntry] = []  # the current entry's ancestors, in tree order
    for entry in rollup.entries:
        del path[entry.depth :]
        if id(entry) in wanted:
            keep.add(id(entry))
            keep.update(id(a) for a in path)
        path.append(entry)
    return [e for e in rollup.entries if id(e) in keep]


def tree_line(entry: RollupEntry, rollup: Rollup, lang: str) -> str:
    """One event of the tree: id, name, score, status (or when it was held), and what holds
    it back."""
    from .._dates import get_zone

    r = entry.result
    held = rollup.is_held(entry)
    score = format_score(r.score, lang)
    if held:
        parts = [_("rollup.tree-line-held", lang, id=r.id, name=r.name, score=score)]
    else:
        status = r.status.label(lang)
        parts = [_("rollup.tree-line", lang, id=r.id, name=r.name, score=score, status=status)]
    if r.blockers or r.overdue:
        parts.append(
            _(
                "rollup.tree-problems",
                lang,
                gates=counted("rollup.n-blockers", r.blockers, lang),
                late=counted("rollup.n-overdue", r.overdue, lang),
            )
        )
    if held and r.held_at is not None:
        moment = r.held_at.astimezone(get_zone(DEFAULT_TIMEZONE))
        # a bare date in the file (the start of that day) reads as the date alone
        when = format_datetime(moment.date() if moment.time() == time() else moment, lang)
        parts.append(_("rollup.tree-held", lang, when=when))
    return "; ".join(parts)


def _table(said: RollupWords) -> list[str]:
    rows = [
        [
            row["id"],
            _cut(row["name"], NAME_WIDTH),
            row["level"],
            row["score"],
            row["status_label"],
            row["blockers"],
            row["overdue"],
            _cut(row["blocker"], BLOCKER_WIDTH),
            _cut(row["owner"], OWNER_WIDTH),
        ]
        for row in said.rows
    ]
    return grid(said.columns, rows, numeric=NUMERIC)


def grid(head: list[str], rows: list[list[str]], *, numeric: Iterable[int]) -> list[str]:
    """A table in plain text: columns as wide as their widest cell, numbers right-aligned."""
    right = set(numeric)
    widths = [max(len(row[i]) for row in (head, *rows)) for i in range(len(head))]

    def line(row: list[str]) -> str:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return ("  " + "  ".join(cells)).rstrip()

    return [line(head), *(line(row) for row in rows)]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def table_head(lang: str) -> list[str]:
    """The roll-up table's column headings, in the text and on the HTML page alike."""
    return [_(key, lang) for key in _COLUMNS]


def table_rows(rollup: Rollup, entries: Iterable[RollupEntry], lang: str) -> list[dict[str, str]]:
    """The roll-up table's cells, one row per entry, in the text, the terminal and on the HTML
    page alike: ``id``, ``name``, ``level``, ``score``, ``status`` (its value, or ``held``, for
    styles), ``status_label``, ``blockers``, ``overdue``, ``blocker`` (the first blocker's
    text; an overdue Finding's marked so) and ``owner`` (a dash when there is none). Only the
    rows printed are formatted."""
    entries = list(entries)
    # a handful of distinct levels and statuses among many rows: look each up once
    levels = {level: level_title(level, lang) for level in {e.result.level for e in entries}}
    labels = {status.value: status.label(lang) for status in AreaStatus}
    labels["held"] = _("rollup.status-held", lang)
    rows = []
    for e in entries:
        status = rollup.status_of(e)
        blocker, owner = "—", "—"
        if e.first_blocker is not None:
            blocker = e.first_blocker.text(lang, rollup.catalogs)
            if e.first_blocker.overdue:
                blocker = _("rollup.blocker-overdue", lang, text=blocker)
            owner = e.first_blocker.owner_text(lang, rollup.catalogs) or "—"
        rows.append(
            {
                "id": e.result.id,
                "name": e.result.name,
                "level": levels[e.result.level],
                "score": format_score(e.result.score, lang),
                "status": status,
                "status_label": labels[status],
                "blockers": _count(e.result.blockers, lang),
                "overdue": _count(e.result.overdue, lang),
                "blocker": blocker,
                "owner": owner,
            }
        )
    return rows


def _count(number: int, lang: str) -> str:
    # as the catalogs' templates write a whole number: grouped, 1.901 (vi) / 1,901 (en)
    return format_number(number, lang, 0)
