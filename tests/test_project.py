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
    import typing

    for name in venue_ready.__all__:
        obj = getattr(venue_ready, name)
        # a type alias (Callable[...]) is documented by its #: comment, not a docstring
        if callable(obj) and not name.startswith("_") and typing.get_origin(obj) is None:
            assert obj.__doc__, f"{name} has no docstring"


def test_public_names_are_one_list() -> None:
    """``__all__`` and the lazy imports come from ``_EXPORTS``; the literal imports type
    checkers read (under TYPE_CHECKING) must name exactly the same names from the same modules,
    each as an explicit re-export (``X as X``)."""
    import ast

    tree = ast.parse(Path(venue_ready.__file__).read_text(encoding="utf-8"))
    (block,) = [
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    ]
    literal: dict[str, str] = {}
    for node in block.body:
        assert isinstance(node, ast.ImportFrom)
        assert node.level == 1
        assert node.module
        for alias in node.names:
            assert alias.asname == alias.name, f"{alias.name}: write it as {alias.name} as ..."
            assert alias.name not in literal, f"{alias.name} imported twice"
            literal[alias.name] = node.module
    assert literal == venue_ready._EXPORTS
    assert venue_ready.__all__ == ["__version__", *sorted(venue_ready._EXPORTS)]
    for name, module in venue_ready._EXPORTS.items():
        assert getattr(venue_ready, name) is getattr(
            __import__(f"venue_ready.{module}", fromlist=[name]), name
        )


def test_moved_names_stay_importable_where_they_were() -> None:
    from venue_ready._errors import PluginFailure
    from venue_ready._plugins import PluginFailure as from_plugins

    assert venue_ready.PluginFailure is PluginFailure is from_plugins
    from venue_ready._subevents import SubeventResult

    assert venue_ready.SubeventResult is SubeventResult


def test_package_is_typed() -> None:
    assert (Path(venue_ready.__file__).parent / "py.typed").is_file()


def test_import_stays_light() -> None:
    code = (
        "import sys, venue_ready; "
        "heavy = {'rich', 'jinja2', 'babel', 'sqlite3', 'psycopg', 'json', 'difflib', 'argparse', "
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


def test_plugins_use_only_the_public_api() -> None:
    """plugins/ is written as a third party would write it: ``from venue_ready import X`` with
    X in ``__all__``, never a private module."""
    import ast

    offences: list[str] = []
    files = sorted((ROOT / "plugins").rglob("*.py"))
    assert len(files) >= 20, "the plugin packages were not found"
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
                offences += [f"{path}: import {n}" for n in names if n.startswith("venue_ready.")]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module.startswith("venue_ready."):
                    offences.append(f"{path}: from {node.module} import ...")
                elif node.module == "venue_ready":
                    offences += [
                        f"{path}: from venue_ready import {a.name} (not public)"
                        for a in node.names
                        if a.name not in venue_ready.__all__
                    ]
    assert offences == []


def test_every_plugin_is_registered_through_the_entry_point_group() -> None:
    import tomli

    project = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = project["project"]["entry-points"]["venue_ready"]
    packages = sorted(p.name for p in (ROOT / "plugins").iterdir() if p.is_dir())
    builtins = ("checklist", "subevents")  # the core's own, in src/venue_ready/_builtin
    assert sorted(v for k, v in entry_points.items() if k not in builtins) == [
        p for p in packages if p.startswith("venue_ready_")
    ]
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert sorted(w.split("/")[-1] for w in wheel if w.startswith("plugins/")) == packages


def test_only_the_public_modules_are_named_without_an_underscore() -> None:
    """``help(venue_ready)`` lists the modules a tool may import by path; the rest are private
    (their public names are imported from ``venue_ready`` itself)."""
    import pkgutil

    import venue_ready

    public = {m.name for m in pkgutil.iter_modules(venue_ready.__path__) if m.name[0] != "_"}
    # server: the web app of `venue-ready serve` (#17), a package of the `server` extra that
    # its command and its tests import by path, as cli is
    assert public == {"cli", "journal", "pytest_plugin", "server", "testing"}
