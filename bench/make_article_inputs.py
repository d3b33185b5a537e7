#!/usr/bin/env python3
"""Inputs for measuring articles end to end (docs/performance.md, "Articles"): a gazetteer of N
actors named like bench/mention_bench.cpp's ("North Korea 17"), and an article of about M MB of
news-like English with a mention (of one of the first 1,000 names, a possessive) every sentence,
in paragraphs of ten sentences.

    python3 bench/make_article_inputs.py DIR 100000 16
    kgraph validate --gazetteer DIR/names.jsonl DIR/article.txt
"""
import json
import random
import sys
from pathlib import Path

FIRST = ["North", "South", "United", "Central", "Eastern", "Western", "Royal", "National", "Free",
         "Democratic", "New", "Old"]
SECOND = ["Korea", "China", "Ministry", "Council", "Party", "Union", "Army", "Bank", "Court",
          "League", "Front", "Alliance"]
WORDS = ["the", "said", "on", "refugees", "government", "of", "a", "spokesman", "in", "border",
         "talks", "with", "and", "to"]


def name(i):
    return f"{FIRST[i % 12]} {SECOND[(i // 12) % 12]} {i}"


def main():
    out, count, megabytes = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "names.jsonl", "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps({"record": "actor", "id": f"n{i}", "name": name(i)}) + "\n")
    rng = random.Random(7)
    parts, size, sentences = ["A day of talks\n\nSeptember 19, 2006\n\n"], 0, 0
    while size < megabytes * 1e6:
        s = " ".join(rng.choice(WORDS) for _ in range(12))
        s = s[0].upper() + s[1:] + " " + name(rng.randrange(min(count, 1000))) + "'s envoy said."
        sentences += 1
        s += "\n\n" if sentences % 10 == 0 else " "
        parts.append(s)
        size += len(s)
    (out / "article.txt").write_text("".join(parts), encoding="utf-8")
    (out / "short.txt").write_text("A day of talks\n\nNorth Korea 0 said.\n", encoding="utf-8")


if __name__ == "__main__":
    main()
