"""Renderers may return bytes (#14): a format declared ``binary`` renders ``bytes``, with its file
extension and media type, through ``Report.render`` and the real CLI alike; text renderers and
the plugins' text formats work as before."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from venue_ready import Renderer, assess, get_plugin_manager, load

from .conftest import ROOT, SMALL_EXAMPLE, RunCli
from .support import TZ

AS_OF = "2020-05-08T16:00+07:00"
#: A "document" that is not text: not UTF-8, and with a NUL and a CR LF a text write would touch
PAYLOAD = b"PK\x03\x04\x00\xff\xfe\r\n" + bytes(range(256))

BINARY_PLUGIN = f"""
from venue_ready import Renderer, hookimpl

def zipped(report, lang):
    return {PAYLOAD!r} + lang.encode()

def lying(report, lang):
    return "text from a renderer that promised bytes"

def text_bytes(report, lang):
    return b"bytes from a text renderer"

@hookimpl
def venue_ready_renderers():
    return [
        Renderer(
            "zip", zipped, "a binary format", extension="zip",
            media_type="application/zip", binary=True,
        ),
        Renderer("liar", lying, binary=True, extension="bin"),
        Renderer("textbytes", text_bytes),
    ]
"""


@pytest.fixture
def plugin_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "plugins"
    folder.mkdir()
    (folder / "binary_plugin.py").write_text(textwrap.dedent(BINARY_PLUGIN), encoding="utf-8")
    return folder


def _cli(
    *args: str, plugin_dir: Path, stdout: int = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    env["PYTHONPATH"] = str(plugin_dir)
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", "check", str(SMALL_EXAMPLE), "--as-of", AS_OF,
         "--plugin", "binary_plugin", *args],
        stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip


def test_a_binary_plugin_format_is_written_to_a_file_byte_for_byte(
    plugin_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.zip"
    proc = _cli("--format", "zip", "--lang", "en", "-o", str(out), plugin_dir=plugin_dir)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    assert out.read_bytes() == PAYLOAD + b"en"


def test_a_binary_format_goes_down_a_pipe_as_it_is(plugin_dir: Path) -> None:
    proc = _cli("--format", "zip", plugin_dir=plugin_dir)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == PAYLOAD + b"vi"


@pytest.mark.parametrize(("lang", "words"), [("en", "cannot be shown on a terminal"),
                                             ("vi", "không in ra màn hình được")])  # fmt: skip
def test_a_binary_format_is_refused_on_a_terminal(plugin_dir: Path, lang: str, words: str) -> None:
    # a real terminal (a pseudo-terminal) as stdout: isatty() is true, as for a person's
    leader, follower = pty.openpty()
    try:
        proc = _cli("--format", "zip", "--lang", lang, plugin_dir=plugin_dir, stdout=follower)
    finally:
        os.close(follower)
    printed = b""
    try:
        while chunk := os.read(leader, 4096):
            printed += chunk
    except OSError:  # EIO: the terminal's other end closed, all is read
        pass
    finally:
        os.close(leader)
    assert proc.returncode == 2
    stderr = proc.stderr.decode("utf-8")
    assert words in stderr
    assert "-o " in stderr
    assert ".zip" in stderr
    assert printed == b""


def test_a_renderer_that_breaks_its_promise_is_a_plugin_failure(plugin_dir: Path) -> None:
    liar = _cli("--format", "liar", "--lang", "en", plugin_dir=plugin_dir)
    assert liar.returncode == 3
    assert b"format 'liar' returned str, expected bytes" in liar.stderr
    assert liar.stdout == b""
    text_bytes = _cli("--format", "textbytes", "--lang", "en", plugin_dir=plugin_dir)
    assert text_bytes.returncode == 3
    assert b"format 'textbytes' returned bytes, expected str" in text_bytes.stderr


def test_report_render_returns_bytes_for_a_binary_format(
    plugin_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(plugin_dir))
    pm = get_plugin_manager(extra=["binary_plugin"])
    report = assess(load(SMALL_EXAMPLE, plugins=pm), datetime(2020, 5, 8, 16, tzinfo=TZ), pm)
    assert report.render("zip", "en", plugins=pm) == PAYLOAD + b"en"
    spec = pm.renderer("zip")
    assert spec is not None
    assert (spec.extension, spec.media_type, spec.binary) == ("zip", "application/zip", True)
    with pytest.raises(TypeError, match="returned str, expected bytes"):
        report.render("liar", plugins=pm)
    with pytest.raises(TypeError, match="returned bytes, expected str"):
        report.render("textbytes", plugins=pm)
    # the text formats are text, as before
    assert isinstance(report.render("text", "en"), str)
    assert isinstance(report.render("json", "en", plugins=pm), str)


def test_builtin_formats_say_their_extension_and_media_type() -> None:
    kinds = {
        name: (r.extension, r.media_type.split(";")[0], r.binary)
        for name, r in get_plugin_manager().renderers().items()
    }
    assert kinds["text"] == ("txt", "text/plain", False)
    assert kinds["json"] == ("json", "application/json", False)
    assert kinds["md"] == ("md", "text/markdown", False)
    assert kinds["html"] == ("html", "text/html", False)


@pytest.mark.parametrize(
    ("field", "value"),
    [("extension", ".xlsx"), ("extension", "a/b"), ("media_type", "xlsx"), ("binary", 1)],
)
def test_a_renderer_declares_its_kind_of_file_plainly(field: str, value: object) -> None:
    with pytest.raises((TypeError, ValueError), match=field):
        Renderer("x", lambda report, lang: b"", **{field: value})  # type: ignore[arg-type]


def test_a_text_plugin_format_still_works_unchanged(run_cli: RunCli, tmp_path: Path) -> None:
    # A plugin written before bytes existed: no extension, no media type, returns text.
    (tmp_path / "old_plugin.py").write_text(
        textwrap.dedent(
            """
            from venue_ready import Renderer, hookimpl

            @hookimpl
            def venue_ready_renderers():
                return [Renderer(name="names", render=lambda report, lang: report.event.name)]
            """
        ),
        encoding="utf-8",
    )
    out = tmp_path / "names.txt"
    proc = run_cli(
        "check", SMALL_EXAMPLE, "--as-of", AS_OF, "--plugin", "old_plugin", "--format", "names",
        "-o", out, env={"PYTHONPATH": str(tmp_path)},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert (
        out.read_text(encoding="utf-8")
        == "Đại hội Đảng bộ phường Mẫu lần thứ XV, nhiệm kỳ 2020 - 2025"
    )
