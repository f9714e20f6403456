"""Refuse regular expressions that can backtrack catastrophically.

Rule packs are untrusted input, and Python's ``re`` has no time limit. A
pattern whose run time can grow exponentially with the input is refused when
its pack loads. The classic cause is an unbounded repeat inside another
unbounded repeat (``(a+)+``, ``(\\w*\\s?)*``): the "star height" test used by
tools such as safe-regex. It also refuses some safe patterns (``(\\s+\\w+)*``);
their authors can make the inner repeat possessive (``\\w++``) or atomic. A repeated alternation whose branches can match the
same text (``(a|a)*``, ``(\\w|\\d)+``) is refused too.
"""
from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the stdlib's own name
from re import _parser

MAX_PATTERN_LENGTH = 5_000
_UNBOUNDED = 10  # a repeat allowing more than this many iterations counts as unbounded


def regex_problem(source: str) -> str | None:
    """Why ``source`` is unsafe or too large, or None if it is fine."""
    if len(source) > MAX_PATTERN_LENGTH:
        return f"pattern is {len(source)} characters long; the limit is {MAX_PATTERN_LENGTH}"
    try:
        tree = _parser.parse(source)
        return _walk(tree, inside_repeat=False)
    except re.error:
        return None  # compiling reports syntax errors with their position
    except RecursionError:  # the parser (and the compiler) recurse once per group
        return "groups nested too deeply"


def _walk(items, inside_repeat: bool) -> str | None:
    for op, arg in items:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, body = arg
            unbounded = high == C.MAXREPEAT or high > _UNBOUNDED
            if op != C.POSSESSIVE_REPEAT and unbounded:
                if inside_repeat:
                    return ("nested unbounded repeats (like '(a+)+') can take exponential time; "
                            "make the inner one possessive ('a++') or atomic ('(?>a+)')")
                if _overlapping_branches(body):
                    return "a repeated alternation whose branches overlap (like '(a|a)*') can take exponential time"
            problem = _walk(body, inside_repeat or (unbounded and op != C.POSSESSIVE_REPEAT))
            if problem:
                return problem
        elif op == C.SUBPATTERN:
            problem = _walk(arg[-1], inside_repeat)
            if problem:
                return problem
        elif op == C.BRANCH:
            for branch in arg[1]:
                problem = _walk(branch, inside_repeat)
                if problem:
                    return problem
        elif op in (C.ASSERT, C.ASSERT_NOT):
            problem = _walk(arg[1], inside_repeat)
            if problem:
                return problem
        elif op == C.ATOMIC_GROUP:
            continue  # no backtracking into an atomic group
    return None


def _overlapping_branches(body) -> bool:
    """Whether a top-level alternation in ``body`` has two branches that can
    start with the same character (approximated on their first items)."""
    for op, arg in body:
        if op == C.SUBPATTERN and _overlapping_branches(arg[-1]):
            return True
        if op == C.BRANCH:
            firsts = [_first_chars(b) for b in arg[1]]
            for i, a in enumerate(firsts):
                for b in firsts[i + 1:]:
                    if a is None or b is None or a & b:
                        return True
    return False


def _first_chars(branch) -> set | None:
    """Characters a branch can start with; None when it could be anything."""
    if not branch:
        return None
    op, arg = branch[0]
    if op == C.LITERAL:
        return {arg}
    if op == C.IN and all(o == C.LITERAL for o, _ in arg):
        return {a for _, a in arg}
    if op == C.SUBPATTERN:
        return _first_chars(arg[-1])
    return None
