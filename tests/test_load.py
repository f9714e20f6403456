"""Under load: a run over 10,000 small files keeps its memory bounded. What
a run must keep is its findings (reporters write them at the end); the text
of a clean file is dropped once linted."""
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
    """Seconds, peak resident memory in MB, exit status and output of one run."""
    started = time.monotonic()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen([sys.executable, "-m", "lintnews", "check", "--format", "json", str(folder)],
                                stdout=subprocess.PIPE, stderr=devnull)
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
        figures[count] = (seconds, peak)
        print(f"\n{count:,} files: {seconds:.1f} s, peak RSS {peak:.0f} MB")
    growth = figures[10_000][1] - figures[1_000][1]
    print(f"9,000 more files: +{growth:.0f} MB ({growth * 1024 / 9000:.1f} KB a file, "
          f"{with_findings:,} of 10,000 with findings)")
    # Bounded: what grows is the findings kept for the report (a few KB for
    # each file with findings), not the text of every file linted.
    assert growth < 100
