"""Settings tables declared as attrs classes and read by ``read_settings`` (the public API)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from attrs import frozen
from hypothesis import given, settings
from hypothesis import strategies as st

from venue_ready import Setting, SettingsReader, load, read_settings, read_table
from venue_ready._errors import format_path

from .support import TZ


def _later_than_start(
    reader: SettingsReader, key: str, value: datetime | None, values: Mapping[str, Any]
) -> datetime | None:
    start = values.get("start")
    if value is not None and start is not None and value <= start:
        reader.problem(key, "load.bad-choice", value=str(value), choices="after from")
        return None
    return value


def _hhmm(reader: SettingsReader, key: str, values: Mapping[str, Any]) -> time | None:
    raw = reader.raw(key)
    return time.fromisoformat(raw) if isinstance(raw, str) else None


@frozen
class Post:
    id: Annotated[str, Setting(unique=True)]
    start: Annotated[datetime, Setting(key="from", bare_date="start")]
    end: Annotated[datetime, Setting(key="until", check=_later_than_start)]
    note: str | None = None


@frozen
class Supplies:
    masks: int | None = None
    litres: Annotated[float | None, Setting(high=50.0)] = None
    soap: bool | None = None


@frozen
class Config:
    window: Annotated[float, Setting(low=1.0, high=336.0)] = 24.0
    count: Annotated[int, Setting(low=1, high=10)] = 2
    kind: Literal["printed", "led"] = "printed"
    teams: tuple[str, ...] = ("police",)
    ratios: tuple[float, ...] = ()
    rest: tuple[datetime, ...] = ()
    opening: Annotated[time | None, Setting(read=_hhmm)] = None
    supplies: Supplies | None = None
    posts: tuple[Post, ...] = ()
    note: Annotated[str | None, Setting(file=False)] = None


def _read(table: Mapping[str, Any]) -> tuple[Config, list[str]]:
    config, problems = read_settings(Config, table, None)
    return config, [p.render("en") for p in problems]


def test_an_empty_table_is_every_default() -> None:
    assert _read({}) == (Config(), [])


def test_every_kind_of_field_is_read_by_its_type() -> None:
    config, problems = _read(
        {
            "window": 12,
            "count": 3,
            "kind": "led",
            "teams": ["police", "militia"],
            "ratios": [0.5, 1],
            "rest": ["2020-05-10"],
            "opening": "07:30",
            "supplies": {"masks": 400, "litres": 6.5, "soap": True},
            "posts": [{"id": "gate", "from": "2020-05-14", "until": "2020-05-15"}],
        }
    )
    assert problems == []
    assert config.window == 12.0
    assert config.count == 3
    assert config.kind == "led"
    assert config.teams == ("police", "militia")
    assert config.ratios == (0.5, 1.0)
    assert config.rest[0].date().isoformat() == "2020-05-10"
    assert config.opening == time(7, 30)
    assert config.supplies == Supplies(masks=400, litres=6.5, soap=True)
    (post,) = config.posts
    assert post.id == "gate"
    assert post.start.hour == 0
    assert post.end.hour == 23  # a bare date as a deadline: the end of that day


def test_wrong_values_are_problems_at_their_key_and_keep_the_default() -> None:
    config, problems = _read(
        {
            "windows": 3,
            "window": 0,
            "count": 11,
            "kind": "LED screen",
            "ratios": [0.5, "x"],
            "supplies": {"masks": -1, "litres": 99, "extra": 1},
        }
    )
    assert config.window == 24.0
    assert config.count == 2
    assert config.kind == "printed"
    assert config.ratios == (0.5,)
    assert config.supplies == Supplies()
    assert [p.split(":")[0] for p in problems] == [
        "windows",
        "window",
        "count",
        "kind",
        "ratios[1]",
        "supplies.extra",
        "supplies.masks",
        "supplies.litres",
    ]
    assert "did you mean 'window'" in problems[0]


def test_an_array_entry_missing_a_required_key_or_repeating_an_id_is_left_out() -> None:
    config, problems = _read(
        {
            "posts": [
                {"id": "gate", "from": "2020-05-14", "until": "2020-05-15"},
                {"id": "gate", "from": "2020-05-14", "until": "2020-05-15"},
                {"id": "hall", "from": "2020-05-14"},
                {"id": "yard", "from": "2020-05-14T10:00:00", "until": "2020-05-14T09:00:00"},
                "not a table",
            ]
        }
    )
    assert [p.id for p in config.posts] == ["gate"]
    assert [p.split(":")[0] for p in problems] == [
        "posts[4]",
        "posts[1].id",
        "posts[2].until",
        "posts[3].until",
    ]
    assert "posts[0]" in problems[1]  # the first use of the id


def test_a_field_not_read_from_the_file_is_an_unknown_key_there() -> None:
    config, problems = _read({"note": "x"})
    assert config.note is None
    assert problems
    assert problems[0].startswith("note: unknown key 'note'")


@frozen
class Team:
    name: str
    members: int


@frozen
class Outer:
    team: Team | None = None


def test_a_sub_table_missing_a_required_key_is_none() -> None:
    outer, problems = read_settings(Outer, {"team": {"members": 3}}, None)
    assert outer.team is None
    assert [format_path(p.path) for p in problems] == ["team.name"]


def test_bare_dates_and_naive_times_are_read_in_the_event_zone(small_example: Path) -> None:
    event = load(small_example)
    config, problems = read_settings(Config, {"rest": ["2020-05-10T08:00:00"]}, event)
    assert problems == []
    assert config.rest[0].utcoffset() == datetime(2020, 5, 10, tzinfo=TZ).utcoffset()


def test_a_class_naming_a_type_it_cannot_resolve_is_a_clear_error() -> None:
    @frozen
    class Local:
        team: Team | None = None  # resolved in the module's names, where Team is

    @frozen
    class Inner:
        local: Local | None = None  # Local is not a module-level name

    assert read_settings(Local, {}, None) == (Local(), [])
    with pytest.raises(TypeError, match="declare settings classes at module level"):
        read_settings(Inner, {}, None)


def test_a_field_whose_type_says_nothing_needs_its_own_reader() -> None:
    @frozen
    class Odd:
        opening: time | None = None

    with pytest.raises(TypeError, match=r"Odd.opening: .*Setting\(read=\.\.\.\)"):
        read_settings(Odd, {}, None)


def test_a_class_that_is_not_attrs_is_refused() -> None:
    class Plain:
        pass

    with pytest.raises(TypeError, match="not an attrs class"):
        read_table(SettingsReader({}), Plain)


_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**12), 10**12)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["2020-05-14", "2020-05-14T10:00:00", "07:30", "led"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=12,
)
_KEYS = st.sampled_from(
    ["window", "count", "kind", "teams", "ratios", "rest", "supplies", "posts", "x", "note"]
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=6))
def test_any_table_gives_a_config_and_problems_never_a_raise(table: dict[str, Any]) -> None:
    try:
        config, problems = read_settings(Config, table, None)
    except ValueError:  # only the hand-written "opening" reader may refuse a bad time text
        assert "opening" in table
        return
    assert isinstance(config, Config)
    assert all(p.render("en") for p in problems)


def test_the_example_in_docs_plugins_md_reads_a_table(
    small_example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    doc = (Path(__file__).parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    section = doc.split("## Settings declared as classes", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    module = types.ModuleType("catering_settings_from_the_docs")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(code, "docs/plugins.md", "exec"), module.__dict__)

    event = load(small_example)
    config, problems = module.parse(
        {
            "caterer": "Hội Phụ nữ",
            "dishes": [
                {"id": "lunch", "name": "Cơm hộp", "servings": 250, "due": "2020-05-13"},
                {"id": "lunch", "name": "Bánh mì", "kind": "snak"},
                {"id": "tea", "name": "Trà", "due": "2030-01-01"},
            ],
        },
        event,
    )
    assert config.caterer == "Hội Phụ nữ"
    assert [(d.id, d.servings) for d in config.dishes] == [("lunch", 250), ("tea", 1)]
    assert config.dishes[1].due is None  # after the start: refused by the check
    rendered = [p.render("en") for p in problems]
    assert [format_path(p.path) for p in problems] == [
        "dishes[1].id",
        "dishes[1].kind",
        "dishes[2].due",
    ]
    assert "did you mean 'snack'" in rendered[1]


@frozen
class NeedsAKey:
    caterer: str | None  # no default: required, though it may be None


def test_a_top_level_class_with_a_required_field_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match=r"NeedsAKey: .*default for every field.*caterer"):
        read_settings(NeedsAKey, {}, None)
    outer, problems = read_settings(Outer, {"team": {"name": "x"}}, None)
    assert outer.team is None  # a sub-table missing a required key is left out, no raise
    assert [format_path(p.path) for p in problems] == ["team.members"]
