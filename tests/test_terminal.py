"""The terminal report (issue #5): ``venue-ready check`` on a terminal prints the report with
rich, in colour; piped, exactly the plain text report, without escape codes and without
importing rich.

The terminal cases run the real command on a pseudo-terminal (the stdlib ``pty``), as a person
at a terminal would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import venue_ready
from venue_ready._render.text import render_text

from .conftest import ROOT, RunCli

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
SGR = re.compile(r"\x1b\[([0-9;]*)m")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
# the variables that would change what rich decides on its own
RICH_ENV = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES")

on_posix = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals need POSIX")


def _report(lang: str = "vi") -> venue_ready.Report:
    from venue_ready._dates import get_zone, parse_instant

    event = venue_ready.load(EXAMPLE)
    return venue_ready.assess(event, as_of=parse_instant(AS_OF, get_zone(event.timezone)))


def _env(**extra: str) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("VENUE_READY_") and k not in RICH_ENV
    }
    return {**base, "PYTHONIOENCODING": "utf-8", "TERM": "xterm-256color", **extra}


def _run_on_pty(code_or_args: list[str], env: dict[str, str], columns: int = 200) -> str:
    """Run ``python ARGS`` with its standard output on a pseudo-terminal of ``columns``
    columns; return what the terminal received (stderr is appended after a marker)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 60, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, *code_or_args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0, stderr
    # the terminal turns each "\n" into "\r\n"
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n") + "\n--stderr--\n" + stderr


def _check_on_pty(*args: str, columns: int = 200, **env: str) -> str:
    cli = ["-m", "venue_ready", "check", str(EXAMPLE), "--as-of", AS_OF, *args]
    out = _run_on_pty(cli, _env(**env), columns)
    return out.partition("\n--stderr--\n")[0]


def _colour_codes(text: str) -> list[str]:
    """Every SGR sequence that sets a colour (foreground or background)."""
    found = []
    for match in SGR.finditer(text):
        params = [int(p) for p in match.group(1).split(";") if p]
        if any(p in (38, 48) or 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 107 for p in params):
            found.append(match.group(0))
    return found


def _plain(text: str) -> str:
    return ANSI.sub("", text)


# -- piped: the plain text, and nothing else --------------------------------------------------


def test_piped_output_is_the_plain_text_report(run_cli: RunCli) -> None:
    result = run_cli("check", EXAMPLE, "--as-of", AS_OF, env={"FORCE_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    # the CLI adds, under each open item a done mark would meet, the command that records it
    hint = "    khi hoàn thành, ghi vào sổ theo dõi: "
    lines = result.stdout.splitlines(keepends=True)
    commands = [line for line in lines if line.startswith(hint)]
    assert commands
    assert all(line.startswith(f"{hint}venue-ready mark {EXAMPLE} ") for line in commands)
    assert "".join(line for line in lines if not line.startswith(hint)) == render_text(
        _report(), "vi"
    )


def test_piped_check_does_not_import_rich() -> None:
    code = (
        "import sys\n"
        "from venue_ready.cli import main\n"
        f"code = main(['check', {str(EXAMPLE)!r}, '--as-of', {AS_OF!r}])\n"
        "loaded = sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.'))\n"
        "sys.stderr.write('rich modules: %r\\n' % loaded)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert result.stdout.startswith("Đại hội Đảng bộ phường Ngọc Thụy")
    assert "rich modules: []" in result.stderr


# -- on a terminal ------------------------------------------------------------------------------


@on_posix
def test_the_same_wrapper_on_a_terminal_does_import_rich() -> None:
    # The counterpart of the test above: it proves the wrapper would see rich if it were used.
    code = (
        "import sys\n"
        "from venue_ready.cli import main\n"
        f"code = main(['check', {str(EXAMPLE)!r}, '--as-of', {AS_OF!r}])\n"
        "sys.stderr.write('rich loaded: %r\\n' % ('rich' in sys.modules))\n"
    )
    out = _run_on_pty(["-c", code], _env())
    assert "rich loaded: True" in out.partition("--stderr--")[2]


@on_posix
def test_terminal_report_in_colour() -> None:
    out = _check_on_pty()
    report = _report()
    assert _colour_codes(out), "no colour on a terminal"
    assert "\x1b[31m" in out  # blocked, in red
    text = _plain(out)
    assert text != render_text(report, "vi")
    for area in report.areas:
        assert area.title("vi") in text
    assert (
        "Mức độ sẵn sàng chung: 92,9/100 · Còn điều kiện bắt buộc chưa đạt · CHƯA SẴN SÀNG" in text
    )
    assert "█" in text  # the bars
    assert "19/19" in text  # coverage
    assert report.overdue
    for f in report.overdue:
        owner = report.owner_text(f, "vi")
        assert owner is not None
        assert owner in text
    assert "Đầu việc sắp đến hạn (10)" in text
    assert "Điều kiện bắt buộc chưa đạt (3) · Đầu việc quá hạn (3)" in text


@on_posix
def test_terminal_report_in_english() -> None:
    text = _plain(_check_on_pty("--lang", "en"))
    for area in _report().areas:
        assert area.title("en") in text
    assert "Overall readiness: 92.9/100 · Blocked by a critical condition · NOT READY" in text
    assert "Unmet critical conditions (3) · Overdue items (3)" in text
    assert "In charge" in text
    assert "critical" in text
    assert "overdue" in text


@on_posix
def test_no_color_is_honoured_on_a_terminal() -> None:
    out = _check_on_pty(NO_COLOR="1")
    assert _colour_codes(out) == []
    text = _plain(out)
    assert "Mức độ sẵn sàng chung: 92,9/100" in text
    assert "█" in text  # the layout stays: only the colour goes


@on_posix
def test_narrow_terminal_still_shows_every_area() -> None:
    text = _plain(_check_on_pty("--lang", "en", columns=80))
    assert max(len(line) for line in text.splitlines()) <= 80
    for area in _report().areas:
        assert area.title("en") in text


# -- the renderer itself -----------------------------------------------------------------------


def test_render_terminal_without_colour() -> None:
    from venue_ready._render.terminal import render_terminal

    report = _report()
    coloured = render_terminal(report, "vi", width=120)
    plain = render_terminal(report, "vi", width=120, no_color=True)
    assert _colour_codes(coloured)
    assert _colour_codes(plain) == []
    assert _plain(coloured) == _plain(plain)


def test_user_text_is_not_read_as_rich_markup(tmp_path: Path) -> None:
    from venue_ready._render.terminal import render_terminal

    source = EXAMPLE.read_text(encoding="utf-8")
    assert 'owner = "Tiểu ban Tuyên truyền"' in source
    changed = tmp_path / "congress.toml"
    changed.write_text(
        source.replace('owner = "Tiểu ban Tuyên truyền"', 'owner = "[red]Tổ [bold]A[/bold]"'),
        encoding="utf-8",
    )
    # the example's relative paths (if any) must still resolve: keep the folder's other files
    for other in EXAMPLE.parent.iterdir():
        if other.name != EXAMPLE.name and other.is_file():
            (tmp_path / other.name).write_bytes(other.read_bytes())
    from venue_ready._dates import get_zone, parse_instant

    event = venue_ready.load(changed)
    report = venue_ready.assess(event, as_of=parse_instant(AS_OF, get_zone(event.timezone)))
    text = _plain(render_terminal(report, "vi", width=200))
    assert "[red]Tổ [bold]A[/bold]" in text
