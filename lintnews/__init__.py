"""lintnews: a linter for news copy.

>>> from lintnews import lint_text
>>> [d.rule for d in lint_text("The death tool rose on Tuesday, officials said.")]
['typos.news-phrases']
"""
__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "Diagnostic", "Session"]


def __getattr__(name):
    # Imported lazily so `lintnews --version` and plugin discovery stay fast.
    if name in ("lint_text", "Session"):
        from . import api
        return getattr(api, name)
    if name == "Diagnostic":
        from .diagnostic import Diagnostic
        return Diagnostic
    raise AttributeError(name)
