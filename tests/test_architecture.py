"""The architecture of docs/design.md, as import contracts (import-linter, in pyproject.toml).

The contracts are checked on the real tree, and each is shown to catch what it is meant to catch:
a copy of the package with one planted import breaks exactly the contract that forbids it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PLUGINS = ("venue_ready_security", "venue_ready_decoration", "venue_ready_broadcast")
CONTRACTS = ("layers", "acyclic", "renderers-draw", "public-api")


def _lint(cwd: Path, *, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        # the copies come before the editable install's own paths
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


def test_the_tree_keeps_every_contract() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in done.stdout


def test_every_contract_is_written_down() -> None:
    import tomli

    config = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ids = [c["id"] for c in config["tool"]["importlinter"]["contracts"]]
    assert tuple(ids) == CONTRACTS


# (file to plant the import in, the line to add, the contract it must break)
PLANTED = [
    ("venue_ready/_model.py", "from . import _report\n", "layers"),
    ("venue_ready/_scoring.py", "from ._assessment import assess\n", "layers"),
    ("venue_ready/_findingmaker.py", "from .journal import replay\n", "layers"),  # a leaf too
    ("venue_ready/_render/text.py", "from ..journal import replay\n", "renderers-draw"),
    ("venue_ready_security/rules.py", "from venue_ready._model import Event\n", "public-api"),
    ("venue_ready/_dates.py", "from . import _files\n", None),  # harmless: nothing is broken
    ("venue_ready/_files.py", "from . import _dates\n", "acyclic"),  # with the line above: a cycle
]


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """lint-imports on a copy of the tree with every import of PLANTED added."""
    tmp = tmp_path_factory.mktemp("planted")
    shutil.copytree(ROOT / "src" / "venue_ready", tmp / "venue_ready")
    for name in (*PLUGINS, "venue_ready_disinfection"):
        shutil.copytree(ROOT / "plugins" / name, tmp / name)
    shutil.copy(ROOT / "pyproject.toml", tmp / "pyproject.toml")
    for file, line, _contract in PLANTED:
        path = tmp / file
        text = path.read_text(encoding="utf-8")
        # after the module's own `from __future__` line, where an import is legal
        head, sep, rest = text.partition("from __future__ import annotations\n")
        path.write_text(head + sep + line + rest, encoding="utf-8")
    return _lint(tmp, pythonpath=tmp)


@pytest.mark.parametrize("contract", CONTRACTS)
def test_a_planted_import_breaks_its_contract(
    planted: subprocess.CompletedProcess[str], contract: str
) -> None:
    assert planted.returncode == 1, planted.stdout + planted.stderr
    names = {
        "layers": "Data flows one way",
        "acyclic": "No import cycles",
        "renderers-draw": "Renderers only draw",
        "public-api": "The area plugins import only",
    }
    summary = " ".join(planted.stdout.split())
    # each contract's line in the summary ends with KEPT or BROKEN
    start = summary.index(names[contract])
    verdict = summary[start:].split(" BROKEN", 1)[0]
    assert " KEPT" not in verdict, f"{contract} was not broken by its planted import:\n{summary}"
