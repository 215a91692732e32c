"""What a journal entry is: the :class:`Mark` a team reports, the :class:`JournalEntry` it
becomes once recorded, the checks of its fields, and its row as stored and exported.

Nothing here opens a file or knows an event: the store (:mod:`.store`) writes rows, the transfer
(:mod:`.transfer`) reads and writes exports, and marking (:mod:`.marking`) checks a mark against
the event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from typing import Any, Required, TypedDict

import attrs

from .._errors import LoadError, Problem
from .._model import JournalEntry, Status

__all__ = [
    "FIELDS",
    "MARKABLE_STATUSES",
    "JournalError",
    "Mark",
    "MarkFields",
    "build_entry",
]

#: The statuses an entry may record. ``waived`` is not one of them: a waiver needs a reason and
#: who approved it, and belongs in the plan (the event file).
MARKABLE_STATUSES = ("todo", "in_progress", "done", "blocked")
#: An entry's fields, in the order exports write them.
FIELDS = (
    "uid",
    "subject",
    "status",
    "progress",
    "by",
    "recorded_at",
    "happened_at",
    "note",
    "evidence",
    "signed_off_by",
    "version",
    "key",
)
#: A stored row's columns, as :func:`from_row` reads them: ``seq``, the :data:`FIELDS`, and
#: when the entry was written into the file (not exported: another file's is another moment).
COLUMNS = ("seq", *FIELDS, "inserted_at")


class JournalError(LoadError):
    """A journal could not be opened, or an entry could not be recorded or imported.

    A :class:`~venue_ready.LoadError`, so a caller that handles bad input handles this too:
    ``problems`` lists everything wrong, each naming the file (the journal, the event file or
    the file imported) and the field.
    """


def _status_text(status: Status | str) -> str:
    return status.value if isinstance(status, Status) else status


@attrs.frozen
class Mark:
    """What a team reports about one subject: the fields of an entry before it is recorded.

    The one place these fields are spelled out: :func:`~venue_ready.journal.check_mark`,
    :func:`~venue_ready.mark` and :meth:`Journal.append <venue_ready.Journal.append>` take them
    as keywords and build a Mark; :func:`~venue_ready.journal.mark_problems`,
    :func:`~venue_ready.journal.record_mark` and :meth:`Journal.record
    <venue_ready.Journal.record>` take the Mark itself.

    Constructing a Mark checks nothing (so that every problem can be reported at once, in the
    reader's language): :func:`~venue_ready.journal.mark_problems` checks it against an event,
    and the journal checks its fields when it records it.

    :param subject: an item id, or ``AREA:SUBJECT`` for an area plugin's subject.
    :param status: one of :data:`MARKABLE_STATUSES` (a :class:`~venue_ready.Status` is kept as
        its text).
    :param by: who reports it (a person or a team); required to record it.
    :param at: when it happened, if earlier than when it is recorded; never in the future.
    :param progress: 0..1, for ``in_progress``.
    :param note: free text.
    :param evidence: a file path or a URL.
    :param signed_off_by: the body that approved the work, for an item that needs a sign-off.
    :param version: the version of the work the sign-off was given for.
        :func:`~venue_ready.mark` records the item's current version with a sign-off when this
        is None.
    :param key: an idempotency key, unique in the journal (``"telegram:update:123"``): the
        same mark recorded again with its key gives back the first entry, unchanged; the same
        key with other fields is refused (:class:`JournalError`). None: no key.
    """

    subject: str
    status: str = attrs.field(converter=_status_text)
    by: str | None = attrs.field(default=None, kw_only=True)
    at: datetime | None = attrs.field(default=None, kw_only=True)
    progress: float | None = attrs.field(default=None, kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)
    evidence: str | None = attrs.field(default=None, kw_only=True)
    signed_off_by: str | None = attrs.field(default=None, kw_only=True)
    version: str | None = attrs.field(default=None, kw_only=True)
    key: str | None = attrs.field(default=None, kw_only=True)


class MarkFields(TypedDict, total=False):
    """A :class:`Mark`'s fields after ``subject`` and ``status``: the keywords of
    :func:`~venue_ready.mark`, :func:`~venue_ready.journal.check_mark` and :meth:`Journal.append
    <venue_ready.Journal.append>`, which build a Mark of them (see :class:`Mark` for each).
    ``by`` is required, but may be None: checking it is the journal's part, not the caller's."""

    by: Required[str | None]
    at: datetime | None
    progress: float | None
    note: str | None
    evidence: str | None
    signed_off_by: str | None
    version: str | None
    key: str | None


def mark_fields(mark: Mark, *, uid: str, recorded_at: datetime) -> dict[str, Any]:
    """``mark`` as an entry's plain data (:data:`FIELDS`), for :func:`build_entry`."""
    data = attrs.asdict(mark, recurse=False)
    data["happened_at"] = data.pop("at")
    return {**data, "uid": uid, "recorded_at": recorded_at}


def status_problem(status: str, *, file: str | None) -> Problem:
    """The problem of a ``status`` that is not one of :data:`MARKABLE_STATUSES`, with the
    nearest one that is."""
    from .._values import suggest

    hint = suggest(status, MARKABLE_STATUSES)
    return Problem.of(
        ("status",),
        "journal.bad-status-hint" if hint else "journal.bad-status",
        file=file,
        value=status,
        hint=hint or "",
        choices=", ".join(MARKABLE_STATUSES),
    )


def future_problem(key: str, at: datetime, now: datetime, *, file: str | None) -> Problem:
    """The problem of a moment ``at`` (the field ``key``) later than ``now``: an entry cannot
    record what has not happened yet, nor be recorded after the moment it is checked at."""
    return Problem.of((key,), "journal.future", file=file, at=at, now=now)


def build_entry(
    data: Mapping[str, Any], *, file: str | None = None, line: int | None = None
) -> JournalEntry:
    """A :class:`JournalEntry` from plain data (an export's row, or a :class:`Mark`'s fields),
    checked field by field: every problem is reported at once.

    Times may be datetimes or ISO 8601 text with an offset. ``happened_at`` may not be later
    than ``recorded_at``.
    """
    where = line_of(file or "-", line) if line is not None else file
    problems: list[Problem] = []

    def problem(key: str, message_id: str, **params: Any) -> None:
        problems.append(Problem.of((key,), message_id, file=where, **params))

    def text(key: str, *, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip() and not required):
            if required:
                problem(key, "journal.missing-field")
            return None
        if not isinstance(value, str):
            problem(key, "journal.not-text")
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800" in JSON): not text SQLite stores
            problem(key, "journal.not-text")
            return None
        if "\x00" in value:
            # a NUL character: PostgreSQL's text cannot hold it, and a journal must keep on one
            # backend what it keeps on the other (#17); no one types it, a broken tool sends it
            problem(key, "journal.nul-char")
            return None
        if not value.strip():
            problem(key, "journal.missing-field")
            return None
        return value

    def moment(key: str, *, required: bool = False) -> datetime | None:
        value = data.get(key)
        if value is None or value == "":
            if required:
                problem(key, "journal.missing-field")
            return None
        if isinstance(value, str):
            try:
                value = datetime.fromisoformat(value)
            except ValueError:
                problem(key, "journal.bad-time", value=value)
                return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            problem(key, "journal.bad-time", value=str(value))
            return None
        from .._values import MAX_YEAR, MIN_YEAR

        if not MIN_YEAR <= value.year <= MAX_YEAR:
            # the range every other moment of venue_ready is kept in; it also keeps the
            # stored text one width, so that text order stays time order
            problem(key, "journal.bad-time", value=value.isoformat())
            return None
        return value

    unknown = sorted(set(data) - set(FIELDS) - {"seq"})
    for key in unknown:
        problem(key, "journal.unknown-field", known=", ".join(FIELDS))
    uid = text("uid", required=True)
    subject = text("subject", required=True)
    status = text("status", required=True)
    if status is not None and status not in MARKABLE_STATUSES:
        problems.append(status_problem(status, file=where))
        status = None
    by = text("by", required=True)
    recorded = moment("recorded_at", required=True)
    happened = moment("happened_at")
    progress: float | None = None
    raw = data.get("progress")
    if raw is not None and raw != "":
        try:
            progress = float(raw) if not isinstance(raw, bool) else None
        except (TypeError, ValueError, OverflowError):
            progress = None
        if progress is None or not 0.0 <= progress <= 1.0:
            problem("progress", "journal.bad-progress", value=str(raw))
            progress = None
    if happened is not None and recorded is not None and happened > recorded:
        problems.append(future_problem("happened_at", happened, recorded, file=where))
    note, evidence = text("note"), text("evidence")
    signed, version = text("signed_off_by"), text("version")
    idempotency = text("key")
    if "key" in data and isinstance(data["key"], str) and not data["key"].strip():
        problem("key", "journal.blank-key")  # as mark() says: a blank key would key nothing
    if problems:
        raise JournalError(problems)
    assert uid and subject and status and by and recorded  # noqa: PT018 - checked above
    return JournalEntry(
        uid=uid,
        subject=subject,
        status=status,
        by=by,
        recorded_at=recorded,
        happened_at=happened,
        progress=progress,
        note=note,
        evidence=evidence,
        signed_off_by=signed,
        version=version,
        seq=data.get("seq") if isinstance(data.get("seq"), int) else None,
        key=idempotency,
    )


# -- rows: an entry as stored and exported -------------------------------------------------------


def stamp(moment: datetime) -> str:
    """UTC ISO 8601 with microseconds: one width, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("journal times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def to_row(entry: JournalEntry) -> dict[str, Any]:
    """``entry``'s :data:`FIELDS` as stored and exported: times as :func:`stamp` text."""
    return {
        "uid": entry.uid,
        "subject": entry.subject,
        "status": entry.status.value,
        "progress": entry.progress,
        "by": entry.by,
        "recorded_at": stamp(entry.recorded_at),
        "happened_at": stamp(entry.happened_at) if entry.happened_at is not None else None,
        "note": entry.note,
        "evidence": entry.evidence,
        "signed_off_by": entry.signed_off_by,
        "version": entry.version,
        "key": entry.key,
    }


def from_row(row: Sequence[Any]) -> JournalEntry:
    """The entry of a stored row: the :data:`COLUMNS`, in their order."""
    (
        seq,
        uid,
        subject,
        status,
        progress,
        by,
        recorded,
        happened,
        note,
        evidence,
        signed,
        version,
        key,
        inserted,
    ) = row
    return JournalEntry(
        uid=uid,
        subject=subject,
        status=status,
        by=by,
        recorded_at=datetime.fromisoformat(recorded),
        happened_at=datetime.fromisoformat(happened) if happened else None,
        progress=progress,
        note=note,
        evidence=evidence,
        signed_off_by=signed,
        version=version,
        seq=seq,
        key=key,
        inserted_at=datetime.fromisoformat(inserted) if inserted else None,
    )


def read_row(row: Sequence[Any], *, file: str) -> JournalEntry:
    """:func:`from_row`, for a row read from the journal ``file``; a damaged row (a status
    that is none, a time that is no time, a blob where text belongs: written by another tool
    or a damaged disk) raises :class:`JournalError` naming the row, not a traceback (#11)."""
    try:
        entry = from_row(row)
        for name in ("version", "key"):
            value = getattr(entry, name)
            if not isinstance(value, str | None):
                raise TypeError(f"{name} is {type(value).__name__}, not text")
    except (ValueError, TypeError) as exc:
        error = str(exc) if len(str(exc)) <= 120 else str(exc)[:119] + "…"
        raise JournalError(
            [Problem.of((), "journal.bad-row", file=file, seq=row[0], error=error)]
        ) from None
    return entry


def line_of(file: str, line: int) -> str:
    """Where a problem of an imported file is: ``journal.csv:3``, as compilers write it."""
    return f"{file}:{line}"


# -- what a report is, and where its times are ---------------------------------------------------


def report_fields(entry: JournalEntry) -> tuple[Any, ...]:
    """What a team reported in ``entry``: every field but the journal's own (``uid``, ``seq``,
    the moments it was recorded and written, the key). Two marks with one idempotency key must
    report the same."""
    return (
        entry.subject,
        entry.status,
        entry.progress,
        entry.by,
        entry.happened_at,  # aware datetimes compare as instants, whatever their zone
        entry.note,
        entry.evidence,
        entry.signed_off_by,
        entry.version,
    )


def in_zone(entry: JournalEntry, tz: tzinfo) -> JournalEntry:
    """``entry`` with its times shown in ``tz`` (the same instants)."""

    def shown(moment: datetime | None) -> datetime | None:
        return moment.astimezone(tz) if moment is not None else None

    return attrs.evolve(
        entry,
        recorded_at=entry.recorded_at.astimezone(tz),
        happened_at=shown(entry.happened_at),
        inserted_at=shown(entry.inserted_at),
    )


def moment_argument(name: str, value: object, tz: tzinfo | None) -> datetime | None:
    """The moment a caller gave as the argument ``name``, by the library's one rule: an aware
    datetime, or a naive one read in the event's time zone ``tz``; None stays None.

    :raises TypeError: for anything else (a string, a date), naming the argument; for a naive
        datetime when there is no event zone to read it in (``tz`` None).
    """
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise TypeError(
            f"{name} must be a datetime (aware, or naive in the event's time zone), not "
            f"{type(value).__name__} {value!r}; parse text first, e.g. "
            f"datetime.fromisoformat('2020-05-14T15:00+07:00')"
        )
    if value.tzinfo is None or value.utcoffset() is None:
        if tz is None:
            raise TypeError(
                f"{name} is a naive datetime ({value.isoformat()}) and this journal is bound to "
                f"no event whose time zone could read it: give an aware datetime"
            )
        return value.replace(tzinfo=tz)
    return value
