"""What the CLI says when it is used wrongly: argparse's usage errors in the reader's words,
"did you mean" for a command, an option or a value, and the event files near a file that is
not there.

Imported only when something is wrong (difflib with it): a command that runs does not pay for
it. argparse words its errors in English through its own gettext; rather than patching that
(a private name of the standard library), :func:`usage_message` reads the message argparse
passes to :meth:`Parser.error <._common.Parser.error>` against argparse's templates below
and says the same in the catalog's words, with a suggestion where one fits. A message none of
them matches is shown as argparse wrote it.
"""

from __future__ import annotations

import ast
import difflib
import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .._i18n import gettext as _

if TYPE_CHECKING:
    import argparse

    from ._common import Parser

__all__ = ["closest", "nearby_event_files", "option_strings", "unrecognized", "usage_message"]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to ``word`` when one is near enough to be what was meant."""
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def _template(text: str) -> re.Pattern[str]:
    """A regular expression matching argparse's printf-style ``text``: each ``%(name)s`` (or
    ``%(name)r``) becomes a named group, a bare ``%s``/``%r`` the group ``value``."""
    out, last = [], 0
    for match in re.finditer(r"%(?:\((\w+)\))?[sr]", text):
        out.append(re.escape(text[last : match.start()]))
        out.append(f"(?P<{match.group(1) or 'value'}>.*?)")
        last = match.end()
    out.append(re.escape(text[last:]))
    return re.compile("".join(out), re.DOTALL)


# argparse's own templates (Python 3.11 onwards), which it fills in English: read back, each is
# said again through the catalog.
_ARGUMENT = _template("argument %(argument_name)s: %(message)s")
_CHOICE = _template("invalid choice: %(value)r (choose from %(choices)s)")
_TYPE = _template("invalid %(type)s value: %(value)r")
_AMBIGUOUS = _template("ambiguous option: %(option)s could match %(matches)s")
_UNRECOGNIZED = _template("unrecognized arguments: %s")
_REQUIRED = _template("the following arguments are required: %s")
_SIMPLE = {
    "expected one argument": "cli.argparse.expected-one",
    "expected at most one argument": "cli.argparse.expected-at-most-one",
    "expected at least one argument": "cli.argparse.expected-at-least-one",
}


def _literal(text: str) -> str:
    """A value argparse quoted with ``%r``, as the user typed it."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def _action_name(action: argparse.Action) -> str:
    """How argparse names an action in its messages: its option strings, else its metavar,
    else its dest."""
    if action.option_strings:
        return "/".join(action.option_strings)
    return action.metavar if isinstance(action.metavar, str) else action.dest


def _parsers(parser: Parser) -> Iterator[Parser]:
    """``parser`` and every parser of its commands, depth first."""
    yield parser
    if parser.commands is not None:
        seen: set[int] = set()
        for sub in parser.commands.choices.values():
            if id(sub) not in seen:  # an alias is the same parser again
                seen.add(id(sub))
                yield from _parsers(sub)


def option_strings(parser: Parser) -> list[str]:
    """Every option string of ``parser`` and of its commands' parsers (built whole, or only
    the running command's: see :func:`venue_ready.cli.build_parser`)."""
    found: dict[str, None] = {}
    for each in _parsers(parser):
        for action in each.added_actions:
            found.update(dict.fromkeys(action.option_strings))
    return list(found)


def _choices(parser: Parser, name: str) -> list[str] | None:
    """The choices of ``parser``'s action that argparse names ``name`` (its commands', or an
    argument's), as the user would type them."""
    for each in _parsers(parser):
        actions: list[argparse.Action] = list(each.added_actions)
        if each.commands is not None:
            actions.append(each.commands)
        for action in actions:
            if action.choices is not None and _action_name(action) == name:
                return [str(choice) for choice in action.choices]
    return None


def usage_message(parser: Parser, message: str) -> str:
    """argparse's usage error ``message``, raised by ``parser``, in the parser's language."""
    lang = parser.lang
    if message in _SIMPLE:
        return _(_SIMPLE[message], lang)
    if match := _ARGUMENT.fullmatch(message):
        name, inner = match["argument_name"], match["message"]
        if choice := _CHOICE.fullmatch(inner):
            value = _literal(choice["value"])
            known = _choices(parser, name)
            hint = closest(value, known or ())
            is_command = parser.commands is not None and name == _action_name(parser.commands)
            key = "cli.unknown-command" if is_command else "cli.bad-choice"
            return _(
                key + ("-hint" if hint else ""),
                lang,
                argument=name,
                value=value,
                hint=hint,
                choices=", ".join(known) if known else choice["choices"],
            )
        if invalid := _TYPE.fullmatch(inner):
            value = _literal(invalid["value"])
            return _(
                "cli.argparse.bad-value", lang, argument=name, value=value, type=invalid["type"]
            )
        if inner in _SIMPLE:
            return _("cli.argparse.argument", lang, argument=name, message=_(_SIMPLE[inner], lang))
        return _("cli.argparse.argument", lang, argument=name, message=inner)
    if match := _UNRECOGNIZED.fullmatch(message):
        return unrecognized(parser, match["value"].split(" "))
    if match := _REQUIRED.fullmatch(message):
        return _("cli.argparse.required", lang, names=match["value"])
    if match := _AMBIGUOUS.fullmatch(message):
        return _("cli.argparse.ambiguous", lang, option=match["option"], matches=match["matches"])
    return message


def unrecognized(parser: Parser, args: list[str]) -> str:
    """Arguments no parser took: the first unknown option with the nearest known one, or the
    arguments left over when every option was known."""
    lang = parser.lang
    for arg in args:
        if arg.startswith("-") and len(arg) > 1:
            option = arg.partition("=")[0]
            hint = closest(option, option_strings(parser))
            if hint:
                return _("cli.unknown-option-hint", lang, option=option, hint=hint)
            return _("cli.unknown-option", lang, option=option)
    return _("cli.argparse.unrecognized", lang, args=" ".join(args))


#: How much of a .toml file is read to tell an event file: its [event] table comes first.
_HEAD_BYTES = 65536
_EVENT_TABLE = re.compile(rb"^[ \t]*\[[ \t]*event[ \t]*\][ \t]*(?:#.*)?$", re.MULTILINE)


def nearby_event_files(file: str, limit: int = 5) -> tuple[str, list[str]]:
    """The folder of ``file`` (which is not there) and the event files in it (``*.toml`` with an
    ``[event]`` table), as paths to type, the name closest to ``file``'s first; at most
    ``limit``. No folder, or a folder that cannot be read, has none."""
    folder = os.path.dirname(file) or os.curdir
    try:
        names = [name for name in os.listdir(folder) if name.lower().endswith(".toml")]
    except OSError:
        return folder, []
    found = []
    for name in names:
        try:
            with open(os.path.join(folder, name), "rb") as fh:
                head = fh.read(_HEAD_BYTES)
        except OSError:
            continue
        if _EVENT_TABLE.search(head):
            found.append(name)
    wanted = os.path.basename(file)

    def nearness(name: str) -> tuple[float, str]:
        return -difflib.SequenceMatcher(None, wanted, name).ratio(), name

    found.sort(key=nearness)
    shown = [name if folder == os.curdir else os.path.join(folder, name) for name in found]
    return folder, shown[:limit]
