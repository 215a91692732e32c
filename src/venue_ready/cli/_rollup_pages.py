"""``venue-ready rollup --html-dir DIR``: one HTML page per event listed (the event's own
report, through :meth:`Report.render <venue_ready.Report.render>`), and an ``index.html`` (the
roll-up's page) whose rows link to them, relatively, so the folder can be moved or shared whole.

Nothing may lose the user's data. The folder keeps a manifest of what this command wrote
(:data:`MANIFEST`: each file's name and the SHA-256 of what was written). A folder that is not
empty and has no manifest is refused, and so is replacing a file the manifest does not list or
whose content changed since (someone edited it): nothing is written then, and the message
names the files. ``--force`` allows both; even then, files the roll-up does not write are never
touched. Pages this command wrote earlier and no longer writes (an event gone, or left out by a
filter) are removed, unless they were changed since.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import TYPE_CHECKING

from .._i18n import gettext as _
from .._i18n import gettext_count, os_error
from ._common import Exit, ExitCode, err

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Sequence

    from .._rollup import Rollup, RollupSelection

__all__ = ["INDEX", "MANIFEST", "page_names", "write_pages"]

#: The index page's name.
INDEX = "index.html"
#: The manifest of what the command wrote in the folder (hidden).
MANIFEST = ".venue-ready-rollup.json"
#: A page's name is the event's id with anything but these characters replaced, so that no id
#: can name a path outside the folder (``../x``) or a hidden file.
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
#: Longest page name kept from an id, before ``.html``.
_NAME_LIMIT = 100


def write_pages(
    args: argparse.Namespace,
    rollup: Rollup,
    selection: RollupSelection,
    lang: str,
    *,
    block: Sequence[str],
    extra: Sequence[str],
) -> None:
    """Write the pages of the events ``selection`` keeps, and the index, into
    ``args.html_dir``; a usage error (exit 2) before anything is written when that would
    replace what the user did not let the command write."""
    from .._render.rollup_html import render_rollup_html
    from .._rollup import pages

    folder = args.html_dir
    if os.path.exists(folder) and not os.path.isdir(folder):
        err(_("cli.rollup-dir-not-a-dir", lang, dir=folder))
        raise Exit(ExitCode.USAGE)
    owned = _manifest(folder)
    present = _present(folder)
    if present and owned is None and not args.force:
        err(_("cli.rollup-dir-not-ours", lang, dir=folder))
        raise Exit(ExitCode.USAGE)
    owned = owned or {}
    shown = rollup.select(selection)
    names = page_names(e.result.id for e in shown)
    wanted = [*names.values(), INDEX]
    clashes = [
        name
        for name in wanted
        if name in present and (owned.get(name) != _digest_file(os.path.join(folder, name)))
    ]
    if clashes and not args.force:
        err(_("cli.rollup-dir-would-overwrite", lang, dir=folder, files=", ".join(clashes)))
        raise Exit(ExitCode.USAGE)

    written: dict[str, str] = {}
    try:
        os.makedirs(folder, exist_ok=True)
        links: dict[str, str] = {}
        for entry, text in pages(
            rollup,
            shown,
            lang,
            jobs=args.jobs,
            block=block,
            extra=extra,
            strict=args.strict_plugins,
            journals=args.journal,
        ):
            if text is None:
                err(_("cli.rollup-page-changed", lang, file=entry.file, id=entry.result.id))
                continue
            name = names[entry.result.id]
            written[name] = _write(folder, name, text)
            links[entry.result.id] = _href(name)
        index = render_rollup_html(rollup, lang, selection, links)
        written[INDEX] = _write(folder, INDEX, index)
        _remove_stale(folder, owned, written)
        _write(folder, MANIFEST, json.dumps({"files": dict(sorted(written.items()))}, indent=2))
    except OSError as exc:
        err(_("cli.rollup-dir-failed", lang, file=exc.filename or folder, error=os_error(exc)))
        raise Exit(ExitCode.USAGE) from None
    err(gettext_count("cli.rollup-pages-written", len(written) - 1, lang, dir=folder))


def page_names(ids: Iterable[str]) -> dict[str, str]:
    """Each id's page name: the id with unsafe characters replaced, ``.html`` added; unique in
    the folder even where names differ only by case (a case-insensitive file system), and
    never the index's."""
    taken = {INDEX.casefold(), MANIFEST.casefold()}
    out: dict[str, str] = {}
    for key in ids:
        stem = _UNSAFE.sub("_", key).lstrip(".")[:_NAME_LIMIT] or "event"
        name, n = f"{stem}.html", 1
        while name.casefold() in taken:
            n += 1
            name = f"{stem}-{n}.html"
        taken.add(name.casefold())
        out[key] = name
    return out


def _href(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


def _present(folder: str) -> set[str]:
    """The names in ``folder`` (none when it does not exist), the manifest left out."""
    try:
        return set(os.listdir(folder)) - {MANIFEST}
    except FileNotFoundError:
        return set()


def _manifest(folder: str) -> dict[str, str] | None:
    """What the command wrote in ``folder`` before (name → SHA-256), or None when the folder
    has no manifest it can read: then it did not write there."""
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return None
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_file(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None


def _write(folder: str, name: str, text: str) -> str:
    from .._files import write_atomic

    write_atomic(os.path.join(folder, name), text)
    return _digest(text)


def _remove_stale(folder: str, owned: dict[str, str], written: dict[str, str]) -> None:
    """Remove the pages written before and not now, each only if it is still as written."""
    for name, digest in owned.items():
        if name in written or os.path.basename(name) != name or name == MANIFEST:
            continue
        path = os.path.join(folder, name)
        if _digest_file(path) == digest:
            os.remove(path)
