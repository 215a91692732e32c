"""``packaged_template``: a template kept as data, in a TOML file of the plugin's package, read
the first time the template is read."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from venue_ready import AreaSpec, Phase, Role, packaged_template

SERVICE = Role("catering.role.service", "Tiểu ban Phục vụ", "Service sub-committee")
RADIO = Role("catering.role.radio", "Đài truyền thanh phường", "Ward radio station")

TEMPLATE_TOML = """\
[[party-congress]]
id = "catering.menu"
owner = "service"
lead_days = 5
title_vi = "Thực đơn, suất ăn"
title_en = "Menu and meals"
gate = true
requires_signoff = "Đảng ủy phường"
until = 2025-01-01

[[party-congress]]
id = "catering.water"
owner = "radio"
title_vi = "Nước uống tại hội trường"
title_en = "Drinking water in the hall"
phase = "during"

[[election]]
id = "catering.menu"
owner = "service"
lead_days = 2
title_vi = "Nước uống cho Tổ bầu cử"
title_en = "Drinking water for the polling team"
since = 2025-01-01
"""


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An importable package ``catering_data`` in ``tmp_path``, without its template yet."""
    folder = tmp_path / "catering_data"
    folder.mkdir()
    (folder / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "catering_data", raising=False)
    return folder


def test_the_items_of_the_file_kind_by_kind(package: Path) -> None:
    (package / "template.toml").write_text(TEMPLATE_TOML, encoding="utf-8")
    read = packaged_template("catering_data", {"service": SERVICE, "radio": RADIO})
    menu, water, election = read()
    assert (menu.id, menu.kinds, menu.lead_days, menu.gate) == (
        "catering.menu",
        ("party-congress",),
        5,
        True,
    )
    assert (menu.owner_vi, menu.owner_en) == ("Tiểu ban Phục vụ", "Service sub-committee")
    assert menu.requires_signoff == "Đảng ủy phường"
    assert (menu.since, menu.until) == (None, date(2025, 1, 1))
    assert (water.phase, water.lead_days, water.owner_vi) == (Phase.DURING, None, RADIO.vi)
    assert election.kinds == ("election",)
    assert election.for_event("election", date(2026, 3, 15))
    assert not election.for_event("election", date(2021, 5, 23))
    assert not election.for_event("party-congress", date(2026, 3, 15))


def test_read_on_first_use_once(package: Path) -> None:
    # made before the file exists: nothing is read until the template is
    spec = AreaSpec(
        key="catering",
        title_vi="Hậu cần",
        title_en="Catering",
        template=packaged_template("catering_data", {"service": SERVICE, "radio": RADIO}),
    )
    (package / "template.toml").write_text(TEMPLATE_TOML, encoding="utf-8")
    first = spec.template
    assert [item.id for item in first] == ["catering.menu", "catering.water", "catering.menu"]
    (package / "template.toml").write_text("", encoding="utf-8")
    assert spec.template is first  # kept: the file is not read again


def test_the_same_function_reads_the_file_once(package: Path) -> None:
    (package / "template.toml").write_text(TEMPLATE_TOML, encoding="utf-8")
    read = packaged_template("catering_data", {"service": SERVICE, "radio": RADIO})
    first = read()
    (package / "template.toml").unlink()
    assert read() is first


def test_another_resource_name(package: Path) -> None:
    (package / "kinds.toml").write_text(TEMPLATE_TOML, encoding="utf-8")
    read = packaged_template("catering_data", {"service": SERVICE, "radio": RADIO}, "kinds.toml")
    assert len(read()) == 3


def test_an_owner_key_the_plugin_does_not_name_is_a_bug(package: Path) -> None:
    (package / "template.toml").write_text(TEMPLATE_TOML, encoding="utf-8")
    with pytest.raises(KeyError, match="radio"):
        packaged_template("catering_data", {"service": SERVICE})()


def test_a_missing_file_is_a_bug(package: Path) -> None:
    with pytest.raises(FileNotFoundError):
        packaged_template("catering_data", {"service": SERVICE})()
