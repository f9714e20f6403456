"""Nothing is quadratic: each pathological input of benchmarks/pathological.py
lints, at 100,000 characters, in well under the guard below. The quadratic
code these cases caught took minutes to hours at this size (a regex
retrying a gap at every position, html.parser searching to the end for every
unclosed tag, a paragraph break scanning back over all text before it). The
guard is there to fail instead of hanging; the benchmark prints the figures."""
import importlib.util
import time
import warnings
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "pathological", Path(__file__).parent.parent / "benchmarks" / "pathological.py")
pathological = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pathological)

SIZE = 100_000
GUARD = 30  # seconds; linear code takes under 3 here, even on a busy machine


@pytest.mark.parametrize("case", list(pathological.CASES))
def test_pathological_input_lints_in_linear_time(session, case):
    name, make = pathological.CASES[case]
    source = make(SIZE)
    started = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = session.lint_source(source, name)
    assert time.monotonic() - started < GUARD
    assert all(0 <= d.start <= d.end <= len(source) for d in found)
