"""What many test files share: the congress time zone and the head of an event file.

Tests import these (``from .support import TZ, event_header``); fixtures that need pytest, such
as ``write_event`` (an event file in the test's temporary folder), live in ``conftest.py``.

A test that means to write a *broken* header (a syntax error, a misspelt or missing key) keeps
its literal text: this helper writes only well-formed TOML with the keys it is given, so the
breakage stays in plain sight in the test. Out-of-range values are fine to pass through it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

__all__ = ["ENDS", "STARTS", "TZ", "event_header", "toml_value"]

# Every example and test congress is in Việt Nam; the examples' files say this zone too.
TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# The day most test congresses share: 15 May 2020, from 07:30 to 17:00 in TZ.
STARTS = datetime(2020, 5, 15, 7, 30, tzinfo=TZ)
ENDS = datetime(2020, 5, 15, 17, 0, tzinfo=TZ)


def toml_value(value: object) -> str:
    """``value`` as TOML: a string quoted, a number or a bool as TOML writes it, a date or
    date-time in ISO form, a list as an array and a mapping as an inline table."""
    if isinstance(value, bool):  # before int: a bool is an int to Python
        return "true" if value else "false"
    if isinstance(value, str):
        # A JSON string is a TOML basic string for the text tests write (no control escapes
        # TOML lacks); ensure_ascii=False keeps the Vietnamese readable in a failing diff. JSON
        # leaves DEL as it is, which TOML refuses in a string: escaped, it is the same text.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {value!r}")


def _moment(value: str | date) -> str:
    # A str is TOML date or date-time text (2020-05-15, 2020-05-15T00:30:00Z), written as is,
    # as the event files the tests stand for write it.
    return value if isinstance(value, str) else value.isoformat()


def event_header(
    *,
    id: str = "e",
    name: str = "n",
    starts: str | date = STARTS,
    ends: str | date | None = None,
    timezone: str | None = None,
    lang: str | None = None,
    venue: Mapping[str, object] | None = None,
    **event: object,
) -> str:
    """The head of an event file: ``schema = 1``, the ``[event]`` table and, given ``venue``,
    the ``[venue]`` table; a test appends its ``[areas…]`` tables after it.

    ``starts`` (by default :data:`STARTS`) and ``ends`` are a ``date`` or ``datetime``, written
    in ISO form, or TOML date or date-time text written as is (``"2020-05-15T00:30:00Z"``);
    ``ends``, ``timezone`` and ``lang`` are left out unless given.
    Any other keyword is one more ``[event]`` key (``expected_delegates=150``,
    ``ordinal="XXII"``, ``held_at=date(2020, 4, 20)``), written after these in the order given
    (``None`` leaves it out), its value through :func:`toml_value`; so are the values of ``venue``
    (``zones=[{"id": "hall", "name": "Hội trường"}]``). The text ends with a newline.
    """
    lines = ["schema = 1", "", "[event]", f"id = {toml_value(id)}", f"name = {toml_value(name)}"]
    lines.append(f"starts = {_moment(starts)}")
    if ends is not None:
        lines.append(f"ends = {_moment(ends)}")
    if timezone is not None:
        lines.append(f"timezone = {toml_value(timezone)}")
    if lang is not None:
        lines.append(f"lang = {toml_value(lang)}")
    lines += [f"{key} = {toml_value(value)}" for key, value in event.items() if value is not None]
    if venue is not None:
        lines += ["", "[venue]"]
        lines += [f"{key} = {toml_value(value)}" for key, value in venue.items()]
    return "\n".join(lines) + "\n"


#: What ``python -m venue_ready`` imports to check an event: the package, its plugins and the
#: dependencies they need on that path (rich and jinja2 are imported only on a terminal or for
#: HTML).
_RUNTIME = (
    "attr",
    "attrs",
    "pluggy",
    "tomli",
    "venue_ready",
    "venue_ready_security",
    "venue_ready_decoration",
    "venue_ready_broadcast",
    "venue_ready_disinfection",
)


def importable_by_others(lib: Path) -> Path:
    """A copy in ``lib`` of what another user needs to run ``python -m venue_ready`` with
    ``PYTHONPATH=lib``: for a checkout (and its virtualenv) in a folder others cannot enter, as
    a CI clone may be. The distribution's dist-info comes along, for its entry points."""
    import importlib.metadata
    import importlib.util
    import shutil

    lib.mkdir(parents=True, exist_ok=True)
    for name in _RUNTIME:
        spec = importlib.util.find_spec(name)
        assert spec is not None, name
        assert spec.origin is not None, name
        # a package (its __init__ may be compiled) or a single module
        locations = spec.submodule_search_locations
        source = Path(next(iter(locations))) if locations else Path(spec.origin)
        if source.is_dir():
            shutil.copytree(source, lib / source.name, dirs_exist_ok=True)
        else:
            shutil.copy2(source, lib / source.name)
        for helper in source.parent.glob("*__mypyc*"):  # compiled wheels' shared helper
            shutil.copy2(helper, lib / helper.name)
    dist = importlib.metadata.distribution("venue-ready")
    info = Path(str(dist.locate_file(""))) / f"{dist.metadata['Name'].replace('-', '_')}-"
    for folder in info.parent.glob(f"{info.name}*.dist-info"):
        shutil.copytree(folder, lib / folder.name, dirs_exist_ok=True)
    for path in [lib, *lib.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return lib
