"""``--format xlsx``: the report as an Excel workbook (openpyxl, from ``venue-ready[office]``).

Sheets, in the report's language: a summary (the event, the verdict, one row per area), one
sheet per area holding its checklist (one row per item: id, title, owner, deadline, status,
progress, phase, critical, weight, and how long it is overdue) and an assignments sheet (every
open Finding, the plugins' checks included, grouped by who is in charge). Each table has a
frozen header row and an autofilter; deadlines are real Excel dates in the event's time zone
(``dd/mm/yyyy`` in Vietnamese); an overdue row is filled red.

An area sheet is also the layout ``venue-ready import-checklist`` reads back
(:mod:`.checklist_import`): :data:`CHECKLIST_COLUMNS` is that layout, written once.

The bytes are deterministic: the same report gives the same file (the workbook's created and
modified times, and the times of the zip's entries, are the report's moment).
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .._dates import is_end_of_day
from .._errors import import_extra
from .._i18n import gettext as _
from . import phrases
from .inert import xml_safe

if TYPE_CHECKING:
    from .._model import Finding, Item
    from .._report import Report

__all__ = [
    "CHECKLIST_COLUMNS",
    "DATETIME_FORMATS",
    "DATE_FORMATS",
    "MEDIA_TYPE",
    "SUMMARY_COLUMNS",
    "render_xlsx",
    "sheet_name",
]

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#: An area sheet's columns, in order, by the key of their header (``xlsx.col.KEY``): the item's
#: fields, then what the report derives (``overdue``), which the import ignores.
CHECKLIST_COLUMNS = (
    "id",
    "title",
    "owner",
    "due",
    "status",
    "progress",
    "phase",
    "gate",
    "weight",
    "overdue",
)
#: The summary's table of areas; ``area-key`` and ``sheet`` tie each area sheet to its key.
SUMMARY_COLUMNS = (
    "area",
    "area-key",
    "sheet",
    "score",
    "area-status",
    "coverage",
    "open",
    "blockers",
    "overdue",
)
_ASSIGNMENT_COLUMNS = ("owner", "area", "subject", "finding", "due", "gate", "overdue")

#: How a deadline is shown: the administrative day/month/year in Vietnamese.
DATE_FORMATS = {"vi": "dd/mm/yyyy", "en": "d mmm yyyy"}
DATETIME_FORMATS = {"vi": "dd/mm/yyyy hh:mm", "en": "d mmm yyyy hh:mm"}
_PERCENT = "0%"
_WIDTHS = {
    "id": 30,
    "title": 60,
    "owner": 30,
    "due": 17,
    "status": 17,
    "progress": 10,
    "phase": 11,
    "gate": 12,
    "weight": 10,
    "overdue": 22,
    "area": 28,
    "area-key": 14,
    "sheet": 24,
    "score": 8,
    "area-status": 30,
    "coverage": 12,
    "open": 12,
    "blockers": 14,
    "subject": 30,
    "finding": 70,
}
# Excel's own "Bad" cell style (light red fill, dark red text): overdue, as Excel users read it
_OVERDUE_FILL = "FFC7CE"
_OVERDUE_FONT = "9C0006"
_HEADER_FILL = "D9D9D9"
#: What Excel refuses in a sheet name, and its length limit.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_LIMIT = 31


def render_xlsx(report: Report, lang: str) -> bytes:
    """The report as an ``.xlsx`` workbook (bytes), in ``lang``."""
    openpyxl = import_extra("openpyxl", feature="--format xlsx")
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = sheet_name(_("xlsx.sheet.summary", lang), set())
    used = {summary.title.casefold()}
    names: dict[str, str] = {}
    for area in report.areas:
        names[area.key] = sheet_name(area.title(lang), used)
    _Summary(report, lang, summary, names).write()
    plans = {plan.key: plan for plan in report.event.areas}
    overdue = {id(f) for f in report.overdue}
    for area in report.areas:
        sheet = book.create_sheet(names[area.key])
        plan = plans.get(area.key)
        items = plan.items if plan is not None else ()
        by_subject: dict[str, Finding] = {}
        for f in area.findings:  # an item's own Finding is the checklist's, when there is one
            if f.subject is not None and (
                f.code == "checklist.item" or f.subject not in by_subject
            ):
                by_subject[f.subject] = f
        _write_checklist(report, lang, sheet, items=items, findings=by_subject, overdue=overdue)
    assignments = book.create_sheet(sheet_name(_("xlsx.sheet.assignments", lang), used))
    _write_assignments(report, lang, assignments, overdue)
    props = book.properties
    props.title = _clean(report.event.name)
    props.creator = "venue-ready"
    props.language = lang
    stamp = report.as_of.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    props.created = props.modified = stamp
    return _save(book, stamp)


def sheet_name(title: str, used: set[str]) -> str:
    """``title`` as an Excel sheet name: without the characters Excel refuses, at most 31
    characters, and unlike the names in ``used`` (compared without case, as Excel does),
    which it joins."""
    name = _SHEET_FORBIDDEN.sub(" ", _clean(title)).strip().strip("'") or "-"
    name = name[:_SHEET_LIMIT].rstrip()
    candidate, n = name, 1
    while candidate.casefold() in used:
        n += 1
        suffix = f" ({n})"
        candidate = name[: _SHEET_LIMIT - len(suffix)].rstrip() + suffix
    used.add(candidate.casefold())
    return candidate


# -- the sheets --------------------------------------------------------------------------------


class _Summary:
    """The summary sheet: the event's name and facts, the verdict, then one row per area."""

    def __init__(self, report: Report, lang: str, sheet: Any, names: dict[str, str]) -> None:
        self.report, self.lang, self.sheet, self.names = report, lang, sheet, names

    def write(self) -> None:
        report, lang, sheet = self.report, self.lang, self.sheet
        styles = _styles()
        _put(sheet, 1, 1, report.event.name).font = styles.Font(bold=True, size=14)
        lines = [*phrases.facts(report, lang), phrases.overall(report, lang)]
        if report.inconclusive:
            lines.append(_("report.inconclusive", lang))
        for row, line in enumerate(lines, start=2):
            _put(sheet, row, 1, line)
        sheet.cell(len(lines) + 1, 1).font = styles.Font(bold=True)
        header = len(lines) + 3
        _header(sheet, header, SUMMARY_COLUMNS, lang)
        overdue = report.overdue
        blockers = report.blockers
        row = header
        for area in report.areas:
            row += 1
            open_count = sum(1 for f in area.findings if not f.met)
            score = None if area.score is None else math.floor(area.score * 10 + 1e-9) / 10
            values: list[object] = [
                area.title(lang),
                area.key,
                self.names[area.key],
                score,
                phrases.area_status(report, area, lang),
                f"{area.coverage[0]}/{area.coverage[1]}",
                open_count,
                sum(1 for f in blockers if f.area == area.key),
                sum(1 for f in overdue if f.area == area.key),
            ]
            for col, value in enumerate(values, start=1):
                cell = _put(sheet, row, col, value)
                if col == 4:
                    cell.number_format = "0.0"
            if any(f.area == area.key for f in overdue):
                _highlight(sheet, row, len(SUMMARY_COLUMNS))
        _table(sheet, header, row, SUMMARY_COLUMNS)


def _write_checklist(
    report: Report,
    lang: str,
    sheet: Any,
    *,
    items: tuple[Item, ...],
    findings: dict[str, Finding],
    overdue: set[int],
) -> None:
    """An area's checklist: a header, then one row per item of the plan (as the journal left
    it), in the file's order."""
    _header(sheet, 1, CHECKLIST_COLUMNS, lang)
    styles = _styles()
    for row, item in enumerate(items, start=2):
        finding = findings.get(item.id)
        late = finding is not None and id(finding) in overdue
        values: dict[str, object] = {
            "id": item.id,
            "title": item.title,
            "owner": item.owner,
            "status": _("item-status." + item.status.value, lang),
            "progress": item.progress,
            "phase": _("xlsx.phase." + item.phase.value, lang),
            "gate": _("xlsx.yes", lang) if item.gate else None,
            "weight": item.weight,
            "overdue": _late_text(report, finding, lang) if late and finding else None,
        }
        for col, key in enumerate(CHECKLIST_COLUMNS, start=1):
            if key == "due":
                _put_due(sheet.cell(row, col), report, item.due, lang)
                continue
            cell = _put(sheet, row, col, values[key])
            if key == "progress":
                cell.number_format = _PERCENT
            elif key == "title":
                cell.alignment = styles.Alignment(wrap_text=True, vertical="top")
        if late:
            _highlight(sheet, row, len(CHECKLIST_COLUMNS))
    _table(sheet, 1, len(items) + 1, CHECKLIST_COLUMNS)


def _write_assignments(report: Report, lang: str, sheet: Any, overdue: set[int]) -> None:
    """Every Finding still open, grouped by who is in charge (the report's own grouping), so
    that each body can filter its rows."""
    _header(sheet, 1, _ASSIGNMENT_COLUMNS, lang)
    titles = phrases.area_titles(report, lang)
    row = 1
    groups = report.by_owner(report.findings(met=False), lang=lang)
    for owner, found in groups.items():
        for f in found:
            row += 1
            late = id(f) in overdue
            values: list[object] = [
                owner if owner is not None else _("report.no-owner", lang),
                titles.get(f.area, f.area),
                f.subject,
                report.message_text(f, lang),
                None,
                _("xlsx.yes", lang) if f.gate else None,
                _late_text(report, f, lang) if late else None,
            ]
            for col, value in enumerate(values, start=1):
                if col == 5:
                    _put_due(sheet.cell(row, col), report, f.due, lang)
                else:
                    _put(sheet, row, col, value)
            if late:
                _highlight(sheet, row, len(_ASSIGNMENT_COLUMNS))
    _table(sheet, 1, row, _ASSIGNMENT_COLUMNS)


# -- cells ---------------------------------------------------------------------------------------


def _styles() -> Any:
    """openpyxl.styles (imported with openpyxl, which the renderer has already checked)."""
    return import_extra("openpyxl.styles", feature="--format xlsx")


def _put(sheet: Any, row: int, col: int, value: object) -> Any:
    """Write ``value`` to a cell; text is always text: openpyxl would make a formula of a
    string starting with "=" (an owner's "=HYPERLINK(…)" must not run in anyone's Excel)."""
    cell = sheet.cell(row, col)
    if isinstance(value, str):
        cell.value = _clean(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _put_due(cell: Any, report: Report, due: datetime | None, lang: str) -> None:
    """A deadline as a real Excel date in the event's zone: a day (a bare date in the event
    file is the end of that day), or a day and a time; empty when there is none."""
    if due is None:
        return
    local = due.astimezone(report.event.tz)
    if is_end_of_day(local):
        cell.value = local.date()
        cell.number_format = DATE_FORMATS[lang]
    else:
        cell.value = local.replace(tzinfo=None, microsecond=0)
        cell.number_format = DATETIME_FORMATS[lang]


def _late_text(report: Report, finding: Finding, lang: str) -> str:
    """ "quá hạn 6 ngày": how many calendar days, in the event's zone, ``finding`` has been
    overdue at the report's moment (a deadline of 8 May is 6 days overdue on 14 May)."""
    due = report.effective_due(finding)
    tz = report.event.tz
    days = (
        0 if due is None else (report.as_of.astimezone(tz).date() - due.astimezone(tz).date()).days
    )
    if days < 1:
        return _("xlsx.overdue-today", lang)
    if days == 1:
        return _("xlsx.overdue-day", lang)
    return _("xlsx.overdue-days", lang, count=days)


def _header(sheet: Any, row: int, columns: tuple[str, ...], lang: str) -> None:
    styles = _styles()
    fill = styles.PatternFill("solid", fgColor=_HEADER_FILL)
    for col, key in enumerate(columns, start=1):
        cell = _put(sheet, row, col, _("xlsx.col." + key, lang))
        cell.font = styles.Font(bold=True)
        cell.fill = fill
        cell.alignment = styles.Alignment(wrap_text=True, vertical="center")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = _WIDTHS.get(key, 14)


def _table(sheet: Any, header: int, last: int, columns: tuple[str, ...]) -> None:
    """The header row frozen and an autofilter over the table, header included."""
    from_letter = sheet.cell(header, 1).column_letter
    to_letter = sheet.cell(header, len(columns)).column_letter
    sheet.freeze_panes = f"A{header + 1}"
    sheet.auto_filter.ref = f"{from_letter}{header}:{to_letter}{max(last, header)}"


def _highlight(sheet: Any, row: int, width: int) -> None:
    styles = _styles()
    fill = styles.PatternFill("solid", fgColor=_OVERDUE_FILL)
    font = styles.Font(color=_OVERDUE_FONT)
    for col in range(1, width + 1):
        cell = sheet.cell(row, col)
        cell.fill = fill
        cell.font = font


def _clean(text: str) -> str:
    """``text`` without what XML cannot hold: a control character (or U+FFFE, U+FFFF) is shown
    as its escape (``\\x1b``), as the text formats show it, never dropped silently."""
    return xml_safe(text)


# -- the file ------------------------------------------------------------------------------------


def _save(book: Any, stamp: datetime) -> bytes:
    """The workbook's bytes, the same for the same workbook: every zip entry dated ``stamp``
    (the report's moment) instead of the clock."""
    writer_module = import_extra("openpyxl.writer.excel", feature="--format xlsx")
    out = io.BytesIO()
    archive = _StampedZip(out, stamp)
    writer_module.ExcelWriter(book, archive).save()  # closes the archive
    return out.getvalue()


class _StampedZip(zipfile.ZipFile):
    """A zip whose entries all carry one date and time, whatever the clock says."""

    def __init__(self, file: io.BytesIO, stamp: datetime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        year = min(max(stamp.year, 1980), 2107)  # what a zip's date can hold
        self._stamp = (year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: str | bytes,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=self._stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]
        self,
        filename: str,
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl writes each worksheet to a temporary file first; its mtime is the clock's
        with open(filename, "rb") as fh:
            self.writestr(arcname or filename, fh.read(), compress_type, compresslevel)
