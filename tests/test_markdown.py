"""``--format md``: readable, and nothing from the input becomes markup."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from venue_ready._render.markdown import escape

from .conftest import RunCli, WriteEvent

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "a | b | c",
    "**bold** _it_ `code`",
    "line one\nline two",
    "see https://evil.example and www.evil.example",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_leaves_no_markup(text: str) -> None:
    out = escape(text)
    assert "\n" not in out
    assert "<" not in out
    assert ">" not in out
    assert not re.search(r"(?<!\\)\[", out)  # every [ is escaped: no link or image
    assert not re.search(r"(?<!\\)\|", out)  # no table cell break
    assert not re.search(r"(?<!\\)[*_`]", out)  # no emphasis or code
    assert "://" not in out.replace("\\://", "")
    assert not re.search(r"www\.", out)


def test_report_with_hostile_input(run_cli: RunCli, write_event: WriteEvent) -> None:
    lines: list[str] = []
    for n, text in enumerate(HOSTILE):
        quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        lines += ["[[areas.general.items]]", f'id = "i{n}"', f"title = {quoted}"]
        lines += [f"owner = {quoted}", f"notes = {quoted}", "due = 2020-05-10", "gate = true"]
    event = write_event("\n".join(lines) + "\n", name=HOSTILE[0])
    proc = run_cli("check", event, "--as-of", "2020-05-12", "--format", "md", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert "<" not in md
    assert not re.search(r"(?<!\\)\]\(", md)  # no live link or image anywhere
    assert "javascript" in md  # the text is still there, as text
    # every table row keeps its column count
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            cells = re.split(r"(?<!\\)\|", line)
            assert len(cells) in (6, 7), line  # 4 or 5 columns, plus the two outer edges


def test_markdown_report_reads_well(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--as-of", "2020-05-08T16:00+07:00", "--format", "md")
    assert proc.returncode == 0
    md = proc.stdout
    assert md.startswith("# Đại hội Đảng bộ phường Mẫu lần thứ XV, nhiệm kỳ 2020 - 2025\n")
    assert (
        "## Mức độ sẵn sàng chung: 52/100 · Còn điều kiện bắt buộc chưa đạt · CHƯA SẴN SÀNG" in md
    )
    assert "| Công tác chung | 52 | Còn điều kiện bắt buộc chưa đạt | 6/6 | 0,87 |" in md
    assert (
        textwrap.dedent(
            """\
        ## Điều kiện bắt buộc chưa đạt (1)

        - **Công tác chung**: Báo cáo chính trị trình Đại hội"""
        )
        in md
    )
