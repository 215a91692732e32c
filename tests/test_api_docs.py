"""docs/api.md, the library reference for tool authors (#18): the page is the docstrings, every
public name is on it, its three worked examples run (against the real example file and a real
SQLite journal) and print what the page says, and no public docstring points at a private name.
"""

from __future__ import annotations

import ast
import builtins
import importlib.util
import inspect
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import venue_ready
import venue_ready.journal

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "api.md"
EXAMPLE = ROOT / "examples" / "ngoc-thuy-2020" / "congress.toml"
SRC = ROOT / "src" / "venue_ready"


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "api_reference", ROOT / "docs" / "api_reference.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = _reference()


# -- the page is the docstrings ---------------------------------------------------------------


def test_the_page_is_the_docstrings() -> None:
    """Each block of docs/api.md is written from its name's docstring by docs/api_reference.py:
    run that script after changing a docstring."""
    page = PAGE.read_text(encoding="utf-8")
    stale = [
        m.group(2)
        for m in REFERENCE.BLOCK.finditer(page)
        if m.group(3) != REFERENCE.markdown(m.group(2))
    ]
    assert stale == [], (
        f"docs/api.md differs from the docstrings of {stale}: run python docs/api_reference.py"
    )


def test_every_public_name_is_on_the_page_once() -> None:
    documented = REFERENCE.documented(PAGE.read_text(encoding="utf-8"))
    expected = REFERENCE.public_names()
    assert sorted(set(expected) - set(documented)) == [], "public names missing from docs/api.md"
    assert sorted(set(documented) - set(expected)) == [], "docs/api.md documents non-public names"
    assert len(documented) == len(set(documented)), "a name is documented twice"
    # venue_ready.__all__ and the journal's __all__, less the journal's re-exports of the same
    assert len(expected) > 80


def test_the_page_is_linked_from_the_readme() -> None:
    assert "(docs/api.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# -- the worked examples run --------------------------------------------------------------------


def _example(name: str) -> str:
    """The ```python block of docs/api.md whose first line is ``# name``."""
    blocks = dict(
        re.findall(r"```python\n# (\S+)\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    )
    return blocks[name]


def _printed_after(name: str) -> list[str]:
    """The lines of the ```text block that follows example ``name`` on the page."""
    page = PAGE.read_text(encoding="utf-8")
    after = page[page.index(f"```python\n# {name}\n") :]
    found = re.search(r"```text\n(.*?)```", after, re.S)
    assert found is not None
    return found.group(1).splitlines()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding a copy of the Ngọc Thụy example, as the current directory."""
    shutil.copy(EXAMPLE, tmp_path / "congress.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(name: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    code = compile(_example(name), f"docs/api.md:{name}", "exec")
    exec(code, {"__name__": "__main__"})  # the page's own example, as a reader runs it
    return capsys.readouterr().out.splitlines()


def test_the_morning_digest_sends_each_team_its_open_work(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run("digest.py", capsys)
    shown = _printed_after("digest.py")
    assert lines[: len(shown)] == shown  # the first message, as the page shows it
    headers = [line for line in lines if line.startswith("To ")]
    # one message per owner, each owner once; the roles a plugin names are in English, and the
    # same body written in the file ("Tiểu ban Phục vụ") is in the role's message
    assert len(headers) == len(set(headers)) > 5
    assert "To Service sub-committee: 3 open" in headers
    assert not any("Tiểu ban Phục vụ" in line for line in headers)
    # every open Finding of the report is in exactly one message
    report = venue_ready.assess(
        venue_ready.load(folder / "congress.toml"), as_of=_moment(2020, 5, 14, 7)
    )
    tasks = [line for line in lines if line.startswith("  - [")]
    assert (
        len(tasks)
        == len(report.findings(met=False))
        == sum(int(h.rsplit(": ", 1)[1].split()[0]) for h in headers)
    )


def test_the_chat_bot_records_an_update_delivered_twice_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run("bot.py", capsys)
    assert lines == _printed_after("bot.py")
    journal_file = folder / "congress.journal.sqlite"
    assert journal_file.is_file()  # beside the event file, where the CLI looks
    with venue_ready.open_journal(journal_file, create=False) as journal:
        entries = journal.entries()
    assert [(e.subject, str(e.status), e.by, e.key) for e in entries] == [
        ("security.plan", "done", "Công an phường", "telegram:9001")
    ]


def test_the_chat_bots_record_is_what_the_cli_reads(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run("bot.py", capsys)
    event = venue_ready.load(folder / "congress.toml")
    with venue_ready.open_journal(venue_ready.default_journal_path(folder / "congress.toml")) as j:
        replayed = j.replay(event, until=_moment(2020, 5, 14, 16))
    items = {item.id: item for plan in replayed.areas for item in plan.items}
    assert items["security.plan"].status == venue_ready.Status.DONE


def test_the_form_shows_its_problems_then_assesses_the_corrected_event(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _run("form.py", capsys)
    assert lines == _printed_after("form.py")
    assert "did you mean 'security'?" in lines[1]
    assert lines[0].startswith("areas.general.items[0].due: a before-phase item is due")


def _moment(*parts: int) -> object:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime(*parts, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


# -- no public docstring points at a private name ---------------------------------------------

#: ``literal`` or :role:`target` in a docstring
_LITERAL = re.compile(r"``([^`]+)``")
_ROLE = re.compile(r":(\w+):`~?([^`<]+?)(?:\s*<([^>]+)>)?`")
_NAME = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
_PRIVATE_PATH = re.compile(r"venue_ready(\.\w+)*\._\w+")
#: public by path besides the package
_PUBLIC_MODULES = {"journal", "testing", "cli", "pytest_plugin"}


def _public_set() -> set[str]:
    return set(venue_ready.__all__) | set(venue_ready.journal.__all__)


def _defined_names() -> set[str]:
    """Every name a module of venue_ready defines at its top level (functions, classes,
    assignments; not imports)."""
    names: set[str] = set()
    for file in SRC.rglob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return names


def _documented_objects() -> Iterator[tuple[str, object, set[str]]]:
    """Each public name, method and property with a docstring: its dotted name, the object,
    and the words its docstring may use freely (its parameters, its class's members)."""
    for qualname in REFERENCE.public_names():
        value, _module = REFERENCE.resolve(qualname)
        own = _parameters(value)
        if isinstance(value, type):
            members = {name for name in dir(value) if not name.startswith("_")}
            members |= {f.name for f in getattr(value, "__attrs_attrs__", ())}
            yield qualname, value, own | members
            for name, member in REFERENCE._members(value):
                function = member.fget if isinstance(member, property) else member
                function = getattr(function, "__func__", function)
                yield f"{qualname}.{name}", function, members | _parameters(function)
        elif callable(value) and not isinstance(value, type):
            yield qualname, value, own


def _parameters(value: object) -> set[str]:
    try:
        return set(inspect.signature(value).parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return set()


def _targets(doc: str) -> Iterator[str]:
    for m in _ROLE.finditer(doc):
        yield (m.group(3) or m.group(2)).strip()
    for m in _LITERAL.finditer(doc):
        yield m.group(1).strip()


def _private_mentions(
    doc: str, allowed: set[str], public: set[str], defined: set[str]
) -> list[str]:
    found = [m.group(0) for m in _PRIVATE_PATH.finditer(doc)]
    for written in _targets(doc):
        target = written.removesuffix("()")
        if not _NAME.match(target):
            continue  # code, an example, a key path
        parts = target.split(".")
        if parts[0] == "venue_ready":
            if len(parts) == 1:
                continue
            head = parts[1]
            if head in _PUBLIC_MODULES:
                if head == "journal" and len(parts) > 2 and parts[2] not in public:
                    found.append(target)
                continue
            if head not in public:
                found.append(target)
            continue
        head = parts[0]
        if head in public or head in allowed or hasattr(builtins, head):
            continue
        if head in defined and not head.startswith("venue_ready_"):  # hooks are public
            found.append(target)
    return found


def test_no_public_docstring_points_at_a_private_name() -> None:
    """A tool author reads docstrings with help(): a name they point at must be one the author
    can import (venue_ready's or venue_ready.journal's public names), a parameter, or a member
    of the class; never ``venue_ready._module`` nor a private module's name."""
    public = _public_set()
    defined = _defined_names() - public
    bad: dict[str, list[str]] = {}
    for name, value, allowed in _documented_objects():
        doc = inspect.getdoc(value) or ""
        if doc and getattr(value, "__module__", "venue_ready").startswith("venue_ready"):
            found = _private_mentions(doc, allowed, public, defined)
            if found:
                bad[name] = sorted(set(found))
    assert bad == {}


def test_the_private_name_check_finds_what_it_is_for() -> None:
    public = _public_set()
    defined = _defined_names() - public
    doc = "See ``MAX_SPAN_DAYS``, :func:`venue_ready._timeline.days` and :func:`unknown_subjects`."
    assert _private_mentions(doc, set(), public, defined) == [
        "venue_ready._timeline",
        "venue_ready._timeline.days",
        "MAX_SPAN_DAYS",
    ]
    assert _private_mentions("``event`` and :class:`Report`", {"event"}, public, defined) == []
