"""Write the reference sections of docs/api.md from the public names' docstrings.

The docstrings are the one source: what a tool author reads with ``help()`` and what the page
says are the same words. docs/api.md holds one block per public name, between
``<!-- api: NAME -->`` and ``<!-- /api -->`` (NAME is ``venue_ready.X`` or
``venue_ready.journal.X``): its signature and its docstring, and for a class each public method
and property defined by venue_ready (not by attrs, enum or object). The grouping, the headings
and the worked examples around the blocks are written by hand. A name exported by both
``venue_ready`` and ``venue_ready.journal`` is documented once, as ``venue_ready.X``.

    python docs/api_reference.py          # rewrite the blocks
    python docs/api_reference.py --check  # exit 1 when a block is stale (tests/test_api_docs.py)
"""

from __future__ import annotations

import enum
import importlib.util
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGE = DOCS / "api.md"
BLOCK = re.compile(r"(<!-- api: ([\w.]+) -->\n)(.*?)(<!-- /api -->)", re.S)
# a "#:" comment block right above "NAME = ..." or "NAME: type = ..."
_COMMENT = r"((?:^#:.*\n)+)^{name}\s*[:=]"


def _hook_reference() -> object:
    spec = importlib.util.spec_from_file_location("hook_reference", DOCS / "hook_reference.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def public_names() -> list[str]:
    """Every name the page must document: ``venue_ready.__all__`` (but ``__version__``) and
    ``venue_ready.journal.__all__``, a journal name that is also ``venue_ready``'s once."""
    import venue_ready
    from venue_ready import journal

    names = [f"venue_ready.{n}" for n in venue_ready.__all__ if n != "__version__"]
    for name in journal.__all__:
        same = name in venue_ready.__all__ and getattr(venue_ready, name) is getattr(journal, name)
        if not same:
            names.append(f"venue_ready.journal.{name}")
    return names


def resolve(qualname: str) -> tuple[object, object]:
    """The object ``qualname`` names, and the module it is defined in (for ``#:`` comments)."""
    import importlib

    module_name, _, name = qualname.rpartition(".")
    value = getattr(importlib.import_module(module_name), name)
    home = getattr(value, "__module__", None)
    if not isinstance(home, str) or not home.startswith("venue_ready"):
        home = _defining_module(module_name, name)
    return value, importlib.import_module(home)


def _defining_module(module_name: str, name: str) -> str:
    """For a value without ``__module__`` (a constant, an alias): the private module that
    assigns it, as ``venue_ready``'s table or the journal package's imports say."""
    import importlib

    import venue_ready

    if module_name == "venue_ready":
        return f"venue_ready.{venue_ready._EXPORTS[name]}"
    package = importlib.import_module(module_name)
    for sub in (
        "entries",
        "store",
        "sqlite_backend",
        "history",
        "marking",
        "replaying",
        "transfer",
    ):
        candidate = importlib.import_module(f"{module_name}.{sub}")
        pattern = _COMMENT.format(name=re.escape(name))
        if getattr(candidate, name, None) is getattr(package, name) and re.search(
            pattern, inspect.getsource(candidate), re.M
        ):
            return candidate.__name__
    return module_name


def _comment(module: object, name: str) -> str:
    """The ``#:`` comment above ``name``'s assignment in ``module``."""
    found = re.search(_COMMENT.format(name=re.escape(name)), inspect.getsource(module), re.M)  # type: ignore[arg-type]
    if found is None:
        return ""
    return "\n".join(line[2:].strip() for line in found.group(1).splitlines())


def _signature(name: str, value: object) -> str:
    try:
        signature = inspect.signature(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return name
    text = str(signature)
    text = re.sub(r" at 0x[0-9a-f]+", "", text)  # a default's repr with its address
    text = re.sub(r"(: |-> )'([^']*)'", r"\1\2", text)  # annotations, unquoted
    return f"{name}{text}"


def _doc(value: object) -> str:
    doc = value.__doc__ if isinstance(value.__doc__, str) else ""
    return inspect.cleandoc(doc)


class _Doc:
    def __init__(self, text: str) -> None:
        self.__doc__ = text


def _markdown(text: str) -> str:
    return _hook_reference().markdown(_Doc(text)).strip()  # type: ignore[attr-defined]


def _members(cls: type) -> Iterator[tuple[str, object]]:
    """The public methods and properties ``cls`` and its venue_ready bases define."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("venue_ready"):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or name in seen:
                continue
            seen.add(name)
            if isinstance(value, property | staticmethod | classmethod) or inspect.isfunction(
                value
            ):
                yield name, value


def markdown(qualname: str) -> str:
    """The Markdown block for one public name."""
    value, module = resolve(qualname)
    short = qualname.rpartition(".")[2]
    out: list[str] = []
    if isinstance(value, type) and issubclass(value, enum.Enum):
        out.append(f"```python\nclass {short}({value.__mro__[1].__name__})\n```")
        out.append(_markdown(_doc(value)))
        members = ", ".join(f"`{m.name}` (`{m.value!r}`)" for m in value)
        out.append(f"Members: {members}.")
    elif isinstance(value, type):
        out.append(f"```python\nclass {_signature(short, value)}\n```")
        out.append(_markdown(_doc(value)))
        for name, member in sorted(_members(value)):
            if isinstance(member, property):
                head = f"property `{short}.{name}`"
                doc = _doc(member.fget)
            else:
                function = getattr(member, "__func__", member)
                head = f"`{short}.{_signature(name, function)}`"
                if isinstance(member, classmethod):
                    head = f"classmethod {head}"
                doc = _doc(function)
            out.append(f"**{head}**" + (f"\n\n{_markdown(doc)}" if doc else ""))
    elif inspect.isfunction(value):
        out.append(f"```python\n{_signature(short, value)}\n```")
        out.append(_markdown(_doc(value)))
    else:  # a constant, a type alias, the hookimpl marker: its "#:" comment
        shown = repr(value) if isinstance(value, int | float | str | tuple) else None
        head = f"{short} = {shown}" if shown is not None else short
        out.append(f"```python\n{head}\n```")
        out.append(_markdown(_comment(module, short)))
    return "\n\n".join(part for part in out if part) + "\n"


def render(page: str) -> str:
    """``page`` with every block rewritten from the docstrings."""
    sys.path.insert(0, str(DOCS.parent / "src"))

    def block(m: re.Match[str]) -> str:
        return f"{m.group(1)}{markdown(m.group(2))}{m.group(4)}"

    return BLOCK.sub(block, page)


def documented(page: str) -> list[str]:
    """The names the page has a block for, in order."""
    return [m.group(2) for m in BLOCK.finditer(page)]


def main(argv: list[str]) -> int:
    page = PAGE.read_text(encoding="utf-8")
    new = render(page)
    if "--check" in argv:
        if new != page:
            print(f"{PAGE} is stale: run python docs/api_reference.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
