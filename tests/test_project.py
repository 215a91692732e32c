"""The project's own promises: the Quickstart is what CI runs, the import stays light, and the
public API is what ``__all__`` says."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import venue_ready

ROOT = Path(__file__).resolve().parent.parent


def _quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_quickstart_has_the_two_commands() -> None:
    run, tests = _quickstart_commands()
    assert "venue-ready check examples/" in run
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    _, tests = _quickstart_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()


def test_public_api_is_importable_and_documented() -> None:
    for name in venue_ready.__all__:
        obj = getattr(venue_ready, name)
        if callable(obj) and not name.startswith("_"):
            assert obj.__doc__, f"{name} has no docstring"


def test_package_is_typed() -> None:
    assert (Path(venue_ready.__file__).parent / "py.typed").is_file()


def test_import_stays_light() -> None:
    code = (
        "import sys, venue_ready; "
        "heavy = {'rich', 'jinja2', 'babel', 'sqlite3', 'json', 'difflib', 'argparse', "
        "'venue_ready.cli', 'venue_ready._messages'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_changelog_has_an_unreleased_section() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
