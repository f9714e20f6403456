"""Errors the user must fix, notes on odd input, and the last-resort message
for a bug. Each reads as one line naming the file (and line)."""
import contextlib
import os
import threading
import warnings


class LintError(Exception):
    """A problem the user must fix (bad option, unreadable file): exit 2."""


class ConfigError(LintError):
    """A configuration file that cannot be used: ``FILE:LINE: message``."""


class InputWarning(UserWarning):
    """Something odd about a file, not an error: it was passed over, or read
    or parsed in a fallback way. The command line prints each as one line
    ``lintnews: FILE: ...`` on stderr; API users get an ordinary warning."""


_collecting = threading.local()


def note(message: str) -> None:
    """Issue an ``InputWarning`` (``message`` starts with the file's name),
    or add it to the notes being collected in this thread."""
    notes = getattr(_collecting, "notes", None)
    if notes is not None:
        notes.append(message)
        return
    warnings.warn(InputWarning(message), stacklevel=2)


@contextlib.contextmanager
def collected_notes():
    """Collect the notes issued in this thread (in a list) instead of
    warning: for code that carries them elsewhere, such as a Dask task whose
    notes the client prints. Thread-safe, unlike ``warnings.catch_warnings``."""
    outer = getattr(_collecting, "notes", None)
    _collecting.notes = notes = []
    try:
        yield notes
    finally:
        _collecting.notes = outer


class InternalError(LintError):
    """A bug in lintnews (or a plugin) met while linting a file: reported
    in one line, like an error the user must fix, never as a traceback."""


def internal_error(name: str | None, exc: BaseException) -> InternalError:
    """The one-line report of ``exc``, a bug met while linting ``name``
    (None: elsewhere). With ``LINTNEWS_TRACEBACK`` set, ``exc`` is raised
    instead, for its traceback."""
    if os.environ.get("LINTNEWS_TRACEBACK"):
        raise exc
    where = f" while linting {name}" if name else ""
    if isinstance(exc, MemoryError):
        return InternalError(f"out of memory{where}; a smaller --max-file-size passes such files over")
    return InternalError(f"internal error{where}: {type(exc).__name__}: {exc}. This is a bug: please "
                         f"report it with the command, `lintnews --version` and, if you can, the file "
                         f"(LINTNEWS_TRACEBACK=1 shows where it happened)")
