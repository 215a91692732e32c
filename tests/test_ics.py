"""The calendar format (``--format ics``, #14): every dated Finding of the Ngọc Thụy report as a
to-do of an iCalendar file, read back with the icalendar library, in both languages; one
owner's to-dos; reminders; the same bytes twice; and the real CLI."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import venue_ready
from venue_ready import Report
from venue_ready._render.inert import inert

from .conftest import ROOT, RunCli
from .support import TZ

icalendar = pytest.importorskip("icalendar")

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
LANGS = ("vi", "en")


@pytest.fixture(scope="module")
def report() -> Report:
    event = venue_ready.load(EXAMPLE)
    return venue_ready.assess(event, as_of=datetime(2020, 5, 14, 16, 0, tzinfo=TZ))


def _render(report: Report, lang: str, **options: Any) -> bytes:
    from venue_ready._render.ics import render_ics

    return render_ics(report, lang, **options)


def _todos(data: bytes) -> dict[str, Any]:
    """The calendar's to-dos by their item id (the DESCRIPTION's last line), or UID."""
    cal = icalendar.Calendar.from_ical(data)
    return {str(t["UID"]): t for t in cal.walk("VTODO")}


def _by_summary(data: bytes, start: str) -> Any:
    found = [
        t
        for t in icalendar.Calendar.from_ical(data).walk("VTODO")
        if str(t["SUMMARY"]).startswith(start)
    ]
    assert len(found) == 1, [str(t["SUMMARY"]) for t in found]
    return found[0]


def _run_bytes(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real CLI, its output as bytes (a calendar is not text to the command)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *args],
        capture_output=True,
        env={**base, **(env or {})},
        cwd=ROOT,
        timeout=60,
        check=False,
    )


# -- the whole calendar, in both languages -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_one_todo_per_dated_finding(report: Report, lang: str) -> None:
    data = _render(report, lang)
    cal = icalendar.Calendar.from_ical(data)
    todos = cal.walk("VTODO")
    dated = [f for f in report.findings() if f.due is not None]
    assert len(dated) == 113  # the example's dated Findings, of 115
    assert len(todos) == len(dated)
    assert len({str(t["UID"]) for t in todos}) == len(todos)  # RFC 5545: one UID each
    # icalendar's own round trip: what it reads back, it writes again byte for byte
    assert cal.to_ical() == data
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert str(cal["X-WR-CALNAME"]) == report.event.name
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    # one VTIMEZONE for the event's zone, which every DUE names
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Ho_Chi_Minh"
    assert all(t["DUE"].params["TZID"] == "Asia/Ho_Chi_Minh" for t in todos)
    # the report's moment, not the clock
    stamps = {t["DTSTAMP"].dt for t in todos}
    assert stamps == {datetime(2020, 5, 14, 9, 0, tzinfo=UTC)}
    statuses = Counter(str(t["STATUS"]) for t in todos)
    assert statuses == {"COMPLETED": 98, "NEEDS-ACTION": 12, "IN-PROCESS": 3}


@pytest.mark.parametrize(
    ("lang", "summary", "area", "in_charge"),
    [
        (
            "vi",
            "Tài liệu phát cho đại biểu: đang thực hiện (80%)",
            "Mảng: Công tác chung",
            "Phụ trách: Văn phòng Đảng ủy",
        ),
        (
            "en",
            "Tài liệu phát cho đại biểu: in progress (80%)",
            "Area: General preparations",
            "In charge: Party committee office",
        ),
    ],
)
def test_an_item_in_progress(
    report: Report, lang: str, summary: str, area: str, in_charge: str
) -> None:
    todo = _by_summary(_render(report, lang), summary)
    assert todo["DUE"].dt == datetime(2020, 5, 14, 17, 0, tzinfo=TZ)
    assert todo["DUE"].dt.utcoffset() == timedelta(hours=7)
    assert str(todo["STATUS"]) == "IN-PROCESS"
    assert int(todo["PERCENT-COMPLETE"]) == 80
    assert int(todo["PRIORITY"]) == 5  # not a critical condition
    # the office as one owner: in English, under the role's name the plugins give it
    team = "Văn phòng Đảng ủy" if lang == "vi" else "Party committee office"
    assert [str(c) for c in todo["CATEGORIES"].cats] == [team]
    lines = str(todo["DESCRIPTION"]).split("\n")
    assert lines[0] == area
    assert lines[1] == in_charge
    assert lines[-1].endswith("service.delegate-packs")
    # due at 17:00 the day of the report, 16:00: one reminder, a day before the due moment
    (alarm,) = todo.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == timedelta(days=-1)
    assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert summary in str(alarm["DESCRIPTION"])


@pytest.mark.parametrize("lang", LANGS)
def test_an_unmet_critical_condition_overdue(report: Report, lang: str) -> None:
    start = "Cổng phụ: chưa bố trí chốt gác" if lang == "vi" else "Cổng phụ: no guard post"
    todo = _by_summary(_render(report, lang), start)
    assert str(todo["STATUS"]) == "NEEDS-ACTION"
    assert "PERCENT-COMPLETE" not in todo
    assert int(todo["PRIORITY"]) == 1  # a gate: the highest
    assert todo["DUE"].dt == datetime(2020, 5, 13, 23, 59, 59, tzinfo=TZ)
    assert [str(c) for c in todo["CATEGORIES"].cats] == ["Công an phường Ngọc Thụy"]
    critical = "Điều kiện bắt buộc" if lang == "vi" else "Critical condition"
    assert any(line.startswith(critical) for line in str(todo["DESCRIPTION"]).split("\n"))
    # already late at the report's moment: no reminder to ring on import
    assert todo.walk("VALARM") == []


def test_done_items_are_completed_without_reminders(report: Report) -> None:
    todo = _by_summary(_render(report, "vi"), "Thành lập các tiểu ban phục vụ Đại hội")
    assert str(todo["STATUS"]) == "COMPLETED"
    assert int(todo["PERCENT-COMPLETE"]) == 100
    assert todo["DUE"].dt == datetime(2019, 9, 30, 23, 59, 59, tzinfo=TZ)
    assert todo.walk("VALARM") == []


@pytest.mark.parametrize("days", [0, 1, 3])
def test_reminders_for_open_work_still_ahead(report: Report, days: int) -> None:
    cal = icalendar.Calendar.from_ical(_render(report, "vi", remind_days=days))
    alarms = [a for t in cal.walk("VTODO") for a in t.walk("VALARM")]
    ahead = [f for f in report.findings(met=False) if f.due is not None and f.due > report.as_of]
    ahead = [f for f in ahead if f.waiver is None]
    assert len(alarms) == len(ahead) == 12
    assert {a["TRIGGER"].dt for a in alarms} == {timedelta(days=-days)}


def test_a_waived_item_is_cancelled(tmp_path: Path) -> None:
    waived = EXAMPLE.read_text(encoding="utf-8") + (
        "\n[[areas.general.items]]\n"
        'id = "service.photo-exhibition"\n'
        'title = "Triển lãm ảnh hoạt động nhiệm kỳ 2015-2020"\n'
        'owner = "Tiểu ban Tuyên truyền"\n'
        "due = 2020-05-10\n"
        'status = "waived"\n'
        'waiver = { reason = "Sảnh không đủ chỗ theo quy định giãn cách", '
        'approved_by = "Đ/c Bí thư Đảng ủy" }\n'
    )
    event_file = tmp_path / "congress.toml"
    event_file.write_text(waived, encoding="utf-8")
    event = venue_ready.load(event_file)
    report = venue_ready.assess(event, as_of=datetime(2020, 5, 14, 16, 0, tzinfo=TZ))
    todo = _by_summary(_render(report, "vi"), "Triển lãm ảnh hoạt động nhiệm kỳ 2015-2020")
    assert str(todo["STATUS"]) == "CANCELLED"
    assert todo.walk("VALARM") == []
    assert "Đ/c Bí thư Đảng ủy" in str(todo["DESCRIPTION"])  # the waiver, and who agreed


def test_the_same_bytes_twice_and_the_same_uids_in_both_languages(report: Report) -> None:
    assert _render(report, "vi") == _render(report, "vi")
    vi, en = _todos(_render(report, "vi")), _todos(_render(report, "en"))
    assert vi.keys() == en.keys()
    # one UID is one to-do whatever the language: its due date is the same under both
    assert all(vi[uid]["DUE"].dt == en[uid]["DUE"].dt for uid in vi)


def test_a_newer_file_updates_the_todo(tmp_path: Path, report: Report) -> None:
    """The side gate gets its guard post: the Finding's code changes (unguarded → guarded),
    its UID does not, so a calendar that imports the newer file updates the to-do."""
    guarded = EXAMPLE.read_text(encoding="utf-8") + (
        "\n[[areas.security.settings.posts]]\n"
        'entrance = "side-gate"\n'
        'team = "Dân quân phường"\n'
        "from = 2020-05-15T06:00:00+07:00\n"
        "until = 2020-05-15T17:30:00+07:00\n"
    )
    event_file = tmp_path / "congress.toml"
    event_file.write_text(guarded, encoding="utf-8")
    later = venue_ready.assess(
        venue_ready.load(event_file), as_of=datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
    )
    before = _by_summary(_render(report, "en"), "Cổng phụ: no guard post")
    after = _by_summary(_render(later, "en"), "Cổng phụ: guarded")
    assert str(before["UID"]) == str(after["UID"])
    assert (str(before["STATUS"]), str(after["STATUS"])) == ("NEEDS-ACTION", "COMPLETED")
    assert _todos(_render(report, "en")).keys() == _todos(_render(later, "en")).keys()


# -- one owner's to-dos --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Tiểu ban Phục vụ", "tieu ban phuc vu", "  TIỂU BAN  phục vụ ", "Service sub-committee"],
)
def test_one_owner_in_either_language(report: Report, name: str) -> None:
    from venue_ready._render.ics import find_owner

    assert find_owner(report, name, "vi") == "tieu ban phuc vu"
    data = _render(report, "vi", owner=name)
    cal = icalendar.Calendar.from_ical(data)
    todos = cal.walk("VTODO")
    # the items the file gives the sub-committee and the findings a plugin names it for
    group = report.by_owner(lang="vi")["Tiểu ban Phục vụ"]
    assert len(todos) == len([f for f in group if f.due is not None]) == 30
    assert {str(c) for t in todos for c in t["CATEGORIES"].cats} == {"Tiểu ban Phục vụ"}
    assert str(cal["X-WR-CALNAME"]) == f"{report.event.name}: đầu việc của Tiểu ban Phục vụ"
    # the same UIDs as in the whole calendar: a team's calendar and the ward's agree
    assert {str(t["UID"]) for t in todos} <= _todos(_render(report, "vi")).keys()
    assert cal.to_ical() == data


def test_one_owner_in_english(report: Report) -> None:
    cal = icalendar.Calendar.from_ical(_render(report, "en", owner="cong an phuong ngoc thuy"))
    assert str(cal["X-WR-CALNAME"]) == f"{report.event.name}: items for Công an phường Ngọc Thụy"
    assert len(cal.walk("VTODO")) == 7


def test_an_unknown_owner_names_the_closest(report: Report) -> None:
    from venue_ready._render.ics import OwnerNotFound, find_owner

    with pytest.raises(OwnerNotFound) as caught:
        find_owner(report, "Công an phường", "vi")
    assert caught.value.hint == "Công an phường Ngọc Thụy"
    assert "Tiểu ban Phục vụ" in caught.value.known
    with pytest.raises(OwnerNotFound) as caught:
        find_owner(report, "Tieu ban Phuc vu hoi truong", "vi")
    assert caught.value.hint == "Tiểu ban Phục vụ"
    with pytest.raises(OwnerNotFound) as caught:
        find_owner(report, "Sở Tài chính", "vi")
    assert caught.value.hint is None


# -- the real command ------------------------------------------------------------------------------


def test_cli_writes_the_calendar_to_a_file_and_a_pipe(tmp_path: Path) -> None:
    out = tmp_path / "ngoc-thuy.ics"
    args = ("check", str(EXAMPLE), "--as-of", AS_OF, "--format", "ics")
    saved = _run_bytes(*args, "-o", str(out))
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout == b""
    piped = _run_bytes(*args)
    assert piped.returncode == 0
    assert out.read_bytes() == piped.stdout  # a pipe gets the same bytes, CRLF and all
    again = _run_bytes(*args)
    assert again.stdout == piped.stdout  # deterministic through the CLI too
    cal = icalendar.Calendar.from_ical(piped.stdout)
    assert len(cal.walk("VTODO")) == 113


def test_cli_one_owner_with_reminders(tmp_path: Path) -> None:
    result = _run_bytes(
        "check",
        str(EXAMPLE),
        "--as-of",
        AS_OF,
        "--format",
        "ics",
        "--lang",
        "en",
        "--owner",
        "van phong dang uy",
        "--remind-days",
        "2",
    )
    assert result.returncode == 0, result.stderr
    cal = icalendar.Calendar.from_ical(result.stdout)
    todos = cal.walk("VTODO")
    # one body, one category: the office the file names and the role a plugin names for it
    # are one owner, shown under the role's English name, as the report's owners are
    assert {str(c) for t in todos for c in t["CATEGORIES"].cats} == {"Party committee office"}
    assert str(cal["X-WR-CALNAME"]).endswith(": items for Party committee office")
    alarms = [a for t in todos for a in t.walk("VALARM")]
    assert alarms
    assert {a["TRIGGER"].dt for a in alarms} == {timedelta(days=-2)}


def test_cli_unknown_owner_is_a_usage_error(run_cli: RunCli) -> None:
    args = ("check", EXAMPLE, "--as-of", AS_OF, "--format", "ics")
    result = run_cli(*args, "--owner", "Công an phường")
    assert result.returncode == 2
    assert "có phải ý bạn là 'Công an phường Ngọc Thụy'?" in result.stderr
    assert result.stdout == ""
    result = run_cli(*args, "--owner", "Cong an", "--lang", "en")
    assert result.returncode == 2
    assert "did you mean 'Công an phường Ngọc Thụy'?" in result.stderr


@pytest.mark.parametrize(
    "options",
    [("--owner", "Tiểu ban Phục vụ"), ("--remind-days", "2")],
)
def test_cli_calendar_options_only_with_ics(run_cli: RunCli, options: tuple[str, str]) -> None:
    result = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--lang", "en", *options)
    assert result.returncode == 2
    assert f"{options[0]} is only for --format ics" in result.stderr


@pytest.mark.parametrize("days", ["-1", "366", "two"])
def test_cli_remind_days_out_of_range(run_cli: RunCli, days: str) -> None:
    result = run_cli("check", EXAMPLE, "--format", "ics", "--remind-days", days)
    assert result.returncode == 2
    assert "--remind-days" in result.stderr


def test_cli_without_icalendar_names_the_install_command() -> None:
    """The library hidden from the process (None in sys.modules: what Python does for a module
    it must not import): a clear usage error naming the pip command, not a traceback."""
    code = (
        "import sys; sys.modules['icalendar'] = None\n"
        "from venue_ready.cli import main\n"
        f"raise SystemExit(main(['check', {str(EXAMPLE)!r}, '--format', 'ics', '--lang', 'en']))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=base,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "pip install 'venue-ready[calendar]'" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_library_without_icalendar_says_how_to_install(report: Report) -> None:
    code = (
        "import sys; sys.modules['icalendar'] = None\n"
        "import venue_ready\n"
        f"report = venue_ready.assess(venue_ready.load({str(EXAMPLE)!r}))\n"
        "try:\n"
        "    report.render('ics')\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "the 'ics' format needs the icalendar library: pip install 'venue-ready[calendar]'"
    )


def test_report_render_returns_the_calendar_bytes(report: Report) -> None:
    data = report.render("ics", "en")
    assert isinstance(data, bytes)
    assert data == _render(report, "en")
    renderer = venue_ready.get_plugin_manager().renderer("ics")
    assert renderer is not None
    assert (renderer.binary, renderer.extension) == (True, "ics")
    assert renderer.media_type == "text/calendar; charset=utf-8"


def test_the_docs_excerpt_is_what_the_command_writes() -> None:
    """docs/report-formats.md's excerpt, each run of lines between its "…", as the CLI
    writes it today."""
    doc = (ROOT / "docs" / "report-formats.md").read_text(encoding="utf-8")
    section = doc[doc.index("An excerpt: `venue-ready check") :]
    block = section[section.index("```\n") + 4 : section.index("\n```", section.index("```\n"))]
    result = _run_bytes(
        "check", str(EXAMPLE), "--as-of", AS_OF, "--format", "ics", "--owner", "van phong dang uy"
    )
    assert result.returncode == 0, result.stderr
    written = result.stdout.decode("utf-8").replace("\r\n", "\n")
    runs = [run.strip("\n") for run in block.split("…")]
    assert len(runs) == 3
    for run in runs:
        assert run in written, run
    assert written.count("BEGIN:VTODO") == 4


#: Text that iCalendar must escape or fold: its separators, a line break, a long line of
#: multi-byte letters (folded at 75 octets, never inside a letter), and a control character.
AWKWARD = (
    'Băng rôn; khẩu hiệu, "chào mừng"',
    "dòng một\ndòng hai",
    "Tiểu ban Phục vụ \\ Tổ 1: " + "Đại hội Đảng bộ phường " * 6,
    "chuông\x07 báo",
)


def test_awkward_text_comes_back_as_it_was(run_cli: RunCli, write_event: Any) -> None:
    lines: list[str] = []
    for n, text in enumerate(AWKWARD):
        quoted = json.dumps(text, ensure_ascii=False)
        lines += ["[[areas.general.items]]", f'id = "i{n}"', f"title = {quoted}"]
        lines += [f"owner = {quoted}", f"due = 2020-05-1{n}", 'status = "in_progress"']
    event_file = write_event("\n".join(lines) + "\n", name=AWKWARD[0], id="awkward")
    report = venue_ready.assess(
        venue_ready.load(event_file), as_of=datetime(2020, 5, 9, 12, 0, tzinfo=TZ)
    )
    data = _render(report, "vi")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded, in octets
    data.decode("utf-8")  # and never inside a letter
    # no control character but the line ends: BEL is written as the text "\x07"
    assert set(data) & set(range(0x20)) == {0x0A, 0x0D}
    cal = icalendar.Calendar.from_ical(data)
    assert cal.to_ical() == data
    todos = cal.walk("VTODO")
    assert len(todos) == len(AWKWARD)
    for todo, text in zip(todos, AWKWARD, strict=True):
        finding = next(f for f in report.findings() if f.subject == f"i{AWKWARD.index(text)}")
        assert str(todo["SUMMARY"]) == inert(report.message_text(finding, "vi"))
        assert [str(c) for c in todo["CATEGORIES"].cats] == [inert(text)]
    assert str(cal["X-WR-CALNAME"]) == AWKWARD[0]
    assert [str(c) for c in todos[3]["CATEGORIES"].cats] == ["chuông\\x07 báo"]


def test_cli_refuses_a_terminal_and_says_how_to_write_the_file() -> None:
    # a real terminal (a pseudo-terminal) as stdout: the calendar goes to a file or a pipe
    leader, follower = pty.openpty()
    base = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "venue_ready", "check", str(EXAMPLE), "--format", "ics"],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=base,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
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
    assert "-o BAOCAO.ics" in proc.stderr.decode("utf-8")
    assert printed == b""
