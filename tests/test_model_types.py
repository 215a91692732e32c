"""The model's constructors refuse the mistakes a ward tool's author makes, at the line that
makes them, naming the argument and what it should be; mypy --strict finds the typed ones (#18).
Tables inside frozen objects are read-only, and the objects hashable."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest

import venue_ready
from venue_ready import (
    AreaPlan,
    Event,
    Finding,
    Item,
    Message,
    Phase,
    SignOff,
    Status,
    Venue,
)
from venue_ready.testing import plugin_manager

from .support import ENDS, STARTS, TZ

HERE = Path(__file__).resolve().parent
SECURITY = plugin_manager("security")
MYPY = (sys.executable, "-m", "mypy", "--strict", "--no-incremental")


def event(**fields: object) -> Event:
    return Event(id="e", name="Đại hội", starts=STARTS, **fields)  # type: ignore[arg-type]


# -- sequences of the right classes --------------------------------------------------------------


def test_areas_must_be_area_plans() -> None:
    with pytest.raises(TypeError, match=r"^areas\[0\] must be an AreaPlan, got str 'general'"):
        event(areas=["general"])


def test_one_string_of_evidence_is_no_list_of_seven_letters() -> None:
    with pytest.raises(TypeError, match=r"^evidence must be a list or tuple of str, got str"):
        Item("a", "A", evidence="doc.pdf")  # type: ignore[arg-type]
    assert Item("a", "A", evidence=["doc.pdf"]).evidence == ("doc.pdf",)


def test_zones_must_be_zones() -> None:
    with pytest.raises(TypeError, match=r"^zones\[0\] must be a Zone, got str 'hall'.*Zone\(id="):
        Venue("Hội trường", zones=["hall"])  # type: ignore[list-item]


def test_a_mapping_is_no_sequence_of_items() -> None:
    with pytest.raises(TypeError, match=r"^items must be a list or tuple of Item, got dict"):
        AreaPlan("general", items={"a": Item("a", "A")})  # type: ignore[arg-type]


# -- values -------------------------------------------------------------------------------------


def test_a_term_is_a_pair_of_years() -> None:
    with pytest.raises(TypeError, match=r"term must be a pair of years.*\(2020, 2025\), got '2020"):
        event(term="2020-2025")
    with pytest.raises(TypeError, match="term"):
        event(term=(2025, 2020))
    assert event(term=(2020, 2025)).term == (2020, 2025)


def test_a_time_zone_name_is_checked_with_a_did_you_mean() -> None:
    with pytest.raises(ValueError, match=r"'Hanoi' is no IANA.*did you mean 'Asia/Ho_Chi_Minh'"):
        event(timezone="Hanoi")
    with pytest.raises(ValueError, match=r"did you mean 'Europe/Paris'"):
        event(timezone="Europe/Pari")


def test_a_language_is_vi_or_en_at_run_time_too() -> None:
    with pytest.raises(ValueError, match=r"^lang must be one of 'vi', 'en', got 'fr'"):
        event(lang="fr")


def test_statuses_and_phases_are_the_enum_or_its_values() -> None:
    assert Item("a", "A", status="done").status is Status.DONE
    assert Item("a", "A", status=Status.DONE, phase="during").phase is Phase.DURING
    with pytest.raises(ValueError, match=r"^status must be a Status or one of its values \('todo'"):
        Item("a", "A", status="finished")  # type: ignore[arg-type]


# -- one rule for moments -------------------------------------------------------------------------


def test_ends_defaults_to_the_end_of_the_first_day_as_in_the_file() -> None:
    text = 'schema = 1\n[event]\nid = "e"\nname = "Đại hội"\nstarts = 2020-05-15T07:30:00+07:00\n'
    loaded = venue_ready.loads(text + "[areas]\n", plugins=SECURITY)
    assert event().ends == loaded.ends == datetime(2020, 5, 15, 23, 59, 59, 999999, tzinfo=TZ)


def test_naive_moments_are_read_in_the_events_zone_everywhere() -> None:
    naive_due = datetime(2020, 5, 10, 17, 0)
    built = Event(
        id="e",
        name="n",
        starts=datetime(2020, 5, 15, 7, 30),
        timezone="Asia/Tokyo",
        areas=[
            AreaPlan(
                "general",
                items=[
                    Item("a", "A", due=naive_due),
                    Item("b", "B", requires_signoff="X", signed_off=SignOff("X", naive_due)),
                ],
            )
        ],
    )
    tokyo = built.tz
    assert built.starts == datetime(2020, 5, 15, 7, 30, tzinfo=tokyo)
    assert built.ends == datetime(2020, 5, 15, 23, 59, 59, 999999, tzinfo=tokyo)
    a, b = built.areas[0].items
    assert a.due == naive_due.replace(tzinfo=tokyo)
    assert b.signed_off is not None
    assert b.signed_off.at == naive_due.replace(tzinfo=tokyo)
    report = venue_ready.assess(built, as_of=datetime(2020, 5, 11), plugins=SECURITY)
    assert report.as_of == datetime(2020, 5, 11, tzinfo=tokyo)


def test_a_moment_given_as_text_is_refused_naming_the_argument() -> None:
    with pytest.raises(
        TypeError,
        match=r"^as_of must be a datetime .*got str '2020-05-14'.*"
        r"fromisoformat",
    ):
        venue_ready.assess(event(), as_of="2020-05-14", plugins=SECURITY)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^due must be a datetime"):
        Item("a", "A", due="2020-05-10")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^starts must be a datetime .*got date"):
        Event(id="e", name="n", starts=date(2020, 5, 15))  # type: ignore[arg-type]


def test_ends_before_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Event(id="e", name="n", starts=ENDS, ends=STARTS)


# -- frozen all the way down, and hashable --------------------------------------------------------


def test_settings_are_read_only_at_every_depth() -> None:
    built = event(areas=[AreaPlan("security", settings={"teams": ["A"], "posts": [{"x": 1}]})])
    plan = built.area("security")
    assert plan is not None
    with pytest.raises(TypeError, match="read-only"):
        plan.settings["police"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError, match="read-only"):
        plan.settings["teams"].append("B")
    with pytest.raises(TypeError, match="read-only"):
        plan.settings["posts"][0]["x"] = 2
    assert isinstance(plan.settings, dict)
    assert isinstance(plan.settings["teams"], list)
    assert plan.settings == {"teams": ["A"], "posts": [{"x": 1}]}


def test_the_caller_keeps_its_own_table() -> None:
    mine = {"teams": ["A"]}
    plan = AreaPlan("security", settings=mine)
    mine["teams"].append("B")
    assert plan.settings == {"teams": ["A"]}


def test_event_finding_and_message_are_hashable_and_pickle() -> None:
    built = event(areas=[AreaPlan("security", settings={"teams": ["A"]})])
    message = Message("m", {"role": Message("r", {"n": 1})})
    finding = Finding(code="c", area="security", message=message, owner=Message("r"))
    assert len({built, attrs.evolve(built), finding, message}) == 3
    assert pickle.loads(pickle.dumps(built)) == built
    with pytest.raises(TypeError, match="read-only"):
        message.params["x"] = 1  # type: ignore[index]


# -- mypy --strict finds the typed mistakes ------------------------------------------------------


def test_mypy_strict_rejects_each_typed_mistake_at_its_line() -> None:
    pytest.importorskip("mypy")
    snippet = HERE / "typing" / "mistakes.py"
    done = subprocess.run(
        [*MYPY, "--config-file", "", "--cache-dir", "/dev/null", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
        cwd=HERE.parent,
    )
    found = {
        (int(m["line"]), m["code"])
        for m in re.finditer(
            r"mistakes\.py:(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$", done.stdout, re.M
        )
    }
    expected = {
        (number, m["code"])
        for number, line in enumerate(snippet.read_text(encoding="utf-8").splitlines(), 1)
        if (m := re.search(r"# expect: (?P<code>[a-z-]+)$", line))
    }
    assert len(expected) == 9
    assert found == expected, done.stdout


def test_freeze_copies_every_table_and_array_and_keeps_leaves() -> None:
    from datetime import date, datetime, time
    from types import MappingProxyType

    from venue_ready._readonly import ReadOnlyDict, ReadOnlyList, freeze

    moment = datetime(2020, 5, 15, 7, 30)
    value = {
        "a": [1, {"b": (2, [3])}],
        "c": MappingProxyType({"d": "x"}),
        "e": (date(2020, 5, 15), time(7, 30), moment, None, True, 1.5),
    }
    frozen = freeze(value)
    assert frozen == {"a": [1, {"b": (2, [3])}], "c": {"d": "x"}, "e": value["e"]}
    assert type(frozen) is ReadOnlyDict
    assert type(frozen["a"]) is ReadOnlyList
    assert type(frozen["a"][1]) is ReadOnlyDict
    assert type(frozen["a"][1]["b"][1]) is ReadOnlyList
    assert type(frozen["c"]) is ReadOnlyDict  # any Mapping, not only dict
    assert frozen["e"][2] is moment
    value["a"].append(4)  # a copy: the caller's table changes alone
    assert len(frozen["a"]) == 2
    assert freeze(frozen) is frozen
    with pytest.raises(TypeError, match="read-only"):
        frozen["a"][1]["b"][1].append(4)
