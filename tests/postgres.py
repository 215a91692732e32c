"""A real PostgreSQL server for the tests: a throw-away cluster in a temporary folder, from
Debian's binaries (``/usr/lib/postgresql/*/bin``), listening on a unix socket in that folder
and on a free port of the loopback address; stopped and removed at the end of the session.

initdb refuses to run as root: as root, the cluster is the ``postgres`` user's (Debian's
package creates it), run through ``runuser``, and the tests connect as the superuser
``postgres`` over the socket (``trust``: only the folder's owner and root can reach it);
over TCP a password is asked (``scram-sha-256``).
Each test gets a database of its own, made from ``template0``.

Without PostgreSQL the tests that need it skip, unless ``CI`` is set: then they fail, CI must
have installed it (``.ci/run`` does).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

__all__ = ["PostgresServer", "find_bin", "start_server"]


def find_bin() -> Path | None:
    """The newest Debian PostgreSQL's ``bin`` folder with initdb, or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """A running throw-away cluster."""

    def __init__(self, folder: Path, bindir: Path, port: int, as_postgres: bool) -> None:
        self.folder = folder
        self.bindir = bindir
        self.port = port
        self.as_postgres = as_postgres
        self.socket_dir = folder / "socket"
        self.user = "postgres" if as_postgres else os.environ.get("USER", "postgres")

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run(
            [*prefix, *command], capture_output=True, text=True, check=True, cwd=self.folder
        )

    def url(self, database: str, **params: str) -> str:
        """The URL of ``database`` over the cluster's socket (libpq's ``host=`` a folder)."""
        from urllib.parse import quote, urlencode

        query = urlencode({"host": str(self.socket_dir), **params})
        return f"postgresql://{self.user}@:{self.port}/{quote(database)}?{query}"

    def tcp_url(self, database: str, **params: str) -> str:
        from urllib.parse import urlencode

        query = f"?{urlencode(params)}" if params else ""
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}{query}"

    def create_database(self) -> str:
        """A new, empty database; its name."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return name

    def sql(self, database: str, statement: str) -> list[tuple[object, ...]]:
        """Run ``statement`` in ``database`` as the superuser (to damage a row, say)."""
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            cursor = conn.execute(statement)
            return list(cursor.fetchall()) if cursor.description else []

    def stop(self) -> None:
        try:
            self._run(
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.folder / "data"),
                "-m",
                "immediate",
                "stop",
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PostgresServer:
    """Start a cluster; skip (or fail, with ``CI`` set) when PostgreSQL is not installed."""
    bindir = find_bin()
    reason = None
    if bindir is None:
        reason = "PostgreSQL (Debian's postgresql: /usr/lib/postgresql/*/bin/initdb) is missing"
    else:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            reason = "psycopg is not installed (pip install -e '.[test]')"
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}", pytrace=False)
        pytest.skip(reason)
    assert bindir is not None
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="venue-ready-pg-"))
    (folder / "socket").mkdir()
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(folder / "socket", "postgres", "postgres")
        folder.chmod(0o755)
    (folder / "socket").chmod(0o700)
    server = PostgresServer(folder, bindir, _free_port(), as_postgres)
    data = folder / "data"
    try:
        server._run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            server.user,
            "--auth-local=trust",  # the socket's folder is the cluster owner's alone (0700)
            "--auth-host=scram-sha-256",  # over TCP, a password: a refused one can be tested
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={server.port}"
            f" -c unix_socket_directories={server.socket_dir} -c fsync=off"
            " -c max_connections=200"
        )
        server._run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "-t",
            "60",
            "start",
        )
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        message = f"could not start PostgreSQL: {exc.stderr or exc.stdout}"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return server
