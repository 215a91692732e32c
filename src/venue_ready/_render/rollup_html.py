"""``venue-ready rollup --format html``: one self-contained page (its styles inside, no script,
no link to anything outside it), titled with the top event's name, with the totals per level,
the errors, the table worst first (each event's first blocker and its owner) and the tree.
With ``links`` (``--html-dir``), each event's name links to its own page, relatively.

Every string is rendered here from the message catalogs; the Jinja template
(``templates/rollup.html.j2``) only lays them out, with autoescaping on, so no text from an
event file can become markup. Jinja is imported only when this format is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._i18n import gettext as _

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .._rollup import Rollup, RollupSelection

__all__ = ["render_rollup_html"]

TEMPLATE = "templates/rollup.html.j2"


def render_rollup_html(
    rollup: Rollup,
    lang: str,
    selection: RollupSelection | None = None,
    links: Mapping[str, str] | None = None,
) -> str:
    """The whole roll-up as one HTML page, ending in a newline; ``selection`` as for the text
    (:func:`~venue_ready._render.rollup_text.render_rollup_text`); ``links`` maps an event's id
    to the (relative) address of its own page."""
    from .html import load_template

    return load_template(TEMPLATE).render(_context(rollup, lang, selection, links or {}))


def _context(
    rollup: Rollup, lang: str, selection: RollupSelection | None, links: Mapping[str, str]
) -> dict[str, Any]:
    from .._version import __version__
    from .rollup_text import words

    said = words(rollup, lang, selection, html=True)
    for row in said.rows:
        row["href"] = links.get(row["id"], "")
    return {
        "lang": lang,
        "generator": f"venue_ready {__version__}",
        "labels": {
            "title": said.title,
            "levels": _("rollup.html-levels-heading", lang),
            "worst": said.worst,
            "tree": _("rollup.html-tree-heading", lang),
            "errors": _("rollup.html-errors-heading", lang),
            "failures": _("report.failures-heading", lang, count=len(rollup.failures)),
            "generated": _("report.html-generated", lang, version=__version__),
        },
        "summary": said.counts,
        "as_of": said.as_of,
        "level_head": said.level_head,
        "level_rows": said.level_rows,
        "errors": [
            {
                "text": error.render(lang, rollup.catalogs).split("\n", 1)[0],
                "problems": [p.render(lang, rollup.catalogs) for p in error.problems],
            }
            for error in rollup.errors
        ],
        "failures": [f.render(lang) for f in rollup.failures],
        "columns": said.columns,
        "rows": said.rows,
        "tree": [
            {
                "depth": e.depth,
                "status": rollup.status_of(e),
                "text": line,
                "href": links.get(e.result.id, ""),
            }
            for e, line in said.tree
        ],
    }
