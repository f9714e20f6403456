"""Many files: worker processes, the results cache, the progress bar."""
import io
import json
import os

import pytest

from lintnews import runner
from lintnews.api import Session
from lintnews.runner import Progress

ARTICLES = [
    "The death tool rose to 40 on Tuesday, officials said.",
    "Reports claim the strikes killed 23,000 people.",
    "The council approved the budget. Do you agree? Let us know in the comments.",
    "Nothing to see here, the mayor said.",
    "It is estimated that 5,000 people attended.",
]


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """Forty articles in nested folders; the working directory holds the cache."""
    monkeypatch.chdir(tmp_path)
    for n in range(40):
        folder = tmp_path / "archive" / f"part{n % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{n:02d}.txt").write_text(f"Story {n}.\n\n{ARTICLES[n % len(ARTICLES)]}\n")
    return tmp_path / "archive"


def findings(out):
    return [(d["path"], d["line"], d["column"], d["rule"]) for d in json.loads(out)]


def test_workers_give_the_same_report_in_the_same_order(archive, run_cli):
    status1, one, _ = run_cli("check", "--no-cache", "-j", "1", "--format", "json", archive)
    status2, two, _ = run_cli("check", "--no-cache", "-j", "2", "--format", "json", archive)
    assert status1 == status2 == 1
    assert one == two and len(findings(one)) >= 20
    paths = [f[0] for f in findings(two)]
    assert paths == sorted(paths)  # the walk's order, whatever the workers did


def test_spawned_workers_make_the_same_sessions(archive, run_cli, monkeypatch):
    """Where processes are spawned (macOS, Windows), each worker builds its
    sessions from the run's options: same configuration, same findings."""
    from lintnews import runner
    (archive / ".lintnews.yaml").write_text("ignore: [attribution.unsourced-figure]\n")
    _, one, _ = run_cli("check", "--no-cache", "-j", "1", "--format", "json", "--select", "typos,attribution,engagement", archive)
    monkeypatch.setattr(runner, "start_method", lambda: "spawn")
    _, two, _ = run_cli("check", "--no-cache", "-j", "2", "--format", "json", "--select", "typos,attribution,engagement", archive)
    assert one == two and findings(one)
    rules = {f[3] for f in findings(one)}
    assert "attribution.vague-source" in rules and "attribution.unsourced-figure" not in rules


def test_jobs_must_be_a_positive_number(archive, run_cli, capsys):
    with pytest.raises(SystemExit) as exit:
        run_cli("check", "-j", "0", archive)
    assert exit.value.code == 2 and "at least 1" in capsys.readouterr().err


def count_lints(monkeypatch):
    calls = []
    original = Session.lint_source

    def counting(self, text, path=None, format=None):
        calls.append(path)
        return original(self, text, path, format)
    monkeypatch.setattr(Session, "lint_source", counting)
    return calls


def test_a_second_run_reads_unchanged_files_from_the_cache(archive, run_cli, monkeypatch):
    calls = count_lints(monkeypatch)
    status, first, _ = run_cli("check", "-j", "1", "--format", "json", archive)
    assert len(calls) == 40
    assert (archive.parent / ".lintnews_cache" / ".gitignore").is_file()
    calls.clear()
    status2, second, _ = run_cli("check", "-j", "1", "--format", "json", archive)
    assert calls == [] and (status2, second) == (status, first)
    # An edited file is linted again, and only that one.
    story = archive / "part0" / "story00.txt"
    story.write_text("The death tool rose.\n")
    status3, third, _ = run_cli("check", "-j", "1", "--format", "json", archive)
    assert calls == [str(story)]
    expected = [(str(story), d.line, d.column, d.rule) for d in Session().lint_source("The death tool rose.\n")]
    assert expected and [f for f in findings(third) if f[0] == str(story)] == expected


def test_settings_are_part_of_the_key(archive, run_cli, monkeypatch):
    calls = count_lints(monkeypatch)
    run_cli("check", "-j", "1", archive)
    calls.clear()
    status, out, _ = run_cli("check", "-j", "1", "--format", "json", "--ignore", "typos", archive)
    assert len(calls) == 40 and all(f[3].split(".")[0] != "typos" for f in findings(out))
    calls.clear()
    (archive / ".lintnews.yaml").write_text("min-severity: warning\n")
    status, out, _ = run_cli("check", "-j", "1", "--format", "json", archive)
    assert len(calls) == 40


def test_no_cache_neither_reads_nor_writes(archive, run_cli, monkeypatch):
    calls = count_lints(monkeypatch)
    run_cli("check", "--no-cache", "-j", "1", archive)
    run_cli("check", "--no-cache", "-j", "1", archive)
    assert len(calls) == 80
    assert not (archive.parent / ".lintnews_cache").exists()


def test_cache_dir_option_and_a_damaged_cache(archive, run_cli, monkeypatch, tmp_path):
    folder = tmp_path / "elsewhere"
    run_cli("check", "-j", "1", "--cache-dir", folder, archive)
    cached = list(folder.glob("results-*.json"))
    assert len(cached) == 1
    cached[0].write_text("{not json")
    status, out, _ = run_cli("check", "-j", "1", "--cache-dir", folder, "--format", "json", archive)
    assert status == 1 and len(findings(out)) >= 20


def test_unreadable_files_are_errors_not_cached(archive, run_cli):
    (archive / "part1" / "gone.txt").symlink_to(archive / "part1" / "nowhere.txt")
    for _ in range(2):
        status, _, err = run_cli("check", "-j", "2", archive)
        assert status == 2 and "gone.txt: no such file" in err


def test_notes_on_odd_files_come_with_cached_results_too(archive, run_cli):
    odd = archive / "part1" / "latin1.txt"
    odd.write_bytes("Caf\xe9 owners said the death tool rose.".encode("latin-1"))
    for _ in range(2):  # linted, then from the cache
        status, out, err = run_cli("check", "-j", "2", archive)
        assert status == 1 and f"{odd}:1:28: " in out
        assert f"lintnews: {odd}: warning: not valid UTF-8 (byte 0xE9 at line 1, column 4)" in err


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_on_a_terminal_only():
    assert Progress.for_terminal(io.StringIO()) is None
    stream = Terminal()
    bar = Progress.for_terminal(stream)
    bar.delay = 0
    bar.start(4)
    for _ in range(4):
        bar.shown = 0  # no rate limit in a test
        bar.advance()
    bar.finish()
    written = stream.getvalue()
    assert "lintnews: [" in written and "4/4 files" in written
    assert written.endswith("\r\x1b[K")  # erased at the end


def test_progress_bar_stays_hidden_for_quick_runs():
    stream = Terminal()
    bar = Progress(stream)
    bar.start(3)
    for _ in range(3):
        bar.advance()
    bar.finish()
    assert stream.getvalue() == ""


@pytest.mark.parametrize("jobs", [1, 2])
def test_files_are_read_as_the_linting_goes_not_all_first(tmp_path, jobs):
    """The runner holds the text of a bounded number of files waiting to be
    linted, however many files there are; after linting, only the text of
    files with findings (the reporters show it)."""
    from lintnews import inputs, runner
    from lintnews.api import Sessions
    from lintnews.runner import Job, Runner
    sessions = Sessions()
    files = []
    for n in range(1500):
        path = tmp_path / f"story{n:04d}.txt"
        path.write_text(f"Story {n}.\n\n{ARTICLES[0] if n % 100 == 0 else ARTICLES[3]}\n")
        files.append(Job(str(path), str(path), sessions.for_path(str(path))))
    held = []

    def read(path):
        held.append(sum(job.text is not None for job in files))
        return inputs.read_or_skip(path)

    outcomes = Runner(sessions, jobs=jobs, read=read).run(files)
    assert len(held) == 1500 and all(outcome is not None for outcome in outcomes)
    flagged = [o for o in outcomes if o.diagnostics]
    assert len(flagged) == 15 and all(o.source is not None for o in flagged)
    assert all(o.source is None for o in outcomes if not o.diagnostics)
    assert all(job.text is None for job in files)
    waiting = runner.WARM_UP_FILES + runner.MIN_FILES_PER_WORKER * jobs
    if jobs > 1:
        waiting += runner.IN_FLIGHT_PER_WORKER * jobs * 32
    print(f"\n-j {jobs}: at most {max(held)} of 1,500 files held at once")
    assert max(held) <= waiting + 1 < 1500 / 5


def _lint_or_die(work):
    """``runner._lint``, except that the worker dies on the file named in
    ``POISON`` (as a worker killed for want of memory would)."""
    if work[1] == POISON.get("name"):
        os._exit(9)
    return _real_lint(work)


POISON: dict = {}
_real_lint = runner._lint


def test_a_worker_that_dies_is_one_error_naming_its_file_and_the_run_goes_on(archive, run_cli, monkeypatch):
    """A worker process killed mid-run (out of memory, a crash in a C
    extension) does not hang the run nor lose the other files' findings."""
    poison = archive / "part0" / "poison.txt"
    poison.write_text("The death tool rose.\n")
    _, clean, _ = run_cli("check", "--no-cache", "-j", "1", "--format", "json", archive)
    assert str(poison) in clean
    monkeypatch.setattr(runner, "start_method", lambda: "fork")  # the workers inherit the poison
    monkeypatch.setattr(runner, "WARM_UP_FILES", 0)  # every file goes to a worker
    monkeypatch.setattr(runner, "_lint", _lint_or_die)
    monkeypatch.setitem(POISON, "name", str(poison))
    status, out, err = run_cli("check", "--no-cache", "-j", "2", "--format", "json", archive)
    assert status == 2
    assert err == (f"lintnews: {poison}: the worker process linting it died (killed, perhaps for want of "
                   f"memory); the other files were linted. A smaller --max-file-size passes large files over\n")
    assert findings(out) == [f for f in findings(clean) if f[0] != str(poison)]
