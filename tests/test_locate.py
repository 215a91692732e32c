"""The locator behind compiler-style problems (venue_ready._locate): where a key path is
written in TOML text, for every way TOML writes a key, a table and an array."""

from __future__ import annotations

import json

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

from venue_ready._locate import Located, SourceIndex

TEXT = """\
# a comment [not.a.table]
schema = 1

[event]
id = "e"   # trailing comment
"quoted key" = 'literal'
dotted . key = 2020-05-14 07:30:00
notes = \"\"\"first
second\"\"\"
after = true

[[areas.general.items]]
id = "a"
evidence = ["x", { url = "u", pages = [1, 2] }]

[[areas.general.items]]
id = "b"
signed_off = { by = "Quận ủy", at = 2020-05-06 }

[areas.general.items.1.extra]
"""

CASES = [
    # path, at_key, (line, column, width)
    (("schema",), False, (2, 10, 1)),
    (("schema",), True, (2, 1, 6)),
    (("event", "id"), False, (5, 6, 3)),
    (("event", "quoted key"), True, (6, 1, 12)),
    (("event", "quoted key"), False, (6, 16, 9)),
    (("event", "dotted", "key"), False, (7, 16, 19)),
    (("event", "notes"), False, (8, 9, 8)),  # to the end of its first line
    (("event", "after"), False, (10, 9, 4)),
    (("areas", "general", "items", 0), False, (12, 3, 19)),
    (("areas", "general", "items", 0, "evidence", 1, "pages", 1), False, (14, 43, 1)),
    (("areas", "general", "items", 0, "evidence", 1, "url"), True, (14, 20, 3)),
    (("areas", "general", "items", 1, "id"), False, (17, 6, 3)),
    (("areas", "general", "items", 1, "signed_off", "at"), False, (18, 37, 10)),
    # not written: the nearest enclosing key or header
    (("event", "starts"), False, (4, 2, 5)),
    (("areas", "general", "items", 1, "title"), False, (16, 3, 19)),
]


@pytest.mark.parametrize(("path", "at_key", "expected"), CASES)
def test_a_path_is_found_where_it_is_written(
    path: tuple[str | int, ...], at_key: bool, expected: tuple[int, int, int]
) -> None:
    tomli.loads(TEXT)  # the text is TOML
    found = SourceIndex(TEXT).find(path, at_key=at_key)
    assert found is not None
    assert (found.line, found.column, found.width) == expected
    assert found.text == TEXT.split("\n")[found.line - 1]


def test_nothing_is_found_for_a_path_not_in_the_text() -> None:
    assert SourceIndex(TEXT).find(("venue", "name")) is None
    assert SourceIndex("").find(("a",)) is None


def test_text_that_is_not_toml_is_indexed_as_far_as_it_goes() -> None:
    index = SourceIndex('a = 1\nb = "unclosed\nc = 3\n')
    assert index.find(("a",)) == Located(1, 5, 1, "a = 1")


# -- any document the strategy writes: each key found on its own line -----------------------------

bare = st.text("abcdefghijklmnopqrstuvwxyzABC0123456789_-", min_size=1, max_size=8)
quoted = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=8)
keys = st.one_of(bare, quoted)
scalars = st.one_of(
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=10),
    st.lists(st.integers(0, 9), max_size=3),
)


def key_text(key: str) -> str:
    if key and all(c in "abcdefghijklmnopqrstuvwxyzABC0123456789_-" for c in key):
        return key
    return json.dumps(key, ensure_ascii=False)


def value_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


tables = st.dictionaries(keys, scalars, max_size=4)


@settings(max_examples=150, deadline=None)
@given(
    top=tables,
    sections=st.dictionaries(bare, tables, max_size=3),
    entries=st.lists(tables, max_size=3),
)
def test_every_key_of_a_document_is_found_on_its_line(
    top: dict[str, object], sections: dict[str, dict[str, object]], entries: list[dict[str, object]]
) -> None:
    sections = {name: table for name, table in sections.items() if name not in top}
    lines: list[str] = []
    where: dict[tuple[str | int, ...], tuple[int, str]] = {}

    def write(prefix: tuple[str | int, ...], table: dict[str, object]) -> None:
        for key, value in table.items():
            text = f"{key_text(key)} = {value_text(value)}"
            lines.append(text)
            where[(*prefix, key)] = (len(lines), value_text(value))

    write((), top)
    for name, table in sections.items():
        lines.append(f"[{name}]")
        write((name,), table)
    name = "entry"
    if name not in top and name not in sections:
        for index, table in enumerate(entries):
            lines.append(f"[[{name}]]")
            write((name, index), table)
    text = "\n".join(lines) + "\n"
    tomli.loads(text)
    index = SourceIndex(text)
    for path, (line, value) in where.items():
        at_key = index.find(path, at_key=True)
        assert at_key is not None
        assert at_key.line == line
        assert at_key.column == 1
        found = index.find(path)
        assert found is not None
        assert found.line == line
        shown = found.text[found.column - 1 : found.column - 1 + found.width]
        assert shown == value, (path, text)
