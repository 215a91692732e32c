"""Writing files without ever losing what was there.

Everything venue_ready writes goes to a temporary file in the same folder first, and is then
moved into place in one step, so a crash, a full disk or a second process never leaves a
half-written file where the user's was.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = True) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically.

    With ``overwrite=False`` an existing file is never replaced, even one created by another
    process while this one was writing: :class:`FileExistsError` is raised and nothing changes.
    """
    # Imported here, not at module level, where every command would pay for them: tempfile
    # pulls in random and shutil, pathlib pulls in urllib and ipaddress.
    import tempfile
    from pathlib import Path

    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
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
    return target
