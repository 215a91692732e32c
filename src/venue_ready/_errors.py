"""The errors venue_ready raises, the problems a bad event file is reported with, and the
record of a plugin that failed (:class:`PluginFailure`, which reports carry)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import evolve, field, frozen

from ._model import Message

__all__ = [
    "LoadError",
    "MissingExtraError",
    "PluginError",
    "PluginFailure",
    "Problem",
    "format_path",
    "import_extra",
]


_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _path(value: Iterable[str | int]) -> tuple[str | int, ...]:
    return tuple(value)


def format_path(path: Sequence[str | int]) -> str:
    """Render a key path the way a reader finds it in the file: ``areas.general.items[2].due``."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        else:
            if out:
                out.append(".")
            # Keys that are not bare TOML keys (spaces, dots, Vietnamese letters) are quoted, as
            # they would be in the file.
            bare = part and all(c.isascii() and (c.isalnum() or c in "-_") for c in part)
            quoted = part.replace("\\", "\\\\").replace('"', '\\"')
            out.append(part if bare else f'"{quoted}"')
    return "".join(out)


@frozen
class Problem:
    """One thing wrong with an input: where it is (file and key path) and a message saying what.

    ``path`` is a sequence of keys and 0-based array indexes. ``file`` may be None for an event
    built in code. The message is rendered in the reader's language by :meth:`render`.
    ``catalogs`` are the words of the plugin whose message it is, when the library knows them
    (a problem from :func:`~venue_ready.validate` or in a :class:`LoadError` carries them, so
    ``problem.render(lang)`` reads as text); they are not part of what the problem says, and
    do not take part in comparing problems.
    """

    path: tuple[str | int, ...] = field(converter=_path)
    message: Message
    file: str | None = None
    catalogs: Mapping[str, Mapping[str, str]] | None = field(
        default=None, eq=False, repr=False, kw_only=True
    )
    #: Where in the file, 1-based, when the loader knows it (a problem of an event file; None
    #: for an event built in code). Not part of what the problem says: not compared.
    line: int | None = field(default=None, eq=False, kw_only=True)
    column: int | None = field(default=None, eq=False, kw_only=True)
    #: The key path as a reader finds it, an array's table named by its ``id`` (or name, or
    #: title) rather than its 0-based index: ``areas.security.items[plan].onwer``.
    label: str | None = field(default=None, eq=False, repr=False, kw_only=True)
    #: The line of the file the problem is on, and how many characters from ``column`` the
    #: marker under it covers (see :meth:`excerpt`).
    source_line: str | None = field(default=None, eq=False, repr=False, kw_only=True)
    width: int = field(default=1, eq=False, repr=False, kw_only=True)
    #: Parameters of the message said otherwise where the problem is shown located: a path
    #: it quotes (``first``), labelled as :attr:`label` is.
    located_params: Mapping[str, Any] | None = field(
        default=None, eq=False, repr=False, kw_only=True
    )

    @classmethod
    def of(
        cls, path: Iterable[str | int], message_id: str, /, file: str | None = None, **params: Any
    ) -> Problem:
        """Shorthand: ``Problem.of(("settings", "window_hours"), "settings.not-positive")``."""
        return cls(tuple(path), Message(message_id, params), file)

    def render(
        self, lang: str = "vi", catalogs: Mapping[str, Mapping[str, str]] | None = None
    ) -> str:
        """``file: key.path: what is wrong (what was expected)`` in ``lang``, a plugin's message
        in ``catalogs`` (default: the ones the problem carries). The one-line form programs
        and logs keep; :meth:`render_located` is the form a reader of the file is shown."""
        from ._i18n import translate

        text = translate(self.message, lang, self.catalogs if catalogs is None else catalogs)
        where = format_path(self.path)
        head = ": ".join(part for part in (self.file, where) if part)
        line = f"{head}: {text}" if head else text
        # One problem, one line: a value from the file may hold a newline or a tab.
        return line.translate(_ONE_LINE)

    def render_located(
        self, lang: str = "vi", catalogs: Mapping[str, Mapping[str, str]] | None = None
    ) -> str:
        """The problem as a compiler shows it, when the loader found where it is:
        ``file:line:column: key.path: what is wrong``, an array's table named by its id
        (:attr:`label`); with :meth:`excerpt`, the file's line and a marker under it. Without
        a line, :meth:`render`."""
        from ._i18n import translate

        if self.line is None:
            return self.render(lang, catalogs)
        message = self.message
        if message.id == "load.syntax":  # the line and column are in the head already
            message = Message("load.syntax-noline", {"error": message.params.get("error")})
        elif self.located_params:
            message = Message(message.id, {**message.params, **self.located_params})
        text = translate(message, lang, self.catalogs if catalogs is None else catalogs)
        where = self.label if self.label is not None else format_path(self.path)
        file = f"{self.file}:{self.line}:{self.column or 1}" if self.file else None
        head = ": ".join(part for part in (file, where) if part)
        line = f"{head}: {text}" if head else text
        return line.translate(_ONE_LINE)

    def excerpt(self) -> list[str]:
        """The file's line the problem is on with a ``^`` marker under the key or value, as a
        compiler shows it (two lines); empty when the line is not known::

               12 | onwer = "Công an phường"
                  | ^^^^^
        """
        if self.source_line is None or self.line is None:
            return []
        number = str(self.line)
        # a tab is shown as four spaces, so that the marker stays under the key
        line = self.source_line.replace("\t", "    ")
        column = max(1, self.column or 1)
        start = len(self.source_line[: column - 1].replace("\t", "    "))
        width = max(1, self.width)
        # a line of thousands of characters is shown around the column only
        left = max(0, start - _CONTEXT)
        shown = line[left : start + min(width, _EXCERPT) + _CONTEXT]
        if left:
            shown, start = "…" + shown, start - left + 1
        if left + len(shown) < len(line):
            shown += "…"
        width = min(width, _EXCERPT)
        gutter = " " * len(number)
        return [
            f" {number} | {shown.translate(_ONE_LINE)}",
            f" {gutter} | {' ' * start}{'^' * width}",
        ]


#: How many characters of a long line an excerpt shows before and after the marker, and the
#: widest marker.
_CONTEXT = 40
_EXCERPT = 60


class LoadError(Exception):
    """An event could not be loaded. ``problems`` holds every problem found, not only the first.

    ``str(error)`` lists them, one a line, in English; a CLI renders them in the reader's
    language with :meth:`Problem.render`.
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        catalogs: Mapping[str, Any] | None = None,
        lang: str | None = None,
    ):
        #: Message catalogs of the plugins whose validators reported some of the problems.
        self.catalogs: dict[str, Any] = dict(catalogs or {})
        self.problems: tuple[Problem, ...] = with_catalogs(problems, self.catalogs)
        #: The event's language, when the file got far enough to say it.
        self.lang = lang
        super().__init__("\n".join(p.render("en", self.catalogs) for p in self.problems))


def with_catalogs(
    problems: Iterable[Problem], catalogs: Mapping[str, Any] | None
) -> tuple[Problem, ...]:
    """``problems``, each carrying ``catalogs`` where it carries none: they render as text."""
    if not catalogs:
        return tuple(problems)
    return tuple(p if p.catalogs is not None else evolve(p, catalogs=catalogs) for p in problems)


class PluginError(Exception):
    """A plugin could not be loaded or used, and the caller asked for strict plugins."""


class MissingExtraError(ImportError):
    """A feature needs a library of an optional extra that is not installed: ``--format
    xlsx`` needs openpyxl, from ``venue-ready[office]``. An :class:`ImportError`, so
    ``except ImportError`` still catches it; the CLI prints it in the reader's language with
    the install command, exit 2."""

    def __init__(self, feature: str, module: str, extra: str, package: str | None = None) -> None:
        #: the distribution pip installs, named in the message: python-docx for module docx
        self.package = package or module
        super().__init__(
            f"{feature} needs {self.package}, which is not installed: "
            f"pip install 'venue-ready[{extra}]'",
            name=module,
        )
        self.feature = feature
        self.module = module
        self.extra = extra


def import_extra(
    module: str, *, feature: str, extra: str = "office", package: str | None = None
) -> Any:
    """``import module``, or :class:`MissingExtraError` naming ``feature``, the distribution
    (``package``, when its name is not the module's) and the extra that installs it. Heavy
    libraries are imported only here, when a feature asks for them, never when venue_ready
    starts."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(feature, module, extra, package) from exc


@frozen
class PluginFailure:
    """A plugin that failed: its name, its distribution, the stage it failed at, and why."""

    name: str
    distribution: str | None
    version: str | None
    #: import, register, hooks, kinds, areas, validate_settings, assess, adjust_report, renderers
    stage: str
    error: str

    def render(self, lang: str) -> str:
        """The failure in words, in ``lang`` (``vi`` or ``en``), as the reports print it."""
        from ._i18n import gettext

        return gettext(
            "report.failure-line",
            lang,
            plugin=self.name,
            distribution=self.distribution or "-",
            version=self.version or "-",
            stage=self.stage,
            error=self.error,
        )

    def describe(self) -> str:
        """``name (dist 1.2): stage: error`` in plain words, for logs and the English text."""
        dist = f" ({self.distribution} {self.version})" if self.distribution else ""
        return f"{self.name}{dist}: {self.stage}: {self.error}"


def _error_text(exc: BaseException) -> str:
    """An exception in one line, as failures record it: ``TypeError: what``."""
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
