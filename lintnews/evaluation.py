"""Score lintnews against annotated text (the ``../shared/eval`` JSONL format).

Matching follows the reference scorer: a flag of category C matches a gold
span of C when their ranges overlap; recall counts matched gold spans over all
records; precision counts flags only in records whose ``labelled`` holds C,
plus, in records with ``negatives`` (sourced attributions), flags that match a
gold span (true) or lie wholly inside a negative span (false). Records with no
labels, spans or negatives are a clean control, reported per 1,000 words.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

CATEGORIES = ("typo", "attribution", "loaded", "engagement")


def _range(x) -> tuple[int, int]:
    start, end = int(x["start"]), int(x["end"])
    return start, max(end, start + 1)


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(a, b) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]


@dataclass
class Example:
    """A false positive or a miss, for ``--examples``."""
    record: str
    text: str
    start: int
    end: int

    def snippet(self, context: int = 50) -> str:
        lo, hi = max(0, self.start - context), min(len(self.text), self.end + context)
        s = self.text
        return " ".join((s[lo:self.start] + "[[" + s[self.start:self.end] + "]]" + s[self.end:hi]).split())


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    unscored: Counter = field(default_factory=Counter)
    clean_words: int = 0
    clean_records: int = 0
    clean_flags: Counter = field(default_factory=Counter)
    rule_tp: Counter = field(default_factory=Counter)
    rule_fp: Counter = field(default_factory=Counter)
    rule_clean: Counter = field(default_factory=Counter)
    false_positives: dict = field(default_factory=lambda: defaultdict(list))
    misses: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, record: dict, flags: list[dict]) -> None:
        """Score one record's flags (dicts with start, end, category, rule)."""
        text, spans = record["text"], record.get("spans", [])
        labelled = set(record.get("labelled", []))
        has_negatives = "negatives" in record
        negatives = record.get("negatives") or []
        flags = [f for f in flags if f["category"] in CATEGORIES]
        for span in spans:
            r = _range(span)
            self.gold[span["category"]] += 1
            if any(f["category"] == span["category"] and _overlap(_range(f), r) for f in flags):
                self.matched[span["category"]] += 1
            else:
                self.misses[span["category"]].append(Example(record["id"], text, *r))
        if not labelled and not spans and not has_negatives:
            self.clean_records += 1
            self.clean_words += len(text.split())
            for f in flags:
                self.clean_flags[f["category"]] += 1
                self.rule_clean[f["rule"]] += 1
                self.false_positives[f["rule"]].append(Example(record["id"], text, *_range(f)))
            return
        for f in flags:
            c, r = f["category"], _range(f)
            gold = [_range(s) for s in spans if s["category"] == c]
            hit = any(_overlap(r, g) for g in gold)
            if c in labelled:
                verdict = hit
            elif has_negatives:
                negs = [_range(n) for n in negatives if n.get("category", "attribution") == c]
                verdict = True if hit else (False if any(_inside(r, n) for n in negs) else None)
            else:
                verdict = None
            if verdict is None:
                self.unscored[c] += 1
            elif verdict:
                self.tp[c] += 1
                self.rule_tp[f["rule"]] += 1
            else:
                self.fp[c] += 1
                self.rule_fp[f["rule"]] += 1
                self.false_positives[f["rule"]].append(Example(record["id"], text, *r))

    def summary(self) -> dict:
        def ratio(a, b):
            return a / b if b else None
        by_category = {}
        for c in CATEGORIES:
            scored = self.tp[c] + self.fp[c]
            if not self.gold[c] and not scored and not self.clean_flags[c]:
                continue
            p, r = ratio(self.tp[c], scored), ratio(self.matched[c], self.gold[c])
            by_category[c] = {
                "gold_spans": self.gold[c], "gold_matched": self.matched[c], "recall": r,
                "flags_scored": scored, "tp_flags": self.tp[c], "fp_flags": self.fp[c],
                "unscored_flags": self.unscored[c], "precision": p,
                "f1": (2 * p * r / (p + r)) if p is not None and r is not None and p + r else None,
            }
        words = self.clean_words
        rules = sorted(set(self.rule_tp) | set(self.rule_fp) | set(self.rule_clean))
        return {
            "by_category": by_category,
            "clean": {
                "records": self.clean_records, "words": words, "flags": sum(self.clean_flags.values()),
                "flags_per_1000_words": 1000 * sum(self.clean_flags.values()) / words if words else None,
                "by_category_per_1000_words": {c: 1000 * n / words for c, n in sorted(self.clean_flags.items())}
                if words else {},
            },
            "by_rule": {rule: {"tp": self.rule_tp[rule], "fp": self.rule_fp[rule],
                               "clean_flags": self.rule_clean[rule]} for rule in rules},
        }


def load_records(path) -> list[dict]:
    """Read a JSONL gold file; raise ``ValueError`` naming the line on bad input."""
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: bad JSON: {exc}") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
                raise ValueError(f"{path}:{n}: a record needs 'id' and 'text'")
            records.append(record)
    return records


def _fmt(x) -> str:
    return "   n/a" if x is None else f"{x:6.3f}"


def format_summary(name: str, summary: dict) -> str:
    lines = [f"== {name}"]
    if summary["by_category"]:
        lines.append(f"{'category':<12} {'spans':>6} {'matched':>8} {'recall':>7} {'flags':>6} {'tp':>5} "
                     f"{'fp':>5} {'unscored':>8} {'prec':>6} {'F1':>6}")
        for c, d in summary["by_category"].items():
            lines.append(f"{c:<12} {d['gold_spans']:6d} {d['gold_matched']:8d} {_fmt(d['recall']):>7} "
                         f"{d['flags_scored']:6d} {d['tp_flags']:5d} {d['fp_flags']:5d} "
                         f"{d['unscored_flags']:8d} {_fmt(d['precision'])} {_fmt(d['f1'])}")
    clean = summary["clean"]
    if clean["records"]:
        per_cat = ", ".join(f"{c} {v:.3f}" for c, v in clean["by_category_per_1000_words"].items())
        lines.append(f"clean records: {clean['records']}, words: {clean['words']}, flags: {clean['flags']}, "
                     f"flags/1,000 words: {clean['flags_per_1000_words']:.3f}" + (f" ({per_cat})" if per_cat else ""))
    return "\n".join(lines)


def format_examples(tally: Tally, n: int) -> str:
    lines = []
    for rule, examples in sorted(tally.false_positives.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"-- false positives of {rule} ({len(examples)}):")
        lines += [f"   {e.record}: {e.snippet()}" for e in examples[:n]]
    for category, examples in sorted(tally.misses.items()):
        lines.append(f"-- missed {category} spans ({len(examples)}):")
        lines += [f"   {e.record}: {e.snippet()}" for e in examples[:n]]
    return "\n".join(lines)
