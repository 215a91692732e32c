"""The ``decoration`` area plugin (Trang trí, tuyên truyền): every derived rule passing and
failing, its settings validator, its template and settings example, and the Ngọc Thụy part.

Events are built from TOML text and assessed through the public path; messages are read back
rendered, from ``Report.to_dict(lang)``.
"""

from __future__ import annotations

import json
import re
import string
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli
from hypothesis import given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import AreaPlan, Event, PluginManager, Problem
from venue_ready.testing import check_plugin, make_event, plugin_manager
from venue_ready_decoration import KEY, venue_ready_assess
from venue_ready_decoration.messages import MESSAGES
from venue_ready_decoration.rules import normalise, roman
from venue_ready_decoration.settings import (
    DEFAULT_OFFICIAL_SLOGANS,
    DEFAULT_STAGE_ELEMENTS,
    STAGE_ELEMENTS,
    validate,
)
from venue_ready_decoration.template import SETTINGS_EXAMPLE, TEMPLATE

from ..support import ENDS, STARTS, TZ, event_header

ROOT = Path(__file__).resolve().parents[2]
AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PLUGINS = plugin_manager("decoration")  # and the core checklist, as a third party's tests

OFFICIAL = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025"

NAME = "Đại hội Đảng bộ phường Thử lần thứ XXII, nhiệm kỳ 2020 - 2025"


def head(name: str = NAME, ordinal: str | None = None, term: str | None = None) -> str:
    """The event's header, its venue and its ``[areas.decoration.settings]`` table."""
    return (
        event_header(
            id="thu-2020",
            name=name,
            ends=ENDS,
            lang="vi",
            ordinal=ordinal,
            term=term,
            venue={
                "name": "Hội trường phường Thử",
                "zones": [{"id": "hall", "name": "Hội trường"}],
            },
        )
        + "\n[areas.decoration]\n\n[areas.decoration.settings]\n"
    )


def q(text: str) -> str:
    """A TOML basic string."""
    return json.dumps(text, ensure_ascii=False)


def table(header: str, **values: str | None) -> str:
    """``[areas.decoration.settings.HEADER]`` with the given TOML values (None: left out)."""
    lines = [f"[areas.decoration.settings.{header}]"]
    lines += [f"{key} = {value}" for key, value in values.items() if value is not None]
    return "\n".join(lines) + "\n"


def backdrop(
    title: str | None = OFFICIAL,
    installed: str | None = "2020-05-14",
    kind: str | None = "printed",
    **extra: str | None,
) -> str:
    return table(
        "backdrop",
        title=q(title) if title is not None else None,
        installed=installed,
        kind=q(kind) if kind is not None else None,
        **extra,
    )


def stage(**values: str | None) -> str:
    full: dict[str, str | None] = dict.fromkeys(STAGE_ELEMENTS, "2020-05-13")
    full.update(party_flag_side=q("left"), national_flag_side=q("right"))
    full.update(values)
    return table("stage", **full)


def banner(
    banner_id: str,
    text: str,
    *,
    kind: str = "banner",
    approved_by: str | None = "Ban Thường vụ Đảng ủy",
    approved_on: str | None = "2020-05-04",
    installed: str | None = "2020-05-10",
    **extra: str | None,
) -> str:
    values: dict[str, str | None] = {
        "id": q(banner_id),
        "text": q(text),
        "location": q("Cổng chính"),
        "kind": q(kind),
        "approved_by": q(approved_by) if approved_by is not None else None,
        "approved_on": approved_on,
        "installed": installed,
        **extra,
    }
    lines = ["[[areas.decoration.settings.banners]]"]
    lines += [f"{key} = {value}" for key, value in values.items() if value is not None]
    return "\n".join(lines) + "\n"


BANNERS = banner("slogan-1", "Đảng Cộng sản Việt Nam quang vinh muôn năm!", kind="slogan")
PROPAGANDA = table(
    "propaganda",
    panels_planned="4",
    panels_installed="4",
    posters_planned="50",
    posters_installed="50",
)


def event_text(
    *,
    top: str = "",
    backdrop_: str | None = None,
    stage_: str | None = None,
    banners: str = BANNERS,
    propaganda: str = PROPAGANDA,
    name: str = NAME,
    ordinal: str | None = "XXII",
    term: str | None = "2020-2025",
) -> str:
    body = [
        top,
        backdrop() if backdrop_ is None else backdrop_,
        stage() if stage_ is None else stage_,
        propaganda,
        banners,
    ]
    return head(name, ordinal, term) + "\n".join(part for part in body if part)


def make(**parts: Any) -> Event:
    return make_event(event_text(**parts), plugins=PLUGINS)


def findings(
    event: Event, lang: str = "en", as_of: datetime = AS_OF, plugins: PluginManager = PLUGINS
) -> list[dict[str, Any]]:
    report = venue_ready.assess(event, as_of=as_of, plugins=plugins)
    (area,) = (a for a in report.to_dict(lang)["areas"] if a["key"] == KEY)
    assert area["status"] != "error", area["errors"]
    found = [f for f in area["findings"] if f["code"].startswith("decoration.")]
    for f in found:  # every message is in the catalog, with all its parameters given
        assert f["message"]["id"] in MESSAGES[lang]
        assert "{" not in f["message"]["text"]
    return found


def one(event: Event, code: str, subject: str | None = None, **kw: Any) -> dict[str, Any]:
    """The one Finding ``code`` (about ``subject``), its message rendered in vi and in en."""
    found = []
    for lang in ("vi", "en"):
        matches = [
            f
            for f in findings(event, lang, **kw)
            if f["code"] == code and (subject is None or f["subject"] == subject)
        ]
        assert len(matches) == 1, [(f["code"], f["subject"]) for f in findings(event)]
        found.append(matches[0])
    vi, en = found
    return {**en, "vi": vi["message"]["text"], "en": en["message"]["text"]}


def problems(text_: str) -> list[str]:
    """The problems loading ``text_`` reports, rendered in English."""
    with pytest.raises(venue_ready.LoadError) as info:
        make_event(text_, plugins=PLUGINS)
    return [p.render("en", info.value.catalogs) for p in info.value.problems]


# -- the whole area ------------------------------------------------------------------------------


def test_everything_in_place_is_ready() -> None:
    event = make()
    report = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS)
    area = report.area(KEY)
    assert area is not None
    assert area.score == 100
    assert area.status is venue_ready.AreaStatus.READY
    codes = [(f["code"], f["subject"]) for f in findings(event)]
    assert codes == [
        ("decoration.backdrop-title", "backdrop"),
        ("decoration.backdrop-led", "backdrop"),
        ("decoration.backdrop-installed", "backdrop"),
        *(("decoration.stage-element", name) for name in DEFAULT_STAGE_ELEMENTS),
        ("decoration.flag-layout", "flags"),
        ("decoration.banner-approved", "slogan-1"),
        ("decoration.banner-installed", "slogan-1"),
        ("decoration.slogan-unofficial", "slogan-1"),
        ("decoration.panels", "panels"),
        ("decoration.posters", "posters"),
    ]
    assert all(f["phase"] == "before" and f["due"] for f in findings(event))


def test_same_input_same_report() -> None:
    event = make(backdrop_=backdrop(title="ĐẠI HỘI LẦN THỨ XXI"))
    first = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS).to_json()
    assert venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS).to_json() == first


def test_the_hook_ignores_other_areas() -> None:
    event = make()
    assert venue_ready_assess(event, AreaPlan(key="general"), AS_OF) is None


def test_bad_settings_in_an_event_built_in_code_are_refused_by_assess() -> None:
    event = Event(
        id="x",
        name=NAME,
        starts=STARTS,
        ends=ENDS,
        areas=(AreaPlan(key=KEY, settings={"stage_lead_days": -1}),),
    )
    with pytest.raises(venue_ready.LoadError) as info:
        venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS)
    assert [p.path for p in info.value.problems] == [("areas", KEY, "settings", "stage_lead_days")]


def test_owners_default_to_the_template_roles_in_the_reports_language() -> None:
    found = {(f["code"], f["subject"]): f["owner"] for f in findings(make())}
    assert found["decoration.backdrop-title", "backdrop"] == "Service sub-committee"
    assert found["decoration.panels", "panels"] == "Propaganda sub-committee"
    vi = {(f["code"], f["subject"]): f["owner"] for f in findings(make(), lang="vi")}
    assert vi["decoration.backdrop-title", "backdrop"] == "Tiểu ban Phục vụ"
    assert vi["decoration.panels", "panels"] == "Tiểu ban Tuyên truyền"
    event = make(backdrop_=backdrop(owner=q("Văn phòng Đảng ủy")))
    assert one(event, "decoration.backdrop-title")["owner"] == "Văn phòng Đảng ủy"


def test_the_catalog_has_the_same_ids_and_parameters_in_both_languages() -> None:
    formatter = string.Formatter()
    assert set(MESSAGES["vi"]) == set(MESSAGES["en"])
    for key, vi in MESSAGES["vi"].items():
        vi_params = {name for _, name, _, _ in formatter.parse(vi) if name}
        en_params = {name for _, name, _, _ in formatter.parse(MESSAGES["en"][key]) if name}
        assert vi_params == en_params, key


# -- text helpers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (21, "XXI"), (22, "XXII"), (40, "XL"),
     (49, "XLIX"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (3999, "MMMCMXCIX"), (0, "0"),
     (4000, "4000")],
)  # fmt: skip
def test_roman_numerals(number: int, expected: str) -> None:
    assert roman(number) == expected


def test_normalise_ignores_case_spacing_and_dash_style() -> None:
    printed = "Đại hội  Đảng bộ phường Thử lần thứ XXII ,nhiệm kỳ 2020\u20132025"
    assert normalise(printed) == normalise(OFFICIAL)
    # decomposed Unicode (NFD), as some keyboards type it, is the same text
    import unicodedata

    assert normalise(unicodedata.normalize("NFD", OFFICIAL)) == normalise(OFFICIAL)
    assert normalise("a \u2014 b") == normalise("A-B") == "A-B"


# -- the backdrop's title --------------------------------------------------------------------------


def test_backdrop_title_matching_up_to_case_spacing_and_dashes_passes() -> None:
    printed = "Đại hội Đảng bộ phường Thử  lần thứ xxii, nhiệm kỳ 2020\u20142025"
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert (f["credit"], f["gate"], f["assessed"], f["weight"]) == (1.0, True, True, 3.0)
    assert f["en"] == f'The stage backdrop shows the official title: "{printed}"'
    assert f["vi"] == f'Tiêu đề phông sân khấu đúng tên chính thức: "{printed}"'


def test_backdrop_title_with_a_wrong_ordinal_is_a_named_gate() -> None:
    printed = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ LẦN THỨ XXI, NHIỆM KỲ 2020 \u2013 2025"
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert (f["credit"], f["gate"], f["subject"]) == (0.0, True, "backdrop")
    assert f["message"]["id"] == "decoration.backdrop-title-ordinal"
    assert f["en"] == (
        'The stage backdrop has the wrong congress number (printed "lần thứ XXI", should be '
        f'"lần thứ XXII"): it reads "{printed}", the official title is "{OFFICIAL}"; '
        "reprint the backdrop"
    )
    assert 'sai số thứ Đại hội (in "lần thứ XXI", đúng là "lần thứ XXII")' in f["vi"]
    assert printed in f["vi"]
    assert OFFICIAL in f["vi"]


def test_backdrop_title_in_arabic_numerals_is_a_wrong_ordinal() -> None:
    printed = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ LẦN THỨ 22, NHIỆM KỲ 2020 - 2025"
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert f["credit"] == 0.0
    assert 'printed "lần thứ 22", should be "lần thứ XXII"' in f["en"]


def test_backdrop_title_with_a_wrong_term_is_named() -> None:
    printed = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ LẦN THỨ XXII, NHIỆM KỲ 2020 - 2026"
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert f["credit"] == 0.0
    assert f["en"].startswith(
        'The stage backdrop has the wrong term (printed "2020 - 2026", should be "2020 - 2025")'
    )
    assert 'sai nhiệm kỳ (in "2020 - 2026", đúng là "2020 - 2025")' in f["vi"]


def test_last_terms_backdrop_has_both_ordinal_and_term_wrong() -> None:
    printed = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ LẦN THỨ XXI, NHIỆM KỲ 2015 - 2020"
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert f["credit"] == 0.0
    assert f["message"]["id"] == "decoration.backdrop-title-ordinal-term"
    assert (
        '"lần thứ XXI, nhiệm kỳ 2015 - 2020", should be "lần thứ XXII, nhiệm kỳ 2020 - 2025"'
        in (f["en"])
    )


def test_backdrop_title_naming_another_organisation_is_named() -> None:
    printed = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỦ LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025"
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert f["credit"] == 0.0
    assert f["en"].startswith("The stage backdrop names the wrong organisation")
    assert "sai tên đảng bộ" in f["vi"]


def test_backdrop_title_with_another_typo_shows_both_texts() -> None:
    printed = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG THỬ LẦN THỨ XXII, NHIEM KY 2020 - 2025"  # no accents
    f = one(make(backdrop_=backdrop(title=printed)), "decoration.backdrop-title")
    assert f["credit"] == 0.0
    assert f["en"] == (
        "The title on the stage backdrop does not match the official title: it reads "
        f'"{printed}", the official title is "{OFFICIAL}"; check it word by word and reprint '
        "the backdrop"
    )


def test_backdrop_title_cannot_be_checked_without_the_ordinal_or_term() -> None:
    f = one(make(ordinal=None, term=None), "decoration.backdrop-title")
    assert (f["assessed"], f["credit"], f["gate"]) == (False, 0.0, True)
    assert f["en"] == (
        "Cannot check the title on the stage backdrop: the event file does not give [event] "
        "ordinal, [event] term, which the official title is made from"
    )
    assert "tệp sự kiện chưa ghi [event] ordinal, [event] term" in f["vi"]


def test_backdrop_title_needs_the_organisation_when_the_name_does_not_give_it() -> None:
    f = one(make(name="Hội nghị đặc biệt"), "decoration.backdrop-title")
    assert f["assessed"] is False
    assert "[areas.decoration.settings] organisation" in f["en"]
    event = make(name="Hội nghị đặc biệt", top=f"organisation = {q('Đảng bộ phường Thử')}")
    assert one(event, "decoration.backdrop-title")["credit"] == 1.0


def test_organisation_setting_wins_over_the_event_name() -> None:
    event = make(top=f"organisation = {q('Đảng bộ phường Khác')}")
    f = one(event, "decoration.backdrop-title")
    assert f["credit"] == 0.0
    assert "ĐẢNG BỘ PHƯỜNG KHÁC" in f["en"]


def test_backdrop_title_not_recorded_says_what_it_must_read() -> None:
    f = one(make(backdrop_=backdrop(title=None)), "decoration.backdrop-title")
    assert (f["assessed"], f["credit"]) == (False, 0.0)
    assert f["en"] == (
        "The title printed on the stage backdrop is not recorded ([backdrop] title); it must "
        f'read "{OFFICIAL}"'
    )


def test_a_title_format_setting_changes_the_layout() -> None:
    fmt = "{organisation} - ĐẠI HỘI LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}"
    top = f"title_format = {q(fmt)}"
    printed = "ĐẢNG BỘ PHƯỜNG THỬ - ĐẠI HỘI LẦN THỨ XXII, NHIỆM KỲ 2020-2025"
    event = make(top=top, backdrop_=backdrop(title=printed))
    assert one(event, "decoration.backdrop-title")["credit"] == 1.0
    wrong = printed.replace("XXII", "XII")
    f = one(make(top=top, backdrop_=backdrop(title=wrong)), "decoration.backdrop-title")
    assert f["message"]["id"] == "decoration.backdrop-title-ordinal"


# -- the backdrop itself ---------------------------------------------------------------------------


def test_printed_backdrop_passes_and_an_led_screen_is_a_gate() -> None:
    f = one(make(), "decoration.backdrop-led")
    assert (f["credit"], f["gate"]) == (1.0, True)
    assert f["en"] == "The main backdrop is printed, as required (an LED screen may not replace it)"
    f = one(make(backdrop_=backdrop(kind="led")), "decoration.backdrop-led")
    assert (f["credit"], f["gate"]) == (0.0, True)
    assert f["en"].startswith("The main backdrop is an LED screen: an LED screen may not replace")
    assert f["vi"].startswith("Phông chính đang là màn hình LED")


def test_backdrop_kind_not_recorded_is_not_assessed() -> None:
    f = one(make(backdrop_=backdrop(kind=None)), "decoration.backdrop-led")
    assert f["assessed"] is False
    assert "[backdrop] kind" in f["en"]


def test_backdrop_installed_by_the_assessment_passes() -> None:
    f = one(make(), "decoration.backdrop-installed")
    assert (f["credit"], f["gate"], f["weight"]) == (1.0, True, 2.0)
    assert f["en"] == "The stage backdrop was put up on 14 May 2020"
    assert f["vi"] == "Phông sân khấu đã dựng xong vào ngày 14 tháng 5 năm 2020"


def test_backdrop_not_installed_or_installed_later_is_unmet() -> None:
    for installed in (None, "2020-05-14T17:00:00+07:00"):
        f = one(make(backdrop_=backdrop(installed=installed)), "decoration.backdrop-installed")
        assert (f["credit"], f["assessed"]) == (0.0, True)
        assert f["en"] == "The stage backdrop is not up yet"
        assert f["blocking"] is False  # due at the end of the day before the opening
    later = one(
        make(backdrop_=backdrop(installed=None)),
        "decoration.backdrop-installed",
        as_of=datetime(2020, 5, 15, 0, 0, tzinfo=TZ),
    )
    assert later["blocking"] is True  # a gate past its due


def test_no_backdrop_table_is_not_assessed() -> None:
    found = findings(make(backdrop_=""))
    backdrop_findings = [f for f in found if f["subject"] == "backdrop"]
    assert [f["assessed"] for f in backdrop_findings] == [False, False, False]
    assert backdrop_findings[2]["message"]["text"] == (
        "The stage backdrop is not recorded (table [backdrop]: the printed title, the day it "
        "went up, its kind)"
    )


def test_backdrop_due_counts_back_from_the_opening_by_the_stage_lead() -> None:
    f = one(make(top="stage_lead_days = 2"), "decoration.backdrop-installed")
    assert f["due"] == "2020-05-13"  # the end of that day (venue_ready.days_before)
    f = one(make(backdrop_=backdrop(due="2020-05-12")), "decoration.backdrop-installed")
    assert f["due"] == "2020-05-12"


# -- the stage -------------------------------------------------------------------------------------


def test_stage_elements_in_place_pass_and_the_flags_are_gates() -> None:
    event = make()
    f = one(event, "decoration.stage-element", "party_flag")
    assert (f["credit"], f["gate"]) == (1.0, True)
    assert f["en"] == "Party flag on the stage: hung on 13 May 2020"
    assert f["vi"] == "Cờ Đảng trên sân khấu: đã treo ngày 13 tháng 5 năm 2020"
    f = one(event, "decoration.stage-element", "marx_lenin")
    assert (f["credit"], f["gate"]) == (1.0, False)
    f = one(event, "decoration.stage-element", "ho_chi_minh")
    assert f["en"] == "Bust of Hồ Chí Minh: placed on 13 May 2020"


def test_a_missing_stage_element_is_unmet() -> None:
    event = make(top="stage_lead_days = 2", stage_=stage(national_flag=None))
    f = one(event, "decoration.stage-element", "national_flag")
    assert (f["credit"], f["gate"], f["overdue"], f["blocking"]) == (0.0, True, True, True)
    assert f["en"] == "National flag on the stage: not hung yet"
    assert f["vi"] == "Cờ Tổ quốc trên sân khấu: chưa treo"


def test_a_stage_element_recorded_after_the_assessment_does_not_count_yet() -> None:
    event = make(stage_=stage(top_slogan="2020-05-14T18:00:00+07:00"))
    f = one(event, "decoration.stage-element", "top_slogan")
    assert f["credit"] == 0.0
    later = datetime(2020, 5, 14, 19, 0, tzinfo=TZ)
    assert one(event, "decoration.stage-element", "top_slogan", as_of=later)["credit"] == 1.0


def test_a_portrait_of_ho_chi_minh_is_named_as_such() -> None:
    event = make(stage_=stage(ho_chi_minh=None, ho_chi_minh_kind=q("portrait")))
    f = one(event, "decoration.stage-element", "ho_chi_minh")
    assert f["en"] == "Portrait of Hồ Chí Minh: not hung yet"
    assert f["vi"] == "Ảnh Chủ tịch Hồ Chí Minh: chưa treo"


def test_flowers_due_on_the_morning_are_pending_not_overdue() -> None:
    event = make(stage_=stage(flowers="{ due = 2020-05-15T06:30:00+07:00 }"))
    f = one(event, "decoration.stage-element", "flowers")
    assert (f["credit"], f["overdue"], f["due"]) == (0.0, False, "2020-05-15T06:30:00+07:00")
    assert f["en"] == "Fresh flowers on the stage: not arranged yet"
    report = venue_ready.assess(event, as_of=AS_OF, plugins=PLUGINS)
    area = report.area(KEY)
    assert area is not None
    assert area.status is venue_ready.AreaStatus.ON_TRACK


def test_no_stage_table_is_not_assessed() -> None:
    found = [f for f in findings(make(stage_="")) if f["code"] == "decoration.stage-element"]
    assert [f["subject"] for f in found] == list(DEFAULT_STAGE_ELEMENTS)
    assert all(f["assessed"] is False for f in found)
    assert found[1]["message"]["text"] == (
        "The stage dressing is not recorded (table [stage]): the state of the Party flag is unknown"
    )
    vi = [f for f in findings(make(stage_=""), "vi") if f["subject"] == "party_flag"]
    assert vi[0]["message"]["text"] == (
        "Chưa ghi nhận trang trí sân khấu (bảng [stage]): chưa biết tình trạng cờ Đảng"
    )


def test_stage_elements_setting_limits_what_is_checked() -> None:
    event = make(top='stage_elements = ["party_flag", "national_flag"]', stage_=stage(flowers=None))
    subjects = [f["subject"] for f in findings(event) if f["code"] == "decoration.stage-element"]
    assert subjects == ["party_flag", "national_flag"]


# -- the flags' layout -----------------------------------------------------------------------------


def test_party_flag_left_national_flag_right_passes() -> None:
    f = one(make(), "decoration.flag-layout")
    assert (f["credit"], f["gate"], f["subject"]) == (1.0, False, "flags")
    assert f["en"].startswith("Party flag on the left, national flag on the right")


def test_swapped_flags_fail() -> None:
    event = make(stage_=stage(party_flag_side=q("right"), national_flag_side=q("left")))
    f = one(event, "decoration.flag-layout")
    assert f["credit"] == 0.0
    assert f["en"].startswith("The Party flag and the national flag are swapped")
    assert f["vi"].startswith("Cờ Đảng và cờ Tổ quốc đang treo ngược")


def test_one_flag_on_the_wrong_side_fails() -> None:
    event = make(stage_=stage(party_flag_side=q("right"), national_flag_side=None))
    f = one(event, "decoration.flag-layout")
    assert f["credit"] == 0.0
    assert f["en"] == "The Party flag must hang on the left (as the delegates see it); move it"


def test_flag_sides_not_recorded_are_not_assessed() -> None:
    event = make(stage_=stage(party_flag_side=None, national_flag_side=None))
    f = one(event, "decoration.flag-layout")
    assert f["assessed"] is False
    assert "party_flag_side, national_flag_side" in f["en"]


# -- banners and slogans ---------------------------------------------------------------------------


def test_a_banner_approved_and_installed_on_time_passes() -> None:
    event = make(banners=banner("b1", "Chào mừng Đại hội"))
    f = one(event, "decoration.banner-approved", "b1")
    assert f["credit"] == 1.0
    assert f["en"] == (
        'Banner "Chào mừng Đại hội" (Cổng chính): content approved by Ban Thường vụ Đảng ủy '
        "on 4 May 2020"
    )
    f = one(event, "decoration.banner-installed", "b1")
    assert (f["credit"], f["due"]) == (1.0, "2020-05-12")
    assert f["en"] == 'Banner "Chào mừng Đại hội" (Cổng chính): put up on 10 May 2020'
    assert f["vi"] == 'Băng rôn "Chào mừng Đại hội" (Cổng chính): đã treo ngày 10 tháng 5 năm 2020'
    # a banner that is not a slogan is not checked against the official list
    assert not [f for f in findings(event) if f["code"] == "decoration.slogan-unofficial"]


def test_a_banner_not_approved_fails() -> None:
    event = make(banners=banner("b1", "Chào mừng", approved_by=None, approved_on=None))
    f = one(event, "decoration.banner-approved", "b1")
    assert f["credit"] == 0.0
    assert f["en"].startswith('Banner "Chào mừng" (Cổng chính): content not approved yet')
    assert "nội dung chưa được duyệt" in f["vi"]


def test_an_undated_approval_does_not_count() -> None:
    event = make(banners=banner("b1", "Chào mừng", approved_on=None))
    f = one(event, "decoration.banner-approved", "b1")
    assert f["credit"] == 0.0
    assert "the date is not recorded (approved_on)" in f["en"]


def test_an_approval_after_the_assessment_does_not_count_yet() -> None:
    event = make(banners=banner("b1", "Chào mừng", approved_on="2020-05-15"))
    f = one(event, "decoration.banner-approved", "b1")
    assert f["credit"] == 0.0
    assert f["en"].endswith(
        "approved by Ban Thường vụ Đảng ủy on 15 May 2020, after the assessment"
    )


def test_a_banner_not_installed_fails() -> None:
    for installed in (None, "2020-05-15"):
        event = make(banners=banner("b1", "Chào mừng", installed=installed))
        f = one(event, "decoration.banner-installed", "b1")
        assert (f["credit"], f["overdue"]) == (0.0, True)
        assert f["en"] == 'Banner "Chào mừng" (Cổng chính): not up yet'


def test_a_banner_installed_late_keeps_its_credit_and_says_it_was_late() -> None:
    event = make(banners=banner("b1", "Chào mừng", installed="2020-05-13", due="2020-05-11"))
    f = one(event, "decoration.banner-installed", "b1")
    assert (f["credit"], f["overdue"]) == (1.0, False)
    assert f["en"] == (
        'Banner "Chào mừng" (Cổng chính): put up on 13 May 2020, after its deadline 11 May 2020'
    )
    assert "muộn so với thời hạn ngày 11 tháng 5 năm 2020" in f["vi"]


def test_banner_lead_days_sets_the_default_deadline() -> None:
    event = make(top="banner_lead_days = 5", banners=banner("b1", "Chào mừng"))
    assert one(event, "decoration.banner-installed", "b1")["due"] == "2020-05-10"


def test_an_official_slogan_passes_whatever_its_case_spacing_and_dashes() -> None:
    text = "NHIỆT LIỆT CHÀO MỪNG ĐẠI HỘI ĐẢNG BỘ CÁC CẤP NHIỆM KỲ 2020 \u2013 2025"
    f = one(make(banners=banner("s1", text, kind="slogan")), "decoration.slogan-unofficial", "s1")
    assert (f["credit"], f["gate"]) == (1.0, False)
    assert f["en"] == f'Slogan "{text}" (Cổng chính) reads as an official slogan'


def test_a_slogan_not_in_the_official_list_is_shown() -> None:
    text = "Đảng Cộng sản Việt Nam muôn năm!"
    f = one(make(banners=banner("s1", text, kind="slogan")), "decoration.slogan-unofficial", "s1")
    assert (f["credit"], f["gate"], f["weight"]) == (0.0, False, 1.0)
    assert f["en"] == (
        f'Slogan "{text}" (Cổng chính) is not in the list of official slogans: correct its '
        'wording, or write kind = "banner" if it is not meant as an official slogan'
    )
    assert (
        f'Khẩu hiệu "{text}" (Cổng chính) không có trong danh sách khẩu hiệu chính thức' in f["vi"]
    )


def test_the_official_list_is_a_setting() -> None:
    text = "Toàn Đảng, toàn dân, toàn quân thi đua lập thành tích chào mừng Đại hội!"
    top = f"official_slogans = [{q(text)}]"
    event = make(top=top, banners=banner("s1", text, kind="slogan"))
    assert one(event, "decoration.slogan-unofficial", "s1")["credit"] == 1.0
    assert len(DEFAULT_OFFICIAL_SLOGANS) == 2


def test_no_banner_recorded_is_not_assessed() -> None:
    f = one(make(banners=""), "decoration.banner-installed")
    assert (f["assessed"], f["subject"]) == (False, None)
    assert "No banner or slogan is recorded" in f["en"]


# -- propaganda across the ward --------------------------------------------------------------------


def test_panels_and_posters_all_up_pass() -> None:
    event = make()
    f = one(event, "decoration.panels")
    assert (f["credit"], f["due"]) == (1.0, "2020-05-08")
    assert f["en"] == "Propaganda panels across the ward: 4/4 up"
    assert f["vi"] == "Pa nô tuyên truyền trên địa bàn phường: đã dựng 4/4"


def test_posters_partly_up_earn_their_share() -> None:
    prop = table(
        "propaganda",
        panels_planned="4",
        panels_installed="5",
        posters_planned="100",
        posters_installed="95",
    )
    event = make(propaganda=prop)
    f = one(event, "decoration.posters")
    assert (f["credit"], f["overdue"]) == (0.95, True)
    assert f["en"] == "Propaganda posters across the ward: 95/100 up"
    assert one(event, "decoration.panels")["credit"] == 1.0  # more than planned: capped


def test_nothing_planned_is_nothing_missing() -> None:
    prop = table("propaganda", panels_planned="0", posters_planned="10", posters_installed="0")
    event = make(propaganda=prop)
    assert one(event, "decoration.panels")["credit"] == 1.0
    assert one(event, "decoration.posters")["credit"] == 0.0


def test_propaganda_not_recorded_is_not_assessed() -> None:
    f = one(make(propaganda=""), "decoration.panels")
    assert f["assessed"] is False
    assert "panels_planned" in f["en"]
    prop = table("propaganda", panels_planned="4", panels_installed="4")
    f = one(make(propaganda=prop), "decoration.posters")
    assert f["assessed"] is False


def test_a_count_dated_after_the_assessment_does_not_count_yet() -> None:
    prop = PROPAGANDA + "counted_on = 2020-05-14T18:00:00+07:00\n"
    f = one(make(propaganda=prop), "decoration.panels")
    assert f["assessed"] is False
    assert f["en"] == (
        "The panels were counted on 14 May 2020, 18:00, after the assessment: not counted yet"
    )


def test_propaganda_lead_days_sets_the_deadline() -> None:
    event = make(top="propaganda_lead_days = 10")
    assert one(event, "decoration.posters")["due"] == "2020-05-05"


# -- the settings validator ------------------------------------------------------------------------


def test_unknown_keys_are_reported_with_a_hint() -> None:
    found = problems(event_text(top="stage_lead_day = 2"))
    assert found == [
        "<make_event>: areas.decoration.settings.stage_lead_day: unknown key 'stage_lead_day' "
        "(did you mean 'stage_lead_days'?)"
    ]
    found = problems(event_text(stage_=stage(party_flg="2020-05-13")))
    assert "areas.decoration.settings.stage.party_flg: unknown key 'party_flg'" in found[0]


def test_wrong_values_are_reported() -> None:
    found = problems(
        event_text(
            top="stage_lead_days = -1",
            backdrop_=backdrop(kind="screen"),
            stage_=stage(party_flag_side=q("centre")),
        )
    )
    # the wording of these problems is the core's: check where they are and what they quote
    assert len(found) == 3
    assert found[0].startswith("<make_event>: areas.decoration.settings.stage_lead_days: ")
    assert "-1" in found[0]
    assert found[1].startswith("<make_event>: areas.decoration.settings.backdrop.kind: ")
    assert "'screen'" in found[1]
    assert "printed, led" in found[1]
    assert found[2].startswith("<make_event>: areas.decoration.settings.stage.party_flag_side: ")
    assert "left, right" in found[2]


def test_a_bad_title_format_is_reported_in_the_plugins_words() -> None:
    found = problems(event_text(top=f"title_format = {q('ĐẠI HỘI {org} LẦN THỨ {ordinal}')}"))
    assert found == [
        "<make_event>: areas.decoration.settings.title_format: title format uses an unknown field "
        "'org' (known fields: organisation, ordinal, term_start, term_end, session, "
        "polling_area)"
    ]
    with pytest.raises(venue_ready.LoadError) as info:
        make_event(event_text(top=f"title_format = {q('ĐẠI HỘI {')}"), plugins=PLUGINS)
    (problem,) = info.value.problems
    assert problem.render("vi", info.value.catalogs).startswith(
        "<make_event>: areas.decoration.settings.title_format: mẫu tiêu đề 'ĐẠI HỘI {' có dấu "
        "ngoặc nhọn không khớp"
    )
    found = problems(event_text(top=f"title_format = {q('{ordinal!r}')}"))
    assert "may not carry a format spec (expected {ordinal})" in found[0]


def test_banner_records_are_checked() -> None:
    text = event_text(
        banners=banner("b1", "A")
        + banner("b1", "B", kind="slogans")
        + '[[areas.decoration.settings.banners]]\nid = "b3"\n'
    )
    found = problems(text)
    where = [line.split(": ")[1] for line in found]
    # the ids of all banners are checked first (SettingsReader.unique), then each banner's fields
    assert where == [
        "areas.decoration.settings.banners[1].id",
        "areas.decoration.settings.banners[1].kind",
        "areas.decoration.settings.banners[2].text",
        "areas.decoration.settings.banners[2].location",
    ]
    assert "'b1'" in found[0]
    assert "banners[0]" in found[0]  # where it was first used
    assert "'slogan'" in found[1]  # did you mean
    assert "'text'" in found[2]


def test_deadlines_after_the_opening_are_refused() -> None:
    found = problems(event_text(stage_=stage(flowers="{ due = 2020-05-15T09:00:00+07:00 }")))
    assert len(found) == 1
    assert found[0].startswith("<make_event>: areas.decoration.settings.stage.flowers.due: ")


def test_unknown_stage_elements_and_empty_slogans_are_refused() -> None:
    found = problems(event_text(top='stage_elements = ["flag"]\nofficial_slogans = [""]'))
    where = [line.split(": ")[1] for line in found]
    assert where == [
        "areas.decoration.settings.official_slogans[0]",
        "areas.decoration.settings.stage_elements",
    ]
    assert "'flag'" in found[1]
    assert ", ".join(STAGE_ELEMENTS) in found[1]


_KEYS = st.sampled_from(
    [
        "organisation", "title_format", "official_slogans", "stage_lead_days", "banner_lead_days",
        "propaganda_lead_days", "stage_elements", "backdrop", "stage", "banners", "propaganda",
        "title", "installed", "kind", "due", "owner", "id", "text", "location", "approved_by",
        "approved_on", "counted_on", "panels_planned", "posters_installed", "party_flag",
        "flowers", "ho_chi_minh_kind", "party_flag_side", "other",
    ]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["{", "{ordinal}", "{x!r}", "led", "slogan", "left", "2020-05-14", "bust"]),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(TZ)),
    st.times(),
)
_NESTED = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=5)),
    max_leaves=20,
)
_LOADED = make_event(event_text(), plugins=PLUGINS)


@settings(deadline=None, max_examples=150)
@given(settings_=st.one_of(_NESTED, st.dictionaries(_KEYS, _NESTED)), with_event=st.booleans())
def test_the_validator_never_raises(settings_: Any, with_event: bool) -> None:
    found = validate(settings_, _LOADED if with_event else None)
    assert all(isinstance(p, Problem) for p in found)
    for p in found:
        p.render("en")


# -- the template and the settings example ---------------------------------------------------------


#: An opening day in each term whose rows differ: 2020 - 2025, 2025 - 2030 and later.
TERM_DAYS = (date(2020, 5, 15), date(2026, 12, 20), date(2031, 5, 1))


def test_template_items_have_titles_owners_and_lead_times() -> None:
    assert TEMPLATE
    for day in TERM_DAYS:
        ids = {item.id for item in TEMPLATE if item.for_event("party-congress", day)}
        for kind in venue_ready.BUILTIN_KINDS:
            # one row per id for every kind and term: init writes each item once, none missing
            rows = [item.id for item in TEMPLATE if item.for_event(kind, day)]
            assert sorted(rows) == sorted(ids), (kind, day)
    for item in TEMPLATE:
        assert item.id.startswith("decoration.")
        assert item.title_vi.strip()
        assert item.title_en.strip()
        assert item.owner_vi
        assert item.owner_en
        assert item.lead_days is None or item.lead_days >= 0


def test_settings_example_is_valid_for_any_event() -> None:
    parsed = tomli.loads(SETTINGS_EXAMPLE)
    assert validate(parsed, None) == []
    assert validate(parsed, _LOADED) == []
    text = head() + SETTINGS_EXAMPLE
    event = make_event(text, plugins=PLUGINS)
    found = findings(event)  # assessed without error; what is not recorded is not assessed
    assert found
    assert not all(f["assessed"] for f in found)


def test_settings_example_uncommented_is_valid_too() -> None:
    code = re.compile(r"# ([\w.]+ = |\[\[|\s+\")")  # an assignment, a header, a continuation
    lines = [line[2:] if code.match(line) else line for line in SETTINGS_EXAMPLE.splitlines()]
    text = head() + "\n".join(lines)
    make_event(text, plugins=PLUGINS)


# -- the Ngọc Thụy example -------------------------------------------------------------------------


def test_ngoc_thuy_part_names_the_backdrop_typo() -> None:
    every_plugin = plugin_manager(
        "security", "decoration", "broadcast", "disinfection"
    )  # the example uses all four areas
    example = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
    event = venue_ready.load(example, plugins=every_plugin)
    report = venue_ready.assess(event, as_of=AS_OF, plugins=every_plugin)
    area = report.area(KEY)
    assert area is not None
    # the backdrop is due by the end of 14 May (venue_ready.days_before): at 16:00 the wrong
    # title is an unmet critical condition, not yet late
    assert area.status is venue_ready.AreaStatus.AT_RISK
    assert area.score == pytest.approx(83.125)  # no side-wall "quang vinh muôn năm" banner (#19)
    # assessed with the plugins it was loaded with: to PLUGINS its other areas are unknown
    title = one(event, "decoration.backdrop-title", plugins=every_plugin)
    assert (title["gate"], title["credit"], title["blocking"]) == (True, 0.0, False)
    assert title["due"] == "2020-05-14"
    assert 'printed "lần thứ XXI", should be "lần thứ XXII"' in title["en"]
    flowers = one(event, "decoration.stage-element", "flowers", plugins=every_plugin)
    assert (flowers["credit"], flowers["overdue"]) == (0.0, False)
    assert one(event, "decoration.posters", plugins=every_plugin)["credit"] == 0.95
    unmet = {
        (f["code"], f["subject"])
        for f in findings(event, plugins=every_plugin)
        if f["credit"] < 1 or not f["assessed"]
    }
    assert unmet == {
        ("decoration.backdrop-title", "backdrop"),
        ("decoration.stage-element", "flowers"),
        ("decoration.posters", "posters"),
    }


def test_bare_dates_show_as_dates_and_times_as_times() -> None:
    event = make(backdrop_=backdrop(installed="2020-05-14T09:15:00+07:00"))
    f = one(event, "decoration.backdrop-installed")
    assert f["en"] == "The stage backdrop was put up on 14 May 2020, 09:15"


def test_the_plugin_keeps_the_rules_every_plugin_must_keep() -> None:
    """venue_ready's conformance check, as a third party's tests run it (docs/plugins.md)."""
    import venue_ready_decoration

    check_plugin(venue_ready_decoration)
