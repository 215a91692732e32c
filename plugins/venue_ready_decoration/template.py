"""The decoration area's template checklist and its settings example, for new event files.

The template holds the plain work items that no rule can derive from data (the plan, the
proof of the backdrop, the music for the flag ceremony); the derived rules (title, stage,
banners, panels and posters) come from the settings instead.
"""

from __future__ import annotations

from datetime import date

from venue_ready import Bodies, Phase, Role, TemplateItem, template_item

#: The first opening days of the 2025 - 2030 and 2030 - 2035 terms (an event opening in 2025
#: belongs to the term 2025 - 2030, as ``init`` counts a term): a Party congress's slogans
#: follow its term's propaganda guidance, Công văn 8355-CV/BTGTW (01/04/2020) for 2020 - 2025,
#: Hướng dẫn 24-HD/BTGDVTW (29/07/2025) for 2025 - 2030, a guidance still to come later.
TERM_2025, TERM_2030 = date(2025, 1, 1), date(2030, 1, 1)

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "decoration"

#: Owner roles, used by the rules when the settings name no owner (``owner_stage``,
#: ``owner_propaganda``); every one in ROLES for the catalog (messages.py). A congress's
#: sub-committees; the Party committee's office; the People's Council and Committee's office and
#: the People's Committee (a State event); the election team of a polling area; the organising
#: committee of another organisation's event.
ROLE_PROPAGANDA, ROLE_PARTY_OFFICE = ROLES = (
    Role("decoration.role.propaganda", "Tiểu ban Tuyên truyền", "Propaganda sub-committee"),
    Role("decoration.role.party-office", "Văn phòng Đảng ủy", "Office of the Party committee"),
)
# the ward's bodies every area names, named once by the core
ROLE_SERVICE = Bodies.SERVICE
ROLE_STATE_OFFICE = Bodies.STATE_OFFICE
ROLE_PEOPLES_COMMITTEE = Bodies.PEOPLES_COMMITTEE
ROLE_ELECTION_TEAM = Bodies.ELECTION_TEAM
ROLE_ORGANISING = Bodies.ORGANISERS

#: The default owners (the stage and backdrop's, the banners and propaganda's) by kind of event;
#: a kind not listed takes its organiser's (OWNERS_BY_ORGANISER).
OWNERS_BY_KIND: dict[str, tuple[Role, Role]] = {
    "party-congress": (ROLE_SERVICE, ROLE_PROPAGANDA),
    "congress": (ROLE_SERVICE, ROLE_PROPAGANDA),
    "election": (ROLE_ELECTION_TEAM, ROLE_PEOPLES_COMMITTEE),
    "council-session": (ROLE_STATE_OFFICE, ROLE_STATE_OFFICE),
}
OWNERS_BY_ORGANISER: dict[str, tuple[Role, Role]] = {
    "party": (ROLE_PARTY_OFFICE, ROLE_PARTY_OFFICE),
    "state": (ROLE_STATE_OFFICE, ROLE_PEOPLES_COMMITTEE),
    "organisation": (ROLE_ORGANISING, ROLE_ORGANISING),
}


#: How the titles name the event of a state kind (the People's Committee's): "sau kỳ họp".
_STATE_NOUNS = {
    "council-session": ("kỳ họp", "the session"),
    "conference": ("hội nghị", "the conference"),
    "ceremony": ("buổi lễ", "the ceremony"),
}


def _state_items(kind: str) -> tuple[TemplateItem, ...]:
    """A state event's items: its owners are the organiser's (OWNERS_BY_KIND, else
    OWNERS_BY_ORGANISER), and the titles name it ("kỳ họp", "hội nghị", "buổi lễ")."""
    stage, propaganda = OWNERS_BY_KIND.get(kind, OWNERS_BY_ORGANISER["state"])
    vi, en = _STATE_NOUNS[kind]
    kinds = (kind,)
    return (
        template_item(
            "decoration.plan",
            f"Kế hoạch trang trí khánh tiết và tuyên truyền {vi}",
            f"Plan for the decoration and propaganda of {en}",
            propaganda,
            21,
            kinds=kinds,
        ),
        template_item(
            "decoration.slogan-list",
            "Danh sách khẩu hiệu tuyên truyền được Ủy ban nhân dân phường duyệt",
            "Slogan list approved by the ward People's Committee",
            propaganda,
            10,
            kinds=kinds,
        ),
        template_item(
            "decoration.backdrop-proof",
            f"Duyệt maket phông sân khấu, đối chiếu tiêu đề với tên chính thức của {vi}",
            f"Proof of the stage backdrop checked against the official title of {en}",
            stage,
            5,
            kinds=kinds,
        ),
        template_item(
            "decoration.flag-ceremony",
            "Nhạc Quốc ca cho nghi thức chào cờ khai mạc",
            "National anthem for the opening flag ceremony",
            stage,
            1,
            gate=True,
            kinds=kinds,
        ),
        template_item(
            "decoration.take-down",
            f"Tháo dỡ, thu hồi pa nô, băng rôn sau {vi}",
            f"Panels and banners taken down after {en}",
            propaganda,
            phase=Phase.AFTER,
            kinds=kinds,
        ),
    )


#: The area's items, each for the kinds it names: an item that differs by kind is a row per
#: kind (the same id), and ``init --template KIND`` writes the row of that kind. A Party
#: congress's and another organisation's congress's are the same but for the slogans (the
#: Party's Công văn 8355-CV/BTGTW) and the Internationale (the Party's only).
TEMPLATE = (
    # kinds, id, Vietnamese title, English title, owner, lead days; then a gate or a phase
    template_item(
        "decoration.plan",
        "Kế hoạch trang trí khánh tiết và tuyên truyền Đại hội",
        "Plan for the congress's decoration and propaganda",
        ROLE_PROPAGANDA, 21, kinds=("party-congress", "congress")
    ),
    template_item(
        "decoration.slogan-list",
        "Danh sách khẩu hiệu theo Công văn 8355-CV/BTGTW được Ban Thường vụ duyệt",
        "Slogan list (after Công văn 8355-CV/BTGTW) approved by the standing committee",
        ROLE_PROPAGANDA, 10, kinds=("party-congress",), until=TERM_2025
    ),
    template_item(
        "decoration.slogan-list",
        "Danh sách khẩu hiệu theo Hướng dẫn 24-HD/BTGDVTW được Ban Thường vụ duyệt",
        "Slogan list (after Hướng dẫn 24-HD/BTGDVTW) approved by the standing committee",
        ROLE_PROPAGANDA, 10, kinds=("party-congress",), since=TERM_2025, until=TERM_2030
    ),
    template_item(
        "decoration.slogan-list",
        "Danh sách khẩu hiệu theo hướng dẫn tuyên truyền của Trung ương cho nhiệm kỳ được "
        "Ban Thường vụ duyệt",
        "Slogan list (after the central propaganda guidance for the term) approved by the "
        "standing committee",
        ROLE_PROPAGANDA, 10, kinds=("party-congress",), since=TERM_2030
    ),
    template_item(
        "decoration.slogan-list",
        "Danh sách khẩu hiệu chào mừng Đại hội được Ban Thường vụ (Ban Thường trực) duyệt",
        "Slogan list for the congress approved by the organisation's standing body",
        ROLE_PROPAGANDA, 10, kinds=("congress",)
    ),
    template_item(
        "decoration.backdrop-proof",
        "Duyệt maket phông sân khấu, đối chiếu tiêu đề với tên chính thức của Đại hội",
        "Proof of the stage backdrop checked against the congress's official title",
        ROLE_SERVICE, 5, kinds=("party-congress", "congress")
    ),
    template_item(
        "decoration.flag-ceremony",
        "Nhạc Quốc ca, Quốc tế ca cho nghi thức chào cờ khai mạc và bế mạc",
        "National anthem and Internationale for the opening and closing flag ceremonies",
        ROLE_SERVICE, 1, gate=True, kinds=("party-congress",)
    ),
    template_item(
        "decoration.flag-ceremony",
        "Nhạc Quốc ca cho nghi thức chào cờ khai mạc",
        "National anthem for the opening flag ceremony",
        ROLE_SERVICE, 1, gate=True, kinds=("congress",)
    ),
    template_item(
        "decoration.take-down",
        "Tháo dỡ, thu hồi pa nô, băng rôn sau Đại hội",
        "Panels and banners taken down after the congress",
        ROLE_PROPAGANDA, phase=Phase.AFTER, kinds=("party-congress", "congress")
    ),
    # an election day: the polling area's sign, not a stage backdrop
    template_item(
        "decoration.plan",
        "Kế hoạch trang trí khu vực bỏ phiếu và tuyên truyền về cuộc bầu cử",
        "Plan for the polling area's decoration and the election's propaganda",
        ROLE_PEOPLES_COMMITTEE, 21, kinds=("election",)
    ),
    template_item(
        "decoration.slogan-list",
        "Danh sách khẩu hiệu tuyên truyền về cuộc bầu cử được Ủy ban nhân dân phường duyệt",
        "Slogan list for the election approved by the ward People's Committee",
        ROLE_PEOPLES_COMMITTEE, 10, kinds=("election",)
    ),
    template_item(
        "decoration.backdrop-proof",
        "Duyệt maket biển khu vực bỏ phiếu: đối chiếu với tên chính thức của cuộc bầu cử và "
        "số khu vực bỏ phiếu",
        "Proof of the polling area's sign checked against the election's official title and "
        "the polling area's number",
        ROLE_ELECTION_TEAM, 5, kinds=("election",)
    ),
    template_item(
        "decoration.flag-ceremony",
        "Nhạc Quốc ca cho nghi thức chào cờ trước giờ bắt đầu bỏ phiếu",
        "National anthem for the flag ceremony before the polls open",
        ROLE_ELECTION_TEAM, 1, gate=True, kinds=("election",)
    ),
    template_item(
        "decoration.take-down",
        "Tháo dỡ, thu hồi pa nô, băng rôn sau ngày bầu cử",
        "Panels and banners taken down after election day",
        ROLE_PEOPLES_COMMITTEE, phase=Phase.AFTER, kinds=("election",)
    ),
    *(item for kind in _STATE_NOUNS for item in _state_items(kind)),
)  # fmt: skip

#: The body of ``[areas.decoration.settings]`` that ``venue-ready init`` writes. Valid for any
#: event: the records (backdrop, stage, banners, panels) are commented-out examples.
SETTINGS_EXAMPLE = """\
# Thời hạn, tính bằng số ngày trước ngày khai mạc (hết ngày đó).
# Lead times, in whole days before the opening day (to the end of that day).
stage_lead_days = 1        # dựng phông, trang trí sân khấu / backdrop and stage dressed
banner_lead_days = 3       # treo băng rôn, khẩu hiệu / banners and slogans up
propaganda_lead_days = 7   # pa nô, tranh cổ động trên địa bàn / panels and posters up

# Đơn vị phụ trách mặc định theo loại sự kiện (Đại hội: Tiểu ban Phục vụ, Tiểu ban Tuyên
# truyền; bầu cử: Tổ bầu cử; kỳ họp HĐND: Văn phòng HĐND - UBND phường); ghi để thay:
# Default owners follow the kind of event (a congress's sub-committees, an election team, the
# People's Council office); name others here:
# owner_stage = "Tiểu ban Phục vụ"
# owner_propaganda = "Tiểu ban Tuyên truyền"

# Khẩu hiệu chính thức. Đại hội Đảng bộ nhiệm kỳ 2020 - 2025: mặc định 2 khẩu hiệu trích Công
# văn 8355-CV/BTGTW (01/04/2020, có 17 khẩu hiệu), dán đủ danh sách vào đây. Từ nhiệm kỳ 2025 -
# 2030: không có danh sách mặc định (chưa kiểm chứng), phải nhập danh sách khẩu hiệu của hướng
# dẫn tuyên truyền hiện hành (Hướng dẫn 24-HD/BTGDVTW, 29/07/2025), nếu không các khẩu hiệu
# chưa được đối chiếu.
# The official slogans. A 2020 - 2025 Party congress defaults to 2 of the 17 in Công văn
# 8355-CV/BTGTW (1 April 2020): paste the full list here. From the 2025 - 2030 term there is no
# default list (unverified): enter the current guidance's (Hướng dẫn 24-HD/BTGDVTW, 29 July
# 2025), or the slogans are not checked.
# official_slogans = ["Nhiệt liệt chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2020-2025!",
#   "Đảng Cộng sản Việt Nam quang vinh muôn năm!"]

# Tiêu đề chính thức được lập từ sự kiện (tên, lần thứ, nhiệm kỳ, hình thức đại hội). Ghi tên
# đơn vị khi tên sự kiện không có dạng "Đại hội <đơn vị> lần thứ ...":
# The official title is made from the event (name, ordinal, term, form). Set the organisation
# when the event's name does not read "Đại hội <organisation> lần thứ ...":
# organisation = "Đảng bộ phường Ngọc Thụy"
# Hoặc ghi mẫu tiêu đề ({organisation} viết hoa), hay chính tiêu đề (hội nghị, lễ kỷ niệm):
# Or the title's layout ({organisation} in capitals), or the title itself (a conference):
# title_format = "ĐẠI HỘI {organisation} LẦN THỨ {ordinal}, NHIỆM KỲ {term_start} - {term_end}"
# Số kỳ họp HĐND, số khu vực bỏ phiếu, như in trên phông, biển:
# The council session's number, the polling area's number, as printed:
# session = 5
# polling_area = 3

# Các thành phần sân khấu được kiểm tra (mặc định theo đơn vị tổ chức: Đảng, chính quyền, đoàn
# thể): / Which stage elements are checked (by default the organiser's):
# stage_elements = ["top_slogan", "party_flag", "national_flag", "marx_lenin", "ho_chi_minh",
#                   "flowers"]

# Phông chính: tiêu đề đúng như đã in, ngày dựng, phông in ("printed") hay màn hình LED ("led").
# The main backdrop: the title exactly as printed, the day it went up, "printed" or "led".
# backdrop.title = "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXII, NHIỆM KỲ 2020 - 2025"
# backdrop.installed = 2020-05-14
# backdrop.kind = "printed"

# Sân khấu: ngày đặt, treo từng thành phần; ghi dạng bảng khi có thời hạn riêng.
# The stage: the day each element was put in place; a table gives its own deadline.
# stage.top_slogan = 2020-05-14
# stage.party_flag = 2020-05-14
# stage.national_flag = 2020-05-14
# stage.marx_lenin = 2020-05-14
# stage.ho_chi_minh = 2020-05-14
# stage.ho_chi_minh_kind = "bust"          # tượng / bust, hoặc ảnh / or "portrait"
# stage.flowers = { due = 2020-05-15T06:30:00+07:00 }
# Vị trí cờ, nhìn từ dưới hội trường lên: "left", "right", "center".
# Where the flags hang, seen from the hall: "left", "right" or "center".
# stage.party_flag_side = "left"
# stage.national_flag_side = "right"

# Pa nô, tranh cổ động trên địa bàn. / Panels and posters across the ward.
# propaganda.panels_planned = 6
# propaganda.panels_installed = 6
# propaganda.posters_planned = 100
# propaganda.posters_installed = 100

# Băng rôn, khẩu hiệu, mỗi cái một khối (kind = "slogan" nếu là khẩu hiệu chính thức).
# Banners and slogans, one block each (kind = "slogan" for one of the official slogans):
# [[areas.decoration.settings.banners]]
# id = "slogan-welcome-gate"
# text = "Nhiệt liệt chào mừng đại hội đảng bộ các cấp nhiệm kỳ 2020-2025!"
# location = "Cổng trụ sở phường"
# kind = "slogan"
# approved_by = "Ban Thường vụ Đảng ủy"
# approved_on = 2020-05-05
# installed = 2020-05-12
"""
