"""Loading cost: ``venue_ready.loads`` against ``tomli.loads`` of the same text.

Budgets: the whole load (parse + model construction) within 2x the tomli parse (the issue), and
model construction alone within 1x the tomli parse (DESIGN.md, "Performance budget").

The event is generated in memory, deterministically (seeded), with ``--items`` items (50,000 by
default) in the ``general`` area, the one area the builtin ``checklist`` plugin provides: ids,
Vietnamese titles, owners, due dates (bare dates and datetimes), statuses with progress, weights,
gates, sign-offs, waivers and a few notes and evidence lists, in the proportions of a real
congress checklist. The plugin manager is built once, outside the timing.

Each round times ``tomli.loads(text)``, ``venue_ready.loads(text, plugins=pm)`` and, as a direct
cross-check of the construction share, ``venue_ready.from_dict(data, plugins=pm)`` on data parsed
beforehand; the order rotates every round, and the ratios are taken between the best (minimum)
times, medians beside them. The garbage collector stays on (a user's load runs with it on), and
a full collection runs before each timed call. ``--profile`` adds a cProfile of one ``loads``.

This is a measurement, not a test: it prints PASS/FAIL against the budgets and always exits 0.

    python benchmarks/bench_load.py [--items N] [--repeat N] [--profile]
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
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import tomli

import venue_ready

TARGET_TOTAL = 2.0  # loads / tomli.loads
TARGET_MODEL = 1.0  # (loads - tomli.loads) / tomli.loads
SEED = 20200515

HEADER = """\
schema = 1

[event]
id = "bench-2020"
name = "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025"
kind = "party-congress"
level = "ward"
ordinal = "XXII"
term = "2020-2025"
starts = 2020-05-15T07:30:00+07:00
ends = 2020-05-15T17:00:00+07:00
lang = "vi"
expected_delegates = 150

[venue]
name = "Hội trường UBND phường Ngọc Thụy"
address = "Số 4 phố Gia Thượng, phường Ngọc Thụy, quận Long Biên, Hà Nội"
capacity = 250
zones = [
  { id = "hall", name = "Hội trường" },
  { id = "lobby", name = "Sảnh đón tiếp" },
  { id = "yard", name = "Sân" },
]
entrances = [{ id = "main", name = "Cổng chính" }, { id = "side", name = "Cổng phụ" }]

[areas.general]
weight = 1
threshold = 90
"""

PREFIXES = ("cells", "documents", "personnel", "service", "security", "logistics", "media")
TITLES = (
    "Đại hội chi bộ trực thuộc đã tổ chức xong",
    "Báo cáo chính trị trình Đại hội",
    "Báo cáo kiểm điểm của Ban Chấp hành",
    "Hồ sơ nhân sự báo cáo Ban Thường vụ Quận ủy",
    "Chương trình, kịch bản điều hành Đại hội",
    "Tổng duyệt chương trình Đại hội",
    "Trang trí khánh tiết hội trường",
    "Phương án bảo vệ an ninh, trật tự khu vực Đại hội",
    "Phương án phòng cháy, chữa cháy tại hội trường",
    "In ấn tài liệu phát cho đại biểu",
    "Thẻ đại biểu và sơ đồ chỗ ngồi",
    "Lấy ý kiến đóng góp vào dự thảo văn kiện",
    "Âm thanh, ánh sáng, màn hình trình chiếu",
    "Xe đưa đón đại biểu cao tuổi",
    "Tuyên truyền, cổ động trên địa bàn phường",
)
OWNERS = (
    "Ban Thường vụ Đảng ủy",
    "Tiểu ban Văn kiện",
    "Tiểu ban Nhân sự",
    "Tiểu ban Phục vụ",
    "Tiểu ban Tuyên truyền",
    "Công an phường",
    "Văn phòng Đảng ủy",
)
SIGNERS = ("Tổ chỉ đạo đại hội của Quận", "Ban Thường vụ Quận ủy", "Đ/c Bí thư Đảng ủy")
STATUSES = ("done", "done", "done", "in_progress", "in_progress", "todo", "todo", "blocked")


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(n_items: int, seed: int = SEED) -> str:
    """A valid event file with ``n_items`` items in ``general``; the same text for the same seed."""
    rng = random.Random(seed)
    first_day = date(2020, 3, 1)
    lines = [HEADER]
    for index in range(n_items):
        prefix = rng.choice(PREFIXES)
        phase = rng.choices(("before", "during", "after"), (90, 6, 4))[0]
        lines.append("[[areas.general.items]]")
        lines.append(f'id = "{prefix}.{index:06d}"')
        lines.append(f"title = {toml_string(f'{rng.choice(TITLES)} (đợt {index % 97 + 1})')}")
        if rng.random() < 0.95:
            lines.append(f"owner = {toml_string(rng.choice(OWNERS))}")
        if phase != "before":
            lines.append(f'phase = "{phase}"')
            if rng.random() < 0.5:
                lines.append(f"due = 2020-05-{rng.randint(15, 25):02d}")
        elif rng.random() < 0.15:  # a deadline with an hour
            day = first_day + timedelta(days=rng.randint(0, 74))
            lines.append(f"due = {day.isoformat()}T{rng.randint(7, 17):02d}:00:00+07:00")
        elif rng.random() < 0.95:
            lines.append(f"due = {(first_day + timedelta(days=rng.randint(0, 74))).isoformat()}")
        if rng.random() < 0.03:
            lines.append('status = "waived"')
            reason = toml_string("Không cần thiết trong điều kiện phòng chống dịch")
            approver = toml_string(rng.choice(SIGNERS))
            lines.append(f"waiver = {{ reason = {reason}, approved_by = {approver} }}")
        else:
            status = rng.choice(STATUSES)
            lines.append(f'status = "{status}"')
            if status == "in_progress" and rng.random() < 0.8:
                lines.append(f"progress = {rng.randint(1, 19) * 0.05:.2f}")
        if rng.random() < 0.3:
            lines.append(f"weight = {rng.choice((0.5, 2, 3, 5))}")
        if rng.random() < 0.2:
            lines.append("gate = true")
        if rng.random() < 0.1:
            body = rng.choice(SIGNERS)
            version = rng.randint(1, 4)
            lines.append(f"requires_signoff = {toml_string(body)}")
            lines.append(f'version = "{version}"')
            if rng.random() < 0.6:
                signed = version if rng.random() < 0.8 else version - 1
                day = first_day + timedelta(days=rng.randint(0, 60))
                lines.append(
                    f"signed_off = {{ by = {toml_string(body)}, at = {day.isoformat()}, "
                    f'version = "{signed}" }}'
                )
        if rng.random() < 0.1:
            lines.append(f"notes = {toml_string('Đã báo cáo Thường trực Đảng ủy; chờ ý kiến.')}")
        if rng.random() < 0.05:
            lines.append(f'evidence = ["bien-ban-{index}.pdf", "anh-{index}.jpg"]')
        lines.append("")
    return "\n".join(lines)


def timed(func: Callable[[], Any]) -> float:
    gc.collect()
    start = clock.perf_counter()
    func()
    return clock.perf_counter() - start


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000, help="items in the event")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds")
    parser.add_argument("--profile", action="store_true", help="cProfile one loads() call")
    args = parser.parse_args()

    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"tomli {getattr(tomli, '__version__', '?')}, venue_ready {venue_ready.__version__}")
    text = generate(args.items)
    pm = venue_ready.get_plugin_manager()
    data = tomli.loads(text)
    event = venue_ready.loads(text, plugins=pm)  # warm-up, and a check that the file is valid
    items = sum(len(plan.items) for plan in event.areas)
    print(
        f"event: {items} items in area(s) {', '.join(p.key for p in event.areas)}, "
        f"{len(text.encode()) / 1e6:.1f} MB of TOML (seed {SEED})"
    )
    del event

    sides: dict[str, Callable[[], Any]] = {
        "tomli.loads(text)": lambda: tomli.loads(text),
        "venue_ready.loads(text, plugins=pm)": lambda: venue_ready.loads(text, plugins=pm),
        "venue_ready.from_dict(data, plugins=pm)": lambda: venue_ready.from_dict(data, plugins=pm),
    }
    labels = list(sides)
    times: dict[str, list[float]] = {label: [] for label in labels}
    for round_ in range(args.repeat):
        shift = round_ % len(labels)
        for label in labels[shift:] + labels[:shift]:
            times[label].append(timed(sides[label]))

    tomli_label, loads_label, dict_label = labels
    best = {label: min(t) for label, t in times.items()}
    median = {label: statistics.median(t) for label, t in times.items()}
    print(f"\n{args.repeat} interleaved rounds")
    print(f"{'call':<42} {'best ms':>8} {'median ms':>10} {'µs/item':>8}")
    for label in labels:
        per_item = best[label] / items * 1e6
        print(f"{label:<42} {best[label] * 1e3:8.1f} {median[label] * 1e3:10.1f} {per_item:8.2f}")

    def ratios(fig: dict[str, float]) -> tuple[float, float, float]:
        total = fig[loads_label] / fig[tomli_label]
        return total, total - 1.0, fig[dict_label] / fig[tomli_label]

    total, model, direct = ratios(best)
    m_total, m_model, m_direct = ratios(median)
    print("\nratios of best times (medians in brackets)")
    print(
        f"  total: loads / tomli.loads                  {total:5.2f}x ({m_total:.2f}x)  "
        f"target <= {TARGET_TOTAL}x  {verdict(total, TARGET_TOTAL)}"
    )
    print(
        f"  model: (loads - tomli.loads) / tomli.loads  {model:5.2f}x ({m_model:.2f}x)  "
        f"target <= {TARGET_MODEL}x  {verdict(model, TARGET_MODEL)}"
    )
    print(f"  cross-check: from_dict / tomli.loads        {direct:5.2f}x ({m_direct:.2f}x)")

    breakdown(data, items)

    if args.profile:
        profiler = cProfile.Profile()
        gc.collect()
        profiler.runcall(venue_ready.loads, text, plugins=pm)
        print("\ncProfile of one venue_ready.loads(text) (top 15 by own time)")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0


def breakdown(data: dict[str, Any], items: int) -> None:
    """Where model construction goes: the attrs constructors alone, on ready-made arguments."""
    from venue_ready import Item, SignOff, Status, Waiver

    tz = ZoneInfo("Asia/Ho_Chi_Minh")

    def instant(value: date | datetime) -> datetime:  # the loader's rule for bare dates
        if isinstance(value, datetime):
            return value
        return datetime.combine(value, time(23, 59, 59, 999999), tz)

    kwargs: list[dict[str, Any]] = []
    for raw in data["areas"]["general"]["items"]:
        entry = dict(raw)
        if "due" in entry:
            entry["due"] = instant(entry["due"])
        if "signed_off" in entry:
            so = entry["signed_off"]
            entry["signed_off"] = SignOff(so["by"], instant(so["at"]), so.get("version"))
        if "waiver" in entry:
            entry["waiver"] = Waiver(**entry["waiver"])
        if "status" in entry:
            entry["status"] = Status(entry["status"])
        kwargs.append(entry)

    def build() -> None:
        for entry in kwargs:
            Item(**entry)

    cost = min(timed(build) for _ in range(3))
    print(
        f"\nbreakdown: Item(**kwargs) alone (attrs frozen, validators and converters), on "
        f"ready-made arguments:\n  {cost * 1e3:.1f} ms, {cost / items * 1e6:.2f} µs/item"
    )


if __name__ == "__main__":
    sys.exit(main())
