"""The catalogs follow docs/glossary.md: where an English message uses a glossary term, its
Vietnamese twin uses the term of the same row."""

from __future__ import annotations

import re

import pytest

from venue_ready._messages import EN, VI

from .conftest import ROOT

ROWS = [
    (vi.strip(), en.strip())
    for vi, en in re.findall(
        r"^\| ([^|]+?) \| ([^|]+?) \| [^|]+ \|$",
        (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"),
        re.M,
    )
    if vi.strip() not in ("Tiếng Việt", "---")
]
REQUIRED = (
    "sẵn sàng", "chưa sẵn sàng", "mức độ sẵn sàng", "đúng tiến độ", "chậm tiến độ", "quá hạn",
    "thời hạn", "phụ trách", "phối hợp", "đầu việc", "danh mục kiểm tra", "đạt / không đạt",
    "hoàn thành", "đang thực hiện", "chưa thực hiện", "rủi ro", "phương án dự phòng", "tiểu ban",
    "tổ công tác",
)  # fmt: skip


def test_the_glossary_has_every_required_term() -> None:
    assert set(REQUIRED) <= {vi for vi, _ in ROWS}


# Messages where the English word is not the glossary's term, and why.
NOT_THE_TERM = {
    ("due", "report.next-due-heading"): '"items due" means soon due: "sắp đến hạn"',
    ("due", "report.next-due-heading.one"): 'its singular form: "sắp đến hạn"',
    ("done", "report.html-timeline-empty"): '"has to be done" is the verb: "phải xong"',
    ("item", "cli.metavar.item"): 'a metavar: the term, with an underscore, "ĐẦU_VIỆC"',
    ("due", "status.on_track-pending-gates"): '"not yet due" is "chưa đến hạn"',
    ("due", "status.on_track-pending-gates.one"): '"not yet due" is "chưa đến hạn"',
    ("due", "report.legend-blocking-mark"): '"unmet at its due" is "đã đến hạn mà chưa đạt"',
}


def _english(text: str) -> str:
    # The program's name and quoted TOML values ("waived") are not words of the message.
    return re.sub(r'venue-ready|"[^"]*"', " ", text)


@pytest.mark.parametrize(("vi", "en"), [r for r in ROWS if "/" not in r[0]])
def test_catalogs_follow_the_glossary(vi: str, en: str) -> None:
    pattern = re.compile(rf"\b{re.escape(en)}\b", re.IGNORECASE)
    offenders = [
        key
        for key, text in EN.items()
        if pattern.search(_english(text))
        and vi not in VI[key].lower()
        and (en, key) not in NOT_THE_TERM
    ]
    assert offenders == [], f"{en!r} in English but not {vi!r} in Vietnamese"
