"""Golden reports: every report of every example and test event, byte for byte.

The refactors of #13 (and the speed work after it) promise reports that do not change. This
test pins what the real CLI prints for each example and test event, in every format and both
languages, with and without a journal, and for the roll-up. A change that is meant to change a
report regenerates the files on purpose and says why in the CHANGELOG:

    VENUE_READY_REGEN_GOLDEN=1 python -m pytest tests/test_golden.py

and the diff of ``tests/golden/`` shows exactly what changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = os.environ.get("VENUE_READY_REGEN_GOLDEN") == "1"

NGOC_THUY = "examples/ngoc-thuy-2020/congress.toml"
SMALL = "examples/small/congress.toml"
NGOC_THUY_AS_OF = "2020-05-14T16:00+07:00"
SMALL_AS_OF = "2020-05-08T12:00+07:00"
ELECTION = "examples/election-2021/election.toml"
ELECTION_AS_OF = "2021-05-22T18:00+07:00"
MTTQ = "examples/mttq-congress-2024/congress.toml"
MTTQ_AS_OF = "2024-06-19T16:00+07:00"
ROLLUP_DIR = "tests/data/rollup"
ROLLUP_AS_OF = "2020-05-10T12:00+07:00"
EXTENSIONS = {"text": "txt", "md": "md", "json": "json", "html": "html"}
LANGS = ("vi", "en")


def _cases() -> list[tuple[str, tuple[str, ...], str]]:
    """(golden file name, CLI arguments, where to run) for every pinned report."""
    cases: list[tuple[str, tuple[str, ...], str]] = []
    for name, file, as_of in (
        ("ngoc-thuy", NGOC_THUY, NGOC_THUY_AS_OF),
        ("small", SMALL, SMALL_AS_OF),
        ("election-2021", ELECTION, ELECTION_AS_OF),
        ("mttq-congress-2024", MTTQ, MTTQ_AS_OF),
    ):
        for fmt, ext in EXTENSIONS.items():
            for lang in LANGS:
                args = ("check", file, "--as-of", as_of, "--format", fmt, "--lang", lang)
                cases.append((f"{name}.{lang}.{ext}", args, "root"))
    # The Ngọc Thụy example with a journal (tests/golden/ngoc-thuy.journal.jsonl, imported into
    # a copy): the replayed items, reported ages and the HTML timeline's real history.
    for fmt in ("text", "json", "html"):
        for lang in LANGS:
            args = (
                "check",
                "congress.toml",
                "--as-of",
                NGOC_THUY_AS_OF,
                "--known-at",
                "now",
                "--format",
                fmt,
                "--lang",
                lang,
            )
            cases.append((f"ngoc-thuy-journal.{lang}.{EXTENSIONS[fmt]}", args, "journal"))
    for fmt in ("text", "json"):
        ext = EXTENSIONS[fmt]
        cases.append(
            (f"ngoc-thuy-history.{ext}", ("history", "congress.toml", "--format", fmt), "journal")
        )
    for file in sorted((ROOT / ROLLUP_DIR).rglob("*.toml")):
        rel = file.relative_to(ROOT).as_posix()
        stem = file.relative_to(ROOT / ROLLUP_DIR).with_suffix("").as_posix().replace("/", "-")
        for fmt in ("text", "json"):
            args = ("check", rel, "--as-of", ROLLUP_AS_OF, "--format", fmt, "--lang", "en")
            cases.append((f"rollup-{stem}.en.{EXTENSIONS[fmt]}", args, "root"))
    for fmt in ("text", "json", "html"):
        for lang in LANGS:
            args = ("rollup", ROLLUP_DIR, "--as-of", ROLLUP_AS_OF, "--format", fmt, "--lang", lang)
            cases.append((f"rollup.{lang}.{EXTENSIONS[fmt]}", args, "root"))
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def journal_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("golden-journal")
    shutil.copy(ROOT / NGOC_THUY, folder / "congress.toml")
    done = _run(
        ("journal", "import", "congress.toml", str(GOLDEN / "ngoc-thuy.journal.jsonl")), folder
    )
    assert done.returncode == 0, done.stderr
    return folder


def _run(args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    env.update({"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "100"})
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(("name", "args", "where"), CASES, ids=[c[0] for c in CASES])
def test_report_is_byte_identical(
    name: str, args: tuple[str, ...], where: str, journal_dir: Path
) -> None:
    done = _run(args, journal_dir if where == "journal" else ROOT)
    # stdout and the exit code are the report; stderr carries the exit's reason and is pinned too
    got = (
        done.stdout
        + b"\n--- stderr ---\n"
        + done.stderr
        + f"\n--- exit {done.returncode} ---\n".encode()
    )
    target = GOLDEN / name
    if REGEN:
        target.write_bytes(got)
    assert target.exists(), f"no golden file {name}: run with VENUE_READY_REGEN_GOLDEN=1"
    expected = target.read_bytes()
    assert got == expected, f"{name} differs from tests/golden/{name}"


@pytest.mark.parametrize("lang", LANGS)
def test_init_writes_the_same_file(lang: str, tmp_path: Path) -> None:
    # `init`'s file comes from every plugin's template: the template rewrites of #13 must not
    # change a byte of it (tests/golden/init.LANG.toml was written by the code before them)
    out = tmp_path / f"init.{lang}.toml"  # its name is in the file (the id, a comment)
    done = _run(("init", "--starts", "2020-05-15T07:30:00+07:00", "--lang", lang, str(out)), ROOT)
    assert done.returncode == 0, done.stderr
    target = GOLDEN / f"init.{lang}.toml"
    if REGEN:
        target.write_bytes(out.read_bytes())
    assert out.read_bytes() == target.read_bytes(), f"init differs from tests/golden/{target.name}"
