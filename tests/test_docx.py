"""``--format docx`` (#14): the readiness report as an official document, opened with python-docx.

The Party's layout (Hướng dẫn 36-HD/VPTW) for the Ngọc Thụy congress, the State's (Nghị định
30/2020/NĐ-CP, Phụ lục I) for the 2021 election: the header's cells, the fonts and sizes, the
margins, the title in bold capitals, the body by area, "Nơi nhận" and the signature block; the
same bytes on every run; a missing python-docx is a usage error naming the extra to install.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.shared import Mm, Pt

from venue_ready import Report, assess, load
from venue_ready._dates import parse_instant
from venue_ready._render.docx import FONT, PARTY, STATE, heading

from .conftest import ROOT, RunCli

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
NGOC_THUY_AS_OF = "2020-05-14T16:00+07:00"
ELECTION = ROOT / "examples" / "election-2021" / "election.toml"
ELECTION_AS_OF = "2021-05-22T18:00+07:00"
MTTQ = ROOT / "examples" / "mttq-congress-2024" / "congress.toml"
MTTQ_AS_OF = "2024-06-19T16:00+07:00"


def _report(path: Path, as_of: str) -> Report:
    event = load(path)
    return assess(event, as_of=parse_instant(as_of, event.tz))


def _open(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def _cell_lines(document: Document, table: int, column: int) -> list[str]:
    cell = document.tables[table].rows[0].cells[column]
    return [p.text for p in cell.paragraphs if p.text]


def _runs(document: Document, text: str) -> list[docx.text.run.Run]:
    """Every run whose text is ``text``, in the body and in the tables."""
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    return [run for p in paragraphs for run in p.runs if run.text == text]


def _one_run(document: Document, text: str) -> docx.text.run.Run:
    found = _runs(document, text)
    assert found, f"no run reads {text!r}"
    return found[0]


def _margins_mm(document: Document) -> tuple[int, int, int, int]:
    section = document.sections[0]
    margins = (
        section.top_margin,
        section.bottom_margin,
        section.left_margin,
        section.right_margin,
    )
    assert all(m is not None for m in margins)
    return tuple(round(m / Mm(1)) for m in margins if m is not None)  # type: ignore[return-value]


def test_party_layout_of_the_ngoc_thuy_congress() -> None:
    report = _report(NGOC_THUY, NGOC_THUY_AS_OF)
    document = _open(report.render("docx", "vi"))

    # the header: the issuing committee under the district's Party organisation, with its
    # number, at the left; the Party's title and the place and date at the right
    assert _cell_lines(document, 0, 0) == [
        "ĐẢNG BỘ QUẬN LONG BIÊN",
        "ĐẢNG ỦY PHƯỜNG NGỌC THỤY",
        "*",
        "Số\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/ĐU",
    ]
    assert _cell_lines(document, 0, 1) == [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Ngọc Thụy, ngày 14 tháng 5 năm 2020",
    ]
    # 36-HD's sizes and faces: the title 15 bold, the level above 14 upright, the issuer 14
    # bold, the place and date 14 italic
    title = _one_run(document, "ĐẢNG CỘNG SẢN VIỆT NAM")
    assert (title.bold, title.font.size, title.font.name) == (True, Pt(15), FONT)
    above = _one_run(document, "ĐẢNG BỘ QUẬN LONG BIÊN")
    assert (bool(above.bold), above.font.size) == (False, Pt(14))
    issuer = _one_run(document, "ĐẢNG ỦY PHƯỜNG NGỌC THỤY")
    assert (issuer.bold, issuer.font.size) == (True, Pt(14))
    date_line = _one_run(document, "Ngọc Thụy, ngày 14 tháng 5 năm 2020")
    assert (date_line.italic, date_line.font.size) == (True, Pt(14))

    # the title in bold capitals, and what the report is about
    name = _one_run(document, "BÁO CÁO")
    assert name.bold
    assert name.text.isupper()
    assert name.font.size == Pt(16)
    summary = _one_run(document, f"tình hình chuẩn bị {report.event.name}")
    assert summary.bold

    # the page: A4, 36-HD's margins, Times New Roman for the text and every script
    section = document.sections[0]
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert _margins_mm(document) == PARTY.margins_mm == (25, 25, 35, 15)
    normal = document.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") for slot in ("eastAsia", "cs")} == {FONT}

    # the body: every area with its score and status, every open item with its owner
    body = "\n".join(p.text for p in document.paragraphs)
    for area in report.areas:
        assert f"{area.title('vi')}: " in body
    assert "1. Công tác chung: 98,7/100, đúng tiến độ." in body
    assert "2. An ninh, trật tự: 90/100, còn điều kiện bắt buộc chưa đạt." in body
    assert "Cổng phụ: chưa bố trí chốt gác" in body
    assert "phụ trách: Công an phường Ngọc Thụy" in body
    assert "III. NHỮNG VIỆC CẦN TẬP TRUNG CHỈ ĐẠO" in body
    assert "Mức độ sẵn sàng chung: 92,9/100" in body
    # the areas' table: a header row and one row an area
    areas = document.tables[1]
    assert [c.text for c in areas.rows[0].cells] == ["Mảng", "Điểm", "Trạng thái", "Đã đánh giá"]
    assert [r.cells[0].text for r in areas.rows[1:]] == [a.title("vi") for a in report.areas]

    # "Nơi nhận" at the bottom left, underlined; the signature block at the bottom right
    recipients = _cell_lines(document, 2, 0)
    assert recipients[0] == "Nơi nhận:"
    assert _one_run(document, "Nơi nhận:").underline
    assert recipients[1] == "- Ban Thường vụ Quận ủy Long Biên,"
    assert recipients[-1] == "- Lưu Văn phòng Đảng ủy."
    assert _cell_lines(document, 2, 1) == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
    assert _one_run(document, "T/M ĐẢNG ỦY").bold


def test_english_document_keeps_the_layout() -> None:
    report = _report(NGOC_THUY, NGOC_THUY_AS_OF)
    document = _open(report.render("docx", "en"))
    assert _cell_lines(document, 0, 0)[:3] == [
        "LONG BIÊN DISTRICT PARTY ORGANISATION",
        "NGỌC THỤY WARD PARTY COMMITTEE",
        "*",
    ]
    assert _cell_lines(document, 0, 1) == [
        "COMMUNIST PARTY OF VIETNAM",
        "Ngọc Thụy, 14 May 2020",
    ]
    assert _one_run(document, "REPORT").bold
    body = "\n".join(p.text for p in document.paragraphs)
    assert "1. General preparations: 98.7/100, on track." in body
    assert "(in charge: Công an phường Ngọc Thụy; due: 13 May 2020; overdue by 1 day)" in body
    assert "III. WHAT NEEDS ATTENTION" in body
    assert _cell_lines(document, 2, 0)[:2] == [
        "Recipients:",
        "- Standing committee of the Long Biên District Party Committee,",
    ]
    assert _cell_lines(document, 2, 1) == ["ON BEHALF OF THE PARTY COMMITTEE", "SECRETARY"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_state_layout_of_the_2021_election(lang: str) -> None:
    report = _report(ELECTION, ELECTION_AS_OF)
    assert report.event.organiser == "state"
    document = _open(report.render("docx", lang))
    left, right = _cell_lines(document, 0, 0), _cell_lines(document, 0, 1)
    if lang == "vi":
        assert left == ["ỦY BAN NHÂN DÂN", "PHƯỜNG NGỌC THỤY", "Số:" + "\u00a0" * 8 + "/BC-UBND"]
        assert right == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Ngọc Thụy, ngày 22 tháng 5 năm 2021",
        ]
        national, motto = right[:2]
        # Decree 30: "bầu cử …" inside the summary, not "Bầu cử …"
        assert _one_run(document, "tình hình chuẩn bị bầu cử " + report.event.name[7:]).bold
        assert _cell_lines(document, 2, 1) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        assert _cell_lines(document, 2, 0)[-1] == "- Lưu: VT."
    else:
        assert right[:2] == ["SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness"]
        national, motto = right[:2]
    # Decree 30, Phụ lục I: the national name 12-13 bold in capitals, the motto 13-14 bold
    assert _one_run(document, national).bold
    assert _one_run(document, national).font.size == Pt(13)
    assert _one_run(document, motto).bold
    assert _one_run(document, motto).font.size == Pt(14)
    assert _one_run(document, motto).italic is not True
    top, bottom, left_mm, right_mm = _margins_mm(document)
    assert (top, bottom, left_mm, right_mm) == STATE.margins_mm
    assert 20 <= top <= 25
    assert 20 <= bottom <= 25
    assert 30 <= left_mm <= 35
    assert 15 <= right_mm <= 20
    # the recipients' label: bold italic (Decree 30), not underlined
    label = _one_run(document, "Nơi nhận:" if lang == "vi" else "Recipients:")
    assert (label.bold, label.italic, bool(label.underline)) == (True, True, False)


def test_an_organisation_follows_the_state_layout_under_its_organising_committee() -> None:
    report = _report(MTTQ, MTTQ_AS_OF)
    assert report.event.organiser == "organisation"
    head = heading(report, "vi")
    assert head.national == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert head.above == "MẶT TRẬN TỔ QUỐC VIỆT NAM PHƯỜNG NGỌC THỤY"
    assert head.issuer == ("BAN TỔ CHỨC",)
    assert head.on_behalf == "TM. BAN TỔ CHỨC"


def test_the_date_line_writes_the_zero_of_a_short_day_and_of_january_and_february() -> None:
    report = _report(NGOC_THUY, "2020-02-05T09:00+07:00")
    assert heading(report, "vi").place_date == "Ngọc Thụy, ngày 05 tháng 02 năm 2020"
    assert heading(report, "en").place_date == "Ngọc Thụy, 5 February 2020"


def test_same_report_same_bytes_with_the_dates_of_the_report(
    run_cli: RunCli, tmp_path: Path
) -> None:
    outputs = []
    for name in ("first.docx", "second.docx"):
        out = tmp_path / name
        done = run_cli(
            "check", NGOC_THUY, "--as-of", NGOC_THUY_AS_OF, "--format", "docx", "-o", out
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0][:2] == b"PK"
    props = _open(outputs[0]).core_properties
    assert props.created is not None
    assert props.modified is not None
    # 16:00 in Hà Nội is 09:00 UTC, written as UTC
    assert props.created.isoformat().startswith("2020-05-14T09:00:00")
    assert props.modified == props.created
    assert props.title == "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025"
    # and no member of the package carries the clock's time
    with zipfile.ZipFile(io.BytesIO(outputs[0])) as package:
        assert {info.date_time for info in package.infolist()} == {(2020, 5, 14, 9, 0, 0)}


def test_docx_renderer_is_a_binary_builtin_with_its_media_type() -> None:
    from venue_ready import default_plugin_manager

    renderer = default_plugin_manager().renderer("docx")
    assert renderer is not None
    assert (renderer.binary, renderer.extension) == (True, "docx")
    assert renderer.media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def test_missing_python_docx_is_a_usage_error_naming_the_extra(tmp_path: Path) -> None:
    # python-docx made unimportable the way Python itself allows (None in sys.modules), in a
    # real process running the real CLI
    script = (
        "import sys; sys.modules['docx'] = None\n"
        "from venue_ready.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    for lang, words in (
        ("vi", "--format docx cần thư viện python-docx"),
        ("en", "--format docx needs python-docx"),
    ):
        out = tmp_path / f"report-{lang}.docx"
        done = subprocess.run(
            [sys.executable, "-c", script, "check", str(NGOC_THUY), "--as-of", NGOC_THUY_AS_OF,
             "--format", "docx", "--lang", lang, "-o", str(out)],
            capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert words in done.stderr
        assert "pip install 'venue-ready[office]'" in done.stderr
        assert "Traceback" not in done.stderr
        assert not out.exists()
