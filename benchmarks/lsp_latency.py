#!/usr/bin/env python3
"""Edit-to-diagnostics latency of ``lintnews lsp`` on a 3,000-word article.

    python benchmarks/lsp_latency.py                  # 50 edits, 3,000 words
    python benchmarks/lsp_latency.py --edits 200 --words 6000 --pack my.yaml

Starts the real server over stdio, opens an article generated from the
sentences below, then types into the middle of it one keystroke at a time: each
edit is a ``didChange`` of one character, and the time until diagnostics for
that version arrive is recorded. Prints the median and 90th percentile (goal:
a median of 30 ms or less), and for comparison the time the linter alone takes
on the same text in this process and inside the server (from its log). Needs
the ``lsp`` extra.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import tempfile
import time

from lsprotocol import types
from pygls.lsp.client import LanguageClient

# Sentences written for this benchmark: mostly clean copy, with a few of the
# problems lintnews looks for, so the server has findings to convert and send.
SENTENCES = [
    "The city council voted 7-2 on Tuesday to extend the bus lane on Main Street, the transport department said.",
    "Residents filled the hearing room, and several asked how long the construction would last.",
    "Maria Lopez, who runs a bakery on the corner, said deliveries had been delayed twice this month.",
    "The work is due to finish in the spring, according to a schedule the city published on Monday.",
    "Council member David Chen said he backed the plan but wanted more parking for shop owners.",
    "\"We have waited four years for this,\" said Ana Ruiz, who chairs the neighbourhood association.",
    "Officials said the cost had risen since the first estimate, without giving a figure.",
    "Reports claim the work will cost more than 4,500,000 dollars.",
    "It is estimated that 12,000 commuters use the route every day.",
    "The plan is clearly working, one shop owner said of the first phase.",
    "Critics called the vote a shameful giveaway to developers.",
    "The death tool from the crash on the bridge rose to three, police said.",
    "A second hearing is scheduled for next month at City Hall.",
    "Buses will run on a temporary route while the road is closed.",
]
ENDING = "Do you think the council made the right call? Let us know in the comments."


def article(words: int, seed: int = 7) -> str:
    """Paragraphs of four to six sentences until ``words`` words, then a closing question."""
    rng = random.Random(seed)
    paragraphs, count = [], 0
    while count < words:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 6)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    paragraphs.append(ENDING)
    return "\n\n".join(paragraphs) + "\n"


async def measure(text: str, edits: int, options: dict, log: str) -> list[float]:
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams):
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            future = waiting.pop(params.version, None)
            if future and not future.done():
                future.set_result(len(params.diagnostics))

    async def wait_for(version: int) -> int:
        future = waiting.setdefault(version, asyncio.get_running_loop().create_future())
        return await asyncio.wait_for(future, 60)

    await client.start_io(sys.executable, "-m", "lintnews", "lsp", "--log-level", "info", "--log-file", log)
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), initialization_options=options))
    client.initialized(types.InitializedParams())
    uri = "file:///benchmark/article.txt"
    opened = wait_for(1)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="plaintext", version=1, text=text)))
    findings = await opened
    print(f"opened: {findings} findings", file=sys.stderr)

    line = text[:len(text) // 2].count("\n")  # type into the middle of the article
    typed = "The mayor did not comment. "
    latencies = []
    for i in range(edits):
        version = i + 2
        done = wait_for(version)
        start = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line, i), end=types.Position(line, i)),
                text=typed[i % len(typed)])]))
        await done
        latencies.append((arrived[version] - start) * 1000)

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies


def lint_only(text: str, options: dict, repeat: int) -> list[float]:
    from lintnews.api import Session
    session = Session(packs=options.get("packs", ()), select=options.get("select", ()))
    session.linter
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        session.lint_source(text, "article.txt")
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(name: str, values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, round(0.9 * (len(values) - 1)))]
    return (f"{name:<28} median {statistics.median(values):7.1f} ms   p90 {p90:7.1f} ms   "
            f"min {values[0]:7.1f} ms   max {values[-1]:7.1f} ms   (n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=50, help="keystrokes to time (default 50)")
    parser.add_argument("--words", type=int, default=3000, help="article length (default 3000)")
    parser.add_argument("--pack", action="append", default=[], help="extra rule pack (repeatable)")
    parser.add_argument("--select", action="append", default=[], help="rules or packs to run")
    args = parser.parse_args()
    text = article(args.words)
    options = {"packs": args.pack, "select": args.select}
    print(f"article: {len(text.split()):,} words, {len(text):,} characters; {args.edits} edits")
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "server.log")
        latencies = asyncio.run(measure(text, args.edits, options, log))
        with open(log, encoding="utf-8") as f:
            in_server = [float(m.group(1)) for m in re.finditer(r"linted \S+ v\d+: \d+ findings in ([\d.]+) ms", f.read())]
    print(summary("edit -> diagnostics", latencies))
    print(summary("lint in the server", in_server[1:]))  # [0] is the document's opening
    print(summary("lint only (in process)", lint_only(text, options, min(args.edits, 20))))
    print("goal: median edit -> diagnostics <= 30 ms")


if __name__ == "__main__":
    main()
