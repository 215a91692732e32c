"""``venue-ready init --template KIND`` through the real CLI: the file written for a kind other
than a congress names no congress, no Party body and (an election, a ceremony) no badges, and
still loads and checks (#12)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from venue_ready import BUILTIN_KINDS

from .conftest import RunCli

#: Words of a congress: allowed in a Party congress's file and another organisation's
#: congress's only.
CONGRESS_WORDS = ("Đại hội", "congress", "Tiểu ban", "sub-committee")
#: The Party's own bodies and the Party congress's songs: a Party congress's (and, where it
#: leads another organisation's congress, that one's) only.
PARTY_WORDS = ("Đảng ủy", "Ban Tuyên giáo", "Party committee", "Quốc tế ca", "Internationale")
#: Delegate badges: no voter and no ceremony's guest wears one.
BADGE_WORDS = ("thẻ đại biểu", "badge")
CONGRESSES = ("party-congress", "congress")


def _init(run_cli: RunCli, tmp_path: Path, kind: str, lang: str) -> Path:
    path = tmp_path / f"{kind}.{lang}.toml"
    done = run_cli("init", path, "--template", kind, "--starts", "2026-03-15T07:00", "--lang", lang)
    assert done.returncode == 0, done.stderr
    return path


#: The areas this test is about: the four shipped areas and the core's checklist (a third
#: party's plugin, when one is installed, writes its own template).
AREAS = ("general", "security", "decoration", "broadcast", "disinfection")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _content(path: Path) -> str:
    """The event and the areas' keys and values (the comments explain every kind's defaults)."""
    data = tomllib.loads(path.read_text("utf-8"))
    parts = [data["event"], *(data["areas"][key] for key in AREAS if key in data["areas"])]
    return "\n".join(_strings(parts))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", sorted(BUILTIN_KINDS))
def test_the_file_of_a_kind_names_only_that_kind(
    kind: str, lang: str, run_cli: RunCli, tmp_path: Path
) -> None:
    content = _content(_init(run_cli, tmp_path, kind, lang))
    banned: tuple[str, ...] = ()
    if kind not in CONGRESSES:
        banned += CONGRESS_WORDS + PARTY_WORDS
    if kind in ("election", "ceremony"):
        banned += BADGE_WORDS
    found = [word for word in banned if word.casefold() in content.casefold()]
    assert found == [], (kind, lang, found)


@pytest.mark.parametrize("kind", sorted(BUILTIN_KINDS))
def test_the_file_of_every_kind_loads_and_checks(
    kind: str, run_cli: RunCli, tmp_path: Path
) -> None:
    path = _init(run_cli, tmp_path, kind, "vi")
    done = run_cli("check", path, "--as-of", "2026-03-01T08:00+07:00", "--format", "json")
    assert done.returncode in (0, 1), done.stderr  # 1: not ready, a fresh file never is
    report = json.loads(done.stdout)
    assert {area["key"] for area in report["areas"]} >= {
        "security",
        "decoration",
        "broadcast",
        "disinfection",
    }
    assert all(area["status"] != "error" for area in report["areas"]), [
        area.get("errors") for area in report["areas"]
    ]
    # the four areas' items are that kind's, each once
    ids = [
        line.split('"')[1]
        for line in path.read_text("utf-8").splitlines()
        if line.startswith('id = "') and line.split('"')[1].split(".")[0] != "general"
    ]
    assert len(ids) == len(set(ids))
