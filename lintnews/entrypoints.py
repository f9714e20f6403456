"""Find the ``lintnews`` entry points without ``importlib.metadata``.

Importing ``importlib.metadata`` (email parsing, zipfile, sockets ...) and
reading every installed distribution's metadata, as pluggy's
``load_setuptools_entrypoints`` does, takes a fifth of a second-long start.
The entry points of a distribution are in ``entry_points.txt`` inside its
``*.dist-info`` or ``*.egg-info`` folder on ``sys.path``: reading those files
directly takes a millisecond or two. Whenever the path holds something this
reader does not handle (a zip file, an import hook that provides
distributions), ``importlib.metadata`` is used instead.
"""
from __future__ import annotations

import os
import re
import sys
from typing import NamedTuple

_ENTRY = re.compile(r"(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\])?\s*$")


class EntryPoint(NamedTuple):
    name: str
    value: str

    def load(self):
        import importlib
        m = _ENTRY.match(self.value)
        if not m:
            raise ValueError(f"bad entry point {self.name} = {self.value}")
        obj = importlib.import_module(m.group("module"))
        for attr in filter(None, (m.group("attr") or "").split(".")):
            obj = getattr(obj, attr)
        return obj


def entry_points(group: str) -> list[EntryPoint]:
    """Entry points of ``group``, in ``sys.path`` order (distributions sorted
    by folder name within one path entry)."""
    found = _scan(group)
    if found is None:
        import importlib.metadata
        return [EntryPoint(ep.name, ep.value) for ep in importlib.metadata.entry_points(group=group)]
    return found


def _scan(group: str) -> list[EntryPoint] | None:
    import importlib.machinery
    if any(hasattr(finder, "find_distributions") and finder is not importlib.machinery.PathFinder
           for finder in sys.meta_path):
        return None  # a finder that may provide distributions of its own
    found, seen = [], set()
    header = f"[{group}]"
    for entry in sys.path:
        entry = entry or "."
        try:
            names = sorted(os.listdir(entry))
        except NotADirectoryError:
            return None  # a zip file or an egg
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            project = _normalize(name.rsplit(".", 1)[0].split("-")[0])
            if project in seen:
                continue  # the first one on the path wins, as with importlib.metadata
            seen.add(project)
            try:
                with open(os.path.join(entry, name, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            if header in text:
                found += _parse(text, group)
    return found


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _parse(text: str, group: str) -> list[EntryPoint]:
    found, current = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
        elif current == group and "=" in line:
            name, value = line.split("=", 1)
            found.append(EntryPoint(name.strip(), value.strip()))
    return found
