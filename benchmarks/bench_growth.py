"""Growth: how each public command's time grows with its input, as an exponent (issue #11).

Each command runs at a size n and at 4n, in this process, through the real command line
(``venue_ready.cli.main``, output captured); the best of ``--repeat`` rounds is taken at each
size, and the growth exponent is ``log(t(4n) / t(n)) / log 4``: 1 for linear time, 2 for
quadratic. The target is at most 1.2 for every command (a little above 1 for noise and for the
sorts, n log n).

What grows, per command (the inputs are generated, deterministically):

- ``check`` in text, json, md and html: the items of one event (``bench_load.generate``);
- ``check`` of an event whose backdrop title, and title format, are ``n`` characters long
  (the decoration plugin's title check);
- ``history`` in text and json, ``journal export`` in jsonl and csv: the entries of a journal,
  each at its own moment, about the items of a 100-item event;
- ``rollup`` (one process): the events of a tree (``gen_events.py``).

This is a measurement, not a test: it prints the table and PASS/FAIL, and always exits 0.

    python benchmarks/bench_growth.py [--scale X] [--repeat N] [--only NAME,...]

``--scale`` multiplies every size (default 1: about 2 minutes on a quiet machine).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_load import HEADER, generate  # noqa: E402

import venue_ready  # noqa: E402
from venue_ready.cli import main  # noqa: E402

TARGET = 1.2
#: Each case's size n at ``--scale 1``: items, title characters, entries, events.
SIZES = {"check": 2000, "title": 20_000, "journal": 1000, "rollup": 40}
TITLE_AREA = """
[areas.decoration]
weight = 1

[areas.decoration.settings]
organisation = "Đảng bộ phường Ngọc Thụy"
title_format = {fmt}

[areas.decoration.settings.backdrop]
title = {title}
installed = 2020-05-14T09:00:00+07:00
kind = "printed"
owner = "Tiểu ban Phục vụ"
"""


def run(*args: str | Path) -> None:
    """``venue-ready ARGS`` in this process, its output captured and dropped; any exit code
    but 0 and 1 (a verdict) stops the benchmark, since it would time an error."""
    out, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(errors):
        code = main([str(a) for a in args])
    if code not in (0, 1):
        command = " ".join(map(str, args))
        raise SystemExit(f"venue-ready {command}: exit {code}\n{errors.getvalue()}")


def best(func: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


# -- inputs ----------------------------------------------------------------------------------


def event_file(folder: Path, items: int) -> Path:
    path = folder / f"event-{items}.toml"
    path.write_text(generate(items), encoding="utf-8")
    return path


def title_file(folder: Path, length: int) -> Path:
    # a format of n characters and a title that matches it: the path a long title takes
    fmt = "ĐẠI HỘI {organisation} " + "X " * (length // 2)
    title = ("ĐẠI HỘI ĐẢNG BỘ PHƯỜNG NGỌC THỤY " + "X " * (length // 2)).rstrip()
    area = TITLE_AREA.replace("{fmt}", json.dumps(fmt)).replace("{title}", json.dumps(title))
    text = HEADER + area
    path = folder / f"title-{length}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def journal_files(folder: Path, entries: int) -> tuple[Path, Path]:
    """An event of 100 items and a journal of ``entries`` entries beside it, each at its own
    moment: the history's series has a point per entry."""
    event = event_file(folder, 100)
    journal = folder / f"journal-{entries}.sqlite"
    ids = [item.id for area in venue_ready.load(event).areas for item in area.items]
    start = datetime(2020, 3, 1, tzinfo=UTC)
    rows = []
    for k in range(entries):
        at = (start + timedelta(minutes=3 * k)).isoformat()
        done = k % 3 == 0
        rows.append(
            {
                "uid": f"{k:032x}",
                "subject": ids[k % len(ids)],
                "status": "done" if done else "in_progress",
                "progress": None if done else round((k % 19 + 1) * 0.05, 2),
                "by": "Tiểu ban Phục vụ",
                "recorded_at": at,
                "happened_at": at,
                "note": "=ghi chú" if k % 7 == 0 else None,
                "evidence": f"bien-ban-{k}.pdf" if k % 5 == 0 else None,
                "signed_off_by": None,
                "version": None,
            }
        )
    with venue_ready.open_journal(journal) as j:
        j.import_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "jsonl")
    return event, journal


def rollup_tree(folder: Path, events: int) -> Path:
    tree = folder / f"tree-{events}"
    subprocess.run(
        [sys.executable, HERE / "gen_events.py", tree, "--events", str(events)],
        check=True,
        capture_output=True,
    )
    return tree


# -- the cases -------------------------------------------------------------------------------


def cases(folder: Path, scale: float) -> dict[str, tuple[int, Callable[[int], Callable[[], None]]]]:
    """Each case: its size n, and how to make the command to time at a size."""
    as_of = ("--as-of", "2020-05-14T16:00+07:00")

    def check(fmt: str) -> Callable[[int], Callable[[], None]]:
        def make(n: int) -> Callable[[], None]:
            path = event_file(folder, n)
            return lambda: run("check", path, *as_of, "--format", fmt)

        return make

    def title(n: int) -> Callable[[], None]:
        path = title_file(folder, n)
        return lambda: run("check", path, *as_of, "--format", "json")

    def journal(*command: str) -> Callable[[int], Callable[[], None]]:
        def make(n: int) -> Callable[[], None]:
            event, path = journal_files(folder, n)
            if command[0] == "export":
                return lambda: run("journal", "export", event, "--journal", path, *command[1:])
            return lambda: run("history", event, "--journal", path, *command[1:])

        return make

    def rollup(n: int) -> Callable[[], None]:
        tree = rollup_tree(folder, n)
        return lambda: run("rollup", tree, *as_of, "--jobs", "1")

    def size(kind: str) -> int:
        return max(1, round(SIZES[kind] * scale))

    return {
        "check text": (size("check"), check("text")),
        "check json": (size("check"), check("json")),
        "check md": (size("check"), check("md")),
        "check html": (size("check"), check("html")),
        "check: backdrop title": (size("title"), title),
        "history text": (size("journal"), journal("history", "--format", "text")),
        "history json": (size("journal"), journal("history", "--format", "json")),
        "journal export jsonl": (size("journal"), journal("export", "--format", "jsonl")),
        "journal export csv": (size("journal"), journal("export", "--format", "csv")),
        "rollup text": (size("rollup"), rollup),
    }


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds at each size")
    parser.add_argument("--only", default="", help="comma-separated case names to run")
    args = parser.parse_args()
    only = {name.strip() for name in args.only.split(",") if name.strip()}
    os.environ.pop("VENUE_READY_LANG", None)

    print(f"Python {sys.version.split()[0]}, venue_ready {venue_ready.__version__}")
    print(f"best of {args.repeat} at n and 4n; target: exponent ≤ {TARGET}\n")
    print("| command | n | 4n | t(n) | t(4n) | exponent | |")
    print("|---|---:|---:|---:|---:|---:|---|")
    worst = 0.0
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        folder = Path(tmp)
        for name, (n, make) in cases(folder, args.scale).items():
            if only and name not in only:
                continue
            small, large = make(n), make(4 * n)
            small()  # warm up: imports, plugin loading, caches
            t_n, t_4n = best(small, args.repeat), best(large, args.repeat)
            exponent = math.log(t_4n / t_n) / math.log(4)
            worst = max(worst, exponent)
            verdict = "PASS" if exponent <= TARGET else "FAIL"
            print(
                f"| {name} | {n:,} | {4 * n:,} | {t_n:.3f} s | {t_4n:.3f} s "
                f"| **{exponent:.2f}** | {verdict} |",
                flush=True,
            )
    print(f"\nworst exponent {worst:.2f}: {'PASS' if worst <= TARGET else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main_())
