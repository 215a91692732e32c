"""Optional dependencies of the office formats, imported only when such a format is used.

``python-docx`` (``--format docx``) is in the extra ``office``: a plain install of venue-ready
does not carry it. :func:`require` imports a module of an extra, or raises
:class:`MissingExtra`, whose text names the command that installs it; the CLI prints that text
and exits 2 (a usage error: the format needs something the user can install).
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["MissingExtra", "require"]

_TEXT = {
    "vi": (
        "định dạng '{format}' cần thư viện {package}, chưa được cài đặt. "
        "Hãy cài: pip install 'venue-ready[{extra}]'"
    ),
    "en": (
        "the format '{format}' needs the library {package}, which is not installed. "
        "Install it: pip install 'venue-ready[{extra}]'"
    ),
}


class MissingExtra(ImportError):
    """A format's optional library is not installed: ``package`` (the distribution's name)
    from the extra ``extra``. ``str(exc)`` is the English text; :meth:`text` gives it in a
    report language."""

    def __init__(self, fmt: str, package: str, extra: str) -> None:
        self.format = fmt
        self.package = package
        self.extra = extra
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """What is missing and the command that installs it, in ``lang`` (vi or en)."""
        template = _TEXT.get(lang, _TEXT["en"])
        return template.format(format=self.format, package=self.package, extra=self.extra)


def require(module: str, *, fmt: str, package: str, extra: str = "office") -> ModuleType:
    """``module`` imported, or :class:`MissingExtra` naming ``package`` and its ``extra``."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtra(fmt, package, extra) from exc
