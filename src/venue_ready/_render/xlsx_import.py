"""``venue-ready import-checklist FILE.xlsx``: a checklist kept in Excel, as event-file items.

A sheet is a checklist when one of its first rows is a header naming at least the item id and
the title columns, in Vietnamese or English, as ``--format xlsx`` writes them
(:data:`~.xlsx.CHECKLIST_COLUMNS`: "Mã đầu việc", "Nội dung công việc", "Người phụ trách",
"Thời hạn", "Trạng thái", "Tiến độ", "Giai đoạn", "Điều kiện bắt buộc", "Trọng số"), in any
order; other columns ("Quá hạn") and other sheets (the summary, the assignments) are ignored.
Each row below the header is an item; an empty row is skipped.

A sheet's area key comes from the summary sheet ``--format xlsx`` writes (its "Mã mảng" and
"Trang tính" columns), else from ``area=``, else from the sheet's name ("An ninh" →
``an-ninh``). A bad cell is a :class:`ChecklistError` naming the sheet and the cell
("Sheet 'An ninh', cell D7: not a date"); every bad cell is reported, and nothing is written.

Deadlines are read as the workbook shows them: a date (a bare date in the event file: the end
of that day) or a date and time (in the event's time zone), Excel date cells or text
(``2020-05-08``, ``08/05/2020``, ``2020-05-14T15:00``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from .._errors import import_extra
from .._i18n import gettext as _
from .._i18n import os_error
from .._model import Message
from .._names import fold_name
from .xlsx import CHECKLIST_COLUMNS

__all__ = ["ChecklistError", "SheetItems", "items_toml", "read_checklist"]

#: The statuses, phases and yes/no an item's cells may say, in either language or as the
#: event file's own words.
_STATUSES = ("todo", "in_progress", "done", "blocked", "waived")
_PHASES = ("before", "during", "after")
_YES = {"x", "yes", "có", "co", "true", "1", "✓", "✔"}
_NO = {"", "no", "không", "khong", "false", "0", "-", "—"}
_LANGS = ("vi", "en")
#: How many rows from the top a header is looked for in (a title row may come first).
_HEADER_ROWS = 10
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")

#: One sheet's items: its name, its area key, and each item's fields as the event file has
#: them, in the sheet's order.
SheetItems = tuple[str, str, list[dict[str, Any]]]


class ChecklistError(Exception):
    """The workbook cannot be imported: :attr:`messages` says why, cell by cell, each a
    :class:`~venue_ready.Message` of the core catalog (render it in the reader's language)."""

    def __init__(self, messages: list[Message]) -> None:
        super().__init__("; ".join(_(m.id, "en", **dict(m.params)) for m in messages))
        self.messages = messages


def read_checklist(
    path: str, *, sheets: Sequence[str] = (), area: str | None = None, lang: str = "vi"
) -> list[SheetItems]:
    """The checklists of the workbook at ``path`` (only the ``sheets`` named, when some are),
    each as :data:`SheetItems`. ``area`` is the area key of a sheet the summary does not name;
    ``lang`` is the language problems name columns in."""
    openpyxl = import_extra("openpyxl", feature="import-checklist")
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # not a zip, not a workbook, a damaged part: openpyxl's many kinds
        # the system's words in the reader's language; openpyxl's own, as it says them
        error: object = os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise ChecklistError(
            [Message("import.unreadable", {"file": path, "error": error or type(exc).__name__})]
        ) from None
    names = list(book.sheetnames)
    for wanted in sheets:
        if wanted not in names:
            known = ", ".join(names)
            raise ChecklistError(
                [Message("import.no-sheet", {"file": path, "sheet": wanted, "known": known})]
            )
    keys = _summary_keys(book)
    problems: list[Message] = []
    found: list[SheetItems] = []
    seen: dict[str, tuple[str, str]] = {}  # item id -> (sheet, cell)
    for sheet in book.worksheets:
        if sheets and sheet.title not in sheets:
            continue
        header = _header(sheet)
        if header is None:
            continue
        row_number, columns = header
        key = keys.get(sheet.title) or area or _slug(sheet.title)
        items = []
        for row in sheet.iter_rows(min_row=row_number + 1):
            item = _Row(sheet.title, row, columns, lang, problems).item()
            if item is None:
                continue
            cell = row[columns["id"]].coordinate
            if item["id"] in seen:
                other_sheet, other = seen[item["id"]]
                problems.append(
                    _problem("import.duplicate-id", sheet.title, cell, item["id"],
                             other_sheet=other_sheet, other=other)
                )  # fmt: skip
                continue
            seen[item["id"]] = (sheet.title, cell)
            items.append(item)
        found.append((sheet.title, key, items))
    if problems:
        raise ChecklistError(problems)
    if not found:
        raise ChecklistError(
            [
                Message(
                    "import.no-checklist",
                    {
                        "file": path,
                        "id": _("xlsx.col.id", lang),
                        "title": _("xlsx.col.title", lang),
                    },
                )
            ]
        )
    return found


def items_toml(found: Sequence[SheetItems], *, source: str = "") -> str:
    """The items as event-file TOML: one ``[[areas.KEY.items]]`` table each, in the sheets'
    order, only the keys that differ from the defaults besides id, title and status."""
    lines: list[str] = []
    if source:
        shown = json.dumps(source, ensure_ascii=False)[1:-1]  # one line, whatever its name
        lines += [f"# venue-ready import-checklist {shown}", ""]
    for _sheet, key, items in found:
        table = key if _BARE_KEY.match(key) else _string(key)
        for item in items:
            lines.append(f"[[areas.{table}.items]]")
            for field, value in item.items():
                lines.append(f"{field} = {_value(value)}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""


# -- reading a sheet ---------------------------------------------------------------------------


def _headers() -> dict[str, str]:
    """Every header a column may have, folded, to its column key."""
    names: dict[str, str] = {}
    for key in CHECKLIST_COLUMNS:
        names[fold_name(key)] = key
        for lang in _LANGS:
            names[fold_name(_("xlsx.col." + key, lang))] = key
    names["deadline"] = names["due date"] = "due"
    return names


def _header(sheet: Any) -> tuple[int, dict[str, int]] | None:
    """The header row of a checklist sheet (its number, and each known column's index), or
    None when the sheet is no checklist."""
    known = _headers()
    for row in sheet.iter_rows(min_row=1, max_row=_HEADER_ROWS):
        columns: dict[str, int] = {}
        for index, cell in enumerate(row):
            if isinstance(cell.value, str):
                key = known.get(fold_name(cell.value))
                if key is not None and key not in columns:
                    columns[key] = index
        if "id" in columns and "title" in columns:
            return row[0].row, columns
    return None


def _summary_keys(book: Any) -> dict[str, str]:
    """Sheet name → area key, from the summary sheet ``--format xlsx`` writes (its "Mã mảng"
    and "Trang tính" columns); empty for a workbook without one."""
    wanted = {
        fold_name(_("xlsx.col." + key, lang)): key
        for key in ("area-key", "sheet")
        for lang in _LANGS
    }
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        for number, values in enumerate(rows, start=1):
            if number > 40:
                break
            at = {
                wanted[fold_name(v)]: i
                for i, v in enumerate(values)
                if isinstance(v, str) and fold_name(v) in wanted
            }
            if len(at) == 2:
                keys: dict[str, str] = {}
                for values_below in rows:
                    name, key = values_below[at["sheet"]], values_below[at["area-key"]]
                    if isinstance(name, str) and isinstance(key, str) and key.strip():
                        keys[name] = key.strip()
                return keys
    return {}


def _slug(name: str) -> str:
    """A sheet's name as an area key: "An ninh, trật tự" → ``an-ninh-trat-tu``."""
    plain = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "general"


class _Row:
    """One row of a checklist sheet, read into an item's fields, its problems appended to
    ``problems``."""

    def __init__(
        self,
        sheet: str,
        cells: Sequence[Any],
        columns: dict[str, int],
        lang: str,
        problems: list[Message],
    ) -> None:
        self.sheet, self.cells, self.columns = sheet, cells, columns
        self.lang, self.problems = lang, problems

    def cell(self, key: str) -> Any | None:
        index = self.columns.get(key)
        return None if index is None or index >= len(self.cells) else self.cells[index]

    def value(self, key: str) -> Any:
        cell = self.cell(key)
        value = None if cell is None else cell.value
        return value.strip() if isinstance(value, str) else value

    def fail(self, message_id: str, key: str, value: object, **params: object) -> None:
        cell = self.cell(key)
        coordinate = cell.coordinate if cell is not None else "?"
        self.problems.append(_problem(message_id, self.sheet, coordinate, value, **params))

    def item(self) -> dict[str, Any] | None:
        keys = [k for k in CHECKLIST_COLUMNS if k != "overdue"]
        if all(self.value(k) in (None, "") for k in keys):
            return None  # an empty row
        before = len(self.problems)
        item: dict[str, Any] = {}
        for key in ("id", "title"):
            text = self.text(key)
            if text is None:
                self.fail("import.missing", key, "", column=_("xlsx.col." + key, self.lang))
            item[key] = text
        owner = self.text("owner")
        if owner is not None:
            item["owner"] = owner
        due = self.due()
        if due is not None:
            item["due"] = due
        item["status"] = self.word("status", _STATUSES, "item-status.", "import.bad-status")
        progress = self.progress()
        if progress is not None:
            item["progress"] = progress
        phase = self.word("phase", _PHASES, "xlsx.phase.", "import.bad-phase")
        if phase != "before":
            item["phase"] = phase
        if self.gate():
            item["gate"] = True
        weight = self.weight()
        if weight != 1:
            item["weight"] = weight
        return item if len(self.problems) == before else None

    def text(self, key: str) -> str | None:
        value = self.value(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            self.fail("import.bad-text", key, _shown(value))
            return None
        return str(value)

    def due(self) -> date | datetime | None:
        cell = self.cell("due")
        value = self.value("due")
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            shown = str(getattr(cell, "number_format", "") or "")
            has_time = "h" in shown.lower() or value.time() != time(0)
            if not has_time:
                return value.date()
            return (value + timedelta(microseconds=500_000)).replace(microsecond=0)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            parsed = _parse_date(value)
            if parsed is not None:
                return parsed
        self.fail("import.not-a-date", "due", _shown(value))
        return None

    def word(self, key: str, choices: tuple[str, ...], prefix: str, problem: str) -> str:
        value = self.value(key)
        if value is None or value == "":
            return choices[0]
        if isinstance(value, str):
            folded = fold_name(value)
            for choice in choices:
                words = {choice, choice.replace("_", " ")}
                words |= {fold_name(_(prefix + choice, lang)) for lang in _LANGS}
                if folded in words:
                    return choice
        known = ", ".join(_(prefix + c, self.lang) for c in choices)
        self.fail(problem, key, _shown(value), known=known)
        return choices[0]

    def progress(self) -> float | None:
        value = self.value("progress")
        if value is None or value == "":
            return None
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = float(value) if value <= 1 else float(value) / 100
        elif isinstance(value, str):
            text = value.replace(",", ".").rstrip("%").strip()
            try:
                number = float(text) / 100 if value.endswith("%") else float(text)
            except ValueError:
                number = None
            if number is not None and not value.endswith("%") and number > 1:
                number /= 100
        if number is None or not 0.0 <= number <= 1.0:
            self.fail("import.bad-progress", "progress", _shown(value))
            return None
        return number

    def gate(self) -> bool:
        value = self.value("gate")
        if value is None or isinstance(value, bool):
            return bool(value)
        folded = fold_name(str(value))
        if folded in _YES or folded == fold_name(_("xlsx.yes", self.lang)):
            return True
        if folded in _NO:
            return False
        self.fail("import.bad-gate", "gate", _shown(value))
        return False

    def weight(self) -> float | int:
        value = self.value("weight")
        if value is None or value == "":
            return 1
        number: float | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str):
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                number = None
        if number is None or not 0 <= number < float("inf"):
            self.fail("import.bad-weight", "weight", _shown(value))
            return 1
        return int(number) if float(number).is_integer() else float(number)


def _parse_date(text: str) -> date | datetime | None:
    """A deadline written as text: ISO (``2020-05-08``, ``2020-05-14T15:00``) or day first
    (``08/05/2020``, ``08/05/2020 15:00``), as a Vietnamese office writes it."""
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        pass
    m = _DMY.match(text)
    if m is None:
        return None
    day, month, year, hour, minute, second = m.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
    except ValueError:
        return None


def _problem(message_id: str, sheet: str, cell: str, value: object, **params: object) -> Message:
    return Message(message_id, {"sheet": sheet, "cell": cell, "value": value, **params})


def _shown(value: object) -> str:
    """A cell's value as a problem quotes it: short, on one line."""
    text = value.isoformat() if isinstance(value, date) else str(value)
    text = json.dumps(text, ensure_ascii=False)[1:-1]
    return text if len(text) <= 60 else text[:59] + "…"


# -- writing TOML ------------------------------------------------------------------------------


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and DEL, which TOML refuses raw, is
    escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return repr(value)
    raise TypeError(f"no TOML for {type(value).__name__}")
