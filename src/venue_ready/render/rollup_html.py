"""``venue-ready rollup --format html``: one self-contained page (its styles inside, no script,
no link), with the totals per level, the errors, the table worst first and the tree.

Every string is rendered here from the message catalogs; the Jinja template
(``templates/rollup.html.j2``) only lays them out, with autoescaping on, so no text from an
event file can become markup. Jinja is imported only when this format is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..i18n import format_datetime, format_score
from ..i18n import gettext as _
from ..model import DEFAULT_TIMEZONE, AreaStatus

if TYPE_CHECKING:
    from jinja2 import Template

    from ..rollup import Rollup

__all__ = ["render_rollup_html"]

TEMPLATE = "templates/rollup.html.j2"

_template: Template | None = None


def render_rollup_html(rollup: Rollup, lang: str) -> str:
    """The whole roll-up as one HTML page, ending in a newline."""
    return _get_template().render(_context(rollup, lang))


def _get_template() -> Template:
    global _template  # noqa: PLW0603 - compiled once, on first use
    if _template is None:
        from .html import load_template

        _template = load_template(TEMPLATE)
    return _template


def _context(rollup: Rollup, lang: str) -> dict[str, Any]:
    from .._version import __version__
    from ..dates import get_zone
    from ..i18n import level_title
    from .rollup_text import _count, level_line, tree_line

    tz = get_zone(DEFAULT_TIMEZONE)
    # a handful of distinct levels and statuses among many rows: look each up once
    levels = {lv: level_title(lv, lang) for lv in {e.result.level for e in rollup.entries}}
    labels = {status: status.label(lang) for status in AreaStatus}
    return {
        "lang": lang,
        "generator": f"venue_ready {__version__}",
        "labels": {
            "title": _("rollup.html-title", lang),
            "levels": _("rollup.html-levels-heading", lang),
            "worst": _("rollup.html-worst-heading", lang),
            "tree": _("rollup.html-tree-heading", lang),
            "errors": _("rollup.html-errors-heading", lang),
            "failures": _("report.failures-heading", lang, count=len(rollup.failures)),
            "generated": _("report.html-generated", lang, version=__version__),
        },
        "summary": _("rollup.title", lang, events=len(rollup.entries), files=rollup.files),
        "as_of": _("report.as-of", lang, when=format_datetime(rollup.as_of.astimezone(tz), lang)),
        "levels": [level_line(total, lang) for total in rollup.levels()],
        "errors": [
            {
                "text": error.render(lang, rollup.catalogs).split("\n", 1)[0],
                "problems": [p.render(lang, rollup.catalogs) for p in error.problems],
            }
            for error in rollup.errors
        ],
        "failures": [f.render(lang) for f in rollup.failures],
        "columns": [
            _("rollup.col-id", lang),
            _("rollup.col-name", lang),
            _("rollup.col-level", lang),
            _("report.col-score", lang),
            _("report.col-status", lang),
            _("rollup.col-blockers", lang),
            _("rollup.col-overdue", lang),
        ],
        "rows": [
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
            for e in rollup.worst_first()
        ],
        "tree": [
            {
                "depth": e.depth,
                "status": e.result.status.value,
                "text": tree_line(e, rollup, lang),
            }
            for e in rollup.entries
        ],
    }
