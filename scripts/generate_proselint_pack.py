"""Generate ``lintnews/proselint.json``, the ``proselint`` pack, from the
installed proselint.

    python scripts/generate_proselint_pack.py          # rewrite the pack
    python scripts/generate_proselint_pack.py --check  # exit 1 if it is stale

Every check path of proselint becomes a rule ``proselint.<path>``. Its
description and link come from the check module's docstring (and the notes
proselint writes above individual checks); whether it is on follows proselint's
default configuration. Flag and pass examples are made from the check's own
patterns (a matching string is synthesised from each regular expression) and
kept only if the rule really flags, or does not flag, them; the few checks
whose patterns say nothing useful get the hand-written examples in
``EXAMPLES``. tests/test_proselint.py fails when the committed pack differs
from this script's output, and tests/test_rule_examples.py runs every example.
"""
from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import pkgutil
import re
import sys
from pathlib import Path

try:
    import re._parser as sre_parse  # Python 3.11+
    from re import _constants as sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre
    import sre_parse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintnews.document import Document  # noqa: E402
from lintnews.engine import Linter  # noqa: E402
from lintnews.packs import Rule  # noqa: E402
from lintnews.proselint import PACK, SUPPORTED, ProselintRule  # noqa: E402

NEUTRAL = "The council approved the budget on Tuesday."

# Checks whose patterns cannot be turned into an example automatically: the
# check is a function, needs a density of matches (ppm) or two competing
# spellings, or flags every word outside a list. Written for this pack.
EXAMPLES = {
    "misc.but": {"flag": ["But the council voted against it."],
                 "pass": ["The council, but not the mayor, voted against it."]},
    "misc.greylist": {"flag": ["The agency will utilize the new funds."],
                      "pass": ["The agency will use the new funds."]},
    "misc.waxed": {"flag": ["The senator waxed enthusiastically about the bill."],
                   "pass": ["The senator waxed enthusiastic about the bill."]},
    "terms.venery": {"flag": ["A group of crows gathered on the roof."],
                     "pass": ["A murder of crows gathered on the roof."]},
    "uncomparables": {"flag": ["The plan was very unique.", "It was the most perfect day."],
                      "pass": ["The plan was unique.", '"The plan was very unique," the mayor said.']},
    "spelling.consistency": {"flag": ["The adviser met another advisor, and a third adviser."],
                             "pass": ["The adviser met another adviser."]},
    "typography.punctuation.exclamation": {"flag": ["Stop! Look! Listen!"],
                                           "pass": ["Stop. Look! Listen."]},
    "typography.punctuation.spacing": {"flag": ["One. Two. Three.  Four."],
                                       "pass": ["One. Two. Three. Four."]},
    "typography.punctuation.hyperbole": {"flag": ["The result was a shock!!"],
                                         "pass": ["The result was a shock."]},
    "restricted.elementary": {"flag": ["The zoning board adjourned."], "pass": ["I like the cat."]},
    "restricted.top1000": {"flag": ["The zoning board adjourned."], "pass": ["I like the dog."]},
}


# -- proselint's checks and their documentation ----------------------------

def check_modules():
    """(check, module) for every check proselint registers, in module order."""
    import proselint.checks
    from proselint.checks import __register__

    found = []
    for info in pkgutil.walk_packages(proselint.checks.__path__, "proselint.checks."):
        module = importlib.import_module(info.name)
        if not info.ispkg:
            found += [(check, module) for check in module.__register__]
    assert {id(c) for c, _ in found} == {id(c) for c in __register__}, "proselint's check modules moved"
    return found


def parse_doc(text: str | None) -> tuple[str, dict, str]:
    """A proselint docstring → (title, front-matter fields, body)."""
    text = inspect.cleandoc(text or "")
    parts = re.split(r"^---[ \t]*$", text, flags=re.M)
    head, meta, body = (parts[0], parts[1], "---".join(parts[2:])) if len(parts) >= 3 else (text, "", "")
    paragraphs = []
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n", head) if p.strip()):
        if all(re.match(r"\w+:", line) for line in paragraph.splitlines()):
            meta += "\n" + paragraph  # front matter without the --- fences
        else:
            paragraphs.append(paragraph)
    fields = {k: v.strip() for k, v in re.findall(r"^(\w+):[ \t]*(.*)$", meta, re.M)}
    title = paragraphs[0] if paragraphs else ""
    body = "\n\n".join(paragraphs[1:] + [body.strip()]).strip()
    body = re.sub(r"^> ?", "", body, flags=re.M)  # quoted sources: the text reads fine without markers
    return title, fields, body


def check_notes(module) -> dict[int, dict]:
    """The ``source:`` notes proselint writes as a string just above a check
    (or tuple of checks) in a module holding several: id(check) → fields."""
    notes = {}
    statements = ast.parse(inspect.getsource(module)).body
    for before, stmt in zip(statements, statements[1:]):
        if not (isinstance(before, ast.Expr) and isinstance(before.value, ast.Constant)
                and isinstance(before.value.value, str) and isinstance(stmt, ast.Assign)):
            continue
        _, fields, _ = parse_doc(before.value.value)
        for target in stmt.targets:
            value = getattr(module, getattr(target, "id", ""), None)
            for check in value if isinstance(value, tuple) else (value,):
                notes[id(check)] = fields
    return notes


def link(url: str) -> str | None:
    url = url.strip().rstrip(",;")
    if url.startswith(("http://", "https://")):
        return url
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+/\S*", url):
        return "https://" + url
    return None


def default_enabled(path: str) -> bool:
    """Whether proselint's default configuration turns the check on."""
    from proselint.config import DEFAULT

    def matches(prefix):
        return path == prefix or path.startswith(prefix + ".")
    ordered = sorted(DEFAULT["checks"].items(), key=lambda kv: kv[0].count("."), reverse=True)
    return next((on for prefix, on in ordered if matches(prefix)), False)


# -- examples ---------------------------------------------------------------

def patterns(check) -> list[str]:
    """The regular expressions a check looks for (the keys of a preferred-forms
    mapping, the items of an existence check); none for check functions."""
    kind = check.check_type
    if hasattr(kind, "items"):
        return list(kind.items)
    if hasattr(kind, "pattern"):
        return [kind.pattern]
    return []


def synthesize(pattern: str) -> str | None:
    """A short string the regular expression matches (None if unsure)."""
    try:
        parsed = sre_parse.parse(pattern.replace(r"\x{", r"\u{").replace(r"\u{2014}", "\u2014")
                                 .replace(r"\u{2013}", "\u2013"))
    except Exception:  # noqa: BLE001 - RE2 syntax Python cannot read: no example
        return None
    groups: dict[int, str] = {}

    def char_in(items) -> str | None:
        negate = items and items[0][0] is sre.NEGATE
        for ch in "a1 -x.":
            hit = any(_in_item(ch, op, av) for op, av in items if op is not sre.NEGATE)
            if hit != bool(negate):
                return ch
        return None

    def walk(seq) -> str | None:
        out = []
        for op, av in seq:
            if op is sre.LITERAL:
                out.append(chr(av))
            elif op is sre.NOT_LITERAL:
                out.append("x" if chr(av) != "x" else "y")
            elif op is sre.ANY:
                out.append(".")
            elif op is sre.IN:
                ch = char_in(av)
                if ch is None:
                    return None
                out.append(ch)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
                low, _, sub = av
                part = walk(sub)
                if part is None:
                    return None
                out.append(part * low)
            elif op is sre.SUBPATTERN:
                group, _, _, sub = av
                part = walk(sub)
                if part is None:
                    return None
                if group:
                    groups[group] = part
                out.append(part)
            elif op is sre.BRANCH:
                part = walk(av[1][0])
                if part is None:
                    return None
                out.append(part)
            elif op is sre.GROUPREF:
                out.append(groups.get(av, ""))
            elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue
            else:
                return None
        return "".join(out)

    sample = walk(parsed)
    return sample if sample and sample.strip() else None


def _in_item(ch: str, op, av) -> bool:
    if op is sre.LITERAL:
        return ch == chr(av)
    if op is sre.RANGE:
        return av[0] <= ord(ch) <= av[1]
    if op is sre.CATEGORY:
        return {sre.CATEGORY_DIGIT: ch.isdigit(), sre.CATEGORY_NOT_DIGIT: not ch.isdigit(),
                sre.CATEGORY_SPACE: ch.isspace(), sre.CATEGORY_NOT_SPACE: not ch.isspace(),
                sre.CATEGORY_WORD: ch.isalnum() or ch == "_",
                sre.CATEGORY_NOT_WORD: not (ch.isalnum() or ch == "_")}.get(av, False)
    return False


def make_rule(path: str, quotes: str, replaces: bool) -> Rule:
    rule = Rule(id=f"proselint.{path}", type="proselint", category="style", severity="warning",
                message="{message}", description="", pack="proselint", path=str(PACK), line=1,
                quotes=quotes)
    rule.checker = ProselintRule(rule, {"check": path, "replaces": replaces})
    return rule


def hits(rule: Rule, text: str):
    return Linter([rule]).lint(Document(text))


def examples(path: str, checks, rule: Rule) -> dict:
    if path in EXAMPLES:
        return EXAMPLES[path]
    plain = re.compile(r"[A-Za-z][A-Za-z '’.-]*")
    candidates = [s for check in checks for p in patterns(check) for s in [synthesize(p)] if s]
    candidates = list(dict.fromkeys(v for s in candidates for v in (s.strip(), s)))
    candidates.sort(key=lambda s: not plain.fullmatch(s))  # stable: plain phrases first
    for sample in candidates[:60]:
        for text in (f"The report mentioned {sample} again.", f"{sample} was noted.", sample):
            found = hits(rule, text)
            if not found:
                continue
            passes = []
            first = found[0]
            if first.fix is not None:
                fixed = text[:first.start] + first.fix + text[first.end:]
                if not any(d.start == first.start for d in hits(rule, fixed)):
                    passes.append(fixed)
            if rule.skip_quotes and text.endswith("."):
                quoted = f'"{text[:-1]}," the mayor said.'
                if not hits(rule, quoted):
                    passes.append(quoted)
            if not passes and not hits(rule, NEUTRAL):
                passes.append(NEUTRAL)
            if passes:
                return {"flag": [text], "pass": passes}
    raise SystemExit(f"no example found for proselint check {path!r}: add one to EXAMPLES")


# -- the pack ---------------------------------------------------------------

def build() -> dict:
    from proselint.version import __version__

    by_path: dict[str, list] = {}
    modules = {}
    notes: dict[int, dict] = {}
    for check, module in check_modules():
        by_path.setdefault(check.path, []).append(check)
        modules.setdefault(check.path, module)
    for module in {m.__name__: m for m in modules.values()}.values():
        notes.update(check_notes(module))
    rules = []
    for path, checks in by_path.items():
        title, fields, body = parse_doc(modules[path].__doc__)
        fields = {**fields, **notes.get(id(checks[0]), {})}
        quotes = "lint" if any(c.flags.allow_quotes for c in checks) else "skip"
        replaces = any(_replaces(c) for c in checks)
        rule = make_rule(path, quotes, replaces)
        found = examples(path, checks, rule)
        replaces = replaces and any(d.fix for text in found["flag"] for d in hits(rule, text))
        paragraphs = [title or path]
        if body and " ".join(body.split()) != " ".join(title.split()):
            paragraphs.append(body)
        source = fields.get("source", "").strip(" ?")
        source = "" if source.lower() == "unknown" else source
        paragraphs.append(f"From proselint's `{path}` check" + (f"; source: {source}." if source else "."))
        entry = {"id": f"proselint.{path}", "type": "proselint", "check": path, "category": "style",
                 "severity": "warning", "message": "{message}", "description": "\n\n".join(paragraphs)}
        if url := link(fields.get("source_url", "")):
            entry["link"] = url
        entry["quotes"] = quotes
        if replaces:
            entry["replaces"] = True
            entry["fix"] = "unsafe"
        if not default_enabled(path):
            entry["enabled"] = False
        entry["examples"] = found
        rules.append(entry)
    return {
        "pack": "proselint",
        "description": f"proselint {__version__}'s checks (proselint{SUPPORTED}), one rule per check path. "
                       "Off by default: select it with --select proselint. Generated by "
                       "scripts/generate_proselint_pack.py; descriptions are proselint's "
                       "(BSD licence, © Jordan Suchow, Michael Pacer, Lara A. Ross and contributors).",
        "enabled": False,
        "rules": rules,
    }


def _replaces(check) -> bool:
    kind = check.check_type
    return type(kind).__name__ in ("PreferredForms", "PreferredFormsSimple", "Consistency") or callable(kind)


def render(pack: dict) -> str:
    return json.dumps(pack, indent=1, ensure_ascii=False) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed pack is stale")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        stale = not PACK.exists() or PACK.read_text(encoding="utf-8") != text
        print(f"{PACK}: {'stale: regenerate it' if stale else 'up to date'}")
        return int(stale)
    PACK.write_text(text, encoding="utf-8")
    print(f"wrote {PACK} ({len(json.loads(text)['rules'])} rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
