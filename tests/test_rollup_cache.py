"""Issue #16: the roll-up's cache (venue_ready._cache) changes nothing but the time.

Over generated changes to a tree of event files (an edited line, a file added or removed, a file
touched without a change, a journal mark) and moments (on and between the instants the events
name), a roll-up with the cache prints byte for byte what one without it prints, in JSON and in
text. A cache file damaged, cut short or not ours, a folder that cannot be made or written, two
roll-ups at once: the same output, no error, and a file that is not ours is never replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from venue_ready import Mark, default_journal_path, open_journal
from venue_ready._cache import FILE_NAME, _digest, _inspect
from venue_ready._render.rollup_text import render_rollup_text
from venue_ready._rollup import roll_up

from .conftest import ROOT, RunCli
from .support import TZ

TREE = ROOT / "tests" / "data" / "rollup"
AS_OF_TEXT = "2020-05-10T12:00+07:00"

#: Moments between the tree's instants, on them (a due date's midnight, a start), and long after
#: (when a mark recorded today is known).
MOMENTS = [
    datetime(2020, 5, 1, 9, 0, tzinfo=TZ),
    datetime(2020, 5, 10, 12, 0, tzinfo=TZ),
    datetime(2020, 5, 10, 18, 0, tzinfo=TZ),
    datetime(2020, 5, 12, 0, 0, tzinfo=TZ),
    datetime(2020, 5, 15, 7, 30, tzinfo=TZ),
    datetime(2020, 5, 15, 7, 30, 0, 1, tzinfo=TZ),
    datetime(2020, 5, 20, 12, 0, tzinfo=TZ),
    datetime(2031, 1, 1, 8, 0, tzinfo=TZ),
]
CHANGES = ["none", "edit", "add", "remove", "touch", "mark"]


def _outputs(folder: Path, as_of: datetime, cache: Path | None) -> tuple[str, str]:
    rollup = roll_up([folder], as_of, cache=cache)
    return rollup.to_json(), render_rollup_text(rollup, rollup.lang)


def _apply(folder: Path, change: str, pick: int, step: int) -> None:
    files = sorted(folder.rglob("*.toml"))
    if not files:
        return
    target = files[pick % len(files)]
    if change == "edit":
        text = target.read_text(encoding="utf-8")
        if pick % 4 == 1 and 'status = "done"' in text:
            text = text.replace('status = "done"', 'status = "todo"', 1)
        elif pick % 4 == 3 and 'status = "done"' in text:
            text = text.replace('status = "done"', 'status = "finished"', 1)  # a broken file
        else:
            day = 1 + pick % 28
            text += (
                f'\n[[areas.general.items]]\nid = "new{step}"\ntitle = "Việc {step}"\n'
                f"due = 2020-05-{day:02d}\ngate = {'true' if pick % 3 == 0 else 'false'}\n"
            )
        target.write_text(text, encoding="utf-8")
    elif change == "add":
        text = (TREE / "c11.toml").read_text(encoding="utf-8")
        new_id = f"n{step}x{pick}"
        text = text.replace('"c11', f'"{new_id}').replace('"w1"', '"w2"' if pick % 2 else '"w1"')
        (folder / f"{new_id}.toml").write_text(text, encoding="utf-8")
    elif change == "remove":
        target.unlink()
    elif change == "touch":
        stamp = os.stat(target).st_mtime_ns + 1_000_000_000 * (1 + pick)
        os.utime(target, ns=(stamp, stamp))
    elif change == "mark":
        cells = [f for f in files if f.stem.startswith("c")] or files
        cell = cells[pick % len(cells)]
        item = f"{cell.stem}.docs" if "docs" in cell.read_text(encoding="utf-8") else "x"
        with open_journal(default_journal_path(cell)) as journal:
            journal.record(
                Mark(item, "in_progress" if pick % 2 else "done", by="Tổ công tác"),
                recorded_at=datetime(2020, 5, 1 + pick % 20, 9, 0, tzinfo=TZ),
            )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(CHANGES), st.integers(0, 50), st.sampled_from(MOMENTS)),
        min_size=1,
        max_size=4,
    ),
)
def test_cached_and_uncached_roll_ups_print_the_same(
    steps: list[tuple[str, int, datetime]],
) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder, cache = Path(temp) / "tree", Path(temp) / "cache"
        shutil.copytree(TREE, folder)
        for step, (change, pick, as_of) in enumerate(steps):
            _apply(folder, change, pick, step)
            expected = _outputs(folder, as_of, None)
            assert _outputs(folder, as_of, cache) == expected, (step, change)
            # and a second time, now answered by the cache
            assert _outputs(folder, as_of, cache) == expected, (step, change)
        with sqlite3.connect(cache / FILE_NAME) as conn:
            assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] > 0


def test_an_unchanged_file_is_answered_by_the_cache(tmp_path: Path) -> None:
    """The cache is read: an entry altered behind its back (with a valid checksum, which no
    accident makes) shows in the next roll-up, so the byte-identity above is not that of a
    cache never used. An edit of the file makes it a miss again."""
    folder, cache = tmp_path / "tree", tmp_path / "cache"
    shutil.copytree(TREE, folder)
    as_of = MOMENTS[1]
    before = roll_up([folder], as_of, cache=cache).to_json()
    with sqlite3.connect(cache / FILE_NAME) as conn:
        rows = conn.execute("SELECT key, value FROM entries").fetchall()
        changed = 0
        for key, value in rows:
            data = json.loads(value)
            if data.get("first", {}).get("out", {}).get("r", {}).get("id") == "c12":
                data["first"]["out"]["r"]["name"] = "ĐÃ SỬA TRONG BỘ NHỚ ĐỆM"
                text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
                conn.execute(
                    "UPDATE entries SET value = ?, sum = ? WHERE key = ?",
                    (text, _digest(key, text), key),
                )
                changed += 1
    assert changed == 1
    assert "ĐÃ SỬA TRONG BỘ NHỚ ĐỆM" in roll_up([folder], as_of, cache=cache).to_json()
    c12 = folder / "c12.toml"
    c12.write_text(c12.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert roll_up([folder], as_of, cache=cache).to_json() == before


# -- the real CLI ---------------------------------------------------------------------------------


def _rollup(run_cli: RunCli, folder: Path, cache: Path, *more: str) -> tuple[int, str, str]:
    proc = run_cli(
        "rollup",
        folder,
        "--format",
        "json",
        "--as-of",
        AS_OF_TEXT,
        *more,
        env={"VENUE_READY_CACHE_DIR": str(cache)},
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    folder = tmp_path / "tree"
    shutil.copytree(TREE, folder)
    return folder


def test_cli_second_roll_up_and_no_cache(run_cli: RunCli, tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _rollup(run_cli, tree, cache)
    assert first[0] == 0, first[2]
    assert (cache / FILE_NAME).is_file()
    assert _rollup(run_cli, tree, cache) == first
    text = run_cli("rollup", tree, "--as-of", AS_OF_TEXT, env={"VENUE_READY_CACHE_DIR": str(cache)})
    plain = run_cli("rollup", tree, "--as-of", AS_OF_TEXT, "--no-cache")
    assert (text.returncode, text.stdout) == (plain.returncode, plain.stdout)
    # --no-cache neither reads nor writes it: a folder named for it is not even made
    unused = tmp_path / "unused"
    assert _rollup(run_cli, tree, unused, "--no-cache") == first
    assert not unused.exists()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "wrong-values"])
def test_cli_damaged_cache_is_rebuilt(
    run_cli: RunCli, tree: Path, tmp_path: Path, damage: str
) -> None:
    cache = tmp_path / "cache"
    first = _rollup(run_cli, tree, cache)
    db = cache / FILE_NAME
    data = db.read_bytes()
    if damage == "garbage":
        # the header kept, the pages after it overwritten
        db.write_bytes(data[:100] + bytes(range(256)) * ((len(data) - 100) // 256 + 1))
    elif damage == "truncated":
        db.write_bytes(data[: len(data) // 3])
    elif damage == "empty":
        db.write_bytes(b"")
    else:
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE entries SET value = substr(value, 1, length(value) - 5)")
    assert _rollup(run_cli, tree, cache) == first
    assert _inspect(str(db)) == "ours"
    assert _rollup(run_cli, tree, cache) == first


def test_cli_foreign_file_is_left_alone(run_cli: RunCli, tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    foreign = cache / FILE_NAME
    foreign.write_text("không phải bộ nhớ đệm: tệp của người dùng\n" * 10, encoding="utf-8")
    expected = _rollup(run_cli, tree, tmp_path / "other")
    assert _rollup(run_cli, tree, cache) == expected
    assert foreign.read_text(encoding="utf-8").startswith("không phải bộ nhớ đệm")
    assert sorted(p.name for p in cache.iterdir()) == [FILE_NAME]


def test_cli_cache_folder_that_cannot_be_made(run_cli: RunCli, tree: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    expected = _rollup(run_cli, tree, tmp_path / "cache")
    assert _rollup(run_cli, tree, blocker / "cache") == expected
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_cli_read_only_cache_folder(run_cli: RunCli, tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _rollup(run_cli, tree, cache)
    before = (cache / FILE_NAME).read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    os.chmod(cache, 0o500)
    os.chmod(empty, 0o500)
    try:
        assert _rollup(run_cli, tree, cache) == first
        assert _rollup(run_cli, tree, empty) == first
        assert list(empty.iterdir()) == []
    finally:
        os.chmod(cache, 0o700)
        os.chmod(empty, 0o700)
    assert (cache / FILE_NAME).read_bytes() == before


def test_cli_two_roll_ups_at_once(tree: Path, tmp_path: Path) -> None:
    """Two processes, each with --jobs 2, on one cache: both right, the cache sound after."""
    cache = tmp_path / "cache"
    env = {**os.environ, "VENUE_READY_CACHE_DIR": str(cache), "PYTHONIOENCODING": "utf-8"}
    args = [sys.executable, "-m", "venue_ready", "rollup", str(tree), "--format", "json"]
    args += ["--as-of", AS_OF_TEXT, "--jobs", "2"]
    plain = subprocess.run([*args, "--no-cache"], capture_output=True, env=env, check=False)
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, env=env) for _ in range(2)]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert outs == [plain.stdout, plain.stdout]
    again = subprocess.run(args, capture_output=True, env=env, check=False)
    assert again.stdout == plain.stdout
    with sqlite3.connect(cache / FILE_NAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_cli_check_adds_to_an_existing_cache(run_cli: RunCli, tmp_path: Path) -> None:
    """check adds its result to the roll-up's cache when there is one, and a roll-up then
    prints what it prints without the cache; --no-cache adds nothing, and with no cache
    folder check makes none."""
    folder, cache = tmp_path / "events", tmp_path / "cache"
    folder.mkdir()
    event = folder / "congress.toml"
    shutil.copy(ROOT / "examples" / "small" / "congress.toml", event)
    env = {"VENUE_READY_CACHE_DIR": str(cache)}
    run_cli("check", event, "--as-of", AS_OF_TEXT, env=env)
    assert not cache.exists()
    expected = _rollup(run_cli, folder, cache, "--no-cache")
    assert _rollup(run_cli, folder, cache) == expected

    def count() -> int:
        with sqlite3.connect(cache / FILE_NAME) as conn:
            return int(conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    with sqlite3.connect(cache / FILE_NAME) as conn:
        conn.execute("DELETE FROM entries")
    # a file saved just before check may have changed while it ran: not kept then
    time.sleep(2.1)
    run_cli("check", event, "--as-of", AS_OF_TEXT, "--no-cache", env=env)
    assert count() == 0
    run_cli("check", event, "--as-of", AS_OF_TEXT, env=env)
    assert count() == 1
    assert _rollup(run_cli, folder, cache) == expected
    assert count() == 1  # the roll-up's key is check's: the same entry, not a second one
    assert _rollup(run_cli, folder, cache) == expected
