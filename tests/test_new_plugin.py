"""``venue-ready new-plugin``: the scaffold passes its own tests as generated."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli

from .conftest import RunCli


def test_scaffold_passes_its_own_tests(run_cli: RunCli, tmp_path: Path) -> None:
    made = run_cli("new-plugin", "venue-ready-catering", "--dir", tmp_path, "--lang", "en")
    assert made.returncode == 0, made.stderr
    root = tmp_path / "venue-ready-catering"
    assert "Wrote" in made.stderr
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == [
        "README.md",
        "pyproject.toml",
        "src/venue_ready_catering/__init__.py",
        "src/venue_ready_catering/messages.py",
        "src/venue_ready_catering/py.typed",
        "src/venue_ready_catering/rules.py",
        "src/venue_ready_catering/settings.py",
        "src/venue_ready_catering/template.py",
        "tests/test_venue_ready_catering.py",
    ]
    project = tomli.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["entry-points"]["venue_ready"] == {"catering": "venue_ready_catering"}
    # its tests, run as its author would, with venue_ready's pytest plugin
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "3 passed" in proc.stdout
    # and its own pyproject's mypy --strict and ruff find nothing to say
    for tool in (["mypy"], ["ruff", "check", "--no-cache"], ["ruff", "format", "--check"]):
        checked = subprocess.run(
            [sys.executable, "-m", *tool],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        assert checked.returncode == 0, (tool, checked.stdout + checked.stderr)


def test_scaffold_is_written_with_the_plugin_kit(run_cli: RunCli, tmp_path: Path) -> None:
    """The generated plugin looks like the in-tree ones: no hand-written Finding or
    TemplateItem glue, the area named once, its default owner a Role."""
    made = run_cli("new-plugin", "venue-ready-catering", "--dir", tmp_path, "--lang", "en")
    assert made.returncode == 0, made.stderr
    package = tmp_path / "venue-ready-catering" / "src" / "venue_ready_catering"
    code = {p.name: p.read_text("utf-8") for p in package.glob("*.py")}
    assert "package=__name__" in code["__init__.py"]
    assert "FindingMaker(KEY" in code["rules.py"]
    assert "template_item(" in code["template.py"]
    assert 'Role("catering.role.service"' in code["template.py"]
    for name, text in code.items():
        assert "Finding(" not in text, name
        assert "TemplateItem(" not in text, name


def test_scaffold_declares_its_settings_once(run_cli: RunCli, tmp_path: Path) -> None:
    """settings.py is a frozen attrs Config read by read_settings, as in the in-tree plugins:
    no list of keys by hand, no SettingsReader getter per key, no keyword constructor."""
    made = run_cli("new-plugin", "venue-ready-catering", "--dir", tmp_path, "--lang", "en")
    assert made.returncode == 0, made.stderr
    package = tmp_path / "venue-ready-catering" / "src" / "venue_ready_catering"
    settings = (package / "settings.py").read_text("utf-8")
    assert "@frozen\nclass Config:" in settings
    assert "return read_settings(Config, settings, event)" in settings
    assert "Annotated[int, Setting(low=1, high=MAX_COUNT)]" in settings
    for hand_written in ("SettingsReader", ".known(", "reader.", "dataclass", "Config("):
        assert hand_written not in settings, hand_written
    # the keys of the settings example that `init` writes are the fields, in the same order;
    # any other key is refused, by the declaration alone
    module = tmp_path / "venue-ready-catering" / "src"
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import attrs, tomllib, venue_ready_catering.settings as s, "
            "venue_ready_catering.template as t;"
            "print([f.name for f in attrs.fields(s.Config)]);"
            "print(list(tomllib.loads(t.SETTINGS_EXAMPLE)));"
            "print([p.path for p in s.parse({'target': 4, 'dne': 1}, None)[1]])",
        ],
        cwd=module,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    fields = "['target', 'done', 'lead_days']"
    assert probe.stdout.splitlines() == [fields, fields, "[('dne',)]"]


def test_area_option(run_cli: RunCli, tmp_path: Path) -> None:
    made = run_cli("new-plugin", "ward-sound", "--area", "sound", "--dir", tmp_path)
    assert made.returncode == 0, made.stderr
    template = (tmp_path / "ward-sound" / "src" / "ward_sound" / "template.py").read_text("utf-8")
    assert 'KEY = "sound"' in template


@pytest.mark.parametrize("name", [".bad", "bad-", "có dấu", "a b", "x/../../y", ""])
def test_invalid_names_are_refused(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    proc = run_cli("new-plugin", name, "--dir", tmp_path, "--lang", "en")
    assert proc.returncode == 2
    assert "is not a valid name" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_invalid_area_key_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    proc = run_cli("new-plugin", "venue-ready-x", "--area", "Bad Key", "--dir", tmp_path)
    assert proc.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_existing_folder_is_never_written_into(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "venue-ready-catering"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    proc = run_cli("new-plugin", "venue-ready-catering", "--dir", tmp_path, "--lang", "en")
    assert proc.returncode == 2
    assert "already exists" in proc.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
