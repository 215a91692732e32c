"""Issue #14: the roll-up for the district's reviewers.

The top event's name as the title, the totals per level as a table, each row's first blocker
and its owner, ``--html-dir`` (a page per event and an index linking them, never replacing what
the user did not let it write), ``--level``/``--status``/``--top``, the terminal table, held
congresses shown as held, progress with a rate, plurals. The hand-made tree of tests/data/rollup
(see tests/test_rollup.py for its figures), through the real command.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from venue_ready._rollup import Rollup, RollupSelection, roll_up
from venue_ready.cli._rollup_pages import MANIFEST, page_names

from .conftest import ROOT, RunCli
from .test_rollup import AS_OF, AS_OF_TEXT, TREE, WORST_FIRST
from .test_terminal import ANSI, _colour_codes, _env, _run_on_pty, on_posix

HELD = {"w2", "c11", "c12", "c21"}  # held at or before 10 May 2020, 12:00


@pytest.fixture(scope="module")
def rollup() -> Rollup:
    return roll_up([TREE], AS_OF)


def _schema() -> dict[str, Any]:
    text = files("venue_ready").joinpath("schema/rollup.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# -- the library ----------------------------------------------------------------------------


def test_held_congresses_are_held_and_ranked_after_the_others(rollup: Rollup) -> None:
    assert {e.result.id for e in rollup.entries if rollup.is_held(e)} == HELD
    ranked = [e.result.id for e in rollup.worst_first()]
    assert ranked == WORST_FIRST
    assert set(ranked[-4:]) == HELD  # w2 is "at risk" by its checklist, yet after q (on track)
    totals = {t.level: t for t in rollup.levels()}
    ward = totals["ward"]
    # the statuses of the congresses not held: w1 only, at risk; w2 is counted as held
    assert {s.value: n for s, n in ward.open_statuses if n} == {"at_risk": 1}
    assert {s.value: n for s, n in ward.statuses if n} == {"at_risk": 2}  # as before
    for t in totals.values():
        assert sum(n for _, n in t.open_statuses) + t.held == t.events


def test_select_filters_then_takes_the_worst(rollup: Rollup) -> None:
    def ids(**kwargs: Any) -> list[str]:
        return [e.result.id for e in rollup.select(RollupSelection(**kwargs))]

    assert ids() == WORST_FIRST
    assert ids(levels=("ward",)) == ["w1", "w2"]
    assert ids(statuses=("held",)) == ["w2", "c11", "c12", "c21"]
    assert ids(statuses=("at_risk",)) == ["c22", "w1"]  # w2 is held, not at risk
    assert ids(levels=("cell",), statuses=("on_track", "at_risk"), top=1) == ["c22"]
    assert ids(top=3) == WORST_FIRST[:3]


def test_first_blocker_is_the_unmet_gate_else_the_earliest_overdue(rollup: Rollup) -> None:
    by_id = {e.result.id: e for e in rollup.entries}
    w1 = by_id["w1"].first_blocker
    assert w1 is not None
    assert not w1.overdue
    assert (w1.area, w1.subject) == ("subevents", "c13")
    assert w1.text("en", rollup.catalogs).startswith("Đại hội Chi bộ 1-3: congress not held yet")
    c22 = by_id["c22"].first_blocker
    assert c22 is not None
    assert c22.overdue
    assert c22.text("vi", rollup.catalogs) == "Báo cáo của chi bộ: chưa thực hiện"
    # nothing to chase: a ready event, or one whose congress is held (w2 has 3 overdue)
    assert by_id["q"].first_blocker is None
    assert by_id["w2"].first_blocker is None


def test_the_title_is_the_top_events_name(rollup: Rollup) -> None:
    top, others = rollup.top()
    assert top is not None
    assert top.result.id == "q"
    assert others == 0


# -- JSON: compatible, with the new fields, valid ----------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_json_adds_fields_and_keeps_every_old_one(run_cli: RunCli, lang: str) -> None:
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--format", "json", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.Draft202012Validator(_schema()).validate(data)
    assert data["schema_version"] == 1
    assert data["title"] == "Đại hội Đảng bộ quận Mẫu"
    assert data["filters"] is None
    events = {e["id"]: e for e in data["events"]}
    assert {k for k, e in events.items() if e["held"]} == HELD
    # the status stays the assessment's (compatible); "held" says the rest
    assert events["w2"]["status"] == "at_risk"
    assert events["c22"]["first_blocker"] == {
        "kind": "overdue",
        "area": "general",
        "subject": "c22.docs",
        "text": "Báo cáo của chi bộ: " + ("chưa thực hiện" if lang == "vi" else "not started"),
        "owner": None,
    }
    assert events["w1"]["first_blocker"]["kind"] == "blocker"
    assert events["w1"]["first_blocker"]["owner"] == "Đại hội Chi bộ 1-3"
    ward = data["levels"][1]
    assert ward["statuses"]["at_risk"] == 2
    assert ward["statuses_not_held"]["at_risk"] == 1


def test_json_with_filters_lists_the_events_kept_in_tree_order(run_cli: RunCli) -> None:
    proc = run_cli(
        "rollup", TREE, "--as-of", AS_OF_TEXT, "--format", "json",
        "--level", "cell", "--status", "at_risk,on_track",
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.Draft202012Validator(_schema()).validate(data)
    assert [e["id"] for e in data["events"]] == ["c13", "c22"]  # tree order
    assert data["filters"] == {"levels": ["cell"], "statuses": ["at_risk", "on_track"], "top": None}
    assert sum(lv["events"] for lv in data["levels"]) == 8  # the totals count every event


def test_schema_refuses_a_bad_first_blocker(run_cli: RunCli) -> None:
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--format", "json")
    data = json.loads(proc.stdout)
    event = next(e for e in data["events"] if e["first_blocker"] is not None)
    event["first_blocker"]["kind"] = "worry"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(_schema()).validate(data)


# -- filters ----------------------------------------------------------------------------------


def test_filters_in_both_languages(run_cli: RunCli) -> None:
    # a level by its key or its name in either language; a status with a hyphen too
    vi = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--level", "phường", "--top", "1")
    en = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--lang", "en", "--level", "ward",
                 "--status", "at-risk")  # fmt: skip
    assert vi.returncode == en.returncode == 0, vi.stderr + en.stderr
    assert (
        "Xếp theo mức độ sẵn sàng, từ thấp đến cao (1/8 sự kiện; lọc theo --level ward --top 1):"
        in vi.stdout
    )
    table = vi.stdout.split("lọc theo --level ward --top 1):\n", 1)[1].split("\n\n")[0]
    assert [line.split()[0] for line in table.splitlines()[1:]] == ["w1"]
    # the tree keeps the events shown, under their ancestors
    tree = vi.stdout.split("Cây tổng hợp:\n", 1)[1].splitlines()
    assert [line.split(" — ")[0].strip() for line in tree] == ["q", "w1"]
    assert "Worst first (1 of 8 events; filtered by --level ward --status at_risk):" in en.stdout


@pytest.mark.parametrize(
    ("args", "lang", "message"),
    [
        (("--level", "wrd"), "en",
         "--level: no level 'wrd' (did you mean 'ward'? known levels: cell, ward, commune, "
         "district, city, province, country)"),
        (("--level", "tỉnhh"), "vi", "--level: không có cấp 'tỉnhh' (có phải là 'province'?"),
        (("--status", "redy"), "en", "--status: no status 'redy' (did you mean 'ready'?"),
        (("--status", "xyz"), "vi", "--status: không có trạng thái 'xyz' (các trạng thái: error, "
         "blocked, at_risk, on_track, ready, held)"),
    ],
)  # fmt: skip
def test_a_bad_filter_is_exit_2_with_did_you_mean(
    run_cli: RunCli, args: tuple[str, ...], lang: str, message: str
) -> None:
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--lang", lang, *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr


def test_a_bad_status_is_refused_before_any_file_is_read(run_cli: RunCli, tmp_path: Path) -> None:
    proc = run_cli("rollup", tmp_path / "nowhere", "--status", "redy", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.startswith("--status: no status 'redy' (did you mean 'ready'?")
    assert "no event file" not in proc.stderr


def test_top_must_be_a_positive_number(run_cli: RunCli) -> None:
    for value in ("0", "-2", "ten"):
        proc = run_cli("rollup", TREE, "--top", value)
        assert proc.returncode == 2
        assert "--top" in proc.stderr
        assert "Traceback" not in proc.stderr


# -- --html-dir ---------------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


def _hrefs(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.hrefs


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_dir_writes_a_page_per_event_and_an_index(
    run_cli: RunCli, tmp_path: Path, lang: str
) -> None:
    out = tmp_path / "pages"
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out, "--lang", lang,
                   "--format", "json")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    json.loads(proc.stdout)  # the output asked for, still on stdout
    said = "Wrote 8 pages and index.html to" if lang == "en" else "Đã ghi 8 trang và index.html vào"
    assert said in proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([MANIFEST, "index.html", *(f"{i}.html" for i in WORST_FIRST)])
    index = out / "index.html"
    hrefs = _hrefs(index)
    # relative links, each to a page that is there; every event linked from its row
    assert all(not h.startswith(("/", "http", "file:")) for h in hrefs)
    assert all((out / h).is_file() for h in hrefs)
    assert {h.removesuffix(".html") for h in hrefs} == set(WORST_FIRST)
    # each page is the event's own report, as `check` gives it for a file alone
    check = run_cli("check", TREE / "c13.toml", "--as-of", AS_OF_TEXT, "--format", "html",
                    "--lang", lang)  # fmt: skip
    assert (out / "c13.html").read_text(encoding="utf-8") == check.stdout
    # a parent's page carries its children's figures, as the roll-up counted them
    w1 = (out / "w1.html").read_text(encoding="utf-8")
    assert ("68,7" if lang == "vi" else "68.7") in w1
    assert "Đại hội Chi bộ 1-3" in w1


def test_html_dir_with_a_filter_writes_only_those_pages(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out, "--top", "2",
                   "--lang", "en")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Wrote 2 pages and index.html" in proc.stderr
    assert sorted(p.name for p in out.glob("*.html")) == ["c22.html", "index.html", "w1.html"]
    one = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out, "--top", "1",
                  "--lang", "en")  # fmt: skip
    assert one.returncode == 0, one.stderr
    assert "Wrote 1 page and index.html" in one.stderr  # singular
    # the page it wrote before and no longer writes is gone; nothing else
    assert sorted(p.name for p in out.glob("*.html")) == ["c22.html", "index.html"]


def test_html_dir_never_replaces_what_it_did_not_write(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("the user's notes", encoding="utf-8")
    (out / "w1.html").write_text("the user's page", encoding="utf-8")
    refused = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out, "--lang", "en")
    assert refused.returncode == 2
    assert "is not empty and was not written by venue-ready rollup" in refused.stderr
    assert refused.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt", "w1.html"]  # untouched
    # --force writes the pages; a file it does not write is kept as it was
    forced = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the user's notes"
    assert (out / "w1.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    # its own folder: written again without --force
    again = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out)
    assert again.returncode == 0, again.stderr
    # a page edited since is the user's now: refused, named, nothing written
    (out / "index.html").write_text("edited by hand", encoding="utf-8")
    edited = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out)
    assert edited.returncode == 2
    assert "sẽ ghi đè index.html" in edited.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "edited by hand"
    # a stale page the user edited is kept, even when no longer written
    (out / "c11.html").write_text("kept", encoding="utf-8")
    top = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", out, "--top", "1",
                  "--force")  # fmt: skip
    assert top.returncode == 0, top.stderr
    assert (out / "c11.html").read_text(encoding="utf-8") == "kept"
    assert not (out / "c13.html").exists()  # its own stale page, removed


def test_html_dir_that_is_a_file_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT, "--html-dir", target, "--force")
    assert proc.returncode == 2
    assert "không phải là thư mục" in proc.stderr
    assert target.read_text(encoding="utf-8") == "x"


def test_page_names_are_safe_and_unique() -> None:
    names = page_names(["q", "A", "a", "index", "../etc/passwd", ".hidden", "Phường 1"])
    assert names == {
        "q": "q.html",
        "A": "A.html",
        "a": "a-2.html",  # one file to a case-insensitive file system
        "index": "index-2.html",
        "../etc/passwd": "_etc_passwd.html",
        ".hidden": "hidden.html",
        "Phường 1": "Ph_ng_1.html",
    }
    assert all("/" not in n and not n.startswith(".") for n in names.values())


def test_a_page_whose_file_changed_is_not_written(tmp_path: Path) -> None:
    from venue_ready._rollup import pages

    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    result = roll_up([tree], AS_OF)
    cell = tree / "c13.toml"
    cell.write_text(cell.read_text(encoding="utf-8").replace('"todo"', '"done"'), "utf-8")
    cell.write_text(cell.read_text(encoding="utf-8") + '\n[[areas.general.items]]\nid = "c13.x"\n'
                    'title = "Việc mới"\n', encoding="utf-8")  # fmt: skip
    got = {e.result.id: text for e, text in pages(result, result.entries, "vi")}
    assert got["c13"] is None
    assert got["c11"] is not None
    assert got["c11"].startswith("<!DOCTYPE html>")


# -- the terminal -----------------------------------------------------------------------------


def _rollup_on_pty(columns: int, **env: str) -> str:
    cli = ["-m", "venue_ready", "rollup", str(TREE), "--as-of", AS_OF_TEXT, "--lang", "en"]
    return _run_on_pty(cli, _env(**env), columns).partition("\n--stderr--\n")[0]


@on_posix
@pytest.mark.parametrize("columns", [80, 160])
def test_terminal_table_fits_the_width_in_colour(columns: int) -> None:
    out = _rollup_on_pty(columns)
    assert _colour_codes(out)  # coloured
    plain = ANSI.sub("", out)
    assert max(len(line) for line in plain.splitlines()) <= columns
    assert plain.startswith("Readiness roll-up: Đại hội Đảng bộ quận Mẫu\n")
    assert "Held" in plain
    assert "Behind schedule" in plain
    assert "(overdue)" in plain  # c22's first blocker
    if columns >= 120:  # wide: every column, the owner's too
        assert "In charge" in plain
        assert "Level" in plain
    else:  # narrow: no level column; the owner under the blocker
        assert "In charge" not in plain


@on_posix
def test_terminal_without_colour_when_no_color() -> None:
    out = _rollup_on_pty(120, NO_COLOR="1")
    assert _colour_codes(out) == []
    assert "Readiness roll-up: Đại hội Đảng bộ quận Mẫu" in ANSI.sub("", out)


def test_piped_output_is_the_plain_text(run_cli: RunCli) -> None:
    proc = run_cli("rollup", TREE, "--as-of", AS_OF_TEXT)
    assert "\x1b" not in proc.stdout
    golden = (ROOT / "tests" / "golden" / "rollup.vi.txt").read_text(encoding="utf-8")
    assert golden.startswith(proc.stdout)


# -- progress ---------------------------------------------------------------------------------


@on_posix
@pytest.mark.parametrize(
    ("lang", "rate"), [("vi", "sự kiện/giây, còn khoảng"), ("en", "events/s, about")]
)
def test_progress_has_a_rate_and_time_left_on_a_terminal(lang: str, rate: str) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "venue_ready", "rollup", TREE, "--as-of", AS_OF_TEXT,
             "--format", "json", "--lang", lang],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=ROOT,
            env=_env(),
            timeout=60,
            check=False,
        )  # fmt: skip
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert proc.returncode == 0
    text = seen.decode("utf-8")
    # the first line comes after the cells (6 of 8): how fast, and about how long is left
    assert re.search(re.escape(rate) + r" \d+ (s|giây)", text), text
    assert text.endswith("\r\x1b[K")
    assert json.loads(proc.stdout)["files"] == 8
