"""The event file's JSON Schema (``venue-ready schema``, the file ``init`` writes beside a new
event file): every example and every template is valid under it, checked by jsonschema and by
the Taplo CLI editors use; a file the loader refuses is schema-invalid wherever a schema can say
so; and a file valid under it loads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import _loading as loading
from venue_ready._eventschema import (
    _AREA,
    _EVENT,
    _ITEM,
    _PLACE,
    _SIGNOFF,
    _VENUE,
    _WAIVER,
    SCHEMA_FILE_NAME,
    event_schema,
    words,
)

from .conftest import ROOT
from .support import event_header, toml_value

EXAMPLES = {
    "small": ROOT / "examples/small/congress.toml",
    "ngoc-thuy": ROOT / "examples/ngoc-thuy-2020/congress.toml",
    "election": ROOT / "examples/election-2021/election.toml",
    "mttq": ROOT / "examples/mttq-congress-2024/congress.toml",
}
THIRD_PARTY = ROOT / "examples/third-party-plugin"
TAPLO = shutil.which("taplo") or str(Path(sys.executable).parent / "taplo")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return {**env, "PYTHONIOENCODING": "utf-8", **extra}


def _cli(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=_env(**env),
        timeout=120,
        check=False,
    )


def as_json(value: Any) -> Any:
    """TOML data as an editor hands it to a JSON Schema: dates and times as their text."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return event_schema(lang="en")


def schema_errors(schema: dict[str, Any], text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(schema)
    return [e.message for e in validator.iter_errors(as_json(tomli.loads(text)))]


def taplo_check(schema_file: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [TAPLO, "check", "--schema", schema_file.as_uri(), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# -- the schema itself ---------------------------------------------------------------------------


def test_the_schema_is_a_draft_7_schema(schema: dict[str, Any]) -> None:
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["properties"]["event"]["required"] == ["id", "name", "starts"]


def test_every_key_the_loader_reads_is_described_in_both_languages() -> None:
    # the keys come from the loader's tuples; each has words in vi and en (attendance's keys
    # are counts, named by themselves until they get words)
    # (their words are data, event_schema_words.toml: a table of it per table of the file)
    for keys, declared, table in (
        (loading._EVENT_KEYS, _EVENT, "event"),
        (loading._VENUE_KEYS, _VENUE, "venue"),
        (loading._PLACE_KEYS, _PLACE, "place"),
        (loading._AREA_KEYS, _AREA, "area"),
        (loading._ITEM_KEYS, _ITEM, "item"),
        (loading._SIGNOFF_KEYS, _SIGNOFF, "signoff"),
        (loading._WAIVER_KEYS, _WAIVER, "waiver"),
    ):
        assert set(keys) == set(declared) == set(words()[table]), (keys, sorted(declared))
        for key in keys:
            described = words()[table][key]
            assert set(described) == {"vi", "en"}, key
            assert all(
                len(pair) == 2 and all(p.strip() for p in pair) for pair in described.values()
            )
            assert described["vi"][0] != described["en"][0] or key in ("id",), key
    assert set(words()["top"]) == set(loading._TOP_KEYS)
    assert set(words()["attendance"]) <= set(loading._ATTENDANCE_KEYS)
    vi, en = event_schema(lang="vi"), event_schema(lang="en")
    assert vi["properties"]["event"]["properties"]["starts"]["title"] == "Thời điểm khai mạc"
    assert en["properties"]["event"]["properties"]["starts"]["title"] == "Opening"
    attendance = en["properties"]["event"]["properties"]["attendance"]["properties"]
    assert set(attendance) == set(loading._ATTENDANCE_KEYS)


def test_the_areas_and_their_settings_come_from_the_plugins(schema: dict[str, Any]) -> None:
    areas = schema["properties"]["areas"]["properties"]
    assert set(areas) == set(venue_ready.get_plugin_manager().area_specs())
    security = areas["security"]
    assert security["title"] == "Security and order"
    settings_ = security["properties"]["settings"]
    # from the plugin's settings classes: the keys, their bounds and the entries' tables
    assert settings_["additionalProperties"] is False
    assert settings_["properties"]["doors_open_minutes"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 1440,
    }
    exits = settings_["properties"]["exits"]["items"]
    assert exits["required"] == ["id"]
    assert "checked" in exits["properties"]


def test_the_schema_command_prints_the_same_bytes_each_time() -> None:
    first, again = _cli("schema", "--lang", "en"), _cli("schema", "--lang", "en")
    assert first.returncode == 0, first.stderr
    assert first.stdout == again.stdout
    assert json.loads(first.stdout) == event_schema(lang="en")
    vi = _cli("schema", "--lang", "vi")
    assert json.loads(vi.stdout)["title"] == "Tệp sự kiện venue-ready"


# -- every example and template is valid --------------------------------------------------------


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_every_example_is_valid_under_the_schema(
    name: str, schema: dict[str, Any], tmp_path: Path
) -> None:
    text = EXAMPLES[name].read_text(encoding="utf-8")
    assert schema_errors(schema, text) == []
    schema_file = tmp_path / SCHEMA_FILE_NAME
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    result = taplo_check(schema_file, EXAMPLES[name])
    assert result.returncode == 0, result.stderr


def test_the_third_party_example_is_valid_with_its_plugin(tmp_path: Path) -> None:
    src = str(THIRD_PARTY / "src")
    made = _cli("schema", "--plugin", "venue_ready_documents", "--lang", "en", PYTHONPATH=src)
    assert made.returncode == 0, made.stderr
    schema = json.loads(made.stdout)
    assert "documents" in schema["properties"]["areas"]["properties"]
    example = THIRD_PARTY / "example.toml"
    assert schema_errors(schema, example.read_text(encoding="utf-8")) == []
    schema_file = tmp_path / SCHEMA_FILE_NAME
    schema_file.write_text(made.stdout, encoding="utf-8")
    assert taplo_check(schema_file, example).returncode == 0
    # and without the plugin, its area is one the schema refuses, as the loader does
    assert schema_errors(event_schema(lang="en"), example.read_text(encoding="utf-8"))


KINDS = sorted(venue_ready.get_plugin_manager().event_kinds())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_template_is_valid_and_names_the_schema_written_beside_it(
    lang: str, tmp_path: Path
) -> None:
    files = []
    for kind in KINDS:
        out = tmp_path / f"{kind}.toml"
        done = _cli(
            "init", str(out), "--template", kind, "--starts", "2026-05-15T07:30", "--lang", lang
        )
        assert done.returncode == 0, done.stderr
        files.append(out)
    # the first init wrote the schema; the next ones kept it
    schema_file = tmp_path / SCHEMA_FILE_NAME
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema == event_schema(lang=lang)
    for out in files:
        text = out.read_text(encoding="utf-8")
        assert text.startswith(f"#:schema ./{SCHEMA_FILE_NAME}\n")
        assert schema_errors(schema, text) == [], out.name
    # Taplo follows each file's #:schema line to the file beside it (run from elsewhere)
    result = subprocess.run(
        [TAPLO, "check", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=Path("/"),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text(files[0].read_text(encoding="utf-8").replace("\nname =", "\nnmae ="))
    result = taplo_check(schema_file, broken)
    assert result.returncode != 0
    assert "nmae" in result.stderr


def test_init_keeps_a_schema_already_there(tmp_path: Path) -> None:
    kept = tmp_path / SCHEMA_FILE_NAME
    kept.write_text("{}", encoding="utf-8")
    done = _cli("init", str(tmp_path / "e.toml"), "--starts", "2026-05-15")
    assert done.returncode == 0, done.stderr
    assert kept.read_text(encoding="utf-8") == "{}"


# -- the loader refuses, the schema refuses -------------------------------------------------------

SMALL_TEXT = EXAMPLES["small"].read_text(encoding="utf-8")

ITEM = "[[areas.general.items]]\n"  # a new item before the first, for keys the first has

#: Files the loader refuses, each one edit of the small example: the schema refuses each too.
REFUSED = {
    "unknown top-level key": ("schema = 1", "schema = 1\nshema = 1"),
    "unknown event key": ("[event]\n", '[event]\nstart = "x"\n'),
    "unknown item key": ('owner = "', 'onwer = "'),
    "unknown area": ("[areas.general]", "[areas.genral]"),
    "schema version": ("schema = 1", "schema = 2"),
    "wrong type: level": ('level = "ward"', "level = 5"),
    "wrong type: gate": (ITEM, f'{ITEM}id = "zz"\ntitle = "t"\ngate = "yes"\n\n{ITEM}'),
    "wrong type: date": ("[event]\n", "[event]\nheld_at = 5\n"),
    "bad date text": ("[event]\n", '[event]\nheld_at = "14/5/2020"\n'),
    "empty text": ('owner = "', 'requires_signoff = " "\nowner = "'),
    "progress above 1": ('owner = "', 'progress = 1.5\nowner = "'),
    "negative weight": ('owner = "', 'weight = -1\nowner = "'),
    "threshold above 100": ("[areas.general]\n", "[areas.general]\nthreshold = 101\n"),
    "count out of range": ("expected_delegates = 120", "expected_delegates = -3"),
    "kind": ('kind = "party-congress"', 'kind = "party-congres"'),
    "form": ("[event]\n", '[event]\nform = "delegate"\n'),
    "organiser": ("[event]\n", '[event]\norganiser = "parti"\n'),
    "lang": ('lang = "vi"', 'lang = "fr"'),
    "status": (ITEM, f'{ITEM}id = "zz"\ntitle = "t"\nstatus = "dnoe"\n\n{ITEM}'),
    "phase": ('owner = "', 'phase = "durin"\nowner = "'),
    "missing item title": ('title = "', 'titel = "'),
    "ordinal": ("ordinal = 15", 'ordinal = "XXQ"'),
    "term": ('term = "2020-2025"', 'term = "2020"'),
    "plugin setting, unknown key": (
        "[areas.general]\n",
        "[areas.security.settings]\ndoors_open_minuts = 60\n\n[areas.general]\n",
    ),
    "plugin setting, out of range": (
        "[areas.general]\n",
        "[areas.security.settings]\ndoors_open_minutes = 5000\n\n[areas.general]\n",
    ),
}


def _edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_file_the_loader_refuses_is_schema_invalid(
    case: str, schema: dict[str, Any], tmp_path: Path
) -> None:
    text = _edit(SMALL_TEXT, *REFUSED[case])
    with pytest.raises(venue_ready.LoadError):
        venue_ready.loads(text)
    assert schema_errors(schema, text), f"the schema accepts: {case}"


def test_taplo_refuses_them_too(schema: dict[str, Any], tmp_path: Path) -> None:
    schema_file = tmp_path / SCHEMA_FILE_NAME
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    for n, case in enumerate(REFUSED):
        path = tmp_path / f"case-{n}.toml"
        path.write_text(_edit(SMALL_TEXT, *REFUSED[case]), encoding="utf-8")
        assert taplo_check(schema_file, path).returncode != 0, case


# -- valid under the schema ⇔ loads, for an item's values -------------------------------------

HEAD = event_header(id="e", name="Đại hội", starts="2020-05-15T07:30:00+07:00")

#: Per key, values the loader accepts and values it refuses (a schema can say why of each).
VALUES: dict[str, st.SearchStrategy[Any]] = {
    "owner": st.one_of(st.sampled_from(["Văn phòng", " ", ""]), st.integers(0, 3)),
    "due": st.one_of(
        st.dates(date(2019, 1, 1), date(2020, 5, 14)),
        st.sampled_from(["2020-05-01", "ngày 1/5", 5]),
    ),
    "phase": st.sampled_from(["before", "during", "after", "durin", "Before"]),
    "status": st.sampled_from(["todo", "in_progress", "done", "blocked", "dnoe", "Done"]),
    "progress": st.one_of(st.floats(-1, 2, allow_nan=False), st.sampled_from([0, 1, "50%"])),
    "weight": st.one_of(st.floats(-2, 2e6, allow_nan=False), st.integers(-2, 3)),
    "gate": st.one_of(st.booleans(), st.sampled_from([0, "yes"])),
    "notes": st.one_of(st.text(max_size=5), st.integers(0, 2)),
    "evidence": st.one_of(
        st.sampled_from(["ảnh.jpg", ["a.pdf", "b.pdf"], [1], 3]),
    ),
    "onwer": st.just("x"),  # a misspelt key
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(sorted(VALUES)), st.none(), max_size=5), st.data())
def test_valid_under_the_schema_is_loadable(keys: dict[str, None], data: st.DataObject) -> None:
    # (only what a schema can say: the phase's due date before the opening is kept true, and
    # no item is waived, as "waived needs a [waiver]" spans two keys)
    schema = _SCHEMA_EN
    lines = ["[[areas.general.items]]", 'id = "x"', 'title = "Việc"']
    for key in keys:
        value = data.draw(VALUES[key], label=key)
        lines.append(f"{key} = {toml_value(value)}")
    text = HEAD + "\n[areas.general]\n" + "\n".join(lines) + "\n"
    valid = not schema_errors(schema, text)
    try:
        venue_ready.loads(text)
        loads = True
    except venue_ready.LoadError:
        loads = False
    assert valid == loads, text


_SCHEMA_EN = event_schema(lang="en")


def test_a_note_holding_del_is_valid_and_loads() -> None:
    # hypothesis found it: the test's TOML writer left DEL raw, which TOML refuses in a string
    text = HEAD + '\n[areas.general]\n[[areas.general.items]]\nid = "x"\ntitle = "Việc"\n'
    text += "notes = " + toml_value("a\x7fb") + "\n"
    assert not schema_errors(_SCHEMA_EN, text)
    event = venue_ready.loads(text)
    assert event.areas[0].items[0].notes == "a\x7fb"
