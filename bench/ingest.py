"""Benchmark of reading saved news pages: main-text quality, metadata, non-article pages, and speed.

    python -m bench.ingest                 # the 35 pages of tests/data/pages
    python -m bench.ingest --repeat 9      # more timing rounds on a noisy machine

Quality is word-level precision / recall / F1 of the extracted text against each page's gold text
(``NN-*.txt``; words are ``\\w+`` runs, lower-cased, counted as a multiset; figures are means over the
30 article pages), for newsgraph's reader (``extract.io.html``: trafilatura plus newsgraph's
paragraphs and headline handling) and the hand-written reader it replaced (``bench/legacy_html.py``),
and for other extractors when they are installed (trafilatura as shipped, readability-lxml, jusText,
goose3, newspaper4k/3k). Metadata is compared with ``pages.json``; non-article pages must be refused.

Speed: pages/s of ``read_page`` over all 35 pages against pages/s of the spaCy parse (``nlp.pipe``
with newsgraph's pipeline) over the 30 texts it extracted, measured in the same run in interleaved
rounds (median of ``--repeat``); the target is a ratio of at least 20. The figures go to stdout and,
as JSON, to bench/results/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "data" / "pages"
RESULTS = REPO / "bench" / "results"
F1_TARGET = 0.95
SPEED_TARGET = 20.0
_WORD = re.compile(r"\w+")


def word_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    """Word-level (precision, recall, F1): multiset overlap of lower-cased ``\\w+`` words."""
    p, g = Counter(_WORD.findall(predicted.lower())), Counter(_WORD.findall(gold.lower()))
    hit = sum((p & g).values())
    precision = hit / sum(p.values()) if p else 0.0
    recall = hit / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_pages() -> list[dict[str, Any]]:
    pages = json.loads((PAGES / "pages.json").read_text(encoding="utf-8"))
    for page in pages:
        page["html"] = (PAGES / page["file"]).read_bytes()
        gold = PAGES / page["file"].replace(".html", ".txt")
        page["gold"] = gold.read_text(encoding="utf-8") if page["article"] else ""
    return pages


# --- the readers ----------------------------------------------------------------------------------


def newsgraph_reader(html: bytes):
    """(text, metadata or None); text is None when the page is refused as no article."""
    from extract.errors import NoArticleError
    from extract.io.html import decode_page, read_page

    try:
        page = read_page(decode_page(html, "page"), source="page")
    except NoArticleError:
        return None, None
    return page.text, page


def legacy_reader(html: bytes):
    from bench.legacy_html import html_to_text

    title, text = html_to_text(html.decode("utf-8", errors="replace"))
    return (text or None), {"title": title}


def _others() -> dict[str, Callable[[bytes], str | None]]:
    """Other extractors, each if installed: html → main text."""
    found: dict[str, Callable[[bytes], str | None]] = {}

    def has(module: str) -> bool:
        try:
            importlib.import_module(module)
            return True
        except Exception:  # noqa: BLE001 - a broken install counts as absent
            return False

    if has("trafilatura"):
        import trafilatura

        found["trafilatura 2.3 (defaults)"] = lambda html: trafilatura.extract(html)
        found["trafilatura (fast, no comments/tables)"] = lambda html: trafilatura.extract(
            html, fast=True, include_comments=False, include_tables=False)  # fmt: skip
    if has("readability"):
        import lxml.html
        from readability import Document

        def readability(html: bytes) -> str:
            summary = Document(html.decode("utf-8", errors="replace")).summary(html_partial=True)
            tree = lxml.html.fromstring(summary)
            return "\n\n".join(" ".join(el.text_content().split()) for el in tree.iter("p", "h2", "h3", "li", "blockquote"))

        found["readability-lxml"] = readability
    if has("justext"):
        import justext

        found["jusText"] = lambda html: "\n\n".join(
            p.text for p in justext.justext(html, justext.get_stoplist("English")) if not p.is_boilerplate)  # fmt: skip
    if has("goose3"):
        from goose3 import Goose

        goose = Goose({"enable_image_fetching": False, "http_timeout": 0.001})
        found["goose3"] = lambda html: goose.extract(raw_html=html.decode("utf-8", errors="replace")).cleaned_text
    for name in ("newspaper", "newspaper4k"):
        if has(name):
            from newspaper import Article as NewspaperArticle

            def newspaper(html: bytes) -> str:
                article = NewspaperArticle("https://example.invalid/")
                article.download(input_html=html.decode("utf-8", errors="replace"))
                article.parse()
                return article.text

            found["newspaper"] = newspaper
            break
    return found


# --- quality --------------------------------------------------------------------------------------


def quality(pages: list[dict[str, Any]], reader: Callable[[bytes], tuple]) -> dict[str, Any]:
    scores, refused, per_page = [], 0, {}
    for page in pages:
        text, _ = reader(page["html"])
        if not page["article"]:
            refused += text is None
            continue
        p, r, f = word_scores(text or "", page["gold"])
        scores.append((p, r, f))
        per_page[page["file"]] = round(f, 3)
    mean = [round(statistics.fmean(s[i] for s in scores), 3) for i in range(3)]
    worst = sorted(per_page.items(), key=lambda kv: kv[1])[:3]
    return {"precision": mean[0], "recall": mean[1], "f1": mean[2], "non_articles_refused": refused,
            "non_articles": sum(not p["article"] for p in pages), "worst": worst, "per_page_f1": per_page}  # fmt: skip


def _same_date(got: str, gold: str) -> tuple[bool, bool]:
    """(right day, exactly right): an instant given with its offset matches the same instant in another offset."""
    from dateutil import parser

    if not got or not gold:
        return got == gold, got == gold
    if "T" in got and "T" in gold:
        try:
            same = parser.isoparse(got) == parser.isoparse(gold)
            return same or got[:10] == gold[:10], same
        except ValueError:
            pass
    return got[:10] == gold[:10], got == gold


def metadata(pages: list[dict[str, Any]]) -> dict[str, Any]:
    right: Counter[str] = Counter()
    wrong: dict[str, list[str]] = {}
    articles = [p for p in pages if p["article"]]
    for page in articles:
        _, meta = newsgraph_reader(page["html"])
        if meta is None:
            for key in ("title", "date_day", "date_exact", "authors", "site_name", "url"):
                wrong.setdefault(key, []).append(page["file"])
            continue
        day, exact = _same_date(meta.published, page["published"])
        checks = {"title": meta.title == page["title"], "date_day": day, "date_exact": exact,
                  "authors": list(meta.authors) == page["authors"], "site_name": meta.site_name == page["site_name"],
                  "url": meta.url == page["url"]}  # fmt: skip
        for key, ok in checks.items():
            right[key] += ok
            if not ok:
                wrong.setdefault(key, []).append(page["file"])
    legacy_titles = sum(legacy_reader(p["html"])[1]["title"] == p["title"] for p in articles)
    return {"pages": len(articles), "right": dict(right), "wrong": wrong, "legacy_title_right": legacy_titles}


# --- speed ----------------------------------------------------------------------------------------


#: Passes over the 35 pages in one timing round of a reader: one pass is ~0.1 s, too short to time on a
#: shared machine; ten make a round of about a second (the parse's takes ~2 s).
READER_PASSES = 10


def speed(pages: list[dict[str, Any]], repeat: int) -> dict[str, Any]:
    from extract.nlp import load_pipeline

    texts = [t for t in (newsgraph_reader(p["html"])[0] for p in pages) if t]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:4]))  # warm up
    htmls = [p["html"] for p in pages]
    reader_rates, spacy_rates, legacy_rates = [], [], []
    for _ in range(repeat):  # interleaved rounds: both arms see the same load
        start = time.perf_counter()
        for _pass in range(READER_PASSES):
            for html in htmls:
                newsgraph_reader(html)
        reader_rates.append(READER_PASSES * len(htmls) / (time.perf_counter() - start))
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        spacy_rates.append(len(texts) / (time.perf_counter() - start))
        start = time.perf_counter()
        for _pass in range(READER_PASSES):
            for html in htmls:
                legacy_reader(html)
        legacy_rates.append(READER_PASSES * len(htmls) / (time.perf_counter() - start))
    reader, spacy_rate = statistics.median(reader_rates), statistics.median(spacy_rates)
    words = sum(len(t.split()) for t in texts)
    return {"reader_pages_per_s": round(reader, 1), "spacy_pages_per_s": round(spacy_rate, 1),
            "ratio": round(reader / spacy_rate, 1), "legacy_pages_per_s": round(statistics.median(legacy_rates), 1),
            "spacy_words_per_s": round(spacy_rate * words / len(texts)), "words_per_text": round(words / len(texts)),
            "html_kib_per_page": round(sum(map(len, htmls)) / len(htmls) / 1024, 1), "rounds": repeat,
            "reader_passes_per_round": READER_PASSES}  # fmt: skip


def others_quality(pages: list[dict[str, Any]]) -> dict[str, Any]:
    rows = {}
    for name, extract in _others().items():
        def reader(html: bytes, extract=extract):
            try:
                return extract(html) or None, None
            except Exception:  # noqa: BLE001 - a failure on a page scores as no text
                return None, None

        start = time.perf_counter()
        row = quality(pages, reader)
        row["pages_per_s"] = round(len(pages) / (time.perf_counter() - start), 1)  # quality() reads each page once
        rows[name] = row
    return rows


# --- report ---------------------------------------------------------------------------------------


def run(repeat: int) -> dict[str, Any]:
    pages = load_pages()
    results: dict[str, Any] = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "pages": len(pages),
        "newsgraph": quality(pages, newsgraph_reader),
        "legacy": quality(pages, legacy_reader),
        "metadata": metadata(pages),
        "others": others_quality(pages),
        "speed": speed(pages, repeat),
    }
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return results


def report(r: dict[str, Any]) -> str:
    lines = [f"bench.ingest: {r['pages']} saved pages (tests/data/pages), load average {r['load_average_at_start']} → {r['load_average_at_end']}", ""]
    lines.append(f"{'reader':42s} {'precision':>9s} {'recall':>7s} {'F1':>6s}  non-articles refused  worst pages (F1)")
    rows = {"newsgraph (extract.io.html)": r["newsgraph"], "old hand-written reader": r["legacy"], **r["others"]}
    for name, q in rows.items():
        worst = ", ".join(f"{f.split('-')[0]} {s:.2f}" for f, s in q["worst"])
        lines.append(f"{name:42s} {q['precision']:9.3f} {q['recall']:7.3f} {q['f1']:6.3f}  {q['non_articles_refused']}/{q['non_articles']:<19d} {worst}")
    f1 = r["newsgraph"]["f1"]
    lines.append(f"target: word F1 >= {F1_TARGET}: {'met' if f1 >= F1_TARGET else 'NOT met'} ({f1:.3f})")
    m = r["metadata"]
    lines += ["", f"metadata, right on {m['pages']} article pages (old reader: title {m['legacy_title_right']}/{m['pages']}):"]
    for key in ("title", "date_day", "date_exact", "authors", "site_name", "url"):
        missed = m["wrong"].get(key, [])
        lines.append(f"  {key:11s} {m['right'].get(key, 0):2d}/{m['pages']}" + (f"   wrong: {', '.join(x.split('-')[0] for x in missed)}" if missed else ""))
    s = r["speed"]
    lines += ["", f"speed (median of {s['rounds']} interleaved rounds; {s['html_kib_per_page']} KiB of HTML and {s['words_per_text']} words of text per page):",
              f"  newsgraph reader   {s['reader_pages_per_s']:8.1f} pages/s",
              f"  spaCy parse        {s['spacy_pages_per_s']:8.1f} pages/s ({s['spacy_words_per_s']} words/s)",
              f"  old reader         {s['legacy_pages_per_s']:8.1f} pages/s",
              f"  reader / parse     {s['ratio']:8.1f}x   target >= {SPEED_TARGET:g}x: {'met' if s['ratio'] >= SPEED_TARGET else 'NOT met'}"]  # fmt: skip
    others = r["others"]
    if others:
        lines += ["", "other extractors' speed (one pass over the 35 pages, quality loop): " + ", ".join(f"{k} {v['pages_per_s']} pages/s" for k, v in others.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="interleaved timing rounds (median reported)")
    parser.add_argument("--no-save", action="store_true", help="do not write the JSON to bench/results/")
    args = parser.parse_args(argv)
    results = run(args.repeat)
    print(report(results))
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        path = RESULTS / f"ingest-{results['started'].replace(':', '')}.json"
        path.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
        print(f"\n{path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
