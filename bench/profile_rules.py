"""Where extraction spends its time after spaCy's parse: the rules, by function, with pyinstrument.

    python -m bench.profile_rules --limit 200
    python -m bench.profile_rules --limit 100 --longest

Articles are parsed first (not profiled); then only the rule pass (``extract_doc``) runs under the
profiler, so the figures are the rules' own cost, set against the parse time measured in the same run.
Time in spaCy's compiled code (``doc.sents``, ``span.ents``, token attributes) counts towards the Python
function that asked for it. Needs ``pip install -e .[bench]``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from bench.run import BBC, _articles, _warm

EXTRACT = str(Path(__file__).resolve().parent.parent / "extract")


def _walk(frame, ancestors: frozenset, inclusive: dict, own: dict) -> None:
    key = None
    if frame.file_path and frame.file_path.startswith(EXTRACT):
        key = f"{Path(frame.file_path).stem}.{frame.function}"
        own[key] += frame.total_self_time
        if key not in ancestors:  # recursion counted once
            inclusive[key] += frame.time
    for child in frame.children:
        _walk(child, ancestors | {key} if key else ancestors, inclusive, own)


def main(argv: list[str] | None = None) -> None:
    from pyinstrument import Profiler

    from extract.nlp import load_pipeline
    from extract.run.serial import BATCH_SIZE, extract_doc

    parser = argparse.ArgumentParser(prog="python -m bench.profile_rules", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BBC)
    parser.add_argument("--limit", type=int, default=200, help="articles to parse and profile [200]")
    parser.add_argument("--model", default=None)
    parser.add_argument("--top", type=int, default=25, help="functions to list [25]")
    parser.add_argument("--longest", action="store_true", help="the LIMIT longest articles (rules that grow faster than the text show up)")
    args = parser.parse_args(argv)

    if args.longest:
        articles = sorted(_articles(args.corpus, None), key=lambda a: -len(a.text))[: args.limit]
    else:
        articles = list(_articles(args.corpus, args.limit))
    nlp = load_pipeline(args.model)
    _warm(nlp)
    start = time.process_time()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE))
    parse_s = time.process_time() - start

    copies = [doc.copy() for doc in docs]  # extract_doc rewrites doc.ents: each pass needs its own Docs
    start = time.process_time()
    for doc, article in zip(copies, articles, strict=True):
        extract_doc(doc, article)
    rules_s = time.process_time() - start

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for doc, article in zip(docs, articles, strict=True):
        extract_doc(doc, article)
    profiler.stop()
    inclusive: dict[str, float] = defaultdict(float)
    own: dict[str, float] = defaultdict(float)
    _walk(profiler.last_session.root_frame(), frozenset(), inclusive, own)
    words = sum(len(a.text.split()) for a in articles)
    total = inclusive["serial.extract_doc"] or 1.0
    print(f"{len(articles)} articles, {words:,} words: parse {parse_s:.2f} s CPU, rules {rules_s:.2f} s CPU "
          f"= {rules_s / parse_s:.1%} on top of the parse (timed without the profiler)")  # fmt: skip
    print(f"\n{'function (extract/…), profiled pass':<48} {'inclusive':>9} {'self':>7} {'≈ % of parse':>12}")
    for key, seconds in sorted(inclusive.items(), key=lambda kv: -kv[1])[: args.top]:
        share = seconds / total  # of the rules; the profiler slows them, so scale by the clean timing
        print(f"{key:<48} {share:>9.1%} {own[key] / total:>7.1%} {share * rules_s / parse_s:>12.1%}")


if __name__ == "__main__":
    main()
