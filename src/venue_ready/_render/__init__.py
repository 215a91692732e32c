"""Output formats. One module per format; every string comes from the message catalogs.

Built-in formats: ``text`` (plain, for terminals and pipes), ``json`` (the versioned report),
``md`` (Markdown, every user string escaped), ``html`` (one self-contained page, printable on
A4; the only format that imports Jinja), ``brief`` (the verdict and what to act on by owner in
under 1,000 characters, for a chat), ``docx`` (an official document for Word, bytes;
python-docx, from the ``office`` extra, imported only then), ``xlsx`` (an Excel workbook, bytes;
openpyxl, from the ``office`` extra, imported only then) and ``ics`` (the dated items as
calendar to-dos, bytes; icalendar, from the ``calendar`` extra, imported only then). The wording
the formats share (an area's notes, a Finding's owner, due date and who reported it) is built in
:mod:`.phrases`.

A format's :class:`~venue_ready.Renderer` says its file extension and media type, and whether
its document is text or bytes (``binary``). Plugins add more through the
``venue_ready_renderers`` hook. The one registry of formats,
built-in and plugin, is :meth:`venue_ready.PluginManager.renderers`, which both
:meth:`venue_ready.Report.render` and the CLI use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._model import Renderer, RenderFunction
    from .._report import Report

__all__ = ["BUILTIN_FORMATS", "builtin_renderer", "builtin_renderers"]

BUILTIN_FORMATS = ("text", "json", "md", "html", "brief", "docx", "xlsx", "ics")

_DESCRIPTIONS = {
    "text": "plain text, for a terminal or a pipe",
    "json": "the versioned JSON report (docs/report-json.md)",
    "md": "Markdown, every user string escaped",
    "html": "one self-contained page, printable on A4",
    "brief": "the verdict and what to act on by owner, under 1,000 characters, for a chat",
    "docx": "an official document for Word (venue-ready[office])",
    "xlsx": "an Excel workbook: summary, one sheet per area, assignments (venue-ready[office])",
    "ics": "the dated items as calendar to-dos (iCalendar; needs venue-ready[calendar])",
}

#: Each built-in format's file extension, media type, and whether it is bytes (binary).
_KINDS: dict[str, tuple[str, str, bool]] = {
    "text": ("txt", "text/plain; charset=utf-8", False),
    "json": ("json", "application/json", False),
    "md": ("md", "text/markdown; charset=utf-8", False),
    "html": ("html", "text/html; charset=utf-8", False),
    "brief": ("txt", "text/plain; charset=utf-8", False),
    "docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        True,
    ),
    "xlsx": (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        True,
    ),
    # bytes: RFC 5545's CRLF line ends and 75-octet folding, kept exact by every writer
    "ics": ("ics", "text/calendar; charset=utf-8", True),
}


#: Each built-in format's render function, as ``"module:function"`` in this package.
_FUNCTIONS = {
    "text": "text:render_text",
    "json": "json_report:render_json",
    "md": "markdown:render_markdown",
    "html": "html:render_html",
    "brief": "brief:render_brief",
    "docx": "docx:render_docx",
    "xlsx": "xlsx:render_xlsx",
    "ics": "ics:render_ics",
}


def builtin_renderer(name: str) -> RenderFunction:
    """The render function of a built-in format (its module imported only when asked for).

    :raises KeyError: for a name that is not a built-in format."""
    from importlib import import_module

    module, _, function = _FUNCTIONS[name].partition(":")
    found: RenderFunction = getattr(import_module(f"{__name__}.{module}"), function)
    return found


def builtin_renderers() -> list[Renderer]:
    """The built-in formats as :class:`~venue_ready.Renderer` s, in :data:`BUILTIN_FORMATS`
    order. Each imports its module on its first render, not here: listing the formats stays
    cheap, and ``html`` loads Jinja only when a page is made."""
    from .._model import Renderer

    return [
        Renderer(
            name,
            _Lazy(name),
            _DESCRIPTIONS[name],
            extension=_KINDS[name][0],
            media_type=_KINDS[name][1],
            binary=_KINDS[name][2],
        )
        for name in BUILTIN_FORMATS
    ]


class _Lazy:
    """A built-in format's render function, imported on first call."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.__doc__ = f"Render a report as {_DESCRIPTIONS[name]}."

    def __call__(self, report: Report, lang: str) -> str | bytes:
        return builtin_renderer(self.name)(report, lang)

    def __repr__(self) -> str:
        return f"<built-in renderer {self.name!r}>"
