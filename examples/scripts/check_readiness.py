#!/usr/bin/env python3
"""Is the congress ready? A one-screen answer for the working group (tổ công tác).

    python examples/scripts/check_readiness.py examples/ngoc-thuy-2020/congress.toml \
        --as-of 2020-05-14T16:00+07:00 [--lang en]

Prints the overall verdict, each area's score and status, and what still blocks the congress.
Exit code: 0 ready, 1 not ready yet, 2 the file has problems, 3 a plugin failed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

import venue_ready

LABELS = {
    "vi": {
        "ready": "SẴN SÀNG",
        "not-ready": "CHƯA SẴN SÀNG",
        "score": "Mức độ sẵn sàng",
        "blocking": "Còn vướng",
        "nothing": "Không còn điều kiện bắt buộc nào chưa đạt.",
        "owner": "phụ trách",
    },
    "en": {
        "ready": "READY",
        "not-ready": "NOT READY",
        "score": "Readiness",
        "blocking": "Still blocking",
        "nothing": "No critical condition is unmet.",
        "owner": "in charge",
    },
}


def number(value: float, lang: str) -> str:
    """One decimal, with a decimal comma in Vietnamese."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "vi" else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--as-of", help="ISO 8601 moment; default: now")
    parser.add_argument("--lang", choices=("vi", "en"))
    args = parser.parse_args(argv)

    try:
        event = venue_ready.load(args.file)
    except venue_ready.LoadError as exc:
        lang = args.lang or exc.lang or "vi"
        for problem in exc.problems:
            print(problem.render(lang, exc.catalogs), file=sys.stderr)
        return 2
    lang = args.lang or event.lang
    as_of = datetime.fromisoformat(args.as_of) if args.as_of else None
    report = venue_ready.assess(event, as_of=as_of)
    words = LABELS[lang]

    ready = report.status is venue_ready.AreaStatus.READY
    verdict = words["ready"] if ready else words["not-ready"]
    score = "—" if report.score is None else number(report.score, lang)
    print(f"{event.name}")
    print(f"{words['score']}: {score}/100 — {verdict}")
    for area in report.areas:
        area_score = "—" if area.score is None else number(area.score, lang)
        print(f"  {area.title(lang):<28} {area_score:>5}  {area.status.label(lang)}")

    blockers = report.blockers
    print()
    if not blockers:
        print(words["nothing"])
    else:
        print(f"{words['blocking']} ({len(blockers)}):")
        for finding in blockers:
            owner = report.owner_text(finding, lang) or "—"
            print(f"  - {report.message_text(finding, lang)} ({words['owner']}: {owner})")
    if report.failures or report.inconclusive:
        return 3
    return 0 if ready else 1


if __name__ == "__main__":
    sys.exit(main())
