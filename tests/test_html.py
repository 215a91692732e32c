"""``--format html``: one self-contained page; nothing from the input becomes markup."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest

import venue_ready
from venue_ready._render.html import readiness_timeline

from .conftest import ROOT, RunCli

EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = "2020-05-14T16:00+07:00"
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
]
# Every element the template itself writes; anything else came from the input.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "ul", "li",
    "section", "div", "svg", "path", "text", "p", "table", "thead", "tbody", "tr", "th", "td",
    "rect", "line", "br", "span", "figure", "figcaption", "polyline", "footer", "details",
    "summary",
}  # fmt: skip


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    parser.close()
    return parser


def _render(lang: str) -> str:
    from venue_ready._dates import get_zone, parse_instant

    event = venue_ready.load(EXAMPLE)
    report = venue_ready.assess(event, as_of=parse_instant(AS_OF, get_zone(event.timezone)))
    return report.render("html", lang)


@pytest.fixture(scope="module", params=["vi", "en"])
def page(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param, _render(request.param)


def test_template_ships_in_the_package() -> None:
    template = files("venue_ready._render") / "templates" / "report.html.j2"
    assert template.is_file()


def test_page_is_self_contained(page: tuple[str, str]) -> None:
    _, html = page
    assert "http://" not in html
    assert "https://" not in html
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    assert "@import" not in html
    assert "url(" not in html
    for value in re.findall(r"""\bsrc\s*=\s*["']?([^"'\s>]*)""", html):
        assert value.startswith("data:"), value
    parsed = _parse(html)
    assert "script" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)


def test_page_says_what_it_must(page: tuple[str, str]) -> None:
    lang, html = page
    assert html.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in html
    assert '<meta charset="utf-8">' in html
    text = " ".join(_parse(html).text)
    assert "Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025" in text
    report = venue_ready.assess(
        venue_ready.load(EXAMPLE),
        as_of=venue_ready._dates.parse_instant(AS_OF, venue_ready.load(EXAMPLE).tz),
    )
    assert venue_ready._i18n.format_score(report.score, lang) in text
    for area in report.areas:
        assert area.title(lang) in text
    for finding in report.blockers:
        assert report.message_text(finding, lang) in text
    assert ("CHƯA SẴN SÀNG" if lang == "vi" else "NOT READY") in text
    # the gauge, one bar per area, and the timeline with its two lines and its axis labels
    assert html.count('<svg class="gauge"') == 1
    assert html.count('<svg class="bar"') == len(report.areas)
    assert html.count("<polyline") == 2
    axis = "% khối lượng chuẩn bị" if lang == "vi" else "% of the preparation"
    assert axis in text
    assert "@page { size: A4" in html


def test_timeline_ends_at_the_opening_with_the_overall_score() -> None:
    event = venue_ready.load(EXAMPLE)
    as_of = venue_ready._dates.parse_instant(AS_OF, event.tz)
    report = venue_ready.assess(event, as_of=as_of)
    points = readiness_timeline(report)
    assert points[-1].when == event.starts
    assert points[-1].planned == pytest.approx(100.0)
    assert report.score is not None
    assert points[-1].earned == pytest.approx(report.score)
    assert all(a.planned <= b.planned + 1e-9 for a, b in itertools.pairwise(points))
    assert all(p.earned <= p.planned + 1e-9 for p in points)


def test_same_input_same_bytes(run_cli: RunCli) -> None:
    args = ("check", EXAMPLE, "--as-of", AS_OF, "--format", "html")
    first, second = run_cli(*args), run_cli(*args)
    assert first.returncode == second.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stdout == _render("vi")


def test_output_writes_the_file_and_prints_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")  # --output replaces the user's chosen target
    proc = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--format", "html", "--output", out)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert out.read_text(encoding="utf-8") == _render("vi")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left
    # any format, exit codes unchanged
    md = tmp_path / "report.md"
    proc = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--format", "md", "-o", md)
    assert (proc.returncode, proc.stdout) == (0, "")
    assert md.read_text(encoding="utf-8").startswith("# Đại hội")
    proc = run_cli("check", EXAMPLE, "--as-of", AS_OF, "-o", md, "--fail-under", "99")
    assert (proc.returncode, proc.stdout) == (1, "")


def test_output_to_a_missing_folder_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.html"
    proc = run_cli("check", EXAMPLE, "--as-of", AS_OF, "--format", "html", "--output", out)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert str(out) in proc.stderr


def _hostile_event(tmp_path: Path) -> Path:
    """The example, with hostile text in titles, owners, notes and area settings."""
    text = EXAMPLE.read_text(encoding="utf-8")

    def q(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    replacements = {
        '"Đại hội Đảng bộ phường Ngọc Thụy lần thứ XXII, nhiệm kỳ 2020 - 2025"': q(
            "Đại hội " + HOSTILE[0]
        ),
        '"Hội trường Đảng ủy - HĐND - UBND phường Ngọc Thụy"': q(HOSTILE[1]),
        '"Cổng chính"': q(HOSTILE[0]),
        '"Cổng phụ"': q(HOSTILE[1]),
        '"Hội trường"': q(HOSTILE[2]),
        '"Cửa thoát hiểm bên trái hội trường"': q(HOSTILE[1]),
        '"Công an phường Ngọc Thụy"': q(HOSTILE[2]),
        '"Tiểu ban Phục vụ"': q(HOSTILE[1]),
        '"Ban Thường vụ Đảng ủy"': q(HOSTILE[0]),
        '"ĐẠI HỘI ĐẢNG BỘ PHƯỜNG NGỌC THỤY LẦN THỨ XXI, NHIỆM KỲ 2020 – 2025"': q(HOSTILE[2]),
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    extra = []
    for n, hostile in enumerate(HOSTILE):
        extra += ["[[areas.general.items]]", f'id = "hostile.{n}"', f"title = {q(hostile)}"]
        extra += [f"owner = {q(hostile)}", f"notes = {q(hostile)}", "due = 2020-05-10"]
        extra += ["gate = true", 'status = "waived"' if n == 0 else 'status = "todo"']
        if n == 0:
            extra += ["[areas.general.items.waiver]", f"reason = {q(hostile)}"]
            extra += [f"approved_by = {q(HOSTILE[1])}"]
    # the new items go at the end of the general area, before the next area starts
    marker = "[areas.security]\n"
    text = text.replace(marker, "\n".join(extra) + "\n\n" + marker, 1)
    event = tmp_path / "hostile.toml"
    event.write_text(text, encoding="utf-8")
    return event


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nothing_from_the_input_becomes_markup(run_cli: RunCli, tmp_path: Path, lang: str) -> None:
    event = _hostile_event(tmp_path)
    proc = run_cli("check", event, "--as-of", AS_OF, "--format", "html", "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    parsed = _parse(proc.stdout)
    assert set(parsed.tags) <= TEMPLATE_TAGS
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert not any(name.startswith("on") for name, _ in parsed.attrs)
    assert not any(name == "href" for name, _ in parsed.attrs)
    assert not any("javascript:" in (value or "") for _, value in parsed.attrs)
    assert not any("alert" in (value or "") for name, value in parsed.attrs if name != "aria-label")
    # the text is still there, as text
    text = "".join(parsed.text)
    for hostile in HOSTILE:
        assert hostile in text


# -- issue #14: a page to print and read on a phone ---------------------------------------------

_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _luminance(colour: str) -> float:
    """WCAG 2's relative luminance of ``#rrggbb``."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_wcag_contrast_helper() -> None:
    assert _contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert _contrast("#bf8700", "#ffffff") < 4.5  # the at-risk colour before #14: 3.1:1


def test_every_text_colour_has_4_5_to_1_contrast(page: tuple[str, str]) -> None:
    """Every colour the page writes text in (CSS ``color``, resolved through its custom
    properties, and SVG ``<text fill>``), on every background it sets (``background``), is
    at least 4.5:1 (WCAG 2 AA for body text)."""
    _, html = page
    style = html[html.index("<style>") : html.index("</style>")]
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", style))

    def resolve(value: str) -> str | None:
        var = re.search(r"var\(--([\w-]+)\)", value)
        if var:
            return str(variables[var.group(1)])
        found = _HEX.search(value)
        return found.group(0) if found else None

    declarations = re.findall(r"(?<![\w-])(color|background)\s*:\s*([^;}]+)", style)
    texts = {resolve(v) for k, v in declarations if k == "color"} - {None}
    texts |= set(re.findall(r'<text[^>]*fill="(#[0-9a-fA-F]{6})"', html))
    backgrounds = {resolve(v) for k, v in declarations if k == "background"} - {None}
    assert "#8a5a00" in texts  # at risk, now darker
    assert {"#ffffff", "#f6f8fa"} <= backgrounds
    assert len(texts) >= 6
    for fg in texts:
        for bg in backgrounds:
            assert fg is not None
            assert bg is not None
            assert _contrast(fg, bg) >= 4.5, f"{fg} on {bg}: {_contrast(fg, bg):.2f}:1"


def test_status_reads_without_colour(page: tuple[str, str]) -> None:
    """Each status has its own sign beside its words, and each area's bar its own hatching
    (a grey-scale print shows blocked and on track apart)."""
    lang, html = page
    report = _report()
    signs = {"ready": "✔", "on_track": "●", "at_risk": "▲", "blocked": "■"}
    for area in report.areas:
        sign = signs[area.status.value]
        words = venue_ready._i18n.gettext(f"status.{area.status.value}", lang)
        assert f'<span class="icon" aria-hidden="true">{sign}</span>{words}' in html
    bars = re.findall(r'<svg class="bar".*?</svg>', html)
    hatches = [re.search(r'<path d="([^"]+)" stroke="#ffffff"', bar) for bar in bars]
    by_status: dict[str, set[str | None]] = {}
    for area, hatch in zip(report.areas, hatches, strict=True):
        shape = None if hatch is None else re.sub(r"[\d.]+", "n", hatch.group(1))[:12]
        by_status.setdefault(area.status.value, set()).add(shape)
    shapes = [next(iter(s)) for s in by_status.values()]
    assert len(set(shapes)) == len(shapes)  # one pattern per status


def _report() -> venue_ready.Report:
    from venue_ready._dates import parse_instant

    event = venue_ready.load(EXAMPLE)
    return venue_ready.assess(event, as_of=parse_instant(AS_OF, event.tz))


def test_timeline_stops_at_the_moment_of_assessment(page: tuple[str, str]) -> None:
    """The earned line ends at or before the "as of" marker; the planned line runs on to the
    opening."""
    _, html = page
    marker = re.search(r'<line x1="([\d.]+)" y1="[\d.]+" x2="\1"[^>]*stroke-dasharray="4 3"', html)
    assert marker is not None
    as_of_x = float(marker.group(1))
    planned, earned = re.findall(r'<polyline points="([^"]*)"', html)
    earned_x = [float(p.split(",")[0]) for p in earned.split()]
    planned_x = [float(p.split(",")[0]) for p in planned.split()]
    assert earned_x
    assert max(earned_x) <= as_of_x
    assert max(planned_x) > as_of_x


def test_no_note_that_history_is_not_kept(page: tuple[str, str]) -> None:
    lang, html = page
    old = venue_ready._i18n.gettext("report.html-timeline-note", lang)
    assert old not in html
    assert "chưa lưu lịch sử" not in html
    assert "does not keep a history" not in html
    assert "venue-ready mark" in html  # where the history will come from


def test_done_items_are_folded(page: tuple[str, str]) -> None:
    """Met items are listed apart, in a closed <details> per area, not among the open ones."""
    _, html = page
    report = _report()
    folded = html.count('<details class="done">')
    assert folded == sum(1 for a in report.areas if any(f.met for f in a.findings))
    assert "<details open" not in html
    done = sum(1 for a in report.areas for f in a.findings if f.met)
    details = re.findall(r'<details class="done">.*?</details>', html, re.S)
    assert sum(block.count("<li>") for block in details) == done


def test_due_dates_are_short_and_do_not_wrap(page: tuple[str, str]) -> None:
    lang, html = page
    cells = re.findall(r'<td class="due">([^<]*)</td>', html)
    assert cells
    assert all(len(cell) <= 20 for cell in cells), cells
    if lang == "vi":
        assert "tháng" not in " ".join(cells)  # 14/5/2020, not "ngày 14 tháng 5 năm 2020"
    rule = re.search(r"td\.due, th\.due \{[^}]*\}", html)
    assert rule is not None
    assert "white-space: nowrap" in rule.group(0)
