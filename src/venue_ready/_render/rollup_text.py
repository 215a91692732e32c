"""``venue-ready rollup`` as plain text: totals per level, a table worst first, the tree, and
the errors. Every string comes from the message catalogs."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from .._i18n import format_datetime, format_number, format_score, level_title
from .._i18n import gettext as _
from .._model import DEFAULT_TIMEZONE, AreaStatus
from .inert import inert

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .._rollup import LevelTotal, Rollup, RollupEntry

__all__ = ["render_rollup_text"]

#: The table's columns, by their headings' message ids.
_COLUMNS = (
    "rollup.col-id",
    "rollup.col-name",
    "rollup.col-level",
    "report.col-score",
    "report.col-status",
    "rollup.col-blockers",
    "rollup.col-overdue",
)
#: Names longer than this are cut in the table (the tree shows them whole).
NAME_WIDTH = 48


def render_rollup_text(rollup: Rollup, lang: str) -> str:
    """The whole roll-up as text, ending in a newline; control characters in it escaped
    (:func:`~venue_ready._render.inert.inert`)."""
    from .._dates import get_zone

    tz = get_zone(DEFAULT_TIMEZONE)
    lines = [
        _("rollup.title", lang, events=len(rollup.entries), files=rollup.files),
        _("report.as-of", lang, when=format_datetime(rollup.as_of.astimezone(tz), lang)),
        "",
        _("rollup.levels-heading", lang),
    ]
    lines += ["  " + level_line(total, lang) for total in rollup.levels()]
    lines += ["", _("rollup.worst-heading", lang, count=len(rollup.entries))]
    lines += _table(rollup.worst_first(), lang)
    lines += ["", _("rollup.tree-heading", lang)]
    lines += ["  " + "  " * e.depth + tree_line(e, rollup, lang) for e in rollup.entries]
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


def level_line(total: LevelTotal, lang: str) -> str:
    """One level's totals in words."""
    statuses = ", ".join(
        f"{status.label(lang)} {_count(count, lang)}" for status, count in total.statuses if count
    )
    return _(
        "rollup.level-line",
        lang,
        title=level_title(total.level, lang),
        events=total.events,
        mean=format_score(total.mean_score, lang),
        statuses=statuses,
        blockers=total.blockers,
        overdue=total.overdue,
        held=total.held,
    )


def tree_line(entry: RollupEntry, rollup: Rollup, lang: str) -> str:
    """One event of the tree: id, name, score, status, and what holds it back."""
    from .._dates import get_zone

    r = entry.result
    parts = [
        _(
            "rollup.tree-line",
            lang,
            id=r.id,
            name=r.name,
            score=format_score(r.score, lang),
            status=r.status.value,
        )
    ]
    if r.blockers or r.overdue:
        parts.append(_("rollup.tree-problems", lang, blockers=r.blockers, overdue=r.overdue))
    if r.held_by(rollup.as_of) and r.held_at is not None:
        moment = r.held_at.astimezone(get_zone(DEFAULT_TIMEZONE))
        # a bare date in the file (the start of that day) reads as the date alone
        held = format_datetime(moment.date() if moment.time() == time() else moment, lang)
        parts.append(_("rollup.tree-held", lang, when=held))
    return "; ".join(parts)


def _table(entries: list[RollupEntry], lang: str) -> list[str]:
    head = table_head(lang)
    rows = [
        [
            row["id"],
            _cut(row["name"]),
            row["level"],
            row["score"],
            row["status_label"],
            row["blockers"],
            row["overdue"],
        ]
        for row in table_rows(entries, lang)
    ]
    widths = [max(len(row[i]) for row in (head, *rows)) for i in range(len(head))]
    numeric = {3, 5, 6}

    def line(row: list[str]) -> str:
        cells = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return ("  " + "  ".join(cells)).rstrip()

    return [line(head), *(line(row) for row in rows)]


def _cut(name: str) -> str:
    return name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"


def table_head(lang: str) -> list[str]:
    """The roll-up table's column headings, in the text and on the HTML page alike."""
    return [_(key, lang) for key in _COLUMNS]


def table_rows(entries: Iterable[RollupEntry], lang: str) -> list[dict[str, str]]:
    """The roll-up table's cells, one row per entry, in the text and on the HTML page alike:
    ``id``, ``name``, ``level``, ``score``, ``status`` (its value, for styles),
    ``status_label``, ``blockers`` and ``overdue``."""
    entries = list(entries)
    # a handful of distinct levels and statuses among many rows: look each up once
    levels = {level: level_title(level, lang) for level in {e.result.level for e in entries}}
    labels = {status: status.label(lang) for status in AreaStatus}
    return [
        {
            "id": e.result.id,
            "name": e.result.name,
            "level": levels[e.result.level],
            "score": format_score(e.result.score, lang),
            "status": e.result.status.value,
            "status_label": labels[e.result.status],
            "blockers": _count(e.result.blockers, lang),
            "overdue": _count(e.result.overdue, lang),
        }
        for e in entries
    ]


def _count(number: int, lang: str) -> str:
    # as the catalogs' templates write a whole number: grouped from 10,000 up
    return format_number(number, lang, 0) if abs(number) >= 10000 else str(number)
