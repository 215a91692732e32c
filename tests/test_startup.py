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


def _env_without_cache(cache_home: Path) -> dict[str, str]:
    # With a roll-up cache in place, check adds its result to it (and loads sqlite3 for that):
    # what check loads on its own is measured with an empty cache folder, as a new user has.
    return {**_env(), "XDG_CACHE_HOME": str(cache_home)}


def _loaded_after_check(event: Path, *args: str, cache_home: Path) -> tuple[str, set[str]]:
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
        env=_env_without_cache(cache_home),
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    return proc.stdout, set(proc.stderr.split())


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_check_without_journal_or_subevents_loads_neither(fmt: str, tmp_path: Path) -> None:
    report, loaded = _loaded_after_check(
        NGOC_THUY, "--as-of", "2020-05-14T16:00+07:00", "--format", fmt, cache_home=tmp_path
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
    assert list(tmp_path.iterdir()) == []  # and check made no cache of its own


def test_the_builtin_subevents_plugin_names_the_cores_area() -> None:
    from venue_ready._builtin import subevents as plugin
    from venue_ready._subevents import AREA

    assert plugin.AREA == AREA
    (spec,) = plugin.venue_ready_areas()
    assert spec.key == AREA
    assert spec.settings_example.startswith('# credit = "readiness"')


@pytest.mark.parametrize(
    ("argv", "collector_on"),
    [(["check", str(SMALL), "--as-of", "2020-05-08T16:00+07:00"], False), (["plugins"], True)],
)
def test_the_program_keeps_the_garbage_collector_only_for_other_commands(
    argv: list[str], collector_on: bool
) -> None:
    # `python -m venue_ready` pauses the cyclic collector before its imports; the program
    # turns it back on for every command but `check` (a roll-up of a whole country needs it)
    code = (
        "import atexit, gc, runpy, sys\n"
        "atexit.register(lambda: sys.stderr.write('collector %s' % gc.isenabled()))\n"
        f"sys.argv = ['venue-ready', *{argv!r}]\n"
        "runpy.run_module('venue_ready', run_name='__main__')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 1: the small event is not ready
    assert proc.stdout.strip()  # the command printed its report or its list
    assert proc.stderr.endswith(f"collector {collector_on}")


def test_main_called_in_a_process_gives_the_collector_back(tmp_path: Path) -> None:
    import gc

    from venue_ready.cli import main

    assert gc.isenabled()
    out = tmp_path / "report.txt"
    code = main(["check", str(SMALL), "--as-of", "2020-05-08T16:00+07:00", "-o", str(out)])
    assert code in (0, 1)
    assert out.read_text(encoding="utf-8").startswith("Đại hội")
    assert gc.isenabled()
