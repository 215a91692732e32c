"""The ward radio area's template checklist and settings example, for new event files."""

from __future__ import annotations

from venue_ready import Bodies, Message, Role, TemplateItem, template_item

__all__ = [
    "APPROVERS",
    "APPROVER_WORDS",
    "COMPETENT",
    "KEY",
    "KIND_WORDS",
    "RADIO",
    "ROLES",
    "SETTINGS_EXAMPLE",
    "TEMPLATE",
    "owner_role",
]

#: The area's key: the prefix of its template items, Finding codes and message ids.
KEY = "broadcast"

#: Owner roles, every one in ROLES for the catalog (messages.py): the radio answers for its
#: work when the data names no one; the Party committee's propaganda side owns the plan, and the
#: ward Party committee approves the schedule and the content (broadcasts about a Party congress
#: are the Party committee's to approve, not the People's Committee's: the seed article, "Đảng ủy
#: phường đã chỉ đạo Đài truyền thanh phường tuyên truyền ... về Đại hội").
COMMITTEE, PEOPLES_COMMITTEE = Bodies.PARTY_COMMITTEE, Bodies.PEOPLES_COMMITTEE  # the core's
RADIO, PROPAGANDA, STANDING_BODY, COMPETENT = ROLES = (
    Role("broadcast.role.radio", "Đài truyền thanh phường", "Ward radio station"),
    Role(
        "broadcast.role.propaganda", "Ban Tuyên giáo Đảng ủy", "Party committee's propaganda board"
    ),
    Role(
        "broadcast.role.standing-body",
        "Ban Thường vụ (Ban Thường trực) của tổ chức",
        "The organisation's standing body",
    ),
    # the approver of an event whose kind says no organiser (a plugin's kind)
    Role("broadcast.role.competent", "cấp có thẩm quyền", "the competent body"),
)

#: Who approves what the radio says, by whose event it is (``event.organiser``), when the
#: ``approver`` setting names no one: the Party committee for a Party event (#19), the People's
#: Committee for a state event (an election, a council session, a conference, a ceremony), the
#: organisation's standing body for another organisation's congress (the Fatherland Front's
#: Ban Thường trực, the Youth Union's Ban Thường vụ). Only the first follows from the seed
#: article; the other two are the project's defaults (unverified).
APPROVERS = {"party": COMMITTEE, "state": PEOPLES_COMMITTEE, "organisation": STANDING_BODY}
#: With no ``approver`` set, an approval counts when ``approved_by`` names one of these bodies
#: (compared as ``fold_name`` compares names): "Đảng ủy phường Ngọc Thụy", "Ban Thường vụ Đảng ủy"
#: for a Party event; "UBND phường" for a state event; "Ban Thường trực Ủy ban MTTQ phường" for
#: another organisation's.
APPROVER_WORDS = {
    "party": ("Đảng ủy", "Party committee"),
    "state": ("Ủy ban nhân dân", "UBND", "People's Committee"),
    "organisation": ("Ban Thường vụ", "Ban Thường trực", "standing committee", "standing body"),
}

#: How the messages name the event and its moments, by kind (``"event"``: a kind the project
#: does not know): what the radio talks about ("về Đại hội"), the day it is counted back from
#: ("trước ngày khai mạc"), its start ("trước khai mạc") and its end ("sau bế mạc"), in
#: Vietnamese and English. The catalog (messages.py) holds them as ``broadcast.word.PART.KIND``.
KIND_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    # an event held in a hall, which opens and closes
    **{
        kind: {
            "about": about,
            "start-day": ("ngày khai mạc", "the opening day"),
            "start": ("khai mạc", "the opening"),
            "end": ("bế mạc", "the closing"),
        }
        for kind, about in (
            ("party-congress", ("Đại hội", "the congress")),
            ("congress", ("Đại hội", "the congress")),
            ("council-session", ("kỳ họp", "the session")),
            ("conference", ("hội nghị", "the conference")),
        )
    },
    "election": {
        "about": ("cuộc bầu cử", "the election"),
        "start-day": ("ngày bầu cử", "election day"),
        "start": ("ngày bầu cử", "election day"),
        "end": ("khi kết thúc bỏ phiếu", "the close of the poll"),
    },
    "ceremony": {
        "about": ("buổi lễ", "the ceremony"),
        "start-day": ("ngày tổ chức buổi lễ", "the day of the ceremony"),
        "start": ("buổi lễ", "the ceremony"),
        "end": ("khi buổi lễ kết thúc", "the end of the ceremony"),
    },
    "event": {
        "about": ("sự kiện", "the event"),
        "start-day": ("ngày bắt đầu sự kiện", "the first day of the event"),
        "start": ("sự kiện", "the event"),
        "end": ("khi sự kiện kết thúc", "the end of the event"),
    },
}


def owner_role() -> Message:
    """The template's owner role as a message: the report names it in its own language."""
    return RADIO.owner


def _kind_items(kind: str) -> tuple[TemplateItem, ...]:
    """The plan, content and schedule of an event other than a Party congress, named as
    KIND_WORDS names it; another organisation's plan and schedule are its standing body's, a
    state event's the People's Committee's (APPROVERS)."""
    organiser = "organisation" if kind == "congress" else "state"
    approver = APPROVERS[organiser]
    about_vi, about_en = KIND_WORDS[kind]["about"]
    # the days the radio covers: an election's is its day, not the election as a whole
    days_vi, days_en = KIND_WORDS[kind]["start-day" if kind == "election" else "about"]
    approved_by_en = approver.en[0].lower() + approver.en[1:]  # "the ward People's Committee"
    if kind != "congress":
        approved_by_en = "the " + approved_by_en
    kinds = (kind,)
    return (
        template_item(
            "broadcast.plan",
            f"Kế hoạch tuyên truyền về {about_vi} trên hệ thống truyền thanh phường "
            f"(trước, trong và sau {days_vi})",
            f"Plan for the ward radio's coverage of {about_en} (before, during and after)",
            approver,
            14,
            kinds=kinds,
        ),
        template_item(
            "broadcast.content",
            f"Biên tập tin, bài, khẩu hiệu tuyên truyền về {about_vi}",
            f"News items, articles and slogans about {about_en} written and edited",
            RADIO,
            8,
            kinds=kinds,
        ),
        template_item(
            "broadcast.schedule",
            f"Lịch phát thanh trước, trong và sau {days_vi} được "
            f"{'Ban Thường vụ (Ban Thường trực)' if kind == 'congress' else approver.vi} duyệt",
            f"Broadcast schedule before, during and after {days_en} approved by {approved_by_en}",
            RADIO,
            8,
            # the standing body's name differs from one organisation to another: no sign-off
            # name to require
            requires_signoff=None if kind == "congress" else approver.vi,
            kinds=kinds,
        ),
    )


#: The area's items, each for the kinds it names: the plan, the content and the schedule name
#: the event (a row per kind, the same id: ``init --template KIND`` writes the row of that
#: kind); the equipment is the same for every kind.
TEMPLATE = (
    # kinds, id, Vietnamese title, English title, owner, lead days
    template_item(
        "broadcast.plan",
        "Kế hoạch tuyên truyền về Đại hội trên hệ thống truyền thanh phường "
        "(trước, trong và sau Đại hội)",
        "Plan for the ward radio's coverage of the congress (before, during and after)",
        PROPAGANDA, 14, kinds=("party-congress",)
    ),
    template_item(
        "broadcast.equipment",
        "Kiểm tra, sửa chữa cụm loa, bộ khuếch đại và đường dây truyền thanh",
        "Loudspeaker clusters, amplifiers and lines checked and repaired",
        RADIO, 7, kinds=()
    ),
    template_item(
        "broadcast.content",
        "Biên tập tin, bài, khẩu hiệu tuyên truyền về Đại hội",
        "News items, articles and slogans about the congress written and edited",
        RADIO, 8, kinds=("party-congress",)
    ),
    template_item(
        "broadcast.schedule",
        "Lịch phát thanh trước, trong và sau Đại hội được Đảng ủy phường duyệt",
        "Broadcast schedule before, during and after the congress approved by the ward Party "
        "committee",
        RADIO, 8, requires_signoff=COMMITTEE.vi, kinds=("party-congress",)
    ),
    *(
        item
        for kind in ("congress", "election", "council-session", "conference", "ceremony")
        for item in _kind_items(kind)
    ),
)  # fmt: skip

# The body of [areas.broadcast.settings]: every setting at its default, and the schedule and
# the clusters as commented examples (their keys sit under [areas.broadcast.settings], so the
# headers are written out in full). It names no zone or entrance, so it is valid for any event.
SETTINGS_EXAMPLE = """\
# Ngày đầu tiên phải có buổi phát thanh hằng ngày, tính ngược từ ngày khai mạc
# (first day of daily broadcasts, counted back from the opening day)
daily_from_days = 7
# Ngày trong tuần không phát thanh, ví dụ ["sunday"] (weekdays with no broadcast)
rest_days = []
# Nội dung mỗi buổi phải được duyệt trước giờ phát bao nhiêu giờ (approval lead, hours)
approval_lead_hours = 24
# Tin kết quả Đại hội phát trong vòng bao nhiêu ngày sau bế mạc (results within, days)
results_within_days = 3
# Số buổi phát tối đa mỗi ngày: quy định của Hà Nội (2021) là 2; trong các đợt tuyên truyền
# chính trị có nơi phát đến 5 buổi (broadcasts a day at most: a local rule)
max_per_day = 2
# Thời lượng tối đa mỗi buổi, phút (minutes a broadcast at most)
max_minutes = 15
# Tỷ lệ cụm loa hoạt động tối thiểu (share of loudspeaker clusters that must work)
min_working_ratio = 0.9
# Cụm loa phải hoạt động tốt trước khai mạc bao nhiêu ngày (clusters ready, days before)
clusters_lead_days = 3
# Lần kiểm tra cụm loa cũ hơn bấy nhiêu ngày trước khai mạc thì phải kiểm tra lại
# (a check older than this many days before the opening is stale)
clusters_check_days = 7
# Người phụ trách lịch phát thanh (who is in charge of the schedule)
# owner = "Đài truyền thanh phường"
# Các buổi phát bắt buộc; không ghi thì theo loại sự kiện: Đại hội: daily, opening, closing,
# results; kỳ họp HĐND, hội nghị: opening, closing; bầu cử: daily, reminder, results; lễ kỷ
# niệm, mít tinh: daily, reminder (the slots required; by default the event kind's)
# required = ["daily", "opening", "closing", "results"]
# Số buổi nhắc tối thiểu trong mỗi ngày diễn ra sự kiện; ngày bầu cử mặc định 2
# (reminders a day of the event at least; 2 on election day, else 1)
# reminders_per_day = 1
# Cấp duyệt nội dung; mặc định: Đảng ủy phường (sự kiện của Đảng), Ủy ban nhân dân phường
# (sự kiện của Nhà nước), Ban Thường vụ hoặc Ban Thường trực của tổ chức (Đại hội của tổ chức
# khác) (who approves the content; by default whose event it is)
# approver = "Đảng ủy phường"

# Cụm loa (loudspeaker clusters):
# [areas.broadcast.settings.clusters]
# total = 24
# working = 22
# checked = 2020-05-12
# owner = "Đài truyền thanh phường"

# Mỗi buổi phát một bảng (one table per broadcast); kind: daily, opening, reminder, closing,
# results, other. Hai khóa approved_by và approved_on ghi việc duyệt nội dung (nội dung tuyên
# truyền về Đại hội do Đảng ủy phường duyệt); aired ghi ngày giờ đã phát. (Who approved
# the content and when, approved_by and approved_on: the ward Party committee for a congress;
# when it went out, aired.)
# [[areas.broadcast.settings.slots]]
# id = "d-2020-05-08"
# at = 2020-05-08T06:00:00+07:00
# kind = "daily"
# content = "Chào mừng Đại hội Đảng bộ phường lần thứ XXII"
# minutes = 15
# approved_by = "Đảng ủy phường"
# approved_on = 2020-05-06
# aired = 2020-05-08T06:00:00+07:00
"""
