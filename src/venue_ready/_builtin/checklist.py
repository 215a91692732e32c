"""The ``checklist`` core plugin: every area's plain checklist items become Findings.

It also provides the ``general`` area (Công tác chung): preconditions that belong to no
specialised area, such as the subordinate cells' congresses, the documents and the personnel
work. It is a plugin like any other, registered through the ``venue_ready`` entry-point group,
and it uses only the public API.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from venue_ready import (
    AreaPlan,
    AreaSpec,
    Event,
    Finding,
    Item,
    Message,
    Role,
    Status,
    TemplateItem,
    hookimpl,
    item_credit,
)

AREA = "general"

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
SERVICE = Role("checklist.role.service", "Tiểu ban Phục vụ", "Service sub-committee")
#: Every role, for the catalog below (the plugins' convention: a Role names itself there).
ROLES = (COMMITTEE, ORGANISATION, DOCUMENTS, PERSONNEL, SERVICE)

MESSAGES = {
    "vi": {
        "checklist.item": "{title}: {status:@item-status}",
        "checklist.item-progress": "{title}: {status:@item-status} ({percent}%)",
        "checklist.signoff-missing": "{title}: {status:@item-status}, chưa được {body} phê duyệt",
        "checklist.signoff-outdated": (
            "{title}: {body} mới duyệt phiên bản {signed}, phiên bản hiện tại là {current}"
        ),
        "checklist.signoff-future": "{title}: {body} duyệt lúc {at}, sau thời điểm đánh giá",
        **{role.id: role.vi for role in ROLES},
    },
    "en": {
        "checklist.item": "{title}: {status:@item-status}",
        "checklist.item-progress": "{title}: {status:@item-status} ({percent}%)",
        "checklist.signoff-missing": "{title}: {status:@item-status}, not yet approved by {body}",
        "checklist.signoff-outdated": (
            "{title}: {body} approved version {signed}, the current version is {current}"
        ),
        "checklist.signoff-future": "{title}: approved by {body} at {at}, after the assessment",
        **{role.id: role.en for role in ROLES},
    },
}


def _item(
    item_id: str, owner: Role, lead_days: int, title_vi: str, title_en: str, **rules: Any
) -> TemplateItem:
    """A template item owned by ``owner``, due ``lead_days`` before the start; ``rules`` are
    the rest of :class:`TemplateItem` (``gate``, ``requires_signoff``)."""
    return TemplateItem(
        id=item_id,
        title_vi=title_vi,
        title_en=title_en,
        owner_vi=owner.vi,
        owner_en=owner.en,
        lead_days=lead_days,
        **rules,
    )


#: The congress's preconditions: id, owner, lead days, title (vi, en), then what is special.
TEMPLATE = (
    _item(
        "cells.congresses",
        COMMITTEE,
        30,
        "Đại hội các chi bộ trực thuộc (nhiệm kỳ 2020-2022) đã tổ chức xong",
        "Congresses of the subordinate party cells (term 2020-2022) held",
        gate=True,
    ),
    _item(
        "cells.delegates",
        ORGANISATION,
        30,
        "Các chi bộ đã bầu đoàn đại biểu dự Đại hội",
        "Cells have elected their delegates to the congress",
        gate=True,
    ),
    _item(
        "documents.drafts-comments",
        DOCUMENTS,
        21,
        "Lấy ý kiến MTTQ, các đoàn thể, cán bộ nghỉ hưu và đảng viên vào dự thảo văn kiện",
        "Comments on the draft documents from the Fatherland Front, the mass organisations, "
        "retired leaders and party members",
    ),
    _item(
        "documents.district-review",
        DOCUMENTS,
        7,
        "Văn kiện, chương trình, kịch bản gửi Tổ chỉ đạo đại hội của Quận cho ý kiến",
        "Documents, programme and script reviewed by the district's steering group",
        gate=True,
        requires_signoff="Tổ chỉ đạo đại hội của Quận",
    ),
    _item(
        "personnel.dossiers",
        PERSONNEL,
        10,
        "Hồ sơ nhân sự báo cáo Ban Thường vụ Quận ủy",
        "Personnel dossiers reported to the district standing committee",
        gate=True,
        requires_signoff="Ban Thường vụ Quận ủy",
    ),
    _item(
        "service.programme",
        SERVICE,
        3,
        "Chương trình, kịch bản điều hành Đại hội",
        "Congress programme and running script",
    ),
)


@hookimpl
def venue_ready_areas() -> list[AreaSpec]:
    """The ``general`` area, with the congress's preconditions as its template."""
    return [
        AreaSpec(
            key=AREA,
            title_vi="Công tác chung",
            title_en="General preparations",
            default_weight=1.0,
            template=TEMPLATE,
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
    return Finding(
        code=code,
        area=area_key,
        message=Message(message_id, params),
        weight=item.weight,
        credit=credit,
        gate=item.gate,
        phase=item.phase,
        subject=item.id,
        due=item.due,
        owner=item.owner,
        waiver=item.waiver,
        reported_at=item.reported_at,
        reported_by=item.reported_by,
    )
