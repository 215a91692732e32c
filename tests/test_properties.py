"""Properties of scoring and assessment over randomly generated events (hypothesis).

Weights are drawn from quarters and from arbitrary decimals such as 0.1 and 1.3, whose sums are
not exact in binary floating point: the scores must stay within 0..100 all the same.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

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
from venue_ready._scoring import effective_due, score_area, score_event

from .support import ENDS, STARTS

DAY = 24 * 60  # minutes
EXTRA_AREAS = ("transport", "catering")
BODY = "Tổ chỉ đạo đại hội của Quận"
WAIVER = Waiver(reason="Không cần", approved_by="Ban Thường vụ")


class Provider:
    """Provides the extra areas the generated events use (specs only: the checklist plugin
    turns their items into Findings)."""

    @venue_ready.hookimpl
    def venue_ready_areas(self) -> list[AreaSpec]:
        return [AreaSpec(key=k, title_vi=k, title_en=k) for k in EXTRA_AREAS]


class Raising:
    """Fails while assessing one area."""

    def __init__(self, key: str) -> None:
        self.key = key

    @venue_ready.hookimpl
    def venue_ready_assess(self, area: AreaPlan) -> None:
        if area.key == self.key:
            raise RuntimeError(f"cannot read the data of {area.key}")


def make_manager(*extra: tuple[object, str]) -> venue_ready.PluginManager:
    pm = venue_ready.get_plugin_manager(autoload=False)
    assert pm.register_plugin(Provider(), "provider")
    for plugin, name in extra:
        assert pm.register_plugin(plugin, name)
    return pm


PM = make_manager()

# -- strategies -----------------------------------------------------------------------------------

weights = st.integers(0, 40).map(lambda n: n / 4) | st.integers(0, 100).map(lambda n: n / 10)
progresses = st.none() | st.sampled_from([0.0, 0.25, 0.5, 0.95, 1.0]) | st.floats(0.0, 1.0)
versions = st.sampled_from([None, "v1", "v2"])
# Minutes relative to the event's start; as_of ranges from 40 days before to 2 days after.
as_of_offsets = st.one_of(
    st.just(0),
    st.just(int((ENDS - STARTS).total_seconds() // 60)),
    st.integers(-40 * DAY, 2 * DAY),
)


def at(minutes: int) -> datetime:
    return STARTS + timedelta(minutes=minutes)


@st.composite
def dues(draw: st.DrawFn, phase: Phase) -> datetime | None:
    """A due date fitting the phase: before-phase items are due at or before the start."""
    if draw(st.booleans()):
        return None
    if phase is Phase.BEFORE:
        return at(draw(st.integers(-40 * DAY, 0)))
    if phase is Phase.DURING:
        return at(draw(st.integers(0, int((ENDS - STARTS).total_seconds() // 60))))
    return ENDS + timedelta(minutes=draw(st.integers(0, 10 * DAY)))


@st.composite
def items(draw: st.DrawFn, ident: str) -> Item:
    phase = draw(st.sampled_from(list(Phase)))
    status = draw(st.sampled_from(list(Status)))
    waiver = WAIVER if status is Status.WAIVED or draw(st.integers(0, 9)) == 0 else None
    requires = BODY if draw(st.integers(0, 3)) == 0 else None
    signed = None
    if requires is not None and draw(st.booleans()):
        signed = SignOff(
            by=BODY,
            at=draw(st.none() | st.integers(-40 * DAY, 2 * DAY).map(at)),
            version=draw(versions),
        )
    return Item(
        id=ident,
        title=f"Việc {ident}",
        phase=phase,
        status=status,
        progress=draw(progresses),
        weight=draw(weights),
        gate=draw(st.booleans()),
        due=draw(dues(phase)),
        requires_signoff=requires,
        signed_off=signed,
        version=draw(versions) if requires is not None else None,
        waiver=waiver,
    )


@st.composite
def area_plans(draw: st.DrawFn, key: str) -> AreaPlan:
    count = draw(st.integers(0, 6))
    return AreaPlan(
        key=key,
        weight=draw(weights),
        threshold=draw(st.sampled_from([100.0, 90.0, 75.0, 50.0, 0.0])),
        items=[draw(items(f"{key}.{i}")) for i in range(count)],
    )


@st.composite
def events(draw: st.DrawFn) -> Event:
    keys = ["general", *draw(st.lists(st.sampled_from(EXTRA_AREAS), unique=True, max_size=2))]
    return Event(
        id="ngoc-thuy-2020",
        name="Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII",
        starts=STARTS,
        ends=ENDS,
        areas=[draw(area_plans(k)) for k in keys],
    )


as_ofs = as_of_offsets.map(at)


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    phase = draw(st.sampled_from(list(Phase)))
    return Finding(
        code="test.finding",
        area="general",
        message=Message("test.finding"),
        weight=draw(weights),
        credit=draw(st.sampled_from([0.0, 1.0]) | st.floats(0.0, 1.0)),
        gate=draw(st.booleans()),
        phase=phase,
        due=draw(dues(phase)),
        assessed=draw(st.integers(0, 4)) > 0,
        waiver=WAIVER if draw(st.integers(0, 9)) == 0 else None,
    )


def in_range(score: float | None) -> bool:
    return score is None or 0.0 <= score <= 100.0


def unmet_gate_past_due(f: Finding, as_of: datetime) -> bool:
    if not f.gate or f.waiver is not None or (f.credit >= 1.0 and f.assessed):
        return False
    due = effective_due(f, STARTS, ENDS)
    return due is not None and due < as_of


# -- scores stay within 0..100 --------------------------------------------------------------------


@settings(deadline=None, max_examples=100)
@given(st.lists(findings(), max_size=10), as_ofs, st.floats(0.0, 100.0))
def test_area_score_within_bounds(found: list[Finding], as_of: datetime, threshold: float) -> None:
    figures = score_area(found, as_of, STARTS, ENDS, threshold)
    assert in_range(figures.score)
    for fraction in (figures.during, figures.after):
        assert fraction is None or 0.0 <= fraction <= 1.0
    assert 0 <= figures.assessed <= figures.expected


@settings(deadline=None, max_examples=100)
@given(st.lists(st.tuples(weights, st.none() | st.floats(0.0, 100.0), st.sampled_from(AreaStatus))))
def test_event_score_within_bounds(areas: list[tuple[float, float | None, AreaStatus]]) -> None:
    assert in_range(score_event(areas).score)


@settings(deadline=None, max_examples=50)
@given(events(), as_ofs)
def test_assessed_scores_within_bounds(event: Event, as_of: datetime) -> None:
    report = venue_ready.assess(event, as_of=as_of, plugins=PM)
    assert in_range(report.score)
    for area in report.areas:
        assert in_range(area.score)
        assert area.status is not AreaStatus.ERROR
    assert not report.inconclusive


# -- marking an item done never lowers a score ----------------------------------------------------


def with_item(event: Event, a: int, i: int, item: Item) -> Event:
    """``event`` with item ``i`` of area ``a`` replaced by ``item``."""
    plan = event.areas[a]
    plan = attrs.evolve(plan, items=[*plan.items[:i], item, *plan.items[i + 1 :]])
    return attrs.evolve(event, areas=[*event.areas[:a], plan, *event.areas[a + 1 :]])


@settings(deadline=None, max_examples=60)
@given(events(), as_ofs)
def test_marking_an_item_done_never_lowers_a_score(event: Event, as_of: datetime) -> None:
    before = venue_ready.assess(event, as_of=as_of, plugins=PM)
    for a, plan in enumerate(event.areas):
        for i, item in enumerate(plan.items):
            better = with_item(event, a, i, attrs.evolve(item, status=Status.DONE))
            after = venue_ready.assess(better, as_of=as_of, plugins=PM)
            old, new = before.areas[a].score, after.areas[a].score
            assert (old is None) == (new is None)
            if old is not None and new is not None:
                assert new >= old, (item, old, new)
            assert (before.score is None) == (after.score is None)
            if before.score is not None and after.score is not None:
                assert after.score >= before.score, (item, before.score, after.score)


# -- an unmet gate past its due blocks ------------------------------------------------------------


@settings(deadline=None, max_examples=100)
@given(st.lists(findings(), min_size=1, max_size=10), as_ofs)
def test_unmet_gate_past_due_blocks_in_scoring(found: list[Finding], as_of: datetime) -> None:
    figures = score_area(found, as_of, STARTS, ENDS)
    if any(unmet_gate_past_due(f, as_of) for f in found):
        assert figures.status is AreaStatus.BLOCKED
    # A before gate unmet at or after the start blocks too.
    if as_of >= STARTS and any(
        f.gate
        and f.phase is Phase.BEFORE
        and f.waiver is None
        and not (f.credit >= 1 and f.assessed)
        for f in found
    ):
        assert figures.status is AreaStatus.BLOCKED


@settings(deadline=None, max_examples=50)
@given(events(), st.data())
def test_unmet_gate_past_due_blocks_in_assess(event: Event, data: st.DataObject) -> None:
    # Add one gate that is certainly unmet and past its due, in a random area and phase, and
    # assess it a little after that due.
    a = data.draw(st.integers(0, len(event.areas) - 1))
    phase = data.draw(st.sampled_from(list(Phase)))
    due = data.draw(dues(phase).filter(lambda d: d is not None))
    as_of = due + timedelta(minutes=data.draw(st.integers(1, 3 * DAY)))
    gate = Item(
        id="gate",
        title="Cổng",
        gate=True,
        phase=phase,
        due=due,
        status=data.draw(st.sampled_from([Status.TODO, Status.IN_PROGRESS, Status.BLOCKED])),
        progress=data.draw(st.none() | st.floats(0.0, 0.99)),
        weight=data.draw(weights),
    )
    plan = event.areas[a]
    blocked_plan = attrs.evolve(plan, items=[*plan.items, gate])
    event = attrs.evolve(event, areas=[*event.areas[:a], blocked_plan, *event.areas[a + 1 :]])

    report = venue_ready.assess(event, as_of=as_of, plugins=PM)
    assert report.areas[a].status is AreaStatus.BLOCKED
    assert report.status is AreaStatus.BLOCKED
    # And every area holding such a Finding (from the generated items too) is blocked.
    for area in report.areas:
        if any(unmet_gate_past_due(f, as_of) for f in area.findings):
            assert area.status is AreaStatus.BLOCKED


# -- a failing plugin never yields ready ----------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(events(), as_ofs, st.data())
def test_area_whose_plugin_raised_is_never_ready(
    event: Event, as_of: datetime, data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from([plan.key for plan in event.areas]))
    pm = make_manager((Raising(key), "raising"))
    report = venue_ready.assess(event, as_of=as_of, plugins=pm)
    for area in report.areas:
        if area.key == key:
            assert area.status is AreaStatus.ERROR
            assert any(m.params.get("plugin") == "raising" for m in area.errors)
        else:
            assert area.status is not AreaStatus.ERROR
    assert report.status is AreaStatus.ERROR
    assert report.status is not AreaStatus.READY
    assert report.inconclusive
    # The event score comes from the other areas only.
    expected = score_event(
        [(a.weight, a.score, a.status) for a in report.areas if a.key != key]
    ).score
    assert report.score == expected


# -- determinism ----------------------------------------------------------------------------------


@settings(deadline=None, max_examples=30)
@given(events(), as_ofs, st.sampled_from(["vi", "en"]))
def test_same_input_gives_byte_identical_json(event: Event, as_of: datetime, lang: str) -> None:
    first = venue_ready.assess(event, as_of=as_of, plugins=PM).to_json(lang=lang)
    again = venue_ready.assess(event, as_of=as_of, plugins=PM).to_json(lang=lang)
    fresh = venue_ready.assess(event, as_of=as_of, plugins=make_manager()).to_json(lang=lang)
    assert first.encode() == again.encode() == fresh.encode()
