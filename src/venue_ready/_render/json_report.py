"""``--format json``: the versioned report, see docs/report-json.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .._report import Report

__all__ = ["render_json"]


def render_json(report: Report, lang: str) -> str:
    """The report as JSON, messages rendered in ``lang``."""
    return report.to_json(lang)
