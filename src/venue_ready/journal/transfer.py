"""Export and import: a journal's entries as JSON Lines or CSV text, and back.

JSON Lines: one object a line, UTF-8. CSV: a header row, then one row an entry, lines ending in
CRLF as RFC 4180 has it; an empty cell is "none". Times are UTC. Exporting the entries read
back from an export gives the same text. A text that starts with a UTF-8 byte order mark
(``journal export --bom``, for Excel) is read without it.

A CSV cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return: OWASP's "CSV Injection" list) is written with a ``'`` in
front, as OWASP recommends, and so is a cell that really starts with ``'``; reading an export
takes exactly one leading ``'`` off every cell, so the round trip is lossless.

Writing the entries into a journal (once per ``uid``, all or nothing) is the store's part:
:meth:`Journal.import_text <venue_ready.Journal.import_text>`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from .._errors import Problem
from .._model import JournalEntry
from .entries import FIELDS, JournalError, build_entry, future_problem, line_of, to_row

__all__ = ["FORMATS", "export_text", "read_export"]

#: The formats of an export.
FORMATS = ("jsonl", "csv")
#: DictReader's key for the cells of a row beyond the header's.
_EXTRA = "\x00extra"
#: What a CSV cell is prefixed with when a spreadsheet would read it as a formula.
CSV_ESCAPE = "'"
#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
#: Injection"), and the escape itself, so that a value that starts with it reads back whole.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", CSV_ESCAPE)


def export_text(entries: Iterable[JournalEntry], fmt: str = "jsonl") -> str:
    """``entries``, in the order given, as JSON Lines (``jsonl``) or CSV (``csv``)."""
    import csv
    import io

    from .._jsontext import dumps

    rows = [to_row(e) for e in entries]
    if fmt == "jsonl":
        return "".join(dumps(row) + "\n" for row in rows)
    if fmt == "csv":
        out = io.StringIO()
        # "\r\n" as the CSV standard has it: with "\n", a value holding a lone "\r" would
        # be written unquoted and read back wrong
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else _csv_cell(v) for k, v in row.items()})
        return out.getvalue()
    raise ValueError(f"unknown export format {fmt!r} (expected 'jsonl' or 'csv')")


def read_export(
    text: str, fmt: str, *, file: str = "-", now: datetime | None = None
) -> list[tuple[int, JournalEntry]]:
    """The entries of an export, each with the line it starts on.

    Every entry is checked (:func:`~venue_ready.journal.build_entry`), and none may have
    been recorded after ``now`` (default: now): a :class:`JournalError` lists every problem, by
    line and field, or nothing is returned.
    """
    now = now if now is not None else datetime.now(UTC)
    problems: list[Problem] = []
    entries: list[tuple[int, JournalEntry]] = []
    for line, row in parse_export(text, fmt, file):
        try:
            entry = build_entry(row, file=file, line=line)
        except JournalError as exc:
            problems.extend(exc.problems)
            continue
        if entry.recorded_at > now:
            # written on a machine whose clock ran ahead: it would sort after every entry
            # made from now on, and replay as the latest
            problems.append(
                future_problem("recorded_at", entry.recorded_at, now, file=line_of(file, line))
            )
        entries.append((line, entry))
    if problems:
        raise JournalError(problems)
    return entries


def _csv_cell(value: Any) -> str:
    # repr() of a float is the shortest text that reads back as the same float: lossless.
    text = repr(value) if isinstance(value, float) else str(value)
    # "=HYPERLINK(…)" in a note must stay text when the export is opened in a spreadsheet
    return CSV_ESCAPE + text if text.startswith(_FORMULA_START) else text


def _csv_value(cell: str | None) -> str | None:
    """A cell's value: :func:`_csv_cell` undone, exactly; an empty or missing cell is None."""
    if not cell:
        return None
    return cell[1:] if cell.startswith(CSV_ESCAPE) else cell


def parse_export(text: str, fmt: str, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of an export as plain data, unchecked, each with the line it starts on.

    Raises :class:`JournalError` for text that is not JSON Lines or CSV of an export, and
    ValueError for an unknown ``fmt``.
    """
    import csv
    import io
    import json

    # an export made with `journal export --bom`, or saved by Excel, starts with a BOM
    text = text.removeprefix("\ufeff")
    if fmt == "jsonl":
        # only "\n" ends a line: str.splitlines() would also split at U+2028 and the like,
        # which json.dumps(ensure_ascii=False) leaves raw inside a value
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:
                # JSONDecodeError, or a number too long for Python to read (over 4,300 digits)
                error = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc).split(":")[0]
                raise JournalError(
                    [Problem.of((), "journal.bad-json", file=line_of(file, number), error=error)]
                ) from exc
            if not isinstance(row, dict):
                raise JournalError(
                    [Problem.of((), "journal.not-an-object", file=line_of(file, number))]
                )
            yield number, row
    elif fmt == "csv":
        # a long note is data like any other: no cell of this text can exceed the text itself
        csv.field_size_limit(max(csv.field_size_limit(), len(text)))
        reader = csv.DictReader(io.StringIO(text, newline=""), restkey=_EXTRA)
        try:
            header = reader.fieldnames or ()
            missing = [
                name
                for name in ("uid", "subject", "status", "by", "recorded_at")
                if name not in header
            ]
            if missing:
                raise JournalError(
                    [
                        Problem.of(
                            (),
                            "journal.csv-header",
                            file=line_of(file, 1),
                            missing=", ".join(missing),
                        )
                    ]
                )
            previous = reader.line_num
            for row in reader:
                start, previous = previous + 1, reader.line_num  # a row may span lines
                if _EXTRA in row:
                    # more cells than the header: an unquoted comma, most likely; refuse
                    # rather than drop what the extra cells held
                    raise JournalError(
                        [
                            Problem.of(
                                (),
                                "journal.csv-extra-cells",
                                file=line_of(file, start),
                                count=len(row[_EXTRA]),
                            )
                        ]
                    )
                yield start, {k: _csv_value(v) for k, v in row.items()}
        except csv.Error as exc:
            raise JournalError(
                [
                    Problem.of(
                        (), "journal.bad-csv", file=line_of(file, reader.line_num), error=str(exc)
                    )
                ]
            ) from exc
    else:
        raise ValueError(f"unknown import format {fmt!r} (expected 'jsonl' or 'csv')")
