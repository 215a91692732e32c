"""End-to-end: the real ``venue-ready`` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, RunCli, WriteEvent

AS_OF = "2020-05-08T16:00+07:00"


def test_check_prints_the_report_in_vietnamese(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--as-of", AS_OF)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Đại hội Đảng bộ phường Mẫu lần thứ XV" in out
    assert "Khai mạc: 7 giờ 30 ngày 15 tháng 5 năm 2020" in out
    assert "Thời điểm đánh giá: 16 giờ 00 ngày 8 tháng 5 năm 2020" in out
    assert "Mức độ sẵn sàng chung: 52/100 · Còn điều kiện bắt buộc chưa đạt · CHƯA SẴN SÀNG" in out
    assert "Công tác chung" in out
    assert "đã đánh giá 6/6" in out
    assert "chỉ số tiến độ 0,87" in out
    # the blocker: a sign-off of version 3 while the report is at version 4
    assert "Điều kiện bắt buộc chưa đạt (1):" in out
    assert "mới cho ý kiến vào bản 3, bản hiện tại là bản 4" in out
    assert "phụ trách: Tiểu ban Văn kiện" in out
    assert "thời hạn: ngày 5 tháng 5 năm 2020" in out
    assert "Đầu việc quá hạn (1):" in out
    assert "Đầu việc sắp đến hạn (3):" in out
    assert "Tổng duyệt chương trình Đại hội: chưa thực hiện" in out
    assert "Đầu việc được miễn (1):" in out
    assert "người duyệt: Đ/c Bí thư Đảng ủy" in out
    assert proc.stderr == ""


def test_check_prints_the_report_in_english(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--as-of", AS_OF, "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Opens: 15 May 2020, 07:30" in out
    assert "Overall readiness: 52/100 · Blocked by a critical condition · NOT READY" in out
    assert "General preparations" in out
    assert "schedule index 0.87" in out
    assert "signed off version 3, the current version is 4" in out
    assert "in charge: Tiểu ban Văn kiện" in out
    assert "Waived item (1):" in out
    # nothing of the Vietnamese frame is left in the English report
    assert "Mức độ" not in out
    assert "phụ trách" not in out


def test_ready_when_everything_is_done(run_cli: RunCli, write_event: WriteEvent) -> None:
    event = write_event(
        textwrap.dedent(
            """
            [[areas.general.items]]
            id = "a"
            title = "Văn kiện"
            status = "done"
            gate = true
            """
        ),
        filename="done.toml",
        name="Đại hội",
    )
    proc = run_cli("check", event, "--as-of", "2020-05-14", "--lang", "en")
    assert proc.returncode == 0
    assert "Overall readiness: 100/100 · Ready · READY" in proc.stdout
    assert "Unmet critical conditions (0):" in proc.stdout


def test_json_output_is_deterministic(run_cli: RunCli, small_example: Path) -> None:
    first = run_cli("check", small_example, "--as-of", AS_OF, "--format", "json")
    second = run_cli("check", small_example, "--as-of", AS_OF, "--format", "json")
    assert first.returncode == 0
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["score"] == 52.0
    assert data["status"] == "blocked"
    assert data["areas"][0]["coverage"] == {"assessed": 6, "expected": 6}
    assert [b["subject"] for b in data["blockers"]] == ["documents.political-report"]
    names = [p["name"] for p in data["generator"]["plugins"]]
    assert "checklist" in names
    assert names == sorted(names)


def test_bare_date_as_of_is_the_end_of_that_day(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--as-of", "2020-05-08", "--format", "json")
    assert json.loads(proc.stdout)["as_of"] == "2020-05-08"


@pytest.mark.parametrize(("threshold", "code"), [("60", 1), ("52", 0), ("50", 0)])
def test_fail_under(run_cli: RunCli, small_example: Path, threshold: str, code: int) -> None:
    proc = run_cli("check", small_example, "--as-of", AS_OF, "--fail-under", threshold)
    assert proc.returncode == code
    assert ("--fail-under" in proc.stderr) == (code == 1)
    assert "Mức độ sẵn sàng chung" in proc.stdout  # the report is printed either way


def test_bad_as_of(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--as-of", "tomorrow", "--lang", "en")
    assert proc.returncode == 2
    assert "--as-of: 'tomorrow' is not a valid moment" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_format(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--format", "pdf", "--lang", "en")
    assert proc.returncode == 2
    assert (
        "no format 'pdf' (available formats: text, json, md, html, brief, docx, xlsx, ics)"
        in proc.stderr
    )
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        ((), "venue-ready: error: missing required arguments: COMMAND"),
        (("check",), "missing required arguments: FILE"),
        (("frobnicate",), "no command 'frobnicate' (the commands: check, rollup, init,"),
        (("check", "x.toml", "--bogus"), "venue-ready: error: no option --bogus\n"),
    ],
)
def test_usage_errors(run_cli: RunCli, args: tuple[str, ...], needle: str) -> None:
    proc = run_cli(*args, env={"VENUE_READY_LANG": "en"})
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_errors_in_vietnamese(run_cli: RunCli) -> None:
    proc = run_cli("check")
    assert proc.returncode == 2
    assert "cách dùng: venue-ready check" in proc.stderr
    assert "venue-ready: lỗi: thiếu tham số bắt buộc: TỆP" in proc.stderr
    assert "Xem hướng dẫn: venue-ready check --help" in proc.stderr


def test_version_and_help(run_cli: RunCli) -> None:
    from venue_ready import __version__

    version = run_cli("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"venue-ready {__version__}"
    helptext = run_cli("check", "--help", "--lang", "en")
    assert helptext.returncode == 0
    assert "--fail-under N" in helptext.stdout
    assert "assess as of this moment" in helptext.stdout
    vi_help = run_cli("check", "--help")
    assert "đánh giá tại thời điểm này" in vi_help.stdout


# -- plugins from the command line ------------------------------------------------------------


def _write_module(folder: Path, name: str, source: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def _env(folder: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(folder)}


def test_plugin_that_raises_marks_only_its_area(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _write_module(
        tmp_path,
        "boom_plugin",
        """
        from venue_ready import AreaSpec, hookimpl

        @hookimpl
        def venue_ready_areas():
            return [AreaSpec(key="boom", title_vi="Nổ", title_en="Boom")]

        @hookimpl
        def venue_ready_assess(event, area, as_of):
            if area.key == "boom":
                raise RuntimeError("the loudspeaker list is unreadable")
        """,
    )
    event = tmp_path / "event.toml"
    event.write_text(
        small_example.read_text(encoding="utf-8") + "\n[areas.boom]\n", encoding="utf-8"
    )
    proc = run_cli(
        "check", event, "--as-of", AS_OF, "--plugin", "boom_plugin", "--lang", "en",
        env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 3
    assert "Boom" in proc.stdout
    assert "Error, inconclusive" in proc.stdout
    assert (
        "plugin 'boom_plugin' failed at assess: RuntimeError: the loudspeaker list" in proc.stdout
    )
    assert "Inconclusive" in proc.stdout
    # the other area is still assessed, and the overall score counts only it
    assert "Overall readiness: 52/100 · Error, inconclusive" in proc.stdout
    assert "(1 plugin failure; areas in error: 1)" in proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


def test_strict_plugins_shows_the_traceback(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _write_module(
        tmp_path,
        "boom_plugin",
        """
        from venue_ready import hookimpl

        @hookimpl
        def venue_ready_assess(event, area, as_of):
            raise RuntimeError("debug me")
        """,
    )
    proc = run_cli(
        "check", small_example, "--as-of", AS_OF, "--plugin", "boom_plugin",
        "--strict-plugins", env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr
    assert "RuntimeError: debug me" in proc.stderr


def test_plugin_that_fails_to_import(run_cli: RunCli, small_example: Path, tmp_path: Path) -> None:
    _write_module(tmp_path, "broken_plugin", "import module_that_does_not_exist_anywhere\n")
    proc = run_cli(
        "check", small_example, "--as-of", AS_OF, "--plugin", "broken_plugin", "--lang", "en",
        env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 3
    assert "Failed plugin (1):" in proc.stdout
    assert "broken_plugin" in proc.stdout
    assert "No module named 'module_that_does_not_exist_anywhere'" in proc.stdout
    # the builtin plugin still ran
    assert "Overall readiness: 52/100" in proc.stdout


def test_plugin_module_not_found_is_a_usage_error(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "--plugin", "no_such_plugin_module", "--lang", "en")
    assert proc.returncode == 2
    assert "plugin module 'no_such_plugin_module' not found" in proc.stderr
    assert proc.stdout == ""


def test_blocking_the_checklist_plugin(run_cli: RunCli, small_example: Path) -> None:
    proc = run_cli("check", small_example, "-p", "no:checklist", "--lang", "en")
    assert proc.returncode == 2
    # said to be blocked, not missing (#11)
    assert "areas.general: no loaded plugin provides area 'general'" in proc.stderr
    assert "blocked with -p no:NAME: checklist" in proc.stderr


def test_misspelled_hook_is_reported(run_cli: RunCli, small_example: Path, tmp_path: Path) -> None:
    _write_module(
        tmp_path,
        "typo_plugin",
        """
        from venue_ready import hookimpl

        @hookimpl
        def venue_ready_asess(event, area, as_of):
            return []
        """,
    )
    proc = run_cli(
        "check", small_example, "--as-of", AS_OF, "-p", "typo_plugin", "--lang", "en",
        env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 3
    assert "typo_plugin" in proc.stdout
    assert "unknown hook 'venue_ready_asess'" in proc.stdout


def test_renderer_from_a_plugin(run_cli: RunCli, small_example: Path, tmp_path: Path) -> None:
    _write_module(
        tmp_path,
        "csv_plugin",
        """
        from venue_ready import Renderer, hookimpl

        def render(report, lang):
            rows = ["key,score,status"]
            rows += [f"{a.key},{a.score},{a.status.value}" for a in report.areas]
            return "\\n".join(rows) + "\\n"

        @hookimpl
        def venue_ready_renderers():
            return [Renderer(name="csv", render=render)]
        """,
    )
    proc = run_cli(
        "check", small_example, "--as-of", AS_OF, "--plugin", "csv_plugin", "--format", "csv",
        env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "key,score,status\ngeneral,52.0,blocked\n"


# -- plugins from entry points, as installed packages provide them ------------------------------


def _fake_distribution(site: Path, dist: str, version: str, entry_points: str) -> None:
    info = site / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")


def test_entry_point_plugin_that_fails_to_import_is_named_with_its_distribution(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _fake_distribution(
        tmp_path, "venue-ready-radio", "2.1.0", "[venue_ready]\nradio = radio_plugin\n"
    )
    _write_module(tmp_path, "radio_plugin", "raise ImportError('amplifier driver missing')\n")
    proc = run_cli("check", small_example, "--as-of", AS_OF, "--lang", "en", env=_env(tmp_path))
    assert proc.returncode == 3
    assert (
        "radio (distribution venue-ready-radio 2.1.0), at import: "
        "ImportError: amplifier driver missing" in proc.stdout
    )
    assert "Overall readiness: 52/100" in proc.stdout

    quiet = run_cli(
        "check", small_example, "--as-of", AS_OF, "--lang", "en",
        env={**_env(tmp_path), "VENUE_READY_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )  # fmt: skip
    assert quiet.returncode == 0
    assert "radio" not in quiet.stdout

    blocked = run_cli(
        "check", small_example, "--as-of", AS_OF, "-p", "no:radio", env=_env(tmp_path)
    )
    assert blocked.returncode == 0


def test_entry_point_plugin_provides_an_area(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _fake_distribution(
        tmp_path, "venue-ready-catering", "0.3", "[venue_ready]\ncatering = catering_plugin\n"
    )
    _write_module(
        tmp_path,
        "catering_plugin",
        """
        from venue_ready import AreaSpec, Finding, Message, hookimpl

        @hookimpl
        def venue_ready_areas():
            return [AreaSpec(
                key="catering", title_vi="Hậu cần", title_en="Catering",
                messages={"vi": {"catering.water": "Nước uống: {bottles} chai"},
                          "en": {"catering.water": "Drinking water: {bottles} bottles"}},
            )]

        @hookimpl
        def venue_ready_assess(event, area, as_of):
            if area.key != "catering":
                return None
            bottles = area.settings.get("bottles", 0)
            return [Finding(
                code="catering.water", area="catering", weight=1.0,
                credit=min(1.0, bottles / (event.expected_delegates or 1)),
                message=Message("catering.water", {"bottles": bottles}),
            )]
        """,
    )
    event = tmp_path / "event.toml"
    event.write_text(
        small_example.read_text(encoding="utf-8")
        + "\n[areas.catering]\nsettings = { bottles = 60 }\n",
        encoding="utf-8",
    )
    proc = run_cli("check", event, "--as-of", AS_OF, "--format", "json", env=_env(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout)
    catering = next(a for a in data["areas"] if a["key"] == "catering")
    assert catering["score"] == 50.0  # 60 bottles for 120 delegates
    assert catering["findings"][0]["message"]["text"] == "Nước uống: 60 chai"
    assert {"name": "catering", "distribution": "venue-ready-catering", "version": "0.3"} in data[
        "generator"
    ]["plugins"]
    # weights 1 and 1: (52 + 50) / 2
    assert data["score"] == 51.0


# -- faults found in review: each once a traceback, a wrong exit code, or a hidden problem ---------


@pytest.mark.parametrize(
    ("source", "needle"),
    [
        (
            "from venue_ready import hookimpl\n@hookimpl\ndef venue_ready_renderers():\n"
            "    return 'not a list'\n",
            "renderers: TypeError: returned str, expected a list of Renderer",
        ),
        (
            "from venue_ready import hookimpl\n@hookimpl\ndef venue_ready_renderers():\n"
            "    raise RuntimeError('renderer list exploded')\n",
            "renderers: RuntimeError: renderer list exploded",
        ),
    ],
)
def test_broken_renderers_hook_is_a_plugin_failure(
    run_cli: RunCli, small_example: Path, tmp_path: Path, source: str, needle: str
) -> None:
    (tmp_path / "rend_plugin.py").write_text(source, encoding="utf-8")
    proc = run_cli(
        "check", small_example, "--as-of", AS_OF, "--plugin", "rend_plugin", "--format", "csv",
        "--lang", "en", env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 3  # the format may be the broken plugin's: a plugin failed
    assert "no format 'csv'" in proc.stderr
    assert needle in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    # the built-in formats do not ask plugins for renderers, so a broken hook costs nothing
    text = run_cli(
        "check", small_example, "--as-of", AS_OF, "--plugin", "rend_plugin", "--lang", "en",
        env=_env(tmp_path),
    )  # fmt: skip
    assert text.returncode == 0


def test_renderer_that_raises_is_exit_3(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _write_module(
        tmp_path,
        "boom_render",
        """
        from venue_ready import Renderer, hookimpl

        def render(report, lang):
            raise ValueError("no ink")

        @hookimpl
        def venue_ready_renderers():
            return [Renderer(name="pdf", render=render)]
        """,
    )
    proc = run_cli(
        "check", small_example, "--as-of", AS_OF, "--plugin", "boom_render", "--format", "pdf",
        "--lang", "en", env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 3
    assert "the plugin format 'pdf' failed to render the report: ValueError: no ink" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_strict_plugins_exit_code_is_3(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _write_module(tmp_path, "bad_import", "raise ImportError('gone')\n")
    proc = run_cli(
        "check", small_example, "--plugin", "bad_import", "--strict-plugins", "--lang", "en",
        env=_env(tmp_path),
    )  # fmt: skip
    assert proc.returncode == 3
    assert "Traceback" in proc.stderr
    assert "a plugin failed (exit code 3)" in proc.stderr


@pytest.mark.parametrize("value", ["nan", "150", "-1", "lots"])
def test_fail_under_must_be_a_score(run_cli: RunCli, small_example: Path, value: str) -> None:
    proc = run_cli("check", small_example, "--fail-under", value, env={"VENUE_READY_LANG": "en"})
    assert proc.returncode == 2
    assert "--fail-under" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("moment", ["0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00"])
def test_as_of_far_from_now_is_refused(run_cli: RunCli, small_example: Path, moment: str) -> None:
    proc = run_cli("check", small_example, "--as-of", moment, "--lang", "en")
    assert proc.returncode == 2
    assert "is not a valid moment" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_huge_count_is_a_problem_not_a_traceback(run_cli: RunCli, write_event: WriteEvent) -> None:
    event = write_event("[areas.general]\n", filename="e.toml", expected_delegates=int("9" * 400))
    proc = run_cli("check", event, "--lang", "en")
    assert proc.returncode == 2
    assert "event.expected_delegates: value 999" in proc.stderr
    assert "out of range" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_area_typo_is_still_a_typo_when_an_unrelated_plugin_failed(
    run_cli: RunCli, small_example: Path, tmp_path: Path
) -> None:
    _write_module(tmp_path, "bad_import", "raise ImportError('gone')\n")
    event = tmp_path / "e.toml"
    event.write_text(
        small_example.read_text(encoding="utf-8") + "\n[areas.secrity]\n", encoding="utf-8"
    )
    proc = run_cli("check", event, "--plugin", "bad_import", "--lang", "en", env=_env(tmp_path))
    assert proc.returncode == 2
    assert "did you mean 'security'" in proc.stderr


def test_header_times_are_in_the_events_time_zone(run_cli: RunCli, write_event: WriteEvent) -> None:
    event = write_event("[areas.general]\n", filename="e.toml", starts="2020-05-15T00:30:00Z")
    proc = run_cli("check", event, "--as-of", "2020-05-14T09:00Z", "--lang", "en")
    assert "Opens: 15 May 2020, 07:30" in proc.stdout
    assert "Assessed as of: 14 May 2020, 16:00" in proc.stdout
    md = run_cli("check", event, "--as-of", "2020-05-14T09:00Z", "--format", "md", "--lang", "en")
    assert "Opens: 15 May 2020, 07:30" in md.stdout


def test_a_score_just_under_100_does_not_read_100(run_cli: RunCli, write_event: WriteEvent) -> None:
    items = "".join(
        f'[[areas.general.items]]\nid = "i{n}"\ntitle = "T"\nstatus = "done"\n' for n in range(2999)
    )
    event = write_event(
        items + '[[areas.general.items]]\nid = "last"\ntitle = "T"\nstatus = "todo"\n',
        filename="e.toml",
    )
    proc = run_cli("check", event, "--as-of", "2020-05-01", "--fail-under", "100", "--lang", "en")
    assert proc.returncode == 1
    assert "Overall readiness: 99.9/100" in proc.stdout  # 99.967, shown rounded down
    assert "Overall score 99.9 is below --fail-under 100" in proc.stderr


# -- the process: a reader that goes away, and how every command ends ---------------------------

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"


def _start(*args: str) -> list[str]:
    return [sys.executable, "-m", "venue_ready", *args]


def _env_without_ours() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}


@pytest.mark.parametrize("extra", [(), ("--strict-plugins",)])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_reader_that_closes_after_one_byte(extra: tuple[str, ...], fmt: str) -> None:
    # `check FILE --format json | head -c1`: the report is cut short by the reader, which is
    # what the reader asked for: no traceback, exit 0.
    proc = subprocess.Popen(
        _start("check", str(NGOC_THUY), "--format", fmt, *extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env_without_ours(),
        cwd=ROOT,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    first = os.read(proc.stdout.fileno(), 1)
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    assert proc.wait(timeout=60) == 0, stderr
    assert first in (b"{", "Đ".encode()[:1])
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr


def _into_a_closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The CLI run with its stdout a pipe whose read end is closed before it starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            _start(*args),
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=_env_without_ours(),
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("extra", [(), ("--strict-plugins",)])
def test_a_reader_gone_before_the_first_byte(extra: tuple[str, ...]) -> None:
    # The read end is closed before the command starts, so its very first write fails
    # (EPIPE): the case that printed a BrokenPipeError traceback and exited 1, or 3 with
    # --strict-plugins, before main caught BrokenPipeError first.
    proc = _into_a_closed_pipe("check", str(NGOC_THUY), "--format", "json", *extra)
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "BrokenPipe" not in stderr


#: For each command, arguments it parses but refuses when it runs: each is a usage error.
_REFUSED_WHEN_RUN = {
    "check": ["check", "{event}", "--as-of", "nope"],
    "rollup": ["rollup", "{event}", "--as-of", "nope"],
    "init": ["init", "{tmp}/new.toml", "--starts", "nope"],
    "plugins": ["plugins", "--plugin", "no_such_module_for_venue_ready"],
    "new-plugin": ["new-plugin", "9bad", "--dir", "{tmp}"],
    "mark": ["mark", "{event}", "a", "done", "--by", "me", "--at", "nope", "--journal", "{j}"],
    "history": ["history", "{event}", "--as-of", "nope", "--journal", "{j}"],
    "journal export": ["journal", "export", "{event}", "--journal", "{j}"],
    "journal import": ["journal", "import", "{event}", "{tmp}/none.jsonl", "--journal", "{j}"],
}


@pytest.fixture
def _argparse_untouched() -> Iterator[None]:
    # main() words argparse's messages in the reader's language through the Parser subclass,
    # never by replacing a name of the standard library's module (#15).
    import argparse

    before = dict(vars(argparse))
    yield
    changed = [k for k, v in vars(argparse).items() if before.get(k, object()) is not v]
    assert not changed, f"argparse's module was patched: {changed}"


@pytest.mark.usefixtures("_argparse_untouched")
@pytest.mark.parametrize("command", sorted(_REFUSED_WHEN_RUN))
def test_every_command_ends_a_usage_error_the_same_way(
    command: str, tmp_path: Path, small_example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from venue_ready.cli import build_parser, main
    from venue_ready.cli._common import Exit, ExitCode

    argv = [
        a.format(event=small_example, tmp=tmp_path, j=tmp_path / "missing.sqlite")
        for a in _REFUSED_WHEN_RUN[command]
    ]
    # A bad option value: refused by the command's own parser, exit 2, with its usage (in
    # Vietnamese: "fr" is no language the messages know).
    assert main([*argv, "--lang", "fr"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"cách dùng: venue-ready {command} ")
    assert "venue-ready: lỗi: --lang: không có lựa chọn 'fr' (các lựa chọn: vi, en)" in err
    # Arguments that parse: the command's run function raises Exit(USAGE), having said why.
    args = build_parser("en").parse_args([*argv, "--lang", "en"])
    with pytest.raises(Exit) as caught:
        args.run(args, "en")
    assert caught.value.code is ExitCode.USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip(), "nothing said why"
    # And through main, the exit code, with nothing left behind.
    assert main([*argv, "--lang", "en"]) == 2
    assert capsys.readouterr().err == err
    assert not (tmp_path / "missing.sqlite").exists()
    assert not (tmp_path / "new.toml").exists()


@pytest.mark.usefixtures("_argparse_untouched")
def test_run_functions_return_an_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    from venue_ready.cli import build_parser
    from venue_ready.cli._common import ExitCode

    args = build_parser("en").parse_args(["plugins", "--format", "json"])
    code = args.run(args, "en")
    assert code is ExitCode.OK
    assert json.loads(capsys.readouterr().out)["failures"] == []


def test_only_the_command_that_runs_is_built_and_the_main_help_is_never_cut() -> None:
    from venue_ready.cli import _command_named, build_parser

    whole = build_parser("en")
    for command in ("check", "journal"):
        only = build_parser("en", command)
        # the main parser's usage (what an error before the command prints) is the same; its
        # help, with every command listed, is built whenever it can be printed
        assert only.format_usage() == whole.format_usage()
        assert "rollup" in whole.format_help()
        assert "rollup" not in only.format_help()  # the other commands are not built
    for argv in (["-h", "check"], ["--version", "check"], ["--help"], ["chek", "x.toml"], []):
        assert _command_named(argv) is None, argv
    assert _command_named(["check", "x.toml", "-h"]) == "check"


def test_check_imports_no_other_commands_module(small_example: Path, tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from venue_ready.cli import main\n"
        f"code = main(['check', {str(small_example)!r}, '--as-of', {AS_OF!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('venue_ready.cli'))\n"
        "journal = 'sqlite3' in sys.modules or 'venue_ready.journal' in sys.modules\n"
        "journal = journal or 'psycopg' in sys.modules\n"
        "sys.stderr.write('%d %r %r' % (code, loaded, journal))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        # no roll-up cache (issue #16): check would add its result to one, through sqlite3
        env={**_env_without_ours(), "XDG_CACHE_HOME": str(tmp_path)},
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert proc.stdout.startswith("Đại hội")
    assert list(tmp_path.iterdir()) == []  # and check makes none
    # cli.journal holds check's --journal options and the replay; with no journal beside
    # the event (and no roll-up cache), neither the journal package nor sqlite3 is loaded
    loaded = ["venue_ready.cli", "venue_ready.cli._common", "venue_ready.cli.check"]
    loaded.append("venue_ready.cli.journal")
    assert proc.stderr == f"0 {loaded!r} False"


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_a_reader_gone_keeps_the_verdicts_exit_code(fmt: str) -> None:
    # `check … --fail-under 100 | head -c1` in a pipeline with pipefail: the report's verdict
    # (below the threshold: 1) is the exit code, however little of it was read.
    args = ("--as-of", AS_OF, "--format", fmt, "--fail-under", "100")
    proc = _into_a_closed_pipe("check", str(NGOC_THUY), *args)
    stderr = proc.stderr.decode("utf-8")
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr
