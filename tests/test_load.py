"""Under load: a run over 10,000 small files keeps its memory bounded. What
a run must keep is its findings and the text of the files that have some
(reporters write them at the end); files are read as the linting goes and a
clean file's text is dropped once linted (tests/test_runner.py checks how many
texts are held at once)."""
import json
import os
import random
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES

CLEAN = "The council met on Tuesday and approved the budget for the coming year."
FLAGGED = "Experts believe the plan will fail."


def write_files(folder, count: int) -> int:
    """``count`` articles of a few paragraphs, every other one clean; returns
    how many have findings."""
    paragraphs = [p for p in (FIXTURES / "seed-article.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
    rng = random.Random(count)
    for i in range(count):
        sub = folder / f"batch{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        text = "\n\n".join(rng.sample(paragraphs, 3) + [FLAGGED]) if i % 2 else "\n\n".join([CLEAN] * 4)
        (sub / f"story{i:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return count // 2


def run_measured(folder) -> tuple[float, float, int, bytes]:
    """Seconds, peak resident memory in MB, exit status and output of one run
    (with the defaults: worker processes, results cache in a fresh folder)."""
    started = time.monotonic()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen([sys.executable, "-m", "lintnews", "check", "--format", "json", str(folder)],
                                stdout=subprocess.PIPE, stderr=devnull, cwd=folder)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - started, usage.ru_maxrss / 1024, proc.returncode, out


@pytest.mark.slow
def test_ten_thousand_files_with_bounded_memory(tmp_path):
    figures = {}
    for count in (1_000, 10_000):
        folder = tmp_path / f"files{count}"
        folder.mkdir()
        with_findings = write_files(folder, count)
        seconds, peak, status, out = run_measured(folder)
        assert status == 1
        assert len({d["path"] for d in json.loads(out)}) == with_findings  # every file linted
        text = sum(p.stat().st_size for p in folder.rglob("*.txt"))
        figures[count] = (seconds, peak, text + len(out))
        print(f"\n{count:,} files: {seconds:.1f} s, peak RSS {peak:.0f} MB "
              f"({text / 1e6:.1f} MB of text, {len(out) / 1e6:.1f} MB of findings as JSON)")
    growth = figures[10_000][1] - figures[1_000][1]
    data = (figures[10_000][2] - figures[1_000][2]) / 2**20
    print(f"9,000 more files: +{growth:.0f} MB of memory for +{data:.0f} MB of text and findings "
          f"({growth * 1024 / 9000:.1f} KB a file; {with_findings:,} of 10,000 have findings)")
    # Bounded: memory grows with what a run holds (the findings for the report
    # and the cache, the text of the files with findings) by a small factor,
    # and with nothing else.
    assert growth < 4 * data + 32
