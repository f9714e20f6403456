"""A finding, as reporters and API users see it."""
from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a file.

    ``line``/``column`` and ``end_line``/``end_column`` are 1-based, columns in
    code points; ``start``/``end`` are 0-based code-point offsets into the
    file's text (after BOM removal), end exclusive. ``fix`` is the text that
    replaces ``[start, end)``, or None.
    """
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    rule: str
    category: str
    severity: str
    message: str
    fix: str | None = None
    fix_safe: bool = True
    matched: str = ""

    def to_dict(self) -> dict:
        # Every field is a plain value: no need for dataclasses.asdict's deep copy (slow).
        return {name: getattr(self, name) for name in _PUBLIC}

    @property
    def sort_key(self):
        return (self.path, self.start, self.end, self.rule)


_PUBLIC = tuple(f.name for f in fields(Diagnostic) if f.name not in ("matched", "fix_safe"))
