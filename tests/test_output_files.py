"""``-o/--output``: a regular file is replaced atomically; a device, a named pipe or
``/dev/stdout`` is written in place; a link's target is replaced and the link kept; the
command's own inputs are refused; an interrupted write leaves no temporary file.

No test here could replace the machine's ``/dev/null`` or ``/dev/stdout``, even with a version
that got it wrong: the device is a copy of ``/dev/null`` made in the test's folder, and
``/dev/stdout`` a link of the test's own to ``/proc/self/fd/1``.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from venue_ready import write_atomic

from .conftest import SMALL_EXAMPLE, RunCli

#: The same report every time: JSON, at a fixed moment.
JSON = ("--format", "json", "--as-of", "2020-05-14T16:00+07:00")


@pytest.fixture
def event(tmp_path: Path) -> Path:
    path = tmp_path / "ev.toml"
    shutil.copy(SMALL_EXAMPLE, path)
    return path


def _report(run_cli: RunCli, event: Path) -> str:
    done = run_cli("check", event, *JSON)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_character_device_stays_a_device(run_cli: RunCli, event: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to make a character device (a copy of /dev/null) in tmp_path")
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.stat("/dev/null").st_rdev)
    except PermissionError:
        pytest.skip("this container may not make device nodes (no CAP_MKNOD)")
    link = tmp_path / "out"
    link.symlink_to(device)
    for target in (device, link):
        done = run_cli("check", event, *JSON, "-o", target)
        assert done.returncode == 0, done.stderr
        assert stat.S_ISCHR(os.stat(device).st_mode)  # written to, not replaced
        assert link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev.toml", "null", "out"]


def test_a_named_pipe_is_written_to(run_cli: RunCli, event: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # the reader first: opening a pipe to write waits for one
    with subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE) as reader:
        try:
            done = run_cli("check", event, *JSON, "-o", fifo)
        finally:
            if not stat.S_ISFIFO(os.lstat(fifo).st_mode):
                reader.kill()  # the pipe was replaced: nothing will ever open it to write
        received, _ = reader.communicate(timeout=60)
    assert done.returncode == 0, done.stderr
    assert received.decode("utf-8") == _report(run_cli, event)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ev.toml", "pipe"]


def test_dev_stdout_is_written_in_place(run_cli: RunCli, event: Path, tmp_path: Path) -> None:
    # /dev/stdout is a link to /proc/self/fd/1: one of our own, made in tmp_path, so that a
    # version that replaced it would replace only this link, never the machine's /dev/stdout
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    done = run_cli("check", event, *JSON, "-o", stdout)
    assert done.returncode == 0, done.stderr
    assert done.stdout == _report(run_cli, event)
    # stdout a regular file: that file gets the report, nothing else is made beside it
    captured = tmp_path / "captured.json"
    with captured.open("w") as out:
        subprocess.run(
            [sys.executable, "-m", "venue_ready", "check", str(event), *JSON, "-o", str(stdout)],
            stdout=out,
            check=True,
            timeout=60,
        )
    assert captured.read_text(encoding="utf-8") == done.stdout
    assert stdout.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["captured.json", "ev.toml", "stdout"]


def test_a_link_is_followed_and_kept(run_cli: RunCli, event: Path, tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "latest.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    dangling = tmp_path / "new.json"
    dangling.symlink_to(tmp_path / "reports" / "new.json")
    for target in (link, dangling):
        done = run_cli("check", event, *JSON, "-o", target)
        assert done.returncode == 0, done.stderr
        assert target.is_symlink()
    expected = _report(run_cli, event)
    assert real.read_text(encoding="utf-8") == expected
    assert (tmp_path / "reports" / "new.json").read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest.json", "new.json"]


@pytest.mark.parametrize(
    ("lang", "needle"),
    [("en", "which this command reads"), ("vi", "tệp lệnh này đang đọc")],
)
def test_the_commands_own_inputs_are_refused(
    run_cli: RunCli, event: Path, tmp_path: Path, lang: str, needle: str
) -> None:
    marked = run_cli("mark", event, "cells.congresses", "done", "--by", "Văn phòng")
    assert marked.returncode == 0, marked.stderr
    journal = tmp_path / "ev.journal.sqlite"
    (tmp_path / "same.toml").hardlink_to(event)
    (tmp_path / "link.toml").symlink_to(event)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    attempts = [
        ("check", event, "-o", event),
        ("check", event, "-o", tmp_path / "same.toml"),  # another name for it
        ("check", event, "-o", tmp_path / "link.toml"),
        ("check", event, "-o", journal),
        ("journal", "export", event, "-o", journal),
        ("journal", "export", event, "-o", event),
        ("rollup", tmp_path, "-o", event),
        ("rollup", tmp_path, "-o", journal),
    ]
    for argv in attempts:
        done = run_cli(*argv, "--lang", lang)
        assert done.returncode == 2, (argv, done.stderr)
        assert needle in done.stderr
        assert "Traceback" not in done.stderr
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before, argv


def _old_file(tmp_path: Path) -> Path:
    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")
    return target


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _old_file(tmp_path)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


_TERMINATED_DURING_WRITE = """
import os, signal, sys
from venue_ready import write_atomic

def terminated(fd):
    os.kill(os.getpid(), signal.SIGTERM)  # a real SIGTERM, in the middle of the write

os.fsync = terminated
{setup}
write_atomic(sys.argv[1], "new")
print("written")
"""


def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path: Path) -> None:
    target = _old_file(tmp_path)
    script = _TERMINATED_DURING_WRITE.format(setup="")
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -15  # ended by the signal, as without venue_ready
    assert done.stdout == ""
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_program_that_handles_sigterm_gets_an_error(tmp_path: Path) -> None:
    target = _old_file(tmp_path)
    setup = textwrap.dedent("""
        signal.signal(signal.SIGTERM, lambda *_: print("handled"))
        try:
            write_atomic(sys.argv[1], "new")
        except InterruptedError as exc:
            print("interrupted:", exc)
        sys.exit(0)
    """)
    script = _TERMINATED_DURING_WRITE.format(setup=setup)
    done = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["handled", "interrupted: interrupted by SIGTERM"]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
