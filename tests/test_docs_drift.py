"""The docs cannot drift from the repository or from the reports they quote (#15).

Two checks over README.md, docs/**/*.md, examples/**/README.md and benchmarks/README.md
(CHANGELOG.md is history: it may name what no longer exists):

**Every repository path a doc cites exists.** A cited path is either

- the target of a Markdown link, ``[text](target)`` (not a URL), looked up from the doc's own
  folder, with its ``#fragment`` checked against the target's headings; or
- a word that starts with one of the repository's folders (``examples/``, ``src/``,
  ``plugins/``, ``tests/``, ``docs/``, ``benchmarks/``), in backticks, prose or a code block,
  looked up from the repository's root, or from the doc's folder for a README inside
  ``examples/`` (a project's README cites its own files). A ``*`` is a glob.

Anything else is not a repository path: ``congress.toml``, ``FILE.xlsx``, ``~/…`` are the user's
own files. ``NOT_REPOSITORY_PATHS`` lists the few words that start with a repository folder and
still are not ours, each with its reason.

**Every figure a doc quotes from a report is what the tool prints.** A quoted figure carries a
marker naming where it comes from, invisible once the Markdown is rendered::

    it scores <!-- figure: ngoc-thuy areas.broadcast.score -->96.7 and is behind schedule

``ngoc-thuy`` is a source in ``SOURCES`` (an example and the as-of that tests/test_golden.py
pins for it); ``areas.broadcast.score`` is a path into the JSON report (a segment that names an
area picks the area with that ``key``; a list stands for its length); an optional ``vi`` after
the path says the figure is written the Vietnamese way (``96,7``), else the English way. The
figure must read as the text report prints it (a score rounded down to one decimal by
``format_score``, another number to two decimals) or as the JSON holds it (``83.75``).

A transcript of a report is checked the same way: ``<!-- output: SOURCE FORMAT LANG -->``
on the line before a fenced block, or just before a sentence quoted in ``*…*`` or ``"…"``; each
run of text between ``…`` (the command line ``venue-ready …`` left out) must be in what the
real CLI prints, whatever the line breaks and the spaces.

A marker never opens a line: there Markdown would start an HTML block and show the quoted text
after it raw.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import venue_ready

from .conftest import ROOT
from .test_golden import (
    ELECTION,
    ELECTION_AS_OF,
    MTTQ,
    MTTQ_AS_OF,
    NGOC_THUY,
    NGOC_THUY_AS_OF,
    SMALL,
    SMALL_AS_OF,
)

DOCS = sorted(
    {
        ROOT / "README.md",
        ROOT / "benchmarks" / "README.md",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "examples").rglob("README.md"),
    }
)
FOLDERS = ("examples", "src", "plugins", "tests", "docs", "benchmarks")

# Words that start with a repository folder and are not repository paths.
NOT_REPOSITORY_PATHS = {
    # docs/plugins.md's tutorial: the files of the reader's own plugin package, which the
    # reader writes (tests/test_docs.py runs them as written).
    "src/venue_ready_catering/",
    "tests/test_catering.py",
    # docs/cli.md's "When something is wrong": the misspelt file whose message it shows.
    "examples/small/congres.toml",
}

# A cited path: a link's target, or a word starting with a repository folder that is not
# itself part of a longer path or a URL (hence the look-behind).
LINK = re.compile(r"\]\(([^)\s]+)\)")
REPO_WORD = re.compile(rf"(?<![\w/.~-])(?:{'|'.join(FOLDERS)})/[\w./*-]*")


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to -."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@cache
def _anchors(doc: Path) -> frozenset[str]:
    text = re.sub(r"^```.*?^```", "", doc.read_text(encoding="utf-8"), flags=re.M | re.S)
    return frozenset(_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M))


def _exists(base: Path, path: str) -> bool:
    if "*" in path:
        return any(base.glob(path))
    return (base / path).exists()


def _broken(text: str, doc: Path) -> Iterator[str]:
    """A problem for each broken citation in ``text``, the text of ``doc``, naming the path."""
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # a URL, mailto:
        path, _, fragment = target.partition("#")
        resolved = (doc.parent / path) if path else doc
        if not resolved.exists():
            yield f"link ({target}): no {path}"
        elif fragment and resolved.suffix == ".md" and fragment not in _anchors(resolved):
            yield f"link ({target}): no heading #{fragment} in {_rel(resolved.resolve())}"
    own_folder = doc.parent if doc.is_relative_to(ROOT / "examples") else ROOT
    for word in REPO_WORD.findall(text):
        path = word.rstrip(".,:;")
        if any(path.startswith(allowed) for allowed in NOT_REPOSITORY_PATHS):
            continue
        if not (_exists(ROOT, path) or _exists(own_folder, path)):
            yield f"`{path}` does not exist"


@pytest.mark.parametrize("doc", DOCS, ids=_rel)
def test_every_path_a_doc_cites_exists(doc: Path) -> None:
    assert list(_broken(doc.read_text(encoding="utf-8"), doc)) == []


def test_the_path_check_sees_what_it_must() -> None:
    """The rule itself: what counts as a repository path, and what a broken one looks like."""
    text = (
        "See `examples/ngoc-thuy-2020/parts/security.toml`, [the JSON](report-json.md#nope),\n"
        "docs/nothing.md, `plugins/*/messages.py`, `congress.toml`, `~/docs/x.md`,\n"
        "https://example.org/docs/x.md and [a site](https://example.org/x),\n"
        "[kinds](event-file.md#kinds-of-event), `plugins/*/nope.py`.\n"
    )
    # as if it were a page of docs/ (the page itself is not written anywhere)
    assert list(_broken(text, ROOT / "docs" / "probe.md")) == [
        "link (report-json.md#nope): no heading #nope in docs/report-json.md",
        "`examples/ngoc-thuy-2020/parts/security.toml` does not exist",
        "`docs/nothing.md` does not exist",
        "`plugins/*/nope.py` does not exist",
    ]


# -- figures and transcripts -----------------------------------------------------------------

# Each source: an event file and the as-of its report is quoted at (the examples' as in
# tests/test_golden.py; "event-file" is the complete example of docs/event-file.md, which the
# doc assesses on the afternoon of 12 May 2020).
SOURCES = {
    "ngoc-thuy": (NGOC_THUY, NGOC_THUY_AS_OF),
    "small": (SMALL, SMALL_AS_OF),
    "election-2021": (ELECTION, ELECTION_AS_OF),
    "mttq-congress-2024": (MTTQ, MTTQ_AS_OF),
    "event-file": ("", "2020-05-12T16:00+07:00"),
}
FIGURE = re.compile(
    r"<!-- figure: (?P<source>[\w-]+) (?P<path>[\w.-]+)(?: (?P<lang>vi|en))? -->"
    r"(?P<figure>\d+(?:[.,]\d+)*)"
)
OUTPUT = re.compile(
    r"<!-- output: (?P<source>[\w-]+) (?P<format>text|md) (?P<lang>vi|en) -->"
    r"(?:\n```[a-z]*\n(?P<block>.*?)```|\*(?P<em>[^*]+)\*|\"(?P<quote>[^\"]+)\")",
    re.S,
)


@cache
def _printed(source: str, fmt: str, lang: str) -> str:
    """What the real CLI prints for ``source`` in ``fmt`` and ``lang``."""
    file, as_of = SOURCES[source]
    with tempfile.TemporaryDirectory() as folder:
        cwd = ROOT
        if source == "event-file":
            doc = (ROOT / "docs" / "event-file.md").read_text(encoding="utf-8")
            block = re.search(r"^```toml\n(.*?)^```", doc, re.M | re.S)
            assert block, "docs/event-file.md has no ```toml block"
            cwd = Path(folder)
            (cwd / "dai-hoi.toml").write_text(block[1], encoding="utf-8")
            file = "dai-hoi.toml"
        env = {k: v for k, v in os.environ.items() if not k.startswith("VENUE_READY_")}
        options = ("--format", fmt, "--lang", lang)
        result = subprocess.run(
            [sys.executable, "-m", "venue_ready", "check", file, "--as-of", as_of, *options],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=cwd,
            env={**env, "PYTHONIOENCODING": "utf-8"},
            timeout=60,
            check=False,
        )
    # 0 ready, 1 not ready, 2 blocked: a report was printed either way
    assert result.returncode in (0, 1, 2), result.stderr
    assert result.stdout, result.stderr
    return result.stdout


def _resolve(report: Any, path: str) -> Any:
    node = report
    for segment in path.split("."):
        if isinstance(node, dict):
            assert segment in node, f"the report has no {segment!r} in {path}"
            node = node[segment]
        elif isinstance(node, list) and segment.isdigit():
            node = node[int(segment)]
        else:
            assert isinstance(node, list), f"{path}: {segment!r} under a {type(node).__name__}"
            picked = [x for x in node if isinstance(x, dict) and x.get("key") == segment]
            assert picked, f"{path}: no element with key {segment!r}"
            node = picked[0]
    return len(node) if isinstance(node, list) else node


def _readings(value: float, lang: str, *, score: bool) -> set[str]:
    """How a figure may be quoted: as the text report prints it, or as the JSON holds it."""
    shown = (
        venue_ready.format_score(value, lang)
        if score
        else venue_ready.format_number(value, lang, digits=2)
    )
    return {shown, venue_ready.format_number(value, lang, digits=4)}


def _figures() -> list[tuple[str, str, str, str, str]]:
    found = []
    for doc in DOCS:
        for m in FIGURE.finditer(doc.read_text(encoding="utf-8")):
            lang = m["lang"] or "en"
            found.append((_rel(doc), m["source"], m["path"], lang, m["figure"]))
    return found


FIGURES = _figures()


def _outputs() -> list[tuple[str, str, str, str, str]]:
    found = []
    for doc in DOCS:
        for m in OUTPUT.finditer(doc.read_text(encoding="utf-8")):
            quoted = m["block"] or m["em"] or m["quote"]
            found.append((_rel(doc), m["source"], m["format"], m["lang"], quoted))
    return found


OUTPUTS = _outputs()


def test_the_figures_are_marked() -> None:
    """The markers are found (a misspelt marker would make the checks below vacuous): the
    scores quoted by the area docs and docs/event-file.md, the transcripts of the area docs."""
    figures = {doc for doc, *_ in FIGURES}
    assert {"docs/areas/security.md", "docs/areas/broadcast.md", "docs/event-file.md"} <= figures
    transcripts = {doc for doc, *_ in OUTPUTS}
    assert {
        f"docs/areas/{a}.md" for a in ("broadcast", "decoration", "disinfection")
    } <= transcripts
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert text.count("<!-- figure:") == len(FIGURE.findall(text)), f"a bad marker in {doc}"
        assert text.count("<!-- output:") == len(OUTPUT.findall(text)), f"a bad marker in {doc}"
        # A line that opens with a comment starts an HTML block in Markdown, which would swallow
        # the quoted text after it: an inline marker follows a word on its line.
        for m in re.finditer(r"^ *<!-- (figure|output):.*-->(.*)$", text, re.M):
            assert not m[2], f"{doc}: a marker opens the line {m[0].strip()!r}"


@pytest.mark.parametrize(("doc", "source", "path", "lang", "figure"), FIGURES)
def test_a_quoted_figure_is_what_the_tool_prints(
    doc: str, source: str, path: str, lang: str, figure: str
) -> None:
    assert source in SOURCES, f"{doc}: unknown source {source!r} (one of {sorted(SOURCES)})"
    value = _resolve(json.loads(_printed(source, "json", "en")), path)
    assert isinstance(value, int | float), f"{doc}: {path} is {value!r}, not a number"
    readings = _readings(value, lang, score=path.endswith("score"))
    assert figure in readings, f"{doc} quotes {figure} for {source} {path}; the tool: {readings}"


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("doc", "source", "fmt", "lang", "block"), OUTPUTS)
def test_a_quoted_transcript_is_what_the_tool_prints(
    doc: str, source: str, fmt: str, lang: str, block: str
) -> None:
    printed = _flat(_printed(source, fmt, lang))
    lines = [line for line in block.splitlines() if not line.startswith("venue-ready ")]
    chunks = [_flat(chunk) for chunk in "\n".join(lines).split("…")]
    assert any(chunks), f"{doc}: an empty transcript"
    for chunk in filter(None, chunks):
        assert chunk in printed, f"{doc}: the tool no longer prints\n{chunk}"


def test_the_figure_rule_reads_both_languages() -> None:
    assert _readings(96.77, "vi", score=True) == {"96,7", "96,77"}
    assert _readings(96.77, "en", score=True) == {"96.7", "96.77"}
    assert "83,8" not in _readings(83.75, "vi", score=True)
    assert _resolve({"areas": [{"key": "a", "x": [1, 2]}]}, "areas.a.x") == 2
