"""Shared fixtures: paths to the examples, a runner for the real CLI in a subprocess, and an
event file written in the test's temporary folder (plain helpers are in ``support.py``)."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .postgres import PostgresServer, start_server
from .support import event_header

# The roll-up's cache (venue_ready._cache) of every CLI run in the suite goes to a folder of the
# session's own, removed at the end: a test never writes into the developer's ~/.cache, and never
# reads what an earlier session left there. run_cli drops VENUE_READY_* but keeps XDG_CACHE_HOME.
_CACHE_HOME = tempfile.mkdtemp(prefix="venue-ready-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
os.environ["VENUE_READY_CACHE_DIR"] = os.path.join(_CACHE_HOME, "venue-ready")
atexit.register(shutil.rmtree, _CACHE_HOME, True)

ROOT = Path(__file__).resolve().parent.parent
SMALL_EXAMPLE = ROOT / "examples" / "small" / "congress.toml"

#: The variables that choose the language of messages when neither --lang nor
#: VENUE_READY_LANG does (see venue_ready.cli._guess_lang).
LOCALE_VARIABLES = frozenset({"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"})

RunCli = Callable[..., subprocess.CompletedProcess[str]]
WriteEvent = Callable[..., Path]


@pytest.fixture
def small_example() -> Path:
    return SMALL_EXAMPLE


@pytest.fixture
def run_cli() -> RunCli:
    """Run ``python -m venue_ready ARGS`` and return the finished process (text mode)."""

    def run(
        *args: str | os.PathLike[str],
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        # Start from the caller's environment minus our own variables and the locale's, so
        # that a developer's VENUE_READY_LANG or LANG=en_GB.UTF-8 cannot change what a test
        # sees (messages default to Vietnamese); a test sets what it needs in env.
        base = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("VENUE_READY_") and k not in LOCALE_VARIABLES
        }
        full_env = {**base, "PYTHONIOENCODING": "utf-8", **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "venue_ready", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=full_env,
            cwd=cwd or ROOT,
            timeout=60,
            check=False,
        )

    return run


@pytest.fixture
def write_event(tmp_path: Path) -> WriteEvent:
    """``write_event(body="", *, filename="event.toml", **header)``: write
    ``event_header(**header) + body`` to ``tmp_path / filename`` (UTF-8) and return its path."""

    def write(body: str = "", *, filename: str = "event.toml", **header: Any) -> Path:
        path = tmp_path / filename
        path.write_text(event_header(**header) + body, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throw-away PostgreSQL cluster for the session (see tests/postgres.py)."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database of its own for this test (no journal named)."""
    return postgres_server.url(postgres_server.create_database())


#: The journal's backends every test of the journal runs on (issue #17).
BACKENDS = ("sqlite", "postgresql")
JournalAt = Callable[[Path], "str | Path"]


@pytest.fixture(params=BACKENDS)
def journal_at(request: pytest.FixtureRequest) -> JournalAt:
    """``journal_at(path)``: where the test's journal ``path`` is on this run's backend: the
    path itself on SQLite; on PostgreSQL, a journal of the test's own database, named after
    the path (the same path, the same journal). The PostgreSQL server starts only for the
    tests that run on it."""
    if request.param == "sqlite":
        return lambda path: path
    url: str = request.getfixturevalue("postgres_url")

    def at(path: Path) -> str:
        import hashlib

        digest = hashlib.sha256(str(path).encode()).hexdigest()[:10]
        return f"{url}&journal={path.stem[:30]}-{digest}"

    return at
