#!/usr/bin/env python3
"""Time lintnews on pathological input at growing sizes: linear code takes
about twice as long for twice the text, quadratic code four times.

    python benchmarks/pathological.py [--sizes 100000,200000,400000] [CASE...]

Each case is a generator of about ``n`` characters in one format: text
without letters, thousands of unclosed tags and comments, deep nesting,
one enormous line. tests/test_linear_time.py lints each at one size with a
hang guard; this script prints the figures (process time, so a busy machine
disturbs them less) and the growth from one size to the next.
"""
from __future__ import annotations

import argparse
import math
import random
import time
import warnings

WORDS = ("the officials said death tool reports claim that it is estimated 23,000 people were "
         "clearly in Washington . Mr. Smith “quoted text” said").split()


def _words(n: int) -> str:
    rng = random.Random(1)
    return " ".join(rng.choice(WORDS) for _ in range(n // 6))


#: name → (file name, generator of about n characters)
CASES = {
    "words-one-line": ("a.txt", _words),
    "straight-quotes": ("a.txt", lambda n: '"' * n),
    "curly-quotes-open": ("a.txt", lambda n: "“a " * (n // 3)),
    "full-stops": ("a.txt", lambda n: "a." * (n // 2)),
    "abbreviations": ("a.txt", lambda n: "Mr. " * (n // 4)),
    "question-marks": ("a.txt", lambda n: "Do you? " * (n // 8)),
    "figures": ("a.txt", lambda n: "1,000 " * (n // 6)),
    "name-variants-one-line": ("a.txt", lambda n: "ISIS fighters met Islamic State leaders. " * (n // 41)),
    "blank-paragraphs": ("a.txt", lambda n: "a\n\n" * (n // 3)),
    "md-comment-blocks": ("a.md", lambda n: "<!-- a\n" * (n // 7)),
    "md-brackets": ("a.md", lambda n: "[" * (n // 2) + "a" + "]" * (n // 2)),
    "md-emphasis": ("a.md", lambda n: "*a **a " * (n // 14) + "b" + " a** a*" * (n // 14)),
    "md-unclosed-links": ("a.md", lambda n: "[a](b" * (n // 5)),
    "md-table": ("a.md", lambda n: "|a|b|\n|-|-|\n" + "|x|y|\n" * (n // 6)),
    "html-divs": ("a.html", lambda n: "<div>" * (n // 5)),
    "html-open-comments": ("a.html", lambda n: "a <!--" * (n // 6)),
    "html-comments-with-gt": ("a.html", lambda n: "<!-- a > " * (n // 9)),
    "html-cdata": ("a.html", lambda n: "a <![CDATA[" * (n // 11)),
    "html-unclosed-tags": ("a.html", lambda n: "[a](<b" * (n // 6)),
    "html-end-tags": ("a.html", lambda n: "</a " * (n // 4)),
    "html-bogus-comments": ("a.html", lambda n: "<!x> " * (n // 5)),
    "html-open-quotes": ("a.html", lambda n: '<a x="> ' * (n // 8)),
    "html-many-attributes": ("a.html", lambda n: "<a " + 'x="1" ' * (n // 6) + ">text"),
    "html-blockquotes": ("a.html", lambda n: "<blockquote>" * (n // 12) + "a"),
}


def lint_seconds(session, name: str, source: str) -> float:
    started = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notes on odd input are not the point here
        session.lint_source(source, name)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", choices=[[], *CASES], metavar="CASE", default=[])
    parser.add_argument("--sizes", default="100000,200000,400000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    from lintnews.api import Session
    session = Session()
    session.lint_source("Warm up: the death tool rose.", "a.txt")
    print(f"{'case':24} " + " ".join(f"{n:>9,}" for n in sizes) + "   growth per doubling")
    for case in args.cases or CASES:
        name, make = CASES[case]
        times = [lint_seconds(session, name, make(n)) for n in sizes]
        growth = [(b / max(a, 1e-3)) ** (1 / math.log2(m / n))
                  for a, b, n, m in zip(times, times[1:], sizes, sizes[1:])]
        print(f"{case:24} " + " ".join(f"{t:8.2f}s" for t in times)
              + "   " + " ".join(f"×{g:.1f}" for g in growth), flush=True)


if __name__ == "__main__":
    main()
