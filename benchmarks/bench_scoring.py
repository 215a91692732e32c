"""Scoring cost at a million Findings: ``score_area`` and ``assess`` against a plain Python loop.

Budget (DESIGN.md, "Performance budget"): scoring already-loaded events costs at most 3x a plain
Python loop over the same Findings.

Set-up (untimed): ``--events`` events (1000 by default) of ``--items`` items each (1000), built
in code with a seeded mix of statuses, progress, weights, gates, due dates, sign-offs and
waivers; their Findings are made once by the ``checklist`` plugin (the plugin hook, as
``assess`` calls it) and kept.

(a) **scoring**: ``venue_ready._scoring.score_area`` over every event's pre-made Findings, against
    a hand-written loop over the same Findings computing the same figures (Σ weight,
    Σ weight·credit, planned value, overdue count, with the same rules for waivers, phases and
    default due dates). Target <= 3x. Both sides' figures are compared, so the loop is checked
    to be doing the same work.
(b) **end-to-end**: ``venue_ready.assess(event, as_of, plugins=pm)``, which also turns every item
    into a Finding through the checklist plugin and builds the Report, against the same plain
    loop over the same events' Findings. There is no budget for this one in DESIGN.md; it is
    held against the same 3x and labelled end-to-end. Each assess of a million items takes
    seconds, so by default it runs on the first ``--e2e-events`` events (200) to stay within a
    minute; the ratio is per Finding, and ``--e2e-events 1000`` measures the full million.
    The checklist hook alone is timed beside it, to show which part dominates.

Sides alternate within every round, the order rotating; ratios are of the best (minimum) times,
medians beside them. The set-up runs with the garbage collector off, and its objects are then
frozen (``gc.freeze``), so that the collections in the timings (a full one before each timed
call, and whatever the timed code triggers, the collector being on) do not walk the benchmark's
own million pre-made Findings. ``--profile`` adds a cProfile of one event's ``assess``.

This is a measurement, not a test: it prints PASS/FAIL against the budget and always exits 0.

    python benchmarks/bench_scoring.py [--events N] [--items N] [--e2e-events N] [--repeat N]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import platform
import pstats
import random
import statistics
import sys
import time as clock
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import venue_ready
from venue_ready import AreaPlan, Event, Finding, Item, Phase, SignOff, Status, Waiver
from venue_ready._scoring import score_area

TARGET = 3.0
SEED = 20200515
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
STARTS = datetime(2020, 5, 15, 7, 30, tzinfo=TZ)
ENDS = datetime(2020, 5, 15, 17, 0, tzinfo=TZ)
AS_OF = datetime(2020, 5, 8, 16, 0, tzinfo=TZ)
BEFORE, DURING = Phase.BEFORE, Phase.DURING

TITLES = (
    "Đại hội chi bộ trực thuộc đã tổ chức xong",
    "Báo cáo chính trị trình Đại hội",
    "Hồ sơ nhân sự báo cáo Ban Thường vụ Quận ủy",
    "Chương trình, kịch bản điều hành Đại hội",
    "Trang trí khánh tiết hội trường",
    "Phương án bảo vệ an ninh, trật tự khu vực Đại hội",
    "In ấn tài liệu phát cho đại biểu",
    "Âm thanh, ánh sáng, màn hình trình chiếu",
)
OWNERS = ("Ban Thường vụ Đảng ủy", "Tiểu ban Văn kiện", "Tiểu ban Phục vụ", "Công an phường")
SIGNERS = ("Tổ chỉ đạo đại hội của Quận", "Ban Thường vụ Quận ủy")
STATUSES = (Status.DONE,) * 3 + (Status.IN_PROGRESS,) * 2 + (Status.TODO,) * 2 + (Status.BLOCKED,)
WAIVER = Waiver("Không cần thiết trong điều kiện phòng chống dịch", "Đ/c Bí thư Đảng ủy")


def end_of_day(day: date) -> datetime:
    """A bare date as an event file means it: the last instant of that day."""
    return datetime.combine(day, time(23, 59, 59, 999999), TZ)


def item_templates(count: int) -> list[dict[str, Any]]:
    """``count`` seeded item descriptions (all but id and title) in a congress's proportions."""
    rng = random.Random(SEED)
    days = [end_of_day(STARTS.date() - timedelta(days=d)) for d in range(1, 75)]
    hours = [datetime(2020, 5, 14, h, 0, tzinfo=TZ) for h in range(7, 18)]
    templates = []
    for i in range(count):
        phase = rng.choices((Phase.BEFORE, Phase.DURING, Phase.AFTER), (90, 6, 4))[0]
        kwargs: dict[str, Any] = {"owner": OWNERS[i % len(OWNERS)], "phase": phase}
        if phase is not Phase.BEFORE:
            if rng.random() < 0.5:
                kwargs["due"] = end_of_day(ENDS.date() + timedelta(days=rng.randint(0, 9)))
        elif rng.random() < 0.15:
            kwargs["due"] = rng.choice(hours)
        elif rng.random() < 0.95:
            kwargs["due"] = rng.choice(days)
        if rng.random() < 0.03:
            kwargs["status"] = Status.WAIVED
            kwargs["waiver"] = WAIVER
        else:
            kwargs["status"] = status = rng.choice(STATUSES)
            if status is Status.IN_PROGRESS and rng.random() < 0.8:
                kwargs["progress"] = rng.randint(1, 19) * 0.05
        if rng.random() < 0.3:
            kwargs["weight"] = rng.choice((0.5, 2.0, 3.0, 5.0))
        if rng.random() < 0.2:
            kwargs["gate"] = True
        if rng.random() < 0.1:
            body = SIGNERS[i % len(SIGNERS)]
            version = rng.randint(1, 4)
            kwargs["requires_signoff"] = body
            kwargs["version"] = str(version)
            if rng.random() < 0.6:
                signed = version if rng.random() < 0.8 else version - 1
                kwargs["signed_off"] = SignOff(body, rng.choice(days), str(signed))
        templates.append(kwargs)
    return templates


def build_events(n_events: int, n_items: int) -> list[Event]:
    """Seeded events of ``n_items`` distinct Item objects each, all in area ``general``."""
    templates = item_templates(4099)  # a prime: events do not repeat each other's sequence
    events = []
    for e in range(n_events):
        items = [
            Item(
                id=f"item.{e:04d}.{i:05d}",
                title=f"{TITLES[i % len(TITLES)]} (đợt {i % 97 + 1})",
                **templates[(e * n_items + i) % len(templates)],
            )
            for i in range(n_items)
        ]
        events.append(
            Event(
                id=f"bench-{e:04d}",
                name=f"Đại hội Đảng bộ phường thứ {e + 1}, nhiệm kỳ 2020 - 2025",
                starts=STARTS,
                ends=ENDS,
                areas=(AreaPlan(key="general", items=items),),
            )
        )
    return events


def plugin_findings(pm: venue_ready.PluginManager, event: Event) -> list[Finding]:
    """The Findings the plugins make for ``event`` (its one area), as ``assess`` asks for them."""
    found: list[Finding] = []
    for result in pm.hook.venue_ready_assess(event=event, area=event.areas[0], as_of=AS_OF):
        found.extend(result)
    return found


def plain_loop(
    findings: Sequence[Finding], as_of: datetime, starts: datetime, ends: datetime
) -> tuple[float, float, float, int]:
    """Σ weight, Σ weight·credit, planned value and overdue count, by the scoring rules."""
    total = earned = planned = 0.0
    overdue = 0
    for f in findings:
        if f.waiver is not None:
            continue
        credit = f.credit if f.assessed else 0.0
        due = f.due
        if f.phase is BEFORE:
            total += f.weight
            earned += f.weight * credit
            if due is None:
                due = starts
            if due <= as_of:
                planned += f.weight
        elif due is None and f.phase is DURING:
            due = ends
        if credit < 1.0 and due is not None and due < as_of:
            overdue += 1
    return total, earned, planned, overdue


def timed(func: Callable[[], Any]) -> float:
    gc.collect()
    start = clock.perf_counter()
    func()
    return clock.perf_counter() - start


def rounds(sides: dict[str, Callable[[], Any]], repeat: int) -> dict[str, list[float]]:
    labels = list(sides)
    times: dict[str, list[float]] = {label: [] for label in labels}
    for round_ in range(repeat):
        shift = round_ % len(labels)
        for label in labels[shift:] + labels[:shift]:
            times[label].append(timed(sides[label]))
    return times


def report(title: str, times: dict[str, list[float]], n_findings: int) -> None:
    print(f"\n{title}")
    print(f"  {'side':<48} {'best ms':>9} {'median ms':>10} {'µs/Finding':>11}")
    for label, values in times.items():
        best = min(values)
        print(
            f"  {label:<48} {best * 1e3:9.1f} {statistics.median(values) * 1e3:10.1f} "
            f"{best / n_findings * 1e6:11.3f}"
        )


def ratio_line(label: str, num: list[float], den: list[float], target: float | None) -> None:
    best = min(num) / min(den)
    median = statistics.median(num) / statistics.median(den)
    line = f"  {label:<44} {best:7.2f}x ({median:.2f}x)"
    if target is not None:
        line += f"  target <= {target}x  {'PASS' if best <= target else 'FAIL'}"
    print(line)


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000, help="events to score")
    parser.add_argument("--items", type=int, default=1000, help="items per event")
    parser.add_argument(
        "--e2e-events", type=int, default=200, help="events the end-to-end assess runs on"
    )
    parser.add_argument("--repeat", type=int, default=5, help="rounds for (a)")
    parser.add_argument("--e2e-repeat", type=int, default=3, help="rounds for (b)")
    parser.add_argument("--profile", action="store_true", help="cProfile one event's assess")
    args = parser.parse_args()
    e2e_events = max(1, min(args.e2e_events, args.events))

    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    start = clock.perf_counter()
    pm = venue_ready.get_plugin_manager()
    gc.disable()  # set-up only: a growing heap of a million objects makes the collector crawl
    events = build_events(args.events, args.items)
    built = clock.perf_counter()
    findings = [plugin_findings(pm, event) for event in events]
    n_findings = sum(len(f) for f in findings)
    made = clock.perf_counter()
    gc.collect()
    gc.freeze()  # the set-up's objects stay out of the timed code's collections
    gc.enable()
    print(
        f"set-up: {args.events} events x {args.items} items = {n_findings:,} Findings "
        f"(items built in {built - start:.1f} s, Findings made in {made - built:.1f} s)"
    )

    # The plain loop must compute what score_area computes, or the comparison means nothing.
    for event, found in zip(events, findings, strict=True):
        total, earned, planned, overdue = plain_loop(found, AS_OF, event.starts, event.ends)
        figures = score_area(found, AS_OF, event.starts, event.ends, event.areas[0].threshold)
        same = (
            abs(figures.earned - earned) < 1e-6
            and abs(figures.planned - planned) < 1e-6
            and figures.overdue == overdue
            and (figures.score is None) == (total == 0)
            and (total == 0 or abs(figures.score - 100.0 * earned / total) < 1e-6)
        )
        if not same:
            print(f"WARNING: the plain loop and score_area disagree on {event.id}: {figures}")
            break

    def loop_all() -> None:
        for event, found in zip(events, findings, strict=True):
            plain_loop(found, AS_OF, event.starts, event.ends)

    def score_all() -> None:
        for event, found in zip(events, findings, strict=True):
            score_area(found, AS_OF, event.starts, event.ends, event.areas[0].threshold)

    times_a = rounds(
        {"plain loop over the Findings": loop_all, "scoring.score_area per event": score_all},
        args.repeat,
    )
    report(
        f"(a) scoring {n_findings:,} pre-made Findings, {args.repeat} rounds", times_a, n_findings
    )

    sample_events = events[:e2e_events]
    sample_findings = findings[:e2e_events]
    n_sample = sum(len(f) for f in sample_findings)

    def loop_sample() -> None:
        for event, found in zip(sample_events, sample_findings, strict=True):
            plain_loop(found, AS_OF, event.starts, event.ends)

    def assess_sample() -> None:
        for event in sample_events:
            venue_ready.assess(event, AS_OF, plugins=pm)

    def hook_sample() -> None:
        for event in sample_events:
            plugin_findings(pm, event)

    times_b = rounds(
        {
            "plain loop over the Findings": loop_sample,
            "venue_ready.assess per event": assess_sample,
            "  of which: checklist hook (items -> Findings)": hook_sample,
        },
        args.e2e_repeat,
    )
    report(
        f"(b) end-to-end on {e2e_events} events = {n_sample:,} items, {args.e2e_repeat} rounds",
        times_b,
        n_sample,
    )

    loop_a, score_a = times_a.values()
    loop_b, assess_b, hook_b = times_b.values()
    print("\nratios of best times (medians in brackets)")
    ratio_line("(a) score_area / plain loop", score_a, loop_a, TARGET)
    ratio_line("(b) end-to-end: assess / plain loop", assess_b, loop_b, TARGET)
    ratio_line("    checklist hook alone / plain loop", hook_b, loop_b, None)
    share = min(hook_b) / min(assess_b)
    print(f"    (the checklist hook is {share:.0%} of assess's best time)")
    rss = peak_rss_mb()
    if rss is not None:
        print(f"\npeak RSS: {rss:,.0f} MB")

    if args.profile:
        profiler = cProfile.Profile()
        gc.collect()
        profiler.runcall(venue_ready.assess, events[0], AS_OF, plugins=pm)
        print(f"\ncProfile of one assess ({args.items} items; top 15 by own time)")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
