"""The roll-up's cache: what an event file gave last time, reused while it still holds.

A roll-up of a city re-reads thousands of files of which one changed. The cache keeps, for each
event file, what its assessment gave (the small :class:`~venue_ready.SubeventResult` a roll-up
keeps, and the first blocker) together with:

- the **state of the file** it was computed from: size, modification and change times, inode
  and the SHA-256 of its bytes. The times are a shortcut only: when they are equal and older
  than the moment the hash was taken by more than :data:`RACY_NS` (a file saved twice in the
  same clock tick keeps its times), the hash is trusted; otherwise the bytes are read and
  hashed again, so a file touched without a change is still a hit and an edit is never missed;
- the same state of its **journal** (the file and the sqlite ``-wal``/``-journal`` beside it);
- the **window** of moments in which the result stays valid: between the last and the next
  instant the assessment compares the moment with (every date and time in the event and its
  journal, each Finding's due, the start and end, ``held_at``, the children's dates, and the
  day's boundaries in the event's and the default time zone). A moment outside it is a miss;
- for a parent, a digest of its **children's results**: it is assessed again only when one of
  them changed.

Every entry lives under a key that carries the cache's format, the Python and venue_ready
versions, a fingerprint of venue_ready's own files and of each plugin's (name, distribution,
version, files), the plugins blocked and added, ``--strict-plugins``, the plugins that failed to
load and the environment variables that choose plugins or a language: any change there and
nothing cached before is used.

Where: ``$VENUE_READY_CACHE_DIR``, else ``$XDG_CACHE_HOME/venue-ready``, else
``~/.cache/venue-ready`` (:func:`cache_dir`), one sqlite file, :data:`FILE_NAME`. Deleting the
folder clears it; ``--no-cache`` bypasses it.

Nothing read from it is trusted: each value carries its own SHA-256 and is plain JSON, decoded
into the model's classes by a strict decoder (no pickle); a value that does not check out is a
miss, a damaged database is replaced (atomically: a new file renamed over it), a file of that
name that is not one of ours (another application's, another format) is left alone and the
roll-up runs without a cache. A folder that cannot be made or written means no cache, never an
error. Writes are sqlite transactions, so two roll-ups at once (or ``--jobs 2``, whose workers
never write: only the main process does) cannot corrupt it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

    from ._plugins import PluginManager

__all__ = [
    "FILE_NAME",
    "Store",
    "Unsupported",
    "cache_dir",
    "decode",
    "encode",
    "environment_key",
    "file_state",
    "instants",
    "window",
]

#: The layout of the values; bumped on any change, which makes every older entry a miss.
FORMAT = 1
#: The database's name in the cache folder.
FILE_NAME = "rollup-cache.sqlite3"
#: Written in the database's header (``PRAGMA application_id``): a file of that name without it
#: is not ours and is never replaced.
APPLICATION_ID = 0x76724331  # "vrC1"
#: Times equal to those of the hashed file are trusted only when the file had not changed for
#: this long when it was hashed (nanoseconds): timestamps move in clock ticks, not per write.
RACY_NS = 2_000_000_000
#: How long a second roll-up waits for another one's write (seconds) before going without.
BUSY_SECONDS = 5.0
#: The environment variables that change which plugins load or the language of messages.
ENVIRONMENT = (
    "VENUE_READY_DISABLE_PLUGIN_AUTOLOAD",
    "VENUE_READY_LOAD_PLUGINS",
    "VENUE_READY_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
    "LANGUAGE",
)
_SQLITE_HEADER = b"SQLite format 3\x00"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)


def cache_dir() -> str:
    """The cache folder: ``$VENUE_READY_CACHE_DIR``, else ``$XDG_CACHE_HOME/venue-ready``
    (an absolute ``XDG_CACHE_HOME`` only, as the XDG specification says), else
    ``~/.cache/venue-ready``."""
    chosen = os.environ.get("VENUE_READY_CACHE_DIR")
    if chosen:
        return chosen
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "venue-ready")


# -- the database -------------------------------------------------------------------------------


class Store:
    """The cache's database: :meth:`get` and :meth:`put` JSON values by key. Every failure of
    sqlite or of the file system turns it into a cache that holds nothing and keeps nothing."""

    def __init__(self, conn: sqlite3.Connection | None, path: str, writable: bool) -> None:
        self._conn = conn
        self.path = path
        self.writable = writable

    @classmethod
    def open(cls, folder: str | os.PathLike[str]) -> Store | None:
        """The cache in ``folder``, made when missing; None when there can be none (a folder
        that cannot be made, a file of that name that is not ours, a database sqlite refuses
        and that cannot be replaced)."""
        folder = os.fspath(folder)
        try:
            import sqlite3  # noqa: F401 - only to know it is there
        except ImportError:  # a Python built without sqlite: no cache
            return None
        try:
            if not os.path.isdir(folder):
                # the folder itself, and the usual ~/.cache above it; nothing else is made
                os.makedirs(folder, mode=0o700, exist_ok=True)
        except OSError:
            return None
        path = os.path.join(folder, FILE_NAME)
        writable = os.access(folder, os.W_OK | os.X_OK)
        kind = _inspect(path)
        if kind == "foreign":
            return None
        if kind == "damaged" or (kind == "missing" and writable):
            if not writable or not _replace(path):
                return None
        elif kind == "missing":
            return None
        store = cls._connect(path, writable and os.access(path, os.W_OK))
        if store is None and writable and _inspect(path) != "foreign" and _replace(path):
            store = cls._connect(path, True)  # it was ours but sqlite refused it: rebuilt
        return store

    @classmethod
    def _connect(cls, path: str, writable: bool) -> Store | None:
        import sqlite3

        try:
            if writable:
                conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
                # a lost cache costs time only: no waiting for the disk on every write
                conn.execute("PRAGMA synchronous = OFF")
            else:
                uri = "file:" + _uri_path(path) + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app != APPLICATION_ID or version != FORMAT:
                conn.close()
                return None
            conn.execute("SELECT count(*) FROM entries WHERE key = ''").fetchone()
        except sqlite3.Error:
            return None
        return cls(conn, path, writable)

    def close(self) -> None:
        """Close the database."""
        import contextlib

        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def get(self, keys: Sequence[str]) -> dict[str, Any]:
        """The values stored under ``keys`` that check out (their hash, their JSON); a key
        missing or damaged is simply not in the answer."""
        import json
        import sqlite3

        out: dict[str, Any] = {}
        if self._conn is None or not keys:
            return out
        try:
            for start in range(0, len(keys), 500):
                part = keys[start : start + 500]
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(
                    f"SELECT key, sum, value FROM entries WHERE key IN ({marks})",
                    part,
                ).fetchall()
                for key, digest, value in rows:
                    if not (isinstance(value, str) and isinstance(key, str)):
                        continue
                    if _digest(key, value) != digest:
                        continue  # damaged: rebuilt by the next put
                    try:
                        data = json.loads(value)
                    except ValueError:
                        continue
                    if isinstance(data, dict):
                        out[key] = data
        except sqlite3.Error:
            self._damaged()
            return {}
        return out

    def put(self, values: Mapping[str, Any]) -> None:
        """Store ``values`` (plain data) under their keys, in one transaction; nothing when the
        cache cannot be written."""
        import json
        import sqlite3

        if self._conn is None or not self.writable or not values:
            return
        rows = []
        for key, data in values.items():
            text = json.dumps(data, separators=(",", ":"), ensure_ascii=False, allow_nan=True)
            rows.append((key, _digest(key, text), text))
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO entries (key, sum, value) VALUES (?, ?, ?)", rows
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            self._damaged()

    def _damaged(self) -> None:
        """sqlite refused the database midway: give up on it for this run, and replace it
        when it is ours but damaged (the next run finds a fresh one)."""
        self.close()
        if self.writable and _inspect(self.path) != "foreign":
            import sqlite3

            try:
                conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS)
                try:
                    ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                finally:
                    conn.close()
            except sqlite3.OperationalError as exc:
                # another roll-up holds it: busy, not damaged
                ok = "locked" in str(exc) or "busy" in str(exc)
            except Exception:
                ok = False
            if not ok:
                _replace(self.path)


def _uri_path(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))


def _digest(key: str, value: str) -> str:
    import hashlib

    return hashlib.sha256(f"{key}\0{value}".encode()).hexdigest()[:32]


def _inspect(path: str) -> str:
    """``missing``, ``ours`` (an sqlite file with our application id), ``damaged`` (the
    beginning of an sqlite file, cut short: one of ours that a crash or a full disk cut) or
    ``foreign`` (anything else: never replaced)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except FileNotFoundError:
        return "missing"
    except OSError:
        return "foreign"
    if len(head) < 100:
        return "damaged" if _SQLITE_HEADER.startswith(head[:16]) else "foreign"
    if not head.startswith(_SQLITE_HEADER):
        return "foreign"
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        return "foreign"
    return "ours"


def _replace(path: str) -> bool:
    """Make a new, empty database beside ``path`` and rename it over it: a reader never sees
    half a file. False when that cannot be done."""
    import contextlib
    import sqlite3
    import tempfile

    folder = os.path.dirname(path) or "."
    try:
        fd, temp = tempfile.mkstemp(prefix=".rollup-cache-", suffix=".tmp", dir=folder)
    except OSError:
        return False
    os.close(fd)
    try:
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {FORMAT}")
            conn.execute(
                "CREATE TABLE entries (key TEXT PRIMARY KEY, sum TEXT NOT NULL,"
                " value TEXT NOT NULL) WITHOUT ROWID"
            )
        finally:
            conn.close()
        os.replace(temp, path)
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    return True


# -- what an entry is valid for -----------------------------------------------------------------


def environment_key(
    pm: PluginManager, block: Sequence[str], extra: Sequence[str], strict: bool
) -> str:
    """The part of every key that says which code and settings made a result: any change in
    venue_ready, its plugins or the options that choose them, and no entry matches."""
    import hashlib
    import json

    from ._version import __version__

    plugins = []
    for name in sorted(pm.plugin_names()):
        plugin = pm.get_plugin(name)
        dist, version = pm.origin(name)
        plugins.append([name, dist, version, _code_of(plugin)])
    data = {
        "format": FORMAT,
        "python": sys.version,
        "venue_ready": __version__,
        "core": _folder_print(os.path.dirname(os.path.abspath(__file__)), recursive=True),
        "plugins": plugins,
        "blocked": sorted(pm.blocked_names()),
        "block": sorted(block),
        "extra": list(extra),
        "strict": strict,
        "failures": sorted([f.name, f.stage, f.error] for f in pm.failures),
        "environment": [os.environ.get(name) for name in ENVIRONMENT],
    }
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _code_of(plugin: object) -> list[Any]:
    """A fingerprint of the files of ``plugin``'s module's folder (an editable plugin changes
    without a new version)."""
    import types

    module = plugin if isinstance(plugin, types.ModuleType) else None
    if module is None:
        module = sys.modules.get(type(plugin).__module__)
    file = getattr(module, "__file__", None)
    if not isinstance(file, str):
        return [getattr(module, "__name__", None)]
    folder = os.path.dirname(os.path.abspath(file))
    if folder == os.path.dirname(os.path.abspath(__file__)) or folder.startswith(
        os.path.dirname(os.path.abspath(__file__)) + os.sep
    ):
        return ["core"]  # the built-in plugins: in the core's fingerprint already
    return [getattr(module, "__name__", None), _folder_print(folder, recursive=False)]


def _folder_print(folder: str, *, recursive: bool) -> str:
    """Names, sizes and modification times of the files under ``folder`` (byte-code caches
    left out), hashed."""
    import hashlib

    digest = hashlib.sha256()
    for path in _files(folder, recursive):
        try:
            info = os.stat(path)
        except OSError:
            continue
        digest.update(
            f"{os.path.relpath(path, folder)}\0{info.st_size}\0{info.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()


def _files(folder: str, recursive: bool) -> Iterator[str]:
    try:
        names = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in names:
        if entry.name == "__pycache__" or entry.name.startswith("."):
            continue
        if entry.is_dir():
            if recursive:
                yield from _files(entry.path, recursive)
        else:
            yield entry.path


def file_state(path: str, known: Any = None) -> dict[str, Any] | None:
    """What ``path`` holds: ``{"size", "mtime", "ctime", "ino", "sha", "seen"}``, its hash
    reused from ``known`` (an earlier state) when its times prove it unchanged; None when it is
    missing or not a regular file (nothing is cached for it)."""
    import hashlib
    import stat
    import time

    seen = time.time_ns()
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None  # a named pipe, a device: never read here
    state: dict[str, Any] = {
        "size": info.st_size,
        "mtime": info.st_mtime_ns,
        "ctime": info.st_ctime_ns,
        "ino": info.st_ino,
    }
    if (
        isinstance(known, dict)
        and all(known.get(k) == v for k, v in state.items())
        and isinstance(known.get("seen"), int)
        and isinstance(known.get("sha"), str)
        and max(info.st_mtime_ns, info.st_ctime_ns) < known["seen"] - RACY_NS
    ):
        return {**state, "sha": known["sha"], "seen": known["seen"]}
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return {**state, "sha": hashlib.sha256(data).hexdigest(), "seen": seen}


def same_state(now: Any, then: Any) -> bool:
    """True when two states (:func:`file_state`, or lists of them, or None) name the same
    bytes."""
    if isinstance(now, list) and isinstance(then, list):
        return len(now) == len(then) and all(
            same_state(a, b) for a, b in zip(now, then, strict=True)
        )
    if now is None or then is None:
        return now is None and then is None
    return (
        isinstance(now, dict)
        and isinstance(then, dict)
        and now.get("sha") == then.get("sha")
        and now.get("size") == then.get("size")
    )


def instants(
    objects: Iterable[object], zones: Sequence[tzinfo], into: set[int] | None = None
) -> set[int]:
    """Every date and time found in ``objects`` (attrs instances, mappings and sequences,
    walked down), as microseconds since 1970: a time without a zone in each of ``zones``, a
    date as its midnight and the next one in each. :class:`Unsupported` for a structure too
    big to walk (a cycle)."""
    out: set[int] = set() if into is None else into
    moments: set[datetime] = set()
    days: set[date] = set()
    stack = list(objects)
    budget = _WALK_LIMIT
    while stack:
        obj = stack.pop()
        kind = type(obj)
        if kind in _PLAIN:
            continue
        budget -= 1
        if budget < 0:
            raise Unsupported("too much to walk")
        if kind is datetime:
            moments.add(obj)  # type: ignore[arg-type]
            continue
        if kind is date:
            days.add(obj)  # type: ignore[arg-type]
            continue
        if kind is tuple or kind is list:
            stack.extend(obj)  # type: ignore[arg-type]
            continue
        getter = _GETTERS.get(kind, _getter_of)
        if getter is _getter_of:
            getter = _GETTERS[kind] = _getter_of(kind)
        if getter is not None:
            stack.extend(getter(obj))
        elif isinstance(obj, datetime):
            moments.add(obj)
        elif isinstance(obj, date):
            days.add(obj)
        elif isinstance(obj, Mapping):
            stack.extend(obj.keys())
            stack.extend(obj.values())
        elif isinstance(obj, (tuple, list, set, frozenset)):
            stack.extend(obj)
    for moment in moments:
        if moment.tzinfo is None:
            out.update(_micros(moment.replace(tzinfo=zone)) for zone in zones)
        else:
            out.add(_micros(moment))
    for day in days:
        for zone in zones:
            midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
            out.add(_micros(midnight))
            out.add(_micros(midnight + timedelta(days=1)))
    return out


#: Values skipped at once by :func:`instants`; a walk of more nodes than this is given up.
_PLAIN = frozenset({str, int, float, bool, type(None), bytes})
_WALK_LIMIT = 5_000_000
#: Field types (as written, with ``from __future__ import annotations``) that hold no date.
_PLAIN_TYPES = frozenset(
    f"{t}{none}" for t in ("str", "int", "float", "bool") for none in ("", " | None")
)
#: Per attrs class, a function giving its fields' values as a tuple (None: not attrs).
_GETTERS: dict[type, Any] = {}


def _getter_of(kind: type) -> Any:
    from operator import attrgetter

    fields = getattr(kind, "__attrs_attrs__", None)
    if not fields:
        return None
    names = [f.name for f in fields]
    if kind.__module__.startswith("venue_ready."):
        # the core's own classes check their fields' types: one declared as text or a number
        # holds no date (a plugin's class is walked whole)
        names = [f.name for f in fields if str(f.type) not in _PLAIN_TYPES]
        if not names:
            return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICRO


def window(as_of: datetime, found: set[int], zones: Sequence[tzinfo]) -> dict[str, Any]:
    """The moments at which a result computed at ``as_of`` stays the same, given the instants
    it compares the moment with (``found``): strictly between the last one before and the
    first one after, and in the same day in every one of ``zones``. ``as_of`` on one of them
    is valid for that very moment only."""
    at = _micros(as_of)
    bounds = set(found)
    for zone in zones:
        local = as_of.astimezone(zone)
        midnight = datetime(local.year, local.month, local.day, tzinfo=zone)
        bounds.add(_micros(midnight) - 1)  # the midnight itself is in the day
        bounds.add(_micros(midnight + timedelta(days=1)))
    if at in bounds:
        return {"at": at, "lo": at, "hi": at}
    lower = [b for b in bounds if b < at]
    upper = [b for b in bounds if b > at]
    return {"at": at, "lo": max(lower) if lower else None, "hi": min(upper) if upper else None}


def valid_at(record: Any, as_of: datetime) -> bool:
    """True when the record's window (:func:`window`) holds ``as_of``."""
    if not isinstance(record, dict):
        return False
    at, lo, hi = record.get("at"), record.get("lo"), record.get("hi")
    moment = _micros(as_of)
    if moment == at:
        return True
    if at in (lo, hi):
        return False
    return (lo is None or (isinstance(lo, int) and lo < moment)) and (
        hi is None or (isinstance(hi, int) and moment < hi)
    )


# -- values -------------------------------------------------------------------------------------


class Unsupported(Exception):
    """A value the cache cannot write exactly: its result is not cached."""


def encode(value: object) -> Any:
    """``value`` as plain JSON data, tagged so that :func:`decode` gives back an equal value
    of the same types (strings, numbers, dates and times with their zone, tuples, mappings,
    Messages, statuses); :class:`Unsupported` for anything else."""
    from ._i18n import Message
    from ._model import AreaStatus

    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value
    if kind is datetime:
        assert isinstance(value, datetime)
        return [
            "dt",
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            value.fold,
            _zone(value.tzinfo),
        ]
    if kind is date:
        assert isinstance(value, date)
        return ["d", value.toordinal()]
    if kind is tuple:
        assert isinstance(value, tuple)
        return ["t", *(encode(v) for v in value)]
    if kind is Message:
        assert isinstance(value, Message)
        return ["m", value.id, encode(value.params)]
    if kind is AreaStatus:
        assert isinstance(value, AreaStatus)
        return ["s", value.value]
    if isinstance(value, Mapping):
        if not all(type(k) is str for k in value):
            raise Unsupported(kind.__name__)
        return ["o", {k: encode(v) for k, v in value.items()}]
    raise Unsupported(kind.__name__)


def _zone(zone: tzinfo | None) -> Any:
    from zoneinfo import ZoneInfo

    if zone is None:
        return None
    if type(zone) is ZoneInfo and zone.key:
        return ["z", zone.key]
    if type(zone) is timezone:
        offset = zone.utcoffset(None)
        return ["f", offset // _MICRO, zone.tzname(None)]
    raise Unsupported(type(zone).__name__)


def decode(data: Any) -> Any:
    """The value :func:`encode` wrote; ValueError (or TypeError, KeyError) for anything it
    would not have written."""
    from ._i18n import Message
    from ._model import AreaStatus

    if data is None or type(data) in (str, int, float, bool):
        return data
    if type(data) is not list or not data or type(data[0]) is not str:
        raise ValueError("not a cached value")
    tag = data[0]
    if tag == "dt" and len(data) == 10:
        parts = data[1:9]
        if not all(type(p) is int for p in parts):
            raise ValueError("bad time")
        y, mo, d, h, mi, sec, us, fold = parts
        return datetime(y, mo, d, h, mi, sec, us, tzinfo=_unzone(data[9]), fold=fold)
    if tag == "d" and len(data) == 2 and type(data[1]) is int:
        return date.fromordinal(data[1])
    if tag == "t":
        return tuple(decode(v) for v in data[1:])
    if tag == "m" and len(data) == 3 and type(data[1]) is str:
        params = decode(data[2])
        if not isinstance(params, Mapping):
            raise ValueError("bad message")
        return Message(data[1], params)
    if tag == "s" and len(data) == 2:
        return AreaStatus(data[1])
    if tag == "o" and len(data) == 2 and type(data[1]) is dict:
        return {k: decode(v) for k, v in data[1].items()}
    raise ValueError("not a cached value")


_ZONES: dict[str, tzinfo] = {}


def _unzone(data: Any) -> tzinfo | None:
    from ._dates import get_zone

    if data is None:
        return None
    if type(data) is list and len(data) == 2 and data[0] == "z" and type(data[1]) is str:
        zone = _ZONES.get(data[1])
        if zone is None:
            zone = _ZONES[data[1]] = get_zone(data[1])
        return zone
    if type(data) is list and len(data) == 3 and data[0] == "f" and type(data[1]) is int:
        offset = timedelta(microseconds=data[1])
        name = data[2]
        plain = timezone(offset)
        if name == plain.tzname(None):
            return plain
        if type(name) is not str:
            raise ValueError("bad zone")
        return timezone(offset, name)
    raise ValueError("bad zone")
