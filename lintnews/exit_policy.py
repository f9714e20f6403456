"""Which findings fail a run: ``--fail-on`` and ``--exit-zero``.

Exit statuses are stable: 0 clean (or nothing at the chosen severity),
1 findings, 2 an error (bad option, unreadable file) — an error is never
hidden by ``--exit-zero``, since it means some text was not checked.
"""
from __future__ import annotations

from .commands import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

#: Severities from most to least serious; ``--fail-on X`` fails on X or worse.
SEVERITIES = ("error", "warning", "info")


def fails(severity: str, fail_on: str) -> bool:
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return rank.get(severity, 0) <= rank[fail_on]


def exit_status(diagnostics, *, errors: int = 0, fail_on: str = "info", exit_zero: bool = False) -> int:
    """The exit status of a run that left ``diagnostics`` and hit ``errors``."""
    if errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_FINDINGS if any(fails(d.severity, fail_on) for d in diagnostics) else EXIT_CLEAN
