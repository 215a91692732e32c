#!/usr/bin/env python3
"""Export the readiness report for the district's steering group (Tổ chỉ đạo của Quận).

    python examples/scripts/export_for_district.py examples/ngoc-thuy-2020/congress.toml \
        --as-of 2020-05-14T16:00+07:00 --out-dir reports/ [--lang vi]

Writes EVENT-ID_YYYYMMDD-HHMM.json (the versioned JSON report), .md (Markdown, readable
anywhere) and .html (one page to print on A4) into the folder, each written atomically; an
existing file is never overwritten. When the event has a status journal beside its file
(congress.journal.sqlite), the report is made from the plan and everything the journal holds
about what had happened by the moment.
Exit code: 0 written, 2 bad input or a file already there, 3 a plugin failed (files written).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

import venue_ready


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--out-dir", required=True, type=Path)
    parser.add_argument("--as-of", help="ISO 8601 moment; default: now")
    parser.add_argument("--lang", choices=("vi", "en"))
    args = parser.parse_args(argv)

    try:
        event = venue_ready.load(args.file)
    except venue_ready.LoadError as exc:
        for problem in exc.problems:
            print(problem.render(args.lang or exc.lang or "vi", exc.catalogs), file=sys.stderr)
        return 2
    lang = args.lang or event.lang
    as_of = datetime.fromisoformat(args.as_of) if args.as_of else datetime.now(event.tz)
    if as_of.tzinfo is None:
        as_of = as_of.replace(tzinfo=event.tz)
    journal = Path(args.file).with_name(Path(args.file).stem + ".journal.sqlite")
    if journal.is_file():
        # everything the teams reported about what had happened by the moment of the report
        # (like `venue-ready check --as-of T --known-at now`)
        try:
            with venue_ready.open_journal(journal, readonly=True) as opened:
                event = opened.replay(event, as_of)
        except venue_ready.JournalError as exc:
            for problem in exc.problems:
                print(problem.render(lang), file=sys.stderr)
            return 2
    report = venue_ready.assess(event, as_of=as_of)

    stamp = report.as_of.strftime("%Y%m%d-%H%M")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for suffix, fmt in ((".json", "json"), (".md", "md"), (".html", "html")):
        target = args.out_dir / f"{event.id}_{stamp}{suffix}"
        try:
            venue_ready.write_atomic(target, report.render(fmt, lang), overwrite=False)
        except FileExistsError:
            print(f"{target}: already exists, not overwritten", file=sys.stderr)
            return 2
        written.append(target)
    for path in written:
        print(path)
    return 3 if report.failures or report.inconclusive else 0


if __name__ == "__main__":
    sys.exit(main())
