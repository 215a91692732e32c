"""Generate a tree of synthetic event files for roll-up benchmarks and tests, deterministically.

The tree is the Party's: party cells (chi bộ) under wards (phường), wards under districts (quận),
districts under a city. Every event has about 30 checklist items (``--items``) in the shapes of
the examples (owners, bare and timed due dates, statuses with progress, weights, gates,
sign-offs, waivers, notes); cells record whether their congress was held (``held_at``) and how
many delegates they elected (``delegates_elected``); wards and districts have a ``subevents``
area that rolls their children up (readiness credit, children as gates, delegates compared).

    python benchmarks/gen_events.py OUT --events 10000        # about 10,000 events
    python benchmarks/gen_events.py OUT --wards 50            # one district of 50 wards

With ``--events N`` the tree has N events, give or take a few: wards of ``--cells`` cells (37
by default, as in phường Ngọc Thụy), districts of at most 50 wards, and one city above them
when there is more than one district. The same arguments and ``--seed`` write the same files,
byte for byte. Files go to ``OUT/<district>/<ward>/<id>.toml``; OUT must not exist yet, or be
empty. Prints one line: the events, items and bytes written.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from datetime import date, timedelta

SEED = 20200515
CELLS_PER_WARD = 37
WARDS_PER_DISTRICT = 50
ITEMS = 30
AS_OF = "2020-05-14T16:00:00+07:00"  # the moment the tests and benchmarks roll up at

TITLES = (
    "Báo cáo chính trị trình Đại hội",
    "Báo cáo kiểm điểm của Ban Chấp hành",
    "Hồ sơ nhân sự báo cáo cấp ủy cấp trên",
    "Chương trình, kịch bản điều hành Đại hội",
    "Tổng duyệt chương trình Đại hội",
    "Trang trí khánh tiết hội trường",
    "Phương án bảo vệ an ninh, trật tự khu vực Đại hội",
    "Phương án phòng cháy, chữa cháy tại hội trường",
    "In ấn tài liệu phát cho đại biểu",
    "Thẻ đại biểu và sơ đồ chỗ ngồi",
    "Lấy ý kiến đóng góp vào dự thảo văn kiện",
    "Âm thanh, ánh sáng, màn hình trình chiếu",
    "Tuyên truyền, cổ động trên địa bàn",
    "Phun khử khuẩn hội trường",
)
OWNERS = (
    "Ban Thường vụ",
    "Tiểu ban Văn kiện",
    "Tiểu ban Nhân sự",
    "Tiểu ban Phục vụ",
    "Tiểu ban Tuyên truyền",
    "Công an phường",
    "Văn phòng cấp ủy",
)
SIGNERS = ("Tổ chỉ đạo đại hội cấp trên", "Ban Thường vụ cấp trên")
STATUSES = ("done", "done", "done", "done", "in_progress", "in_progress", "todo", "blocked")
FIRST_DAY = date(2020, 3, 1)


def q(text: str) -> str:
    """A TOML basic string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def items(
    rng: random.Random, count: int, starts: date, prefix: str, held: bool = False
) -> list[str]:
    """``count`` checklist items due before ``starts``, as TOML lines of ``[areas.general]``;
    an event already held has nearly all of them done."""
    lines: list[str] = []
    span = max((starts - FIRST_DAY).days - 1, 1)
    for index in range(count):
        lines.append("[[areas.general.items]]")
        lines.append(f'id = "{prefix}.{index:02d}"')
        lines.append(f"title = {q(rng.choice(TITLES))}")
        if rng.random() < 0.95:
            lines.append(f"owner = {q(rng.choice(OWNERS))}")
        phase = rng.choices(("before", "during", "after"), (90, 6, 4))[0]
        if phase != "before":
            lines.append(f'phase = "{phase}"')
        else:
            due = FIRST_DAY + timedelta(days=rng.randint(0, span))
            if rng.random() < 0.15:
                lines.append(f"due = {due.isoformat()}T{rng.randint(7, 17):02d}:00:00+07:00")
            else:
                lines.append(f"due = {due.isoformat()}")
        if rng.random() < 0.03:
            lines.append('status = "waived"')
            lines.append(
                f"waiver = {{ reason = {q('Không cần trong điều kiện phòng chống dịch')}, "
                f"approved_by = {q('Đ/c Bí thư')} }}"
            )
        else:
            status = "done" if held and rng.random() < 0.97 else rng.choice(STATUSES)
            lines.append(f'status = "{status}"')
            if status == "in_progress" and rng.random() < 0.8:
                lines.append(f"progress = {rng.randint(1, 19) * 0.05:.2f}")
        if rng.random() < 0.3:
            lines.append(f"weight = {rng.choice((0.5, 2, 3))}")
        if rng.random() < 0.15:
            lines.append("gate = true")
        if rng.random() < 0.08:
            body = rng.choice(SIGNERS)
            lines.append(f"requires_signoff = {q(body)}")
            if rng.random() < 0.7:
                day = FIRST_DAY + timedelta(days=rng.randint(0, span))
                lines.append(f"signed_off = {{ by = {q(body)}, at = {day.isoformat()} }}")
        if rng.random() < 0.1:
            lines.append(f"notes = {q('Đã báo cáo Thường trực; chờ ý kiến.')}")
        lines.append("")
    return lines


def event_file(
    *,
    event_id: str,
    name: str,
    level: str,
    parent: str | None,
    starts: date,
    n_items: int,
    rng: random.Random,
    expected_delegates: int | None = None,
    held: date | None = None,
    elected: int | None = None,
    children: int | None = None,
) -> str:
    """One event file's text."""
    lines = [
        "schema = 1",
        "",
        "[event]",
        f'id = "{event_id}"',
        f"name = {q(name)}",
        f'level = "{level}"',
        'term = "2020-2025"' if level != "cell" else 'term = "2020-2022"',
        f"starts = {starts.isoformat()}T07:30:00+07:00",
        f"ends = {starts.isoformat()}T17:00:00+07:00",
        'lang = "vi"',
    ]
    if parent is not None:
        lines.append(f'parent = "{parent}"')
    if expected_delegates is not None:
        lines.append(f"expected_delegates = {expected_delegates}")
    if held is not None:
        lines.append(f"held_at = {held.isoformat()}T08:00:00+07:00")
    if elected is not None:
        lines.append(f"delegates_elected = {elected}")
    lines += ["", "[venue]", f"name = {q('Hội trường ' + name.split(' ', 2)[-1][:40])}", ""]
    if children is not None:
        lines += [
            "[areas.subevents]",
            "weight = 2",
            "",
            "[areas.subevents.settings]",
            'credit = "readiness"',
            "gate = true",
            f"expected = {children}",
            "delegates = true",
            "",
        ]
    lines += ["[areas.general]", ""]
    lines += items(rng, n_items, starts, level, held is not None)
    return "\n".join(lines)


def plan(events: int | None, wards: int | None, cells: int) -> tuple[int, int]:
    """(districts, wards) for about ``events`` events, or for ``wards`` wards."""
    if wards is None:
        assert events is not None
        wards = max(1, round((events - 1) / (cells + 1)))
        districts = -(-wards // WARDS_PER_DISTRICT)
        if districts > 1:  # a city above them: recompute with it and the districts counted
            wards = max(1, round((events - 1 - districts) / (cells + 1)))
            districts = -(-wards // WARDS_PER_DISTRICT)
    else:
        districts = -(-wards // WARDS_PER_DISTRICT)
    return districts, wards


def generate(
    out: str,
    *,
    events: int | None = None,
    wards: int | None = None,
    cells: int = CELLS_PER_WARD,
    n_items: int = ITEMS,
    seed: int = SEED,
) -> tuple[int, int, int]:
    """Write the tree under ``out``; returns (events, items, bytes)."""
    rng = random.Random(seed)
    n_districts, n_wards = plan(events, wards, cells)
    city = "hn" if n_districts > 1 else None
    written = [0, 0, 0]

    def write(folder: str, event_id: str, text: str, count: int) -> None:
        os.makedirs(folder, exist_ok=True)
        data = text.encode("utf-8")
        with open(os.path.join(folder, f"{event_id}.toml"), "wb") as fh:
            fh.write(data)
        written[0] += 1
        written[1] += count
        written[2] += len(data)

    ward_number = 0
    district_delegates = 0
    for d in range(1, n_districts + 1):
        district_id = f"q{d:02d}"
        district_dir = os.path.join(out, district_id)
        in_district = min(WARDS_PER_DISTRICT, n_wards - ward_number)
        ward_quota_total = 0
        for _w in range(in_district):
            ward_number += 1
            ward_id = f"{district_id}-p{ward_number:04d}"
            ward_dir = os.path.join(district_dir, ward_id)
            # a few wards open before 14 May and have held their congress by the usual --as-of
            ward_starts = date(2020, 5, rng.randint(8, 28))
            quota_total = 0
            for c in range(1, cells + 1):
                cell_id = f"{ward_id}-cb{c:02d}"
                quota = rng.randint(2, 6)
                quota_total += quota
                starts = date(2020, 4, rng.randint(1, 30))
                held = starts if rng.random() < 0.85 else None
                elected = None
                if held is not None:
                    elected = quota if rng.random() < 0.95 else quota - 1
                text = event_file(
                    event_id=cell_id,
                    name=f"Đại hội Chi bộ {c} phường {ward_number}",
                    level="cell",
                    parent=ward_id,
                    starts=starts,
                    n_items=n_items,
                    rng=rng,
                    held=held,
                    elected=elected,
                )
                write(ward_dir, cell_id, text, n_items)
            ward_quota = rng.randint(5, 12)
            ward_quota_total += ward_quota
            ward_held = ward_starts if ward_starts.day <= 14 else None
            text = event_file(
                event_id=ward_id,
                name=f"Đại hội Đảng bộ phường {ward_number} lần thứ XXII, nhiệm kỳ 2020 - 2025",
                level="ward",
                parent=district_id,
                starts=ward_starts,
                n_items=n_items - 1,
                rng=rng,
                expected_delegates=quota_total,
                held=ward_held,
                elected=ward_quota if ward_held else None,
                children=cells,
            )
            write(ward_dir, ward_id, text, n_items - 1)
        district_quota = rng.randint(8, 20)
        district_delegates += district_quota
        text = event_file(
            event_id=district_id,
            name=f"Đại hội Đảng bộ quận {d} lần thứ XXIII, nhiệm kỳ 2020 - 2025",
            level="district",
            parent=city,
            starts=date(2020, 8, rng.randint(1, 20)),
            n_items=n_items - 1,
            rng=rng,
            expected_delegates=ward_quota_total,
            children=in_district,
        )
        write(district_dir, district_id, text, n_items - 1)
    if city is not None:
        text = event_file(
            event_id=city,
            name="Đại hội Đảng bộ thành phố lần thứ XVII, nhiệm kỳ 2020 - 2025",
            level="city",
            parent=None,
            starts=date(2020, 10, 10),
            n_items=n_items - 1,
            rng=rng,
            expected_delegates=district_delegates,
            children=n_districts,
        )
        write(out, city, text, n_items - 1)
    return written[0], written[1], written[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the folder to write (must not exist, or be empty)")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--events", type=int, help="about how many events")
    size.add_argument("--wards", type=int, help="how many wards (50 a district)")
    parser.add_argument("--cells", type=int, default=CELLS_PER_WARD, help="cells per ward")
    parser.add_argument("--items", type=int, default=ITEMS, help="items per event")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    if os.path.exists(args.out) and os.listdir(args.out):
        parser.error(f"{args.out} is not empty")
    events, n_items, size_bytes = generate(
        args.out,
        events=args.events,
        wards=args.wards,
        cells=args.cells,
        n_items=args.items,
        seed=args.seed,
    )
    print(f"{events} events, {n_items} items, {size_bytes} bytes in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
