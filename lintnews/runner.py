"""Lint many files: results cache first, then worker processes for the rest.

The files are read in this process, one at a time as the linting goes (their
text is also what the reporters and the cache need): the text of a file is
held only while it waits for a worker, a bounded number of them, and after
it is linted only if it has findings. Files the cache knows are not linted
again; the others are linted here or, when there are enough of them, by
``jobs`` worker processes. Results come back in the order of the files,
whatever the number of workers.

Workers are forked on Linux: they inherit the loaded packs, the phrase
automaton and the word-frequency tables, warmed up here first, so a worker
costs a few milliseconds. Elsewhere (``spawn``) each worker builds its own
sessions from the same options, from the pack cache.
"""
from __future__ import annotations

import collections
import itertools
import os
import sys
import time
from dataclasses import dataclass

from . import inputs
from .errors import InternalError, LintError, internal_error
from .reporters import FileResult

#: Below this many files to lint, starting workers costs more than it saves.
MIN_FILES_PER_WORKER = 4
#: Files linted in this process before the workers start (see ``_in_workers``).
WARM_UP_FILES = 8
#: Chunks of files sent to each worker ahead of its results, and the most
#: text in a chunk: what bounds the text waiting for workers.
IN_FLIGHT_PER_WORKER = 4
CHUNK_CHARACTERS = 1_000_000


def default_jobs() -> int:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass
class Job:
    path: str      # as walked; "-" for stdin
    name: str      # as reported
    session: object
    text: str | None = None
    key: str | None = None


class Runner:
    """``run(jobs)`` → a ``FileResult``, a ``LintError`` or None (a file
    passed over, with a note) per job, in order."""

    def __init__(self, sessions, *, jobs: int | None = None, results_cache=None, progress=None,
                 read=None):
        self.sessions = sessions
        self.jobs = max(1, jobs or default_jobs())
        self.cache = results_cache
        self.progress = progress
        #: path ("-": stdin) → ``inputs.Input``, or None for a file passed over
        self.read = read or inputs.read_or_skip

    def run(self, jobs: list[Job]) -> list:
        outcomes: list = [None] * len(jobs)
        if self.progress:
            self.progress.start(len(jobs))
        to_lint = self._read(jobs, outcomes)
        # Look far enough ahead to know whether workers are worth starting;
        # the rest is read as the workers take it.
        ahead = list(itertools.islice(to_lint, WARM_UP_FILES + MIN_FILES_PER_WORKER * self.jobs))
        pending = itertools.chain(ahead, to_lint)
        workers = min(self.jobs, (len(ahead) - WARM_UP_FILES) // MIN_FILES_PER_WORKER)
        linted = self._in_workers(jobs, pending, workers, len(jobs)) if workers > 1 else self._here(jobs, pending)
        for i, diagnostics in linted:
            job = jobs[i]
            if isinstance(diagnostics, LintError):
                outcomes[i] = diagnostics
            else:
                # A clean file's text is not kept: memory stays bounded on a large run.
                outcomes[i] = FileResult(job.name, diagnostics, job.text if diagnostics else None)
                if self.cache is not None and job.key is not None:
                    self.cache.put(job.path, job.name, job.key, diagnostics)
            job.text = None
            self._advance()
        if self.progress:
            self.progress.finish()
        if self.cache is not None:
            self.cache.save()
        return outcomes

    def _read(self, jobs, outcomes):
        """Read each file in turn; settle those passed over, unreadable or
        known to the cache, and yield the index of each that needs linting
        (its text in ``job.text``)."""
        for i, job in enumerate(jobs):
            try:
                got = self.read(job.path)
            except LintError as exc:
                outcomes[i] = exc
                self._advance()
                continue
            if got is None:
                self._advance()
                continue  # passed over
            job.text = got.text
            del got  # its bytes
            if self.cache is not None and job.path != "-":
                job.key = self.cache.key(job.session, job.name, job.text)
                found = self.cache.get(job.path, job.name, job.key)
                if found is not None:
                    outcomes[i] = FileResult(job.name, found, job.text if found else None)
                    job.text = None
                    self._advance()
                    continue
            yield i

    def _advance(self):
        if self.progress:
            self.progress.advance()

    @staticmethod
    def _here(jobs, pending):
        for i in pending:
            job = jobs[i]
            try:
                yield i, job.session.lint_source(job.text, job.name)
            except LintError as exc:
                yield i, exc
            except Exception as exc:  # a bug: reported for this file, the others linted
                yield i, internal_error(job.name, exc)

    def _in_workers(self, jobs, pending, workers, total):
        global _sessions
        import multiprocessing  # here: a run that needs no workers does not pay for the import
        # The first files are linted here: that loads the word tables and
        # compiles the patterns real text needs, which forked workers then
        # share instead of each doing it again.
        first = list(itertools.islice(pending, WARM_UP_FILES))
        yield from self._here(jobs, first)
        pending = iter(pending)
        following = next(pending, None)
        if following is None:
            return
        pending = itertools.chain([following], pending)
        for session in {id(job.session): job.session for job in jobs}.values():
            session.lint_source("Warm up.", jobs[following].name)  # each configuration's rules
        if start_method() == "fork":
            context, init, init_args = multiprocessing.get_context("fork"), None, ()
            _sessions = self.sessions
        else:
            context, init, init_args = multiprocessing.get_context("spawn"), _start_worker, (self.sessions.spec(),)
        import gc
        gc.freeze()  # the loaded rules stay shared: collections in the workers would touch and copy them
        chunk = max(1, min(32, total // (workers * 8)))
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        def new_pool(size):
            return ProcessPoolExecutor(size, mp_context=context, initializer=init, initargs=init_args)

        pool = new_pool(workers)
        try:
            # A few chunks per worker in flight: enough to keep them busy,
            # few enough that the files waiting for them are read only now.
            in_flight = collections.deque()
            while True:
                work = _batch(jobs, pending, chunk)
                if work:
                    in_flight.append((work, pool.submit(_lint_batch, work)))
                    if len(in_flight) < IN_FLIGHT_PER_WORKER * workers:
                        continue
                if not in_flight:
                    break
                work, future = in_flight.popleft()
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    # A worker died (killed, out of memory, a crash in C code)
                    # and took the pool with it. Its files and those waiting
                    # with them are linted again one at a time, to name the
                    # file that kills a worker; then on with a fresh pool.
                    pool.shutdown(wait=False, cancel_futures=True)
                    redo = [item for w in [work, *(w for w, _ in in_flight)] for item in w]
                    in_flight.clear()
                    yield from _one_at_a_time(redo, new_pool)
                    pool = new_pool(workers)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _one_at_a_time(work, new_pool):
    """Lint each ``(i, name, text)`` in a worker of its own; a file whose
    worker dies is reported as such."""
    from concurrent.futures.process import BrokenProcessPool
    pool = new_pool(1)
    try:
        for item in work:
            try:
                yield pool.submit(_lint, item).result()
            except BrokenProcessPool:
                pool.shutdown(wait=False)
                pool = new_pool(1)
                yield item[0], InternalError(
                    f"{item[1]}: the worker process linting it died (killed, perhaps for want of memory); "
                    f"the other files were linted. A smaller --max-file-size passes large files over")
    finally:
        pool.shutdown(wait=True)


def _batch(jobs, pending, size: int) -> list:
    """The next chunk of work for a worker: up to ``size`` files, and no more
    text than ``CHUNK_CHARACTERS`` unless one file alone has more."""
    work, characters = [], 0
    for i in pending:
        work.append((i, jobs[i].name, jobs[i].text))
        characters += len(jobs[i].text)
        if len(work) >= size or characters >= CHUNK_CHARACTERS:
            break
    return work


def start_method() -> str:
    """``fork`` on Linux (cheap, and the workers share what this process
    loaded); ``spawn`` elsewhere, where forking a process is unsafe or absent."""
    import multiprocessing
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


_sessions = None  # the worker's ``Sessions``


def _start_worker(spec):
    global _sessions
    from .api import Sessions
    from .cli import show_notes
    show_notes()  # notes on odd input, as the command line shows them
    _sessions = Sessions.from_spec(spec)


def _lint_batch(work):
    return [_lint(item) for item in work]


def _lint(work):
    i, name, text = work
    try:
        return i, _sessions.for_path(name).lint_source(text, name)
    except LintError as exc:
        return i, exc
    except Exception as exc:  # a bug: reported for this file, the others linted
        return i, internal_error(name, exc)


class Progress:
    """A progress bar on stderr, for runs long enough to need one: shown
    only on a terminal, only after the first half second, at most ten
    updates a second, erased at the end."""

    def __init__(self, stream=None, *, delay: float = 0.5, width: int = 30):
        self.stream = stream or sys.stderr
        self.delay, self.width = delay, width
        self.total = self.done = 0
        self.began = self.shown = 0.0

    @classmethod
    def for_terminal(cls, stream=None):
        stream = stream or sys.stderr
        try:
            return cls(stream) if stream.isatty() else None
        except (AttributeError, ValueError):
            return None

    def start(self, total: int) -> None:
        self.total, self.done, self.began, self.shown = total, 0, time.monotonic(), 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self.began >= self.delay and now - self.shown >= 0.1:
            self.shown = now
            filled = self.width * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\rlintnews: [{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
