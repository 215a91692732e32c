"""Issue #15, words: no English sentence of a report starts in lower case ("zone Tầng hầm…",
"medical team…", "when done, record it: …").

Every example's English text report is produced through the real CLI; each line, once its
indentation, its bullet and its "[Area]" prefix are set aside, must start with a capital, a
digit or a quotation mark. The areas table's rows are cells, not sentences: their area name
comes first and is checked as the rest are.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Each example with the moment its golden report is assessed at (tests/test_golden.py).
EXAMPLES = {
    "ngoc-thuy": ("examples/ngoc-thuy-2020/congress.toml", "2020-05-14T16:00+07:00"),
    "small": ("examples/small/congress.toml", "2020-05-08T12:00+07:00"),
    "election-2021": ("examples/election-2021/election.toml", "2021-05-22T18:00+07:00"),
    "mttq-congress-2024": ("examples/mttq-congress-2024/congress.toml", "2024-06-19T16:00+07:00"),
}

_PREFIX = re.compile(r"^\s*(?:[-•*]\s+)?(?:\[[^\]]+\]\s+)?")


def _english_text(file: str, as_of: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "venue_ready", "check", file, "--as-of", as_of, "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        check=False,
    )
    assert proc.returncode in (0, 1, 2), proc.stderr
    assert proc.stdout.strip(), proc.stderr
    return proc.stdout


def lower_case_starts(text: str) -> list[str]:
    """The lines of ``text`` whose first word, past the line's prefix, is in lower case."""
    found = []
    for line in text.splitlines():
        rest = _PREFIX.sub("", line, count=1)
        if rest[:1].isalpha() and rest[:1].islower():
            found.append(line)
    return found


def test_the_check_finds_a_lower_case_sentence() -> None:
    text = "Areas:\n  - [Security] zone Tầng hầm was sprayed\n    When done, record it: x\n"
    assert lower_case_starts(text) == ["  - [Security] zone Tầng hầm was sprayed"]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_english_line_starts_with_a_capital(name: str) -> None:
    text = _english_text(*EXAMPLES[name])
    assert len(text.splitlines()) > 10
    assert lower_case_starts(text) == [], name
