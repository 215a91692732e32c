"""The ``checklist`` core plugin: every area's plain checklist items become Findings.

It also provides the ``general`` area (Công tác chung): preconditions that belong to no
specialised area, such as the subordinate cells' congresses, the documents and the personnel
work. It is a plugin like any other, registered through the ``venue_ready`` entry-point group,
and it uses only the public API.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from venue_ready import (
    AreaPlan,
    AreaSpec,
    Bodies,
    Event,
    Finding,
    Item,
    Message,
    Phase,
    Role,
    Status,
    TemplateItem,
    hookimpl,
    item_credit,
    template_item,
)

from .kind_templates import KIND_ROLES, kind_template

AREA = "general"

#: Local government has two levels from this day (the domain notes): a ward's Party committee
#: answers to the province's or the city's, not to a district's (Quận ủy). Items naming the
#: level above the ward come in two versions, one for each side of it.
TWO_LEVELS = date(2025, 7, 1)

#: A policy plugin: it turns every area's items into Findings, not only its own area's (see the
#: rule "foreign-area" of ``venue_ready.testing.check_plugin``).
VENUE_READY_POLICY = True

#: The bodies in charge of the template's items.
COMMITTEE = Role(
    "checklist.role.committee", "Ban Thường vụ Đảng ủy", "Standing committee of the Party committee"
)
ORGANISATION = Role(
    "checklist.role.organisation", "Ban Tổ chức Đảng ủy", "Party committee's organisation board"
)
DOCUMENTS = Role("checklist.role.documents", "Tiểu ban Văn kiện", "Documents sub-committee")
PERSONNEL = Role("checklist.role.personnel", "Tiểu ban Nhân sự", "Personnel sub-committee")

#: The working group that reviews every item before, during and after the congress (the seed
#: article: "tổ công tác phục vụ Đại hội ... rà soát các nội dung trước, trong và sau Đại hội").
WORKING_GROUP = Role(
    "checklist.role.working-group", "Tổ công tác phục vụ Đại hội", "The congress's working group"
)
#: The ward's People's Committee, which receives citizens (tiếp công dân); the congress's
#: service sub-committee. Bodies every area names, named once by the core.
PEOPLES_COMMITTEE, SERVICE = Bodies.PEOPLES_COMMITTEE, Bodies.SERVICE

#: Every role, for the catalog below (the plugins' convention: a Role names itself there).
ROLES = (
    COMMITTEE,
    ORGANISATION,
    DOCUMENTS,
    PERSONNEL,
    WORKING_GROUP,
    *KIND_ROLES,
)

MESSAGES = {
    "vi": {
        "checklist.item": "{title}: {status:@item-status}",
        "checklist.item-progress": "{title}: {status:@item-status} ({percent}%)",
        # A sign-off is the named body's word on the item: for the higher level's bodies a
        # comment ("cho ý kiến"), not an approval ("phê duyệt"), so the wording says neither
        # more nor less than that the body has given its view.
        "checklist.signoff-missing": "{title}: {status:@item-status}, chưa có ý kiến của {body}",
        "checklist.signoff-outdated": (
            "{title}: {body} mới cho ý kiến vào bản {signed}, bản hiện tại là bản {current}"
        ),
        "checklist.signoff-future": "{title}: {body} cho ý kiến lúc {at}, sau thời điểm đánh giá",
        **{role.id: role.vi for role in ROLES},
    },
    "en": {
        "checklist.item": "{title}: {status:@item-status}",
        "checklist.item-progress": "{title}: {status:@item-status} ({percent}%)",
        "checklist.signoff-missing": "{title}: {status:@item-status}, not yet signed off by {body}",
        "checklist.signoff-outdated": (
            "{title}: {body} signed off version {signed}, the current version is {current}"
        ),
        "checklist.signoff-future": "{title}: signed off by {body} at {at}, after the assessment",
        **{role.id: role.en for role in ROLES},
    },
}


def _item(
    item_id: str, owner: Role, lead_days: int, title_vi: str, title_en: str, **rules: Any
) -> TemplateItem:
    """A Party congress's template item owned by ``owner``, due ``lead_days`` before the start;
    ``rules`` are the rest of :class:`TemplateItem` (``gate``, ``requires_signoff``)."""
    return template_item(
        item_id, title_vi, title_en, owner, lead_days, kinds=("party-congress",), **rules
    )


#: The years whose subordinate cells' terms the template writes rows for: an ``init`` for an
#: opening day in them names the cells' term of that day; before or after, the item is left out.
CELLS_TERMS_FROM, CELLS_TERMS_UNTIL = 2015, 2100


def party_term(day: date) -> tuple[int, int]:
    """The Party committee's five-year term an event opening on ``day`` belongs to: the
    congresses of 2020 open the term 2020 - 2025, those of 2025 the term 2025 - 2030."""
    first = day.year - day.year % 5
    return first, first + 5


def cells_term(day: date) -> tuple[int, int]:
    """The subordinate party cells' (chi bộ trực thuộc) term current on ``day``.

    The cells hold their congresses twice in the Party committee's five-year term: the first
    time before the committee's own congress, for the term's first two years (2020 - 2022, the
    domain notes; 2025 - 2027), the second time for the rest of it (2022 - 2025, 2027 - 2030).
    Only the first halves are in the domain notes; the rule behind them, and so the second
    halves, are the project's reading (unverified: "chưa kiểm chứng"). A ward congress opens in
    its term's first year, after the cells' congresses of the first half: 2030 - 2032 for a
    congress in 2030.
    """
    first, end = party_term(day)
    return (first, first + 2) if day.year < first + 2 else (first + 2, end)


def _cells_congresses() -> tuple[TemplateItem, ...]:
    """``cells.congresses``, one row for each of the cells' terms from CELLS_TERMS_FROM to
    CELLS_TERMS_UNTIL, each for the opening days of its years (``since``, ``until``): a row's
    title names the term that :func:`cells_term` gives for those days."""
    rows = []
    for first in range(CELLS_TERMS_FROM, CELLS_TERMS_UNTIL, 5):
        for start, end in ((first, first + 2), (first + 2, first + 5)):
            rows.append(
                _item(
                    "cells.congresses",
                    COMMITTEE,
                    30,
                    f"Đại hội các chi bộ trực thuộc, nhiệm kỳ {start} - {end}, đã tổ chức xong",
                    f"Congresses of the subordinate party cells (term {start} - {end}) held",
                    gate=True,
                    since=date(start, 1, 1),
                    until=date(end, 1, 1),
                )
            )
    return tuple(rows)


#: The congress's preconditions, in the order the seed article names them: id, owner, lead
#: days, title (vi, en), then what is special. Lead times are the project's defaults (the
#: Ngọc Thụy example's dates, counted back from 15 May 2020), for the organisers to correct.
TEMPLATE = (
    _item(
        "committee.sub-committees",
        COMMITTEE,
        230,
        "Thành lập các tiểu ban phục vụ Đại hội (Văn kiện, Nhân sự, Tuyên truyền, Phục vụ)",
        "Sub-committees serving the congress set up (documents, personnel, propaganda, service)",
    ),
    _item(
        "committee.working-groups",
        COMMITTEE,
        230,
        "Thành lập các tổ công tác chỉ đạo đại hội các chi bộ trực thuộc",
        "Working groups set up to direct the congresses of the subordinate party cells",
    ),
    _item(
        "committee.plan",
        COMMITTEE,
        180,
        "Kế hoạch chi tiết của Ban Thường vụ Đảng ủy về công tác chuẩn bị văn kiện và công tác "
        "nhân sự Đại hội",
        "The standing committee's detailed plan for the documents and the personnel work",
    ),
    *_cells_congresses(),
    _item(
        "cells.delegates",
        ORGANISATION,
        30,
        "Các chi bộ đã bầu đoàn đại biểu dự Đại hội",
        "Cells have elected their delegates to the congress",
        gate=True,
    ),
    _item(
        "documents.drafts",
        DOCUMENTS,
        45,
        "Dự thảo văn kiện Đại hội: Báo cáo chính trị, Báo cáo kiểm điểm của Ban Chấp hành "
        "Đảng bộ, dự thảo Nghị quyết Đại hội",
        "Draft documents: the political report, the outgoing committee's review report, the "
        "draft resolution",
        gate=True,
    ),
    _item(
        "documents.drafts-comments",
        DOCUMENTS,
        21,
        "Lấy ý kiến MTTQ, các đoàn thể chính trị - xã hội, nguyên lãnh đạo đã nghỉ hưu và đảng "
        "viên vào dự thảo văn kiện",
        "Comments on the draft documents from the Fatherland Front, the mass organisations, "
        "retired leaders and party members",
    ),
    _item(
        "documents.district-review",
        DOCUMENTS,
        7,
        "Văn kiện, chương trình, kịch bản gửi Tổ chỉ đạo đại hội của Quận ủy cho ý kiến",
        "Documents, programme and script sent to the district Party committee's steering group "
        "for comment",
        gate=True,
        requires_signoff="Tổ chỉ đạo đại hội của Quận ủy",
        until=TWO_LEVELS,
    ),
    _item(
        "documents.district-review",
        DOCUMENTS,
        7,
        "Văn kiện, chương trình, kịch bản gửi cấp ủy cấp trên trực tiếp cho ý kiến",
        "Documents, programme and script sent to the directly superior Party committee for comment",
        gate=True,
        requires_signoff="Ban Thường vụ cấp ủy cấp trên trực tiếp",
        since=TWO_LEVELS,
    ),
    _item(
        "personnel.cadre-plan",
        PERSONNEL,
        75,
        "Rà soát, bổ sung quy hoạch cán bộ, làm cơ sở chuẩn bị nhân sự cấp ủy khóa mới",
        "Cadre plan reviewed and supplemented, as the basis for the new committee's personnel",
    ),
    _item(
        "personnel.plan",
        PERSONNEL,
        10,
        "Đề án nhân sự cấp ủy khóa mới",
        "Personnel plan for the new Party committee",
        gate=True,
    ),
    _item(
        "personnel.dossiers",
        PERSONNEL,
        7,
        "Hồ sơ nhân sự báo cáo Ban Thường vụ Quận ủy cho ý kiến",
        "Personnel dossiers reported to the district Party committee's standing committee for "
        "comment",
        gate=True,
        requires_signoff="Ban Thường vụ Quận ủy",
        until=TWO_LEVELS,
    ),
    _item(
        "personnel.dossiers",
        PERSONNEL,
        7,
        "Hồ sơ nhân sự báo cáo Ban Thường vụ cấp ủy cấp trên trực tiếp cho ý kiến",
        "Personnel dossiers reported to the directly superior Party committee's standing "
        "committee for comment",
        gate=True,
        requires_signoff="Ban Thường vụ cấp ủy cấp trên trực tiếp",
        since=TWO_LEVELS,
    ),
    _item(
        "service.programme",
        SERVICE,
        3,
        "Chương trình, kịch bản điều hành Đại hội",
        "Congress programme and running script",
    ),
    _item(
        "service.citizen-reception",
        PEOPLES_COMMITTEE,
        3,
        "Bố trí tiếp công dân trước và trong Đại hội",
        "Citizen reception arranged before and during the congress",
    ),
    _item(
        "review.before",
        WORKING_GROUP,
        1,
        "Tổ công tác rà soát, kiểm duyệt các đầu mục, nội dung phục vụ Đại hội trước Đại hội",
        "The working group reviews every item and content serving the congress beforehand",
    ),
    _item(
        "review.during",
        WORKING_GROUP,
        0,
        "Tổ công tác rà soát, giải quyết kịp thời các nội dung phát sinh trong Đại hội",
        "The working group reviews and settles what comes up during the congress",
        phase=Phase.DURING,
    ),
    _item(
        "review.after",
        WORKING_GROUP,
        7,
        "Tổ công tác rà soát các nội dung sau Đại hội, hoàn thiện hồ sơ Đại hội",
        "The working group reviews what follows the congress and completes its records",
        phase=Phase.AFTER,
    ),
)


def _template() -> tuple[TemplateItem, ...]:
    """The general area's template: a Party congress's items, then the other kinds'."""
    return (*TEMPLATE, *kind_template())


@hookimpl
def venue_ready_areas() -> list[AreaSpec]:
    """The ``general`` area, with each kind's preconditions as its template (a Party
    congress's, then the other kinds')."""
    return [
        AreaSpec(
            key=AREA,
            title_vi="Công tác chung",
            title_en="General preparations",
            default_weight=1.0,
            template=_template,
            messages=MESSAGES,
        )
    ]


@hookimpl
def venue_ready_assess(event: Event, area: AreaPlan, as_of: datetime) -> list[Finding]:
    """One Finding per item of the area, whatever the area."""
    del event  # the same rule holds for every event
    key = area.key
    return [_finding(item, key, as_of) for item in area.items]


def _finding(item: Item, area_key: str, as_of: datetime) -> Finding:
    credit = item_credit(item.status, item.progress)
    code = message_id = "checklist.item"
    params: dict[str, object] = {"title": item.title, "status": item.status.value}
    if item.status is Status.IN_PROGRESS:
        message_id = "checklist.item-progress"
        params["percent"] = round(100 * credit)
    if item.requires_signoff is not None and item.status is not Status.WAIVED:
        signed = item.signed_off
        params["body"] = item.requires_signoff
        if signed is None:
            code = message_id = "checklist.signoff-missing"
            credit = 0.0
        elif signed.at is not None and signed.at > as_of:
            code = message_id = "checklist.signoff-future"
            params["at"] = signed.at
            credit = 0.0
        elif item.version is not None and signed.version != item.version:
            code = message_id = "checklist.signoff-outdated"
            params["signed"] = signed.version or "?"
            params["current"] = item.version
            credit = 0.0
    return Finding.from_item(
        item, code=code, area=area_key, message=Message(message_id, params), credit=credit
    )
