"""Write the hook reference of docs/plugins.md from the hookspecs' docstrings.

The docstrings in ``src/venue_ready/_hookspecs.py`` are the one source: what a plugin author
reads in an editor and what the page says are the same words. Each hook's section of
docs/plugins.md holds a block between ``<!-- hookspec: NAME -->`` and ``<!-- /hookspec -->``
made from its docstring (RST roles become code spans, ``:param:`` lines a table); the text
around the blocks (field tables, worked examples) is written by hand.

    python docs/hook_reference.py          # rewrite the blocks
    python docs/hook_reference.py --check  # exit 1 when a block is stale (tests/test_docs.py)
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

PAGE = Path(__file__).resolve().parent / "plugins.md"
BLOCK = re.compile(r"(<!-- hookspec: (\w+) -->\n)(.*?)(<!-- /hookspec -->)", re.S)
# :class:`~venue_ready.AreaSpec`, :meth:`Report.render <venue_ready.Report.render>`, :func:`x`
_ROLE = re.compile(r":\w+:`(~?)([^`<]+?)(?:\s*<[^>]+>)?`")
_FIELD = re.compile(r"^:(param (\w+)|return):\s*(.*)$")


def _inline(text: str) -> str:
    """RST inline markup as Markdown: roles and ``literals`` become code spans."""

    def role(m: re.Match[str]) -> str:
        target = m.group(2).strip()
        return f"`{target.rsplit('.', 1)[-1] if m.group(1) else target}`"

    text = _ROLE.sub(role, text)
    text = text.replace("``", "`")
    return re.sub(r"` s\b", "`s", text)  # RST needs ":class:`X` s" for a plural; Markdown not


def markdown(hook: object) -> str:
    """The Markdown block for one hookspec, from its docstring."""
    doc = inspect.cleandoc(hook.__doc__ or "")
    prose: list[str] = []
    params: list[list[str]] = []  # [name, text]
    returns: list[str] = []
    since = ""
    current: list[str] | None = None
    for line in doc.splitlines():
        field = _FIELD.match(line)
        if field:
            if field.group(2):
                params.append([field.group(2), field.group(3)])
                current = params[-1]
            else:
                returns.append(field.group(3))
                current = returns
            continue
        if line.startswith(".. versionadded::"):
            since = line.split("::", 1)[1].strip()
            current = None
            continue
        if current is not None and line.startswith("    "):
            current[-1] += " " + line.strip()
            continue
        current = None
        prose.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(prose).strip())
    # paragraphs: a "::" literal block stays indented, as a Markdown code block
    out = [_inline(text.replace("::\n", ":\n"))]
    if params:
        out.append(
            "| argument | meaning |\n|---|---|\n"
            + "\n".join(f"| `{name}` | {_inline(meaning)} |" for name, meaning in params)
        )
    if returns:
        out.append(f"**Returns** {_inline(returns[0])}")
    if since:
        out.append(f"*Since {since}.*")
    return "\n\n".join(out) + "\n"


def render(page: str) -> str:
    """``page`` with every hookspec block rewritten from the docstrings."""
    sys.path.insert(0, str(PAGE.parent.parent / "src"))
    from venue_ready import _hookspecs as hookspecs

    def block(m: re.Match[str]) -> str:
        hook = getattr(hookspecs, m.group(2))
        return f"{m.group(1)}{markdown(hook)}{m.group(4)}"

    return BLOCK.sub(block, page)


def main(argv: list[str]) -> int:
    page = PAGE.read_text(encoding="utf-8")
    new = render(page)
    if "--check" in argv:
        if new != page:
            print(f"{PAGE} is stale: run python docs/hook_reference.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
