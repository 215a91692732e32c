"""The ``decoration`` plugin per kind of event (#12) and by the Party's rules (#19): the
official title of each kind and form, the layouts a backdrop may be printed in, the stage and
flags of each organiser and term, the owners of each kind, and each rule running for its kinds
only.

Events are built from TOML text and assessed through the public path, as in test_decoration.py.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import venue_ready
from venue_ready import BUILTIN_KINDS, Event, rule_kinds
from venue_ready.testing import make_event, plugin_manager
from venue_ready_decoration import KEY
from venue_ready_decoration.messages import MESSAGES
from venue_ready_decoration.rules import RULES, roman

from ..support import ENDS, TZ, event_header

AS_OF = datetime(2020, 5, 14, 16, 0, tzinfo=TZ)
PLUGINS = plugin_manager("decoration")
DELEGATES = "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025"
SHORT = "ĐẠI HỘI ĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025"
PARTY_NAME = "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025"


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def event(
    settings_: str = "",
    *,
    kind: str = "party-congress",
    name: str = PARTY_NAME,
    ordinal: str | None = "XXII",
    term: str | None = "2020-2025",
    **extra: object,
) -> Event:
    """An event of ``kind`` whose decoration settings are ``settings_`` (TOML lines)."""
    text = event_header(
        id="k",
        name=name,
        ends=ENDS,
        lang="vi",
        kind=kind,
        ordinal=ordinal,
        term=term,
        **extra,
    )
    text += "\n[areas.decoration]\n\n[areas.decoration.settings]\n" + settings_
    return make_event(text, plugins=PLUGINS)


def with_backdrop(printed: str, **top: str) -> str:
    lines = [f"{key} = {value}" for key, value in top.items()]
    lines += [
        "[areas.decoration.settings.backdrop]",
        f"title = {q(printed)}",
        "installed = 2020-05-14",
    ]
    return "\n".join(lines) + "\n"


def findings(ev: Event, lang: str = "en", as_of: datetime = AS_OF) -> list[dict[str, Any]]:
    report = venue_ready.assess(ev, as_of=as_of, plugins=PLUGINS)
    (area,) = (a for a in report.to_dict(lang)["areas"] if a["key"] == KEY)
    assert area["status"] != "error", area["errors"]
    found = [f for f in area["findings"] if f["code"].startswith("decoration.")]
    for f in found:
        assert f["message"]["id"] in MESSAGES[lang]
        assert "{" not in f["message"]["text"]
    return found


def one(ev: Event, code: str, subject: str | None = None, **kw: Any) -> dict[str, Any]:
    found = []
    for lang in ("vi", "en"):
        matches = [
            f
            for f in findings(ev, lang, **kw)
            if f["code"] == code and (subject is None or f["subject"] == subject)
        ]
        assert len(matches) == 1, [(f["code"], f["subject"]) for f in findings(ev)]
        found.append(matches[0])
    vi, en = found
    return {**en, "vi": vi["message"]["text"], "en": en["message"]["text"]}


def codes(ev: Event) -> set[str]:
    return {f["code"] for f in findings(ev)}


# -- a Party congress's title, by its form ---------------------------------------------------------


def test_a_delegates_congress_accepts_the_delegates_title_and_the_short_one() -> None:
    for printed in (DELEGATES, SHORT):
        f = one(event(with_backdrop(printed), form="delegates"), "decoration.backdrop-title")
        assert f["credit"] == 1.0, printed
    f = one(event(with_backdrop(DELEGATES.replace("XXII", "XXI")), form="delegates"),
            "decoration.backdrop-title")  # fmt: skip
    assert f["message"]["id"] == "decoration.backdrop-title-ordinal"
    assert f'the official title is "{DELEGATES}"' in f["en"]  # in the printed layout


def test_a_delegates_congress_not_recorded_shows_the_delegates_title() -> None:
    ev = event("[areas.decoration.settings.backdrop]\nkind = 'printed'\n", form="delegates")
    f = one(ev, "decoration.backdrop-title")
    assert f["vi"].endswith(f'tiêu đề đúng phải là "{DELEGATES}"')


def test_a_members_congress_refuses_the_delegates_title_and_says_why() -> None:
    f = one(event(with_backdrop(SHORT), form="members"), "decoration.backdrop-title")
    assert f["credit"] == 1.0
    f = one(event(with_backdrop(DELEGATES), form="members"), "decoration.backdrop-title")
    assert (f["credit"], f["message"]["id"]) == (0.0, "decoration.backdrop-title-form")
    assert f["vi"].startswith(
        'Tiêu đề phông sân khấu ghi "ĐẠI HỘI ĐẠI BIỂU" nhưng đây là đại hội toàn thể'
    )
    assert f'the official title is "{SHORT}"' in f["en"]


def test_a_congress_whose_form_is_not_said_accepts_either() -> None:
    for printed in (DELEGATES, SHORT):
        assert one(event(with_backdrop(printed)), "decoration.backdrop-title")["credit"] == 1.0


def test_the_ngoc_thuy_example_is_a_delegates_congress_and_its_full_title_passes() -> None:
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "ngoc-thuy-2020" / "congress.toml"
    every = plugin_manager("security", "decoration", "broadcast", "disinfection")
    ev = venue_ready.load(path, plugins=every)
    assert ev.form == "delegates"
    raw = ev.area(KEY)
    assert raw is not None
    settings_ = {**raw.settings, "backdrop": {**raw.settings["backdrop"], "title": DELEGATES}}
    import attrs

    fixed = attrs.evolve(ev, areas=tuple(
        a if a.key != KEY else attrs.evolve(a, settings=settings_) for a in ev.areas
    ))  # fmt: skip
    report = venue_ready.assess(fixed, as_of=AS_OF, plugins=every)
    (area,) = (a for a in report.to_dict("vi")["areas"] if a["key"] == KEY)
    (title,) = (f for f in area["findings"] if f["code"] == "decoration.backdrop-title")
    assert title["credit"] == 1.0
    assert title["message"]["text"] == f'Tiêu đề phông sân khấu đúng tên chính thức: "{DELEGATES}"'


# -- the layouts a backdrop may be printed in ------------------------------------------------------


@pytest.mark.parametrize(
    "printed",
    [
        "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ PHƯỜNG NGỌC THỤY\nLẦN THỨ XXII, NHIỆM KỲ 2020 - 2025",
        "ĐẠI HỘI ĐẠI BIỂU\nĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXII\nNHIỆM KỲ 2020 - 2025",
        "Đại hội đại biểu Đảng bộ phường Ngọc Thụy lần thứ XXII nhiệm kỳ 2020 – 2025",
        "ĐẠI HỘI  ĐẠI BIỂU ĐẢNG BỘ PHƯỜNG NGỌC THUỴ LẦN THỨ XXII,  NHIỆM KỲ 2020—2025",
    ],
)
def test_every_correct_layout_passes(printed: str) -> None:
    f = one(event(with_backdrop(printed), form="delegates"), "decoration.backdrop-title")
    assert f["credit"] == 1.0


@pytest.mark.parametrize(
    ("printed", "message"),
    [
        (DELEGATES.replace("XXII", "XXIII"), "decoration.backdrop-title-ordinal"),
        (DELEGATES.replace("2020 - 2025", "2015 - 2020"), "decoration.backdrop-title-term"),
        (DELEGATES.replace("NGỌC THỤY", "NGỌC LÂM"), "decoration.backdrop-title-organisation"),
        (SHORT.replace("XXII", "XXI"), "decoration.backdrop-title-ordinal"),
    ],
)  # fmt: skip
def test_a_wrong_ordinal_name_or_term_is_still_caught_whatever_the_layout(
    printed: str, message: str
) -> None:
    split = printed.replace(" LẦN THỨ", "\nLẦN THỨ").replace(", NHIỆM KỲ", "\nNHIỆM KỲ")
    f = one(event(with_backdrop(split), form="delegates"), "decoration.backdrop-title")
    assert (f["credit"], f["message"]["id"]) == (0.0, message)


_SEPARATORS = st.sampled_from([" ", "  ", "\n", " \n ", "\r\n"])
_COMMAS = st.sampled_from([", ", ",", " , ", ",\n", "\n", " "])
_DASHES = st.sampled_from(["-", " - ", "\u2013", " \u2013 ", "\u2014", " \u2014 "])


def _layout(draw: Any, ordinal: str, term: tuple[int, int], long: bool) -> str:
    words = ["ĐẠI HỘI", *(["ĐẠI BIỂU"] if long else []), "ĐẢNG BỘ PHƯỜNG NGỌC THỤY",
             f"LẦN THỨ {ordinal}"]  # fmt: skip
    text = "".join(w + draw(_SEPARATORS) for w in words[:-1]) + words[-1]
    text += draw(_COMMAS) + f"NHIỆM KỲ {term[0]}{draw(_DASHES)}{term[1]}"
    return text.lower() if draw(st.booleans()) else text


@settings(deadline=None, max_examples=40)
@given(data=st.data())
def test_any_layout_of_the_right_title_passes(data: st.DataObject) -> None:
    printed = _layout(data.draw, "XXII", (2020, 2025), data.draw(st.booleans()))
    f = one(event(with_backdrop(printed), form="delegates"), "decoration.backdrop-title")
    assert f["credit"] == 1.0, printed


@settings(deadline=None, max_examples=40)
@given(data=st.data(), number=st.integers(1, 60).filter(lambda n: n != 22))
def test_any_layout_of_a_wrong_ordinal_is_named(data: st.DataObject, number: int) -> None:
    printed = _layout(data.draw, roman(number), (2020, 2025), data.draw(st.booleans()))
    f = one(event(with_backdrop(printed), form="delegates"), "decoration.backdrop-title")
    assert f["message"]["id"] == "decoration.backdrop-title-ordinal", printed
    assert f'printed "lần thứ {roman(number)}", should be "lần thứ XXII"' in f["en"]


@settings(deadline=None, max_examples=30)
@given(data=st.data(), start=st.integers(1990, 2040).filter(lambda y: y != 2020))
def test_any_layout_of_a_wrong_term_is_named(data: st.DataObject, start: int) -> None:
    printed = _layout(data.draw, "XXII", (start, start + 5), data.draw(st.booleans()))
    f = one(event(with_backdrop(printed), form="delegates"), "decoration.backdrop-title")
    assert f["message"]["id"] == "decoration.backdrop-title-term", printed


# -- other kinds' titles ---------------------------------------------------------------------------

FRONT = "MẶT TRẬN TỔ QUỐC VIỆT NAM PHƯỜNG NGỌC THỤY"
FRONT_TITLE = f"ĐẠI HỘI ĐẠI BIỂU {FRONT} LẦN THỨ XII, NHIỆM KỲ 2024 - 2029"


def front(settings_: str = "") -> Event:
    return event(
        settings_,
        kind="congress",
        name="Đại hội đại biểu Mặt trận Tổ quốc Việt Nam phường Ngọc Thụy lần thứ XII",
        ordinal="XII",
        term="2024-2029",
    )


def test_another_organisations_congress_has_its_delegates_title() -> None:
    f = one(front(with_backdrop(FRONT_TITLE)), "decoration.backdrop-title")
    assert f["credit"] == 1.0
    wrong = FRONT_TITLE.replace("NGỌC THỤY", "GIA THỤY")
    f = one(front(with_backdrop(wrong)), "decoration.backdrop-title")
    assert f["message"]["id"] == "decoration.backdrop-title-name"
    assert "sai tên đơn vị" in f["vi"]
    # the organisation's name a setting, for a name that does not give it
    youth = "Đoàn TNCS Hồ Chí Minh phường Ngọc Thụy"
    ev = event(
        with_backdrop(
            "ĐẠI HỘI ĐẠI BIỂU ĐOÀN TNCS HỒ CHÍ MINH PHƯỜNG NGỌC THỤY\n"
            "LẦN THỨ V, NHIỆM KỲ 2022 - 2027",
            organisation=q(youth),
        ),
        kind="congress",
        name="Đại hội Đoàn phường",
        ordinal="V",
        term="2022-2027",
    )
    assert one(ev, "decoration.backdrop-title")["credit"] == 1.0


COUNCIL = "KỲ HỌP THỨ 5 HỘI ĐỒNG NHÂN DÂN PHƯỜNG NGỌC THỤY KHÓA XVIII, NHIỆM KỲ 2021 - 2026"


def council(settings_: str = "", **kw: Any) -> Event:
    return event(
        settings_,
        kind="council-session",
        name="Kỳ họp thứ 5 Hội đồng nhân dân phường Ngọc Thụy khóa XVIII",
        ordinal="XVIII",
        term="2021-2026",
        **kw,
    )


def test_a_council_session_has_its_title_and_a_wrong_term_number_is_named() -> None:
    f = one(council(with_backdrop(COUNCIL)), "decoration.backdrop-title")
    assert f["credit"] == 1.0
    f = one(council(with_backdrop(COUNCIL.replace("XVIII", "XVII"))), "decoration.backdrop-title")
    assert f["message"]["id"] == "decoration.backdrop-title-khoa"
    assert 'sai khóa Hội đồng nhân dân (in "khóa XVII", đúng là "khóa XVIII")' in f["vi"]
    f = one(council(with_backdrop(COUNCIL.replace("THỨ 5", "THỨ 6"))), "decoration.backdrop-title")
    assert f["credit"] == 0.0
    # the session's number a setting, as printed
    ev = council(with_backdrop(COUNCIL.replace("THỨ 5", "THỨ NĂM"), session=q("năm")))
    assert one(ev, "decoration.backdrop-title")["credit"] == 1.0


def test_a_comma_in_the_councils_name_is_no_part_of_its_organisation() -> None:
    """The name "… phường Ngọc Thụy, khóa XVIII" (as `init` writes it) gives the same official
    title as without the comma: "PHƯỜNG NGỌC THỤY KHÓA XVIII", not "NGỌC THỤY, KHÓA"."""
    wrong = COUNCIL.replace("NGỌC THỤY", "NGỌC LÂM")
    ev = council(with_backdrop(wrong))
    named = attrs.evolve(ev, name="Kỳ họp thứ 5 Hội đồng nhân dân phường Ngọc Thụy, khóa XVIII")
    f = one(named, "decoration.backdrop-title")
    assert "PHƯỜNG NGỌC THỤY KHÓA XVIII" in f["vi"], f["vi"]  # the official title, quoted
    assert "THỤY, KHÓA" not in f["vi"]


def test_an_election_checks_the_polling_areas_sign() -> None:
    def election(settings_: str) -> Event:
        return event(settings_, kind="election", name="Bầu cử tại phường", ordinal=None, term=None)

    f = one(election(with_backdrop("KHU VỰC BỎ PHIẾU SỐ 3", polling_area="3")),
            "decoration.backdrop-title")  # fmt: skip
    assert f["credit"] == 1.0
    f = one(election(with_backdrop("KHU VỰC BỎ PHIẾU SỐ 4", polling_area="3")),
            "decoration.backdrop-title")  # fmt: skip
    assert f["credit"] == 0.0
    f = one(election(with_backdrop("KHU VỰC BỎ PHIẾU SỐ 4")), "decoration.backdrop-title")
    assert f["assessed"] is False
    assert "[areas.decoration.settings] polling_area" in f["en"]


@pytest.mark.parametrize("kind", ["conference", "ceremony"])
def test_a_conference_or_ceremony_checks_a_title_only_when_the_settings_give_one(kind: str) -> None:
    ev = event(with_backdrop("HỘI NGHỊ TỔNG KẾT"), kind=kind, name="Hội nghị", ordinal=None)
    assert "decoration.backdrop-title" not in codes(ev)
    title = q("Hội nghị tổng kết công tác năm 2020")
    ev = event(with_backdrop("HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2020", title=title), kind=kind,
               name="Hội nghị", ordinal=None)  # fmt: skip
    assert one(ev, "decoration.backdrop-title")["credit"] == 1.0
    ev = event(with_backdrop("HỘI NGHỊ TỔNG KẾT CÔNG TÁC NĂM 2019", title=title), kind=kind,
               name="Hội nghị", ordinal=None)  # fmt: skip
    assert one(ev, "decoration.backdrop-title")["credit"] == 0.0


# -- the stage and the flags, by organiser and term ------------------------------------------------

STAGE = "[areas.decoration.settings.stage]\n"


def stage_subjects(ev: Event) -> list[str]:
    return [f["subject"] for f in findings(ev) if f["code"] == "decoration.stage-element"]


def test_each_organisers_stage_has_its_own_elements() -> None:
    assert stage_subjects(event()) == [
        "top_slogan", "party_flag", "national_flag", "marx_lenin", "ho_chi_minh", "flowers"
    ]  # fmt: skip
    assert stage_subjects(council()) == ["national_flag", "ho_chi_minh", "flowers"]
    assert stage_subjects(front()) == [
        "national_flag", "organisation_flag", "ho_chi_minh", "flowers"
    ]  # fmt: skip
    # a conference the Party committee holds has a Party stage
    party_conference = event(kind="conference", name="Hội nghị", organiser="party")
    assert "party_flag" in stage_subjects(party_conference)


def test_a_state_events_national_flag_hangs_in_the_centre() -> None:
    f = one(council(STAGE + 'national_flag_side = "center"\n'), "decoration.flag-layout")
    assert (f["credit"], f["en"]) == (1.0, "The national flag hangs in the centre of the stage")
    assert f["vi"] == "Cờ Tổ quốc treo chính giữa sân khấu"
    f = one(council(STAGE + 'national_flag_side = "left"\n'), "decoration.flag-layout")
    assert f["credit"] == 0.0
    assert "Đảng" not in f["vi"]  # no Party flag claimed
    assert "Party" not in f["en"]
    f = one(council(), "decoration.flag-layout")
    assert f["assessed"] is False
    assert "Party" not in f["en"]


def test_another_organisations_flags_are_not_laid_out_by_the_party_rules() -> None:
    assert "decoration.flag-layout" not in codes(front(STAGE + 'national_flag_side = "left"\n'))


def test_a_2020_party_stage_has_the_party_flag_left_and_the_national_flag_right() -> None:
    f = one(event(STAGE + 'party_flag_side = "left"\nnational_flag_side = "right"\n'),
            "decoration.flag-layout")  # fmt: skip
    assert f["credit"] == 1.0
    assert "trước Quy định 99-QĐ/TW năm 2023" in f["vi"]  # which rules it applied
    f = one(event(STAGE + 'party_flag_side = "center"\nnational_flag_side = "center"\n'),
            "decoration.flag-layout")  # fmt: skip
    assert f["credit"] == 0.0


def party_2025(settings_: str) -> Event:
    return event(
        settings_,
        name="Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXIII, nhiệm kỳ 2025 - 2030",
        ordinal="XXIII",
        term="2025-2030",
    )


def test_a_term_from_2025_follows_quy_dinh_99_both_flags_on_the_left() -> None:
    f = one(party_2025(STAGE + 'party_flag_side = "left"\nnational_flag_side = "left"\n'),
            "decoration.flag-layout")  # fmt: skip
    assert f["credit"] == 1.0
    assert "Quy định 99-QĐ/TW ngày 27/02/2023" in f["vi"]
    assert "nhìn từ dưới lên" in f["vi"]
    f = one(party_2025(STAGE + 'party_flag_side = "center"\nnational_flag_side = "center"\n'),
            "decoration.flag-layout")  # fmt: skip
    assert f["credit"] == 1.0
    assert "105-HD/BTGTW" in f["vi"]
    # the 2020 layout is wrong under the 2023 rules
    f = one(party_2025(STAGE + 'party_flag_side = "left"\nnational_flag_side = "right"\n'),
            "decoration.flag-layout")  # fmt: skip
    assert f["credit"] == 0.0
    assert f["vi"].startswith("Theo Quy định 99-QĐ/TW")
    f = one(party_2025(""), "decoration.flag-layout")
    assert f["assessed"] is False
    assert "Quy định 99-QĐ/TW" in f["en"]


def test_slogans_follow_the_term_and_the_kind() -> None:
    banner = (
        "[[areas.decoration.settings.banners]]\nid = 's'\nlocation = 'Cổng'\nkind = 'slogan'\n"
        "text = 'Nhiệt liệt chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2020-2025!'\n"
    )
    assert one(event(banner), "decoration.slogan-unofficial")["credit"] == 1.0
    assert one(party_2025(banner), "decoration.slogan-unofficial")["credit"] == 0.0
    assert "decoration.slogan-unofficial" not in codes(council(banner))  # no list: not checked


# -- owners per kind -------------------------------------------------------------------------------


def owner_of(ev: Event, code: str, lang: str = "vi") -> str:
    return next(f["owner"] for f in findings(ev, lang) if f["code"] == code)


def test_default_owners_follow_the_kind_and_the_organiser() -> None:
    assert owner_of(event(), "decoration.backdrop-installed") == "Tiểu ban Phục vụ"
    assert owner_of(event(), "decoration.banner-installed") == "Tiểu ban Tuyên truyền"
    assert owner_of(council(), "decoration.backdrop-installed") == "Văn phòng HĐND - UBND phường"
    election = event(kind="election", name="Bầu cử", ordinal=None, term=None)
    assert owner_of(election, "decoration.backdrop-installed") == "Tổ bầu cử"
    assert owner_of(election, "decoration.panels") == "Ủy ban nhân dân phường"
    assert owner_of(election, "decoration.panels", "en") == "Ward People's Committee"
    ceremony = event(kind="ceremony", name="Lễ kỷ niệm", ordinal=None, organiser="party")
    assert owner_of(ceremony, "decoration.backdrop-installed") == "Văn phòng Đảng ủy"


def test_owners_are_settings() -> None:
    ev = council('owner_stage = "Công chức Văn phòng - Thống kê"\nowner_propaganda = "Đài"\n')
    assert owner_of(ev, "decoration.backdrop-installed") == "Công chức Văn phòng - Thống kê"
    assert owner_of(ev, "decoration.banner-installed") == "Đài"


# -- every rule runs for its kinds only ------------------------------------------------------------


def test_the_led_rule_runs_for_a_party_congress_only() -> None:
    assert rule_kinds(RULES[1]) == frozenset({"party-congress"})
    assert "decoration.backdrop-led" in codes(event())
    for kind in BUILTIN_KINDS:
        if kind != "party-congress":
            ev = event(kind=kind, name="Sự kiện", ordinal=None, term=None)
            assert "decoration.backdrop-led" not in codes(ev), kind


def test_panels_and_posters_are_checked_for_congresses_and_elections_or_where_recorded() -> None:
    for kind in BUILTIN_KINDS:
        found = codes(event(kind=kind, name="Sự kiện", ordinal=None, term=None))
        expected = kind in ("party-congress", "congress", "election")
        assert ("decoration.panels" in found) is expected, kind
    recorded = "[areas.decoration.settings.propaganda]\npanels_planned = 2\npanels_installed = 2\n"
    assert "decoration.panels" in codes(event(recorded, kind="ceremony", name="Lễ", ordinal=None))


@pytest.mark.parametrize("kind", sorted(BUILTIN_KINDS))
def test_an_event_of_every_kind_is_assessed_without_error(kind: str) -> None:
    ev = event(kind=kind, name="Sự kiện", ordinal=None, term=None)
    found = findings(ev)
    assert found  # the backdrop, the stage, the banners at least
    assert "decoration.backdrop-installed" in {f["code"] for f in found}
    # no Party element is asked of a State event
    if ev.organiser == "state":
        assert not {"party_flag", "marx_lenin", "top_slogan"} & {f["subject"] for f in found}
