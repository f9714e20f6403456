"""The rule packs shipped with lintnews (the top-level ``rules/`` folder,
installed as the package data of ``lintnews.rules``)."""
from __future__ import annotations

from pathlib import Path

from .hookspecs import hookimpl


def packs_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    try:  # an editable install maps lintnews.rules onto the checkout's rules/
        import lintnews.rules as shipped
        return Path(next(iter(shipped.__path__)))
    except (ImportError, StopIteration):
        return here / "rules"


@hookimpl
def lintnews_packs():
    return sorted(packs_dir().glob("*.yaml"))
