"""The status journal: what the teams reported as they worked, in one SQLite file (or in a
PostgreSQL database that holds the journals of many events).

The event file is the plan; the journal is what happened. Each entry says which item (or which
subject of an area plugin, ``AREA:SUBJECT``) moved to which status, who reported it, when it was
recorded and, when earlier, when it happened. venue_ready never rewrites the event file: an
item's effective state is its latest journal entry, or the plan when there is none.

::

    from venue_ready import Mark, assess_with_history, load, open_journal
    from venue_ready.journal import record_mark

    event = load("congress.toml")
    with open_journal("congress.journal.sqlite") as journal:
        record_mark(journal, event, Mark("security.plan", "done", by="Công an phường"))
        as_then = journal.replay(event, until=some_moment)  # an Event, as it stood then
        report = assess_with_history(event, journal.entries(some_moment), as_of=some_moment)

One module per concern, each importable on its own:

- :mod:`.entries`: the :class:`Mark` a team reports (its fields as keywords:
  :class:`MarkFields`), the checks of an entry's fields
  (:func:`build_entry`), an entry's row as stored and exported; :class:`JournalError`.
- :mod:`.store`: the journal behind one interface (:class:`Journal`, :func:`open_journal`, over
  a backend chosen by where the journal is), idempotency keys, copies between backends
  (:func:`copy_journal`), where a journal sits by default (:func:`default_journal_path`).
- :mod:`.locations`: a path, ``sqlite:///PATH`` or a ``postgresql://`` URL, read.
- :mod:`.sqlite_backend`: the SQLite file, its layouts and migrations, its transactions, the
  private copy a reader reads.
- :mod:`.postgres_backend`: journals in a PostgreSQL database (psycopg 3, the extra
  ``postgres``), one schema each.
- :mod:`.transfer`: JSON Lines and CSV exports, written and read.
- :mod:`.replaying`: pure: the event as the entries describe it (:func:`replay`), and the entries
  it leaves out (:func:`unknown_subjects`).
- :mod:`.marking`: a mark checked against the event (:func:`mark_problems`,
  :func:`check_mark`: a dry run), recorded and told to the plugins (:func:`record_mark`,
  :func:`mark`; several in one transaction, all or nothing: :func:`mark_many`); the subjects an
  entry may name (:func:`known_subjects`).
- :mod:`.history`: the readiness at past moments (:func:`readiness_history`), a report with
  its history (:func:`assess_with_history`), and ``history --format json``'s layout
  (:func:`history_document`).

Every name below is importable from ``venue_ready.journal``, as it was when the journal was one
module. No module imports sqlite3 or psycopg until a journal is opened.
"""

from __future__ import annotations

from .entries import (
    FIELDS,
    MARKABLE_STATUSES,
    JournalError,
    Mark,
    MarkFields,
    build_entry,
)
from .history import (
    HISTORY_SCHEMA_VERSION,
    assess_with_history,
    history_document,
    readiness_history,
)
from .marking import check_mark, known_subjects, mark, mark_many, mark_problems, record_mark
from .replaying import replay, unknown_subjects
from .sqlite_backend import _MIGRATIONS as _MIGRATIONS  # the layouts, for tests of old journals
from .sqlite_backend import _SCHEMA_V1 as _SCHEMA_V1
from .store import (
    BUSY_TIMEOUT,
    SCHEMA_VERSION,
    SUFFIX,
    Journal,
    copy_journal,
    default_journal_name,
    default_journal_path,
    open_journal,
)
from .transfer import export_text, read_export

__all__ = [
    "BUSY_TIMEOUT",
    "FIELDS",
    "HISTORY_SCHEMA_VERSION",
    "MARKABLE_STATUSES",
    "SCHEMA_VERSION",
    "SUFFIX",
    "Journal",
    "JournalError",
    "Mark",
    "MarkFields",
    "assess_with_history",
    "build_entry",
    "check_mark",
    "copy_journal",
    "default_journal_name",
    "default_journal_path",
    "export_text",
    "history_document",
    "known_subjects",
    "mark",
    "mark_many",
    "mark_problems",
    "open_journal",
    "read_export",
    "readiness_history",
    "record_mark",
    "replay",
    "unknown_subjects",
]
