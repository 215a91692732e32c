"""Hostile text in an event file against the binary formats and the printed mark command: a
control character, U+FFFE or a newline in a name is shown, never a traceback of the writer; an
item id that starts with "-" gets a command that records it (the reviewer's findings)."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SMALL_EXAMPLE, RunCli

AS_OF = "2020-05-08T16:00+07:00"


def _hostile(tmp_path: Path) -> Path:
    text = SMALL_EXAMPLE.read_text(encoding="utf-8")
    # TOML escapes: a newline, ESC and U+FFFE in the event's name and an item's owner
    text = text.replace('name = "', 'name = "A\\nB\\u001bC\\uFFFE ', 1)
    text = text.replace('owner = "', 'owner = "\\u001b[2J\\uFFFF ', 1)
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "ics"])
def test_a_binary_format_shows_what_xml_or_icalendar_cannot_hold(
    run_cli: RunCli, tmp_path: Path, fmt: str
) -> None:
    pytest.importorskip({"docx": "docx", "xlsx": "openpyxl", "ics": "icalendar"}[fmt])
    out = tmp_path / f"report.{fmt}"
    proc = run_cli("check", _hostile(tmp_path), "--as-of", AS_OF, "--format", fmt, "-o", out)
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    assert out.stat().st_size > 0
    if fmt == "ics":
        from icalendar import Calendar

        calendar = Calendar.from_ical(out.read_bytes())
        name = str(calendar.get("x-wr-calname"))
        assert "\n" not in name
        assert "A B\\x1bC" in name  # the newline a space, ESC shown as its escape


def test_an_id_that_starts_with_a_dash_gets_a_command_that_records_it(tmp_path: Path) -> None:
    text = SMALL_EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('id = "cells.congresses"', 'id = "-rf"', 1)
    event = tmp_path / "congress.toml"
    event.write_text(text.replace('status = "done"', 'status = "todo"', 1), encoding="utf-8")
    env_cmd = [sys.executable, "-m", "venue_ready"]
    report = subprocess.run(
        [*env_cmd, "check", event.name, "--as-of", AS_OF, "--lang", "en"],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, check=False,
    )  # fmt: skip
    lines = [
        line for line in report.stdout.splitlines() if "venue-ready mark" in line and "-rf" in line
    ]
    assert lines, report.stdout
    words = shlex.split(lines[0].split(": ", 1)[1])
    assert words[:2] == ["venue-ready", "mark"]
    assert words[words.index("--") + 1 :] == [event.name, "-rf", "done"]
    marked = subprocess.run(
        [*env_cmd, *words[1:]], capture_output=True, text=True, encoding="utf-8",
        cwd=tmp_path, check=False,
    )  # fmt: skip
    assert marked.returncode == 0, marked.stderr
