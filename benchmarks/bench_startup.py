"""Start-up cost of ``venue-ready check`` against importing its own dependencies.

Budget (DESIGN.md, "Performance budget", and issue #16): ``venue-ready check`` costs at most 1.5x
the time of ``python -c "import tomli, pluggy, attrs"`` (1.2x is the aim), measured on the real
example, ``examples/ngoc-thuy-2020``, both as a text report and ``--format json``; the small
example is measured beside them, for scale.

Every command is a fresh subprocess. The commands run round-robin (interleaved) in the same run,
after one untimed warm-up each, and the ratio is taken between the best (minimum) wall times,
with the medians shown beside them. Then ``-X importtime`` shows which modules
``import venue_ready`` (and the ``check`` command) spend their time in.

Byte-code: an installed wheel has its ``.pyc`` files, written by the installer, while an editable
install run with ``PYTHONDONTWRITEBYTECODE=1`` (or from a read-only checkout) compiles venue_ready
from source at every start, and its dependencies do not. To compare like with like, the
subprocesses run with ``PYTHONDONTWRITEBYTECODE`` removed and ``PYTHONPYCACHEPREFIX`` set to a
temporary folder (removed at the end), so nothing is written into the checkout. ``--as-is`` keeps
the inherited environment instead.

This is a measurement, not a test: it prints PASS/FAIL against the budget and always exits 0.

    python benchmarks/bench_startup.py [--repeat N] [--as-is] [--instructions]

``--instructions`` also counts the instructions each command executes, under valgrind's
callgrind (Debian's ``valgrind`` package): a count does not change with the load of a busy
machine the way wall time does, so it compares two versions of the code fairly (it is not the
budget's measure, which is wall time; instructions weigh byte-code loading and I/O differently).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "small" / "congress.toml"
AS_OF = "2020-05-08T16:00+07:00"
NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
NGOC_THUY_AS_OF = "2020-05-14T16:00+07:00"
TARGET = 1.5
AIM = 1.2
BASELINE_CODE = "import tomli, pluggy, attrs"
#: The commands the budget is measured on: label -> ``check``'s arguments.
CHECKS = {
    "check ngoc-thuy-2020 (text)": ["check", str(NGOC_THUY), "--as-of", NGOC_THUY_AS_OF],
    "check ngoc-thuy-2020 --format json": [
        "check", str(NGOC_THUY), "--as-of", NGOC_THUY_AS_OF, "--format", "json",
    ],
    "check examples/small (text)": ["check", str(EXAMPLE), "--as-of", AS_OF],
}  # fmt: skip

Env = dict[str, str] | None  # None: inherit this process's environment
Timings = dict[str, tuple[int, int]]  # module: (self µs, cumulative µs)


def console_script() -> Path | None:
    """The ``venue-ready`` script installed next to this interpreter, if there is one."""
    folder = Path(sys.executable).parent
    for name in ("venue-ready", "venue-ready.exe"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def run_once(argv: list[str], env: Env) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
    )
    elapsed = time.perf_counter() - start
    return elapsed, proc.returncode, proc.stderr.decode("utf-8", "replace")


def importtime(args: list[str], env: Env) -> Timings:
    """Per-module times from ``python -X importtime *args``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    out: Timings = {}
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|", 2)
        out[name.strip()] = (int(self_us), int(cumulative))
    return out


def min_importtime(args: list[str], env: Env, runs: int) -> Timings:
    """Per-module minimum over ``runs`` runs: one -X importtime run alone is noisy."""
    found: Timings = {}
    for _ in range(runs):
        for name, (self_us, cum_us) in importtime(args, env).items():
            old = found.get(name, (self_us, cum_us))
            found[name] = (min(old[0], self_us), min(old[1], cum_us))
    return found


def print_top(title: str, table: Timings, base: Timings) -> None:
    print(f"  {title:<36} {'self ms':>8} {'cumul ms':>9}  in baseline?")
    for name, (self_us, cum_us) in sorted(table.items(), key=lambda kv: -kv[1][0])[:10]:
        shared = "yes" if name in base else "no"
        print(f"  {name:<36} {self_us / 1e3:8.1f} {cum_us / 1e3:9.1f}  {shared}")


def instructions(argv: list[str], env: Env) -> int | None:
    """Instructions executed by ``argv`` (callgrind's total), or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory(prefix="venue-ready-bench-cg-") as folder:
        out = Path(folder) / "callgrind.out"
        subprocess.run(
            [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        for line in out.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(("summary:", "totals:")):
                return int(line.split()[1])
    return None


def count_instructions(env: Env) -> None:
    """Instructions of the baseline and of each ``check`` (Ngọc Thụy text and JSON, small)."""
    commands = {f'baseline: python -c "{BASELINE_CODE}"': [sys.executable, "-c", BASELINE_CODE]}
    for label, args in CHECKS.items():
        commands[label] = [sys.executable, "-m", "venue_ready", *args]
    for argv in commands.values():  # warm-up: byte-code written, files in the cache
        subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, check=False)
    counts = {label: instructions(argv, env) for label, argv in commands.items()}
    base = next(iter(counts.values()))
    if base is None:
        print("\nvalgrind not found: instructions not counted (apt-get install valgrind)")
        return
    print("\ninstructions executed (valgrind callgrind; one run each, after a warm-up)")
    for label, count in counts.items():
        ratio = f"{count / base:6.2f}x" if count else "     -"
        print(f"  {label:<48} {count or 0:>14,} {ratio}")


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "FAIL"


def measure(repeat: int, env: Env, env_note: str, *, count: bool = False) -> None:
    floor = "python -c pass  (interpreter floor)"
    baseline = f'baseline: python -c "{BASELINE_CODE}"'
    import_only = 'python -c "import venue_ready"'
    commands: dict[str, list[str]] = {
        floor: [sys.executable, "-c", "pass"],
        baseline: [sys.executable, "-c", BASELINE_CODE],
        import_only: [sys.executable, "-c", "import venue_ready"],
    }
    for label, args in CHECKS.items():
        commands[f"python -m venue_ready {label}"] = [sys.executable, "-m", "venue_ready", *args]
    script = console_script()
    if script is not None:
        first, args = next(iter(CHECKS.items()))
        commands[f"venue-ready {first}  (script)"] = [str(script), *args]
    checks = [label for label in commands if "check" in label]

    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"events: {NGOC_THUY.relative_to(ROOT)} --as-of {NGOC_THUY_AS_OF}")
    print(f"        {EXAMPLE.relative_to(ROOT)} --as-of {AS_OF}")
    print(f"environment: {env_note}")
    if script is None:
        print("console script venue-ready not found next to sys.executable: not measured")

    for label, argv in commands.items():  # warm-up: byte-code and file-system caches
        _, code, err = run_once(argv, env)
        if code not in (0, 1):  # 1: the report's verdict (not ready), not a failure
            print(f"note: {label} exited {code}; stderr:\n{err.strip()}")

    times: dict[str, list[float]] = {label: [] for label in commands}
    labels = list(commands)
    for round_ in range(repeat):
        shift = round_ % len(labels)  # rotate, so no command always follows the same one
        for label in labels[shift:] + labels[:shift]:
            times[label].append(run_once(commands[label], env)[0])

    base_best = min(times[baseline])
    base_median = statistics.median(times[baseline])
    print(f"\n{repeat} interleaved runs of each; wall time of the whole subprocess")
    print(f"{'command':<62} {'best ms':>8} {'median ms':>10} {'best/base':>10} {'med/base':>9}")
    for label in labels:
        best, median = min(times[label]), statistics.median(times[label])
        print(
            f"{label:<62} {best * 1e3:8.1f} {median * 1e3:10.1f} "
            f"{best / base_best:9.2f}x {median / base_median:8.2f}x"
        )

    print(f"\nTarget: check <= {TARGET}x the baseline (aim {AIM}x), ratio of best times")
    for label in checks:
        ratio = min(times[label]) / base_best
        aim = "  (within the aim)" if ratio <= AIM else ""
        print(f"  {label:<60} {ratio:5.2f}x  {verdict(ratio, TARGET)}{aim}")
    print(f"  (import venue_ready alone: {min(times[import_only]) / base_best:.2f}x the baseline)")

    runs = 5
    ours = min_importtime(["-c", "import venue_ready"], env, runs)
    base = min_importtime(["-c", BASELINE_CODE], env, runs)
    check = min_importtime(["-m", "venue_ready", *next(iter(CHECKS.values()))], env, runs)
    extra = {name: v for name, v in ours.items() if name not in base}
    print(f'\npython -X importtime -c "import venue_ready"  (per-module minimum of {runs} runs;')
    print("  -X importtime itself slows imports down, so read these as shares, not as wall time)")
    print(f"  cumulative import of venue_ready: {ours.get('venue_ready', (0, 0))[1] / 1e3:.1f} ms")
    print(
        f"  {len(extra)} modules the baseline does not import, "
        f"self time {sum(v[0] for v in extra.values()) / 1e3:.1f} ms"
    )
    print_top("top 10 by self time", ours, base)

    more = {name: v for name, v in check.items() if name not in ours}
    first = next(iter(CHECKS))
    print(f"\npython -X importtime -m venue_ready {first}  (per-module minimum of {runs} runs)")
    print(
        f"  {len(more)} modules imported by the command beyond `import venue_ready`, "
        f"self time {sum(v[0] for v in more.values()) / 1e3:.1f} ms"
    )
    print_top("top 10 of those by self time", more, base)
    if count:
        count_instructions(env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=25, help="timed runs of each command")
    parser.add_argument(
        "--as-is",
        action="store_true",
        help="keep the inherited environment (PYTHONDONTWRITEBYTECODE and all)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count instructions under valgrind (steady on a busy machine)",
    )
    args = parser.parse_args()
    if args.as_is:
        measure(args.repeat, None, "inherited, unchanged (--as-is)", count=args.instructions)
        return 0
    with tempfile.TemporaryDirectory(prefix="venue-ready-bench-pyc-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        measure(
            args.repeat,
            env,
            "byte-code cached in a temporary PYTHONPYCACHEPREFIX",
            count=args.instructions,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
