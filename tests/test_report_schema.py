"""Every report this file produces is validated against the JSON Schema the package ships.

The schema (``venue_ready/schema/report.schema.json``) is strict on purpose: every object has
``additionalProperties: false`` and lists every key as required, so any drift between
``Report.to_dict()`` and the schema (and docs/report-json.md, which describes both) fails here.
The tests also check that the schema can fail (broken reports are rejected), that the annotated
example in docs/event-file.md loads and assesses, and that the docs name every key and problem.
"""

from __future__ import annotations

import copy
import json
import re
import textwrap
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
import tomli

import venue_ready as vr
import venue_ready._dates
import venue_ready._report  # vr._report below: the modules, not only the lazy names

from .support import TZ, event_header

if TYPE_CHECKING:
    from .conftest import RunCli

ROOT = Path(__file__).resolve().parent.parent
SMALL_EXAMPLE = ROOT / "examples" / "small" / "congress.toml"
EVENT_FILE_DOC = ROOT / "docs" / "event-file.md"
REPORT_JSON_DOC = ROOT / "docs" / "report-json.md"

# The annotated example of docs/event-file.md, without its comments. The docs' copy must hold
# exactly the same data (test_docs_example_is_the_same_event), so the two cannot drift apart.
EVENT_FILE_EXAMPLE = """\
schema = 1

[event]
id = "an-binh-2020"
name = "Đại hội Đảng bộ phường An Bình lần thứ XXII, nhiệm kỳ 2020 - 2025"
kind = "party-congress"
level = "ward"
ordinal = "XXII"
term = "2020-2025"
starts = 2020-05-16T07:30:00+07:00
ends = 2020-05-16T17:00:00+07:00
timezone = "Asia/Ho_Chi_Minh"
lang = "vi"
expected_delegates = 150
parent = "dh-quan-2020"

[venue]
name = "Hội trường UBND phường An Bình"
address = "Số 12 phố An Bình, Hà Nội"
capacity = 220
zones = [
  { id = "hall", name = "Hội trường" },
  { id = "lobby", name = "Sảnh đón tiếp đại biểu" },
  { id = "yard", name = "Sân trụ sở" },
]
entrances = [{ id = "main", name = "Cổng chính" }, "Cổng phụ"]

[areas.general]
weight = 1
threshold = 100

[[areas.general.items]]
id = "cells.congresses"
title = "Đại hội 37 chi bộ trực thuộc (nhiệm kỳ 2020-2022) đã tổ chức xong"
owner = "Ban Thường vụ Đảng ủy"
due = 2020-04-15
gate = true
status = "done"
evidence = ["Báo cáo tổng hợp kết quả đại hội chi bộ ngày 16/4/2020"]

[[areas.general.items]]
id = "cells.delegates"
title = "Các chi bộ đã bầu đoàn đại biểu dự Đại hội Đảng bộ phường"
owner = "Ban Tổ chức Đảng ủy"
due = 2020-04-15
gate = true
status = "done"

[[areas.general.items]]
id = "documents.drafts-comments"
title = "Lấy ý kiến MTTQ, các đoàn thể, cán bộ nghỉ hưu và đảng viên vào dự thảo văn kiện"
owner = "Tiểu ban Văn kiện"
due = 2020-04-25
status = "done"

[[areas.general.items]]
id = "documents.district-review"
title = "Văn kiện, chương trình, kịch bản gửi Tổ chỉ đạo đại hội của Quận ủy cho ý kiến"
owner = "Tiểu ban Văn kiện"
due = 2020-05-09
weight = 2
gate = true
status = "done"
version = "3"
requires_signoff = "Tổ chỉ đạo đại hội của Quận ủy"
signed_off = { by = "Tổ chỉ đạo đại hội của Quận ủy", \
at = 2020-05-08T10:00:00+07:00, version = "3" }
notes = "Bản 3 đã tiếp thu góp ý của Tổ chỉ đạo."

[[areas.general.items]]
id = "personnel.dossiers"
title = "Hồ sơ nhân sự báo cáo Ban Thường vụ Quận ủy"
owner = "Tiểu ban Nhân sự"
due = 2020-05-06
gate = true
status = "done"
requires_signoff = "Ban Thường vụ Quận ủy"
signed_off = { by = "Ban Thường vụ Quận ủy", at = 2020-05-06T15:00:00+07:00 }

[[areas.general.items]]
id = "service.script"
title = "Chương trình, kịch bản điều hành Đại hội"
owner = "Tiểu ban Phục vụ"
due = 2020-05-13
status = "in_progress"
progress = 0.7

[[areas.general.items]]
id = "service.preparatory-session"
title = "Phiên trù bị: bầu Đoàn Chủ tịch, Đoàn Thư ký, Ban Thẩm tra tư cách đại biểu"
owner = "Văn phòng Đảng ủy"
due = 2020-05-15T14:00:00+07:00
gate = true

[[areas.general.items]]
id = "service.photo-exhibition"
title = "Triển lãm ảnh hoạt động nhiệm kỳ 2015-2020"
owner = "Tiểu ban Tuyên truyền"
status = "waived"
waiver = { reason = "Sảnh không đủ chỗ theo quy định giãn cách; thay bằng phim tư liệu", \
approved_by = "Đ/c Bí thư Đảng ủy" }

[[areas.general.items]]
id = "during.vote-count"
title = "Kiểm phiếu bầu Ban Chấp hành và đoàn đại biểu dự Đại hội cấp Quận"
owner = "Ban Kiểm phiếu"
phase = "during"

[[areas.general.items]]
id = "after.results-report"
title = "Báo cáo kết quả Đại hội lên Ban Thường vụ Quận ủy"
owner = "Văn phòng Đảng ủy"
phase = "after"
due = 2020-05-20

[[areas.general.items]]
id = "after.records"
title = "Lập và lưu trữ hồ sơ Đại hội (văn kiện, nhân sự, biên bản)"
owner = "Văn phòng Đảng ủy"
phase = "after"
due = 2020-05-30
"""


# -- helpers --------------------------------------------------------------------------------------


def load_schema() -> dict[str, Any]:
    """The schema exactly as the installed package ships it."""
    resource = files("venue_ready") / "schema" / "report.schema.json"
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return load_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON: the report must never hold it")


def parse_report(text: str) -> dict[str, Any]:
    """JSON text as a strict reader sees it: NaN and Infinity are refused, not let through."""
    data: dict[str, Any] = json.loads(text, parse_constant=_no_constant)
    return data


def assert_valid(validator: jsonschema.Draft202012Validator, data: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors
    )


def check_report(
    validator: jsonschema.Draft202012Validator, report: vr.Report, lang: str | None = None
) -> dict[str, Any]:
    """Validate ``report`` as JSON text (what a consumer reads) and as ``to_dict`` data."""
    data = parse_report(report.to_json(lang))
    assert_valid(validator, data)
    assert data == json.loads(json.dumps(report.to_dict(lang)))
    return data


def plugin_manager() -> vr.PluginManager:
    """The builtins only, whatever happens to be installed next to venue_ready."""
    return vr.get_plugin_manager(autoload=False)


def fenced_blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", markdown, flags=re.MULTILINE | re.DOTALL)


def docs_example() -> str:
    blocks = fenced_blocks(EVENT_FILE_DOC.read_text(encoding="utf-8"), "toml")
    assert blocks, "docs/event-file.md has no ```toml block"
    return blocks[0]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# -- the schema itself ---------------------------------------------------------------------------


def test_schema_ships_inside_the_package() -> None:
    resource = files("venue_ready").joinpath("schema/report.schema.json")
    assert resource.is_file()


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"] == {
        "description": schema["properties"]["schema_version"]["description"],
        "const": vr._report.REPORT_SCHEMA_VERSION,
    }


def _objects(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "properties" in node or node.get("type") == "object":
            yield where, node
        for key, value in node.items():
            yield from _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{where}/{index}")


def test_schema_is_strict_on_every_object(schema: dict[str, Any]) -> None:
    """Closed objects, every key required: the schema is the project's drift check."""
    checked = 0
    for where, node in _objects(schema):
        if where.endswith("/params"):
            # Message parameters are a map whose keys belong to each message; its values are
            # still constrained to scalars.
            assert node["additionalProperties"] == {"type": ["string", "number", "boolean", "null"]}
            continue
        assert node.get("additionalProperties") is False, where
        assert sorted(node.get("required", [])) == sorted(node["properties"]), where
        checked += 1
    assert checked >= 12  # report, generator, event, plugin, failure, area, coverage, ...


# -- reports that must validate ------------------------------------------------------------------

SMALL_MOMENTS = [
    "2020-04-01T08:00+07:00",  # weeks ahead: nothing due yet
    "2020-05-08T16:00+07:00",  # a week ahead: the outdated sign-off blocks
    "2020-05-10",  # a bare date: the end of that day
    "2020-05-14T20:00+07:00",  # the evening before: the rehearsal is overdue
    "2020-05-15T09:00+07:00",  # during the congress
    "2020-05-25T00:00Z",  # after it, given in UTC
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("moment", SMALL_MOMENTS)
def test_small_example_report_validates(
    validator: jsonschema.Draft202012Validator, moment: str, lang: str
) -> None:
    pm = plugin_manager()
    event = vr.load(SMALL_EXAMPLE, plugins=pm)
    as_of = vr._dates.parse_instant(moment, TZ)
    data = check_report(validator, vr.assess(event, as_of=as_of, plugins=pm), lang)
    assert data["lang"] == lang
    assert data["areas"][0]["title"] == (
        "Công tác chung" if lang == "vi" else "General preparations"
    )
    if len(moment) == 10:
        assert data["as_of"] == moment
    else:
        assert datetime.fromisoformat(data["as_of"]) == as_of


def test_small_example_reports_cover_several_statuses(
    validator: jsonschema.Draft202012Validator,
) -> None:
    """The moments above are not all the same report: the schema sees several verdicts."""
    pm = plugin_manager()
    event = vr.load(SMALL_EXAMPLE, plugins=pm)
    statuses = set()
    for moment in SMALL_MOMENTS:
        report = vr.assess(event, as_of=vr._dates.parse_instant(moment, TZ), plugins=pm)
        statuses.add(check_report(validator, report)["status"])
    assert len(statuses) >= 2, statuses


def test_report_json_is_deterministic() -> None:
    pm = plugin_manager()
    as_of = at("2020-05-08T16:00+07:00")
    first = vr.assess(vr.load(SMALL_EXAMPLE, plugins=pm), as_of=as_of, plugins=pm).to_json()
    pm2 = plugin_manager()
    second = vr.assess(vr.load(SMALL_EXAMPLE, plugins=pm2), as_of=as_of, plugins=pm2).to_json()
    assert first == second
    assert first.endswith("}\n")
    assert "\\u" not in first  # Vietnamese kept as is, not escaped


# -- the annotated example of docs/event-file.md -------------------------------------------------


def test_docs_example_is_the_same_event() -> None:
    block = docs_example()
    assert "[areas.general]" in block
    assert tomli.loads(block) == tomli.loads(EVENT_FILE_EXAMPLE)


@pytest.mark.parametrize("source", ["docs", "test"])
def test_docs_example_loads_and_assesses(
    validator: jsonschema.Draft202012Validator, source: str
) -> None:
    text = docs_example() if source == "docs" else EVENT_FILE_EXAMPLE
    pm = plugin_manager()
    event = vr.loads(text, source="docs/event-file.md", plugins=pm)
    assert event.ordinal == 22
    assert event.term == (2020, 2025)
    assert event.venue is not None
    assert [e.id for e in event.venue.entrances] == ["main", "Cổng phụ"]
    general = event.area("general")
    assert general is not None
    assert len(general.items) == 11

    # What docs/event-file.md says of it on the afternoon of 12 May 2020.
    report = vr.assess(event, as_of=at("2020-05-12T16:00+07:00"), plugins=pm)
    data = check_report(validator, report, "en")
    area = data["areas"][0]
    assert data["score"] == 83.75
    assert data["status"] == "on_track"
    assert area["earned"] == 6.7
    assert area["during"] == 0.0
    assert area["after"] == 0.0
    assert [b["subject"] for b in data["blockers"]] == ["service.preparatory-session"]
    assert data["overdue"] == []
    assert [w["subject"] for w in data["waivers"]] == ["service.photo-exhibition"]
    check_report(validator, report, "vi")

    # Once the congress has opened, the unmet preparatory session blocks the area.
    opened = vr.assess(event, as_of=at("2020-05-16T08:00+07:00"), plugins=pm)
    assert check_report(validator, opened)["status"] == "blocked"


def test_docs_example_version_bump_needs_a_new_signoff() -> None:
    """What the example's comment promises: a new version counts for nothing until approved."""
    pm = plugin_manager()
    text = EVENT_FILE_EXAMPLE.replace(
        'version = "3"\nrequires_signoff', 'version = "4"\nrequires_signoff'
    )
    assert text != EVENT_FILE_EXAMPLE
    report = vr.assess(vr.loads(text, plugins=pm), as_of=at("2020-05-12T16:00+07:00"), plugins=pm)
    finding = next(f for f in report.areas[0].findings if f.subject == "documents.district-review")
    assert finding.code == "checklist.signoff-outdated"
    assert finding.credit == 0.0


def _documented_keys(markdown: str) -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", markdown, flags=re.MULTILINE))


def test_event_file_doc_names_every_key_and_problem() -> None:
    from venue_ready import _loading as loading
    from venue_ready import _messages

    doc = EVENT_FILE_DOC.read_text(encoding="utf-8")
    documented = _documented_keys(doc)
    keys = {
        *loading._EVENT_KEYS,
        *loading._VENUE_KEYS,
        *loading._AREA_KEYS,
        *loading._ITEM_KEYS,
        *loading._SIGNOFF_KEYS,
        *loading._WAIVER_KEYS,
    }
    assert keys - documented == set()
    # a singular form (``.one``) is the same problem, documented under its message's id
    problems = {k for k in _messages.EN if k.startswith("load.") and not k.endswith(".one")}
    assert {p for p in problems if f"`{p}`" not in doc} == set()


# -- events built in code, with error areas -------------------------------------------------------


class Boom:
    """A plugin whose assessment always fails."""

    @vr.hookimpl
    def venue_ready_assess(self, event: vr.Event, area: vr.AreaPlan, as_of: datetime) -> None:
        raise RuntimeError("x")


class Broken:
    """A plugin that fails before it can say which areas it provides: an area no plugin provides
    is then blamed on the plugins (an error area), not on the event (a LoadError)."""

    @vr.hookimpl
    def venue_ready_areas(self) -> list[vr.AreaSpec]:
        raise RuntimeError("no areas today")


class Sound:
    """A plugin that reports Findings of every shape the layout allows."""

    @vr.hookimpl
    def venue_ready_areas(self) -> list[vr.AreaSpec]:
        return [
            vr.AreaSpec(
                key="sound",
                title_vi="Âm thanh, ánh sáng",
                title_en="Sound and lighting",
                messages={
                    "vi": {"sound.check": "Kiểm tra {what} lúc {when}: {ok}, {level}, {spare}"},
                    "en": {"sound.check": "Checked {what} at {when}: {ok}, {level}, {spare}"},
                },
            )
        ]

    @vr.hookimpl
    def venue_ready_assess(
        self, event: vr.Event, area: vr.AreaPlan, as_of: datetime
    ) -> list[vr.Finding] | None:
        if area.key != "sound":
            return None
        params = {
            "what": "micro",
            "when": event.starts - timedelta(hours=2),
            "ok": True,
            "level": 0.85,
            "spare": None,
            "day": date(2020, 5, 14),
        }
        return [
            vr.Finding(
                code="sound.check",
                area="sound",
                message=vr.Message("sound.check", params),
                weight=2.5,
                credit=0.25,
                gate=True,
                phase=vr.Phase.DURING,
                subject=None,
                due=event.starts,
                owner=None,
            ),
            vr.Finding(
                code="sound.unassessed",
                area="sound",
                message=vr.Message("sound.no-such-message", {}),  # falls back to the id
                assessed=False,
            ),
            vr.Finding(
                code="sound.waived",
                area="sound",
                message=vr.Message("sound.check", params),
                waiver=vr.Waiver("Không cần", "Đ/c Phó Bí thư"),
                phase=vr.Phase.AFTER,
            ),
        ]


def built_event() -> vr.Event:
    starts = datetime(2020, 5, 16, 7, 30, tzinfo=TZ)
    return vr.Event(
        id="code-built",
        name="Đại hội dựng bằng mã",
        starts=starts,
        ends=datetime(2020, 5, 16, 17, 0, tzinfo=TZ),
        parent="dh-quan-2020",
        lang="en",
        areas=(
            vr.AreaPlan(
                key="general",
                weight=2,
                threshold=90,
                items=(
                    vr.Item(id="docs", title="Văn kiện", due=starts - timedelta(days=3)),
                    vr.Item(id="plan", title="Phương án", status=vr.Status.DONE, gate=True),
                    vr.Item(
                        id="late",
                        title="Hạng mục trễ hạn",
                        status=vr.Status.IN_PROGRESS,
                        due=starts - timedelta(days=10),
                    ),
                ),
            ),
            vr.AreaPlan(key="sound", weight=1),
            # No plugin provides this one, and one failed (Broken): an error area, not a crash.
            vr.AreaPlan(key="catering", weight=1),
        ),
    )


def test_built_event_with_error_areas_validates(validator: jsonschema.Draft202012Validator) -> None:
    pm = plugin_manager()
    pm.register_plugin(Sound(), "sound")
    pm.register_plugin(Broken(), "broken")
    report = vr.assess(built_event(), as_of=at("2020-05-12T16:00+07:00"), plugins=pm)
    data = check_report(validator, report)
    by_key = {a["key"]: a for a in data["areas"]}
    assert by_key["catering"]["status"] == "error"
    assert by_key["catering"]["provider"] is None
    assert by_key["catering"]["errors"]
    assert by_key["sound"]["status"] != "error"
    assert by_key["sound"]["coverage"] == {"assessed": 1, "expected": 2}
    assert data["inconclusive"] is True
    assert data["score"] is not None  # the conclusive areas still score
    params = by_key["sound"]["findings"][0]["message"]["params"]
    assert params == {
        "day": "2020-05-14",
        "level": 0.85,
        "ok": True,
        "spare": None,
        "what": "micro",
        "when": "2020-05-16T05:30:00+07:00",
    }
    check_report(validator, report, "vi")


def test_plugin_that_raises_validates(validator: jsonschema.Draft202012Validator) -> None:
    pm = vr.get_plugin_manager(autoload=False)
    assert pm.register_plugin(Boom(), "boom")
    assert pm.register_plugin(Broken(), "broken")  # the areas nobody provides are its fault
    report = vr.assess(built_event(), as_of=at("2020-05-12T16:00+07:00"), plugins=pm)
    data = check_report(validator, report)
    assert {a["status"] for a in data["areas"]} == {"error"}
    assert data["status"] == "error"
    assert data["score"] is None
    assert data["inconclusive"] is True
    failures = data["generator"]["failures"]
    assert {"name": "boom", "distribution": None, "version": None, "stage": "assess",
            "error": "RuntimeError: x"} in failures  # fmt: skip
    assert any("RuntimeError: x" in e for e in data["areas"][0]["errors"])
    check_report(validator, report, "vi")


def test_event_with_no_area_validates(validator: jsonschema.Draft202012Validator) -> None:
    pm = plugin_manager()
    event = vr.loads(event_header(name="E", starts="2020-05-16") + "[areas]\n", plugins=pm)
    data = check_report(validator, vr.assess(event, as_of=at("2020-05-12T16:00+07:00"), plugins=pm))
    assert data["areas"] == []
    assert data["score"] is None
    assert data["event"]["starts"] == "2020-05-16T00:00:00+07:00"
    assert data["event"]["ends"] == "2020-05-16"  # the end of the start's day


# -- the command line ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_cli_json_validates(
    validator: jsonschema.Draft202012Validator, run_cli: RunCli, lang: str
) -> None:
    proc = run_cli(
        "check", SMALL_EXAMPLE, "--as-of", "2020-05-08T16:00+07:00", "--format", "json",
        "--lang", lang, env={"VENUE_READY_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = parse_report(proc.stdout)
    assert_valid(validator, data)
    # The CLI prints exactly what the library produces: byte for byte.
    pm = plugin_manager()
    report = vr.assess(
        vr.load(SMALL_EXAMPLE, plugins=pm), as_of=at("2020-05-08T16:00+07:00"), plugins=pm
    )
    assert proc.stdout == report.to_json(lang)


def test_cli_json_with_a_failing_plugin_validates(
    validator: jsonschema.Draft202012Validator, run_cli: RunCli, tmp_path: Path
) -> None:
    (tmp_path / "boom_plugin.py").write_text(
        textwrap.dedent(
            """
            from venue_ready import hookimpl

            @hookimpl
            def venue_ready_assess(event, area, as_of):
                raise RuntimeError("x")
            """
        ),
        encoding="utf-8",
    )
    event = tmp_path / "congress.toml"
    event.write_text(EVENT_FILE_EXAMPLE, encoding="utf-8")
    proc = run_cli(
        "check", event, "--as-of", "2020-05-12", "--format", "json", "--plugin", "boom_plugin",
        env={"PYTHONPATH": str(tmp_path), "VENUE_READY_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )  # fmt: skip
    assert proc.returncode == 3, proc.stderr
    data = parse_report(proc.stdout)
    assert_valid(validator, data)
    assert data["as_of"] == "2020-05-12"
    assert data["inconclusive"] is True
    assert [f["name"] for f in data["generator"]["failures"]] == ["boom_plugin"]


# -- the schema can fail -------------------------------------------------------------------------


def _valid_report() -> dict[str, Any]:
    pm = plugin_manager()
    report = vr.assess(
        vr.loads(EVENT_FILE_EXAMPLE, plugins=pm), as_of=at("2020-05-12T16:00+07:00"), plugins=pm
    )
    return parse_report(report.to_json())


def _finding(d: dict[str, Any]) -> dict[str, Any]:
    finding: dict[str, Any] = d["areas"][0]["findings"][0]
    return finding


BREAKAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "score above 100": lambda d: d.update(score=150),
    "negative area score": lambda d: d["areas"][0].update(score=-1),
    "unknown top-level key": lambda d: d.update(extra=1),
    "unknown key in a finding": lambda d: _finding(d).update(colour="red"),
    "unknown key in a message": lambda d: _finding(d)["message"].update(html="<b>"),
    "missing key": lambda d: d.pop("inconclusive"),
    "missing key in an area": lambda d: d["areas"][0].pop("coverage"),
    "another schema version": lambda d: d.update(schema_version=2),
    "unknown status": lambda d: d.update(status="done"),
    "unknown phase": lambda d: _finding(d).update(phase="later"),
    "credit above 1": lambda d: _finding(d).update(credit=1.5),
    "negative weight": lambda d: _finding(d).update(weight=-1),
    "due not ISO 8601": lambda d: _finding(d).update(due="15/04/2020"),
    "naive as_of": lambda d: d.update(as_of="2020-05-12T16:00:00"),
    "nested param": lambda d: _finding(d)["message"]["params"].update(x={"y": 1}),
    "coverage not an integer": lambda d: d["areas"][0]["coverage"].update(assessed=1.5),
    "errors as objects": lambda d: d["areas"][0].update(errors=[{"id": "x"}]),
    "eleven next due": lambda d: d.update(next_due=d["next_due"][:1] * 11),
    "waiver without approver": lambda d: d["waivers"][0].pop("approved_by"),
    "bad language": lambda d: d.update(lang="fr"),
}


def test_the_unbroken_report_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    report = _valid_report()
    # The breakages below need these lists to be non-empty.
    assert report["next_due"]
    assert report["waivers"]
    assert_valid(validator, report)


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_report_fails_validation(
    validator: jsonschema.Draft202012Validator, name: str
) -> None:
    report = copy.deepcopy(_valid_report())
    BREAKAGES[name](report)
    assert not validator.is_valid(report), name


# -- docs/report-json.md --------------------------------------------------------------------------


def test_report_json_doc_example_validates(validator: jsonschema.Draft202012Validator) -> None:
    blocks = fenced_blocks(REPORT_JSON_DOC.read_text(encoding="utf-8"), "json")
    assert len(blocks) == 1
    assert_valid(validator, parse_report(blocks[0]))


def test_report_json_doc_relaxed_schema_accepts_new_keys(schema: dict[str, Any]) -> None:
    """The doc's advice to consumers works: relaxed, the schema takes new keys, not bad values."""
    code = next(
        b for b in fenced_blocks(REPORT_JSON_DOC.read_text(encoding="utf-8"), "python")
        if "def relaxed" in b
    )  # fmt: skip
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    relaxed = jsonschema.Draft202012Validator(namespace["relaxed"](schema))
    report = _valid_report()
    report["added_in_1_1"] = {"anything": True}
    _finding(report)["new_key"] = 1
    assert relaxed.is_valid(report)
    report["score"] = 150
    assert not relaxed.is_valid(report)


def test_report_json_doc_names_every_key(schema: dict[str, Any]) -> None:
    doc = REPORT_JSON_DOC.read_text(encoding="utf-8")
    documented = _documented_keys(doc)
    keys = {key for _, node in _objects(schema) for key in node.get("properties", {})}
    # Keys of the small objects described in prose rather than in a table row of their own.
    in_prose = {"distribution", "stage", "error", "assessed", "expected", "reason",
                "approved_by", "params", "text", "by", "at", "age_hours"}  # fmt: skip
    assert keys - documented - in_prose == set()
    assert {k for k in in_prose if f"`{k}`" not in doc} == set()
