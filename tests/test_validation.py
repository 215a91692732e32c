"""validate(event): the loader's checks on an event however it was built; assess refuses an
invalid one; the loader reports the core's and the plugins' problems in one pass (#18)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import (
    AreaPlan,
    AreaSpec,
    Entrance,
    Event,
    Item,
    LoadError,
    Problem,
    Venue,
    Zone,
    from_dict,
    hookimpl,
    validate,
)
from venue_ready.testing import plugin_manager

from .support import ENDS, STARTS, TZ

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
EVERY = plugin_manager("security", "decoration", "broadcast", "disinfection")
SECURITY = plugin_manager("security")


def event(*areas: AreaPlan, **fields: Any) -> Event:
    return Event(id="e", name="Đại hội", starts=STARTS, ends=ENDS, areas=areas, **fields)


def rendered(problems: list[Problem] | tuple[Problem, ...], pm: Any = SECURITY) -> list[str]:
    return [p.render("en", pm.catalogs()) for p in problems]


# -- validate on an event built in code ----------------------------------------------------------


def test_a_loaded_example_is_valid() -> None:
    loaded = venue_ready.load(EXAMPLE, plugins=EVERY)
    assert validate(loaded, plugins=EVERY) == []


def test_an_event_built_in_code_is_checked_as_a_file_is_with_paths_relative_to_it() -> None:
    late = datetime(2020, 5, 20, tzinfo=TZ)
    built = event(
        AreaPlan("general", items=(Item("docs", "Văn kiện"), Item("hall", "Hội trường", due=late))),
        AreaPlan("securty", items=(Item("docs", "Văn kiện lần hai"),)),
        AreaPlan("general"),
    )
    assert rendered(validate(built, plugins=SECURITY)) == [
        "areas.general.items[1].due: a before-phase item is due 20 May 2020, 00:00, after the "
        "event starts 15 May 2020, 07:30 (expected a due date before the start, or "
        'phase = "during")',
        "areas.securty: no installed plugin provides area 'securty' (did you mean 'security'?)",
        "areas.securty.items[0].id: duplicate item id 'docs', already used at "
        "areas.general.items[0] (expected each item to have its own id)",
        "areas.general: area 'general' is planned twice (expected one AreaPlan per area)",
    ]
    assert all(p.file is None for p in validate(built, plugins=SECURITY))


def test_settings_go_through_the_plugins_validator_with_the_did_you_mean() -> None:
    built = event(AreaPlan("security", settings={"badge_issued": 3}))
    assert rendered(validate(built, plugins=SECURITY)) == [
        "areas.security.settings.badge_issued: unknown key 'badge_issued' "
        "(did you mean 'badges_issued'?)"
    ]


def test_duplicate_places_and_a_too_long_event() -> None:
    venue = Venue("Hội trường", zones=(Zone("hall", "A"), Zone("hall", "B")))
    built = Event(id="e", name="n", starts=STARTS, ends=STARTS + timedelta(days=400), venue=venue)
    assert [p.path for p in validate(built, plugins=SECURITY)] == [
        ("ends",),
        ("venue", "zones", 1, "id"),
    ]


def test_validate_takes_only_an_event() -> None:
    with pytest.raises(TypeError, match=r"validate\(event\): expected an Event, got dict"):
        validate({"id": "e"}, plugins=SECURITY)  # type: ignore[arg-type]


# -- assess refuses an invalid event, as the caller's mistake ------------------------------------


def test_assess_refuses_an_invalid_event_with_a_load_error_not_a_plugin_failure() -> None:
    built = event(AreaPlan("security", settings={"badge_issued": 3}))
    with pytest.raises(LoadError) as info:
        venue_ready.assess(built, as_of=STARTS, plugins=SECURITY)
    assert [p.path for p in info.value.problems] == [
        ("areas", "security", "settings", "badge_issued")
    ]
    assert info.value.lang == "vi"
    assert "did you mean 'badges_issued'" in str(info.value)
    assert SECURITY.failures == []  # nobody blamed the plugin


def test_assess_accepts_a_valid_event_built_in_code() -> None:
    built = event(AreaPlan("security"), AreaPlan("general", items=(Item("a", "A"),)))
    report = venue_ready.assess(built, as_of=STARTS, plugins=SECURITY)
    assert [a.key for a in report.areas] == ["security", "general"]


def counting_plugin() -> tuple[object, list[int]]:
    """A plugin whose settings validator counts its calls: how often an event is checked."""
    calls: list[int] = []

    def check(settings: Mapping[str, Any], _ev: Event | None) -> list[Problem]:
        calls.append(1)
        return []

    class Counting:
        @staticmethod
        @hookimpl
        def venue_ready_areas() -> list[AreaSpec]:
            return [
                AreaSpec(key="count", title_vi="Đếm", title_en="Count", validate_settings=check)
            ]

        @staticmethod
        @hookimpl
        def venue_ready_assess(event: Event, area: AreaPlan, as_of: datetime) -> None:
            return None

    return Counting, calls


def test_a_loaded_event_is_not_checked_again_by_assess() -> None:
    plugin, calls = counting_plugin()
    pm = plugin_manager(plugin)
    text = EXAMPLE.read_text(encoding="utf-8").split("[areas.")[0] + "[areas.count]\n"
    loaded = venue_ready.loads(text, plugins=pm)
    assert len(calls) == 1  # the loader's check
    venue_ready.assess(loaded, as_of=STARTS, plugins=pm)
    venue_ready.assess(loaded, as_of=STARTS, plugins=pm)
    assert len(calls) == 1
    # a changed event is a new one: checked once, then known
    changed = attrs.evolve(loaded, name="Đại hội (sửa)")
    venue_ready.assess(changed, as_of=STARTS, plugins=pm)
    venue_ready.assess(changed, as_of=STARTS, plugins=pm)
    assert len(calls) == 2
    # another plugin manager checks it for itself
    other, other_calls = counting_plugin()
    venue_ready.assess(loaded, as_of=STARTS, plugins=plugin_manager(other))
    assert (len(calls), len(other_calls)) == (2, 1)
    with pytest.raises(LoadError, match="no installed plugin provides area 'count'"):
        venue_ready.assess(loaded, as_of=STARTS, plugins=SECURITY)


# -- the loader: one pass ------------------------------------------------------------------------


def example_data() -> dict[str, Any]:
    return tomli.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_from_dict_reports_a_bad_due_and_a_bad_entrance_at_once() -> None:
    data = example_data()
    data["areas"]["general"]["items"][0]["due"] = "tomorrow"
    data["areas"]["security"]["settings"]["posts"][0]["entrance"] = "back-door"
    with pytest.raises(LoadError) as info:
        from_dict(data, plugins=EVERY)
    paths = [p.path for p in info.value.problems]
    assert paths == [
        ("areas", "general", "items", 0, "due"),
        ("areas", "security", "settings", "posts", 0, "entrance"),
    ]


def test_the_loader_and_validate_word_a_problem_alike() -> None:
    data = example_data()
    data["areas"]["security"]["settings"]["posts"][0]["entrance"] = "back-door"
    with pytest.raises(LoadError) as info:
        from_dict(data, source="congress.toml", plugins=EVERY)
    [from_file] = info.value.problems
    loaded = venue_ready.load(EXAMPLE, plugins=EVERY)
    plan = loaded.area("security")
    assert plan is not None
    posts = [dict(p) for p in plan.settings["posts"]]
    posts[0]["entrance"] = "back-door"
    bad = attrs.evolve(plan, settings={**plan.settings, "posts": posts})
    built = attrs.evolve(loaded, areas=[bad if a is plan else a for a in loaded.areas])
    [in_code] = validate(built, plugins=EVERY)
    assert (in_code.path, in_code.message, in_code.file) == (
        from_file.path,
        from_file.message,
        None,
    )
    assert from_file.file == "congress.toml"


# -- a round trip: whatever the loader builds, validate accepts ----------------------------------


@settings(max_examples=30, deadline=None)
@given(
    dues=st.lists(st.integers(min_value=1, max_value=30), max_size=6),
    hours=st.integers(min_value=1, max_value=24 * 30),
)
def test_whatever_the_loader_builds_validate_accepts(dues: list[int], hours: int) -> None:
    items = [
        {"id": f"i{n}", "title": f"Việc {n}", "due": STARTS - timedelta(days=days)}
        for n, days in enumerate(dues)
    ]
    data = {
        "schema": 1,
        "event": {
            "id": "e",
            "name": "n",
            "starts": STARTS,
            "ends": STARTS + timedelta(hours=hours),
        },
        "areas": {"general": {"items": items}, "security": {}},
    }
    loaded = from_dict(data, plugins=SECURITY)
    assert validate(loaded, plugins=SECURITY) == []
    assert validate(attrs.evolve(loaded), plugins=SECURITY) == []


def test_entrances_are_checked_for_duplicates_too() -> None:
    venue = Venue("Hội trường", entrances=(Entrance("gate", "Cổng"), Entrance("gate", "Cổng 2")))
    built = Event(id="e", name="n", starts=STARTS, venue=venue)
    assert [p.path for p in validate(built, plugins=SECURITY)] == [("venue", "entrances", 1, "id")]


def test_the_loaders_value_limits_apply_to_an_event_built_in_code() -> None:
    """The same ValueReader methods that limit a file's values limit a built event's, with the
    same message ids: weights, text lengths, counts and years (#18)."""
    item = Item(
        "a",
        "Việc",
        due=datetime(1850, 1, 1, tzinfo=TZ),
        weight=2e6,
        evidence=("x" * 10_001,),
        notes="n" * 10_001,
    )
    built = Event(
        id="e",
        name="n" * 10_001,
        starts=STARTS,
        term=(1800, 2025),
        expected_delegates=10**9,
        venue=Venue("Hội trường", capacity=10**9),
        areas=(AreaPlan("general", weight=1e9, items=(item,)),),
    )
    found = {(p.path, p.message.id) for p in validate(built, plugins=SECURITY)}
    assert found == {
        (("name",), "load.too-long"),
        (("term",), "load.date-out-of-range"),
        (("expected_delegates",), "load.out-of-range"),
        (("venue", "capacity"), "load.out-of-range"),
        (("areas", "general", "weight"), "load.out-of-range"),
        (("areas", "general", "items", 0, "notes"), "load.too-long"),
        (("areas", "general", "items", 0, "due"), "load.date-out-of-range"),
        (("areas", "general", "items", 0, "weight"), "load.out-of-range"),
        (("areas", "general", "items", 0, "evidence", 0), "load.too-long"),
    }
    with pytest.raises(LoadError):
        venue_ready.assess(built, as_of=STARTS, plugins=SECURITY)


def test_values_at_the_limits_are_valid_in_code_as_in_a_file() -> None:
    item = Item("a", "Việc", due=datetime(1900, 1, 1, tzinfo=TZ), weight=1e6)
    built = Event(
        id="e",
        name="n" * 10_000,
        starts=STARTS,
        term=(1900, 2200),
        expected_delegates=10**8,
        areas=(AreaPlan("general", weight=1e6, items=(item,)),),
    )
    assert validate(built, plugins=SECURITY) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "múi giờ 'Hanoi' không tồn tại (có phải ý bạn là 'Asia/Ho_Chi_Minh'?)"),
        ("en", "unknown time zone 'Hanoi' (did you mean 'Asia/Ho_Chi_Minh'?)"),
    ],
)
def test_a_bad_time_zone_in_a_file_says_which_one_was_meant(lang: str, expected: str) -> None:
    text = _zone_file("Hanoi", lang)
    with pytest.raises(LoadError) as caught:
        venue_ready.loads(text, plugins=SECURITY)
    problem = caught.value.problems[0]
    assert problem.path == ("event", "timezone")
    assert problem.render(lang) == f"<string>: event.timezone: {expected}"


def test_a_time_zone_nothing_resembles_keeps_the_plain_message() -> None:
    text = _zone_file("Qqqqq/Zzzzz", "en")
    with pytest.raises(LoadError) as caught:
        venue_ready.loads(text, plugins=SECURITY)
    assert "expected an IANA name such as Asia/Ho_Chi_Minh" in str(caught.value)


def _zone_file(zone: str, lang: str) -> str:
    return (
        f'schema = 1\n[event]\nid = "e"\nname = "n"\nstarts = 2020-05-15T08:00:00\n'
        f'timezone = "{zone}"\nlang = "{lang}"\n[areas.general]\n'
    )


def test_a_plugins_problem_from_validate_or_load_renders_as_text_without_catalogs() -> None:
    """From the review: a settings problem of a plugin rendered as its message id."""
    from datetime import datetime

    from venue_ready import AreaPlan, Event, LoadError, Venue, Zone, assess, validate

    event = Event(
        id="e",
        name="E",
        starts=datetime(2020, 5, 15, 7, 30),
        venue=Venue("Hall", zones=[Zone("hall", "Hội trường")]),
        areas=[AreaPlan("security", settings={"extinguishers": [{"id": "x", "zone": "hal"}]})],
    )
    (problem,) = validate(event)
    text = problem.render("en")
    assert "security.unknown-zone" not in text
    assert "hal" in text
    assert "hall" in text  # the zone it probably meant
    with pytest.raises(LoadError) as refused:
        assess(event)
    assert [p.render("en") for p in refused.value.problems] == [text]
