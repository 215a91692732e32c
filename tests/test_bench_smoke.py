"""CI's smoke tests of the benchmarks: benchmarks/bench_scale.py (issue #7) at 1,000 events
completes and prints a well-formed table; benchmarks/bench_large.py (issue #16) on a small file
prints its ratio. It asserts no timing: the figures are
benchmarks/README.md's business, measured on a quiet machine."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

ROW = re.compile(
    r"^\| (?P<events>[\d,]+) \| (?P<items>[\d,]+) \| (?P<jobs>\d+) \| [\d.]+ s \| [\d.]+ s "
    r"\| \*\*[\d.]+×\*\* \| [\d.]+× \| [\d,]+ \| [\d.]+ \| \d+ B \| -?\d+ B "
    r"\| (?P<rolled>[\d,]+) \|$"
)


def test_bench_scale_runs_at_1000_events(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            ROOT / "benchmarks" / "bench_scale.py",
            "--sizes",
            "1000",
            "--jobs",
            "1,2",
            "--root",
            tmp_path,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [m for line in proc.stdout.splitlines() if (m := ROW.match(line))]
    assert [m["jobs"] for m in rows] == ["1", "2"]
    for row in rows:
        events = int(row["events"].replace(",", ""))
        assert 950 <= events <= 1050
        assert int(row["items"].replace(",", "")) >= 28 * events  # about 30 items each
        assert row["rolled"] == row["events"]  # every event rolled up, no error
    assert "largest size: " in proc.stdout
    assert re.search(r"jobs 1: ratio to the floor <= 2.0x: (PASS|FAIL)", proc.stdout)
    # the generated files are kept under --root, and reused by a second run
    assert (tmp_path / "events-1000.json").is_file()


def test_bench_large_runs_on_a_small_file() -> None:
    # issue #16's large-file benchmark, at 200 items and one pair: it completes and prints its
    # ratio and verdict (the figures themselves are benchmarks/README.md's)
    proc = subprocess.run(
        [sys.executable, ROOT / "benchmarks" / "bench_large.py", "--items", "200", "--repeat", "1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "event: 200 items" in proc.stdout
    assert re.search(r"^ratio \(median of the pairs\): [\d.]+x", proc.stdout, re.MULTILINE)
    assert re.search(r"^goal <= 3.0x: (PASS|FAIL)$", proc.stdout, re.MULTILINE)
