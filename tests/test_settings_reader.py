"""SettingsReader: the toolkit plugins read their settings with."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import Problem, SettingsReader

from .support import event_header

EVENT = venue_ready.loads(event_header(timezone="Europe/London") + "[areas.general]\n")


def _paths(reader: SettingsReader) -> list[tuple[str | int, ...]]:
    return [p.path for p in reader.problems]


def test_defaults_when_absent() -> None:
    r = SettingsReader({}, EVENT)
    assert r.number("window_hours", 24.0) == 24.0
    assert r.integer("max_per_day", 2) == 2
    assert r.boolean("soap", True) is True
    assert r.text("team", "Trạm Y tế phường") == "Trạm Y tế phường"
    assert r.strings("teams", ("a", "b")) == ("a", "b")
    assert r.instant("at") is None
    assert r.tables("posts") == []
    assert r.problems == []


def test_values_are_read_and_checked() -> None:
    r = SettingsReader(
        {"window_hours": 12, "max_per_day": 3, "at": datetime(2020, 5, 14, 15, 0), "x": "y"},
        EVENT,
    )
    assert r.number("window_hours", 24.0, low=1.0) == 12.0
    assert r.integer("max_per_day", 2, low=1) == 3
    # a naive datetime is read in the event's time zone (London, UTC+1 in May)
    at = r.instant("at")
    assert at is not None
    assert at.utcoffset() is not None
    assert at.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
    r.known("window_hours", "max_per_day", "at")
    assert _paths(r) == [("x",)]


def test_wrong_values_give_problems_and_defaults() -> None:
    r = SettingsReader({"window_hours": "a day", "max_per_day": -1, "teem": []}, None)
    assert r.number("window_hours", 24.0) == 24.0
    assert r.integer("max_per_day", 2, low=1) == 2
    r.text("team", required=True)
    r.known("window_hours", "max_per_day", "team")
    rendered = [p.render("en") for p in r.problems]
    assert rendered == [
        "window_hours: wrong type: a string (expected a number)",
        "max_per_day: value -1 is too small (expected at least 1)",
        "team: missing required key 'team'",
        "teem: unknown key 'teem' (did you mean 'team'?)",
    ]


def test_nested_tables_share_problems_and_carry_paths() -> None:
    r = SettingsReader({"posts": [{"entrance": "main"}, {"entrance": 5}, "oops"]}, EVENT)
    posts = r.tables("posts")
    assert [p.path for p in posts] == [("posts", 0), ("posts", 1), ("posts", 2)]
    assert [p.text("entrance") for p in posts] == ["main", None, None]
    assert _paths(r) == [("posts", 2), ("posts", 1, "entrance")]
    sub = r.table("clusters")
    assert sub.integer("total", 1) == 1
    posts[0].problem("entrance", "security.unknown-entrance", entrance="main")
    assert r.problems[-1].path == ("posts", 0, "entrance")


def test_choice() -> None:
    r = SettingsReader({"kind": "lde"}, None)
    assert r.choice("kind", ("printed", "led"), "printed") == "printed"
    assert "did you mean 'led'" in r.problems[0].render("en")


def test_not_a_table_at_all() -> None:
    r = SettingsReader(42, None)  # type: ignore[arg-type]
    assert r.number("x", 1.0) == 1.0
    assert [p.render("en") for p in r.problems] == ["wrong type: a number (expected a table)"]


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(deadline=None, max_examples=150)
@given(st.dictionaries(st.sampled_from(["a", "b", "posts", "at", "kind"]), _values))
def test_reader_never_raises(table: dict[str, Any]) -> None:
    r = SettingsReader(table, EVENT)
    r.known("a", "b")
    r.number("a", 1.0)
    r.integer("b", 1)
    r.instant("at")
    r.choice("kind", ("x", "y"), "x")
    for sub in r.tables("posts"):
        sub.text("entrance")
    assert all(isinstance(p, Problem) for p in r.problems)
    for p in r.problems:
        assert "\n" not in p.render("vi")


def test_one_of_unique_and_blank_strings() -> None:
    r = SettingsReader(
        {
            "posts": [{"id": "a", "entrance": "sidegate"}, {"id": "a", "entrance": "main"}, {}],
            "teams": ["Dân quân", " "],
        },
        None,
    )
    posts = r.tables("posts")
    assert r.unique(posts) == ["a", None, None]
    assert posts[0].one_of("entrance", ["side-gate", "main"]) is None
    assert posts[1].one_of("entrance", ["side-gate", "main"]) == "main"
    assert posts[2].one_of("entrance", ["main"], "main") == "main"
    assert r.strings("teams") == ("Dân quân",)
    assert [p.render("en") for p in r.problems] == [
        "posts[1].id: duplicate id 'a', already used at posts[0] (expected unique ids)",
        "posts[2].id: missing required key 'id'",
        "posts[0].entrance: invalid value 'sidegate' (did you mean 'side-gate'? "
        "expected one of: side-gate, main)",
        "teams[1]: empty value (expected a non-empty string)",
    ]


def test_integer_bounds_and_optional_defaults() -> None:
    r = SettingsReader({"lead_days": 10**9, "minutes": 20}, None)
    assert r.integer("lead_days", 2, high=366) == 2
    assert r.integer("minutes", None) == 20
    assert r.integer("absent", None) is None
    assert r.number("absent", None) is None
    assert [p.path for p in r.problems] == [("lead_days",)]
    assert "expected 0 to 366" in r.problems[0].render("en")


def test_lists_of_numbers_and_dates_point_at_the_wrong_element() -> None:
    r = SettingsReader(
        {
            "ratios": [0.5, 2, "half", 1],
            "checks": [datetime(2020, 5, 10, 8, 0), "2020-05-12", 14, "soon"],
            "scalar": 3,
            "teams": " ",
        },
        EVENT,
    )
    assert r.numbers("ratios", high=1.0) == (0.5, 1.0)
    checks = r.instants("checks", bare_date="start")
    assert [c.isoformat() for c in checks] == [
        "2020-05-10T08:00:00+01:00",  # naive: in the event's time zone (London)
        "2020-05-12T00:00:00+01:00",
    ]
    assert r.numbers("scalar", (1.0,)) == (1.0,)
    assert r.numbers("absent", (7.0,)) == (7.0,)
    assert r.instants("absent") == ()
    assert r.strings("teams") == ()
    assert [p.render("en") for p in r.problems] == [
        "ratios[1]: value 2 is out of range (expected 0 to 1)",
        "ratios[2]: wrong type: a string (expected a number)",
        "checks[2]: wrong type: a number (expected a date or datetime "
        "(e.g. 2020-05-14 or 2020-05-14T16:00:00+07:00))",
        "checks[3]: 'soon' is not a valid date (expected 2020-05-14 or 2020-05-14T16:00:00+07:00)",
        "scalar: wrong type: a number (expected an array)",
        "teams: empty value (expected a non-empty string)",
    ]


def test_problems_in_lists_of_sub_tables_carry_the_whole_path() -> None:
    r = SettingsReader({"posts": [{"shifts": [8, -1]}]}, None)
    [post] = r.tables("posts")
    assert post.numbers("shifts") == (8.0,)
    assert r.numbers("missing", required=True) == ()
    assert [p.path for p in r.problems] == [("posts", 0, "shifts", 1), ("missing",)]
