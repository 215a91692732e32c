"""The JSON writer's fast indented path (#16) writes exactly the standard library's text.

``venue_ready._jsontext.dumps(value, indent=N)`` writes flat containers with the C encoder and
walks only nested ones in Python; these tests hold its text byte for byte against
``json.dumps(value, ensure_ascii=False, indent=N)`` (plus the DEL and C1 escapes every JSON text
of venue_ready gets), over generated report-shaped values, and check that whatever the fast
path does not know is handed to the standard library, its errors included.
"""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from venue_ready._jsontext import _ESCAPES, dumps


def stdlib(value: Any, indent: int | None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_ESCAPES)


# Text with what matters to an encoder: Vietnamese, C0 and C1 controls, DEL, quotes,
# backslashes, the NUL the fast path uses for its own stand-ins, astral characters.
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from('aZ0 "\\/\x00\x01\n\t\x1f\x7f\x80\x9b\x9f\xa0ạĐươờỹ\u2028\U0001f600'),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=12,
)
_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 1e16, 1e-05, 0.1, 123456789.125, 1e300]),
    _TEXT,
)
_KEY = st.one_of(_TEXT, st.sampled_from(["id", "params", "text", "\x00", ""]))
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(_KEY, inner, max_size=5),
        st.just({}),
        st.just([]),
    ),
    max_leaves=40,
)
_DOCUMENT = st.one_of(st.dictionaries(_KEY, _VALUE, max_size=6), st.lists(_VALUE, max_size=6))


@settings(max_examples=400, deadline=None)
@given(_DOCUMENT, st.sampled_from([2, 0, 4]))
def test_indented_text_is_the_standard_librarys(value: Any, indent: int) -> None:
    assert dumps(value, indent=indent) == stdlib(value, indent)


@settings(max_examples=100, deadline=None)
@given(_DOCUMENT)
def test_compact_text_is_the_standard_librarys(value: Any) -> None:
    assert dumps(value) == stdlib(value, None)


def test_a_report_shaped_value_is_written_as_json_writes_it() -> None:
    finding = {
        "area": "general",
        "weight": 1.0,
        "credit": 0.35,
        "gate": False,
        "due": None,
        "message": {"id": "checklist.item", "params": {"percent": 35}, "text": "Thẻ\x9b"},
        "waiver": {"reason": "", "approved_by": "Văn phòng"},
        "reported": None,
        "errors": [],
        "nested": [[], {}, [[1, [2, {"a": ()}]]]],
    }
    value = {"schema_version": 1, "areas": [{"findings": [finding] * 3}], "term": (2020, 2025)}
    text = dumps(value, indent=2)
    assert text == stdlib(value, 2)
    assert "\\u009b" in text
    assert "\x9b" not in text
    assert json.loads(text)["areas"][0]["findings"][0]["message"]["text"] == "Thẻ\x9b"


class Level(enum.IntEnum):
    WARD = 3


class Name(str):
    pass


@pytest.mark.parametrize(
    "value",
    [
        {"level": Level.WARD, "nested": {"x": [1]}},  # an int subclass
        {"name": Name("Ngọc Thụy"), "nested": {"x": [1]}},  # a str subclass
        {"slot": "\x00", "nested": {"x": [1]}},  # a string that reads like the fast path's slot
        {1: {"x": [1]}, 2.5: [1, 2], None: {"y": 1}, False: []},  # keys that are not text
        [{"a": 1}, ("b", ["c"])],
    ],
)
def test_what_the_fast_path_does_not_know_is_written_by_the_standard_library(value: Any) -> None:
    assert dumps(value, indent=2) == stdlib(value, 2)


def test_errors_are_the_standard_librarys() -> None:
    loop: dict[str, Any] = {"a": {"b": 1}}
    loop["a"]["self"] = loop
    with pytest.raises(ValueError, match="Circular reference"):
        dumps(loop, indent=2)
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": {"b": object()}}, indent=2)
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": [1, {2, 3}]}, indent=2)


def test_special_floats_are_written_as_json_writes_them() -> None:
    value = {"a": [math.nan, math.inf, -math.inf], "b": {"c": [-0.0, 1e16]}}
    assert dumps(value, indent=2) == stdlib(value, 2)


@pytest.mark.parametrize(
    ("tail", "escaped"),
    [("", False), ("\x7f", True), ("\x80", True), ("\x9f", True), ("\xa0°", False)],
)
def test_a_long_text_is_escaped_as_a_short_one(tail: str, escaped: bool) -> None:
    # past 4,096 characters the writer looks for controls in the UTF-8 bytes first
    value = {"items": [{"title": "Đại hội Đảng bộ phường Ngọc Thụy"} for _ in range(300)]}
    value["items"][-1]["title"] += tail
    text = dumps(value, indent=2)
    assert len(text) > 4096
    assert text == stdlib(value, 2)
    assert ("\\u00" in text) is escaped
    assert json.loads(text) == value
