"""Rule types: the Python behind a YAML rule's ``type:``.

A rule type validates the options a YAML rule gives it and finds matches in a
``Document``. Built-in types are registered through the ``lintnews_rule_types``
hook exactly as a third-party plugin's are.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable


class RuleError(ValueError):
    """A rule's options are wrong. ``key`` names the offending option, and
    ``item`` the entry within it (a mapping key or list index), so the pack
    loader can point at its line."""

    def __init__(self, message: str, key: str | None = None, item=None):
        super().__init__(message)
        self.key, self.item = key, item


@dataclass(frozen=True)
class Option:
    """One option a rule type accepts, for validation and ``lintnews explain``."""
    kind: type | tuple[type, ...]
    doc: str
    required: bool = False
    default: Any = None


@dataclass(frozen=True)
class Hit:
    """A match of a rule: a span of ``Document.text``, an optional fix (the
    replacement for the span) and values for the rule's message template."""
    start: int
    end: int
    fix: str | None = None
    data: dict = field(default_factory=dict)


class RuleType:
    """Base class of rule types. Subclasses set ``name`` and ``options`` and
    implement ``find``; ``setup`` receives the validated options."""

    name: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    #: Whether rules of this type skip text inside direct quotations unless
    #: the rule says otherwise (``quotes: lint`` / ``quotes: skip``).
    skip_quotes: ClassVar[bool] = False
    #: Whether matches come with a replacement.
    can_fix: ClassVar[bool] = False

    def __init__(self, rule, options: dict):
        self.rule = rule
        unknown = sorted(set(options) - set(self.options))
        if unknown:
            raise RuleError(f"unknown option {unknown[0]!r} for rule type {self.name!r} "
                            f"(allowed: {', '.join(sorted(self.options)) or 'none'})", unknown[0])
        values = {}
        for key, opt in self.options.items():
            if key not in options:
                if opt.required:
                    raise RuleError(f"rule type {self.name!r} needs option {key!r}", None)
                values[key] = opt.default
                continue
            value = options[key]
            if not isinstance(value, opt.kind):
                want = opt.kind if isinstance(opt.kind, tuple) else (opt.kind,)
                raise RuleError(f"option {key!r} must be {' or '.join(t.__name__ for t in want)}, "
                                f"not {type(value).__name__}", key)
            values[key] = value
        self.setup(**values)

    def setup(self, **options) -> None:
        """Prepare matching (compile patterns); raise ``RuleError`` on bad values.
        Runs for every rule of every loaded pack, so it must stay cheap."""

    def prepare(self) -> None:
        """Load what matching needs but validation does not (a heavy import, a
        data file). Called once, only for rules that are going to run; raise
        ``RuleError`` if the rule cannot run."""

    def find(self, doc) -> Iterable[Hit]:
        raise NotImplementedError

    def quoted(self, doc, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in a quotation and this rule skips
        quotations (``quotes: skip``). Rule types that look at parts of a
        match (a cue within a sentence) use it to honour the rule's choice."""
        return self.rule.skip_quotes and doc.in_quote(start, end)


def string_list(value, key: str) -> list[str]:
    """Validate a list of non-empty strings."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise RuleError(f"option {key!r} must be a list of non-empty strings", key)
    return value
