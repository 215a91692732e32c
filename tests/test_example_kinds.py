"""The worked examples of other kinds of event (#12): an election day at a polling area and the
Fatherland Front's ward congress, each with its planted gaps named in the report, and no rule
meant for another kind firing on them, nor on any shipped template."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import venue_ready
from venue_ready import BUILTIN_KINDS, AreaPlugin, Event, rule_kinds

from .conftest import ROOT, RunCli


@attrs.frozen
class Example:
    path: Path
    as_of: str
    kind: str
    # words of a Party congress that must not appear in any of its Findings, in either language
    foreign_words: tuple[str, ...]


PARTY_WORDS = (
    "Đại hội Đảng bộ",
    "Party congress",
    "cờ Đảng",
    "Party flag",
    "Mác",
    "Marx",
    "Quốc tế ca",
    "Internationale",
)

ELECTION = Example(
    ROOT / "examples" / "election-2021" / "election.toml",
    "2021-05-22T18:00+07:00",
    "election",
    (*PARTY_WORDS, "thẻ đại biểu", "badge", "Tiểu ban", "sub-committee"),
)
MTTQ = Example(
    ROOT / "examples" / "mttq-congress-2024" / "congress.toml",
    "2024-06-19T16:00+07:00",
    "congress",
    PARTY_WORDS,
)
EXAMPLES = {"election": ELECTION, "mttq": MTTQ}


def _check(run_cli: RunCli, path: Path, as_of: str, *args: str) -> Any:
    done = run_cli("check", path, "--as-of", as_of, "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _findings(report: Any) -> list[Any]:
    return [f for area in report["areas"] for f in area["findings"]]


def _area_plugins() -> list[AreaPlugin]:
    pm = venue_ready.default_plugin_manager()
    found = []
    for impl in pm.hook.venue_ready_assess.get_hookimpls():
        owner = getattr(impl.function, "__self__", None)
        if isinstance(owner, AreaPlugin):
            found.append(owner)
    return found


def _codes(rules: Iterable[Any], plugin: AreaPlugin, event: Event, as_of: datetime) -> set[str]:
    codes: set[str] = set()
    for area in event.areas:
        if area.key != plugin.key:
            continue
        config, problems = plugin.parse(area.settings, event)
        assert not problems, problems
        for rule in rules:
            codes.update(finding.code for finding in rule(config, event, area, as_of))
    return codes


def foreign_codes(event: Event, as_of: datetime) -> tuple[set[str], int]:
    """The Finding codes that only rules meant for other kinds than the event's produce, run
    directly on the event (codes an applying rule produces too are left out), and how many
    such rules there were."""
    foreign: set[str] = set()
    own: set[str] = set()
    count = 0
    for plugin in _area_plugins():
        others = [r for r in plugin.rules() if (k := rule_kinds(r)) and event.kind not in k]
        applying = [r for r in plugin.rules() if r not in others]
        count += len(others)
        foreign |= _codes(others, plugin, event, as_of)
        own |= _codes(applying, plugin, event, as_of)
    return foreign - own, count


def _as_of(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- each example loads and checks -------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_example_checks_in_text_and_json(name: str, lang: str, run_cli: RunCli) -> None:
    example = EXAMPLES[name]
    text = run_cli("check", example.path, "--as-of", example.as_of, "--lang", lang)
    assert text.returncode == 0, text.stderr
    kind = BUILTIN_KINDS[example.kind].title(lang)
    assert kind in text.stdout
    report = _check(run_cli, example.path, example.as_of, "--lang", lang)
    assert report["status"] == "blocked"
    # every area of the file is assessed, none errs
    assert all(not area["errors"] for area in report["areas"])
    assert venue_ready.load(example.path).kind == example.kind


ELECTION_GAPS = {
    "vi": [
        "Phát thẻ cử tri đến từng cử tri: đang thực hiện (97%)",
        "Phòng lưu giữ hòm phiếu, phiếu bầu: không có người canh gác 23:00–24:00 22/5/2021 "
        "(mới bảo đảm 92,9% thời gian phải canh gác",
        'biển in "KHU VỰC BỎ PHIẾU SỐ 2", tên chính thức là "KHU VỰC BỎ PHIẾU SỐ 3"',
        "Cửa phòng lưu giữ hòm phiếu ra sân (lối thoát hiểm): kiểm tra lần cuối ngày 12 tháng 5 "
        "năm 2021, trước ngày bầu cử hơn 7 ngày",
    ],
    "en": [
        "Phát thẻ cử tri đến từng cử tri: in progress (97%)",
        "Phòng lưu giữ hòm phiếu, phiếu bầu: nobody on guard 23:00–24:00 22/5/2021 (guarded "
        "92.9% of the time needed",
        'it reads "KHU VỰC BỎ PHIẾU SỐ 2", the official title is "KHU VỰC BỎ PHIẾU SỐ 3"',
        "Emergency exit Cửa phòng lưu giữ hòm phiếu ra sân: last checked on 12 May 2021, more "
        "than 7 days before polling day",
    ],
}

MTTQ_GAPS = {
    "vi": [
        "Đề án nhân sự Ủy ban MTTQ phường khóa mới, được Ban Thường vụ Đảng ủy phường cho ý "
        "kiến: đang thực hiện, chưa có ý kiến của Ban Thường vụ Đảng ủy phường",
        "Hồ sơ thẩm tra tư cách đại biểu: đang thực hiện (60%)",
        'Tiêu đề phông sân khấu sai nhiệm kỳ (in "2019 - 2024", đúng là "2024 - 2029")',
        "Đã cấp 130 thẻ đại biểu (cần 140)",
    ],
    "en": [
        "Đề án nhân sự Ủy ban MTTQ phường khóa mới, được Ban Thường vụ Đảng ủy phường cho ý "
        "kiến: in progress, not yet signed off by Ban Thường vụ Đảng ủy phường",
        "Hồ sơ thẩm tra tư cách đại biểu: in progress (60%)",
        'The stage backdrop has the wrong term (printed "2019 - 2024", should be "2024 - 2029")',
        "130 delegate badges issued (140 needed)",
    ],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_election_names_its_planted_gaps(lang: str, run_cli: RunCli) -> None:
    done = run_cli("check", ELECTION.path, "--as-of", ELECTION.as_of, "--lang", lang)
    for sentence in ELECTION_GAPS[lang]:
        assert sentence in done.stdout
    report = _check(run_cli, ELECTION.path, ELECTION.as_of, "--lang", lang)
    blockers = {(b["area"], b["subject"]) for b in report["blockers"]}
    assert blockers == {
        ("general", "election.voter-cards"),
        ("security", "storage"),
        ("decoration", "backdrop"),
    }
    overdue = {(o["area"], o["subject"]) for o in report["overdue"]}
    assert overdue == {("general", "election.voter-cards"), ("security", "storage")}
    # the stale exit check: due by the end of 22 May, named but not overdue at 18:00
    exits = [f for f in _findings(report) if f["code"] == "security.exit-unchecked"]
    assert [f["subject"] for f in exits] == ["storage-yard"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_front_congress_names_its_planted_gaps(lang: str, run_cli: RunCli) -> None:
    done = run_cli("check", MTTQ.path, "--as-of", MTTQ.as_of, "--lang", lang)
    for sentence in MTTQ_GAPS[lang]:
        assert sentence in done.stdout
    report = _check(run_cli, MTTQ.path, MTTQ.as_of, "--lang", lang)
    blockers = {(b["area"], b["subject"]) for b in report["blockers"]}
    assert blockers == {("general", "congress.personnel"), ("decoration", "backdrop")}
    overdue = {(o["area"], o["subject"]) for o in report["overdue"]}
    assert overdue == {("general", "congress.personnel"), ("general", "congress.credentials")}


def test_the_election_is_dressed_as_a_state_event(run_cli: RunCli) -> None:
    # the national flag alone, centred; no Party flag, no Marx and Lenin, no top slogan
    report = _check(run_cli, ELECTION.path, ELECTION.as_of, "--lang", "en")
    stage = {f["subject"] for f in _findings(report) if f["code"] == "decoration.stage-element"}
    assert stage == {"national_flag", "ho_chi_minh", "flowers"}
    layout = [f for f in _findings(report) if f["code"] == "decoration.flag-layout"]
    assert [f["credit"] for f in layout] == [1.0]


def test_the_front_congress_has_its_own_stage(run_cli: RunCli) -> None:
    report = _check(run_cli, MTTQ.path, MTTQ.as_of, "--lang", "en")
    stage = {f["subject"] for f in _findings(report) if f["code"] == "decoration.stage-element"}
    assert stage == {"national_flag", "organisation_flag", "ho_chi_minh", "flowers"}
    codes = {f["code"] for f in _findings(report)}
    assert "decoration.flag-layout" not in codes  # another organisation's layout: not checked


# -- no rule meant for another kind fires ------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_rule_of_another_kind_fires_on_the_example(name: str, run_cli: RunCli) -> None:
    example = EXAMPLES[name]
    event = venue_ready.load(example.path)
    foreign, rules = foreign_codes(event, _as_of(example.as_of))
    assert rules > 0  # there are rules meant for other kinds (the badges, the LED backdrop)
    assert foreign  # and run directly on this event they would say something
    for lang in ("vi", "en"):
        report = _check(run_cli, example.path, example.as_of, "--lang", lang)
        codes = {f["code"] for f in _findings(report)}
        assert not foreign & codes


def test_the_badges_rule_is_one_the_election_does_not_run(run_cli: RunCli) -> None:
    event = venue_ready.load(ELECTION.path)
    foreign, _ = foreign_codes(event, _as_of(ELECTION.as_of))
    assert {"security.badges", "decoration.backdrop-led"} <= foreign


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_finding_speaks_of_a_party_congress(name: str, lang: str, run_cli: RunCli) -> None:
    example = EXAMPLES[name]
    report = _check(run_cli, example.path, example.as_of, "--lang", lang)
    for finding in _findings(report):
        text = finding["message"]["text"] + " " + (finding["owner"] or "")
        for word in example.foreign_words:
            assert word.lower() not in text.lower(), (finding["code"], text)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_finding_of_the_election_speaks_of_a_congress(lang: str, run_cli: RunCli) -> None:
    report = _check(run_cli, ELECTION.path, ELECTION.as_of, "--lang", lang)
    texts = [f["message"]["text"] for f in _findings(report)]
    assert not [t for t in texts if "Đại hội" in t or "congress" in t]


#: The extinguishers of the polling area are counted for the voters present at once
#: ([event.attendance] at_once = 100), not for the 1,465 on the list and on duty (30 needed).
ELECTION_EXTINGUISHERS = {
    "vi": "Có 2 bình chữa cháy còn hạn kiểm định, cần ít nhất 2 (100 người có mặt cùng lúc, "
    "mỗi bình cho 50 người, tối thiểu 2 bình)",
    "en": "2 extinguishers with a valid inspection, at least 2 needed (100 people present at "
    "once, one per 50 people, at least 2)",
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_election_counts_extinguishers_for_the_voters_at_once(
    lang: str, run_cli: RunCli
) -> None:
    done = run_cli(
        "check", ELECTION.path, "--as-of", ELECTION.as_of, "--lang", lang, "--format", "md"
    )
    assert done.returncode == 0, done.stderr
    assert ELECTION_EXTINGUISHERS[lang] in done.stdout
    assert "cần ít nhất 30" not in done.stdout
    assert "at least 30 needed" not in done.stdout
    report = _check(run_cli, ELECTION.path, ELECTION.as_of, "--lang", lang)
    assert report["event"]["attendance"] == {
        "participants": 1450,
        "guests": None,
        "staff": 15,
        "at_once": 100,
    }
    count = [f for f in _findings(report) if f["code"] == "security.extinguishers-count"]
    assert [(f["credit"], f["assessed"]) for f in count] == [(1.0, True)]


def test_the_election_without_at_once_is_not_counted_from_its_voter_roll(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Without at_once, the election's extinguishers count is not assessed, and the report says
    which key to set: the voter roll (1,465 with the polling team) is no headcount."""
    text = ELECTION.path.read_text(encoding="utf-8")
    assert "\nat_once = 100\n" in text
    path = tmp_path / "election.toml"
    path.write_text(text.replace("\nat_once = 100\n", "\n"), encoding="utf-8")
    for lang, words in (
        ("vi", "Chưa biết số người có mặt cùng lúc (khai báo at_once trong [event.attendance]"),
        (
            "en",
            "The most people present at the same time is not known (set at_once in "
            "[event.attendance]",
        ),
    ):
        report = _check(run_cli, path, ELECTION.as_of, "--lang", lang)
        count = [f for f in _findings(report) if f["code"] == "security.extinguishers-count"]
        assert [f["assessed"] for f in count] == [False]
        assert count[0]["message"]["text"].startswith(words)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "Bắt đầu bỏ phiếu: 7 giờ 00 ngày 23 tháng 5 năm 2021"),
        ("en", "Polls open: 23 May 2021, 07:00"),
    ],
)
@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_the_election_header_says_the_polls_open(
    lang: str, line: str, fmt: str, run_cli: RunCli
) -> None:
    done = run_cli(
        "check", ELECTION.path, "--as-of", ELECTION.as_of, "--lang", lang, "--format", fmt
    )
    assert done.returncode == 0, done.stderr
    assert line in done.stdout
    assert "Khai mạc" not in done.stdout
    assert "Opens:" not in done.stdout


def test_the_election_text_report_does_not_say_dai_hoi(run_cli: RunCli) -> None:
    """The areas' phase figures are named after the kind: "trong ngày bầu cử", not "trong đại
    hội"."""
    done = run_cli("check", ELECTION.path, "--as-of", ELECTION.as_of, "--lang", "vi")
    areas = [line for line in done.stdout.splitlines() if line.startswith("  Công tác chung")]
    assert areas
    assert "đại hội" not in areas[0]
    assert "trong ngày bầu cử 0%" in areas[0]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_polling_area_sign_is_not_called_a_stage_backdrop(lang: str, run_cli: RunCli) -> None:
    report = _check(run_cli, ELECTION.path, ELECTION.as_of, "--lang", lang)
    title = [f for f in _findings(report) if f["code"] == "decoration.backdrop-title"]
    assert len(title) == 1
    text = title[0]["message"]["text"].lower()
    assert "phông sân khấu" not in text
    assert "stage backdrop" not in text


# -- every shipped template ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BUILTIN_KINDS))
def test_every_template_checks_with_no_finding_of_another_kind(
    kind: str, run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / f"{kind}.toml"
    starts = "2021-05-23T07:30:00+07:00"
    done = run_cli("init", "--template", kind, "--starts", starts, path)
    assert done.returncode == 0, done.stderr
    as_of = "2021-05-10T12:00+07:00"
    event = venue_ready.load(path)
    assert event.kind == kind
    foreign, _ = foreign_codes(event, _as_of(as_of))
    report = _check(run_cli, path, as_of, "--lang", "en")
    assert all(not area["errors"] for area in report["areas"])
    codes = {f["code"] for f in _findings(report)}
    assert not foreign & codes
