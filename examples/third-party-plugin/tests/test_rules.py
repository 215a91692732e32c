"""Every rule of the documents area, passing and failing, through venue_ready's fixtures."""

from __future__ import annotations

import math
from datetime import datetime

import pytest
from venue_ready import AreaStatus, Finding

from helpers import AS_OF, TZ, Assess, MakeReport, document, event_toml
from venue_ready_documents.template import (
    COMMENT_KINDS,
    DEFAULT_COMMENT_BODIES,
    DOCUMENTS_SUB,
    KINDS,
    PERSONNEL_SUB,
    SIGNOFF_KINDS,
)

MTTQ, DOAN_THE, RETIRED, MEMBERS = DEFAULT_COMMENT_BODIES
GROUP = "Tổ chỉ đạo đại hội của Quận ủy"
#: Only the political report is required, needs no comments, and the dossiers are in: the
#: sign-off tests see the sign-off alone.
ONLY_REPORT = 'required_kinds = ["political-report"]\ncomment_kinds = []'
DOSSIERS_DONE = """
[areas.documents.settings.dossiers]
expected = 15
count = 15
reported_on = 2020-05-04
"""


def signed(by: str = GROUP, at: str = "2020-05-06", version: str = "4") -> str:
    return f'signed_off = {{ by = "{by}", at = {at}, version = {version} }}'


# -- 1. the documents the congress needs -----------------------------------------------------------


def test_no_documents_every_kind_is_missing(assess: Assess) -> None:
    found = [f for f in assess(event_toml()) if f.code == "documents.kind"]
    assert [f.subject for f in found] == list(KINDS)
    assert all(f.message.id == "documents.kind-missing" and f.credit == 0 for f in found)
    weights = {f.subject: f.weight for f in found}
    # A missing document weighs what its own Findings would: itself, its comments, its sign-off.
    assert weights == {
        kind: 1 + (kind in COMMENT_KINDS) + (kind in SIGNOFF_KINDS) for kind in KINDS
    }
    assert {f.subject for f in found if f.gate} == set(SIGNOFF_KINDS)
    # Due documents_lead_days (14) before the opening: the end of 1 May.
    assert {f.due for f in found} == {datetime(2020, 5, 1, 23, 59, 59, 999999, tzinfo=TZ)}
    assert found[0].owner == DOCUMENTS_SUB.owner
    assert found[-1].owner == PERSONNEL_SUB.owner  # the personnel plan


def test_a_default_owner_is_named_in_the_reports_language(report: MakeReport) -> None:
    """An owner the data does not name is a role: the report names it in its language."""
    rep = report(event_toml('required_kinds = ["political-report"]'))
    area = rep.area("documents")
    assert area is not None
    [missing] = [f for f in area.findings if f.code == "documents.kind"]
    assert rep.owner_text(missing, "vi") == "Tiểu ban Văn kiện"
    assert rep.owner_text(missing, "en") == "Documents sub-committee"


def test_an_owner_the_data_names_is_kept_as_written(assess: Assess) -> None:
    tables = document("political-report", extra='owner = "Đồng chí Lan"')
    found = {f.subject: f for f in assess(event_toml(tables=tables)) if f.code == "documents.kind"}
    assert found["political-report"].owner == "Đồng chí Lan"
    assert found["review-report"].owner == DOCUMENTS_SUB.owner  # not listed: the role


def test_a_listed_document_meets_its_kind(assess: Assess) -> None:
    tables = document("political-report") + document("s1", "speeches") + document("s2", "speeches")
    found = {f.subject: f for f in assess(event_toml(tables=tables)) if f.code == "documents.kind"}
    report = found["political-report"]
    assert (report.message.id, report.credit, report.weight) == ("documents.kind-present", 1, 1)
    assert report.message.params["titles"] == "Văn bản political-report"
    speeches = found["speeches"]
    assert speeches.credit == 1
    assert speeches.message.params["titles"] == "Văn bản s1; Văn bản s2"
    assert found["programme"].message.id == "documents.kind-missing"


def test_required_kinds_setting(assess: Assess) -> None:
    text = event_toml('required_kinds = ["programme", "script"]', document("programme"))
    found = [f for f in assess(text) if f.code == "documents.kind"]
    assert [(f.subject, f.credit) for f in found] == [("programme", 1), ("script", 0)]


def test_adding_a_document_keeps_the_denominator(assess: Assess) -> None:
    settings = 'required_kinds = ["political-report"]'
    before = assess(event_toml(settings, DOSSIERS_DONE))
    after = assess(event_toml(settings, document("political-report") + DOSSIERS_DONE))
    assert math.isclose(sum(f.weight for f in before), sum(f.weight for f in after))
    assert sum(f.weight * f.credit for f in after) > sum(f.weight * f.credit for f in before)


# -- 2. comments from every body -------------------------------------------------------------------

COMMENTS = f"""comments = [
  {{ body = "{MTTQ}", received = 2020-04-20 }},
  {{ body = "{DOAN_THE}", received = 2020-05-08 }},
  {{ body = "{RETIRED}", received = 2020-05-09 }},
]"""


def test_comments_per_body(assess: Assess) -> None:
    found = [
        f
        for f in assess(event_toml(tables=document("political-report", extra=COMMENTS)))
        if f.code == "documents.comments"
    ]
    assert [f.subject for f in found] == [
        f"political-report/{body}" for body in DEFAULT_COMMENT_BODIES
    ]
    assert [f.message.id for f in found] == [
        "documents.comment-received",
        "documents.comment-received",  # received on the day of the assessment: counts
        "documents.comment-later",  # received the day after: not yet
        "documents.comment-missing",
    ]
    assert [f.credit for f in found] == [1, 1, 0, 0]
    assert [f.weight for f in found] == [0.25] * 4
    assert found[0].message.params["received"] == datetime(2020, 4, 20).date()
    assert {f.due for f in found} == {datetime(2020, 5, 7, 23, 59, 59, 999999, tzinfo=TZ)}


def test_comments_received_count_from_the_start_of_their_day(assess: Assess) -> None:
    text = event_toml(tables=document("political-report", extra=COMMENTS))
    day_before = datetime(2020, 5, 7, 23, 0, tzinfo=TZ)
    found = [f for f in assess(text, day_before) if f.code == "documents.comments"]
    assert [f.credit for f in found] == [1, 0, 0, 0]


def test_comments_as_tables_and_all_in(assess: Assess) -> None:
    tables = "".join(
        f'[[areas.documents.settings.documents.comments]]\nbody = "{body}"\n'
        f"received = 2020-04-2{i}\n"
        for i, body in enumerate(DEFAULT_COMMENT_BODIES)
    )
    text = event_toml(tables=document("draft-resolution") + tables)
    found = [f for f in assess(text) if f.code == "documents.comments"]
    assert len(found) == 4
    assert all(f.credit == 1 for f in found)


def test_only_comment_kinds_need_comments(assess: Assess) -> None:
    text = event_toml(tables=document("programme") + document("political-report"))
    subjects = {f.subject for f in assess(text) if f.code == "documents.comments"}
    assert subjects == {f"political-report/{body}" for body in DEFAULT_COMMENT_BODIES}


def test_comment_settings(assess: Assess) -> None:
    settings = 'comment_kinds = ["programme"]\ncomment_bodies = ["Hội Cựu chiến binh"]'
    extra = 'comments = [{ body = "Hội Cựu chiến binh", received = 2020-05-01 }]'
    text = event_toml(settings, document("programme", extra=extra) + document("political-report"))
    found = [f for f in assess(text) if f.code == "documents.comments"]
    assert [(f.subject, f.weight, f.credit) for f in found] == [
        ("programme/Hội Cựu chiến binh", 1.0, 1.0)
    ]


def test_no_comment_bodies_no_comment_findings(assess: Assess) -> None:
    text = event_toml("comment_bodies = []", document("political-report"))
    found = assess(text)
    assert not [f for f in found if f.code == "documents.comments"]
    missing = next(f for f in found if f.subject == "review-report")
    assert missing.weight == 2  # itself and its sign-off: no comments to weigh


# -- 3. the steering group's sign-off of the current version --------------------------------------


def signoff_of(assess: Assess, extra: str, as_of: datetime = AS_OF, version: str = "4") -> Finding:
    text = event_toml(
        ONLY_REPORT, document("political-report", version=version, extra=extra) + DOSSIERS_DONE
    )
    [found] = [f for f in assess(text, as_of) if f.code == "documents.signoff"]
    assert found.gate
    assert found.weight == 1
    assert found.subject == "political-report"
    return found


def test_signoff_of_the_current_version(assess: Assess) -> None:
    found = signoff_of(assess, signed())
    assert found.message.id == "documents.signoff-ok"
    assert found.credit == 1


@pytest.mark.parametrize(
    ("current", "signed_version"),
    [("4", '"4"'), ('"v4"', "4"), ('"4.0"', '"bản 4.0"'), ('"final"', '"FINAL"')],
)
def test_signoff_versions_written_differently(
    assess: Assess, current: str, signed_version: str
) -> None:
    found = signoff_of(assess, signed(version=signed_version), version=current)
    assert found.credit == 1


def test_signoff_of_an_older_version_shows_both(assess: Assess, report: MakeReport) -> None:
    found = signoff_of(assess, signed(version="3"))
    assert found.message.id == "documents.signoff-outdated"
    assert found.credit == 0
    assert found.message.params["signed"] == "3"
    assert found.message.params["current"] == "4"

    text = event_toml(
        ONLY_REPORT, document("political-report", version="4", extra=signed(version="3"))
    )
    rep = report(text)
    area = rep.area("documents")
    assert area is not None
    [outdated] = [f for f in area.findings if f.code == "documents.signoff"]
    assert rep.message_text(outdated, "en") == (
        f"Văn bản political-report: {GROUP} signed off version 3, the current version is 4 "
        "(have version 4 signed off)"
    )
    assert rep.message_text(outdated, "vi") == (
        f"Văn bản political-report: {GROUP} mới duyệt bản 3, bản hiện tại là 4 "
        "(cần trình duyệt lại bản 4)"
    )


def test_signoff_by_someone_else(assess: Assess) -> None:
    found = signoff_of(assess, signed(by="Ban Tuyên giáo Quận ủy"))
    assert found.message.id == "documents.signoff-wrong-signer"
    assert found.credit == 0


def test_signoff_by_name_in_any_case(assess: Assess) -> None:
    found = signoff_of(assess, signed(by="TỔ CHỈ ĐẠO ĐẠI HỘI CỦA QUẬN ỦY Long Biên"))
    assert found.credit == 1


def test_signoff_after_the_assessment_does_not_count_yet(assess: Assess) -> None:
    found = signoff_of(assess, signed(at="2020-05-09"))
    assert found.message.id == "documents.signoff-later"
    assert found.credit == 0
    later = signoff_of(assess, signed(at="2020-05-09"), as_of=datetime(2020, 5, 9, 8, tzinfo=TZ))
    assert later.credit == 1


def test_missing_signoff_blocks_once_past_due(report: MakeReport) -> None:
    text = event_toml(ONLY_REPORT, document("political-report", due="2020-05-07") + DOSSIERS_DONE)
    before = report(text, datetime(2020, 5, 6, 9, tzinfo=TZ)).area("documents")
    after = report(text, AS_OF).area("documents")
    assert before is not None
    assert after is not None
    assert before.status is not AreaStatus.BLOCKED
    assert after.status is AreaStatus.BLOCKED
    [blocker] = report(text, AS_OF).blockers
    assert blocker.message.id == "documents.signoff-missing"


def test_signoff_settings(assess: Assess) -> None:
    settings = (
        'required_kinds = ["speeches"]\nsignoff_kinds = ["speeches"]\n'
        'steering_group = "Ban Tuyên giáo Quận ủy"'
    )
    extra = signed(by="Ban Tuyên giáo Quận ủy", version="1")
    text = event_toml(settings, document("speeches", extra=extra) + document("political-report"))
    found = [f for f in assess(text) if f.code == "documents.signoff"]
    assert [(f.subject, f.credit) for f in found] == [("speeches", 1)]


def test_a_document_without_due_is_due_by_documents_lead_days(assess: Assess) -> None:
    text = event_toml("documents_lead_days = 3", document("political-report", due=None))
    [found] = [f for f in assess(text) if f.code == "documents.signoff"]
    assert found.due == datetime(2020, 5, 12, 23, 59, 59, 999999, tzinfo=TZ)


# -- 4. the personnel dossiers ---------------------------------------------------------------------


def dossiers_of(assess: Assess, table: str, settings: str = "", as_of: datetime = AS_OF) -> Finding:
    text = event_toml(settings, "[areas.documents.settings.dossiers]\n" + table if table else "")
    [found] = [f for f in assess(text, as_of) if f.code == "documents.dossiers"]
    assert found.gate
    assert found.subject == "dossiers"
    return found


DEADLINE = datetime(2020, 5, 5, 23, 59, 59, 999999, tzinfo=TZ)


def test_dossiers_reported_in_time(assess: Assess) -> None:
    found = dossiers_of(assess, "expected = 15\ncount = 15\nreported_on = 2020-05-05")
    assert found.message.id == "documents.dossiers-reported"
    assert found.credit == 1
    assert found.due == DEADLINE
    assert found.message.params["committee"] == "Ban Thường vụ Quận ủy"
    assert found.owner == PERSONNEL_SUB.owner


def test_dossiers_reported_late(assess: Assess) -> None:
    found = dossiers_of(assess, "expected = 15\ncount = 15\nreported_on = 2020-05-06")
    assert found.message.id == "documents.dossiers-late"
    assert found.credit == 1


def test_dossiers_incomplete(assess: Assess) -> None:
    found = dossiers_of(assess, "expected = 15\ncount = 12\nreported_on = 2020-05-04")
    assert found.message.id == "documents.dossiers-incomplete"
    assert found.credit == pytest.approx(0.8)


def test_dossiers_not_reported(assess: Assess, report: MakeReport) -> None:
    found = dossiers_of(assess, "expected = 15")
    assert found.message.id == "documents.dossiers-not-reported"
    assert found.credit == 0
    rep = report(event_toml(tables="[areas.documents.settings.dossiers]\nexpected = 15"))
    [text] = [rep.message_text(f, "en") for f in rep.blockers if f.code == "documents.dossiers"]
    assert text == (
        "Personnel dossiers: not yet reported to Ban Thường vụ Quận ủy "
        "(15 dossiers, due 5 May 2020)"
    )


def test_dossiers_reported_after_the_assessment(assess: Assess) -> None:
    found = dossiers_of(assess, "expected = 15\ncount = 15\nreported_on = 2020-05-09")
    assert found.message.id == "documents.dossiers-later"
    assert found.credit == 0


def test_dossiers_not_recorded_are_not_assessed(assess: Assess) -> None:
    found = dossiers_of(assess, "")
    assert found.message.id == "documents.dossiers-unknown"
    assert found.assessed is False


def test_dossier_settings(assess: Assess) -> None:
    settings = 'dossiers_lead_days = 0\nstanding_committee = "Ban Thường vụ Thành ủy"'
    found = dossiers_of(assess, "expected = 0\nreported_on = 2020-05-01", settings)
    assert found.due == datetime(2020, 5, 15, 7, 30, tzinfo=TZ)
    assert found.credit == 1
    assert found.message.params["committee"] == "Ban Thường vụ Thành ủy"


# -- the whole area --------------------------------------------------------------------------------


def test_everything_in_order_makes_the_area_ready(report: MakeReport) -> None:
    comments = (
        "comments = ["
        + ", ".join(
            f'{{ body = "{body}", received = 2020-04-20 }}' for body in DEFAULT_COMMENT_BODIES
        )
        + "]"
    )
    tables = ""
    for kind in KINDS:
        extra = []
        if kind in COMMENT_KINDS:
            extra.append(comments)
        if kind in SIGNOFF_KINDS:
            extra.append(signed(at="2020-05-02", version="1"))
        tables += document(kind, extra="\n".join(extra))
    rep = report(event_toml(tables=tables + DOSSIERS_DONE))
    area = rep.area("documents")
    assert area is not None
    assert area.status is AreaStatus.READY
    assert area.score == 100
