"""Choosing and watching plugins: VENUE_READY_LOAD_PLUGINS, VENUE_READY_TRACE_PLUGINS, and the
``venue-ready plugins`` command."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from .conftest import RunCli

AS_OF = "2020-05-08T16:00+07:00"


def _distribution(site: Path, dist: str, module: str, source: str) -> None:
    info = site / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", "utf-8")
    name = module.removeprefix("vr_")
    (info / "entry_points.txt").write_text(f"[venue_ready]\n{name} = {module}\n", "utf-8")
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


AREA_PLUGIN = """
    from venue_ready import AreaSpec, hookimpl

    @hookimpl
    def venue_ready_areas():
        return [AreaSpec(key="{key}", title_vi="{key}", title_en="{key}")]
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    _distribution(folder, "venue-ready-catering", "vr_catering", AREA_PLUGIN.format(key="catering"))
    _distribution(
        folder, "venue-ready-transport", "vr_transport", AREA_PLUGIN.format(key="transport")
    )
    _distribution(folder, "venue-ready-broken", "vr_broken", "raise ImportError('no luck')\n")
    return folder


def _listed(run_cli: RunCli, site: Path, **env: str) -> tuple[int, dict[str, object]]:
    proc = run_cli("plugins", "--format", "json", env={"PYTHONPATH": str(site), **env})
    return proc.returncode, json.loads(proc.stdout)


def _names(table: dict[str, object]) -> set[str]:
    return {p["name"] for p in table["plugins"]}  # type: ignore[index, union-attr]


def test_plugins_lists_everything_with_failures(run_cli: RunCli, site: Path) -> None:
    code, table = _listed(run_cli, site)
    assert code == 3  # a plugin failed to load
    assert {"checklist", "security", "catering", "transport"} <= _names(table)
    catering = next(p for p in table["plugins"] if p["name"] == "catering")  # type: ignore[union-attr, index]
    assert catering == {
        "name": "catering",
        "distribution": "venue-ready-catering",
        "version": "1.0",
        "areas": ["catering"],
        "hooks": ["venue_ready_areas"],
    }
    [failure] = table["failures"]  # type: ignore[misc]
    assert failure["name"] == "broken"
    assert failure["distribution"] == "venue-ready-broken"
    assert failure["error"] == "ImportError: no luck"


def test_load_plugins_names_the_distributions(run_cli: RunCli, site: Path) -> None:
    code, table = _listed(run_cli, site, VENUE_READY_LOAD_PLUGINS="venue-ready-catering")
    assert code == 0
    names = _names(table)
    assert "catering" in names
    assert "transport" not in names
    assert "broken" not in names
    # the builtins of venue_ready itself always load
    assert {"checklist", "security", "decoration", "broadcast", "disinfection"} <= names


def test_empty_load_plugins_loads_no_third_party_plugin(run_cli: RunCli, site: Path) -> None:
    code, table = _listed(run_cli, site, VENUE_READY_LOAD_PLUGINS="")
    assert code == 0
    assert _names(table) == {
        "checklist",
        "subevents",
        "security",
        "decoration",
        "broadcast",
        "disinfection",
    }


def test_disable_autoload_keeps_working(run_cli: RunCli, site: Path) -> None:
    code, table = _listed(run_cli, site, VENUE_READY_DISABLE_PLUGIN_AUTOLOAD="1")
    assert code == 0
    assert "catering" not in _names(table)


def test_plugins_text_in_both_languages(run_cli: RunCli, site: Path) -> None:
    en = run_cli("plugins", "--lang", "en", env={"PYTHONPATH": str(site)})
    assert en.returncode == 3
    assert "catering (distribution venue-ready-catering 1.0)" in en.stdout
    assert "areas: catering" in en.stdout
    assert "Failed plugin (1):" in en.stdout
    vi = run_cli("plugins", env={"PYTHONPATH": str(site)})
    assert "catering (gói venue-ready-catering 1.0)" in vi.stdout
    assert "mảng: catering" in vi.stdout


def test_trace_prints_each_hook_call(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--as-of", AS_OF, env={"VENUE_READY_TRACE_PLUGINS": "1"})
    assert proc.returncode == 0
    lines = [line for line in proc.stderr.splitlines() if line.startswith("venue_ready trace:")]
    assert any(
        line.startswith("venue_ready trace: checklist.venue_ready_assess(general) ")
        for line in lines
    )
    assert any("security.venue_ready_areas() " in line for line in lines)
    assert all(line.endswith(" ms") for line in lines)
    quiet = run_cli("check", small_example, "--as-of", AS_OF)
    assert "venue_ready trace" not in quiet.stderr


def test_version_and_help_do_not_discover_plugins(run_cli: RunCli, site: Path) -> None:
    # a plugin that fails at import would be reported if discovery ran
    for args in (("--version",), ("--help",), ("check", "--help")):
        proc = run_cli(*args, env={"PYTHONPATH": str(site), "VENUE_READY_TRACE_PLUGINS": "1"})
        assert proc.returncode == 0
        assert "no luck" not in proc.stdout + proc.stderr
        assert "trace" not in proc.stderr
