"""Issue #14: the brief to paste into a chat (``--format brief``), overdue rows saying by how
long, and each open item's id with the ``venue-ready mark`` command that records it done."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest

import venue_ready
from venue_ready._dates import parse_instant
from venue_ready._render import phrases
from venue_ready._render.brief import LIMIT

from .conftest import ROOT, RunCli, WriteEvent

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
VERDICT = {"vi": "CHƯA SẴN SÀNG", "en": "NOT READY"}
HINT = {"vi": "khi hoàn thành, ghi vào sổ theo dõi: ", "en": "When done, record it: "}


def _report(path: Path = EXAMPLE) -> venue_ready.Report:
    event = venue_ready.load(path)
    return venue_ready.assess(event, as_of=parse_instant(AS_OF, event.tz))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_brief_of_the_example(run_cli: RunCli, lang: str) -> None:
    done = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--format", "brief", "--lang", lang)
    assert done.returncode in (0, 1), done.stderr
    brief = done.stdout
    assert len(brief) < LIMIT
    lines = brief.splitlines()
    assert lines[0] == "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025"
    assert VERDICT[lang] in lines[1]
    assert ("92,9/100" if lang == "vi" else "92.9/100") in lines[1]
    report = _report()
    counts = "3 điều kiện bắt buộc chưa đạt" if lang == "vi" else "Critical conditions unmet: 3 ·"
    assert counts in brief
    owners = report.by_owner([*report.blockers, *report.overdue], lang=lang)
    assert len(owners) == 5
    for owner in owners:
        assert owner is not None
        assert any(line.startswith(f"• {owner}: ") for line in lines), owner
    # every item's lateness is said; the side gate, a day late, in full
    late = "quá hạn 1 ngày" if lang == "vi" else "overdue by 1 day"
    assert late in brief


def _crowded(write_event: WriteEvent, owners: int, items: int) -> Path:
    body = []
    for o in range(owners):
        for i in range(items):
            body.append(
                "[[areas.general.items]]\n"
                f'id = "o{o}.i{i}"\n'
                f'title = "Việc số {i} của tổ {o}, một đầu việc có tên khá dài để thử việc cắt"\n'
                f'owner = "Tổ công tác số {o}"\n'
                "due = 2020-05-10\n"
                "gate = true\n"
                'status = "todo"\n'
            )
    return write_event("\n".join(body), name="Đại hội thử")


@pytest.mark.parametrize(("lang", "more"), [("vi", "và {n} việc khác"), ("en", "and {n} more")])
def test_a_long_brief_counts_what_it_leaves_out(
    run_cli: RunCli, write_event: WriteEvent, lang: str, more: str
) -> None:
    event = _crowded(write_event, owners=4, items=6)
    done = run_cli("check", event, "--as-of", AS_OF, "--format", "brief", "--lang", lang)
    assert done.returncode in (0, 1), done.stderr
    brief = done.stdout
    assert len(brief) < LIMIT
    lines = brief.splitlines()
    for o in range(4):
        line = next(line for line in lines if line.startswith(f"• Tổ công tác số {o}: "))
        shown = line.count(f"của tổ {o},")
        assert 1 <= shown < 6
        assert line.endswith(f"({more.format(n=6 - shown)})")


@pytest.mark.parametrize(
    ("lang", "more"), [("vi", "và {n} đơn vị khác"), ("en", "and {n} more bodies")]
)
def test_too_many_bodies_are_counted(
    run_cli: RunCli, write_event: WriteEvent, lang: str, more: str
) -> None:
    event = _crowded(write_event, owners=40, items=1)
    done = run_cli("check", event, "--as-of", AS_OF, "--format", "brief", "--lang", lang)
    brief = done.stdout
    assert len(brief) < LIMIT
    lines = brief.splitlines()
    shown = sum(line.startswith("• ") for line in lines)
    assert 0 < shown < 40
    assert lines[-1] == more.format(n=40 - shown)


def test_brief_is_a_registered_format() -> None:
    report = _report()
    assert "brief" in venue_ready.default_plugin_manager().format_names()
    assert report.render("brief", "vi").startswith("Đại hội Đảng bộ phường Ngọc Thụy")


# -- overdue by how long ------------------------------------------------------------------------


def test_overdue_says_by_how_long() -> None:
    report = _report()
    said = {
        report.message_text(f, "en"): phrases.overdue_by(report, f, "en") for f in report.overdue
    }
    assert sorted(said.values()) == ["overdue by 1 day", "overdue by 5 days", "overdue by 6 days"]
    vi = sorted(phrases.overdue_by(report, f, "vi") or "" for f in report.overdue)
    assert vi == ["quá hạn 1 ngày", "quá hạn 5 ngày", "quá hạn 6 ngày"]
    # nothing for what is not late
    assert all(phrases.overdue_by(report, f, "vi") is None for f in report.next_due)


# -- the way to act -----------------------------------------------------------------------------


def _commands(text: str, lang: str) -> list[str]:
    return [line.strip()[len(HINT[lang]) :] for line in text.splitlines() if HINT[lang] in line]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_text_report_shows_ids_and_the_mark_command(run_cli: RunCli, lang: str) -> None:
    done = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--lang", lang)
    text = done.stdout
    label = "mã: " if lang == "vi" else "ID: "
    assert f"{label}security:side-gate" in text
    assert f"{label}service.delegate-packs" in text
    commands = _commands(text, lang)
    expected = f"venue-ready mark {EXAMPLE} security:side-gate done --by 'Công an phường Ngọc Thụy'"
    assert expected in commands
    # the approval of a broadcast's content is not what a done mark of its slot records (that
    # it went out): no command for it, though broadcast:results is a subject mark accepts
    assert f"{label}broadcast:results" in text
    assert not any(" broadcast:results " in c for c in commands)
    # the backdrop's title is fixed in the file, not by a mark
    assert not any(" decoration:backdrop " in c for c in commands)


def test_the_printed_commands_work(run_cli: RunCli, tmp_path: Path) -> None:
    """Every command the report prints, run as printed, records its item done: the item is
    no longer open in the next report (the file and journal named as the user named them)."""
    event = tmp_path / "congress.toml"
    shutil.copy(EXAMPLE, event)
    first = run_cli("check", "congress.toml", "--as-of", AS_OF, cwd=tmp_path)
    commands = _commands(first.stdout, "vi")
    assert len(commands) >= 5
    refs = []
    for command in commands:
        words = shlex.split(command)
        assert words[:3] == ["venue-ready", "mark", "congress.toml"]
        refs.append(words[3])
        done = run_cli(*words[1:], "--at", AS_OF, cwd=tmp_path)
        assert done.returncode == 0, (command, done.stderr)
    # what was recorded now about what was done by then
    after = run_cli(
        "check", "congress.toml", "--as-of", AS_OF, "--known-at", "now", cwd=tmp_path
    )  # fmt: skip
    assert "mã: " in after.stdout
    for ref in refs:
        assert f"mã: {ref}\n" not in after.stdout, ref


def test_a_named_journal_is_in_the_command(run_cli: RunCli, tmp_path: Path) -> None:
    event = tmp_path / "congress.toml"
    shutil.copy(EXAMPLE, event)
    made = run_cli(
        "mark", "congress.toml", "service.ballots", "done", "--by", "Văn phòng Đảng ủy",
        "--journal", "so theo doi.sqlite", cwd=tmp_path,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    text = run_cli(
        "check", "congress.toml", "--as-of", AS_OF, "--journal", "so theo doi.sqlite",
        cwd=tmp_path,
    ).stdout  # fmt: skip
    commands = _commands(text, "vi")
    assert commands
    assert all(c.endswith(" --journal 'so theo doi.sqlite'") for c in commands)
