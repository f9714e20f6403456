"""On-disk caches that make a second run fast.

* **Compiled packs** (``pack-*.pickle``) and the **phrase automaton**
  (``phrases-*.pickle``) live in the user cache directory:
  ``$LINTNEWS_CACHE_DIR``, else ``$XDG_CACHE_HOME/lintnews``, else
  ``~/.cache/lintnews`` (the folder of the word-frequency tables). Building
  the rules of the typos pack (thousands of phrases) and the automaton that
  finds them costs several times what loading them does. They are pickles,
  read only from that private folder, and keyed by everything they are built
  from: the pack file's bytes and path, the code (``code_fingerprint``) and
  the Python version. Any change makes a new key; a file that cannot be read
  or unpickled is rebuilt.
* **Lint results** live in the project: see ``lintnews.results``.

Writes go to a temporary file renamed into place, so concurrent runs never
see half a file; a cache that cannot be written (a read-only home) is simply
not written.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from contextlib import contextmanager
from pathlib import Path

from . import __version__

#: Bump when the layout of cached objects changes without any file changing.
FORMAT = 1


def cache_dir() -> Path:
    """The user cache directory (shared with the word-frequency tables)."""
    env = os.environ.get("LINTNEWS_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "lintnews"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "lintnews" / "cache"
    return Path.home() / ".cache" / "lintnews"


_fingerprint: str | None = None


def code_fingerprint() -> str:
    """A digest of the code that builds and runs rules: lintnews' version,
    the size and modification time of each of its modules (an edited
    checkout must not use stale objects), of pyahocorasick (whose automata
    are pickled) and of the modules of third-party plugins, and Python's
    version. A few dozen ``stat`` calls: cheap enough for every start."""
    global _fingerprint
    if _fingerprint is None:
        h = hashlib.sha256(f"{FORMAT};{__version__};{sys.version}".encode())
        package = Path(__file__).resolve().parent
        files = sorted(package.rglob("*.py"))
        try:
            import ahocorasick
            files.append(Path(ahocorasick.__file__))
        except ImportError:  # pragma: no cover - a dependency
            pass
        for path in files:
            _stat_into(h, path)
        _fingerprint = h.hexdigest()
    return _fingerprint


def plugin_fingerprint(modules) -> str:
    """A digest of plugin modules from outside lintnews (their files)."""
    h = hashlib.sha256()
    for module in modules:
        name = getattr(module, "__name__", repr(module))
        if name == "lintnews" or name.startswith("lintnews."):
            continue
        h.update(name.encode())
        path = getattr(module, "__file__", None)
        if path:
            _stat_into(h, Path(path))
    return h.hexdigest()


def _stat_into(h, path: Path) -> None:
    try:
        st = path.stat()
    except OSError:
        h.update(f"{path}:missing;".encode())
    else:
        h.update(f"{path}:{st.st_size}:{st.st_mtime_ns};".encode())


def read_pickle(name: str):
    """The object cached under ``name``, or None."""
    try:
        data = (cache_dir() / name).read_bytes()
        with collection_paused():
            return pickle.loads(data)  # noqa: S301 - our own private cache folder
    except Exception:  # a missing, truncated or outdated file: rebuild it
        return None


@contextmanager
def collection_paused():
    """Pause Python's cyclic garbage collector while loading many objects
    that live as long as the process (a cached pack, word tables): it would
    scan them again and again and find nothing to free (a third of the time
    of loading the largest pack)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_startup = False


def pause_collection_for_startup() -> None:
    """For a command line run: no cyclic garbage collection until the rules
    are ready to lint (``end_of_startup``). Starting allocates objects that
    live as long as the process (modules, plugins, packs): the collector
    scanned them some thirty times and found next to nothing, a few
    milliseconds of a one-file run."""
    global _startup
    if gc.isenabled():
        gc.disable()
        _startup = True


def end_of_startup() -> None:
    """Collect again, leaving out (``gc.freeze``) every object made so far.
    Does nothing unless ``pause_collection_for_startup`` paused collection."""
    global _startup
    if _startup:
        _startup = False
        gc.freeze()
        gc.enable()


def write_pickle(name: str, obj) -> None:
    """Cache ``obj`` under ``name``, atomically; silently skipped when the
    folder cannot be written."""
    try:
        write_atomic(cache_dir() / name, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass


#: How many files of one kind (the name before its key: "pack", "idioms",
#: "confusables"...) the user cache keeps, newest first: one per pack file
#: and lintnews install in use on the machine, not one per edit of a pack
#: or upgrade since the cache was made.
KEEP = {"pack": 64}
KEEP_DEFAULT = 8


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` atomically (a reader sees the old file or the new one).
    In the user cache folder, the oldest files of the same kind beyond
    ``KEEP`` are then removed."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    import tempfile  # here: only a cache miss writes, and the import costs a start 10 ms
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if path.parent == cache_dir():
        prune(path)


def prune(path: Path) -> None:
    """Remove the oldest files of ``path``'s kind beyond what ``KEEP`` keeps.
    A file another process has open or mapped stays readable to it (POSIX);
    one that cannot be removed is left."""
    kind = path.name.rsplit("-", 1)[0]
    if kind == path.name:
        return
    keep = KEEP.get(kind, KEEP_DEFAULT)
    try:
        same = [(p.stat().st_mtime, p) for p in path.parent.glob(f"{kind}-*")
                if p.name.rsplit("-", 1)[0] == kind]
    except OSError:
        return
    same.sort(reverse=True)
    for _, old in same[keep:]:
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def load_pack(path, rule_types: dict, build, plugins: str = ""):
    """``build(path, rule_types)`` (``lintnews.packs.load_pack``), through the
    cache. The key covers the pack file's bytes and resolved path, the rule
    types by name and module, the plugins' and lintnews' code."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError:
        return build(path, rule_types)  # let the loader report it
    types = ";".join(f"{name}={cls.__module__}.{cls.__qualname__}" for name, cls in sorted(rule_types.items()))
    key = digest(code_fingerprint(), plugins, types, str(path), str(path.resolve()), data)
    name = f"pack-{key[:40]}.pickle"
    pack = read_pickle(name)
    if pack is not None and getattr(pack, "path", None) == str(path):
        return pack
    pack = build(path, rule_types)
    write_pickle(name, pack)
    return pack
