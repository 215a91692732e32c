"""``venue-ready init``: new event files from templates, that ``check`` accepts, never over
an existing file."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

import venue_ready
from venue_ready import Phase
from venue_ready._scaffold import new_event_file, toml_string

from .conftest import RunCli
from .support import event_header


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_init_writes_a_file_that_check_accepts(run_cli: RunCli, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "dai-hoi.toml"
    made = run_cli(
        "init", "--template", "party-congress", "--starts", "2020-05-15T07:30:00+07:00",
        "--lang", lang, out,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    assert 'id = "dai-hoi"' in text
    checked = run_cli("check", out, "--as-of", "2020-05-01", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    data = json.loads(checked.stdout)
    keys = [a["key"] for a in data["areas"]]
    specs = venue_ready.get_plugin_manager().area_specs()
    # every installed area is in the congress template, but the opt-in subevents (#7)
    assert sorted(keys) == sorted(k for k in specs if k != "subevents")
    assert keys[0] == "general"
    day = date(2020, 5, 15)
    items = sum(1 for s in specs.values() for t in s.template if t.for_event("party-congress", day))
    assert sum(a["coverage"]["expected"] for a in data["areas"]) >= items
    titles = [f["message"]["params"].get("title") for a in data["areas"] for f in a["findings"]]
    general = specs["general"].template[0]
    assert (general.title_vi if lang == "vi" else general.title_en) in titles


def test_due_dates_are_counted_back_from_the_start(tmp_path: Path) -> None:
    spec = venue_ready.get_plugin_manager().area_specs()["general"]
    text = new_event_file(
        [spec],
        starts=venue_ready.loads(event_header() + "[areas.general]\n").starts,
        lang="en",
    )
    event = venue_ready.loads(text)
    by_id = {item.id: item for item in event.areas[0].items}
    for template in (t for t in spec.template if t.for_event("party-congress", date(2020, 5, 15))):
        due = by_id[template.id].due
        if template.phase is Phase.DURING:  # while the congress sits: due by its end
            assert due is None
            continue
        assert due is not None
        assert template.lead_days is not None
        if template.phase is Phase.AFTER:  # counted on from the end (a bare date: the end's day)
            assert due.date() == date(2020, 5, 15) + timedelta(days=template.lead_days)
        else:
            assert due.date() == date(2020, 5, 15) - timedelta(days=template.lead_days)


def test_init_refuses_to_overwrite(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "existing.toml"
    out.write_text("my precious notes\n", encoding="utf-8")
    proc = run_cli("init", "--starts", "2020-05-15", "--lang", "en", out)
    assert proc.returncode == 2
    assert "already exists" in proc.stderr
    assert out.read_text(encoding="utf-8") == "my precious notes\n"
    assert [p.name for p in tmp_path.iterdir()] == ["existing.toml"]  # no temporary file left


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--starts", "tomorrow"), "--starts: 'tomorrow' is not a valid moment"),
        (
            ("--starts", "2020-05-15", "--template", "wedding"),
            "no template for the kind of event 'wedding' (known kinds: party-congress, congress",
        ),
        (("--starts", "2020-05-15", "--template", "electon"), "did you mean 'election'?"),
    ],
)
def test_init_usage_errors(
    run_cli: RunCli, tmp_path: Path, args: tuple[str, ...], needle: str
) -> None:
    proc = run_cli("init", *args, "--lang", "en", tmp_path / "x.toml")
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert not (tmp_path / "x.toml").exists()


def test_bare_date_start(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "e.toml"
    assert run_cli("init", "--starts", "2020-05-15", out).returncode == 0
    event = venue_ready.load(out)
    assert event.starts.isoformat() == "2020-05-15T00:00:00+07:00"


@pytest.mark.parametrize("text", ["plain", 'quo"te', "back\\slash", "new\nline", "tab\t", "\x01"])
def test_toml_string_round_trips(text: str) -> None:
    import tomli

    assert tomli.loads(f"v = {toml_string(text)}")["v"] == text


@pytest.mark.parametrize("kind", sorted(venue_ready.BUILTIN_KINDS))
def test_init_writes_each_kinds_checklist(run_cli: RunCli, tmp_path: Path, kind: str) -> None:
    """``init --template KIND``: the kind in [event], its participants named, the general
    area's items of that kind only, a file check accepts."""
    out = tmp_path / "e.toml"
    made = run_cli("init", "--template", kind, "--starts", "2026-05-24T07:00", "--lang", "en", out)
    assert made.returncode == 0, made.stderr
    event = venue_ready.load(out)
    assert event.kind == kind
    assert event.attendance.participants == 100
    assert (event.form == "delegates") is bool(venue_ready.BUILTIN_KINDS[kind].forms)
    spec = venue_ready.get_plugin_manager().area_specs()["general"]
    general = next(plan for plan in event.areas if plan.key == "general")
    written = {item.id for item in general.items}
    assert written == {t.id for t in spec.template if t.for_event(kind, date(2026, 5, 24))}
    assert written  # every kind has a checklist of its own
    assert all(t.kinds == (kind,) for t in spec.template if t.id in written)
    checked = run_cli("check", out, "--as-of", "2026-05-01", "--format", "json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["event"]["kind"] == kind


#: init's start, the rules it says it applies, the body above the ward, the cells' term
TERM_CASES = [
    ("2020-05-15", "before 1 July 2025", "Ban Thường vụ Quận ủy", "(term 2020 - 2022)"),
    # a congress of 2025 opens the term 2025 - 2030: its cells have held theirs for 2025 - 2027
    ("2025-06-30", "before 1 July 2025", "Ban Thường vụ Quận ủy", "(term 2025 - 2027)"),
    (
        "2026-12-20",
        "from 1 July 2025",
        "Ban Thường vụ cấp ủy cấp trên trực tiếp",
        "(term 2025 - 2027)",
    ),
    (
        "2028-03-01",
        "from 1 July 2025",
        "Ban Thường vụ cấp ủy cấp trên trực tiếp",
        "(term 2027 - 2030)",
    ),
    (
        "2030-05-15",
        "from 1 July 2025",
        "Ban Thường vụ cấp ủy cấp trên trực tiếp",
        "(term 2030 - 2032)",
    ),
]


@pytest.mark.parametrize("case", TERM_CASES, ids=[c[0] for c in TERM_CASES])
def test_init_follows_the_rules_of_the_events_term(
    run_cli: RunCli, tmp_path: Path, case: tuple[str, str, str, str]
) -> None:
    """#19: a date after July 2025 gets the two-level structure (no district level), and the
    file says which rules it applies; the term's comment follows the date."""
    starts, rules, bodies, cells = case
    out = tmp_path / "e.toml"
    assert run_cli("init", "--starts", starts, "--lang", "en", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert f"# Template for the organisation {rules}" in text
    assert f'requires_signoff = "{bodies}"' in text
    assert cells in text
    first = int(starts[:4]) - int(starts[:4]) % 5
    assert f'# term = "{first}-{first + 5}"' in text
    event = venue_ready.load(out)
    ids = [item.id for plan in event.areas for item in plan.items]
    assert len(ids) == len(set(ids))  # one version of each item


def test_init_counts_days_in_the_events_zone(run_cli: RunCli, tmp_path: Path) -> None:
    """20:00 UTC on 30 June 2025 is 03:00 on 1 July in Hồ Chí Minh City: the new rules, and
    every deadline counted from 1 July, as the plugins' days_before counts them."""
    out = tmp_path / "e.toml"
    made = run_cli("init", "--starts", "2025-06-30T20:00:00+00:00", "--lang", "en", out)
    assert made.returncode == 0, made.stderr
    text = out.read_text(encoding="utf-8")
    assert "# Template for the organisation from 1 July 2025" in text
    event = venue_ready.load(out)
    general = next(plan for plan in event.areas if plan.key == "general")
    spec = venue_ready.get_plugin_manager().area_specs()["general"]
    leads = {t.id: t.lead_days for t in spec.template}
    for item in general.items:
        lead = leads[item.id]
        if item.phase is Phase.BEFORE and lead:
            assert item.due == venue_ready.days_before(event, lead), item.id


def test_a_council_session_gets_the_councils_khoa_and_term(run_cli: RunCli, tmp_path: Path) -> None:
    """A People's Council's term runs from its elections (2021, 2026, 2031), not from the
    Party's congresses; its ordinal is the council's khóa; an election has neither."""
    council = tmp_path / "c.toml"
    made = run_cli("init", "--template", "council-session", "--starts", "2026-12-20", council)
    assert made.returncode == 0, made.stderr
    text = council.read_text(encoding="utf-8")
    assert '# term = "2026-2031"  # nhiệm kỳ Hội đồng nhân dân' in text
    assert '# ordinal = "III"  # Hội đồng nhân dân khóa mấy (số La Mã)' in text
    election = tmp_path / "e.toml"
    assert (
        run_cli("init", "--template", "election", "--starts", "2026-03-15", election).returncode
        == 0
    )
    assert "# term =" not in election.read_text(encoding="utf-8")
