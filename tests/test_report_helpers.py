"""Results ready to use (#18): a Report's Findings listed and grouped by owner, statuses, areas,
moments and numbers in words, languages refused when unsupported, the README's library example
run as written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import attrs
import pytest

import venue_ready
from venue_ready import AreaStatus, Message, Phase, Report, Status

from .conftest import ROOT
from .support import TZ

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
def report() -> Report:
    return venue_ready.assess(venue_ready.load(EXAMPLE), as_of=AS_OF)


# -- the README's library example ----------------------------------------------------------------


def _readme_python() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("From Python", 1)[1]
    match = re.search(r"```python\n(.+?)\n```", section, re.DOTALL)
    assert match is not None, "README.md lost its library example"
    return match.group(1)


def test_readme_library_example_runs_and_prints_text(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "congress.toml")
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    done = subprocess.run(
        [sys.executable, "-c", _readme_python()],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "PYTHONIOENCODING": "utf-8"},
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Message(" not in out  # the bug of #18: owners printed as their repr
    # a role the plugins name (the core's role.service) is printed by its English name
    assert "Service sub-committee" in out
    assert "Công an phường Ngọc Thụy" in out  # a name from the file, as written
    document = json.loads(out[out.index("\n{") :])
    assert document["lang"] == "en"


# -- findings() and by_owner() -------------------------------------------------------------------


def test_findings_are_every_area_s_in_report_order(report: Report) -> None:
    every = report.findings()
    assert every == [f for area in report.areas for f in area.findings]
    assert len(every) == 115  # the 19 items of the general area among them
    assert report.findings(area="security") == list(report.area("security").findings)  # type: ignore[union-attr]
    todo = report.findings(met=False)
    assert todo
    assert all(not f.met for f in todo)
    assert len(todo) + len(report.findings(met=True)) == len(every)
    during = report.findings(phase=Phase.DURING)
    assert during
    assert all(f.phase is Phase.DURING for f in during)


def test_findings_of_an_unknown_area_name_the_known_ones(report: Report) -> None:
    with pytest.raises(KeyError, match=r"'securty'.*security"):
        report.findings(area="securty")


def test_by_owner_groups_every_finding_once_with_owners_as_text(report: Report) -> None:
    groups = report.by_owner(lang="en")
    assert all(key is None or isinstance(key, str) for key in groups)
    grouped = [f for findings in groups.values() for f in findings]
    assert Counter(map(id, grouped)) == Counter(map(id, report.findings()))
    # roles named by plugins are their names in the language asked for, and the same body
    # written in the file joins its group ...
    service = groups["Service sub-committee"]
    roles = [f for f in service if isinstance(f.owner, Message)]
    assert len(roles) == 9
    assert all(f.owner.id == "role.service" for f in roles)  # type: ignore[union-attr]
    assert {f.owner for f in service if f not in roles} == {"Tiểu ban Phục vụ"}
    assert len(groups["Propaganda sub-committee"]) >= 8
    # ... and in Vietnamese, the event's language, by default
    vi = report.by_owner()
    assert "Service sub-committee" not in vi
    assert len(vi["Tiểu ban Phục vụ"]) == 21 + 9  # the file's owner and the role, one body
    # names from the file as written; owners in the order they first appear
    side_gate = next(f for f in report.findings() if f.subject == "side-gate")
    assert side_gate in groups["Công an phường Ngọc Thụy"]
    assert next(iter(groups)) == report.owner_text(report.findings()[0], "en")


def test_by_owner_of_the_work_still_to_do(report: Report) -> None:
    todo = report.by_owner(report.findings(met=False), lang="en")
    assert sum(map(len, todo.values())) == len(report.findings(met=False))
    assert all(not f.met for group in todo.values() for f in group)


def test_by_owner_merges_spellings_and_puts_the_unowned_last(report: Report) -> None:
    first, second, third = report.findings()[:3]
    named = attrs.evolve(first, owner="Tiểu ban  Phục vụ")
    shouted = attrs.evolve(second, owner="tiểu ban phục vụ")
    nobody = attrs.evolve(third, owner=None)
    groups = report.by_owner([nobody, named, shouted])
    assert list(groups) == ["Tiểu ban  Phục vụ", None]
    assert groups["Tiểu ban  Phục vụ"] == [named, shouted]
    assert groups[None] == [nobody]


# -- words: statuses, areas, moments, numbers ----------------------------------------------------


def test_status_titles_in_both_languages() -> None:
    assert venue_ready.status_title(AreaStatus.AT_RISK, "vi") == "Chậm tiến độ"
    assert venue_ready.status_title(AreaStatus.BLOCKED, "en") == "Blocked by a critical condition"
    assert venue_ready.status_title(Status.IN_PROGRESS, "en") == "in progress"
    assert venue_ready.status_title(Status.BLOCKED, "vi") == "đang vướng mắc"


def test_status_title_refuses_a_bare_string_and_an_unknown_language() -> None:
    with pytest.raises(TypeError, match=r"AreaStatus\(value\).*Status\(value\)"):
        venue_ready.status_title("blocked", "en")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"lang='fr'.*'vi', 'en'"):
        venue_ready.status_title(AreaStatus.READY, "fr")


def test_area_titles(report: Report) -> None:
    assert report.area_title("security", "en") == report.area("security").title_en  # type: ignore[union-attr]
    assert report.area_title("security") == report.area("security").title_vi  # type: ignore[union-attr]
    with pytest.raises(KeyError, match=r"'catering'.*general"):
        report.area_title("catering", "en")


def test_moments_in_the_event_s_zone_and_language(report: Report) -> None:
    utc = datetime(2020, 5, 14, 9, 0, tzinfo=UTC)  # 16:00 in Hanoi
    assert report.moment_text(utc) == "16 giờ 00 ngày 14 tháng 5 năm 2020"
    assert report.moment_text(utc, "en") == "14 May 2020, 16:00"
    assert report.moment_text(date(2020, 5, 14)) == "ngày 14 tháng 5 năm 2020"
    assert report.moment_text(None) == "—"
    assert venue_ready.format_datetime(date(2020, 5, 14), "vi") == "ngày 14 tháng 5 năm 2020"


def test_numbers_in_the_report_s_language(report: Report) -> None:
    assert report.number_text(96.7) == "96,7"
    assert report.number_text(96.7, "en") == "96.7"
    assert report.number_text(12000, "vi") == "12.000"
    assert report.number_text(0.8765, "en", digits=2) == "0.88"
    assert venue_ready.format_number(96.7, "vi") == "96,7"
    assert venue_ready.format_score(99.96, "en") == "99.9"  # rounded down, as reports do


def test_the_renderers_write_dates_through_the_public_formatter(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    from venue_ready import _i18n as i18n

    original = i18n.format_datetime
    monkeypatch.setattr(i18n, "format_datetime", lambda v, lang: f"⟦{original(v, lang)}⟧")
    text = report.render("md", "vi")
    # "as of", through Report.moment_text (the date inside is formatted by the same function)
    assert "⟦16 giờ 00 ⟦ngày 14 tháng 5 năm 2020⟧⟧" in text


# -- languages other than vi and en are refused --------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda r: r.to_json("fr"),
        lambda r: r.to_dict("fr"),
        lambda r: r.render("text", lang="fr"),
        lambda r: r.render("html", lang="fr"),
        lambda r: r.owner_text(r.findings()[0], "fr"),
        lambda r: r.by_owner(lang="fr"),
        lambda r: r.number_text(1.5, "fr"),
        lambda r: r.areas[0].title("fr"),
    ],
)
def test_an_unsupported_language_is_refused(report: Report, call: object) -> None:
    with pytest.raises(ValueError, match=r"lang='fr' is not a supported language.*'vi', 'en'"):
        call(report)  # type: ignore[operator]


def test_the_formatters_refuse_an_unsupported_language() -> None:
    for formatter, value in (
        (venue_ready.format_number, 1.5),
        (venue_ready.format_score, 50.0),
        (venue_ready.format_datetime, date(2020, 5, 14)),
    ):
        with pytest.raises(ValueError, match="'fr'"):
            formatter(value, "fr")  # type: ignore[arg-type]


def test_due_until_reads_a_naive_moment_in_the_events_zone_and_refuses_text() -> None:
    from datetime import datetime

    from venue_ready import assess, load

    event = load(ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml")
    report = assess(event, as_of=datetime(2020, 5, 10, 8, 0))
    naive = report.due_until(datetime(2020, 5, 13, 17, 0))
    aware = report.due_until(datetime(2020, 5, 13, 17, 0, tzinfo=event.tz))
    assert naive == aware
    assert naive  # some work is due before the 13th in the example
    with pytest.raises(TypeError, match="until"):
        report.due_until("2020-05-13")  # type: ignore[arg-type]


def test_a_role_and_the_same_body_written_in_the_file_are_one_owner_in_every_language() -> None:
    """From the review: in English, a plugin's default role ("Service sub-committee") and the
    same body written in the file ("Tiểu ban Phục vụ") were two owners."""
    from datetime import datetime

    from venue_ready import assess, fold_name, load

    event = load(EXAMPLE)
    report = assess(event, as_of=datetime(2020, 5, 10, 8, 0))
    for lang in ("vi", "en"):
        groups = report.by_owner(lang=lang)
        folded = [fold_name(name) for name in groups if name is not None]
        assert len(folded) == len(set(folded))
        bodies = {fold_name(report.owner_text(f, "vi") or "") for f in report.findings()}
        assert len(groups) - (None in groups) == len(bodies - {""})
    english = report.by_owner(lang="en")
    assert "Tiểu ban Phục vụ" not in english
    assert any(name == "Service sub-committee" for name in english)


def test_a_name_the_file_writes_that_is_a_role_s_name_is_that_role_in_english() -> None:
    # The Ngọc Thụy file writes "Tiểu ban Phục vụ" for the backdrop, which the decoration
    # plugin names as its role "Service sub-committee": one body, one name in each language
    import subprocess
    import sys

    from .conftest import ROOT

    def owners(lang: str) -> set[str]:
        proc = subprocess.run(
            [sys.executable, "-m", "venue_ready", "check", "examples/ngoc-thuy-2020/congress.toml",
             "--as-of", "2020-05-14T16:00+07:00", "--lang", lang],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False,
        )  # fmt: skip
        marker = "in charge: " if lang == "en" else "phụ trách: "
        return {
            part.split(marker, 1)[1].split(";")[0].split(")")[0]
            for part in proc.stdout.splitlines()
            if marker in part
        }

    english = owners("en")
    assert "Service sub-committee" in english
    assert "Tiểu ban Phục vụ" not in english
    assert "Party committee office" in english
    assert "Văn phòng Đảng ủy" not in english
    assert "Tiểu ban Phục vụ" in owners("vi")  # the file's own language keeps its spelling
