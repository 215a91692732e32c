#!/usr/bin/env python3
"""What is due in the next few days, grouped by who is in charge: the morning briefing.

    python examples/scripts/daily_briefing.py examples/ngoc-thuy-2020/congress.toml \
        --as-of 2020-05-12T07:00+07:00 --days 3 [--lang en]

Lists, for each owner (người phụ trách), the unfinished items due from now until N days from
now, soonest first, and everything already overdue. Exit code 0, or 2 when the file has
problems.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import venue_ready

WORDS = {
    "vi": {
        "title": "Việc đến hạn trong {days} ngày tới (tính từ {now})",
        "overdue": "QUÁ HẠN",
        "due": "hạn",
        "nobody": "(chưa giao người phụ trách)",
        "nothing": "Không có việc nào đến hạn.",
    },
    "en": {
        "title": "Due in the next {days} days (from {now})",
        "overdue": "OVERDUE",
        "due": "due",
        "nobody": "(nobody in charge)",
        "nothing": "Nothing is due.",
    },
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--as-of", help="ISO 8601 moment; default: now")
    parser.add_argument("--days", type=int, default=3, help="how many days ahead (default 3)")
    parser.add_argument("--lang", choices=("vi", "en"))
    args = parser.parse_args(argv)

    try:
        event = venue_ready.load(args.file)
    except venue_ready.LoadError as exc:
        for problem in exc.problems:
            print(problem.render(args.lang or exc.lang or "vi", exc.catalogs), file=sys.stderr)
        return 2
    lang = args.lang or event.lang
    tz = ZoneInfo(event.timezone)
    now = datetime.fromisoformat(args.as_of) if args.as_of else datetime.now(tz)
    if now.tzinfo is None:
        now = now.replace(tzinfo=tz)
    until = now + timedelta(days=args.days)
    report = venue_ready.assess(event, as_of=now)
    words = WORDS[lang]

    by_owner: dict[str, list[tuple[datetime, bool, str]]] = defaultdict(list)
    for finding, late in [(f, True) for f in report.overdue] + [
        (f, False) for f in report.due_until(until)
    ]:
        due = report.effective_due(finding)
        assert due is not None  # overdue and upcoming Findings always have one
        text = report.message_text(finding, lang)
        by_owner[report.owner_text(finding, lang) or words["nobody"]].append((due, late, text))

    print(words["title"].format(days=args.days, now=now.astimezone(tz).strftime("%d/%m/%Y %H:%M")))
    if not by_owner:
        print(words["nothing"])
    for owner in sorted(by_owner):
        print(f"\n{owner}:")
        for due, late, text in sorted(by_owner[owner]):
            mark = f" [{words['overdue']}]" if late else ""
            when = due.astimezone(tz).strftime("%d/%m %H:%M")
            print(f"  - {text} ({words['due']} {when}){mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
