"""``venue-ready rollup --format html``: one self-contained page (its styles inside, no script,
no link), with the totals per level, the errors, the table worst first and the tree.

Every string is rendered here from the message catalogs; the Jinja template
(``templates/rollup.html.j2``) only lays them out, with autoescaping on, so no text from an
event file can become markup. Jinja is imported only when this format is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._i18n import format_datetime
from .._i18n import gettext as _
from .._model import DEFAULT_TIMEZONE

if TYPE_CHECKING:
    from .._rollup import Rollup

__all__ = ["render_rollup_html"]

TEMPLATE = "templates/rollup.html.j2"


def render_rollup_html(rollup: Rollup, lang: str) -> str:
    """The whole roll-up as one HTML page, ending in a newline."""
    from .html import load_template

    return load_template(TEMPLATE).render(_context(rollup, lang))


def _context(rollup: Rollup, lang: str) -> dict[str, Any]:
    from .._dates import get_zone
    from .._version import __version__
    from .rollup_text import level_line, table_head, table_rows, tree_line

    tz = get_zone(DEFAULT_TIMEZONE)
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
        "columns": table_head(lang),
        "rows": table_rows(rollup.worst_first(), lang),
        "tree": [
            {
                "depth": e.depth,
                "status": e.result.status.value,
                "text": tree_line(e, rollup, lang),
            }
            for e in rollup.entries
        ],
    }
