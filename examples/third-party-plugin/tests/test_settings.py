"""The settings validator: every problem in plain words, the example accepted, never a raise."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from venue_ready import Event, LoadError, PluginManager, Problem

from helpers import Load, MakeEvent, Plugins, document, event_toml
from venue_ready_documents.messages import MESSAGES
from venue_ready_documents.settings import (
    Comment,
    Config,
    Document,
    Dossiers,
    SignOff,
    parse,
    validate,
    version_key,
)
from venue_ready_documents.template import KINDS, SETTINGS_EXAMPLE


def problems(load: Load, text: str) -> list[str]:
    """The problems of an event file, rendered in English, one a line."""
    with pytest.raises(LoadError) as info:
        load(text)
    return [p.render("en", info.value.catalogs) for p in info.value.problems]


def test_unknown_setting_has_did_you_mean(load: Load) -> None:
    assert problems(load, event_toml("requird_kinds = []")) == [
        "<make_event>: areas.documents.settings.requird_kinds: unknown key 'requird_kinds' "
        "(did you mean 'required_kinds'?)"
    ]


def test_unknown_kind_of_a_document_has_did_you_mean(load: Load) -> None:
    text = event_toml(tables=document("report", "politcal-report"))
    [problem] = problems(load, text)
    assert problem.startswith(
        "<make_event>: areas.documents.settings.documents[0].kind: invalid value "
        "'politcal-report' (did you mean 'political-report'?"
    )


def test_unknown_kind_in_a_list_has_did_you_mean(load: Load) -> None:
    text = event_toml('required_kinds = ["programme", "scrip", "agenda"]')
    assert problems(load, text) == [
        "<make_event>: areas.documents.settings.required_kinds: 'scrip' is not a kind of "
        f"document (did you mean 'script'? kinds: {', '.join(KINDS)})",
        "<make_event>: areas.documents.settings.required_kinds: 'agenda' is not a kind of "
        f"document (kinds: {', '.join(KINDS)})",
    ]


def test_a_document_needs_id_kind_title_and_version(load: Load) -> None:
    text = event_toml(tables="[[areas.documents.settings.documents]]\nowner = 'Tiểu ban'\n")
    assert problems(load, text) == [
        f"<make_event>: areas.documents.settings.documents[0].{key}: missing required key '{key}'"
        for key in ("id", "kind", "title", "version")
    ]


def test_duplicate_document_ids(load: Load) -> None:
    text = event_toml(tables=document("a", "programme") + document("a", "script"))
    [problem] = problems(load, text)
    assert "documents[1].id: duplicate id 'a'" in problem


@pytest.mark.parametrize("version", ["true", "1.5", '""', "[1]"])
def test_bad_version(load: Load, version: str) -> None:
    [problem] = problems(load, event_toml(tables=document("programme", version=version)))
    assert "documents[0].version: " in problem


def test_signoff_of_a_version_ahead_of_the_current_one(load: Load) -> None:
    extra = 'signed_off = { by = "Tổ chỉ đạo đại hội của Quận ủy", at = 2020-05-01, version = 5 }'
    text = event_toml(tables=document("programme", version="4", extra=extra))
    assert problems(load, text) == [
        "<make_event>: areas.documents.settings.documents[0].signed_off.version: the version "
        "signed off (5) is newer than the document's current version (4) (correct the "
        "document's version or the sign-off's)"
    ]


def test_signoff_needs_by_at_and_version(load: Load) -> None:
    text = event_toml(tables=document("programme", extra="signed_off = { by = 'Quận' }"))
    assert [p.split(": ", 2)[1] for p in problems(load, text)] == [
        "areas.documents.settings.documents[0].signed_off.at",
        "areas.documents.settings.documents[0].signed_off.version",
    ]


def test_due_after_the_opening(load: Load) -> None:
    [problem] = problems(load, event_toml(tables=document("programme", due="2020-05-16")))
    assert problem.endswith(
        "documents[0].due: due 16 May 2020, after the event starts 15 May 2020, 07:30 "
        "(expected a due date before the start)"
    )


def test_comment_from_an_unknown_body_has_did_you_mean(load: Load) -> None:
    extra = 'comments = [{ body = "Mặt trận Tổ Quốc", received = 2020-05-01 }]'
    [problem] = problems(load, event_toml(tables=document("political-report", extra=extra)))
    assert "documents[0].comments[0].body: invalid value 'Mặt trận Tổ Quốc' (did you mean " in (
        problem
    )


def test_dossiers_problems(load: Load) -> None:
    table = "[areas.documents.settings.dossiers]\ncount = 20\nreported_on = 'soon'\n"
    assert problems(load, event_toml(tables=table)) == [
        "<make_event>: areas.documents.settings.dossiers.expected: missing required key 'expected'",
        "<make_event>: areas.documents.settings.dossiers.reported_on: 'soon' is not a valid "
        "date (expected 2020-05-14 or 2020-05-14T16:00:00+07:00)",
    ]
    table = "[areas.documents.settings.dossiers]\nexpected = 10\ncount = 20\n"
    assert problems(load, event_toml(tables=table)) == [
        "<make_event>: areas.documents.settings.dossiers.count: more dossiers reported (20) "
        "than expected (10)"
    ]


def test_lead_days_have_bounds(load: Load) -> None:
    [problem] = problems(load, event_toml("dossiers_lead_days = 1000000"))
    assert "value 1000000 is out of range (expected 0 to 366)" in problem


def test_problems_read_in_vietnamese(load: Load) -> None:
    with pytest.raises(LoadError) as info:
        load(event_toml('required_kinds = ["scrip"]'))
    [problem] = info.value.problems
    assert problem.render("vi", info.value.catalogs).endswith(
        f"'scrip' không phải loại văn kiện (có phải ý bạn là 'script'? các loại: "
        f"{', '.join(KINDS)})"
    )


def test_an_event_built_in_code_is_validated_too(
    plugins: PluginManager, venue_ready_event: MakeEvent
) -> None:
    with pytest.raises(LoadError) as info:
        venue_ready_event(areas={"documents": {"dossiers_lead_days": -1}}, plugins=plugins)
    [problem] = info.value.problems
    assert problem.path == ("areas", "documents", "settings", "dossiers_lead_days")


def test_unvalidated_bad_settings_are_refused_by_assess(
    plugins: PluginManager, venue_ready_event: MakeEvent, venue_ready_assess_area: Any
) -> None:
    # Built in code without a plugin manager: not validated when built, but assess validates
    # an event it has not seen valid, and refuses this one with the settings' problem.
    event = venue_ready_event(areas={"documents": {"required_kinds": ["agenda"]}})
    with pytest.raises(LoadError, match="'agenda' is not a kind of document") as info:
        venue_ready_assess_area(event, "documents", plugins=plugins)
    [problem] = info.value.problems
    assert problem.path == ("areas", "documents", "settings", "required_kinds")


# -- the settings example ------------------------------------------------------------------------


def example() -> dict[str, Any]:
    settings: dict[str, Any] = tomli.loads("[s]\n" + SETTINGS_EXAMPLE)["s"]
    return settings


def test_example_has_every_default() -> None:
    config, found = parse(example(), None)
    assert found == []
    assert config == parse({}, None)[0]


def uncommented_example() -> dict[str, Any]:
    """The example with its commented-out tables (from the first ``# [[`` on) put back."""
    head, tables = SETTINGS_EXAMPLE.split("# [[", 1)
    lines = [line.removeprefix("#").removeprefix(" ") for line in ("# [[" + tables).splitlines()]
    text = (head + "\n".join(lines)).replace("[areas.documents.settings.", "[s.")
    settings: dict[str, Any] = tomli.loads("[s]\n" + text)["s"]
    return settings


def test_commented_example_is_valid_too() -> None:
    settings = uncommented_example()
    assert len(settings["documents"]) == 1
    assert "dossiers" in settings
    assert validate(settings, None) == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    starts=st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2150, 1, 1)),
    zone=st.sampled_from(["Asia/Ho_Chi_Minh", "UTC", "Pacific/Kiritimati", "America/Adak"]),
    lang=st.sampled_from(["vi", "en"]),
)
def test_example_is_accepted_for_any_event(
    venue_ready_event: MakeEvent, starts: datetime, zone: str, lang: str
) -> None:
    tz = ZoneInfo(zone)
    event = venue_ready_event(
        starts=starts.replace(tzinfo=tz), timezone=zone, lang=lang, areas=["documents"]
    )
    assert validate(example(), event) == []


def test_example_in_a_new_event_file_loads(plugins: PluginManager) -> None:
    import venue_ready

    [spec] = [s for s in plugins.area_specs().values() if s.key == "documents"]
    text = (
        '[event]\nid = "e"\nname = "Đại hội"\nstarts = 2020-05-15T07:30:00+07:00\n'
        f"[areas.documents.settings]\n{spec.settings_example}"
    )
    event = venue_ready.loads("schema = 1\n" + text, plugins=plugins)
    assert event.area("documents") is not None


# -- never a raise -------------------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from([*KINDS, "Mặt trận Tổ quốc", "đảng viên", "4", "v3", "", " "])
    | st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
    | st.datetimes(timezones=st.sampled_from([UTC, ZoneInfo("Asia/Ho_Chi_Minh")]))
    | st.datetimes()
    | st.times()
)


def keys(cls: type) -> list[str]:
    """The keys a table read by ``cls`` holds: its fields (none of them renamed)."""
    return [f.name for f in attrs.fields(cls)]


#: The top-level keys that are not tables.
_SCALAR_KEYS = [name for name in keys(Config) if name not in ("documents", "dossiers")]
_KEYS = st.sampled_from(
    [*keys(Config), *keys(Document), *keys(Comment), *keys(SignOff), *keys(Dossiers), "x", ""]
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
    max_leaves=25,
)
_DOCUMENT = st.fixed_dictionaries(
    {},
    optional={
        "id": st.sampled_from(["a", "b"]) | _SCALARS,
        "kind": st.sampled_from(KINDS) | _SCALARS,
        "title": st.just("T") | _SCALARS,
        "version": st.integers(0, 5) | _SCALARS,
        "due": st.dates(date(2020, 4, 1), date(2020, 6, 1)) | _SCALARS,
        "comments": st.lists(st.dictionaries(_KEYS, _VALUES, max_size=3), max_size=3) | _VALUES,
        "signed_off": st.fixed_dictionaries(
            {}, optional={"by": _VALUES, "at": _VALUES, "version": _VALUES}
        )
        | _VALUES,
        "owner": _VALUES,
    },
)
_SETTINGS = (
    st.fixed_dictionaries(
        {},
        optional={
            "documents": st.lists(_DOCUMENT, max_size=4) | _VALUES,
            "dossiers": st.dictionaries(st.sampled_from(keys(Dossiers)), _VALUES) | _VALUES,
            **dict.fromkeys(_SCALAR_KEYS, _VALUES),
        },
    )
    | _VALUES
)


@settings(max_examples=300, deadline=None)
@given(settings_=_SETTINGS, with_event=st.booleans())
def test_validator_never_raises(settings_: Any, with_event: bool) -> None:
    event = EVENT if with_event else None
    found = validate(settings_, event)
    assert isinstance(found, list)
    assert all(isinstance(p, Problem) for p in found)
    for p in found:  # and each renders, in both languages
        assert p.render("vi", MESSAGES)
        assert p.render("en", MESSAGES)


_AS_OF = st.datetimes(min_value=datetime(2020, 3, 1), max_value=datetime(2020, 7, 1)).map(
    lambda d: d.replace(tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
)


@settings(max_examples=200, deadline=None)
@given(settings_=_SETTINGS, as_of=_AS_OF)
def test_valid_settings_always_assess(settings_: Any, as_of: datetime) -> None:
    """Whatever passes the validator, the rules assess without a fault, within range."""
    if validate(settings_, EVENT):
        return
    from venue_ready_documents import rules

    config, _ = parse(settings_, EVENT)
    found = rules.assess(config, EVENT, EVENT.areas[0], as_of)
    assert all(0 <= f.credit <= 1 and f.weight >= 0 and f.area == "documents" for f in found)
    assert len([f for f in found if f.code == "documents.kind"]) == len(config.required_kinds)


def _event() -> Event:
    from venue_ready.testing import make_event

    return make_event(areas=["documents"])


EVENT = _event()


def test_version_key() -> None:
    assert version_key("3") == (3,)
    assert version_key("v2.1") == (2, 1)
    assert version_key("bản 4") == (4,)
    assert version_key("final") is None
    assert version_key("1-2") is None


def test_plugins_fixture_takes_the_entry_point_name(venue_ready_plugins: Plugins) -> None:
    pm = venue_ready_plugins("documents")
    assert pm.origin("documents") == ("venue-ready-documents", "0.1.0")
    assert "documents" in pm.area_specs()


def test_deadline_from_a_lead_of_days() -> None:
    from venue_ready_documents.rules import deadline

    assert deadline(EVENT, 0) == EVENT.starts
    end_of_day = time(23, 59, 59, 999999)
    assert deadline(EVENT, 1).time() == end_of_day
    assert deadline(EVENT, 1).date() == (EVENT.starts - timedelta(days=1)).date()
