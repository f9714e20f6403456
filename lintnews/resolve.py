"""Layers of settings (configuration file, per-file entries, command line)
→ the rules to run, with their severities and options.

Selection, for each rule, going through the layers in order:

- a layer's ``select`` starts afresh: the rule is on if a token names it,
  off otherwise;
- ``extend-select`` turns it on, keeping the selection so far;
- ``ignore`` turns it off, and the rule stays off in later layers unless
  they select it with a token at least as specific (a rule id is more
  specific than a pack name). So ``ignore: [attribution.unsourced-figure]``
  in the configuration survives ``--select attribution`` on the command
  line, but not ``--select attribution.unsourced-figure``;
- a rule that is off by default (``enabled: false``) runs only when selected;
  one off by its own ``enabled: false`` (not just its pack's) only when
  selected by its id or an id prefix, not by its pack's name.

Severity overrides and option overrides: the most specific token wins, a
later layer winning a tie; options are merged key by key.
"""
from __future__ import annotations

from dataclasses import replace

from .config import Layer
from .errors import ConfigError, LintError
from .packs import QUOTE_MODES, SEVERITIES, Rule, id_matches
from .ruletypes import RuleError


def specificity(token: str) -> int:
    return token.rstrip(".").count(".") + 1


def _best(rule: Rule, tokens) -> int | None:
    """The specificity of the most specific token naming ``rule``."""
    found = [specificity(t) for t in tokens if id_matches(rule.id, t)]
    return max(found) if found else None


def choose(rules: list[Rule], layers: list[Layer]) -> list[Rule]:
    chosen = []
    for rule in rules:
        on, ignored = rule.enabled, 0  # ignored: specificity of the ignoring token, 0 = none
        for layer in layers:
            for tokens, exclusive in ((layer.select, True), (layer.extend_select, False)):
                if tokens is None:
                    continue
                spec = _best(rule, tokens)
                if spec == 1 and rule.opt_in:  # only its pack named: an opt-in rule stays off
                    spec = None
                if spec is not None:
                    on = True
                    if spec >= ignored:
                        ignored = 0
                elif exclusive:
                    on = False
            spec = _best(rule, layer.ignore)
            if spec is not None:
                ignored = max(ignored, spec)
        if on and not ignored:
            chosen.append(rule)
    return chosen


def check_tokens(rules: list[Rule], layers: list[Layer]) -> None:
    """Every token in every layer must name a loaded rule or pack."""
    for layer in layers:
        for key, tokens in (("select", layer.select or ()), ("extend-select", layer.extend_select),
                            ("ignore", layer.ignore), ("severity", layer.severity),
                            ("options", layer.options)):
            for token in tokens:
                exact = key == "options"  # options belong to one rule
                if not any(r.id == token if exact else id_matches(r.id, token) for r in rules):
                    if layer.origin == "command line":
                        raise LintError(f"unknown rule or pack {token!r} (see `lintnews rules`)")
                    what = "rule" if exact else "rule or pack"
                    raise ConfigError(f"{layer.where(key)}: unknown {what} {token!r} in {key!r} "
                                      f"(see `lintnews rules --all`)")


def customize(rule: Rule, layers: list[Layer]) -> Rule:
    """``rule`` with the layers' severity and option overrides applied (a
    copy; the loaded rule is shared between sessions)."""
    severity, best = rule.severity, 0
    for layer in layers:
        for token, value in layer.severity.items():
            if id_matches(rule.id, token) and specificity(token) >= best:
                severity, best = value, specificity(token)
    options, where = {}, None
    for layer in layers:
        if rule.id in layer.options:
            options.update(layer.options[rule.id])
            where = layer.where(f"options.{rule.id}")
    if severity == rule.severity and not options:
        return rule
    assert severity in SEVERITIES
    quotes = options.pop("quotes", rule.quotes)
    if quotes not in QUOTE_MODES:
        raise ConfigError(f"{where}: option 'quotes' of {rule.id!r} must be one of {', '.join(QUOTE_MODES)}")
    new = replace(rule, severity=severity, quotes=quotes, options={**rule.options, **options})
    if rule.checker is not None and (options or quotes != rule.quotes):
        try:
            new.checker = type(rule.checker)(new, new.options)
        except RuleError as exc:
            raise ConfigError(f"{where}: {rule.id}: {exc}") from None
    return new


def minimum_severity(layers: list[Layer]) -> str | None:
    return next((layer.min_severity for layer in reversed(layers) if layer.min_severity), None)


def accepted(layers: list[Layer]) -> list[str]:
    return [phrase for layer in layers for phrase in layer.accept]
