"""Plugins are found in every layout pip and uv install them in (#16).

For start-up, venue_ready reads the ``venue_ready`` entry points straight from the metadata
folders on ``sys.path`` (``venue_ready._plugins.scan_entry_points``) instead of importing
importlib.metadata. Each test here lays out a tiny plugin distribution in ``tmp_path`` the way
one installer leaves it, then, in a fresh interpreter that sees it (``site.addsitedir`` reads
the ``.pth`` files as the interpreter does for site-packages), checks that:

- the hand scan finds exactly the entry points importlib.metadata finds (names, values, the
  distribution's name and version, first copy on ``sys.path`` winning), or gives up (None)
  where only importlib.metadata can read the layout;
- ``get_plugin_manager()`` registers the plugin, with its distribution and version, either way.

How each layout is made: the wheel is built here by hand (a zip holding the package and its
``.dist-info``) and installed by the real pip (``pip install --no-index --no-deps --target``);
the others are written file by file as the tools write them (the PEP 660 editable ``.pth`` of
pip, uv and hatchling; the import-finder editable of setuptools and of hatchling's
``dev-mode-exact``; ``setup.py develop``'s ``.egg-link``, ``easy-install.pth`` and in-place
``.egg-info``; an unzipped egg; a wheel or a zip on ``sys.path``), since this venv has no build
backend to run offline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

DIST = "vr-tiny"  # the distribution's name, as METADATA spells it
PACKAGE = "vr_tiny"
PLUGIN = "tiny"  # the entry point's name: the plugin's name in venue_ready

PROBE = """
import json, site, sys
for folder in {sites!r}:
    site.addsitedir(folder)  # reads its .pth files, as for site-packages
sys.path[:0] = {front!r}
{setup}
from importlib.metadata import entry_points
from venue_ready import get_plugin_manager
from venue_ready._plugins import scan_entry_points

def row(ep):
    return [ep.name, ep.value, ep.dist.metadata["Name"], ep.dist.version]

scanned = scan_entry_points("venue_ready")
pm = get_plugin_manager()
print(json.dumps({{
    "scanned": None if scanned is None else sorted(row(ep) for ep in scanned),
    "metadata": sorted(row(ep) for ep in entry_points(group="venue_ready")),
    "plugins": sorted(pm.plugin_names()),
    "origin": list(pm.origin("{plugin}")),
    "failures": [f.describe() for f in pm.failures],
}}))
"""


def _package(folder: Path) -> Path:
    """The plugin's package: a module registered as a plugin, with one hook."""
    package = folder / PACKAGE
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        textwrap.dedent(
            '''\
            """A plugin with nothing to say: found, registered, named."""
            from venue_ready import hookimpl


            @hookimpl
            def venue_ready_areas():
                return []
            '''
        ),
        encoding="utf-8",
    )
    return package


def _entry_points_txt(value: str = PACKAGE) -> str:
    return f"[console_scripts]\nvr-tiny = {PACKAGE}:main\n\n[venue_ready]\n{PLUGIN} = {value}\n"


def _dist_info(site: Path, version: str = "1.0", *, installer: str = "pip") -> Path:
    """``vr_tiny-VERSION.dist-info`` as pip and uv write it for a wheel or an editable."""
    info = site / f"{PACKAGE}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.3\nName: {DIST}\nVersion: {version}\n\nA tiny plugin.\n",
        encoding="utf-8",
    )
    (info / "WHEEL").write_text("Wheel-Version: 1.0\nRoot-Is-Purelib: true\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(_entry_points_txt(), encoding="utf-8")
    (info / "INSTALLER").write_text(f"{installer}\n", encoding="utf-8")
    (info / "RECORD").write_text("", encoding="utf-8")
    return info


def _egg_info(folder: Path, name: str, *, version: str = "1.0") -> Path:
    """An ``.egg-info`` (or an egg's ``EGG-INFO``) as setuptools' ``egg_info`` writes it."""
    info = folder / name
    info.mkdir(parents=True)
    (info / "PKG-INFO").write_text(
        f"Metadata-Version: 2.1\nName: {DIST}\nVersion: {version}\nSummary: A tiny plugin.\n",
        encoding="utf-8",
    )
    (info / "entry_points.txt").write_text(_entry_points_txt(), encoding="utf-8")
    (info / "top_level.txt").write_text(f"{PACKAGE}\n", encoding="utf-8")
    (info / "SOURCES.txt").write_text(f"{PACKAGE}/__init__.py\n", encoding="utf-8")
    (info / "dependency_links.txt").write_text("\n", encoding="utf-8")
    return info


def _wheel(folder: Path, name: str = f"{PACKAGE}-1.0-py3-none-any.whl") -> Path:
    """A wheel, built by hand: the package and its ``.dist-info``, zipped."""
    staging = folder / "staging"
    _package(staging)
    info = _dist_info(staging)
    (info / "INSTALLER").unlink()  # an installer writes it, not the wheel
    (info / "RECORD").write_text(
        "".join(
            f"{path.relative_to(staging).as_posix()},,\n"
            for path in sorted(staging.rglob("*"))
            if path.is_file()
        ),
        encoding="utf-8",
    )
    wheel = folder / name
    with zipfile.ZipFile(wheel, "w") as zf:
        for path in sorted(staging.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(staging).as_posix())
    return wheel


def _probe(
    tmp_path: Path, *, sites: list[Path] = (), front: list[Path] = (), setup: str = ""
) -> dict[str, object]:
    code = PROBE.format(
        sites=[str(s) for s in sites], front=[str(f) for f in front], setup=setup, plugin=PLUGIN
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VENUE_READY_", "PYTHON"))}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout)
    return result


def _assert_found(result: dict[str, object], *, version: str = "1.0", scanned: bool = True) -> None:
    row = [PLUGIN, PACKAGE, DIST, version]
    assert row in result["metadata"]  # the layout is one importlib.metadata reads
    if scanned:
        assert result["scanned"] == result["metadata"]
    else:
        assert result["scanned"] is None  # the scan gives up, and importlib.metadata answers
    assert PLUGIN in result["plugins"]
    assert result["origin"] == [DIST, version]
    assert result["failures"] == []


def test_a_wheel_installed_by_pip(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    site = tmp_path / "site-packages"
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps"),
            *("--disable-pip-version-check", "--target", str(site), str(wheel)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert (site / f"{PACKAGE}-1.0.dist-info" / "entry_points.txt").is_file()
    _assert_found(_probe(tmp_path, sites=[site]))


@pytest.mark.parametrize("installer", ["pip", "uv"])
def test_a_pep_660_editable_with_a_path_pth(tmp_path: Path, installer: str) -> None:
    # pip and uv with hatchling's default editable: the .dist-info in site-packages, and a .pth
    # that puts the source folder on sys.path
    source = tmp_path / "project" / "src"
    _package(source)
    site = tmp_path / "site-packages"
    _dist_info(site, installer=installer)
    (site / f"_{PACKAGE}.pth").write_text(f"{source}\n", encoding="utf-8")
    (site / f"{PACKAGE}-1.0.dist-info" / "direct_url.json").write_text(
        json.dumps({"url": source.parent.as_uri(), "dir_info": {"editable": True}}),
        encoding="utf-8",
    )
    _assert_found(_probe(tmp_path, sites=[site]))


def test_a_pep_660_editable_with_an_import_finder(tmp_path: Path) -> None:
    # setuptools' editable (and hatchling's dev-mode-exact): the .pth imports a module that
    # puts a finder on sys.meta_path mapping the package to its source; the source folder is
    # never on sys.path
    source = tmp_path / "project" / "src"
    _package(source)
    site = tmp_path / "site-packages"
    _dist_info(site)
    finder = f"__editable___{PACKAGE}_1_0_finder"
    (site / f"{finder}.py").write_text(
        textwrap.dedent(
            f"""\
            import sys
            from importlib.machinery import ModuleSpec, PathFinder

            MAPPING = {{{PACKAGE!r}: {str(source)!r}}}  # package: the folder that holds it


            class _EditableFinder:
                @classmethod
                def find_spec(cls, fullname, path=None, target=None):
                    if fullname in MAPPING:
                        return PathFinder.find_spec(fullname, [MAPPING[fullname]])
                    return None


            def install():
                if _EditableFinder not in sys.meta_path:
                    sys.meta_path.append(_EditableFinder)
            """
        ),
        encoding="utf-8",
    )
    (site / f"__editable__.{PACKAGE}-1.0.pth").write_text(
        f"import {finder}; {finder}.install()\n", encoding="utf-8"
    )
    result = _probe(tmp_path, sites=[site])
    _assert_found(result)


def test_setup_py_develop_an_egg_link_and_an_egg_info_in_the_source(tmp_path: Path) -> None:
    source = tmp_path / "project" / "src"
    _package(source)
    _egg_info(source, f"{PACKAGE}.egg-info")
    site = tmp_path / "site-packages"
    site.mkdir()
    (site / f"{DIST}.egg-link").write_text(f"{source}\n../\n", encoding="utf-8")
    (site / "easy-install.pth").write_text(f"{source}\n", encoding="utf-8")
    _assert_found(_probe(tmp_path, sites=[site]))


def test_an_unzipped_egg_on_sys_path(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    egg = site / f"{PACKAGE}-1.0-py{sys.version_info[0]}.{sys.version_info[1]}.egg"
    _package(egg)
    _egg_info(egg, "EGG-INFO")
    (site / "easy-install.pth").write_text(f"./{egg.name}\n", encoding="utf-8")
    _assert_found(_probe(tmp_path, sites=[site]))


@pytest.mark.parametrize("name", [f"{PACKAGE}-1.0-py3-none-any.whl", "plugins.zip"])
def test_a_wheel_or_a_zip_on_sys_path_is_left_to_importlib_metadata(
    tmp_path: Path, name: str
) -> None:
    archive = _wheel(tmp_path, name)
    _assert_found(_probe(tmp_path, front=[archive]), scanned=False)


def test_a_finder_that_provides_distributions_is_left_to_importlib_metadata(
    tmp_path: Path,
) -> None:
    # a meta path finder with find_distributions (a zipapp's, a bundler's) may hold plugins no
    # folder shows: importlib.metadata asks it
    site = tmp_path / "elsewhere"
    _package(site)
    _dist_info(site)
    setup = textwrap.dedent(
        f"""\
        from importlib.metadata import DistributionFinder, PathDistribution
        from pathlib import Path

        class Bundled(DistributionFinder):
            def find_spec(self, *args, **kwargs):
                return None

            def find_distributions(self, context=DistributionFinder.Context()):
                if context.name in (None, {DIST!r}, {PACKAGE!r}):
                    yield PathDistribution(Path({str(site / f"{PACKAGE}-1.0.dist-info")!r}))

        sys.meta_path.append(Bundled())
        sys.path.append({str(site)!r})  # the package itself imports from there
        """
    )
    result = _probe(tmp_path, setup=setup)
    _assert_found(result, scanned=False)


def test_the_first_copy_on_sys_path_wins(tmp_path: Path) -> None:
    # a stale copy later on sys.path, and in the first folder two copies (a .dist-info and an
    # .egg-info left by an interrupted upgrade): importlib.metadata takes the first of the
    # first folder, in the order the folder lists them, and so must the scan
    first, second = tmp_path / "first", tmp_path / "second"
    _package(first)
    _dist_info(first, "2.0")
    _egg_info(first, f"{PACKAGE}-0.5.egg-info", version="0.5")
    _dist_info(second, "1.0")
    result = _probe(tmp_path, sites=[first, second])
    rows = [row for row in result["metadata"] if row[0] == PLUGIN]
    assert len(rows) == 1
    assert rows[0][3] in ("2.0", "0.5")  # never the later folder's 1.0
    _assert_found(result, version=rows[0][3])
