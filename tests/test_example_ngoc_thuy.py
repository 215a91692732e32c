"""The Ngọc Thụy example (examples/ngoc-thuy-2020/congress.toml), asserted in detail, and the
organiser scripts in examples/scripts/ run as an organiser runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import venue_ready

from .conftest import ROOT, RunCli, WriteEvent
from .support import TZ

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
SCRIPTS = ROOT / "examples" / "scripts"
AS_OF = "2020-05-14T16:00+07:00"


@pytest.fixture(scope="module")
def report() -> venue_ready.Report:
    event = venue_ready.load(EXAMPLE)
    as_of = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
    return venue_ready.assess(event, as_of=as_of)


@pytest.fixture(scope="module")
def data(report: venue_ready.Report) -> dict[str, Any]:
    return report.to_dict("en")


def test_the_event(report: venue_ready.Report) -> None:
    ev = report.event
    assert ev.ordinal == 22
    assert ev.term == (2020, 2025)
    assert ev.starts.isoformat() == "2020-05-15T07:30:00+07:00"
    assert [a.key for a in ev.areas] == [
        "general", "security", "decoration", "broadcast", "disinfection",
    ]  # fmt: skip
    assert ev.venue is not None
    assert [e.id for e in ev.venue.entrances] == ["main-gate", "side-gate", "hall-door"]


def test_scores_and_statuses(data: dict[str, Any]) -> None:
    assert data["score"] == 92.96
    assert data["status"] == "blocked"
    assert not data["inconclusive"]
    figures = {
        a["key"]: (a["score"], a["status"], a["coverage"]["assessed"]) for a in data["areas"]
    }
    assert figures == {
        "general": (98.75, "on_track", 19),
        "security": (90.0, "blocked", 20),
        # the backdrop is due by the end of 14 May (days_before): its wrong title is an unmet
        # critical condition, not yet late at 16:00
        "decoration": (83.12, "at_risk", 22),
        "broadcast": (96.77, "at_risk", 35),
        "disinfection": (93.33, "on_track", 19),
    }
    assert all(a["coverage"]["assessed"] == a["coverage"]["expected"] for a in data["areas"])


def test_areas_have_findings_derived_from_their_settings(data: dict[str, Any]) -> None:
    # not only checklist items: every area plugin derives Findings of its own
    for area in data["areas"][1:]:
        derived = [f for f in area["findings"] if f["code"].startswith(area["key"] + ".")]
        assert len(derived) >= 5, area["key"]


def test_the_three_named_gaps(data: dict[str, Any]) -> None:
    blockers = {(b["area"], b["subject"], b["code"]): b for b in data["blockers"]}
    assert set(blockers) == {
        ("security", "side-gate", "security.entrance-unguarded"),
        ("decoration", "backdrop", "decoration.backdrop-title"),
        ("disinfection", "basement", "disinfection.zone-sprayed"),
    }
    side_gate = blockers["security", "side-gate", "security.entrance-unguarded"]
    assert "Cổng phụ" in side_gate["message"]["text"]
    backdrop = blockers["decoration", "backdrop", "decoration.backdrop-title"]["message"]["text"]
    assert "LẦN THỨ XXI, NHIỆM KỲ 2020 – 2025" in backdrop  # what was printed
    assert "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025" in backdrop
    basement = blockers["disinfection", "basement", "disinfection.zone-sprayed"]["message"]["text"]
    assert "Tầng hầm để xe" in basement
    assert "10 May 2020, 08:00" in basement  # when it was last sprayed


def test_overdue(data: dict[str, Any]) -> None:
    assert [(o["area"], o["subject"]) for o in data["overdue"]] == [
        ("decoration", "posters"),
        ("broadcast", "2020-05-10"),
        ("security", "side-gate"),
        # not the backdrop nor BCC-04: both are due by the end of 14 May (days_before), not
        # yet overdue at 16:00 that day
    ]


def test_cli_shows_the_gaps_in_both_languages(run_cli: RunCli) -> None:
    vi = run_cli("check", EXAMPLE, "--as-of", AS_OF)
    assert vi.returncode == 0, vi.stderr
    overall = "Mức độ sẵn sàng chung: 92,9/100 · Còn điều kiện bắt buộc chưa đạt · CHƯA SẴN SÀNG"
    assert overall in vi.stdout
    assert "Cổng phụ: chưa bố trí chốt gác" in vi.stdout
    assert "Tầng hầm để xe được phun khử khuẩn lần gần nhất" in vi.stdout
    for title in ("An ninh, trật tự", "Trang trí, tuyên truyền", "Truyền thanh", "Khử khuẩn, y tế"):
        assert title in vi.stdout
    en = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--lang", "en")
    assert en.returncode == 0
    assert "Overall readiness: 92.9/100 · Blocked by a critical condition · NOT READY" in en.stdout
    for title in ("Security and order", "Decoration and propaganda", "Ward radio"):
        assert title in en.stdout


def test_a_day_later_the_same_file_tells_a_different_story(run_cli: RunCli) -> None:
    # at the opening every unmet before-phase gate blocks, the basement included
    proc = run_cli("check", EXAMPLE, "--as-of", "2020-05-15T07:30+07:00", "--format", "json")
    data = json.loads(proc.stdout)
    statuses = {a["key"]: a["status"] for a in data["areas"]}
    assert statuses["disinfection"] == "blocked"


# -- the organiser scripts --------------------------------------------------------------------


def _script(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_check_readiness_script() -> None:
    proc = _script("check_readiness.py", EXAMPLE, "--as-of", AS_OF)
    assert proc.returncode == 1  # not ready
    assert "Mức độ sẵn sàng: 93,0/100 — CHƯA SẴN SÀNG" in proc.stdout
    assert "Còn vướng (3):" in proc.stdout
    assert "Cổng phụ: chưa bố trí chốt gác" in proc.stdout
    en = _script("check_readiness.py", EXAMPLE, "--as-of", AS_OF, "--lang", "en")
    assert "Readiness: 93.0/100 — NOT READY" in en.stdout
    assert "Security and order" in en.stdout


def test_check_readiness_script_on_a_ready_event(write_event: WriteEvent) -> None:
    event = write_event(
        '[[areas.general.items]]\nid = "a"\ntitle = "A"\nstatus = "done"\n',
        filename="ready.toml",
        name="E",
    )
    proc = _script("check_readiness.py", event, "--as-of", "2020-05-14", "--lang", "en")
    assert proc.returncode == 0
    assert "No critical condition is unmet." in proc.stdout


def test_check_readiness_script_on_a_bad_file(tmp_path: Path) -> None:
    event = tmp_path / "bad.toml"
    event.write_text("schema = 1\n[event]\n", encoding="utf-8")
    proc = _script("check_readiness.py", event, "--lang", "en")
    assert proc.returncode == 2
    assert "missing required key 'id'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_daily_briefing_script() -> None:
    proc = _script("daily_briefing.py", EXAMPLE, "--as-of", "2020-05-14T08:00+07:00", "--days", "1")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("Việc đến hạn trong 1 ngày tới (tính từ 14/05/2020 08:00)")
    # grouped by owner, each owner once
    owners = [line[:-1] for line in out.splitlines() if line and not line.startswith(" ")][1:]
    assert len(owners) == len(set(owners))
    assert "Văn phòng Đảng ủy" in owners
    assert "  - Tài liệu phát cho đại biểu: đang thực hiện (80%) (hạn 14/05 17:00)" in out
    assert "[QUÁ HẠN]" in out  # the side gate's roster was due on the 13th
    # nothing due after the horizon
    assert "18/05" not in out


def test_daily_briefing_in_english() -> None:
    proc = _script(
        "daily_briefing.py", EXAMPLE, "--as-of", "2020-05-14T08:00+07:00", "--lang", "en"
    )
    assert proc.returncode == 0
    assert "Due in the next 3 days" in proc.stdout
    assert "[OVERDUE]" in proc.stdout


def test_export_for_district_script(tmp_path: Path) -> None:
    out_dir = tmp_path / "gui-quan"
    proc = _script("export_for_district.py", EXAMPLE, "--as-of", AS_OF, "--out-dir", out_dir)
    assert proc.returncode == 0, proc.stderr
    json_file = out_dir / "ngoc-thuy-2020_20200514-1600.json"
    md_file = out_dir / "ngoc-thuy-2020_20200514-1600.md"
    html_file = out_dir / "ngoc-thuy-2020_20200514-1600.html"
    assert proc.stdout.split() == [str(json_file), str(md_file), str(html_file)]
    html = html_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Ngọc Thụy" in html
    assert "Mức độ sẵn sàng chung: 92,9/100" in html
    data = json.loads(json_file.read_text(encoding="utf-8"))
    assert data["score"] == 92.96
    assert data["lang"] == "vi"
    md = md_file.read_text(encoding="utf-8")
    assert md.startswith("# Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII")
    assert "| An ninh, trật tự | 90 | Còn điều kiện bắt buộc chưa đạt | 20/20 | 1,35 |" in md

    again = _script("export_for_district.py", EXAMPLE, "--as-of", AS_OF, "--out-dir", out_dir)
    assert again.returncode == 2  # never overwrites what was sent
    assert "already exists" in again.stderr
    assert json.loads(json_file.read_text(encoding="utf-8")) == data


def test_export_for_district_uses_the_journal(tmp_path: Path) -> None:
    event_file = tmp_path / "congress.toml"
    event_file.write_bytes(EXAMPLE.read_bytes())
    sprayed = datetime(2020, 5, 14, 15, 0, tzinfo=TZ)
    with venue_ready.open_journal(tmp_path / "congress.journal.sqlite") as journal:
        journal.append("disinfection:basement", "done", by="Trạm Y tế phường", at=sprayed)
    proc = _script("export_for_district.py", event_file, "--as-of", AS_OF, "--out-dir", tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads((tmp_path / "ngoc-thuy-2020_20200514-1600.json").read_text(encoding="utf-8"))
    assert data["score"] > 92.96  # the basement no longer counts against the score
    assert not any(b["subject"] == "basement" for b in data["blockers"])


@pytest.mark.parametrize(
    "moment",
    ["2020-04-01", "2020-05-10", AS_OF, "2020-05-15T07:30+07:00", "2020-05-15T12:00+07:00",
     "2020-05-20"],
)  # fmt: skip
def test_reports_with_every_area_validate_against_the_schema(moment: str) -> None:
    import importlib.resources

    import jsonschema

    from venue_ready._dates import parse_instant

    schema = json.loads(
        importlib.resources.files("venue_ready").joinpath("schema/report.schema.json").read_text()
    )
    validator = jsonschema.Draft202012Validator(schema)
    event = venue_ready.load(EXAMPLE)
    report = venue_ready.assess(event, as_of=parse_instant(moment, event.tz))
    for lang in ("vi", "en"):
        errors = [e.message for e in validator.iter_errors(json.loads(report.to_json(lang)))]
        assert errors == []
