"""The journal's CSV export for Excel (#14): ``--bom`` starts it with a UTF-8 byte order mark, so
that Excel shows Vietnamese instead of mojibake; the import takes it back unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SMALL_EXAMPLE

BOM = b"\xef\xbb\xbf"


def _cli(*args: object) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *map(str, args)],
        capture_output=True, env=env, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip


@pytest.fixture
def marked(tmp_path: Path) -> Path:
    event = tmp_path / "congress.toml"
    shutil.copy(SMALL_EXAMPLE, event)
    proc = _cli("mark", event, "cells.congresses", "done", "--by", "Tiểu ban Văn kiện",
                "--note", "Biên bản số 12")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return event


def test_bom_starts_the_csv_and_changes_nothing_else(marked: Path, tmp_path: Path) -> None:
    plain = _cli("journal", "export", marked, "--format", "csv")
    assert plain.returncode == 0, plain.stderr
    assert not plain.stdout.startswith(BOM)  # without --bom: plain UTF-8, as before
    out = tmp_path / "nhat-ky.csv"
    with_bom = _cli("journal", "export", marked, "--format", "csv", "--bom", "-o", out)
    assert with_bom.returncode == 0, with_bom.stderr
    data = out.read_bytes()
    assert data == BOM + plain.stdout
    assert "Tiểu ban Văn kiện" in data.decode("utf-8-sig")


def test_an_export_with_a_bom_imports_as_one_without(marked: Path, tmp_path: Path) -> None:
    out = tmp_path / "nhat-ky.csv"
    assert _cli("journal", "export", marked, "--format", "csv", "--bom", "-o", out).returncode == 0
    other = tmp_path / "other" / "congress.toml"
    other.parent.mkdir()
    shutil.copy(SMALL_EXAMPLE, other)
    imported = _cli("journal", "import", other, out, "--lang", "en")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.startswith(b"Imported 1 entry into ")
    again = _cli("journal", "export", other, "--format", "csv")
    assert again.stdout == out.read_bytes().removeprefix(BOM)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "--bom works only with --format csv"), ("vi", "--bom chỉ dùng được với --format csv")],
)
def test_bom_is_for_csv_only(marked: Path, lang: str, words: str) -> None:
    proc = _cli("journal", "export", marked, "--format", "jsonl", "--bom", "--lang", lang)
    assert proc.returncode == 2
    assert words in proc.stderr.decode()
    assert proc.stdout == b""
