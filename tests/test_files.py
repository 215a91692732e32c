"""Atomic writes: nothing the tool writes may lose data the user had."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from venue_ready import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "một\n")
    assert target.read_text(encoding="utf-8") == "một\n"
    target.chmod(0o640)
    write_atomic(target, "hai\n")
    assert target.read_text(encoding="utf-8") == "hai\n"
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_new_file_is_not_private(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "new.json", "{}")
    assert target.stat().st_mode & 0o777 == 0o644


def test_no_overwrite_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "congress.toml"
    target.write_text("original", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_atomic(target, "new", overwrite=False)
    assert target.read_text(encoding="utf-8") == "original"
    assert [p.name for p in tmp_path.iterdir()] == ["congress.toml"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
