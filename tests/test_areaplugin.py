"""area_plugin, Finding.from_record and fold_name: the parts every area plugin is made of."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from venue_ready import (
    AreaPlan,
    AreaSpec,
    Event,
    Finding,
    JournalEntry,
    Message,
    Problem,
    SettingsReader,
    Status,
    area_plugin,
    fold_name,
)
from venue_ready.testing import assess_area, check_plugin, make_event, plugin_manager

from .support import event_header

MESSAGES = {"vi": {"demo.count": "Có {n}"}, "en": {"demo.count": "There are {n}"}}


def parse(settings: Mapping[str, Any], event: Event | None) -> tuple[int, list[Problem]]:
    reader = SettingsReader(settings, event)
    reader.known("n")
    return reader.integer("n", 1, low=1, high=10), reader.problems


def assess(config: int, event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    return [Finding(code="demo.count", area=area.key, message=Message("demo.count", {"n": config}))]


SPEC = AreaSpec(key="demo", title_vi="Thử", title_en="Demo", messages=MESSAGES)


class Demo:
    """A plugin made by the factory, registered as a class the way a module would be."""

    plugin = area_plugin(SPEC, settings=parse, rules=assess)
    venue_ready_areas = plugin.venue_ready_areas
    venue_ready_assess = plugin.venue_ready_assess


def test_the_hooks_answer_for_their_area_only_and_keep_the_rules() -> None:
    pm = plugin_manager(Demo)
    event = make_event(
        event_header(name="Đại hội") + "[areas.demo]\nsettings = { n = 3 }", plugins=pm
    )
    [finding] = assess_area(event, "demo", plugins=pm)
    assert finding.message.params == {"n": 3}
    assert Demo.venue_ready_assess(event, AreaPlan(key="general"), event.starts) is None
    check_plugin(Demo)


def test_the_spec_gets_the_parser_as_its_validator() -> None:
    [spec] = Demo.venue_ready_areas()
    assert spec.validate_settings is not None
    [problem] = spec.validate_settings({"n": 0}, None)
    assert problem.path == ("n",)


def test_invalid_settings_of_an_event_built_in_code_are_one_error_naming_each_problem() -> None:
    event = make_event(areas={"demo": {"n": 99, "m": 1}})
    with pytest.raises(ValueError, match=r"^invalid \[areas\.demo\.settings\]: ") as info:
        Demo.venue_ready_assess(event, event.areas[0], event.starts)
    assert "n: value 99 is out of range" in str(info.value)
    assert "unknown key 'm'" in str(info.value)


def test_module_name_references_are_imported_on_first_use() -> None:
    name = "venue_ready_security.rules"
    sys.modules.pop(name, None)
    plugin = area_plugin(
        AreaSpec(key="lazy", title_vi="Lười", title_en="Lazy"),
        settings=parse,
        rules=f"{name}:assess",
    )
    assert name not in sys.modules
    with pytest.raises(ValueError, match="module:name"):
        area_plugin(SPEC, settings="no_colon", rules=assess)
    assert plugin.parse({}, None) == (1, [])
    assert name not in sys.modules


def test_validate_settings_and_journal_subjects_are_given_once() -> None:
    with pytest.raises(TypeError, match="validate_settings"):
        area_plugin(
            AreaSpec(key="x", title_vi="X", title_en="X", validate_settings=parse),
            settings=parse,
            rules=assess,
        )
    subjects = "venue_ready_broadcast.settings:journal_subjects"
    both = AreaSpec(key="x", title_vi="X", title_en="X", journal_subjects=lambda e, a: [])
    with pytest.raises(TypeError, match="journal_subjects"):
        area_plugin(both, settings=parse, rules=assess, journal_subjects=subjects)


def test_a_finding_from_a_record_says_who_reported_it_and_when() -> None:
    event = make_event()
    record = JournalEntry(
        uid="u1",
        subject="demo:x",
        status=Status.DONE,
        by="Công an phường",
        recorded_at=event.starts,
        happened_at=event.starts - timedelta(hours=2),  # the report dates the report, not the work
    )
    fields: dict[str, Any] = {"code": "demo.count", "area": "demo", "message": Message("m")}
    found = Finding.from_record(record, **fields)
    assert (found.reported_at, found.reported_by) == (event.starts, "Công an phường")
    plain = Finding.from_record(None, **fields)
    assert (plain.reported_at, plain.reported_by) == (None, None)


def test_names_fold_to_one_form() -> None:
    decomposed = "Co\u0302ng an  phu\u031bo\u031b\u0300ng"  # NFD, doubled space
    assert fold_name(decomposed) == fold_name("CÔNG AN PHƯỜNG") == "công an phường"
    assert fold_name("công an phường") in fold_name("Trưởng Công an Phường Ngọc Thụy")
    assert fold_name("Công an phường") != fold_name("Công an quận")


def test_a_package_names_its_parts_by_convention_and_unpacks_into_the_two_hooks() -> None:
    for name in ("settings", "rules", "messages"):
        sys.modules.pop(f"venue_ready_broadcast.{name}", None)
    areas, assess_hook = area_plugin(
        AreaSpec(key="broadcast", title_vi="Truyền thanh", title_en="Ward radio"),
        package="venue_ready_broadcast",
        journal_subjects=".settings:journal_subjects",
    )
    assert "venue_ready_broadcast.messages" not in sys.modules
    [spec] = areas()
    from venue_ready_broadcast.messages import MESSAGES
    from venue_ready_broadcast.template import SETTINGS_EXAMPLE, TEMPLATE

    assert (spec.template, spec.settings_example) == (TEMPLATE, SETTINGS_EXAMPLE)
    assert spec.messages == MESSAGES
    assert "venue_ready_broadcast.settings" not in sys.modules
    event = make_event(areas={"broadcast": {}})
    assert assess_hook(event, event.areas[0], event.starts)
    assert "venue_ready_broadcast.rules" in sys.modules


def test_what_the_spec_gives_wins_over_the_package_and_relative_names_need_one() -> None:
    own = AreaSpec(key="demo", title_vi="Thử", title_en="Demo", messages=MESSAGES)
    [spec] = area_plugin(own, package="venue_ready_broadcast").venue_ready_areas()
    assert spec.messages == MESSAGES
    assert spec.template  # empty in the spec: the package's
    with pytest.raises(ValueError, match="package=__name__"):
        area_plugin(SPEC, settings=".settings:parse", rules=assess)
    with pytest.raises(TypeError, match="settings= and rules=, or package="):
        area_plugin(SPEC, settings=parse)


def test_a_package_without_the_conventional_files_keeps_what_the_spec_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a plugin package with settings and rules only: no template.py, no messages.py
    package = tmp_path / "venue_ready_small"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "settings.py").write_text(
        "def parse(settings, event):\n    return None, []\n", encoding="utf-8"
    )
    (package / "rules.py").write_text(
        "def assess(config, event, area, as_of):\n    return []\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    messages = {"vi": {"small.x": "x"}, "en": {"small.x": "x"}}
    own = AreaSpec(key="small", title_vi="Nhỏ", title_en="Small", messages=messages)
    [spec] = area_plugin(own, package="venue_ready_small").venue_ready_areas()
    assert spec.messages == messages
    assert spec.template == ()
    assert spec.settings_example == ""


def test_the_same_events_settings_are_parsed_once_and_a_changed_table_again() -> None:
    """Loading validates an area's settings and assessing parses them again: the second parse
    of the same event's equal settings is the first's result; a table changed since is not."""
    from datetime import datetime

    from venue_ready import AreaPlan, AreaSpec, Event, area_plugin

    calls: list[dict[str, object]] = []

    def parse(settings: object, event: object) -> tuple[object, list[Problem]]:
        calls.append(dict(settings))  # type: ignore[call-overload]
        return dict(settings), []  # type: ignore[call-overload]

    def rules(config: object, event: object, area: object, as_of: object) -> list[object]:
        return []

    plugin = area_plugin(AreaSpec(key="x", title_vi="X", title_en="X"), settings=parse, rules=rules)
    table: dict[str, object] = {"n": 1}
    event = Event(id="e", name="E", starts=datetime(2020, 5, 15, 7, 30), areas=[AreaPlan("x")])
    assert plugin.parse(table, event)[0] == {"n": 1}
    assert plugin.parse({"n": 1}, event)[0] == {"n": 1}  # an equal table: parsed once
    assert len(calls) == 1
    table["n"] = 2  # the table given first, changed since: parsed again
    assert plugin.parse(table, event)[0] == {"n": 2}
    other = Event(id="f", name="F", starts=datetime(2020, 5, 15, 7, 30), areas=[AreaPlan("x")])
    plugin.parse(table, other)  # another event: parsed again
    assert len(calls) == 3
