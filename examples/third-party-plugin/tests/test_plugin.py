"""The plugin as a whole: conformance, its catalog and template, and the installed tool."""

from __future__ import annotations

import json
import os
import string
import subprocess
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from venue_ready import AreaPlan, Event, PluginManager, Problem
from venue_ready.testing import PluginConformanceError

import venue_ready_documents
from helpers import TZ, CheckPlugin, MakeReport, Plugins, document, event_toml
from venue_ready_documents.messages import MESSAGES
from venue_ready_documents.template import KINDS, ROLES, TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example.toml"


def test_conforms(venue_ready_check_plugin: CheckPlugin) -> None:
    venue_ready_check_plugin(venue_ready_documents)


def test_conforms_beside_the_congress_areas_and_at_a_moment(
    venue_ready_check_plugin: CheckPlugin, venue_ready_plugins: Plugins
) -> None:
    pm = venue_ready_plugins("security", "decoration", "broadcast", "disinfection")
    venue_ready_check_plugin(
        venue_ready_documents, plugins=pm, as_of=datetime(2020, 5, 8, 9, tzinfo=TZ)
    )


def test_the_conformance_check_catches_a_broken_rule(
    venue_ready_check_plugin: CheckPlugin,
) -> None:
    """The check is worth having: the same plugin with a validator that raises fails it."""

    from venue_ready import hookimpl

    class Broken:
        @staticmethod
        @hookimpl
        def venue_ready_areas() -> object:
            import attrs

            [spec] = venue_ready_documents.venue_ready_areas()

            def validate(settings: Mapping[str, Any], event: object) -> list[Problem]:
                return list(settings["documents"])  # raises on most input

            return [attrs.evolve(spec, validate_settings=validate)]

        @staticmethod
        @hookimpl
        def venue_ready_assess(event: Event, area: AreaPlan, as_of: datetime) -> object:
            return venue_ready_documents.venue_ready_assess(event, area, as_of)

    with pytest.raises(PluginConformanceError) as info:
        venue_ready_check_plugin(Broken)
    assert info.value.rule == "validator-raises"


def test_catalog_has_the_same_messages_in_both_languages() -> None:
    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    vi, en = MESSAGES["vi"], MESSAGES["en"]
    assert vi.keys() == en.keys()
    assert all(key.startswith("documents.") for key in vi)
    for key in vi:
        assert fields(vi[key]) == fields(en[key]), key
    assert {f"documents.kind.{kind}" for kind in KINDS} <= vi.keys()
    for role in ROLES:  # the default owners, named in both languages
        assert (vi[role.id], en[role.id]) == (role.vi, role.en)


def test_every_message_renders_in_both_languages(report: MakeReport) -> None:
    """A report with a Finding of every kind: each message comes from the catalog, no
    parameter is left unfilled, and the kind names are looked up."""
    signed = 'signed_off = {{ by = "{by}", at = {at}, version = {v} }}'
    group = "Tổ chỉ đạo đại hội của Quận ủy"
    tables = (
        document(
            "political-report", version="4", extra=signed.format(by=group, at="2020-05-02", v=3)
        )
        + document("review-report", extra=signed.format(by=group, at="2020-05-02", v=1))
        + document("draft-resolution", extra=signed.format(by="Quận", at="2020-05-02", v=1))
        + document("programme", extra=signed.format(by=group, at="2020-05-09", v=1))
        + document(
            "script",
            extra=(
                'comments = [{ body = "đảng viên", received = 2020-05-01 }, '
                '{ body = "Mặt trận Tổ quốc", received = 2020-05-20 }]'
            ),
        )
    )
    settings = 'comment_kinds = ["political-report", "script"]'
    seen: set[str] = set()
    texts: list[str] = []
    for dossiers in (
        "",
        "expected = 3",
        "expected = 3\ncount = 3\nreported_on = 2020-05-01",
        "expected = 3\ncount = 3\nreported_on = 2020-05-07",
        "expected = 3\ncount = 1\nreported_on = 2020-05-01",
        "expected = 3\ncount = 3\nreported_on = 2020-05-20",
    ):
        table = f"[areas.documents.settings.dossiers]\n{dossiers}\n" if dossiers else ""
        texts.append(event_toml(settings, tables + table))
    for copies, attendance in ((170, "participants = 150\nguests = 20"), (100, "guests = 5")):
        texts.append(event_toml(f"copies = {copies}", attendance=attendance))
    texts.append(event_toml("copies = 160", attendance="participants = 150\nguests = 20"))
    for event_text in texts:
        rep = report(event_text, datetime(2020, 5, 8, 9, tzinfo=TZ))
        area = rep.area("documents")
        assert area is not None
        for finding in area.findings:
            seen.add(finding.message.id)
            for lang in ("vi", "en"):
                text = rep.message_text(finding, lang)
                assert "{" not in text, text
                assert not text.startswith("documents."), text
    findings_ids = {
        k for k in MESSAGES["en"] if not k.startswith(("documents.kind.", "documents.role."))
    }
    settings_problems = {
        "documents.unknown-kind",
        "documents.unknown-kind-hint",
        "documents.bad-version",
        "documents.signoff-version-ahead",
        "documents.count-above-expected",
    }
    assert findings_ids - settings_problems - seen == set()


def test_template_items_are_sane() -> None:
    ids = [item.id for item in TEMPLATE]
    assert len(ids) == len(set(ids))
    assert all(item.title_vi and item.title_en and item.owner_vi for item in TEMPLATE)


def test_found_through_its_entry_point(
    plugins: PluginManager, venue_ready_plugins: Plugins
) -> None:
    by_name = venue_ready_plugins("documents")
    spec = by_name.area_specs()["documents"]
    assert (spec.title_vi, spec.title_en) == ("Văn kiện, nhân sự", "Documents and personnel")
    assert by_name.provider_of("documents") == "documents"
    assert plugins.area_specs()["documents"].key == "documents"


# -- the real tool -------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
    return subprocess.run(
        [sys.executable, "-m", "venue_ready", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )


def test_listed_by_venue_ready_plugins() -> None:
    done = run("plugins", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "documents (distribution venue-ready-documents 0.1.0)" in done.stdout


def test_example_checks_with_the_version_mismatch() -> None:
    done = run("check", str(EXAMPLE), "--as-of", "2020-05-08", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Documents and personnel" in done.stdout
    assert (
        "Báo cáo chính trị trình Đại hội: Tổ chỉ đạo đại hội của Quận ủy signed off version 3, "
        "the current version is 4 (have version 4 signed off)"
    ) in done.stdout


def test_example_json_names_the_plugin() -> None:
    done = run("check", str(EXAMPLE), "--as-of", "2020-05-08", "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {"name": "documents", "distribution": "venue-ready-documents"}.items() <= next(
        p for p in report["generator"]["plugins"] if p["name"] == "documents"
    ).items()
