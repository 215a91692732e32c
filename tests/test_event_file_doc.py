"""docs/event-file.md shows what the tool prints for a file with typos and for a TOML syntax
error: the excerpts are checked against the real command's output, so they cannot drift."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

DOC = (ROOT / "docs" / "event-file.md").read_text(encoding="utf-8")


def block_after(marker: str) -> str:
    """The fenced block that follows ``<!-- marker -->`` in the doc."""
    found = re.search(re.escape(f"<!-- {marker} -->") + r"\n```[a-z]*\n(.*?)```", DOC, re.S)
    assert found, f"no block after <!-- {marker} --> in docs/event-file.md"
    return found[1]


def check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", "check", "dai-hoi.toml", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=folder,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_typo_example_is_what_the_tool_prints(lang: str, tmp_path: Path) -> None:
    (tmp_path / "dai-hoi.toml").write_text(
        block_after("typo-example: file dai-hoi.toml"), encoding="utf-8"
    )
    result = check(tmp_path, *(["--lang", "en"] if lang == "en" else []))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == block_after(f"typo-example: output {lang}")
    # what the doc says of it: no redundant "missing required key" after the hint
    assert "starts'?)" in result.stderr
    assert "missing" not in result.stderr
    assert "thiếu" not in result.stderr


def test_the_syntax_example_is_what_the_tool_prints(tmp_path: Path) -> None:
    shown = block_after("syntax-example: output vi")
    line = re.search(r"^ 5 \| (.*)$", shown, re.M)
    assert line, shown
    head = 'schema = 1\n\n[event]\nid = "an-binh-2020"\n'
    (tmp_path / "dai-hoi.toml").write_text(head + line[1] + "\n", encoding="utf-8")
    result = check(tmp_path, "--lang", "vi")
    assert result.returncode == 2
    problem, summary = result.stderr.rsplit("\n", 2)[0], result.stderr.splitlines()[-1]
    assert problem + "\n" == shown
    assert summary == "Không đánh giá được: 1 vấn đề trong tệp dai-hoi.toml."
