"""A large file end to end: ``venue-ready check FILE --format json`` against tomli parsing FILE.

Goal (issue #16): ``check`` of a 10,000-item event file, written as JSON, costs at most **3x**
what ``python -c "import tomli; tomli.loads(...)"`` costs on the same file.

The event is ``bench_load.generate(N)`` (10,000 items by default, seeded: Vietnamese titles,
owners, bare and timed due dates, statuses with progress, weights, gates, sign-offs, waivers),
written to a temporary folder. Both sides are whole subprocesses, run in pairs (the floor, then
``check``, the order swapped every other pair) after one untimed warm-up each, so that both sides
of a pair see the same load on a shared machine; the ratio is the median of the pairs' ratios,
with the medians and the best times of each side beside it. ``check`` writes its JSON to a file
(``-o``) in the same folder, as a user would. Byte-code is cached in a temporary
``PYTHONPYCACHEPREFIX`` (as in ``bench_startup.py``), so neither side compiles at each start.

``--instructions`` also counts the instructions of one run of each side under valgrind's
callgrind, a figure that does not move with the machine's load.

This is a measurement, not a test: it prints PASS/FAIL against the goal and always exits 0.

    python benchmarks/bench_large.py [--items N] [--repeat N] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import generate
from bench_startup import instructions

AS_OF = "2020-05-08T16:00+07:00"
GOAL = 3.0
FLOOR_CODE = "import sys, tomli; tomli.loads(open(sys.argv[1], encoding='utf-8').read())"


def run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1, 2):  # check exits 1 or 2 for a report that is not ready
        sys.exit(f"{argv} failed ({proc.returncode}):\n{proc.stderr.decode('utf-8', 'replace')}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000, help="items in the event")
    parser.add_argument("--repeat", type=int, default=11, help="timed pairs")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions with callgrind"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="venue-ready-bench-large-") as folder:
        event = Path(folder) / "congress.toml"
        event.write_text(generate(args.items), encoding="utf-8")
        output = Path(folder) / "report.json"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        floor = [sys.executable, "-c", FLOOR_CODE, str(event)]
        check = [
            sys.executable, "-m", "venue_ready", "check", str(event),
            "--format", "json", "--as-of", AS_OF, "-o", str(output),
        ]  # fmt: skip

        run(floor, env)  # warm-up: byte-code written, files in the page cache
        run(check, env)
        floors: list[float] = []
        checks: list[float] = []
        for turn in range(args.repeat):
            if turn % 2:
                checks.append(run(check, env))
                floors.append(run(floor, env))
            else:
                floors.append(run(floor, env))
                checks.append(run(check, env))
        ratios = [c / f for c, f in zip(checks, floors, strict=True)]
        size = event.stat().st_size
        written = output.stat().st_size

        print(f"python {platform.python_version()} on {platform.system()} {platform.machine()}, "
              f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}")  # fmt: skip
        print(f"event: {args.items:,} items, {size / 1e6:.1f} MB of TOML; "
              f"report: {written / 1e6:.1f} MB of JSON; {args.repeat} pairs")  # fmt: skip
        print("| side | median | best |")
        print("|---|---|---|")
        print(
            f"| tomli parsing the file | {statistics.median(floors):.3f} s | {min(floors):.3f} s |"
        )
        print(f"| check --format json | {statistics.median(checks):.3f} s | {min(checks):.3f} s |")
        ratio = statistics.median(ratios)
        verdict = "PASS" if ratio <= GOAL else "FAIL"
        best = min(checks) / min(floors)
        print(f"ratio (median of the pairs): {ratio:.2f}x (best/best {best:.2f}x)")
        print(f"goal <= {GOAL}x: {verdict}")
        if args.instructions:
            base = instructions(floor, env)
            mine = instructions(check, env)
            if base is None or mine is None:
                print("instructions: valgrind not found")
            else:
                print(f"instructions: tomli {base / 1e6:,.1f} M, check {mine / 1e6:,.1f} M, "
                      f"{mine / base:.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
