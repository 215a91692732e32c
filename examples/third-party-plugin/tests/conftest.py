"""Fixtures built on venue_ready's own pytest plugin (``venue_ready_plugins``,
``venue_ready_event``, ``venue_ready_assess_area``), which pytest loads by itself wherever
venue_ready is installed."""

from __future__ import annotations

from datetime import datetime

import pytest
import venue_ready
from venue_ready import Event, Finding, PluginManager, Report

import venue_ready_documents
from helpers import AS_OF, Assess, AssessArea, Load, MakeEvent, MakeReport, Plugins, ours


@pytest.fixture
def plugins(venue_ready_plugins: Plugins) -> PluginManager:
    """A plugin manager with this plugin and venue_ready's checklist only."""
    return venue_ready_plugins(venue_ready_documents)


@pytest.fixture
def load(plugins: PluginManager, venue_ready_event: MakeEvent) -> Load:
    """An event from TOML text, validated by this plugin (bad settings raise LoadError)."""

    def run(text: str) -> Event:
        return venue_ready_event(text, plugins=plugins)

    return run


@pytest.fixture
def assess(plugins: PluginManager, load: Load, venue_ready_assess_area: AssessArea) -> Assess:
    """The plugin's Findings for an event file, as of ``as_of`` (default: AS_OF)."""

    def run(text: str, as_of: datetime = AS_OF) -> list[Finding]:
        event = load(text)
        return ours(venue_ready_assess_area(event, "documents", plugins=plugins, as_of=as_of))

    return run


@pytest.fixture
def report(plugins: PluginManager, load: Load) -> MakeReport:
    """The whole report for an event file, to read rendered messages and statuses."""

    def run(text: str, as_of: datetime = AS_OF) -> Report:
        return venue_ready.assess(load(text), as_of=as_of, plugins=plugins)

    return run
