"""Writing files without ever losing what was there.

Everything venue_ready writes goes to a temporary file in the same folder first, and is then
moved into place in one step, so a crash, a full disk or a second process never leaves a
half-written file where the user's was. What is not a file to replace is written in place: a
device (``/dev/null``), a named pipe, a terminal, a descriptor (``/dev/stdout``); a symbolic
link is followed, and its target replaced.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(
    path: str | os.PathLike[str], text: str | bytes, *, overwrite: bool = True
) -> Path:
    """Write ``text`` (UTF-8; ``bytes`` as they are) to ``path`` atomically.

    A symbolic link is followed: its target is replaced, the link stays. What is not a regular
    file (``/dev/null``, a named pipe, ``/dev/stdout`` and the other descriptor paths) cannot be
    replaced without destroying it, and is written in place, as a shell's ``>`` would. The
    temporary file is removed whatever ends the write, SIGTERM included (the process then ends
    by that signal, as it would have).

    With ``overwrite=False`` an existing file is never replaced, even one created by another
    process while this one was writing (nor is a link followed): :class:`FileExistsError` is
    raised and nothing changes.
    """
    from pathlib import Path

    if overwrite and _in_place(path):
        if isinstance(text, bytes):
            with open(path, "wb") as out:
                out.write(text)
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        return Path(path)
    target = Path(os.path.realpath(path) if overwrite else path)
    with _terminated_as_interrupt():
        _replace(target, text, overwrite=overwrite)
    return target


def _in_place(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is to be written in place: it exists and is not a regular file, or it
    names a file descriptor (``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``), whatever
    that descriptor is open on."""
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return True
    except OSError:
        return False  # nothing there (or a dangling link): a new file is made
    return _descriptor(os.fspath(path))


def _descriptor(name: str) -> bool:
    """Whether ``name``, link by link, goes through ``/proc`` (where ``/dev/fd`` and
    ``/dev/stdout`` lead): replacing what the link resolves to there would replace the file
    the descriptor is open on, under whoever opened it."""
    name = os.path.abspath(name)
    for _hop in range(40):  # the kernel's limit on links followed
        folder = os.path.realpath(os.path.dirname(name))
        name = os.path.join(folder, os.path.basename(name))
        if name.startswith("/proc/"):
            return True
        if not os.path.islink(name):
            return False
        name = os.path.join(folder, os.readlink(name))
    return False


def _replace(target: Path, text: str | bytes, *, overwrite: bool) -> None:
    # Imported here, not at module level, where every command would pay for it: tempfile
    # pulls in random and shutil.
    import tempfile
    from pathlib import Path

    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        data = text.encode("utf-8") if isinstance(text, str) else text
        with os.fdopen(fd, "wb") as fh:  # "\n" stays "\n": the text is encoded as it is
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); a report or an event file is not a secret.
        # Keep the mode of the file being replaced, or give the usual 0644.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        tmp.chmod(mode)
        if overwrite:
            os.replace(tmp, target)
        else:
            # link() fails if the target exists, where rename() would silently replace it.
            os.link(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


class _Terminated(BaseException):
    """SIGTERM, raised where the process was, so that ``finally`` clauses run."""


@contextlib.contextmanager
def _terminated_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`_Terminated` (the block's ``finally`` clauses
    remove what they made); after it, the signal is sent again to the process's own handler,
    which by default ends it. Only the main thread can set a signal handler: elsewhere, the
    block runs as it is."""
    import signal
    import threading

    previous = signal.getsignal(signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread() or previous in (
        signal.SIG_IGN,
        None,  # a handler set outside Python: leave it alone
    ):
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise _Terminated

    signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    except _Terminated:
        signal.signal(signal.SIGTERM, previous)
        os.kill(os.getpid(), signal.SIGTERM)  # by default, the process ends here
        # a handler of the program's own that let it live: the write did not happen
        raise InterruptedError("interrupted by SIGTERM") from None
    finally:
        signal.signal(signal.SIGTERM, previous)
