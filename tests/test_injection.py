"""Hostile strings (issue #11, part 4): control characters in an event file, a journal entry or
a file name reach no terminal, and no export cell is a spreadsheet formula.

Every text-like output (the text and Markdown reports, the rich terminal report, load errors on
stderr, ``history``, ``mark``'s confirmation, the roll-up) shows a control character as its
escape (``\\x1b``); HTML and JSON write the strings as their own formats escape them. A CSV
export prefixes formula-leading cells with ``'`` (OWASP, "CSV Injection"), and importing it
gives back exactly the entries exported.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import venue_ready
from venue_ready._jsontext import _ESCAPES as _JSON_ESCAPES
from venue_ready._jsontext import dumps
from venue_ready._render.inert import _ESCAPES as _INERT_ESCAPES
from venue_ready._render.inert import CONTROLS, inert

from .conftest import ROOT

#: The corpus: erase the screen, set the clipboard (OSC 52, ended by BEL), ring the bell,
#: return to the line's start, a C1 CSI, DEL. No NUL: files and argv cannot hold one.
HOSTILE = "Evil\x1b[2J\x1b]52;c;cGF3bmVk\x07\rX\x9b2J\x7f"
#: What a control character may never be in a text-like output: C0 but newline and tab, DEL, C1.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: The escape codes rich writes itself (colours and styles).
SGR = re.compile(r"\x1b\[[0-9;]*m")
AS_OF = "2020-05-10"
FORMULAS = [
    '=HYPERLINK("http://example.invalid/?"&A1,"x")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "'already quoted",
    "''two quotes",
]


class _Done:
    """A finished command, its output decoded without newline translation: a text-mode pipe
    would turn a raw carriage return into a newline, and hide it."""

    def __init__(self, args: tuple[str | os.PathLike[str], ...]) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
        done = subprocess.run(
            [sys.executable, "-m", "venue_ready", *map(str, args)],
            capture_output=True,
            env={**env, "PYTHONIOENCODING": "utf-8"},
            cwd=ROOT,
            timeout=60,
            check=False,
        )
        self.returncode = done.returncode
        self.stdout = done.stdout.decode("utf-8")
        self.stderr = done.stderr.decode("utf-8")


def run_cli(*args: str | os.PathLike[str]) -> _Done:
    """``python -m venue_ready ARGS``, finished."""
    return _Done(args)


def _assert_inert(text: str) -> None:
    found = RAW_CONTROL.search(text)
    assert found is None, f"raw {found.group()!r} at {found.start()}: {text[:200]!r}"
    assert "\\x1b" in text  # shown, not dropped


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The small example with hostile strings in the event's and venue's names, an owner and
    an item's title."""
    text = (ROOT / "examples" / "small" / "congress.toml").read_text(encoding="utf-8")
    for old, new in (
        ('"Đại hội Đảng bộ phường Mẫu lần thứ XV, nhiệm kỳ 2020 - 2025"', HOSTILE),
        ('"Hội trường UBND phường"', "Hall " + HOSTILE),
        ('"Ban Thường vụ Đảng ủy"', "Owner " + HOSTILE),
        ('"Báo cáo chính trị trình Đại hội"', "Title " + HOSTILE),
    ):
        assert old in text
        text = text.replace(old, json.dumps(new), 1)  # a JSON string is a TOML basic string
    path = tmp_path / "tree" / "congress.toml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_reports_show_controls_escaped(hostile: Path, fmt: str) -> None:
    result = run_cli("check", hostile, "--as-of", AS_OF, "--format", fmt)
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)
    shown = {
        "text": "Title Evil\\x1b[2J\\x1b]52;c;cGF3bmVk\\x07\\x0dX\\x9b2J\\x7f",
        # Markdown escapes [ and ], and reads a carriage return as the space it collapses to
        "md": "Title Evil\\x1b\\[2J\\x1b\\]52;c;cGF3bmVk\\x07 X\\x9b2J\\x7f",
    }
    assert shown[fmt] in result.stdout


def test_terminal_report_shows_controls_escaped(hostile: Path) -> None:
    from venue_ready._dates import get_zone, parse_instant
    from venue_ready._render.terminal import render_terminal

    event = venue_ready.load(hostile)
    report = venue_ready.assess(event, as_of=parse_instant(AS_OF, get_zone(event.timezone)))
    shown = render_terminal(report, "en", width=200)
    assert SGR.search(shown) is not None  # rich's own colours are still there
    _assert_inert(SGR.sub("", shown))


def test_json_and_html_escape_as_their_formats_do(hostile: Path) -> None:
    as_json = run_cli("check", hostile, "--as-of", AS_OF, "--format", "json")
    assert json.loads(as_json.stdout)["event"]["name"] == HOSTILE  # the data, whole
    # C0 escaped by json itself; DEL and C1 (U+009B, a terminal's CSI) by venue_ready._jsontext
    assert RAW_CONTROL.search(as_json.stdout.replace("\n", "")) is None
    as_html = run_cli("check", hostile, "--as-of", AS_OF, "--format", "html")
    assert f"<h1>{HOSTILE}</h1>" in as_html.stdout  # text in an element: a browser obeys none


def test_load_errors_on_stderr_show_controls_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "bad\x1b[2J\x07.toml"
    bad.write_text('schema = 1\n[event]\nid = "\x1b]52;c;eA==\x07"\n', encoding="utf-8")
    result = run_cli("check", bad)
    assert result.returncode == 2
    _assert_inert(result.stderr)
    assert "bad\\x1b[2J\\x07.toml" in result.stderr


def test_mark_and_history_show_controls_escaped(hostile: Path, tmp_path: Path) -> None:
    journal = tmp_path / "j.sqlite"
    marked = run_cli(
        "mark",
        hostile,
        "service.rehearsal",
        "done",
        "--by",
        "By " + HOSTILE,
        "--note",
        "Note " + HOSTILE,
        "--at",
        "2020-05-09",
        "--journal",
        journal,
    )
    assert marked.returncode == 0, marked.stderr
    _assert_inert(marked.stdout)
    assert "By Evil\\x1b[2J" in marked.stdout
    history = run_cli("history", hostile, "--journal", journal)
    assert history.returncode == 0, history.stderr
    _assert_inert(history.stdout)
    assert "Note Evil\\x1b[2J" in history.stdout
    unknown = run_cli("history", hostile, "item\x1b[2J", "--journal", journal)
    assert unknown.returncode == 2
    assert RAW_CONTROL.search(unknown.stderr) is None
    assert "item\\x1b[2J" in unknown.stderr


def test_rollup_text_shows_controls_escaped(hostile: Path) -> None:
    result = run_cli("rollup", hostile.parent, "--as-of", AS_OF)
    assert result.returncode == 0, result.stderr
    _assert_inert(result.stdout)


# -- CSV: no formula, and a lossless round trip ------------------------------------------------


def _mark_corpus(event: Path, journal: Path) -> None:
    for number, value in enumerate(FORMULAS):
        result = run_cli(
            "mark",
            event,
            "service.rehearsal",
            "in_progress",
            "--progress",
            "0.5",
            f"--by={value}",  # "-2+3" would read as an option
            f"--note={value}",
            f"--evidence={value}",
            "--at",
            f"2020-05-0{number + 1}",
            "--journal",
            journal,
        )
        assert result.returncode == 0, (value, result.stderr)


def test_csv_export_neutralises_formulas_and_imports_back_whole(
    hostile: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    _mark_corpus(hostile, journal)
    exported = run_cli("journal", "export", hostile, "--journal", journal, "--format", "csv")
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout, newline="")))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for name in ("by", "note", "evidence"):
            cell = row[name]
            assert cell[0] == "'", (name, cell)  # every value of the corpus needs the escape
            assert cell[1:] in FORMULAS
    assert {row["note"][1:] for row in rows} == set(FORMULAS)

    source = tmp_path / "export.csv"
    source.write_text(exported.stdout, encoding="utf-8", newline="")
    copy = tmp_path / "copy.sqlite"
    imported = run_cli("journal", "import", hostile, source, "--journal", copy)
    assert imported.returncode == 0, imported.stderr

    def jsonl(path: Path) -> str:
        return run_cli("journal", "export", hostile, "--journal", path).stdout

    original = jsonl(journal)
    assert {json.loads(line)["note"] for line in original.splitlines()} == set(FORMULAS)
    assert jsonl(copy) == original  # exactly what was exported, the escapes undone


# -- the quick paths: a text without controls is returned as it is, one with them escaped -------

# Vietnamese letters, the controls, and the characters on either side of each range
_EDGES = "".join(map(chr, [*CONTROLS, 0x09, 0x0A, 0x20, 0x7E, 0xA0, 0x1EA1, 0x1EE5]))


@given(st.text(alphabet=st.sampled_from(_EDGES) | st.characters(), max_size=40))
def test_inert_is_the_escape_table_applied(text: str) -> None:
    # the regular expression only decides whether to translate: the result is the table's
    assert inert(text) == text.translate(_INERT_ESCAPES)


@given(st.text(alphabet=st.sampled_from(_EDGES) | st.characters(), max_size=40))
def test_json_text_escapes_del_and_c1_and_reads_back(text: str) -> None:
    written = dumps({"s": text})
    assert written == json.dumps({"s": text}, ensure_ascii=False).translate(_JSON_ESCAPES)
    assert not any(0x7F <= ord(c) <= 0x9F for c in written)
    assert json.loads(written) == {"s": text}
