"""Issue #5: a test fails when a user-facing string bypasses the message catalogs.

The "pseudo-locale" technique: every catalog template (the core's, through
``venue_ready._i18n.catalog``; the plugins', through ``PluginManager.area_specs``, which also
feeds ``PluginManager.catalogs``), every area title, every date the formatters write and every
string of the event itself is wrapped in ``⟦…⟧``; a template's literal runs are wrapped one by
one, not the template whole, so a parameter value built by code (rather than taken from the
event, a date or a nested ``{x:@prefix}`` lookup) shows outside the markers. The report is then
rendered in every format people read (text, Markdown, HTML, the terminal) in both languages,
and the CLI's own messages (help, a usage error, load problems) are produced in-process. Once
everything inside ``⟦…⟧`` (nested too), digits, punctuation and each format's fixed markup are
removed, no letter may be left: a letter left over was written by code, not taken from a
catalog. ALLOWED lists the words that are syntax, QUOTED the quoted official wording, KNOWN
today's bypasses (none); the identifiers of the event file (keys, ids) are allowed as data.

On failure the message lists each leftover word with the text around it.
"""

from __future__ import annotations

import re
import string
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import venue_ready
from venue_ready import _i18n as i18n
from venue_ready._errors import format_path
from venue_ready._plugins import PluginManager

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
AS_OF = datetime.fromisoformat("2020-05-14T16:00:00+07:00")
LANGS = ("vi", "en")

OPEN, CLOSE = "⟦", "⟧"

#: Event keys whose string values are identifiers or enumerations the loader checks (ids, area
#: keys, references to zones and entrances, statuses, phases, kinds, language, time zone, parsed
#: values such as the ordinal and the term): they stay plain, everything else is marked.
PLAIN_KEYS = frozenset(
    {
        "id",
        "kind",
        "form",
        "level",
        "lang",
        "timezone",
        "parent",
        "ordinal",
        "term",
        "status",
        "phase",
        "zone",
        "entrance",
        "plan_item",
        "ho_chi_minh_kind",
        "party_flag_side",
        "national_flag_side",
        "version",
    }
)

#: Words a reader may see that are not translatable text, each with its reason. Compared
#: case-sensitively, as whole words.
ALLOWED = frozenset(
    {
        # Subcommand names, in usage lines and the command list of --help: typed as is
        # ("new-plugin" is two words to the checker).
        "check",
        "rollup",
        "init",
        "plugins",
        "new",
        "plugin",
        "mark",
        "history",
        "journal",
        "export",
        "import",
        "checklist",  # import-checklist
        "completion",
        "serve",
        "access",
        # access's actions
        "organiser",
        "team",
        "reviewer",
        "link",
        "password",
        "token",
        "accounts",
        # The shells completion writes for, and the language codes --lang takes: typed as is,
        # and quoted back as typed by a usage error ("fr" is the test's wrong one).
        "bash",
        "zsh",
        "fish",
        "vi",
        "en",
        "fr",
        # What the usage errors below quote back as the user typed it: a command, a value, a
        # file name.
        "chek",
        "abc",
        "nowhere",
        "toml",
        # Metavars that name a syntax rather than say something: ISO 8601 moments, a number N,
        # the literal "no:" prefix of -p no:NAME (pytest's syntax).
        "ISO",
        "N",
        "no",
    }
)

#: Known bypasses: literals in the code that reach a reader. Fix the code, then remove the word
#: here; a NEW bypass fails the test. None is left.
KNOWN: frozenset[str] = frozenset()

#: Words that are quoted data, not the program's text, with the reason: they show as they are in
#: every language, and translating them would be wrong.
QUOTED = frozenset(
    {
        # The backdrop's official title, "ĐẠI HỘI (ĐẠI BIỂU) ĐẢNG BỘ PHƯỜNG … LẦN THỨ …, NHIỆM KỲ
        # …", built from the event's name when the settings give none
        # (plugins/venue_ready_decoration/rules.py, TITLE_DELEGATES, TITLE_MEMBERS) and quoted by
        # the decoration.backdrop-* findings: it is what the backdrop must read, in Vietnamese,
        # whatever the report's language, like a slogan.
        "ĐẠI",
        "HỘI",
        "BIỂU",
        "LẦN",
        "THỨ",
        "NHIỆM",
        "KỲ",
    }
)


def mark(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def mark_template(template: str) -> str:
    """Mark each literal run of a ``str.format`` template, not the whole of it: a parameter's
    value then shows outside the markers, and must be marked itself (event data, a date, a
    nested catalog lookup), so a word the code builds and passes as a parameter is caught."""
    out = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        if literal:
            out.append(mark(literal.replace("{", "{{").replace("}", "}}")))
        if name is not None:
            out.append("{" + name + (f"!{conversion}" if conversion else ""))
            out.append((f":{spec}" if spec else "") + "}")
    return "".join(out)


def _mark_catalog(catalog: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    return {
        lang: {k: mark_template(v) for k, v in entries.items()} for lang, entries in catalog.items()
    }


def identifiers(data: Any, key: str | None = None) -> set[str]:
    """The words of the event file's identifiers: every TOML key, and every PLAIN_KEYS value
    (ids such as BCC-04, side-gate or d-0508-am, area keys, the ordinal XXII). Reports and
    problems quote them as the user wrote them; they are allowed, as data, not as text."""
    if isinstance(data, dict):
        words = set(_WORD.findall(" ".join(data)))
        for k, v in data.items():
            words |= identifiers(v, k)
        return words
    if isinstance(data, list):
        return set().union(*(identifiers(v, key) for v in data))
    if isinstance(data, str) and key in PLAIN_KEYS:
        return set(_WORD.findall(data))
    return set()


def _mark_event_data(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _mark_event_data(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark_event_data(v, key) for v in value]
    if isinstance(value, str) and key not in PLAIN_KEYS:
        return mark(value)
    return value


@pytest.fixture
def pseudo_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrap every catalog template, area title, kind's name, formatted date and argparse word
    in ⟦…⟧."""
    core = _mark_catalog(i18n.catalog())
    monkeypatch.setattr(i18n, "catalog", lambda: core)

    original_specs = PluginManager.area_specs

    def area_specs(self: PluginManager) -> dict[str, venue_ready.AreaSpec]:
        return {
            key: attrs.evolve(
                spec,
                title_vi=mark(spec.title_vi),
                title_en=mark(spec.title_en),
                messages=_mark_catalog(spec.messages),
            )
            for key, spec in original_specs(self).items()
        }

    monkeypatch.setattr(PluginManager, "area_specs", area_specs)
    original_kinds = PluginManager.event_kinds

    def event_kinds(self: PluginManager) -> dict[str, venue_ready.EventKind]:
        # a kind's names are data of the kind, as an area's title is of its spec
        return {
            key: attrs.evolve(
                kind,
                title_vi=mark(kind.title_vi),
                title_en=mark(kind.title_en),
                noun_vi=mark(kind.noun_vi),
                noun_en=mark(kind.noun_en),
                starts_vi=mark(kind.starts_vi),
                starts_en=mark(kind.starts_en),
                opening_vi=mark(kind.opening_vi),
                opening_en=mark(kind.opening_en),
            )
            for key, kind in original_kinds(self).items()
        }

    monkeypatch.setattr(PluginManager, "event_kinds", event_kinds)
    original_catalogs = PluginManager.catalogs
    # catalogs() already merges the marked specs' messages; patched too, should it ever stop
    # going through area_specs(), marking what is not marked yet.
    monkeypatch.setattr(
        PluginManager,
        "catalogs",
        lambda self: {
            lang: {k: v if OPEN in v else mark_template(v) for k, v in entries.items()}
            for lang, entries in original_catalogs(self).items()
        },
    )

    # Imported before i18n is patched: a module first imported while it is patched would bind
    # the marked formatter for good, and every later test would see ⟦…⟧ dates.
    from venue_ready._render import (
        html,
        markdown,
        phrases,
        rollup_html,
        rollup_text,
        terminal,
        text,
    )
    from venue_ready.cli import journal as cli_journal

    # The public names resolve lazily (PEP 562) and are kept once resolved: resolved now, so
    # that a first use while i18n is patched does not keep the marked formatter for good.
    for name in ("format_datetime", "format_range", "format_date_short"):
        getattr(venue_ready, name)

    original_datetime = i18n.format_datetime

    def format_datetime(value: Any, lang: str) -> str:
        return mark(original_datetime(value, lang))

    monkeypatch.setattr(i18n, "format_datetime", format_datetime)
    # the other date formatters write their own words ("từ … đến …", "14/5/2020"): marked too
    original_range, original_short = i18n.format_range, i18n.format_date_short

    def format_range(start: Any, end: Any, lang: str) -> str:
        return mark(original_range(start, end, lang))

    def format_date_short(value: Any, lang: str) -> str:
        return mark(original_short(value, lang))

    monkeypatch.setattr(i18n, "format_range", format_range)
    monkeypatch.setattr(i18n, "format_date_short", format_date_short)
    modules = (html, markdown, phrases, rollup_html, rollup_text, terminal, text, cli_journal)
    for module in modules:
        if hasattr(module, "format_datetime"):
            monkeypatch.setattr(module, "format_datetime", format_datetime)
        if hasattr(module, "format_date_short"):
            monkeypatch.setattr(module, "format_date_short", format_date_short)


# -- the checker ---------------------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_WORD = re.compile(r"[^\W\d_]+")


def _unmarked(text: str) -> str:
    """``text`` with everything inside ⟦…⟧ (nested too) replaced by a space."""
    out: list[str] = []
    depth = 0
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth = max(depth - 1, 0)
            out.append(" ")
        elif depth == 0:
            out.append(char)
    return "".join(out)


def _plain(text: str) -> str:
    return _unmarked(_ANSI.sub("", unicodedata.normalize("NFC", text)))


def _words(text: str) -> set[str]:
    return set(_WORD.findall(_plain(text)))


def leftovers(text: str, allowed: frozenset[str] = ALLOWED | KNOWN | QUOTED) -> list[str]:
    """Each word outside ⟦…⟧ that is not allowed, with its context (empty: all catalogued)."""
    plain = _plain(text)
    found = []
    for match in _WORD.finditer(plain):
        if match.group() not in allowed:
            start, end = match.start(), match.end()
            context = plain[max(start - 30, 0) : end + 30].replace("\n", "⏎")
            found.append(f"{match.group()!r} in …{context}…")
    return found


class _HTMLText(HTMLParser):
    """Text nodes (not in <style>/<script>) and the attributes people read (title, alt, …)."""

    READ = frozenset({"title", "alt", "aria-label", "placeholder"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        self.parts.extend(v for k, v in attrs_ if k in self.READ and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip = max(self._skip - 1, 0)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(document: str) -> str:
    parser = _HTMLText()
    parser.feed(document)
    parser.close()
    return "\n".join(parser.parts)


_CLI_SYNTAX = re.compile(r"venue-ready|(?<![\w-])--?[a-z][a-z-]*|\{[a-z,-]+\}")


def cli_text(output: str) -> str:
    """CLI output minus what is typed rather than read: the program's name, option names
    (``--as-of``, ``-p``) and choice sets (``{vi,en}``)."""
    return _CLI_SYNTAX.sub(" ", output)


def markdown_text(document: str) -> str:
    """Markdown minus its fixed markup: table pipes and alignment rows, heading #, emphasis."""
    return re.sub(r"[|#*_`>\\-]", " ", document)


# -- producing every user-facing output ----------------------------------------------------------


def _event_data() -> dict[str, Any]:
    raw = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    # The example waives nothing: waive one item, so that a waiver's reason and approver show.
    waived = raw["areas"]["general"]["items"][-1]
    waived.update(status="waived", waiver={"reason": "Quận ủy tự tổng hợp", "approved_by": "BTV"})
    return raw


def _report() -> venue_ready.Report:
    event = venue_ready.from_dict(_mark_event_data(_event_data()), source="congress.toml")
    return venue_ready.assess(event, as_of=AS_OF)


def _outputs(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    from venue_ready import cli
    from venue_ready._render.html import render_html
    from venue_ready._render.markdown import render_markdown
    from venue_ready._render.terminal import render_terminal
    from venue_ready._render.text import render_text

    report = _report()
    outputs: dict[str, str] = {}
    for lang in LANGS:
        outputs[f"text/{lang}"] = render_text(report, lang)
        outputs[f"md/{lang}"] = markdown_text(render_markdown(report, lang))
        outputs[f"html/{lang}"] = html_text(render_html(report, lang))
        outputs[f"terminal/{lang}"] = render_terminal(report, lang, width=400, no_color=True)

    # Load problems, as the CLI prints them: a wrong type, an unknown key, a missing key.
    bad = _mark_event_data(_event_data())
    bad["event"]["expected_delegates"] = mark("many")
    bad["event"]["nmae"] = mark("typo")  # a key: identifiers() allows the words of "nmae"
    del bad["venue"]["name"]
    with pytest.raises(venue_ready.LoadError) as caught:
        venue_ready.from_dict(bad, source="congress.toml")
    for lang in LANGS:
        # Each line starts "file: key.path: ", the user's own file name and TOML keys
        # (identifiers, quoted as written): only the message after them is checked.
        outputs[f"problems/{lang}"] = "\n".join(
            p.render(lang, caught.value.catalogs).removeprefix(f"{p.file}: {format_path(p.path)}: ")
            for p in caught.value.problems
        )

    # The CLI's help (main and subcommands) and a usage error, in both languages.
    for lang in LANGS:
        for argv in (
            ["--help"],
            ["check", "--help"],
            ["rollup", "--help"],
            ["init", "--help"],
            ["plugins", "--help"],
            ["new-plugin", "--help"],
            ["mark", "--help"],
            ["history", "--help"],
            ["journal", "export", "--help"],
            ["journal", "import", "--help"],
            ["import-checklist", "--help"],
            ["completion", "--help"],
            ["serve", "--help"],
            ["access", "--help"],
            ["access", "team", "--help"],
            ["access", "link", "--help"],
            ["check"],
            ["check", "x.toml", "--lang", "fr"],
            ["chek", "x.toml"],
            ["check", "x.toml", "--formt", "y"],
            ["check", "x.toml", "--fail-under", "abc"],
            ["check", "nowhere.toml"],
        ):
            cli.main([*argv, "--lang", lang] if argv[-1] != "fr" else argv)
            out, err = capsys.readouterr()
            outputs[f"cli {' '.join(argv)}/{lang}"] = cli_text(out + err)
    return outputs


def _allowed() -> frozenset[str]:
    bad = _event_data()
    bad["event"]["nmae"] = "typo"
    return ALLOWED | KNOWN | QUOTED | identifiers(bad)


def _check(outputs: Mapping[str, str], allowed: frozenset[str]) -> list[str]:
    return [
        f"{name}: {word}" for name, text in outputs.items() for word in leftovers(text, allowed)
    ]


@pytest.mark.usefixtures("pseudo_locale")
def test_every_user_facing_string_comes_from_a_catalog(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outputs = _outputs(capsys)
    for name, text in outputs.items():
        assert OPEN in text, f"{name}: nothing was rendered through the catalogs"
    bypasses = _check(outputs, _allowed())
    # A KNOWN word that no longer shows was fixed: drop it from KNOWN, so it cannot come back.
    stale = KNOWN - {w for text in outputs.values() for w in _words(text)}
    assert not stale, f"fixed, remove from KNOWN: {sorted(stale)}"
    assert not bypasses, (
        "user-facing text that bypasses the message catalogs (add it to a catalog):\n"
        + "\n".join(bypasses)
    )


@pytest.mark.usefixtures("pseudo_locale")
def test_the_checker_flags_a_literal_string(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from venue_ready._render import text

    original: Callable[..., str] = text.render_text
    monkeypatch.setattr(text, "render_text", lambda r, lang: original(r, lang) + "\nhello\n")
    outputs = {"text/en": text.render_text(_report(), "en")}
    assert [b.split(" in ")[0] for b in _check(outputs, _allowed())] == ["text/en: 'hello'"]
    # Nested markers are removed whole; a word between two marked runs is still found.
    found = leftovers("\x1b[1mvenue\x1b[0m ⟦ok ⟦nested⟧ ok⟧ 42% ⟦a⟧usage⟦b⟧", frozenset())
    assert [word.split(" in ")[0] for word in found] == ["'venue'", "'usage'"]
