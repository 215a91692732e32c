"""Shared test helpers: the test event's file, document tables, and the fixtures' types."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from venue_ready import Event, Finding, PluginManager, Report

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
#: A week before the test event opens (15 May 2020, 07:30).
AS_OF = datetime(2020, 5, 8, 9, 0, tzinfo=TZ)

HEAD = """\
[event]
id = "thu-2020"
name = "Đại hội Đảng bộ phường Thử lần thứ XXII, nhiệm kỳ 2020 - 2025"
starts = 2020-05-15T07:30:00+07:00
ends = 2020-05-15T17:00:00+07:00
lang = "vi"

[areas.documents]
"""

Plugins = Callable[..., PluginManager]
MakeEvent = Callable[..., Event]
AssessArea = Callable[..., list[Finding]]
CheckPlugin = Callable[..., None]
Load = Callable[[str], Event]
Assess = Callable[..., list[Finding]]
MakeReport = Callable[..., Report]


def event_toml(
    settings: str = "", tables: str = "", *, kind: str | None = None, attendance: str = ""
) -> str:
    """The test event's file: ``settings`` are keys of ``[areas.documents.settings]``,
    ``tables`` the ``[[areas.documents.settings.documents]]`` (and other) tables after them;
    ``kind`` the event's ``[event] kind`` (None: the default, a Party congress) and
    ``attendance`` the lines of its ``[event.attendance]``."""
    head = HEAD
    if kind is not None:
        head = head.replace('lang = "vi"\n', f'lang = "vi"\nkind = "{kind}"\n')
    if attendance:
        head = head.replace(
            "\n[areas.documents]\n", f"\n[event.attendance]\n{attendance}\n\n[areas.documents]\n"
        )
    return f"{head}[areas.documents.settings]\n{settings}\n{tables}"


def document(
    ident: str,
    kind: str | None = None,
    *,
    version: str = "1",
    due: str | None = "2020-05-07",
    extra: str = "",
) -> str:
    """One ``[[areas.documents.settings.documents]]`` table (``extra``: more lines of it)."""
    lines = [
        "[[areas.documents.settings.documents]]",
        f'id = "{ident}"',
        f'kind = "{kind or ident}"',
        f'title = "Văn bản {ident}"',
        f"version = {version}",
    ]
    if due is not None:
        lines.append(f"due = {due}")
    return "\n".join(lines) + "\n" + extra + "\n"


def ours(findings: list[Finding]) -> list[Finding]:
    """The Findings this plugin derives (the checklist plugin's items left out)."""
    return [f for f in findings if f.code.startswith("documents.")]
