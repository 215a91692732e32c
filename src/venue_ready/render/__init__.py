"""Output formats. One module per format; every string comes from the message catalogs.

Built-in formats: ``text`` (plain, for terminals and pipes), ``json`` (the versioned report),
``md`` (Markdown, every user string escaped) and ``html`` (one self-contained page, printable on
A4; the only format that imports Jinja).
Plugins add more through the ``venue_ready_renderers`` hook.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..report import Report

__all__ = ["BUILTIN_FORMATS", "builtin_renderer"]

BUILTIN_FORMATS = ("text", "json", "md", "html")


def builtin_renderer(name: str) -> Callable[[Report, str], str]:
    """The render function of a built-in format (imported only when asked for)."""
    if name == "text":
        from .text import render_text

        return render_text
    if name == "json":
        from .json_report import render_json

        return render_json
    if name == "md":
        from .markdown import render_markdown

        return render_markdown
    if name == "html":
        from .html import render_html

        return render_html
    raise KeyError(name)
