"""``--format xlsx`` and ``import-checklist`` (#14): the Ngọc Thụy report as an Excel workbook in
both languages, opened with openpyxl as a reader would; the same bytes twice; the checklist read
back as event-file items, exactly (the example, and hypothesis over generated items); a bad
sheet named by sheet and cell; ``-o`` that never overwrites without ``--force``; a missing
``office`` extra said plainly; openpyxl never imported by ``check`` in text or JSON."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import AreaPlan, Event, Item, Status, assess, load
from venue_ready._render.xlsx_import import items_toml, read_checklist

from .conftest import ROOT, RunCli
from .support import TZ, event_header

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
#: Excel's "Bad" fill, with which an overdue row is highlighted
OVERDUE = "00FFC7CE"

SHEETS = {
    "vi": [
        "Tổng hợp",
        "Công tác chung",
        "An ninh, trật tự",
        "Trang trí, tuyên truyền",
        "Truyền thanh",
        "Khử khuẩn, y tế",
        "Phân công",
    ],
    "en": [
        "Summary",
        "General preparations",
        "Security and order",
        "Decoration and propaganda",
        "Ward radio",
        "Disinfection and health",
        "Assignments",
    ],
}
CHECKLIST_HEADER = {
    "vi": ["Mã đầu việc", "Nội dung công việc", "Người phụ trách", "Thời hạn", "Trạng thái",
           "Tiến độ", "Giai đoạn", "Điều kiện bắt buộc", "Trọng số", "Quá hạn"],
    "en": ["Item id", "Task", "In charge", "Deadline", "Status", "Progress", "Phase", "Critical",
           "Weight", "Overdue"],
}  # fmt: skip


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Ngọc Thụy report as .xlsx in each language, written by the real CLI with -o."""
    folder = tmp_path_factory.mktemp("xlsx")
    out = {}
    for lang in ("vi", "en"):
        path = folder / f"ngoc-thuy.{lang}.xlsx"
        proc = _cli("check", NGOC_THUY, "--as-of", AS_OF, "--format", "xlsx", "--lang", lang,
                    "-o", path)  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == b""
        out[lang] = path
    return out


def _cli(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *map(str, args)],
        capture_output=True, env={**base, **(env or {})}, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip


def _row(sheet: Any, row: int) -> list[Any]:
    return [c.value for c in sheet[row]]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_workbook_has_a_summary_a_sheet_per_area_and_assignments(
    workbooks: dict[str, Path], lang: str
) -> None:
    book = openpyxl.load_workbook(workbooks[lang])
    assert book.sheetnames == SHEETS[lang]
    summary = book[SHEETS[lang][0]]
    assert summary["A1"].value == (
        "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025"
    )
    overall = {"vi": "Mức độ sẵn sàng chung: 92,9/100", "en": "Overall readiness: 92.9/100"}
    assert any(str(c.value).startswith(overall[lang]) for c in summary["A"])
    # the areas table: frozen under its header, filtered, one row per area with its key
    header = int(summary.freeze_panes[1:]) - 1
    assert summary.auto_filter.ref == f"A{header}:I{header + 5}"
    keys = [summary.cell(header + n, 2).value for n in range(1, 6)]
    assert keys == ["general", "security", "decoration", "broadcast", "disinfection"]
    security = header + 2
    assert summary.cell(security, 1).value == SHEETS[lang][2]
    assert summary.cell(security, 4).value == 90  # its score, a number
    assert summary.cell(security, 1).fill.fgColor.rgb == OVERDUE  # the side gate is overdue
    assert summary.cell(header + 1, 1).fill.fgColor.rgb != OVERDUE


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_area_sheet_is_its_checklist_with_real_dates(
    workbooks: dict[str, Path], lang: str
) -> None:
    book = openpyxl.load_workbook(workbooks[lang])
    sheet = book[SHEETS[lang][1]]
    assert _row(sheet, 1) == CHECKLIST_HEADER[lang]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J20"  # the 19 items of the general area
    assert sheet["A2"].value == "committee.sub-committees"
    due = sheet["D2"]  # due = 2019-09-30 in the file: the day, as an Excel date
    assert due.is_date
    assert due.value == datetime(2019, 9, 30)
    assert due.number_format == {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}[lang]
    timed = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "service.rehearsal")
    assert timed[3].value == datetime(2020, 5, 14, 15, 0)  # 15:00 in the event's zone
    assert "hh:mm" in timed[3].number_format
    progress = next(r for r in book[SHEETS[lang][5]].iter_rows(min_row=2) if r[5].value)
    assert progress[5].value == 0.9
    assert progress[5].number_format == "0%"
    assert progress[4].value == {"vi": "đang thực hiện", "en": "in progress"}[lang]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_assignments_sheet_groups_open_work_by_owner_with_overdue_highlighted(
    workbooks: dict[str, Path], lang: str
) -> None:
    book = openpyxl.load_workbook(workbooks[lang])
    sheet = book[SHEETS[lang][-1]]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:G{sheet.max_row}"
    assert _row(sheet, 1)[0] == {"vi": "Người phụ trách", "en": "In charge"}[lang]
    rows = list(sheet.iter_rows(min_row=2))
    gate = next(r for r in rows if r[2].value == "side-gate")
    assert gate[0].value == "Công an phường Ngọc Thụy"
    assert gate[6].value == {"vi": "quá hạn 1 ngày", "en": "1 day overdue"}[lang]  # due 13 May
    posters = next(r for r in rows if r[2].value == "posters")  # due 8 May, as of 14 May
    assert posters[6].value == {"vi": "quá hạn 6 ngày", "en": "6 days overdue"}[lang]
    assert all(c.fill.fgColor.rgb == OVERDUE for c in gate)
    on_time = next(r for r in rows if r[2].value == "BCC-04")
    assert on_time[0].fill.fgColor.rgb != OVERDUE
    owners = [r[0].value for r in rows]
    # grouped: each owner's rows are together
    assert len(owners) == len(rows)
    assert [o for i, o in enumerate(owners) if i == 0 or owners[i - 1] != o] == list(
        dict.fromkeys(owners)
    )


def test_two_runs_give_the_same_bytes(workbooks: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / "again.xlsx"
    proc = _cli("check", NGOC_THUY, "--as-of", AS_OF, "--format", "xlsx", "--lang", "vi",
                "-o", again)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert again.read_bytes() == workbooks["vi"].read_bytes()
    props = openpyxl.load_workbook(again).properties
    assert props.created == props.modified == datetime(2020, 5, 14, 9, 0)  # the as-of, in UTC


def test_the_library_renders_bytes_with_the_kind_of_file() -> None:
    report = assess(load(NGOC_THUY), datetime(2020, 5, 14, 16, tzinfo=TZ))
    data = report.render("xlsx", "en")
    assert isinstance(data, bytes)
    assert data[:2] == b"PK"  # a zip, as every .xlsx is
    spec = venue_ready.default_plugin_manager().renderer("xlsx")
    assert spec is not None
    assert spec.binary
    assert spec.extension == "xlsx"
    assert spec.media_type == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_text_stays_text_in_excel(tmp_path: Path) -> None:
    # An owner or a title that starts with "=" is a string cell, never a formula Excel runs.
    event = Event(
        id="x", name="Đại hội thử", starts=datetime(2020, 5, 15, 7, 30, tzinfo=TZ),
        areas=[AreaPlan(key="general", items=[
            Item(id="a", title='=HYPERLINK("http://example.invalid/"&A1)', owner="=1+1"),
        ])],
    )  # fmt: skip
    path = tmp_path / "x.xlsx"
    data = assess(event, datetime(2020, 5, 1, tzinfo=TZ)).render("xlsx")
    assert isinstance(data, bytes)
    path.write_bytes(data)
    cell = openpyxl.load_workbook(path)["Công tác chung"]["B2"]
    assert cell.data_type == "s"
    assert cell.value.startswith("=HYPERLINK")
    [(_sheet, _key, items)] = read_checklist(str(path))
    assert items[0]["owner"] == "=1+1"


# -- import-checklist ---------------------------------------------------------------------------

FIELDS = ("id", "title", "owner", "due", "status", "progress", "phase", "gate", "weight")


def _items(event: Event) -> list[tuple[Any, ...]]:
    return [
        (area.key, *(getattr(item, f) for f in FIELDS))
        for area in event.areas
        for item in area.items
    ]


def _with_items(original: Path, fragment: str) -> Event:
    """The event file with every area's items replaced by those of ``fragment``."""
    data = tomllib.loads(original.read_text(encoding="utf-8"))
    imported = tomllib.loads(fragment)["areas"]
    for key, area in data["areas"].items():
        area["items"] = imported.get(key, {}).get("items", [])
    return venue_ready.from_dict(data)


def test_the_ngoc_thuy_checklist_survives_toml_xlsx_toml(
    workbooks: dict[str, Path], tmp_path: Path
) -> None:
    for lang in ("vi", "en"):
        out = tmp_path / f"items.{lang}.toml"
        proc = _cli("import-checklist", workbooks[lang], "-o", out, "--lang", lang)
        assert proc.returncode == 0, proc.stderr
        assert {"vi": "Đã chuyển 40 đầu việc của 5 mảng", "en": "Imported 40 items from"}[
            lang
        ] in proc.stderr.decode()
        again = _with_items(NGOC_THUY, out.read_text(encoding="utf-8"))
        assert _items(again) == _items(load(NGOC_THUY))


def test_import_prints_toml_and_never_overwrites_without_force(
    workbooks: dict[str, Path], tmp_path: Path
) -> None:
    printed = _cli("import-checklist", workbooks["vi"])
    assert printed.returncode == 0
    assert b'[[areas.security.items]]\nid = "security.plan"' in printed.stdout
    out = tmp_path / "items.toml"
    out.write_text("mine", encoding="utf-8")
    refused = _cli("import-checklist", workbooks["en"], "-o", out, "--lang", "en")
    assert refused.returncode == 2
    assert b"already exists" in refused.stderr
    assert b"--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    forced = _cli("import-checklist", workbooks["en"], "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes() == printed.stdout.replace(
        str(workbooks["vi"]).encode(), str(workbooks["en"]).encode()
    )


def _bad_workbook(path: Path) -> None:
    """A hand-made checklist sheet "An ninh": a title row, the header on row 2, and on row 7 a
    deadline that is no date; row 8 a status no one knows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "An ninh"
    sheet.append(["DANH SÁCH ĐẦU VIỆC"])
    sheet.append(["Mã đầu việc", "Nội dung công việc", "Người phụ trách", "Thời hạn",
                  "Trạng thái"])  # fmt: skip
    for n in range(3, 7):
        sheet.append(
            [f"an-ninh.{n}", f"Việc {n}", "Công an phường", date(2020, 5, n), "hoàn thành"]
        )
    sheet.append(["an-ninh.7", "Việc 7", "Công an phường", "sắp tới", "hoàn thành"])
    sheet.append(["an-ninh.8", "Việc 8", "Công an phường", "08/05/2020", "gần xong"])
    book.save(path)


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Sheet 'An ninh', cell D7: not a date (sắp tới)",
                "Sheet 'An ninh', cell E8: status 'gần xong' is not valid"]),
        ("vi", ["Trang tính 'An ninh', ô D7: không phải ngày tháng (sắp tới)",
                "Trang tính 'An ninh', ô E8: trạng thái 'gần xong' không hợp lệ"]),
    ],
)  # fmt: skip
def test_a_bad_sheet_is_exit_2_naming_the_sheet_and_the_cell(
    tmp_path: Path, lang: str, lines: list[str]
) -> None:
    path = tmp_path / "an-ninh.xlsx"
    _bad_workbook(path)
    out = tmp_path / "items.toml"
    proc = _cli("import-checklist", path, "--lang", lang, "-o", out)
    assert proc.returncode == 2
    stderr = proc.stderr.decode()
    for line in lines:
        assert line in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


def test_a_hand_made_sheet_is_read_with_its_header_under_a_title(tmp_path: Path) -> None:
    path = tmp_path / "an-ninh.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "An ninh"
    sheet.append(["DANH SÁCH ĐẦU VIỆC"])
    sheet.append(["Nội dung công việc", "Mã đầu việc", "Thời hạn", "Tiến độ", "Trạng thái",
                  "Điều kiện bắt buộc"])  # fmt: skip
    sheet.append(["Phương án bảo vệ", "an-ninh.plan", "08/05/2020", "70%", "đang thực hiện", "x"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["Tuần tra", "an-ninh.patrol", date(2020, 5, 15), None, None, None])
    book.save(path)
    found = read_checklist(str(path))
    assert found == [
        ("An ninh", "an-ninh", [
            {"id": "an-ninh.plan", "title": "Phương án bảo vệ", "due": date(2020, 5, 8),
             "status": "in_progress", "progress": 0.7, "gate": True},
            {"id": "an-ninh.patrol", "title": "Tuần tra", "due": date(2020, 5, 15),
             "status": "todo"},
        ]),
    ]  # fmt: skip
    assert items_toml(found).startswith('[[areas.an-ninh.items]]\nid = "an-ninh.plan"\n')


# -- round trip, over generated items -----------------------------------------------------------

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip() != "")
_STARTS = datetime(2020, 5, 15, 7, 30, tzinfo=TZ)


@st.composite
def _item(draw: st.DrawFn, n: int) -> Item:
    day = draw(st.integers(0, 60))
    minute = draw(st.one_of(st.none(), st.integers(0, 24 * 60 - 1)))
    due: datetime | None = None
    if draw(st.booleans()):
        base = datetime(2020, 3, 1, tzinfo=TZ) + timedelta(days=day)
        due = (
            base.replace(hour=23, minute=59, second=59, microsecond=999999)
            if minute is None
            else base + timedelta(minutes=minute)
        )
        due = min(due, _STARTS)
    status = draw(st.sampled_from([Status.TODO, Status.IN_PROGRESS, Status.DONE, Status.BLOCKED]))
    return Item(
        id=f"item-{n}",
        title=draw(_TEXT),
        owner=draw(st.one_of(st.none(), _TEXT)),
        due=due,
        status=status,
        progress=draw(st.one_of(st.none(), st.integers(0, 100).map(lambda p: p / 100))),
        gate=draw(st.booleans()),
        weight=draw(st.sampled_from([1.0, 0.0, 2.0, 0.5, 3.25])),
    )


@st.composite
def _areas(draw: st.DrawFn) -> list[AreaPlan]:
    count = draw(st.integers(1, 12))
    items = [draw(_item(n)) for n in range(count)]
    split = draw(st.integers(0, count))
    return [
        AreaPlan(key="general", items=items[:split]),
        AreaPlan(key="security", items=items[split:]),
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(areas=_areas(), lang=st.sampled_from(["vi", "en"]))
def test_every_generated_item_survives_the_round_trip(
    areas: list[AreaPlan], lang: str, tmp_path: Path
) -> None:
    event = Event(id="t", name="Đại hội thử", starts=_STARTS, areas=areas)
    data = assess(event, datetime(2020, 5, 1, tzinfo=TZ)).render("xlsx", lang)
    assert isinstance(data, bytes)
    path = tmp_path / "round.xlsx"
    path.write_bytes(data)
    fragment = items_toml(read_checklist(str(path), lang=lang))
    again = venue_ready.loads(event_header() + "\n" + fragment)
    original = [(a.key, *(getattr(i, f) for f in FIELDS)) for a in areas for i in a.items]
    assert _items(again) == original


# -- the office extra ---------------------------------------------------------------------------


def _without_openpyxl(tmp_path: Path) -> dict[str, str]:
    """A PYTHONPATH whose ``openpyxl`` fails to import, as a missing package does: a real
    ImportError at the real import, in a real process."""
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "openpyxl.py").write_text(
        "raise ImportError('No module named openpyxl (simulated)')\n", encoding="utf-8"
    )
    return {"PYTHONPATH": str(stub)}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_missing_office_extra_names_the_install_command(
    tmp_path: Path, workbooks: dict[str, Path], lang: str
) -> None:
    env = _without_openpyxl(tmp_path)
    out = tmp_path / "r.xlsx"
    check = _cli("check", NGOC_THUY, "--as-of", AS_OF, "--format", "xlsx", "--lang", lang,
                 "-o", out, env=env)  # fmt: skip
    assert check.returncode == 2
    stderr = check.stderr.decode()
    assert "pip install 'venue-ready[office]'" in stderr
    assert "openpyxl" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()
    imported = _cli("import-checklist", workbooks["vi"], "--lang", lang, env=env)
    assert imported.returncode == 2
    assert "pip install 'venue-ready[office]'" in imported.stderr.decode()
    assert imported.stdout == b""


def test_check_in_text_or_json_never_imports_the_office_libraries(run_cli: RunCli) -> None:
    heavy = ("openpyxl", "docx", "icalendar", "lxml")
    code = (
        "import sys\n"
        "from venue_ready.cli import main\n"
        "for fmt in ('text', 'json'):\n"
        f"    main(['check', {str(NGOC_THUY)!r}, '--as-of', {AS_OF!r}, '--format', fmt,"
        " '-o', '/dev/null'])\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
        check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
