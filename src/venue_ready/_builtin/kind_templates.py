"""The ``general`` area's template for the kinds of event other than a Party congress.

A Party congress's preconditions (the cells' congresses, the documents and the personnel work
the district comments on) are in :mod:`.checklist`; these are the same kind of list for the
other kinds the core knows: another organisation's congress, an election day at a polling area,
a People's Council session, a conference and a ceremony. ``init --template KIND`` writes the
items of that kind only (:attr:`TemplateItem.kinds`).

Lead times are the project's defaults, counted back from the opening (forward from the close for
``after`` items): plausible, not taken from a legal text, for the organisers to correct. The
titles name the bodies the way a ward's documents do; docs/glossary.md lists them.
"""

from __future__ import annotations

from typing import Any

from venue_ready import Bodies, Phase, Role, TemplateItem, template_item

__all__ = ["KIND_ROLES", "KIND_TEMPLATE"]

#: The bodies in charge of these items.
ORG_STANDING = Role(
    "checklist.role.org-standing",
    "Ban Thường trực của tổ chức",
    "The organisation's standing body",
)
PARTY_STANDING = Role(
    "checklist.role.party-standing",
    "Ban Thường vụ Đảng ủy phường",
    "Standing committee of the ward Party committee",
)
PEOPLES_COMMITTEE = Bodies.PEOPLES_COMMITTEE
ELECTION_TEAM = Bodies.ELECTION_TEAM
COUNCIL_STANDING = Role(
    "checklist.role.council-standing",
    "Thường trực Hội đồng nhân dân phường",
    "Standing board of the ward People's Council",
)
COUNCIL_BOARDS = Role(
    "checklist.role.council-boards",
    "Các Ban của Hội đồng nhân dân phường",
    "Committees of the ward People's Council",
)
OFFICE = Bodies.STATE_OFFICE
ORGANISERS = Bodies.ORGANISERS

#: Every role of this module, for the checklist's catalog.
KIND_ROLES = (ORG_STANDING, PARTY_STANDING, COUNCIL_STANDING, COUNCIL_BOARDS)


def _item(  # noqa: PLR0917 - a row of the tables below: kind, id, owner, lead, titles
    kind: str,
    item_id: str,
    owner: Role,
    lead_days: int,
    title_vi: str,
    title_en: str,
    **rules: Any,
) -> TemplateItem:
    return template_item(item_id, title_vi, title_en, owner, lead_days, kinds=(kind,), **rules)


_CONGRESS = (
    _item(
        "congress", "congress.plan", ORG_STANDING, 60,
        "Kế hoạch tổ chức Đại hội, được Ban Thường vụ Đảng ủy phường cho ý kiến",
        "Plan for the congress, commented on by the ward Party committee's standing committee",
        requires_signoff="Ban Thường vụ Đảng ủy phường",
    ),
    _item(
        "congress", "congress.branches", ORG_STANDING, 20,
        "Đại hội, hội nghị các chi hội, chi đoàn, ban công tác trực thuộc đã tổ chức xong",
        "Congresses or meetings of the subordinate branches held",
        gate=True,
    ),
    _item(
        "congress", "congress.delegates", ORG_STANDING, 15,
        "Bầu, cử đại biểu dự Đại hội đủ số lượng, cơ cấu",
        "Delegates to the congress elected or appointed, in number and composition",
        gate=True,
    ),
    _item(
        "congress", "congress.documents", ORG_STANDING, 30,
        "Dự thảo Báo cáo tổng kết nhiệm kỳ, phương hướng nhiệm vụ nhiệm kỳ tới",
        "Draft report on the term and the direction for the next term",
        gate=True,
    ),
    _item(
        "congress", "congress.documents-comments", ORG_STANDING, 20,
        "Lấy ý kiến đóng góp vào dự thảo báo cáo",
        "Comments gathered on the draft report",
    ),
    _item(
        "congress", "congress.personnel", ORG_STANDING, 10,
        "Đề án nhân sự khóa mới, được Ban Thường vụ Đảng ủy phường cho ý kiến",
        "Personnel plan for the new committee, commented on by the Party committee's standing "
        "committee",
        gate=True, requires_signoff="Ban Thường vụ Đảng ủy phường",
    ),
    _item(
        "congress", "congress.credentials", ORG_STANDING, 3,
        "Hồ sơ thẩm tra tư cách đại biểu",
        "Papers for checking the delegates' credentials",
    ),
    _item(
        "congress", "congress.programme", ORG_STANDING, 3,
        "Chương trình, kịch bản điều hành Đại hội",
        "Congress programme and running script",
    ),
    _item(
        "congress", "congress.report-up", ORG_STANDING, 7,
        "Báo cáo kết quả Đại hội lên cấp trên",
        "Results of the congress reported to the higher level",
        phase=Phase.AFTER,
    ),
)  # fmt: skip

_ELECTION = (
    _item(
        "election", "election.voter-list", PEOPLES_COMMITTEE, 40,
        "Niêm yết danh sách cử tri tại khu vực bỏ phiếu",
        "Voter list posted at the polling area",
        gate=True,
    ),
    _item(
        "election", "election.team", PEOPLES_COMMITTEE, 35,
        "Thành lập Tổ bầu cử của khu vực bỏ phiếu",
        "Polling team for the polling area set up",
        gate=True,
    ),
    _item(
        "election", "election.candidates-list", ELECTION_TEAM, 20,
        "Niêm yết danh sách, tiểu sử tóm tắt của những người ứng cử",
        "List and short biographies of the candidates posted",
        gate=True,
    ),
    _item(
        "election", "election.training", PEOPLES_COMMITTEE, 10,
        "Tập huấn nghiệp vụ cho thành viên Tổ bầu cử",
        "Members of the polling team trained",
    ),
    _item(
        "election", "election.voter-cards", ELECTION_TEAM, 5,
        "Phát thẻ cử tri đến từng cử tri",
        "Voter cards handed to every voter",
        gate=True,
    ),
    _item(
        "election", "election.ballots", ELECTION_TEAM, 3,
        "Nhận phiếu bầu, hòm phiếu, con dấu và tài liệu của Tổ bầu cử",
        "Ballots, ballot boxes, seal and papers of the polling team received",
        gate=True,
    ),
    _item(
        "election", "election.polling-room", ELECTION_TEAM, 1,
        "Bố trí phòng bỏ phiếu: nơi viết phiếu kín, hòm phiếu, nội quy, danh sách cử tri",
        "Polling room set up: private booths, ballot boxes, rules, voter list",
        gate=True,
    ),
    _item(
        "election", "election.mobile-box", ELECTION_TEAM, 1,
        "Chuẩn bị hòm phiếu phụ cho cử tri ốm đau, già yếu, khuyết tật",
        "Mobile ballot box ready for voters who are ill, elderly or disabled",
    ),
    _item(
        "election", "election.count", ELECTION_TEAM, 0,
        "Kiểm phiếu ngay sau khi kết thúc bỏ phiếu, lập biên bản kết quả kiểm phiếu",
        "Votes counted as soon as polling closes, and the count's minutes drawn up",
        phase=Phase.DURING, gate=True,
    ),
    _item(
        "election", "election.minutes", ELECTION_TEAM, 1,
        "Gửi biên bản kết quả kiểm phiếu đến Ban bầu cử",
        "Minutes of the count sent to the election board",
        phase=Phase.AFTER, gate=True,
    ),
)  # fmt: skip

_COUNCIL = (
    _item(
        "council-session", "council.convene", COUNCIL_STANDING, 10,
        "Quyết định triệu tập kỳ họp",
        "Decision convening the session",
        gate=True,
    ),
    _item(
        "council-session", "council.reports", PEOPLES_COMMITTEE, 10,
        "Báo cáo, tờ trình của Ủy ban nhân dân phường trình kỳ họp",
        "Reports and proposals of the ward People's Committee to the session",
        gate=True,
    ),
    _item(
        "council-session", "council.voters", COUNCIL_STANDING, 7,
        "Tiếp xúc cử tri trước kỳ họp",
        "Meetings with voters before the session",
    ),
    _item(
        "council-session", "council.documents", OFFICE, 7,
        "Tài liệu kỳ họp gửi đại biểu Hội đồng nhân dân",
        "Session papers sent to the councillors",
        gate=True,
    ),
    _item(
        "council-session", "council.review", COUNCIL_BOARDS, 3,
        "Các Ban thẩm tra báo cáo, tờ trình trình kỳ họp",
        "Reports and proposals examined by the council's committees",
        gate=True,
    ),
    _item(
        "council-session", "council.resolutions", COUNCIL_STANDING, 3,
        "Dự thảo nghị quyết kỳ họp",
        "Draft resolutions of the session",
        gate=True,
    ),
    _item(
        "council-session", "council.programme", OFFICE, 3,
        "Chương trình, kịch bản điều hành kỳ họp",
        "Session programme and running script",
    ),
    _item(
        "council-session", "council.publish", COUNCIL_STANDING, 3,
        "Gửi, công bố nghị quyết của kỳ họp",
        "Resolutions of the session sent and published",
        phase=Phase.AFTER,
    ),
)  # fmt: skip

_CONFERENCE = (
    _item(
        "conference", "conference.plan", ORGANISERS, 14,
        "Kế hoạch tổ chức hội nghị",
        "Plan for the conference",
    ),
    _item(
        "conference", "conference.invitations", ORGANISERS, 5,
        "Giấy mời gửi đại biểu",
        "Invitations sent to the participants",
        gate=True,
    ),
    _item(
        "conference", "conference.documents", ORGANISERS, 3,
        "Tài liệu hội nghị",
        "Conference papers",
        gate=True,
    ),
    _item(
        "conference", "conference.programme", ORGANISERS, 2,
        "Chương trình, kịch bản điều hành hội nghị",
        "Conference programme and running script",
    ),
    _item(
        "conference", "conference.conclusion", ORGANISERS, 3,
        "Thông báo kết luận hội nghị",
        "Conclusions of the conference made known",
        phase=Phase.AFTER,
    ),
)  # fmt: skip

_CEREMONY = (
    _item(
        "ceremony", "ceremony.plan", ORGANISERS, 21,
        "Kế hoạch tổ chức buổi lễ",
        "Plan for the ceremony",
    ),
    _item(
        "ceremony", "ceremony.invitations", ORGANISERS, 7,
        "Giấy mời đại biểu, khách mời",
        "Invitations sent to the guests",
        gate=True,
    ),
    _item(
        "ceremony", "ceremony.speech", ORGANISERS, 5,
        "Diễn văn, bài phát biểu tại buổi lễ",
        "Speeches for the ceremony",
        gate=True,
    ),
    _item(
        "ceremony", "ceremony.rehearsal", ORGANISERS, 1,
        "Chương trình, kịch bản buổi lễ; tổng duyệt",
        "Programme and script of the ceremony; full rehearsal",
    ),
    _item(
        "ceremony", "ceremony.report", ORGANISERS, 3,
        "Báo cáo kết quả tổ chức buổi lễ",
        "Report on the ceremony",
        phase=Phase.AFTER,
    ),
)  # fmt: skip

#: Every kind's items but the Party congress's, in the order each kind's work is done.
KIND_TEMPLATE = (*_CONGRESS, *_ELECTION, *_COUNCIL, *_CONFERENCE, *_CEREMONY)
