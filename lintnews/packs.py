"""YAML rule packs → validated ``Rule`` objects.

Packs are untrusted input: they are read with PyYAML's safe loader only (no
object construction), and every problem is reported as ``FILE:LINE: what is
wrong`` through ``PackError``, never as a traceback. A pack may also be a
``.json`` file with the same structure: large generated packs (the proselint
pack) load in milliseconds that way, where YAML would slow every start.
"""
from __future__ import annotations

import json
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path

from .cache import digest
from .ruletypes import RuleError, RuleType

CATEGORIES = ("typo", "attribution", "loaded", "engagement", "style")
SEVERITIES = ("error", "warning", "info")
QUOTE_MODES = ("skip", "lint")
FIX_MODES = ("safe", "unsafe")
# Packs are untrusted input: limits on what one may ask of a run (see also
# regexsafety.MAX_PATTERN_LENGTH). The shipped packs use a fraction of each.
MAX_PACK_BYTES = 5_000_000
MAX_RULES = 1_000      # rules in one pack
MAX_ENTRIES = 50_000   # entries in one option (phrases, a swap table)
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_.-]*)+$")
_COMMON_KEYS = {"id", "type", "category", "severity", "message", "description", "link",
                "examples", "quotes", "fix", "enabled"}
_MESSAGE_FIELDS = re.compile(r"{([^{}]*)}")
#: A fixed protocol: the same options give the same blob and fingerprint.
_PICKLE_PROTOCOL = 5


def id_matches(rule_id: str, token: str) -> bool:
    """Whether ``token`` (a rule id, a pack name or an id prefix, as given to
    ``--select``, ``--ignore`` or a suppression) names the rule ``rule_id``."""
    return token == rule_id or rule_id.startswith(token.rstrip(".") + ".")


class PackError(Exception):
    """A pack that cannot be used. ``str()`` reads ``FILE:LINE: message``."""

    def __init__(self, path, line: int | None, message: str):
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}")


@dataclass
class Rule:
    """A validated rule from a pack, with its compiled matcher in ``checker``."""
    id: str
    type: str
    category: str
    severity: str
    message: str
    description: str
    pack: str
    path: str
    line: int
    link: str | None = None
    quotes: str = "lint"
    fix: str = "safe"
    enabled: bool = True
    #: The rule itself says ``enabled: false``: naming its pack in ``--select``
    #: is not enough to run it, only its id or an id prefix below the pack.
    opt_in: bool = False
    examples: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    checker: RuleType | None = None

    @property
    def skip_quotes(self) -> bool:
        return self.quotes == "skip"

    @property
    def can_fix(self) -> bool:
        return bool(self.checker and self.checker.can_fix)

    def format_message(self, match: str, fix: str | None, data: dict) -> str:
        values = {"match": match, "fix": fix or "", **data}
        return _MESSAGE_FIELDS.sub(lambda m: str(values.get(m.group(1), m.group(0))), self.message)

    # A compiled pack is unpickled at every start, but a rule's options are
    # read only to customise it or to key the results cache: the checker
    # holds what matching needs. So the options travel as one pickled blob,
    # unpickled on first read (the idiom pack's 40,000 phrases took 10 ms).
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        if "options" in state:
            state["_options_blob"] = pickle.dumps(state.pop("options"), protocol=_PICKLE_PROTOCOL)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str):
        # Called only when ``name`` is not set: the options of an unpickled rule.
        if name == "options" and "_options_blob" in self.__dict__:
            self.options = pickle.loads(self.__dict__.pop("_options_blob"))
            return self.options
        raise AttributeError(name)

    def options_fingerprint(self) -> str:
        """A digest of the options (for the results cache) that does not
        unpickle them: the blob's bytes while they are still one."""
        blob = self.__dict__.get("_options_blob")
        return digest(blob if blob is not None else pickle.dumps(self.options, protocol=_PICKLE_PROTOCOL))


@dataclass
class Pack:
    name: str
    description: str
    path: str
    rules: list[Rule]
    enabled: bool = True


class _LineDict(dict):
    lines: dict
    line: int


class _LineList(list):
    lines: list
    line: int


_loader = None


def _line_loader():
    """The YAML loader, made on first use: a run whose packs all come from
    the cache never imports PyYAML."""
    global _loader
    if _loader is not None:
        return _loader
    import yaml

    # libyaml's parser when PyYAML was built with it: ten times faster on large packs.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):
        """Safe loader that remembers the line of every mapping key."""

    def construct_mapping(loader, node):
        loader.flatten_mapping(node)
        result = _LineDict()
        result.lines = {}
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "mapping keys must be plain values",
                                                        key_node.start_mark)
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(loader, node):
        result = _LineList(loader.construct_object(child, deep=True) for child in node.value)
        result.lines = [child.start_mark.line + 1 for child in node.value]
        result.line = node.start_mark.line + 1
        return result

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    _loader = yaml, LineLoader
    return _loader


def _line(node, key=None, item=None) -> int | None:
    """The line of ``node[key]`` (or of ``node[key][item]``) in the pack file."""
    if not isinstance(node, _LineDict):
        return None
    if key is None:
        return node.line
    child = node.get(key)
    if item is not None and isinstance(child, _LineDict) and item in child.lines:
        return child.lines[item]
    if item is not None and isinstance(child, _LineList) and isinstance(item, int) and item < len(child.lines):
        return child.lines[item]
    return node.lines.get(key, node.line)


def read_yaml(path: Path, what: str = "pack"):
    """Parse a YAML (or, by its suffix, JSON) file safely, raising
    ``PackError`` with a line on failure. YAML mappings are ``dict``s with a
    ``lines`` attribute: the line of each key."""
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            raise PackError(path, None, f"{what} is {size} bytes; the limit is {MAX_PACK_BYTES}")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PackError(path, None, f"cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise PackError(path, None, f"{what} is not valid UTF-8") from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PackError(path, exc.lineno, f"invalid JSON: {exc.msg}") from None
        except RecursionError:
            raise PackError(path, None, "invalid JSON: nested too deeply") from None
    yaml, loader = _line_loader()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise PackError(path, None, "invalid YAML: nested too deeply") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise PackError(path, line, f"invalid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise PackError(path, None, f"invalid YAML: {exc}") from None


def load_pack(path, rule_types: dict[str, type[RuleType]]) -> Pack:
    """Load and validate one pack file."""
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise PackError(path, 1, "a pack must be a mapping with keys 'pack', 'description' and 'rules'")
    for key in data:
        if key not in ("pack", "description", "rules", "enabled"):
            raise PackError(path, _line(data, key),
                            f"unknown key {key!r} (allowed: pack, description, enabled, rules)")
    if not isinstance(data.get("enabled", True), bool):
        raise PackError(path, _line(data, "enabled"), "'enabled' must be true or false")
    name = data.get("pack")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", name or ""):
        raise PackError(path, _line(data, "pack"), "'pack' must be a lower-case name like 'typos'")
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise PackError(path, _line(data, "rules"), "'rules' must be a non-empty list")
    if len(rules) > MAX_RULES:
        raise PackError(path, _line(data, "rules"), f"{len(rules)} rules; the limit is {MAX_RULES} "
                        f"per pack (split it into several packs)")
    seen: set[str] = set()
    built = []
    for raw in rules:
        rule = _build_rule(path, name, raw, rule_types)
        rule.opt_in = not rule.enabled
        rule.enabled = rule.enabled and data.get("enabled", True)
        if rule.id in seen:
            raise PackError(path, rule.line, f"duplicate rule id {rule.id!r}")
        seen.add(rule.id)
        built.append(rule)
    return Pack(name, str(data.get("description") or ""), str(path), built, data.get("enabled", True))


def _build_rule(path: Path, pack: str, raw, rule_types) -> Rule:
    if not isinstance(raw, dict):
        raise PackError(path, None, "each rule must be a mapping")
    line = _line(raw)

    def need(key, allowed=None, kind=str):
        value = raw.get(key)
        if value is None:
            raise PackError(path, line, f"rule {raw.get('id', '?')!r} is missing {key!r}")
        if not isinstance(value, kind) or (allowed and value not in allowed):
            want = f"one of {', '.join(allowed)}" if allowed else f"a {kind.__name__}"
            raise PackError(path, _line(raw, key), f"{key!r} must be {want}, not {value!r}")
        return value

    rule_id = need("id")
    if not _ID.match(rule_id) or not rule_id.startswith(pack + "."):
        raise PackError(path, _line(raw, "id"),
                        f"rule id {rule_id!r} must look like '{pack}.some-name' (lower case, starting with the pack name)")
    type_name = need("type")
    if type_name not in rule_types:
        raise PackError(path, _line(raw, "type"),
                        f"unknown rule type {type_name!r} (known: {', '.join(sorted(rule_types))})")
    rule_type = rule_types[type_name]
    quotes_default = "skip" if rule_type.skip_quotes else "lint"
    rule = Rule(
        id=rule_id, type=type_name, pack=pack, path=str(path), line=line or 1,
        category=need("category", CATEGORIES), severity=need("severity", SEVERITIES),
        message=need("message"), description=need("description"),
        link=raw.get("link"), quotes=raw.get("quotes", quotes_default),
        fix=raw.get("fix", "safe"), enabled=raw.get("enabled", True),
    )
    if rule.quotes not in QUOTE_MODES:
        raise PackError(path, _line(raw, "quotes"), f"'quotes' must be one of {', '.join(QUOTE_MODES)}")
    if rule.fix not in FIX_MODES:
        raise PackError(path, _line(raw, "fix"), f"'fix' must be one of {', '.join(FIX_MODES)}")
    if rule.link is not None and not isinstance(rule.link, str):
        raise PackError(path, _line(raw, "link"), "'link' must be a URL string")
    if not isinstance(rule.enabled, bool):
        raise PackError(path, _line(raw, "enabled"), "'enabled' must be true or false")
    rule.examples = _examples(path, raw)
    rule.options = {k: v for k, v in raw.items() if k not in _COMMON_KEYS}
    for key, value in rule.options.items():
        if isinstance(value, (list, dict)) and len(value) > MAX_ENTRIES:
            raise PackError(path, _line(raw, key), f"rule {rule_id!r}: {key!r} has {len(value)} entries; "
                            f"the limit is {MAX_ENTRIES}")
    try:
        rule.checker = rule_type(rule, rule.options)
    except RuleError as exc:
        raise PackError(path, _line(raw, exc.key, exc.item) if exc.key else line,
                        f"rule {rule_id!r}: {exc}") from None
    return rule


def _examples(path: Path, raw) -> dict:
    examples = raw.get("examples")
    if not isinstance(examples, dict) or not examples.get("flag") or not examples.get("pass"):
        raise PackError(path, _line(raw, "examples") or _line(raw),
                        f"rule {raw.get('id')!r} needs 'examples' with 'flag' and 'pass' lists")
    for key in ("flag", "pass"):
        values = examples.get(key) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise PackError(path, _line(examples, key), f"examples.{key} must be a list of strings")
    return {"flag": list(examples["flag"]), "pass": list(examples.get("pass") or [])}
