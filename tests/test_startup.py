"""What ``check`` loads at start-up (#16): nothing the command does not use.

Each test runs the real command in a fresh interpreter and reads ``sys.modules`` afterwards: a
module loaded is a cost paid at every start (benchmarks/bench_startup.py measures it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
SMALL = ROOT / "examples" / "small" / "congress.toml"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}


def _loaded_after_check(event: Path, *args: str) -> tuple[str, set[str]]:
    """The report ``check`` printed, and the modules loaded by the end of the command."""
    code = (
        "import sys\n"
        "from venue_ready.cli import main\n"
        f"code = main(['check', {str(event)!r}, *{list(args)!r}])\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return proc.stdout, set(proc.stderr.split())


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_check_without_journal_or_subevents_loads_neither(fmt: str) -> None:
    report, loaded = _loaded_after_check(
        NGOC_THUY, "--as-of", "2020-05-14T16:00+07:00", "--format", fmt
    )
    # the text report offers `venue-ready mark` commands, worked out without the journal
    assert fmt != "text" or "venue-ready mark" in report
    unused = {
        "venue_ready.journal",  # the mark hints replay the few entries they need themselves
        "sqlite3",
        "venue_ready._subevents",  # the event has no subevents area
        "importlib.metadata",  # entry points are read from the dist-info folders
        "venue_ready._rollup",
    }
    assert loaded & unused == set()
    assert "venue_ready_security.settings" in loaded  # the areas' own code does load


def test_the_builtin_subevents_plugin_names_the_cores_area() -> None:
    from venue_ready._builtin import subevents as plugin
    from venue_ready._subevents import AREA

    assert plugin.AREA == AREA
    (spec,) = plugin.venue_ready_areas()
    assert spec.key == AREA
    assert spec.settings_example.startswith('# credit = "readiness"')
