"""``--format docx``: the readiness report as an official document (Word, python-docx).

The layout follows whose protocol the event follows (``event.organiser``):

- ``party``: the Party's rules for its documents (Hướng dẫn 36-HD/VPTW, 03/4/2018, Văn phòng
  Trung ương Đảng): the issuing committee at the top left, under the Party organisation above
  it, with a star and the number "Số …-BC/ĐU"; "ĐẢNG CỘNG SẢN VIỆT NAM" at the top right with
  a rule under it and the place-and-date line in italics; the title BÁO CÁO and what it is
  about; the body; "Nơi nhận" at the bottom left and "T/M ĐẢNG ỦY" at the bottom right.
- ``state`` (and ``organisation``, which has no rules of its own here): the State's layout
  (Nghị định 30/2020/NĐ-CP, Phụ lục I): "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do -
  Hạnh phúc" at the top right, the issuing body and "Số: …/BC-…" at the top left.

Sizes, faces and margins are those docs/report-formats.md cites, with what could not be
verified said there. The issuing body, its place name and the level above it are read from
the event's name and its venue's address ("phường Ngọc Thụy, quận Long Biên, Hà Nội"); the
number and the signer's name are left blank, for the office to fill in, as it does by hand.

The document is the same bytes for the same report: its dates (core properties) are the
report's moment of assessment, and nothing in it comes from the clock. python-docx is an
optional dependency (the extra ``office``), imported only here.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from attrs import frozen

from .._errors import import_extra
from .._i18n import format_datetime, format_score
from .._i18n import gettext as _
from . import phrases
from .inert import xml_safe

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.shared import Length
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

    from .._model import Finding
    from .._report import Report

__all__ = ["LAYOUTS", "Heading", "Layout", "heading", "layout_for", "render_docx"]

FONT = "Times New Roman"

#: From this day local government has two levels (the domain notes): a ward's Party committee
#: answers to the city's or the province's, not to a district's.
TWO_LEVELS = date(2025, 7, 1)


@frozen
class Layout:
    """One set of rules for an official document: its page margins (mm) and type sizes (pt)."""

    name: str
    margins_mm: tuple[int, int, int, int]  # top, bottom, left, right
    #: the header on the right: "ĐẢNG CỘNG SẢN VIỆT NAM", or the State's name and motto
    national: int
    motto: int
    body_above: int  # the body above the issuer (upright, upper case)
    issuer: int  # the issuer (bold, upper case)
    number: int
    place_date: int
    title: int
    summary: int
    body: int
    recipients_label: int
    recipients: int
    signer: int

    @property
    def text_mm(self) -> float:
        """The width of the text on an A4 page between the left and right margins."""
        return 210 - self.margins_mm[2] - self.margins_mm[3]


#: The two layouts side by side, a row a rule: (the Party's, the State's). The Party's: Hướng
#: dẫn 36-HD/VPTW, Phụ lục 3 (sizes); margins of a Party committee's handbook (see
#: docs/report-formats.md: within the State's ranges, not read in 36-HD's own text). The
#: State's: Nghị định 30/2020/NĐ-CP, Phụ lục I: margins 20-25 / 20-25 / 30-35 / 15-20 mm,
#: national name 12-13 bold upper case, motto 13-14 bold; the rest as docs/report-formats.md
#: says.
_RULES: dict[str, tuple[Any, Any]] = {
    "margins_mm": ((25, 25, 35, 15), (20, 20, 30, 15)),
    "national": (15, 13),
    "motto": (0, 14),  # the Party's header has no motto
    "body_above": (14, 13),
    "issuer": (14, 13),
    "number": (14, 13),
    "place_date": (14, 14),
    "title": (16, 14),
    "summary": (14, 14),
    "body": (14, 14),
    "recipients_label": (14, 12),
    "recipients": (12, 11),
    "signer": (14, 14),
}
PARTY, STATE = (
    Layout(name=name, **{rule: sizes[column] for rule, sizes in _RULES.items()})
    for column, name in enumerate(("party", "state"))
)

LAYOUTS = {"party": PARTY, "state": STATE}


def layout_for(organiser: str | None) -> Layout:
    """The Party's layout for a Party event; the State's for any other (an organisation's
    event follows the State's, the usual practice of mass organisations: see the docs)."""
    return PARTY if organiser == "party" else STATE


# -- the header: who issues the document, where ---------------------------------------------------

_UNITS = ("thị trấn", "thị xã", "thành phố", "phường", "xã", "quận", "huyện", "tỉnh")
_UNIT = re.compile(
    r"\b(" + "|".join(_UNITS) + r")\s+(.+?)(?=\s+lần thứ|\s+nhiệm kỳ|\s+tại|,|$)", re.IGNORECASE
)
_DISTRICT_UNITS = ("quận", "huyện", "thị xã", "thành phố")
#: Where the office writes the document's number by hand: non-breaking spaces, which no
#: program collapses into one.
_BLANK = "\u00a0" * 8


@frozen
class Heading:
    """The header's and the signature's words, in the document's language."""

    above: str  # the body above the issuer ("ĐẢNG BỘ QUẬN LONG BIÊN"), or ""
    issuer: tuple[str, ...]  # the issuer's lines ("ĐẢNG ỦY PHƯỜNG NGỌC THỤY")
    number: str  # "Số    -BC/ĐU"
    national: str
    motto: str
    place_date: str
    on_behalf: str  # "T/M ĐẢNG ỦY"
    position: str  # "BÍ THƯ"
    recipients_label: str
    recipients: tuple[str, ...]


def _unit(text: str) -> tuple[str, str] | None:
    """The first administrative unit named in ``text``: ("phường", "Ngọc Thụy")."""
    found = _UNIT.search(text)
    if found is None:
        return None
    return found.group(1).lower(), found.group(2).strip()


def _units(report: Report) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """The event's own unit (from its name, else its venue's address) and the district-level
    unit above it (the address's next part), each (kind, name) or None."""
    ev = report.event
    address = ev.venue.address if ev.venue is not None and ev.venue.address else ""
    own = _unit(ev.name) or _unit(address)
    above = None
    parts = [p.strip() for p in address.split(",")]
    if own is not None and own[0] not in _DISTRICT_UNITS:
        seen = False
        for part in parts:
            unit = _unit(part)
            if unit is None:
                continue
            if unit[1].casefold() == own[1].casefold():
                seen = True
            elif seen and unit[0] in _DISTRICT_UNITS:
                above = unit
                break
    return own, above


def _upper(text: str) -> str:
    return text.upper()


#: Each unit's kind in English, for the English document's header ("Ngọc Thụy Ward").
_UNITS_EN = {
    "phường": "ward",
    "xã": "commune",
    "thị trấn": "township",
    "quận": "district",
    "huyện": "district",
    "thị xã": "town",
    "thành phố": "city",
    "tỉnh": "province",
}


def _unit_en(unit: tuple[str, str]) -> str:
    """A unit as English writes it, its name kept: "Ngọc Thụy Ward", "Long Biên District"."""
    return f"{unit[1]} {_UNITS_EN.get(unit[0], unit[0]).capitalize()}"


def _official_day(day: date, lang: str) -> str:
    """The date of a document: the project's form (``ngày 14 tháng 5 năm 2020``), with the
    zero the rules write before a day under 10 and before months 1 and 2 (``ngày 03 tháng 02``)."""
    text = format_datetime(day, lang)
    if lang != "vi":
        return text
    text = re.sub(r"^ngày (\d)\b", r"ngày 0\1", text)
    return re.sub(r"tháng ([12]) ", r"tháng 0\1 ", text)


def heading(report: Report, lang: str) -> Heading:
    """The header and signature words of ``report``'s document in ``lang``."""
    ev = report.event
    layout = layout_for(ev.organiser)
    own, above = _units(report)
    day = report.as_of.astimezone(ev.tz).date()
    place = own[1] if own is not None else ""
    when = _official_day(day, lang)
    place_date = f"{place}, {when}" if place else (when[0].upper() + when[1:])
    two_levels = day >= TWO_LEVELS
    if above is not None and two_levels:
        above = None  # no district any more: the level above is the city's, not read here
    vi = lang == "vi"
    if layout is PARTY:
        kind, name = own if own is not None else ("", "")
        where = _unit_en(own) if own is not None else ""
        if kind in ("quận", "huyện"):
            issuer = f"{kind} ủy {name}" if vi else f"{where} Party Committee"
            symbol = "QU" if kind == "quận" else "HU"
        else:
            issuer = f"Đảng ủy {kind} {name}".strip() if vi else f"{where} Party Committee"
            symbol = "ĐU"
        top = ""
        if above is not None:
            top = (
                f"Đảng bộ {above[0]} {above[1]}" if vi else f"{_unit_en(above)} Party Organisation"
            )
        recipients = _party_recipients(above, vi)
        return Heading(
            above=_upper(top),
            issuer=(_upper(issuer), "*"),
            number=f"Số{_BLANK}-BC/{symbol}" if vi else f"No.{_BLANK}-BC/{symbol}",
            national="ĐẢNG CỘNG SẢN VIỆT NAM" if vi else "COMMUNIST PARTY OF VIETNAM",
            motto="",
            place_date=place_date,
            on_behalf="T/M ĐẢNG ỦY" if vi else "ON BEHALF OF THE PARTY COMMITTEE",
            position="BÍ THƯ" if vi else "SECRETARY",
            recipients_label="Nơi nhận:" if vi else "Recipients:",
            recipients=recipients,
        )
    unit_line = ""
    if own is not None:
        unit_line = _upper(f"{own[0]} {own[1]}" if vi else _unit_en(own))
    if ev.organiser == "state":
        issuer_lines: tuple[str, ...] = (
            ("ỦY BAN NHÂN DÂN", unit_line) if vi else ("PEOPLE'S COMMITTEE", unit_line)
        )
        symbol = "BC-UBND"
        on_behalf = "TM. ỦY BAN NHÂN DÂN" if vi else "ON BEHALF OF THE PEOPLE'S COMMITTEE"
        position = "CHỦ TỊCH" if vi else "CHAIRPERSON"
        top = ""
    else:  # an organisation's: its organising committee, under the organisation
        organisation = _organisation(ev.name)
        top = _upper(organisation) if organisation else unit_line
        issuer_lines = ("BAN TỔ CHỨC",) if vi else ("ORGANISING COMMITTEE",)
        symbol = "BC-BTC"
        on_behalf = "TM. BAN TỔ CHỨC" if vi else "ON BEHALF OF THE ORGANISING COMMITTEE"
        position = "TRƯỞNG BAN" if vi else "HEAD"
    recipients = _state_recipients(own, above, vi)
    return Heading(
        above=top,
        issuer=tuple(line for line in issuer_lines if line),
        number=f"Số:{_BLANK}/{symbol}" if vi else f"No.:{_BLANK}/{symbol}",
        national="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if vi else "SOCIALIST REPUBLIC OF VIETNAM",
        motto="Độc lập - Tự do - Hạnh phúc" if vi else "Independence - Freedom - Happiness",
        place_date=place_date,
        on_behalf=on_behalf,
        position=position,
        recipients_label="Nơi nhận:" if vi else "Recipients:",
        recipients=recipients,
    )


def _organisation(name: str) -> str:
    """The organisation a congress belongs to, from the event's name: "Mặt trận Tổ quốc Việt
    Nam phường Ngọc Thụy" from "Đại hội đại biểu Mặt trận … phường Ngọc Thụy lần thứ XIII, …"."""
    text = re.sub(r"^(đại hội|hội nghị)(\s+(đại biểu|toàn thể))?\s+", "", name, flags=re.I)
    return re.split(r"\s+lần thứ|,", text, maxsplit=1)[0].strip()


def _party_recipients(above: tuple[str, str] | None, vi: bool) -> tuple[str, ...]:
    """36-HD's style: one recipient a line after a dash, a comma after each, a full stop after
    the last ("- Lưu Văn phòng Đảng ủy.")."""
    if vi:
        superior = (
            f"Ban Thường vụ {above[0].capitalize()} ủy {above[1]}"
            if above is not None and above[0] in ("quận", "huyện")
            else "Ban Thường vụ cấp ủy cấp trên trực tiếp"
        )
        return (
            f"- {superior},",
            "- Tổ chỉ đạo đại hội của cấp ủy cấp trên,",
            "- Các đồng chí Đảng ủy viên,",
            "- Lưu Văn phòng Đảng ủy.",
        )
    superior = (
        f"Standing committee of the {_unit_en(above)} Party Committee"
        if above is not None
        else "Standing committee of the Party committee directly above"
    )
    return (
        f"- {superior},",
        "- The congress steering group of the Party committee above,",
        "- Members of the Party committee,",
        "- Filed: Party committee's office.",
    )


def _state_recipients(
    own: tuple[str, str] | None, above: tuple[str, str] | None, vi: bool
) -> tuple[str, ...]:
    """Decree 30's style: a semicolon after each recipient, "- Lưu: VT." last."""
    ward = f"{own[0]} {own[1]}" if own is not None else ""
    if vi:
        first = f"- UBND {above[0]} {above[1]};" if above is not None else "- Cấp trên trực tiếp;"
        standing = f"- Thường trực Đảng ủy {ward};" if ward else "- Thường trực Đảng ủy;"
        return (first, standing, "- Lưu: VT.")
    first = (
        f"- {_unit_en(above)} People's Committee;"
        if above is not None
        else "- The level directly above;"
    )
    party = f"{_unit_en(own)} Party Committee" if own is not None else "the Party committee"
    return (first, f"- Standing members of the {party};", "- Filed: office.")


# -- the body's words ---------------------------------------------------------------------------

_WORDS = {
    "vi": {
        "title": "BÁO CÁO",
        "summary": "tình hình chuẩn bị {event}",
        "intro": "Tính đến {moment}, tình hình chuẩn bị {event} như sau:",
        "overall": "I. ĐÁNH GIÁ CHUNG",
        "counts": (
            "Điều kiện bắt buộc chưa đạt: {blockers}; đầu việc quá hạn: {overdue}; "
            "đầu việc chưa hoàn thành: {open}."
        ),
        "areas": "II. TÌNH HÌNH CHUẨN BỊ TỪNG MẢNG CÔNG VIỆC",
        "area-line": "{number}. {area}: {score}/100, {status}.",
        "area-done": "Các đầu việc của mảng đã hoàn thành.",
        "focus": "III. NHỮNG VIỆC CẦN TẬP TRUNG CHỈ ĐẠO",
        "focus-none": "Không có điều kiện bắt buộc chưa đạt hay đầu việc quá hạn.",
        "blocking": "điều kiện bắt buộc",
        "overdue": "quá hạn",
        "closing": "Trên đây là báo cáo tình hình chuẩn bị {event}.",
    },
    "en": {
        "title": "REPORT",
        "summary": "on the preparations for {event}",
        "intro": "As of {moment}, the preparations for {event} stand as follows:",
        "overall": "I. OVERALL ASSESSMENT",
        "counts": (
            "Critical conditions unmet: {blockers}; overdue items: {overdue}; "
            "items not yet done: {open}."
        ),
        "areas": "II. PREPARATIONS AREA BY AREA",
        "area-line": "{number}. {area}: {score}/100, {status}.",
        "area-done": "Every item of this area is done.",
        "focus": "III. WHAT NEEDS ATTENTION",
        "focus-none": "No critical condition unmet and no item overdue.",
        "blocking": "critical condition",
        "overdue": "overdue",
        "closing": "This concludes the report on the preparations for {event}.",
    },
}


def _in_sentence(name: str, lang: str) -> str:
    """The event's name inside a sentence: a congress's name keeps its capital (a proper
    name, "Đại hội Đảng bộ phường …"); "Bầu cử đại biểu …" becomes "bầu cử đại biểu …"."""
    if lang == "vi" and not name.lower().startswith(("đại hội", "hội nghị", "kỳ họp")):
        return name[:1].lower() + name[1:]
    return name


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# -- drawing ------------------------------------------------------------------------------------


def render_docx(report: Report, lang: str) -> bytes:
    """The whole report as a Word document (.docx bytes), laid out by the event's organiser's
    rules; the same bytes for the same report. Needs python-docx (the extra ``office``)."""
    import_extra("docx", feature="--format docx", package="python-docx")
    from docx import Document

    layout = layout_for(report.event.organiser)
    head = heading(report, lang)
    doc = Document()
    _page(doc, layout)
    _header(doc, layout, head)
    _title(doc, layout, report, lang)
    _body(doc, layout, report, lang)
    _signature(doc, layout, head)
    _properties(doc, report, lang)
    out = io.BytesIO()
    doc.save(out)
    return _stable_zip(out.getvalue(), report)


def _page(doc: DocxDocument, layout: Layout) -> None:
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # A4
    top, bottom, left, right = layout.margins_mm
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    normal = doc.styles["Normal"]
    font = normal.font
    font.name = FONT
    font.size = Pt(layout.body)
    _east_asian_font(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0


def _east_asian_font(element: object) -> None:
    """Times New Roman for every script (Word picks the East Asian slot for some Vietnamese
    characters when only the Latin one is set)."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _run(
    paragraph: Paragraph,
    text: str,
    size: int,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> None:
    from docx.shared import Pt

    run = paragraph.add_run(xml_safe(text))  # lxml refuses what XML cannot hold: shown instead
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    _east_asian_font(run._r)


def _centered(cell: _Cell | DocxDocument, first: bool = False) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _rule(cell: _Cell | DocxDocument, width_mm: float, cell_mm: float) -> None:
    """A solid line ``width_mm`` long, centred in the cell: the line under the Party's title
    or the State's motto, as long as that line of text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paragraph = cell.add_paragraph()
    indent = max((cell_mm - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(indent)
    paragraph.paragraph_format.right_indent = Mm(indent)
    paragraph.paragraph_format.space_after = Pt(6)
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)
    _run(paragraph, "", 4)


def _text_mm(text: str, size: int, bold: bool) -> float:
    """About how long ``text`` is in Times New Roman at ``size`` pt: for a rule as long as it."""
    # ems per character, measured on LibreOffice's rendering (Liberation Serif, the same
    # metrics): upper case is wider than mixed text
    per_char = 0.45 if bold else 0.42
    if text.isupper():
        per_char = 0.64 if bold else 0.6
    return len(text) * size * per_char * 25.4 / 72


def _widths(table: Table, widths: list[Length]) -> None:
    """Column widths, in the grid (LibreOffice reads it) and in every cell (Word does)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _borderless(table: Table, indent_mm: float = 0) -> None:
    """No borders and no cell padding (the header's blocks use the whole width), the table
    moved ``indent_mm`` to the left of the text (negative: into the left margin)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(int(Mm(indent_mm).twips)))
    indent.set(qn("w:type"), "dxa")
    tbl_pr.append(indent)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _header(doc: DocxDocument, layout: Layout, head: Heading) -> None:
    from docx.shared import Mm

    # Each block needs about 86 mm at 14-15 pt ("ĐẢNG ỦY PHƯỜNG NGỌC THỤY", the date line) and
    # the State's name about 100 mm at 13 pt: a little more than the text's width, so the
    # header reaches a few millimetres into the margins, as offices' templates do.
    left_mm, right_mm = (86.0, 86.0) if layout is PARTY else (70.0, 102.0)
    overhang = left_mm + right_mm - layout.text_mm
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _borderless(table, -overhang / 2)
    cells = table.rows[0].cells
    _widths(table, [Mm(left_mm), Mm(right_mm)])

    # left: the body above, the issuer, the number
    lines = _centered(cells[0], first=True)
    if head.above:
        _run(lines, head.above, layout.body_above)
        lines = _centered(cells[0])
    for index, line in enumerate(head.issuer):
        if index:
            lines = _centered(cells[0])
        star = line == "*"
        _run(lines, line, layout.issuer, bold=not star)
    if layout is STATE and head.issuer:
        _rule(cells[0], min(_text_mm(head.issuer[-1], layout.issuer, True), left_mm) / 2, left_mm)
    number = _centered(cells[0])
    _run(number, head.number, layout.number)

    # right: the Party's title, or the State's name and motto, then the place and date
    national = _centered(cells[1], first=True)
    _run(national, head.national, layout.national, bold=True)
    last, size = head.national, layout.national
    if head.motto:
        motto = _centered(cells[1])
        _run(motto, head.motto, layout.motto, bold=True)
        last, size = head.motto, layout.motto
    _rule(cells[1], min(_text_mm(last, size, True), right_mm), right_mm)
    place = _centered(cells[1])
    _run(place, head.place_date, layout.place_date, italic=True)


def _title(doc: DocxDocument, layout: Layout, report: Report, lang: str) -> None:
    from docx.shared import Pt

    words = _WORDS[lang]
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_after = Pt(6)
    title = _centered(doc)
    _run(title, words["title"], layout.title, bold=True)
    summary = _centered(doc)
    event = _in_sentence(report.event.name, lang)
    _run(summary, words["summary"].format(event=event), layout.summary, bold=True)
    if layout is PARTY:  # 36-HD: five dashes under the summary
        dashes = _centered(doc)
        _run(dashes, "-----", layout.summary)
    else:  # Decree 30: a solid line, a third to a half of the summary's line
        _rule(doc, 40, layout.text_mm)
    doc.add_paragraph().paragraph_format.space_after = Pt(6)


def _paragraph(
    doc: DocxDocument, layout: Layout, text: str, *, bold: bool = False, indent: bool = True
) -> Paragraph:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10) if indent else None
    paragraph.paragraph_format.space_after = Pt(6)
    _run(paragraph, text, layout.body, bold=bold)
    return paragraph


def _finding_text(report: Report, finding: Finding, lang: str) -> str:
    what = report.translate(finding.message, lang)
    details = "; ".join(phrases.finding_details(report, finding, lang))
    phase = (
        ""
        if finding.phase.value == "before"
        else f" [{phrases.phase(report, finding.phase.value, lang)}]"
    )
    return f"- {what}{phase} ({details})."


def _body(doc: DocxDocument, layout: Layout, report: Report, lang: str) -> None:
    words = _WORDS[lang]
    event = _in_sentence(report.event.name, lang)
    moment = report.moment_text(report.as_of, lang)
    _paragraph(doc, layout, words["intro"].format(moment=moment, event=event))
    for fact in phrases.facts(report, lang)[:-1]:  # the moment is said above
        _paragraph(doc, layout, f"- {fact}.")

    _paragraph(doc, layout, words["overall"], bold=True, indent=False)
    _paragraph(doc, layout, phrases.overall(report, lang) + ".")
    open_items = report.findings(met=False)
    counts = words["counts"].format(
        blockers=len(report.blockers), overdue=len(report.overdue), open=len(open_items)
    )
    _paragraph(doc, layout, counts)

    _paragraph(doc, layout, words["areas"], bold=True, indent=False)
    _areas_table(doc, layout, report, lang)
    for number, area in enumerate(report.areas, start=1):
        line = words["area-line"].format(
            number=number,
            area=area.title(lang),
            score=format_score(area.score, lang),
            status=_lower_first(phrases.area_status(report, area, lang)),
        )
        _paragraph(doc, layout, line, bold=True)
        notes = [phrases.coverage(area, lang), *phrases.area_notes(report, area, lang)]
        _paragraph(doc, layout, "; ".join(notes)[:1].upper() + "; ".join(notes)[1:] + ".")
        for error in area.errors:
            _paragraph(doc, layout, "- " + report.translate(error, lang) + ".")
        todo = [f for f in area.findings if not f.met]
        if not todo:
            _paragraph(doc, layout, words["area-done"])
        for finding in todo:
            _paragraph(doc, layout, _finding_text(report, finding, lang))

    _paragraph(doc, layout, words["focus"], bold=True, indent=False)
    blockers, overdue = report.blockers, report.overdue
    focus: list[Finding] = []
    for finding in [*blockers, *overdue]:
        if finding not in focus:
            focus.append(finding)
    if not focus:
        _paragraph(doc, layout, words["focus-none"])
    titles = phrases.area_titles(report, lang)
    for owner, found in report.by_owner(focus, lang=lang).items():
        who = owner or _("report.no-owner", lang)
        _paragraph(doc, layout, f"{who}:", bold=True)
        for finding in found:
            marks = []
            if finding in blockers:
                marks.append(words["blocking"])
            if finding in overdue:
                marks.append(words["overdue"])
            what = report.translate(finding.message, lang)
            due = phrases.due_date(report, finding, lang)
            where = titles.get(finding.area, finding.area)
            _paragraph(doc, layout, f"- {where}: {what} ({', '.join(marks)}; {due}).")
    if report.failures:
        for failure in report.failures:
            _paragraph(doc, layout, "- " + failure.render(lang))
    _paragraph(doc, layout, words["closing"].format(event=event))


def _areas_table(doc: DocxDocument, layout: Layout, report: Report, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    columns = ("area", "score", "status", "coverage")
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.autofit = False
    text_mm = layout.text_mm
    shares = (0.42, 0.14, 0.30, 0.14)
    size = layout.body - 1
    for cell, column in zip(table.rows[0].cells, columns, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, _(f"report.col-{column}", lang), size, bold=True)
    for area in report.areas:
        row = table.add_row().cells
        values = (
            area.title(lang),
            format_score(area.score, lang),
            phrases.area_status(report, area, lang),
            f"{area.coverage[0]}/{area.coverage[1]}",
        )
        for index, (cell, value) in enumerate(zip(row, values, strict=True)):
            paragraph = cell.paragraphs[0]
            if index in (1, 3):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, value, size)
    _widths(table, [Mm(share * text_mm) for share in shares])
    doc.add_paragraph()


def _signature(doc: DocxDocument, layout: Layout, head: Heading) -> None:
    from docx.shared import Mm, Pt

    text_mm = layout.text_mm
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    _borderless(table)
    cells = table.rows[0].cells
    _widths(table, [Mm(0.45 * text_mm), Mm(0.55 * text_mm)])
    label = cells[0].paragraphs[0]
    party = layout is PARTY
    # 36-HD: "Nơi nhận:" upright and underlined; Decree 30: bold italic
    _run(label, head.recipients_label, layout.recipients_label, bold=not party, italic=not party,
         underline=party)  # fmt: skip
    for line in head.recipients:
        _run(cells[0].add_paragraph(), line, layout.recipients)
    on_behalf = _centered(cells[1], first=True)
    _run(on_behalf, head.on_behalf, layout.signer, bold=True)
    position = _centered(cells[1])
    _run(position, head.position, layout.signer, bold=True)
    space = cells[1].add_paragraph()
    space.paragraph_format.space_after = Pt(60)  # room for the signature and the seal


def _properties(doc: DocxDocument, report: Report, lang: str) -> None:
    """The document's properties from the report alone: the same report, the same bytes."""
    props = doc.core_properties
    moment = _utc(report.as_of)
    props.created = moment
    props.modified = moment
    props.last_printed = moment
    props.revision = 1
    props.author = ""
    props.last_modified_by = ""
    props.title = xml_safe(report.event.name)
    props.subject = xml_safe(_WORDS[lang]["summary"].format(event=report.event.name))
    props.keywords = ""
    props.comments = ""
    props.language = "vi-VN" if lang == "vi" else "en-GB"
    props.identifier = report.event.id


def _utc(moment: datetime) -> datetime:
    # core properties are written in UTC ("Z"); python-docx takes a naive datetime as UTC
    return moment.astimezone(UTC).replace(tzinfo=None)


def _stable_zip(data: bytes, report: Report) -> bytes:
    """The package rewritten with every member's time set to the report's moment, in a fixed
    order: zip entries carry the time they were written, which would make two runs differ."""
    moment = _utc(report.as_of)
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
