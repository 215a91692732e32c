"""The status journal (issue #6): marking, history, replay, the hook, and what reports show.

Durability (concurrent writers, killed writers, schema versions, export and import) is in
tests/test_journal_durability.py.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import venue_ready
from venue_ready import (
    AreaPlan,
    Event,
    Item,
    JournalError,
    Status,
    assess,
    load,
    mark,
    open_journal,
    replay,
)

from .conftest import ROOT, JournalAt, RunCli

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
TZ_OFFSET = "+07:00"


@pytest.fixture
def small(tmp_path: Path, small_example: Path) -> Path:
    """A copy of the small example, so its journal lands in tmp_path."""
    target = tmp_path / "congress.toml"
    shutil.copy(small_example, target)
    return target


@pytest.fixture
def ngoc_thuy(tmp_path: Path) -> Path:
    target = tmp_path / "congress.toml"
    shutil.copy(NGOC_THUY, target)
    return target


def _moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- mark through the CLI ---------------------------------------------------------------------


def test_mark_records_an_entry_beside_the_event_file(run_cli: RunCli, small: Path) -> None:
    before = small.read_bytes()
    done = run_cli(
        "mark",
        small,
        "service.rehearsal",
        "done",
        "--by",
        "Tiểu ban Phục vụ",
        "--at",
        "2020-05-14T15:00+07:00",
        "--note",
        "tổng duyệt xong",
        "--evidence",
        "bien-ban.pdf",
    )
    assert done.returncode == 0, done.stderr
    assert "service.rehearsal" in done.stdout
    assert "hoàn thành" in done.stdout
    journal = small.with_name("congress.journal.sqlite")
    assert journal.is_file()
    assert small.read_bytes() == before  # the plan is never rewritten
    with open_journal(journal, create=False) as j:
        (entry,) = j.entries()
    assert entry.subject == "service.rehearsal"
    assert entry.status is Status.DONE
    assert entry.by == "Tiểu ban Phục vụ"
    assert entry.happened_at == _moment("2020-05-14T15:00+07:00")
    assert entry.note == "tổng duyệt xong"
    assert entry.evidence == "bien-ban.pdf"
    assert entry.recorded_at > datetime.now(UTC) - timedelta(minutes=5)


def test_mark_with_a_configured_journal_path(run_cli: RunCli, small: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "sub" / "j.sqlite"
    elsewhere.parent.mkdir()
    done = run_cli(
        "mark",
        small,
        "service.rehearsal",
        "in_progress",
        "--progress",
        "0.4",
        "--by",
        "A",
        "--journal",
        elsewhere,
    )
    assert done.returncode == 0, done.stderr
    assert elsewhere.is_file()
    assert not small.with_name("congress.journal.sqlite").exists()
    with open_journal(elsewhere) as j:
        assert [e.progress for e in j.entries()] == [0.4]


@pytest.mark.parametrize(
    ("args", "needle_en"),
    [
        (
            ("no.such-item", "done", "--by", "A"),
            "congress.toml: item: the event has no item 'no.such-item'",
        ),
        (("service.rehersal", "done", "--by", "A"), "did you mean 'service.rehearsal'?"),
        (("service.rehearsal", "finished", "--by", "A"), "'finished' is not a status"),
        (("service.rehearsal", "dnoe", "--by", "A"), "did you mean 'done'?"),
        (("service.rehearsal", "waived", "--by", "A"), "waive an item in the event file"),
        (("service.rehearsal", "done"), "congress.toml: by: who reports it is missing"),
        (("service.rehearsal", "done", "--by", "  "), "who reports it is missing"),
        (
            ("service.rehearsal", "done", "--by", "A", "--at", "2199-01-01T00:00+07:00"),
            "is in the future",
        ),
        (
            ("service.rehearsal", "in_progress", "--by", "A", "--progress", "1.5"),
            "progress 1.5 is outside 0..1",
        ),
        (
            ("service.rehearsal", "in_progress", "--by", "A", "--progress", "-0.1"),
            "is outside 0..1",
        ),
        (
            ("service.rehearsal", "in_progress", "--by", "A", "--progress", "half"),
            "--progress: 'half' is not a number",
        ),
        (
            ("service.rehearsal", "done", "--by", "A", "--at", "yesterday"),
            "--at: 'yesterday' is not a valid moment",
        ),
        (("service.photos", "done", "--by", "A"), "item 'service.photos' is waived in the plan"),
        (
            ("service.rehearsal", "done", "--by", "A", "--signed-off-by", "Quận"),
            "needs no sign-off",
        ),
        (
            ("documents.political-report", "done", "--by", "A", "--signed-off-by", "Ai đó"),
            "needs the sign-off of Tổ chỉ đạo đại hội của Quận ủy, not Ai đó",
        ),
    ],
)
def test_bad_marks_exit_2_and_record_nothing(
    run_cli: RunCli, small: Path, args: tuple[str, ...], needle_en: str
) -> None:
    result = run_cli("mark", small, *args, "--lang", "en")
    assert result.returncode == 2
    assert needle_en in result.stderr
    assert "Traceback" not in result.stderr
    journal = small.with_name("congress.journal.sqlite")
    if journal.exists():
        with open_journal(journal) as j:
            assert len(j) == 0


def test_every_problem_of_a_mark_is_reported_at_once(run_cli: RunCli, small: Path) -> None:
    result = run_cli("mark", small, "nope", "dnoe", "--progress", "7", "--at", "2199-01-01")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith(f"{small}:")]
    assert [line.split(": ")[1] for line in lines] == ["item", "by", "at", "status", "progress"]
    assert "Chưa ghi gì vào sổ: 5 vấn đề." in result.stderr


def test_bare_date_today_means_now(run_cli: RunCli, small: Path) -> None:
    today = datetime.now(venue_ready.load(small).tz).date().isoformat()
    result = run_cli("mark", small, "service.rehearsal", "done", "--by", "A", "--at", today)
    assert result.returncode == 0, result.stderr
    with open_journal(small.with_name("congress.journal.sqlite")) as j:
        (entry,) = j.entries()
    assert entry.happened_at is None  # done today, so far: recorded as done now


def test_mark_a_plugin_subject_and_reject_an_unknown_one(run_cli: RunCli, ngoc_thuy: Path) -> None:
    ok = run_cli(
        "mark",
        ngoc_thuy,
        "disinfection:basement",
        "done",
        "--by",
        "Trạm Y tế phường",
        "--at",
        "2020-05-14T15:00+07:00",
    )
    assert ok.returncode == 0, ok.stderr
    bad = run_cli("mark", ngoc_thuy, "disinfection:rooftop", "done", "--by", "A", "--lang", "en")
    assert bad.returncode == 2
    assert "no item 'disinfection:rooftop'" in bad.stderr


# -- check, --as-of and --known-at --------------------------------------------------------------


def _score(run_cli: RunCli, file: Path, *args: str) -> float:
    result = run_cli("check", file, "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return float(json.loads(result.stdout)["score"])


def test_check_replays_the_journal_up_to_as_of(run_cli: RunCli, ngoc_thuy: Path) -> None:
    plan = _score(run_cli, ngoc_thuy, "--as-of", AS_OF)
    for argv in (
        (
            "disinfection:basement",
            "done",
            "--by",
            "Trạm Y tế phường",
            "--at",
            "2020-05-14T15:00+07:00",
        ),
        ("security:side-gate", "done", "--by", "Công an phường", "--at", "2020-05-14T17:00+07:00"),
    ):
        assert run_cli("mark", ngoc_thuy, *argv).returncode == 0
    # written now about what happened then: --known-at now takes them in (hindsight) ...
    at_four = _score(run_cli, ngoc_thuy, "--as-of", AS_OF, "--known-at", "now")
    assert at_four > plan  # the basement was sprayed at 15:00
    # ... while plain --as-of reproduces the report made then, before they were written
    assert _score(run_cli, ngoc_thuy, "--as-of", AS_OF) == plan
    # the side gate's entry happened at 17:00: not yet at 16:00, counted at 18:00
    event = load(ngoc_thuy)
    with open_journal(ngoc_thuy.with_name("congress.journal.sqlite")) as j:
        for moment in ("2020-05-14T14:00+07:00", AS_OF, "2020-05-14T18:00+07:00"):
            when = _moment(moment)
            expected = assess(j.replay(event, when), as_of=when).score
            assert _score(
                run_cli, ngoc_thuy, "--as-of", moment, "--known-at", "now"
            ) == pytest.approx(expected, abs=0.01)
    early = _moment("2020-05-14T14:00+07:00")
    assert _score(
        run_cli, ngoc_thuy, "--as-of", "2020-05-14T14:00+07:00", "--known-at", "now"
    ) == pytest.approx(
        assess(event, as_of=early).score, abs=0.01
    )  # nothing had happened yet at 14:00: the plan's own score


def test_known_at_leaves_out_entries_recorded_later(run_cli: RunCli, ngoc_thuy: Path) -> None:
    journal = ngoc_thuy.with_name("congress.journal.sqlite")
    event = load(ngoc_thuy)
    with open_journal(journal) as j:
        j.append(
            "disinfection:basement",
            "done",
            by="Trạm Y tế phường",
            at=_moment("2020-05-14T15:00+07:00"),
            recorded_at=_moment("2020-05-20T08:00+07:00"),
        )
    with_it = _score(run_cli, ngoc_thuy, "--as-of", AS_OF, "--known-at", "now")
    known_then = _score(run_cli, ngoc_thuy, "--as-of", AS_OF, "--known-at", AS_OF)
    plan = assess(event, as_of=_moment(AS_OF)).score
    assert known_then == pytest.approx(plan, abs=0.01)
    # --known-at defaults to --as-of: the report as it was made then
    assert _score(run_cli, ngoc_thuy, "--as-of", AS_OF) == known_then
    assert with_it > known_then


def test_known_at_without_a_journal_is_a_usage_error(run_cli: RunCli, small: Path) -> None:
    result = run_cli("check", small, "--known-at", AS_OF, "--lang", "en")
    assert result.returncode == 2
    assert "--known-at needs a journal" in result.stderr


def test_a_named_journal_that_does_not_exist_is_an_error(run_cli: RunCli, small: Path) -> None:
    result = run_cli("check", small, "--journal", small.with_name("missing.sqlite"), "--lang", "en")
    assert result.returncode == 2
    assert "missing.sqlite: no journal yet" in result.stderr


def test_entries_about_items_gone_from_the_plan_are_named(run_cli: RunCli, small: Path) -> None:
    with open_journal(small.with_name("congress.journal.sqlite")) as j:
        j.append("service.old-item", "done", by="A", at=_moment("2020-05-01T08:00+07:00"))
    result = run_cli("check", small, "--as-of", AS_OF, "--known-at", "now", "--lang", "en")
    assert result.returncode == 0
    assert "1 entry about an item no longer in the plan (service.old-item)" in result.stderr


# -- what the report shows ----------------------------------------------------------------------


def test_reports_show_how_old_each_self_reported_result_is(run_cli: RunCli, small: Path) -> None:
    with open_journal(small.with_name("congress.journal.sqlite")) as j:
        # reported on 12 May at 16:00 (an import from the ward's own journal, say)
        j.append("service.rehearsal", "done", by="Tiểu ban Phục vụ",
                 recorded_at=_moment("2020-05-12T16:00+07:00"))  # fmt: skip
    hindsight = ("--known-at", "now")  # written into this journal now, about then
    text = run_cli("check", small, "--as-of", AS_OF, *hindsight, "--lang", "en").stdout
    assert "Self-reported result (1):" in text
    assert "reported by Tiểu ban Phục vụ 2 days ago" in text
    vi = run_cli("check", small, "--as-of", "2020-05-12T21:30+07:00", *hindsight).stdout
    assert "Tiểu ban Phục vụ báo cáo cách đây 5 giờ" in vi
    md = run_cli("check", small, "--as-of", AS_OF, *hindsight, "--format", "md", "--lang", "en")
    assert "reported by Tiểu ban Phục vụ 2 days ago" in md.stdout
    html = run_cli("check", small, "--as-of", AS_OF, *hindsight, "--format", "html", "--lang", "en")
    assert 'id="self-reported"' in html.stdout
    assert "2 days ago" in html.stdout
    data = json.loads(
        run_cli("check", small, "--as-of", AS_OF, *hindsight, "--format", "json").stdout
    )
    (finding,) = [
        f for a in data["areas"] for f in a["findings"] if f["subject"] == "service.rehearsal"
    ]
    assert finding["reported"] == {
        "by": "Tiểu ban Phục vụ",
        "at": "2020-05-12T16:00:00+07:00",
        "age_hours": 48,
    }
    assert finding["credit"] == 1.0


def test_a_result_reported_after_the_moment_says_so(run_cli: RunCli, small: Path) -> None:
    assert run_cli("mark", small, "service.rehearsal", "done", "--by", "Tiểu ban Phục vụ",
                   "--at", "2020-05-12T16:00+07:00").returncode == 0  # fmt: skip
    text = run_cli("check", small, "--as-of", AS_OF, "--known-at", "now", "--lang", "en").stdout
    assert "reported by Tiểu ban Phục vụ after the moment of the assessment, at" in text
    assert "Self-reported" not in run_cli("check", small, "--as-of", AS_OF, "--lang", "en").stdout


def test_html_timeline_uses_the_journal_history(run_cli: RunCli, small: Path) -> None:
    plain = run_cli("check", small, "--as-of", AS_OF, "--format", "html", "--lang", "en").stdout
    assert "The earned line comes from the journal" not in plain
    for item, at in (
        ("service.programme", "2020-05-11T10:00+07:00"),
        ("service.rehearsal", "2020-05-13T10:00+07:00"),
    ):
        assert run_cli("mark", small, item, "done", "--by", "A", "--at", at).returncode == 0
    html = run_cli(
        "check", small, "--as-of", AS_OF, "--known-at", "now", "--format", "html", "--lang", "en"
    ).stdout
    assert "The earned line comes from the journal" in html
    earned = html.split('stroke="#0969da" stroke-width="2.5"')[0].rsplit('<polyline points="', 1)[1]
    ys = [float(p.split(",")[1]) for p in earned.split('"')[0].split()]
    # the earned line stops at the report's moment and only rises as items got done
    assert ys == sorted(ys, reverse=True)
    assert len(set(ys)) >= 2


def test_readiness_history_follows_the_entries(small: Path, journal_at: JournalAt) -> None:
    from venue_ready.journal import readiness_history

    event = load(small)
    with open_journal(journal_at(small.with_name("j.sqlite"))) as j:
        j.append("service.rehearsal", "done", by="A", at=_moment("2020-05-13T10:00+07:00"))
        entries = j.entries()
    moments = [_moment("2020-05-13T09:00+07:00"), _moment("2020-05-13T11:00+07:00")]
    before, after = readiness_history(event, entries, moments)
    assert before.score is not None
    assert after.score is not None
    assert after.score > before.score
    assert before.score == pytest.approx(assess(event, as_of=moments[0]).score)


# -- history ------------------------------------------------------------------------------------


def test_history_shows_who_did_what_and_when(run_cli: RunCli, small: Path) -> None:
    assert (
        run_cli(
            "mark",
            small,
            "service.rehearsal",
            "in_progress",
            "--progress",
            "0,5",
            "--by",
            "Đ/c Lan",
            "--at",
            "2020-05-13T09:00+07:00",
            "--note",
            "đã mời đại biểu",
        ).returncode
        == 0
    )
    assert (
        run_cli(
            "mark",
            small,
            "documents.political-report",
            "done",
            "--by",
            "Tiểu ban Văn kiện",
            "--signed-off-by",
            "Tổ chỉ đạo đại hội của Quận ủy",
            "--at",
            "2020-05-13T10:00+07:00",
        ).returncode
        == 0
    )
    text = run_cli("history", small, "--lang", "en").stdout
    assert "2 entries" in text
    assert "13 May 2020, 09:00 · service.rehearsal · in progress (50%) · Đ/c Lan" in text
    assert "note: đã mời đại biểu" in text
    assert "approved by Tổ chỉ đạo đại hội của Quận ủy" in text
    assert "recorded at" in text
    one = run_cli("history", small, "service.rehearsal", "--lang", "en").stdout
    assert "1 entry" in one
    assert "political-report" not in one
    data = json.loads(run_cli("history", small, "--format", "json").stdout)
    assert [e["subject"] for e in data["entries"]] == [
        "service.rehearsal",
        "documents.political-report",
    ]
    assert data["entries"][0]["at"] == "2020-05-13T09:00:00+07:00"
    assert data["entries"][1]["signed_off_by"] == "Tổ chỉ đạo đại hội của Quận ủy"
    assert [p["at"] for p in data["series"]] == [
        "2020-05-13T09:00:00+07:00",
        "2020-05-13T10:00:00+07:00",
    ]
    first, second = (p["score"] for p in data["series"])
    assert second > first  # the political report's sign-off for version 4 counts


def test_signoff_through_the_journal_counts_for_the_current_version(
    small: Path, journal_at: JournalAt
) -> None:
    event = load(small)
    item = "documents.political-report"
    as_of = _moment(AS_OF)
    credit_before = _credit(assess(event, as_of=as_of), item)
    assert credit_before == 0.0  # the plan's sign-off is for version 3, the work is at 4
    with open_journal(journal_at(small.with_name("j.sqlite"))) as j:
        mark(
            j,
            event,
            item,
            "done",
            by="Tiểu ban Văn kiện",
            signed_off_by="Tổ chỉ đạo đại hội của Quận ủy",
            at=_moment("2020-05-13T10:00+07:00"),
        )
        (entry,) = j.entries()
        assert entry.version == "4"
        assert _credit(assess(j.replay(event, as_of), as_of=as_of), item) == 1.0
        assert (
            _credit(assess(j.replay(event, _moment("2020-05-13T09:00+07:00")), as_of=as_of), item)
            == 0.0
        )


def _credit(report: venue_ready.Report, subject: str) -> float:
    return next(f.credit for a in report.areas for f in a.findings if f.subject == subject)


def test_history_of_an_event_without_a_journal(run_cli: RunCli, small: Path) -> None:
    result = run_cli("history", small, "--lang", "en")
    assert result.returncode == 0
    assert "0 entries" in result.stdout
    assert "No entries yet." in result.stdout
    assert not small.with_name("congress.journal.sqlite").exists()  # reading creates nothing
    bad = run_cli("history", small, "no.item", "--lang", "en")
    assert bad.returncode == 2
    assert "no item 'no.item'" in bad.stderr


# -- the library API ----------------------------------------------------------------------------


def _event(*items: Item) -> Event:
    return Event(
        id="e",
        name="E",
        starts=_moment("2020-05-15T07:30+07:00"),
        ends=_moment("2020-05-15T17:00+07:00"),
        areas=(AreaPlan(key="general", items=items),),
    )


def test_replay_takes_the_latest_entry_and_leaves_the_plan_alone(
    tmp_path: Path, journal_at: JournalAt
) -> None:
    event = _event(Item(id="a", title="A", status="todo"), Item(id="b", title="B", status="done"))
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        j.append("a", "in_progress", by="X", progress=0.3, at=_moment("2020-05-10T08:00+07:00"))
        j.append("a", "done", by="Y", at=_moment("2020-05-12T08:00+07:00"), evidence="ev.pdf")
        # recorded later, but happened in between: order is by when it happened
        j.append("a", "blocked", by="Z", at=_moment("2020-05-11T08:00+07:00"))
        now = j.replay(event)
        then = j.replay(event, _moment("2020-05-11T12:00+07:00"))
        assert [e.by for e in j.entries()] == ["X", "Z", "Y"]
        y_recorded = j.entries()[-1].recorded_at
        assert [e.by for e in j.entries(subject="a", until=_moment("2020-05-10T09:00+07:00"))] == [
            "X"
        ]
    a_now, b_now = now.areas[0].items
    assert (a_now.status, a_now.reported_by, a_now.evidence) == (Status.DONE, "Y", ("ev.pdf",))
    assert a_now.reported_at == y_recorded  # the age of a report counts from its writing
    assert b_now == event.areas[0].items[1]
    assert then.areas[0].items[0].status is Status.BLOCKED
    assert event.areas[0].items[0].status is Status.TODO  # the plan is untouched
    assert replay(event, []) is event


def test_area_records_reach_the_plugin(
    tmp_path: Path, ngoc_thuy: Path, journal_at: JournalAt
) -> None:
    event = load(ngoc_thuy)
    as_of = _moment(AS_OF)
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        mark(
            j,
            event,
            "disinfection:basement",
            "done",
            by="Trạm Y tế phường",
            at=_moment("2020-05-14T15:00+07:00"),
        )
        replayed = j.replay(event, as_of)
    plan = replayed.area("disinfection")
    assert plan is not None
    (record,) = plan.records
    assert (record.area, record.target) == ("disinfection", "basement")
    report = assess(replayed, as_of=as_of)
    basement = next(
        f
        for f in report.area("disinfection").findings  # type: ignore[union-attr]
        if f.code == "disinfection.zone-sprayed" and f.subject == "basement"
    )
    assert basement.credit == 1.0
    assert basement.reported_by == "Trạm Y tế phường"
    assert basement.reported_at == record.recorded_at
    assert not any(f.subject == "basement" for f in report.blockers)


def test_mark_raises_one_error_with_every_problem(
    tmp_path: Path, small: Path, journal_at: JournalAt
) -> None:
    event = load(small)
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        with pytest.raises(JournalError) as caught:
            mark(
                j,
                event,
                "nope",
                "dnoe",
                by="",
                progress=3.0,
                at=datetime.now(UTC) + timedelta(days=1),
                event_file="congress.toml",
            )
        assert len(j) == 0
    assert [p.path for p in caught.value.problems] == [
        ("subject",),
        ("by",),
        ("at",),
        ("status",),
        ("progress",),
    ]
    assert isinstance(caught.value, venue_ready.LoadError)


HOOK_PLUGIN = """
    import json, os
    from venue_ready import hookimpl

    @hookimpl
    def venue_ready_status_changed(event, item, old, new, entry):
        with open(os.environ["HOOK_LOG"], "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"event": event.id, "item": item.id if item else None,
                                 "old": old and old.value, "new": new.value,
                                 "subject": entry.subject, "by": entry.by}) + "\\n")
"""


def test_status_changed_hook_sees_old_and_new(run_cli: RunCli, small: Path, tmp_path: Path) -> None:
    (tmp_path / "hook_plugin.py").write_text(textwrap.dedent(HOOK_PLUGIN), encoding="utf-8")
    log = tmp_path / "hook.log"
    env = {"PYTHONPATH": str(tmp_path), "HOOK_LOG": str(log)}
    for status in ("in_progress", "done"):
        result = run_cli(
            "mark",
            small,
            "service.rehearsal",
            status,
            "--by",
            "A",
            "--plugin",
            "hook_plugin",
            env=env,
        )
        assert result.returncode == 0, result.stderr
    failed = run_cli(
        "mark", small, "service.rehearsal", "bogus", "--by", "A", "--plugin", "hook_plugin", env=env
    )
    assert failed.returncode == 2
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert calls == [
        {
            "event": "phuong-mau-2020",
            "item": "service.rehearsal",
            "old": "todo",
            "new": "in_progress",
            "subject": "service.rehearsal",
            "by": "A",
        },
        {
            "event": "phuong-mau-2020",
            "item": "service.rehearsal",
            "old": "in_progress",
            "new": "done",
            "subject": "service.rehearsal",
            "by": "A",
        },
    ]


def test_a_failing_hook_does_not_undo_the_entry(
    run_cli: RunCli, small: Path, tmp_path: Path
) -> None:
    (tmp_path / "bad_hook.py").write_text(
        textwrap.dedent("""
        from venue_ready import hookimpl

        @hookimpl
        def venue_ready_status_changed(entry):
            raise RuntimeError("radio queue full")
    """),
        encoding="utf-8",
    )
    result = run_cli(
        "mark",
        small,
        "service.rehearsal",
        "done",
        "--by",
        "A",
        "--plugin",
        "bad_hook",
        "--lang",
        "en",
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 3
    assert "bad_hook" in result.stderr
    assert "radio queue full" in result.stderr
    assert "Traceback" not in result.stderr
    with open_journal(small.with_name("congress.journal.sqlite")) as j:
        assert len(j) == 1


def test_the_docs_library_example_runs(
    ngoc_thuy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/journal.md's integration example: a chat bot that records each update once, a
    batch from a form, a morning digest."""
    doc = (ROOT / "docs" / "journal.md").read_text(encoding="utf-8")
    (code,) = doc.split("```python\n")[1:]
    monkeypatch.chdir(ngoc_thuy.parent)
    namespace: dict[str, object] = {}
    exec(code.split("```")[0], namespace)
    lines = capsys.readouterr().out.splitlines()
    # the same chat update twice: one entry, the same answer
    assert lines[0].startswith("#1: security:side-gate done (")
    assert lines[1] == lines[0]
    assert "(có phải ý bạn là 'security:side-gate'?)" in lines[2]  # in the event's language
    assert len(namespace["series"]) == 3  # type: ignore[arg-type]
    assert isinstance(namespace["report"], venue_ready.Report)
    with open_journal(ngoc_thuy.with_name("congress.journal.sqlite")) as j:
        assert [(e.subject, e.key) for e in sorted(j.entries(), key=lambda e: e.seq or 0)] == [
            ("security:side-gate", "telegram:update:123"),
            ("service.rehearsal", "form:7:1"),
            ("service.ballots", "form:7:2"),
        ]


def test_a_long_note_survives_a_csv_round_trip(tmp_path: Path, journal_at: JournalAt) -> None:
    note = "biên bản họp " * 20_000  # 260,000 characters: more than csv's default field limit
    with open_journal(journal_at(tmp_path / "a.sqlite")) as source:
        source.append("x", "done", by="A", note=note, recorded_at=_moment("2020-05-10T08:00+07:00"))
        text = source.export("csv")
    with open_journal(journal_at(tmp_path / "b.sqlite")) as copy:
        assert copy.import_text(text, "csv", file="a.csv") == (1, 0)
        assert copy.export("csv") == text
        assert copy.entries()[0].note == note


# -- what an area takes from the journal, and corrections -------------------------------------


def test_the_police_report_a_post_manned(run_cli: RunCli, ngoc_thuy: Path) -> None:
    def side_gate(*extra: str) -> dict[str, object]:
        data = json.loads(run_cli("check", ngoc_thuy, "--as-of", AS_OF, "--format", "json",
                                  *extra).stdout)  # fmt: skip
        (found,) = [
            f for a in data["areas"] if a["key"] == "security" for f in a["findings"]
            if f["subject"] == "side-gate"
        ]  # fmt: skip
        return found

    assert side_gate()["code"] == "security.entrance-unguarded"
    assert run_cli("mark", ngoc_thuy, "security:side-gate", "done", "--by", "Công an phường",
                   "--at", "2020-05-14T15:00+07:00").returncode == 0  # fmt: skip
    manned = side_gate("--known-at", "now")
    assert manned["code"] == "security.entrance-guarded"
    assert manned["credit"] == 1.0
    assert manned["reported"]["by"] == "Công an phường"  # type: ignore[index]


@pytest.mark.parametrize(
    "subject",
    ["decoration:backdrop", "broadcast:2020-05-13", "disinfection:side-gate", "security:hall"],
)
def test_subjects_no_plugin_reads_are_refused(
    run_cli: RunCli, ngoc_thuy: Path, subject: str
) -> None:
    result = run_cli("mark", ngoc_thuy, subject, "done", "--by", "A", "--lang", "en")
    assert result.returncode == 2
    assert f"the event has no item '{subject}'" in result.stderr
    assert not ngoc_thuy.with_name("congress.journal.sqlite").exists()  # refused: no file made


def test_a_later_entry_withdraws_a_mistaken_done(
    tmp_path: Path, ngoc_thuy: Path, journal_at: JournalAt
) -> None:
    event = load(ngoc_thuy)
    as_of = _moment(AS_OF)
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        j.append("disinfection:basement", "done", by="A", at=_moment("2020-05-14T15:00+07:00"))
        j.append("disinfection:basement", "todo", by="B", at=_moment("2020-05-14T15:30+07:00"))
        replayed = j.replay(event, as_of)
    report = assess(replayed, as_of=as_of)
    assert _credit_of(report, "disinfection", "basement") == 0.0


def _credit_of(report: venue_ready.Report, area: str, subject: str) -> float:
    found = report.area(area)
    assert found is not None
    return next(f.credit for f in found.findings if f.subject == subject)


def test_records_after_the_moment_do_not_reach_the_plugin(
    tmp_path: Path, ngoc_thuy: Path, journal_at: JournalAt
) -> None:
    event = load(ngoc_thuy)
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        j.append("disinfection:basement", "done", by="A", at=_moment("2020-05-14T17:00+07:00"))
        everything = j.replay(event)  # no moment: every record
    assert _credit_of(assess(everything, as_of=_moment(AS_OF)), "disinfection", "basement") == 0.0
    later = _moment("2020-05-14T18:00+07:00")
    assert _credit_of(assess(everything, as_of=later), "disinfection", "basement") == 1.0


def test_the_hook_is_called_only_when_the_status_changes(
    run_cli: RunCli, small: Path, tmp_path: Path
) -> None:
    (tmp_path / "hook_plugin.py").write_text(textwrap.dedent(HOOK_PLUGIN), encoding="utf-8")
    log = tmp_path / "hook.log"
    env = {"PYTHONPATH": str(tmp_path), "HOOK_LOG": str(log)}

    def mark_it(*args: str) -> None:
        result = run_cli("mark", small, "service.rehearsal", *args, "--by", "A",
                         "--plugin", "hook_plugin", env=env)  # fmt: skip
        assert result.returncode == 0, result.stderr

    mark_it("done")
    mark_it("done")  # no change: no call
    mark_it("in_progress", "--at", "2020-05-13T10:00+07:00")  # happened before: still done
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(c["old"], c["new"]) for c in calls] == [("todo", "done")]


def test_the_plans_later_signoff_stands(tmp_path: Path, small: Path, journal_at: JournalAt) -> None:
    event = load(small)
    item = "personnel.dossiers"  # signed off in the plan on 6 May
    as_of = _moment(AS_OF)
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        j.append(item, "done", by="A", signed_off_by="Ban Thường vụ Quận ủy",
                 at=_moment("2020-05-05T10:00+07:00"), version="old")  # fmt: skip
        replayed = j.replay(event, as_of)
    signed = next(i for p in replayed.areas for i in p.items if i.id == item).signed_off
    assert signed is not None
    assert signed.version is None  # the plan's own, later sign-off
    assert _credit(assess(replayed, as_of=as_of), item) == 1.0


def test_a_body_typed_with_other_accents_is_the_same_body(
    tmp_path: Path, small: Path, journal_at: JournalAt
) -> None:
    import unicodedata

    event = load(small)
    typed = unicodedata.normalize("NFD", "tổ chỉ đạo  đại hội của quận ủy")
    with open_journal(journal_at(tmp_path / "j.sqlite")) as j:
        entry = mark(j, event, "documents.political-report", "done", by="A", signed_off_by=typed)
    assert entry.signed_off_by == "Tổ chỉ đạo đại hội của Quận ủy"  # as the plan spells it


def test_progress_goes_with_in_progress_only(run_cli: RunCli, small: Path) -> None:
    result = run_cli("mark", small, "service.rehearsal", "todo", "--progress", "0.5", "--by", "A",
                     "--lang", "en")  # fmt: skip
    assert result.returncode == 2
    assert "progress is recorded only with in_progress, not with not started" in result.stderr


def test_reading_does_not_wait_for_a_writer(run_cli: RunCli, small: Path) -> None:
    import sqlite3

    assert run_cli("mark", small, "service.rehearsal", "done", "--by", "A").returncode == 0
    journal = small.with_name("congress.journal.sqlite")
    holder = sqlite3.connect(journal, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a writer in the middle of its transaction
    try:
        for argv in (("check", small), ("history", small), ("journal", "export", small)):
            result = run_cli(*argv)
            assert result.returncode == 0, result.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_rollup_applies_each_events_journal(run_cli: RunCli, small: Path) -> None:
    def rolled_up(*extra: str) -> float:
        result = run_cli("rollup", small, "--format", "json", *extra)
        assert result.returncode == 0, result.stderr
        (entry,) = json.loads(result.stdout)["events"]
        return float(entry["score"])

    before = rolled_up()  # now: after the congress, with the plan alone
    assert run_cli("mark", small, "service.rehearsal", "done", "--by", "A").returncode == 0
    after = rolled_up()
    assert after > before
    checked = json.loads(run_cli("check", small, "--format", "json").stdout)["score"]
    assert after == pytest.approx(checked, abs=0.01)
    # and as of a past moment, the journal as it stood then: this entry was not in it yet
    assert (
        rolled_up("--as-of", AS_OF)
        == json.loads(run_cli("check", small, "--as-of", AS_OF, "--format", "json").stdout)["score"]
    )


@pytest.mark.parametrize("name", ["congress.toml", "a/b/dh.v2.toml", "noext", "./x.TOML"])
def test_the_cli_and_the_library_agree_on_the_default_journal(name: str) -> None:
    from venue_ready.cli.journal import default_name
    from venue_ready.journal import default_journal_name

    assert default_name(name) == default_journal_name(name)


def test_a_journal_belongs_to_one_event(run_cli: RunCli, small: Path, tmp_path: Path) -> None:
    assert run_cli("mark", small, "service.rehearsal", "done", "--by", "A").returncode == 0
    journal = small.with_name("congress.journal.sqlite")
    with open_journal(journal) as j:
        assert j.event_id == "phuong-mau-2020"
    # another ward, made from the same template: the same item ids
    other = tmp_path / "other.toml"
    other.write_text(
        small.read_text(encoding="utf-8").replace('id = "phuong-mau-2020"', 'id = "phuong-khac"'),
        encoding="utf-8",
    )
    for argv in (
        ("check", other, "--journal", journal),
        ("history", other, "--journal", journal),
        ("mark", other, "service.rehearsal", "todo", "--by", "B", "--journal", journal),
    ):
        result = run_cli(*argv, "--lang", "en")
        assert result.returncode == 2, argv
        assert "this journal belongs to event 'phuong-mau-2020', not to event 'phuong-khac'" in (
            result.stderr
        )
    with open_journal(journal) as j:
        assert len(j) == 1  # nothing recorded against the wrong event


def test_one_hour_and_one_day_read_in_the_singular(small: Path, journal_at: JournalAt) -> None:
    event = load(small)
    with open_journal(journal_at(small.with_name("j.sqlite"))) as j:
        j.append("service.rehearsal", "done", by="A", recorded_at=_moment("2020-05-12T16:00+07:00"))
        replayed = j.replay(event)
    texts = {}
    for moment in ("2020-05-12T17:30+07:00", "2020-05-13T17:00+07:00", "2020-05-14T17:00+07:00"):
        report = assess(replayed, as_of=_moment(moment))
        (finding,) = report.self_reported
        texts[moment[:10]] = report.reported_text(finding, "en")
    assert texts["2020-05-12"] == "reported by A an hour ago"
    assert texts["2020-05-13"] == "reported by A 25 hours ago"
    assert texts["2020-05-14"] == "reported by A 2 days ago"
