"""Mutational fuzzing of the two inputs, the event file and the journal (#11).

Each case takes a real input (the Ngọc Thụy example, the golden journal), changes it at random
and runs it through everything a command does with it: load, replay, assess, render every
format, export the journal again. The only exceptions allowed out are the documented ones for bad
input (``LoadError``, of which ``JournalError`` is one); the JSON report must be valid JSON with no
NaN or infinity, however wild the input.

The cases are deterministic (hypothesis, derandomized), a few hundred by default so that CI stays
quick; ``VENUE_READY_FUZZ_CASES=5000 python -m pytest tests/test_fuzz.py`` runs more.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import LoadError, assess, from_dict, loads
from venue_ready.journal import open_journal

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
JOURNAL = Path(__file__).resolve().parent / "golden" / "ngoc-thuy.journal.jsonl"
CASES = int(os.environ.get("VENUE_READY_FUZZ_CASES", "150"))
AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=timezone(timedelta(hours=7)))
FORMATS = ("text", "md", "json", "html")

FUZZ = settings(
    max_examples=CASES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TEXT = EXAMPLE.read_text(encoding="utf-8")
DATA = tomli.loads(TEXT)
PM = venue_ready.get_plugin_manager()

# Values of every kind TOML can hold, and the edges of each: what a hand-written file or a
# damaged one may carry in any place.
HOSTILE_TEXT = st.sampled_from(
    ["", " ", "\x1b[2J", "\x1b]52;c;ZXZpbA==\x07", "a\rb", "\x9b31m", "x" * 5000, "XXII", "🎉"]
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, -1, 2**63, 10**400]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    HOSTILE_TEXT,
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(timezones=st.just(UTC)),
    st.times(),
    st.lists(st.integers(min_value=-5, max_value=5), max_size=3),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=3),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value in a nested dict/list document."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*prefix, index))


PATHS = [p for p in _paths(DATA) if p]


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _mutate(doc: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """``doc`` with one to four changes: a value replaced, a key dropped or misspelt, a list
    entry duplicated."""
    doc = _copy(doc)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="changes")):
        path = data.draw(st.sampled_from(PATHS), label="path")
        parent: Any = doc
        try:
            for step in path[:-1]:
                parent = parent[step]
            last = path[-1]
            parent[last]
        except (KeyError, IndexError, TypeError):
            continue
        action = data.draw(st.sampled_from(["replace", "drop", "rename", "duplicate"]))
        if action == "replace":
            parent[last] = data.draw(VALUES, label="value")
        elif action == "drop":
            del parent[last]
        elif action == "rename" and isinstance(parent, dict):
            parent[str(last) + data.draw(st.sampled_from(["x", "_", " ", ""]))] = parent.pop(last)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(_copy(parent[last]))
    return doc


def _no_nan(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"the JSON report holds {constant}")

    return json.loads(text, parse_constant=refuse)


def _refused_clearly(exc: LoadError) -> None:
    """Bad input is refused with at least one problem, each of which renders."""
    assert exc.problems, "a LoadError always names at least one problem"
    for problem in exc.problems:
        assert problem.render("vi", exc.catalogs)


def _assess_and_render(event: venue_ready.Event) -> None:
    report = assess(event, as_of=AS_OF, plugins=PM)
    for fmt in FORMATS:
        for lang in ("vi", "en"):
            out = report.render(fmt, lang, plugins=PM)
            assert isinstance(out, str)
            if fmt == "json":
                data = _no_nan(out)
                assert data["score"] is None or 0 <= data["score"] <= 100


@FUZZ
@given(st.data())
def test_a_mutated_event_document_is_loaded_or_refused_never_crashes(data: st.DataObject) -> None:
    doc = _mutate(DATA, data)
    try:
        event = from_dict(doc, source="fuzz.toml", plugins=PM)
    except LoadError as exc:
        _refused_clearly(exc)
        return
    _assess_and_render(event)


@FUZZ
@given(st.data())
def test_a_mutated_event_file_text_is_loaded_or_refused_never_crashes(data: st.DataObject) -> None:
    lines = TEXT.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3), label="edits")):
        index = data.draw(st.integers(min_value=0, max_value=len(lines) - 1), label="line")
        edit = data.draw(st.sampled_from(["delete", "duplicate", "cut", "insert"]), label="edit")
        if edit == "delete":
            del lines[index]
        elif edit == "duplicate":
            lines.insert(index, lines[index])
        elif edit == "cut":
            at = data.draw(st.integers(min_value=0, max_value=len(lines[index])), label="at")
            lines[index] = lines[index][:at]
        else:
            lines.insert(index, data.draw(HOSTILE_TEXT | st.text(max_size=30), label="text"))
        if not lines:
            lines = ["\n"]
    try:
        event = loads("".join(lines), source="fuzz.toml", plugins=PM)
    except LoadError as exc:
        _refused_clearly(exc)
        return
    _assess_and_render(event)


JOURNAL_LINES = [json.loads(line) for line in JOURNAL.read_text(encoding="utf-8").splitlines()]
JOURNAL_FIELDS = sorted({key for entry in JOURNAL_LINES for key in entry})
JOURNAL_VALUES = st.one_of(
    VALUES.map(lambda v: v.isoformat() if isinstance(v, date | datetime | time) else v),
    st.sampled_from(
        [
            "done",
            "todo",
            "blocked",
            "waived",
            "in_progress",
            "2020-05-14T08:00:00+00:00",
            "2020-02-30T08:00:00+00:00",
            "security:side-gate",
            "disinfection:nowhere",
            '=HYPERLINK("http://x")',
            -0.5,
            1.5,
        ]
    ),
)


@FUZZ
@given(data=st.data())
def test_a_mutated_journal_export_is_imported_or_refused_never_crashes(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    plan = venue_ready.load(EXAMPLE, plugins=PM)
    entries = [dict(e) for e in JOURNAL_LINES]
    for _ in range(data.draw(st.integers(min_value=1, max_value=4), label="changes")):
        entry = data.draw(st.sampled_from(entries), label="entry")
        key = data.draw(st.sampled_from(JOURNAL_FIELDS), label="field")
        if data.draw(st.booleans(), label="drop"):
            entry.pop(key, None)
        else:
            entry[key] = data.draw(JOURNAL_VALUES, label="value")
    text = "".join(json.dumps(e, ensure_ascii=False, default=str) + "\n" for e in entries)
    folder = tmp_path_factory.mktemp("journal")
    try:
        with open_journal(folder / "fuzz.journal.sqlite", create=True) as journal:
            journal.import_text(text, "jsonl", file="fuzz.jsonl")
            recorded = journal.entries(AS_OF)
            for fmt in ("jsonl", "csv"):
                again = journal.export(fmt)
                assert isinstance(again, str)
    except LoadError as exc:  # JournalError is a LoadError
        _refused_clearly(exc)
        return
    report = venue_ready.assess_with_history(plan, recorded, AS_OF, PM)
    for fmt in FORMATS:
        out = report.render(fmt, "en", plugins=PM)
        if fmt == "json":
            _no_nan(out)
    document = venue_ready.journal.history_document(plan, recorded, journal="fuzz", plugins=PM)
    assert math.isfinite(len(json.dumps(document)))


# What the fuzzing found, kept as plain regression tests.


def test_none_in_data_built_in_code_counts_as_absent() -> None:
    doc = _copy(DATA)
    doc["event"]["id"] = None  # a required key given as None: missing
    doc["areas"]["general"]["items"][7]["requires_signoff"] = None  # signed off, not required
    with pytest.raises(LoadError) as caught:
        from_dict(doc, source="code", plugins=PM)
    paths = [p.path for p in caught.value.problems]
    assert ("event", "id") in paths
    assert ("areas", "general", "items", 7, "signed_off") in paths


@pytest.mark.parametrize("table", ["event", "areas"])
def test_a_top_level_table_given_as_none_is_a_problem(table: str) -> None:
    doc = _copy(DATA)
    doc[table] = None
    with pytest.raises(LoadError) as caught:
        from_dict(doc, source="code", plugins=PM)
    assert [p.path for p in caught.value.problems] == [(table,)]


def test_a_number_too_long_to_read_in_a_journal_export_is_bad_input(
    run_cli: Any, tmp_path: Path
) -> None:
    event = tmp_path / "congress.toml"
    event.write_text(TEXT, encoding="utf-8")
    line = JOURNAL.read_text(encoding="utf-8").splitlines()[0]
    export = tmp_path / "big.jsonl"
    export.write_text(line.replace('"progress": 0.8', '"progress": ' + "9" * 5000) + "\n")
    done = run_cli("journal", "import", event, export, "--lang", "en")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"{export}:1:" in done.stderr
    journal = tmp_path / "congress.journal.sqlite"
    if journal.exists():  # all or nothing: nothing was added
        with open_journal(journal, create=False, readonly=True) as opened:
            assert len(opened) == 0
