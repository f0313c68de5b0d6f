"""One long article by size: do time and memory stay proportional to its length?

    python -m bench.long_articles                          # 10k, 100k, 200k (the limit) and 1M characters
    python -m bench.long_articles --sizes 10000,300000

Each article is BBC articles joined by blank lines and cut to the size. Each size runs in a fresh process
(its peak RSS is its own): the pipeline is loaded and warmed (the rules too, on other articles), the text parsed (bare ``nlp(text)``), then
the rules run on the parse (``extract_doc``). Per size: CPU seconds of each, the rules against the parse
of the same text, peak RSS, and per character µs of parse, µs of rules and KB of memory above the loaded
pipeline; the last columns divide each per-character figure by the smallest size's, measured in the same
run (1.00× = cost proportional to length; memory by the smallest size that rises 20 MB above the warmed
pipeline, as a 10k article stays within what it already holds). ``MAX_ARTICLE_CHARS`` (extract/io/ingest.py) is set from these
figures. JSON goes to bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
from typing import Any

from bench.run import BBC, REPO, RESULTS, _articles, _machine, _warm

SIZES = (10_000, 100_000, 200_000, 1_000_000)  # 200,000: the article limit
#: Articles (the corpus's last, far from the measured texts' start; short, so that their parse does not set the
#: peak) run through the rules before timing: what the rules load on first use (~0.3 s) is not measured.
WARM = 3
#: Memory above the warmed pipeline that counts as measured (below it, the allocator's slack hides the article).
MEASURABLE_MB = 20


def long_text(size: int) -> str:
    """BBC articles, a blank line between them, cut to ``size`` characters."""
    parts, total = [], 0
    for article in _articles(BBC, None):
        parts.append(article.text)
        total += len(article.text) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)[:size]
    if len(text) < size:
        raise SystemExit(f"the corpus at {BBC} has only {len(text):,} characters, fewer than {size:,}")
    return text


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def measure(size: int, model: str | None) -> dict[str, Any]:
    """In this (fresh) process: parse and rules of one article of ``size`` characters."""
    from extract.model import Article
    from extract.nlp import load_pipeline
    from extract.run.serial import extract_doc

    text = long_text(size)
    nlp = load_pipeline(model)
    _warm(nlp)
    for article in list(_articles(BBC, None))[-WARM:]:
        extract_doc(nlp(article.text), article)
    nlp.max_length = max(nlp.max_length, size + 1)  # measured above the limit too: that is how it is chosen
    loaded = _peak_mb()
    start = time.process_time()
    doc = nlp(text)
    parse_s = time.process_time() - start
    parsed = _peak_mb()
    start = time.process_time()
    extraction = extract_doc(doc, Article("long", text))
    rules_s = time.process_time() - start
    return {
        "chars": size, "tokens": len(doc), "entities": len(extraction.entities), "relations": len(extraction.relations),
        "parse_cpu_s": round(parse_s, 3), "rules_cpu_s": round(rules_s, 3), "loaded_rss_mb": round(loaded, 1),
        "after_parse_rss_mb": round(parsed, 1), "peak_rss_mb": round(_peak_mb(), 1),
    }  # fmt: skip


def run(sizes: tuple[int, ...], model: str | None) -> dict[str, Any]:
    rows = []
    for size in sizes:
        print(f"… {size:,} characters", file=sys.stderr, flush=True)
        command = [sys.executable, "-m", "bench.long_articles", "--one", str(size), *(["--model", model] if model else [])]
        done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            rows.append({"chars": size, "error": f"exit code {done.returncode} (its error is above)"})
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        row.update(
            parse_us_per_char=round(row["parse_cpu_s"] / size * 1e6, 2), rules_us_per_char=round(row["rules_cpu_s"] / size * 1e6, 2),
            kb_per_char=round((row["peak_rss_mb"] - row["loaded_rss_mb"]) * 1024 / size, 2),
            rules_vs_parse=round(row["rules_cpu_s"] / row["parse_cpu_s"], 3),
        )  # fmt: skip
        rows.append(row)
    good = [r for r in rows if "error" not in r]
    if good:
        # a small article's memory stays inside what the warmed pipeline already holds: memory is compared
        # with the first size that rises MEASURABLE_MB above it
        base = {"parse_us_per_char": good[0], "rules_us_per_char": good[0],
                "kb_per_char": next((r for r in good if r["peak_rss_mb"] - r["loaded_rss_mb"] >= MEASURABLE_MB), None)}  # fmt: skip
        for row in good:
            for key, first in base.items():
                row[f"{key}_vs_smallest"] = round(row[key] / first[key], 2) if first and first[key] else None
    return {"started": dt.datetime.now().isoformat(timespec="seconds"), "machine": _machine(), "sizes": rows}


def table(results: dict[str, Any]) -> str:
    head = (f"{'characters':>10} {'tokens':>8} {'parse s':>8} {'rules s':>8} {'rules/parse':>11} {'peak MB':>8} "
            f"{'µs/char parse':>13} {'µs/char rules':>13} {'KB/char':>8} {'per char vs smallest (parse, rules, memory)':>44}")  # fmt: skip
    lines = [head]
    for r in results["sizes"]:
        if "error" in r:
            lines.append(f"{r['chars']:>10,} {r['error']}")
            continue
        vs = ", ".join(f"{r[k + '_vs_smallest']:.2f}×" if r[k + "_vs_smallest"] is not None else "n/a"
                       for k in ("parse_us_per_char", "rules_us_per_char", "kb_per_char"))  # fmt: skip
        lines.append(f"{r['chars']:>10,} {r['tokens']:>8,} {r['parse_cpu_s']:>8.2f} {r['rules_cpu_s']:>8.2f} {r['rules_vs_parse']:>11.3f} "
                     f"{r['peak_rss_mb']:>8.0f} {r['parse_us_per_char']:>13.2f} {r['rules_us_per_char']:>13.2f} {r['kb_per_char']:>8.2f} {vs:>44}")  # fmt: skip
    machine = results["machine"]
    lines.append(f"\n{machine['cpu']}, {machine['cores']} cores; {machine['model']}; commit {machine['commit']}; "
                 f"load average at start {machine['load_average_at_start']}")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.long_articles", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="characters per article, comma-separated [10000,100000,200000,1000000]")
    parser.add_argument("--model", default=None)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process (the driver runs each fresh)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one, args.model)))
        return
    results = run(tuple(int(s) for s in args.sizes.split(",")), args.model)
    print(table(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"long-articles-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\n{path}", file=sys.stderr)


if __name__ == "__main__":
    main()
