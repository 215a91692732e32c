"""Large reports at the parser's pace (#16): what the shortcuts keep exactly as it was.

Messages are formatted once per distinct message and each template is parsed once; these tests
hold the shortcuts to the long way's text.
"""

from __future__ import annotations

import json
import string
from datetime import date
from typing import Any

import attrs
import pytest

import venue_ready
from venue_ready import Finding, Message
from venue_ready._i18n import _Formatter

from .conftest import ROOT

NGOC_THUY = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"


@pytest.mark.parametrize(
    "template",
    [
        "{title}: {status:@item-status} ({percent}%)",
        "{count} sự kiện",
        "{percent:>6}|{percent:05d}",
        "{{braces}} {title}",
        "",
        "plain words",
        "{title!r}",  # a conversion: string.Formatter's own path
        "{0}",  # a position
        "{title.upper}",  # an attribute
        "{items[0]}",  # an index
        "{percent:{width}}",  # a nested field in the spec
        "{missing} and {title}",
        "{start:range=end}",
        "{when}",
    ],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_template_is_formatted_as_string_formatter_formats_it(template: str, lang: str) -> None:
    params: dict[str, Any] = {
        "title": "Hội trường",
        "status": "in_progress",
        "percent": 35,
        "count": 12000,
        "width": 8,
        "items": ["a", "b"],
        "start": date(2020, 5, 14),
        "end": date(2020, 5, 15),
        "when": date(2020, 5, 15),
    }
    fast = _Formatter(lang, None, None, params)
    slow = _Formatter(lang, None, None, params)
    assert fast.vformat(template, (), params) == string.Formatter.vformat(
        slow, template, (), params
    )


def test_a_broken_template_fails_as_string_formatter_fails() -> None:
    with pytest.raises(ValueError, match="Single '}'"):
        _Formatter("vi", None).vformat("{title}}", (), {"title": "x"})


def _one_item_report(params: list[dict[str, Any]]) -> venue_ready.Report:
    event = venue_ready.load(NGOC_THUY)
    report = venue_ready.assess(event, event.starts)
    findings = [
        Finding(
            area=report.areas[0].key,
            code="test.same-looking",
            subject=f"item-{n}",
            message=Message("checklist.item-progress", p),
        )
        for n, p in enumerate(params)
    ]
    area = report.areas[0]
    return attrs.evolve(report, areas=(attrs.evolve(area, findings=tuple(findings)),))


def test_messages_equal_in_python_but_written_differently_are_not_mixed_up() -> None:
    # 1 == 1.0 == True in Python; each is written its own way, in the text and in the params
    params = [
        {"title": "A", "status": "in_progress", "percent": 1},
        {"title": "A", "status": "in_progress", "percent": 1.0},
        {"title": "A", "status": "in_progress", "percent": True},
        {"title": "A", "status": "in_progress", "percent": 1},
    ]
    report = _one_item_report(params)
    data = report.to_dict("vi")
    messages = [f["message"] for f in data["areas"][0]["findings"]]
    assert [m["params"]["percent"] for m in messages] == [1, 1.0, True, 1]
    assert [type(m["params"]["percent"]) for m in messages] == [int, float, bool, int]
    # each text is the one the message gets alone, True written as Python writes it
    texts = [m["text"] for m in messages]
    assert texts == [report.translate(Message("checklist.item-progress", p)) for p in params]
    assert texts[2] == "A: đang thực hiện (True%)"
    assert texts[0] == "A: đang thực hiện (1%)"
    # each Finding gets a dict of its own: changing one message changes no other
    messages[0]["params"]["percent"] = 99
    assert messages[3]["params"]["percent"] == 1
    assert messages[0]["params"] is not messages[3]["params"]


def test_the_json_report_reads_back_as_to_dict() -> None:
    event = venue_ready.load(NGOC_THUY)
    report = venue_ready.assess(event, event.starts)
    for lang in ("vi", "en"):
        assert json.loads(report.to_json(lang)) == report.to_dict(lang)
