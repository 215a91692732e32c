"""One test per scoring rule of ``venue_ready._scoring`` (its module docstring is the contract),
the checklist plugin's sign-off rules through ``venue_ready.assess``, and fault isolation."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

import pytest

import venue_ready
from venue_ready import (
    AreaPlan,
    AreaSpec,
    AreaStatus,
    Event,
    Finding,
    Item,
    Message,
    Phase,
    SignOff,
    Status,
    Waiver,
)
from venue_ready._scoring import (
    AreaScore,
    effective_due,
    is_blocking,
    is_overdue,
    item_credit,
    score_area,
    score_event,
    worst_status,
)

from .support import ENDS, STARTS, TZ

EARLY = STARTS - timedelta(days=20)  # an as_of well before the congress
WAIVER = Waiver(reason="Không tổ chức năm nay", approved_by="Ban Thường vụ Đảng ủy")
BODY = "Tổ chỉ đạo đại hội của Quận"


def finding(**kwargs: Any) -> Finding:
    kwargs.setdefault("code", "test.finding")
    kwargs.setdefault("area", "general")
    kwargs.setdefault("message", Message("test.finding"))
    return Finding(**kwargs)


def score(findings: list[Finding], as_of: datetime = EARLY, threshold: float = 100.0) -> AreaScore:
    return score_area(findings, as_of, STARTS, ENDS, threshold)


def event(*areas: AreaPlan) -> Event:
    return Event(
        id="ngoc-thuy-2020",
        name="Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025",
        starts=STARTS,
        ends=ENDS,
        areas=areas,
    )


def general(*items: Item, **kwargs: Any) -> AreaPlan:
    return AreaPlan(key="general", items=items, **kwargs)


class Provider:
    """Provides extra areas (specs only); the checklist plugin turns their items into Findings."""

    def __init__(self, *keys: str) -> None:
        self.keys = keys

    @venue_ready.hookimpl
    def venue_ready_areas(self) -> list[AreaSpec]:
        return [AreaSpec(key=k, title_vi=f"Mảng {k}", title_en=f"Area {k}") for k in self.keys]


def manager(*plugins: tuple[object, str]) -> venue_ready.PluginManager:
    pm = venue_ready.get_plugin_manager(autoload=False)
    for plugin, name in plugins:
        assert pm.register_plugin(plugin, name)
    return pm


# -- item credit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "progress", "expected"),
    [
        (Status.DONE, None, 1.0),
        (Status.DONE, 0.2, 1.0),
        (Status.IN_PROGRESS, 0.3, 0.3),
        (Status.IN_PROGRESS, 0.0, 0.0),
        (Status.IN_PROGRESS, 1.0, 1.0),
        (Status.IN_PROGRESS, None, 0.5),
        (Status.TODO, None, 0.0),
        (Status.TODO, 0.7, 0.0),
        (Status.BLOCKED, None, 0.0),
        (Status.BLOCKED, 0.9, 0.0),
    ],
)
def test_item_credit(status: Status, progress: float | None, expected: float) -> None:
    assert item_credit(status, progress) == expected


def test_checklist_finding_carries_item_credit() -> None:
    items = (
        Item(id="done", title="Xong", status="done"),
        Item(id="half", title="Đang làm", status="in_progress"),
        Item(id="quarter", title="Mới bắt đầu", status="in_progress", progress=0.25),
        Item(id="todo", title="Chưa làm", status="todo"),
        Item(id="stuck", title="Vướng", status="blocked"),
    )
    report = venue_ready.assess(event(general(*items)), as_of=EARLY, plugins=manager())
    credits = {f.subject: f.credit for f in report.areas[0].findings}
    assert credits == {"done": 1.0, "half": 0.5, "quarter": 0.25, "todo": 0.0, "stuck": 0.0}
    assert report.areas[0].score == pytest.approx(100 * 1.75 / 5)


# -- waivers --------------------------------------------------------------------------------------


def test_waived_finding_leaves_the_denominator() -> None:
    figures = score([finding(credit=1.0), finding(weight=3.0, credit=0.0, waiver=WAIVER)])
    assert figures.score == 100.0
    assert (figures.assessed, figures.expected) == (1, 1)
    assert figures.status is AreaStatus.READY


def test_waived_gate_past_due_neither_blocks_nor_is_overdue() -> None:
    waived = finding(gate=True, due=EARLY - timedelta(days=1), waiver=WAIVER)
    figures = score([finding(credit=1.0), waived])
    assert figures.blocking == 0
    assert figures.overdue == 0
    assert not is_blocking(waived, EARLY, STARTS, ENDS)
    assert not is_overdue(waived, EARLY, STARTS, ENDS)


def test_only_waived_findings_give_no_score() -> None:
    figures = score([finding(waiver=WAIVER), finding(weight=2.0, waiver=WAIVER)])
    assert figures.score is None
    assert figures.expected == 0
    assert figures.coverage == 1.0
    assert figures.status is AreaStatus.ON_TRACK


def test_waived_item_through_assess_is_listed_and_not_counted() -> None:
    items = (
        Item(id="a", title="Làm xong", status="done"),
        Item(id="b", title="Miễn", status="waived", weight=5.0, waiver=WAIVER),
    )
    report = venue_ready.assess(event(general(*items)), as_of=EARLY, plugins=manager())
    area = report.areas[0]
    assert area.score == 100.0
    assert area.coverage == (1, 1)
    assert [f.subject for f in report.waivers] == ["b"]


# -- area score -----------------------------------------------------------------------------------


def test_area_score_is_weighted_credit_over_weight() -> None:
    figures = score(
        [
            finding(weight=1.0, credit=1.0),
            finding(weight=2.0, credit=0.5),
            finding(weight=3.0, credit=0.0),
            finding(weight=0.0, credit=0.0),
        ]
    )
    assert figures.score == pytest.approx(100 * 2.0 / 6.0)


def test_during_and_after_findings_do_not_count_in_the_score() -> None:
    before = [finding(weight=2.0, credit=1.0), finding(weight=2.0, credit=0.5)]
    others = [
        finding(phase=Phase.DURING, weight=10.0, credit=0.0),
        finding(phase=Phase.DURING, weight=30.0, credit=1.0),
        finding(phase=Phase.AFTER, weight=7.0, credit=0.2),
    ]
    alone = score(before)
    mixed = score(before + others)
    assert mixed.score == alone.score == 75.0
    assert mixed.earned == alone.earned
    assert mixed.during == pytest.approx(30.0 / 40.0)
    assert mixed.after == pytest.approx(0.2)
    assert alone.during is None
    assert alone.after is None


def test_area_with_only_during_findings_has_no_score() -> None:
    figures = score([finding(phase=Phase.DURING, credit=1.0)])
    assert figures.score is None
    assert figures.during == 1.0
    assert figures.status is AreaStatus.ON_TRACK


@pytest.mark.parametrize(
    "findings",
    [[], [finding(weight=0.0, credit=0.0), finding(weight=0.0, credit=1.0)]],
    ids=["empty", "zero-weight"],
)
def test_area_with_no_weight_has_no_score_and_is_on_track(findings: list[Finding]) -> None:
    figures = score(findings)
    assert figures.score is None
    assert figures.status is AreaStatus.ON_TRACK


# -- assessed / coverage --------------------------------------------------------------------------


def test_unassessed_finding_keeps_its_weight_but_earns_nothing() -> None:
    figures = score([finding(credit=1.0), finding(credit=1.0, assessed=False)])
    assert figures.score == 50.0
    assert figures.earned == 1.0
    assert (figures.assessed, figures.expected) == (1, 2)
    assert figures.coverage == 0.5


def test_unassessed_finding_prevents_ready_even_above_threshold() -> None:
    # Score 50 meets a threshold of 50, nothing is due yet, no gate: only coverage keeps the area
    # from being ready.
    figures = score([finding(credit=1.0), finding(assessed=False)], threshold=50.0)
    assert figures.score == 50.0
    assert figures.coverage < 1.0
    assert figures.status is AreaStatus.ON_TRACK
    # A weightless unassessed Finding: the score is 100, and still not ready.
    figures = score([finding(credit=1.0), finding(weight=0.0, assessed=False)])
    assert figures.score == 100.0
    assert figures.status is AreaStatus.ON_TRACK


def test_unassessed_finding_with_full_credit_is_overdue_and_blocking() -> None:
    late = finding(credit=1.0, gate=True, due=EARLY - timedelta(days=1), assessed=False)
    figures = score([late])
    assert figures.overdue == 1
    assert figures.blocking == 1
    assert figures.status is AreaStatus.BLOCKED
    assert is_overdue(late, EARLY, STARTS, ENDS)
    assert is_blocking(late, EARLY, STARTS, ENDS)


def test_coverage_is_one_when_nothing_is_expected() -> None:
    assert score([]).coverage == 1.0


# -- effective due --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "expected"),
    [(Phase.BEFORE, STARTS), (Phase.DURING, ENDS), (Phase.AFTER, None)],
)
def test_effective_due_without_a_due(phase: Phase, expected: datetime | None) -> None:
    assert effective_due(finding(phase=phase), STARTS, ENDS) == expected


@pytest.mark.parametrize("phase", list(Phase))
def test_effective_due_is_the_findings_own_due(phase: Phase) -> None:
    due = datetime(2020, 4, 1, 12, 0, tzinfo=TZ)
    assert effective_due(finding(phase=phase, due=due), STARTS, ENDS) == due


# -- schedule: planned value, earned value, schedule index ----------------------------------------


def test_planned_earned_and_schedule_index() -> None:
    as_of = STARTS - timedelta(days=5)
    figures = score(
        [
            finding(weight=2.0, credit=1.0, due=as_of - timedelta(days=1)),  # planned, earned 2
            finding(weight=3.0, credit=0.5, due=as_of + timedelta(days=1)),  # earned 1.5 only
            finding(weight=1.0, credit=1.0),  # due at the start: not planned yet, earned 1
            finding(phase=Phase.DURING, weight=8.0, credit=1.0, due=as_of - timedelta(days=1)),
        ],
        as_of=as_of,
    )
    assert figures.planned == 2.0
    assert figures.earned == 4.5
    assert figures.schedule_index == pytest.approx(4.5 / 2.0)


def test_due_exactly_at_as_of_is_planned_but_not_overdue() -> None:
    as_of = STARTS - timedelta(days=3)
    figures = score([finding(weight=4.0, credit=0.5, due=as_of)], as_of=as_of)
    assert figures.planned == 4.0
    assert figures.earned == 2.0
    assert figures.schedule_index == 0.5
    assert figures.overdue == 0
    # Behind schedule without anything overdue is already at risk.
    assert figures.status is AreaStatus.AT_RISK


def test_before_finding_without_due_is_planned_from_the_start() -> None:
    before_start = score([finding(weight=2.0, credit=1.0)], as_of=STARTS - timedelta(minutes=1))
    at_start = score([finding(weight=2.0, credit=1.0)], as_of=STARTS)
    assert before_start.planned == 0.0
    assert at_start.planned == 2.0


def test_schedule_index_is_none_while_nothing_is_planned() -> None:
    figures = score([finding(credit=1.0, due=EARLY + timedelta(days=1))])
    assert figures.planned == 0.0
    assert figures.schedule_index is None


# -- overdue --------------------------------------------------------------------------------------


def test_overdue_is_past_due_and_not_fully_earned() -> None:
    past = EARLY - timedelta(hours=1)
    late = finding(credit=0.99, due=past)
    done = finding(credit=1.0, due=past)
    upcoming = finding(credit=0.0, due=EARLY + timedelta(hours=1))
    figures = score([late, done, upcoming])
    assert figures.overdue == 1
    assert is_overdue(late, EARLY, STARTS, ENDS)
    assert not is_overdue(done, EARLY, STARTS, ENDS)
    assert not is_overdue(upcoming, EARLY, STARTS, ENDS)
    assert figures.status is AreaStatus.AT_RISK


def test_during_finding_without_due_is_overdue_only_after_the_end() -> None:
    during = finding(phase=Phase.DURING)
    assert score([during], as_of=ENDS).overdue == 0
    assert score([during], as_of=ENDS + timedelta(seconds=1)).overdue == 1
    assert is_overdue(during, ENDS + timedelta(seconds=1), STARTS, ENDS)


def test_after_finding_without_due_is_never_overdue() -> None:
    after = finding(phase=Phase.AFTER)
    much_later = ENDS + timedelta(days=365)
    assert score([after], as_of=much_later).overdue == 0
    assert not is_overdue(after, much_later, STARTS, ENDS)
    dated = finding(phase=Phase.AFTER, due=ENDS + timedelta(days=7))
    assert score([dated], as_of=much_later).overdue == 1


# -- area status ----------------------------------------------------------------------------------


def test_blocked_by_gate_unmet_past_its_due() -> None:
    figures = score([finding(gate=True, credit=0.5, due=EARLY - timedelta(days=1))])
    assert figures.blocking == 1
    assert figures.status is AreaStatus.BLOCKED


def test_gate_not_yet_due_does_not_block() -> None:
    figures = score([finding(gate=True, due=EARLY + timedelta(days=1))])
    assert figures.blocking == 0
    assert figures.unmet_gates == 1
    assert figures.status is AreaStatus.ON_TRACK


def test_before_gate_unmet_at_the_start_blocks() -> None:
    # Its own due is the start itself, so at the start it is not yet *past* due: the start rule
    # alone blocks it.
    gate = finding(gate=True, due=STARTS)
    assert score([gate], as_of=STARTS - timedelta(seconds=1)).status is AreaStatus.ON_TRACK
    assert score([gate], as_of=STARTS).status is AreaStatus.BLOCKED
    assert score([gate], as_of=STARTS + timedelta(hours=1)).status is AreaStatus.BLOCKED
    assert is_blocking(gate, STARTS, STARTS, ENDS)
    assert not is_blocking(gate, STARTS - timedelta(seconds=1), STARTS, ENDS)


def test_during_gate_blocks_only_past_its_due() -> None:
    gate = finding(phase=Phase.DURING, gate=True)
    assert score([gate], as_of=STARTS + timedelta(hours=1)).status is AreaStatus.ON_TRACK
    assert score([gate], as_of=ENDS + timedelta(hours=1)).status is AreaStatus.BLOCKED


def test_met_gate_does_not_block() -> None:
    figures = score([finding(gate=True, credit=1.0, due=EARLY - timedelta(days=1))], as_of=STARTS)
    assert figures.blocking == 0
    assert figures.unmet_gates == 0
    assert figures.status is AreaStatus.READY


def test_blocked_outranks_at_risk() -> None:
    past = EARLY - timedelta(days=1)
    figures = score([finding(due=past), finding(gate=True, due=past)])
    assert figures.overdue == 2
    assert figures.status is AreaStatus.BLOCKED


def test_ready_needs_threshold_gates_and_coverage() -> None:
    assert score([finding(credit=1.0), finding(credit=1.0)]).status is AreaStatus.READY
    # Below the default threshold of 100.
    assert score([finding(credit=1.0), finding(credit=0.9)]).status is AreaStatus.ON_TRACK
    # At or above a lower threshold.
    assert score([finding(credit=1.0), finding(credit=0.6)], threshold=80).status is (
        AreaStatus.READY
    )
    assert score([finding(credit=1.0), finding(credit=0.5)], threshold=80).status is (
        AreaStatus.ON_TRACK
    )


def test_unmet_before_gate_prevents_ready() -> None:
    # A weightless gate costs no score, yet the area cannot be ready while it is unmet.
    figures = score([finding(credit=1.0), finding(weight=0.0, gate=True, credit=0.0)])
    assert figures.score == 100.0
    assert figures.unmet_gates == 1
    assert figures.status is AreaStatus.ON_TRACK


def test_ready_area_through_assess() -> None:
    items = (
        Item(id="a", title="A", status="done", gate=True, due=EARLY - timedelta(days=1)),
        Item(id="b", title="B", status="in_progress", progress=0.5, weight=1.0),
    )
    report = venue_ready.assess(
        event(general(*items, threshold=75.0)), as_of=EARLY, plugins=manager()
    )
    assert report.areas[0].score == 75.0
    assert report.areas[0].status is AreaStatus.READY
    assert report.status is AreaStatus.READY
    assert not report.inconclusive


# -- event score and status -----------------------------------------------------------------------


def test_event_score_is_area_weighted_mean() -> None:
    result = score_event([(1.0, 100.0, AreaStatus.READY), (3.0, 50.0, AreaStatus.AT_RISK)])
    assert result.score == pytest.approx(62.5)
    assert result.status is AreaStatus.AT_RISK
    assert not result.inconclusive


def test_event_score_skips_areas_without_score_or_weight() -> None:
    result = score_event(
        [
            (1.0, None, AreaStatus.ON_TRACK),
            (0.0, 0.0, AreaStatus.ON_TRACK),
            (2.0, 40.0, AreaStatus.ON_TRACK),
        ]
    )
    assert result.score == 40.0


def test_error_area_is_excluded_and_makes_the_event_inconclusive() -> None:
    result = score_event([(1.0, 100.0, AreaStatus.READY), (5.0, 0.0, AreaStatus.ERROR)])
    assert result.score == 100.0
    assert result.status is AreaStatus.ERROR
    assert result.inconclusive


def test_event_with_no_conclusive_area_has_no_score() -> None:
    assert score_event([(1.0, 80.0, AreaStatus.ERROR)]).score is None
    assert score_event([]).score is None


def test_event_with_no_area_is_not_ready() -> None:
    # No area at all is no evidence of readiness (scoring docstring: ``on_track``).
    result = score_event([])
    assert result.status is AreaStatus.ON_TRACK
    assert not result.inconclusive


def test_event_status_is_the_worst_area_status() -> None:
    order = [
        AreaStatus.READY,
        AreaStatus.ON_TRACK,
        AreaStatus.AT_RISK,
        AreaStatus.BLOCKED,
        AreaStatus.ERROR,
    ]
    for i, worst in enumerate(order):
        statuses = order[: i + 1]
        assert worst_status(reversed(statuses)) is worst
        assert score_event([(1.0, 50.0, s) for s in statuses]).status is worst
    assert worst_status([]) is AreaStatus.READY


def test_event_figures_through_assess() -> None:
    pm = manager((Provider("catering"), "provider"))
    plan = event(
        general(Item(id="a", title="A", status="done"), weight=1.0),
        AreaPlan(
            key="catering",
            weight=3.0,
            items=(
                Item(id="menu", title="Thực đơn", status="in_progress"),
                Item(id="late", title="Nước uống", due=EARLY - timedelta(days=1)),
            ),
        ),
    )
    report = venue_ready.assess(plan, as_of=EARLY, plugins=pm)
    general_area, catering = report.areas
    assert general_area.status is AreaStatus.READY
    assert catering.score == 25.0
    assert catering.status is AreaStatus.AT_RISK
    assert report.score == pytest.approx((1 * 100 + 3 * 25) / 4)
    assert report.status is AreaStatus.AT_RISK


# -- float rounding: weights like 0.1 + 1.3 do not add up exactly in binary ---------------------


@pytest.mark.parametrize("weights", [(0.1, 1.3), (0.1, 0.7)], ids=["below", "above"])
def test_all_done_scores_exactly_100_and_is_ready(weights: tuple[float, float]) -> None:
    figures = score([finding(weight=w, credit=1.0) for w in weights])
    assert figures.status is AreaStatus.READY
    assert figures.score == 100.0
    overall = score_event([(w, 100.0, AreaStatus.READY) for w in weights])
    assert overall.score == 100.0


# -- checklist sign-offs through assess -----------------------------------------------------------


def signed_item(**kwargs: Any) -> Item:
    kwargs.setdefault("id", "documents.district-review")
    kwargs.setdefault("title", "Văn kiện gửi Tổ chỉ đạo của Quận cho ý kiến")
    kwargs.setdefault("status", "done")
    kwargs.setdefault("requires_signoff", BODY)
    return Item(**kwargs)


def assess_one(item: Item, as_of: datetime = EARLY) -> tuple[venue_ready.Report, Finding]:
    report = venue_ready.assess(event(general(item)), as_of=as_of, plugins=manager())
    (only,) = report.areas[0].findings
    return report, only


def test_signoff_missing_earns_nothing() -> None:
    report, found = assess_one(signed_item())
    assert found.code == "checklist.signoff-missing"
    assert found.credit == 0.0
    assert found.message.params["body"] == BODY
    assert report.areas[0].score == 0.0
    assert report.areas[0].status is not AreaStatus.READY


def test_signoff_of_an_older_version_earns_nothing() -> None:
    item = signed_item(
        version="v2", signed_off=SignOff(by=BODY, at=EARLY - timedelta(days=2), version="v1")
    )
    report, found = assess_one(item)
    assert found.code == "checklist.signoff-outdated"
    assert found.credit == 0.0
    assert found.message.params["signed"] == "v1"
    assert found.message.params["current"] == "v2"
    assert report.areas[0].score == 0.0


def test_signoff_without_version_does_not_match_a_versioned_item() -> None:
    item = signed_item(version="v2", signed_off=SignOff(by=BODY, at=EARLY - timedelta(days=2)))
    _, found = assess_one(item)
    assert found.code == "checklist.signoff-outdated"
    assert found.credit == 0.0


def test_signoff_after_as_of_does_not_count_yet() -> None:
    signed_at = EARLY + timedelta(days=1)
    item = signed_item(version="v2", signed_off=SignOff(by=BODY, at=signed_at, version="v2"))
    report, found = assess_one(item, as_of=EARLY)
    assert found.code == "checklist.signoff-future"
    assert found.credit == 0.0
    assert report.areas[0].score == 0.0
    # Once the moment of the sign-off is reached, it counts.
    report, found = assess_one(item, as_of=signed_at)
    assert found.code == "checklist.item"
    assert found.credit == 1.0
    assert report.areas[0].score == 100.0


def test_matching_signoff_earns_full_credit() -> None:
    item = signed_item(
        version="v2", signed_off=SignOff(by=BODY, at=EARLY - timedelta(days=1), version="v2")
    )
    report, found = assess_one(item)
    assert found.code == "checklist.item"
    assert found.credit == 1.0
    assert report.areas[0].score == 100.0
    assert report.areas[0].status is AreaStatus.READY


def test_signoff_of_an_unversioned_item_counts() -> None:
    _, found = assess_one(signed_item(signed_off=SignOff(by=BODY)))
    assert found.credit == 1.0


def test_signoff_does_not_raise_the_credit_of_unfinished_work() -> None:
    item = signed_item(status="in_progress", progress=0.4, signed_off=SignOff(by=BODY))
    _, found = assess_one(item)
    assert found.credit == 0.4


def test_gate_waiting_for_signoff_past_due_blocks() -> None:
    item = signed_item(gate=True, due=EARLY - timedelta(days=1))
    report, _ = assess_one(item)
    assert report.areas[0].status is AreaStatus.BLOCKED
    assert [f.subject for f in report.blockers] == ["documents.district-review"]


# -- fault isolation ------------------------------------------------------------------------------


class Failing:
    """Provides the ``catering`` area and fails while assessing it."""

    def __init__(self, outcome: Any = None, *, raises: BaseException | None = None) -> None:
        self.outcome = outcome
        self.raises = raises

    @venue_ready.hookimpl
    def venue_ready_areas(self) -> list[AreaSpec]:
        return [AreaSpec(key="catering", title_vi="Hậu cần", title_en="Catering")]

    @venue_ready.hookimpl
    def venue_ready_assess(self, area: AreaPlan) -> Any:
        if area.key != "catering":
            return None
        if self.raises is not None:
            raise self.raises
        return self.outcome


def two_areas() -> Event:
    return event(
        general(
            Item(id="a", title="A", status="done", weight=2.0),
            Item(id="b", title="B", status="in_progress"),
        ),
        AreaPlan(key="catering", items=(Item(id="menu", title="Thực đơn", status="done"),)),
    )


def assert_isolated(report: venue_ready.Report, plugin: str, fragment: str) -> None:
    general_area, catering = report.areas
    # Only the failing plugin's area is in error; the other one is scored as usual.
    assert catering.status is AreaStatus.ERROR
    assert general_area.status is AreaStatus.ON_TRACK
    assert general_area.errors == ()
    assert general_area.score == pytest.approx(100 * 2.5 / 3)
    # The event score counts the conclusive area alone, and says it is inconclusive.
    assert report.score == general_area.score
    assert report.inconclusive
    assert report.status is AreaStatus.ERROR
    # The plugin's name and what went wrong, in the area and in the report's failures.
    assert catering.errors, "an error area must say why"
    params = [m.params for m in catering.errors]
    assert any(p.get("plugin") == plugin and fragment in p.get("error", "") for p in params)
    assert any(f.name == plugin and fragment in f.error for f in report.failures)
    data = json.loads(report.to_json(lang="en"))
    texts = data["areas"][1]["errors"]
    assert any(plugin in text and fragment in text for text in texts)
    assert data["inconclusive"] is True
    assert data["areas"][0]["errors"] == []


def test_plugin_that_raises_marks_only_its_area_error() -> None:
    plugin = Failing(raises=RuntimeError("thực đơn chưa có"))
    report = venue_ready.assess(
        two_areas(), as_of=EARLY, plugins=manager((plugin, "catering-plugin"))
    )
    assert_isolated(report, "catering-plugin", "thực đơn chưa có")
    assert any("RuntimeError" in f.error for f in report.failures)


@pytest.mark.parametrize(
    ("outcome", "fragment"),
    [
        ({"menu": "done"}, "dict"),
        (["menu ready"], "str"),
        ("menu ready", "str"),
        (42, "int"),
    ],
    ids=["dict", "list-of-str", "str", "int"],
)
def test_plugin_returning_a_wrong_type_marks_only_its_area_error(
    outcome: Any, fragment: str
) -> None:
    report = venue_ready.assess(
        two_areas(), as_of=EARLY, plugins=manager((Failing(outcome), "catering-plugin"))
    )
    assert_isolated(report, "catering-plugin", fragment)


def test_plugin_returning_a_finding_for_another_area_is_an_error() -> None:
    stray = finding(area="general", credit=1.0)
    report = venue_ready.assess(
        two_areas(), as_of=EARLY, plugins=manager((Failing([stray]), "catering-plugin"))
    )
    assert_isolated(report, "catering-plugin", "general")


def test_failing_area_is_never_ready_even_when_its_findings_are() -> None:
    # Every item of both areas is done: without the fault both would be ready.
    plan = event(
        general(Item(id="a", title="A", status="done")),
        AreaPlan(key="catering", items=(Item(id="menu", title="Thực đơn", status="done"),)),
    )
    report = venue_ready.assess(
        plan, as_of=EARLY, plugins=manager((Failing(raises=ValueError("boom")), "bad"))
    )
    assert [a.status for a in report.areas] == [AreaStatus.READY, AreaStatus.ERROR]
    assert report.status is AreaStatus.ERROR
    assert report.score == 100.0
    assert report.inconclusive
