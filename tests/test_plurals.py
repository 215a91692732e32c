"""Issue #15, words: every English message that counts things has a singular form, and the
report reads "1 problem", "1 event", never "1 problem(s)" or "1 events".

The count placeholders are declared once (:data:`venue_ready._i18n.COUNT_PARAMS`); a template
using one of them needs a ``<id>.one`` entry in both languages (Vietnamese has no plural: its
entry may read as the other form). Each counted message is rendered with 1 and with 2.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

import pytest

from venue_ready import Message, default_plugin_manager
from venue_ready._i18n import COUNT_PARAMS, catalog, gettext_count, translate

LANGS = ("vi", "en")
_COUNTED = re.compile(r"\{(" + "|".join(COUNT_PARAMS) + r")[:}]")


def _catalogs() -> dict[str, Mapping[str, Mapping[str, str]]]:
    """The core's catalog and every installed plugin's, by name."""
    found: dict[str, Mapping[str, Mapping[str, str]]] = {"core": catalog()}
    for key, spec in default_plugin_manager().area_specs().items():
        if spec.messages:
            found[key] = spec.messages
    return found


def _counted(cat: Mapping[str, Mapping[str, str]]) -> list[str]:
    return sorted(
        key for key, text in cat["en"].items() if not key.endswith(".one") and _COUNTED.search(text)
    )


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_catalogs_have_counted_messages() -> None:
    # the test below would pass on no message at all: the catalogs have dozens
    assert sum(len(_counted(cat)) for cat in _catalogs().values()) >= 40


@pytest.mark.parametrize("name", sorted(_catalogs()))
def test_every_counted_message_has_a_singular_form(name: str) -> None:
    cat = _catalogs()[name]
    missing = [key for key in _counted(cat) if f"{key}.one" not in cat["en"]]
    assert not missing, f"{name}: counted messages without a '.one' form: {missing}"
    for key in _counted(cat):
        assert f"{key}.one" in cat["vi"], f"{name}: {key}.one is missing in Vietnamese"
        # the singular form takes the same parameters, so a caller never knows which one it got
        for lang in LANGS:
            assert _fields(cat[lang][f"{key}.one"]) <= _fields(cat[lang][key]) | {"count"}, key


@pytest.mark.parametrize("name", sorted(_catalogs()))
def test_no_english_message_hedges_its_plural(name: str) -> None:
    hedged = [key for key, text in _catalogs()[name]["en"].items() if "(s)" in text]
    assert not hedged, f"{name}: '(s)' in {hedged}"


@pytest.mark.parametrize("name", sorted(_catalogs()))
def test_each_counted_message_renders_with_one_and_two(name: str) -> None:
    cat = _catalogs()[name]
    for key in _counted(cat):
        fields = _fields(cat["en"][key])
        for n in (1, 2):
            params = {f: (n if f in COUNT_PARAMS else f"<{f}>") for f in fields}
            for lang in LANGS:
                text = translate(Message(key, params), lang, cat)
                assert str(n) in text, (key, lang, text)
                assert "{" not in text, (key, lang, text)
        one = translate(Message(key, dict.fromkeys(fields, 1)), "en", cat)
        two = translate(Message(key, dict.fromkeys(fields, 2)), "en", cat)
        # the English singular is its own sentence, not the plural with a 1 in it
        if cat["en"][f"{key}.one"] != cat["en"][key]:
            assert one.replace("1", "2") != two, key


@pytest.mark.parametrize(
    ("message_id", "count", "expected"),
    [
        ("cli.load-failed", 1, "Not assessed: 1 problem in f.toml."),
        ("cli.load-failed", 3, "Not assessed: 3 problems in f.toml."),
        ("rollup.n-events", 1, "1 event"),
        ("report.overdue-by-days", 1, "overdue by 1 day"),
        ("report.overdue-by-days", 2, "overdue by 2 days"),
    ],
)
def test_counted_english(message_id: str, count: int, expected: str) -> None:
    assert gettext_count(message_id, count, "en", file="f.toml") == expected


def test_a_plugins_counted_message_agrees_too() -> None:
    cat = _catalogs()["broadcast"]
    one = Message("broadcast.day-scheduled", {"day": "Mon", "count": 1, "about": "x"})
    assert translate(one, "en", cat) == "Mon: 1 broadcast about x scheduled"
    assert "1 buổi" in translate(one, "vi", cat)


# -- numbers: counts grouped as each language writes them ------------------------------------


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("vi", 1901, "1.901 sự kiện"),
        ("en", 1901, "1,901 events"),
        ("vi", 10000, "10.000 sự kiện"),
        ("en", 10000, "10,000 events"),
        ("vi", 999, "999 sự kiện"),
    ],
)
def test_a_count_is_grouped_as_its_language_writes_it(lang: str, count: int, expected: str) -> None:
    assert gettext_count("rollup.n-events", count, lang) == expected


def test_scores_keep_their_decimal_comma() -> None:
    from venue_ready._i18n import format_number, format_score

    assert format_score(92.94, "vi") == "92,9"
    assert format_score(92.94, "en") == "92.9"
    assert format_number(1901.5, "vi") == "1.901,5"
