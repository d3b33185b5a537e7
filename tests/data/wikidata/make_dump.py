#!/usr/bin/env python3
"""Writes the eight entities of entities/ in the layout of the Wikidata JSON dump (a "[" line,
one entity per line ending in a comma but the last, a "]" line) as family.wikidata.json, and a
gzip copy of it. Run from anywhere: python3 tests/data/wikidata/make_dump.py"""
import glob, gzip, json, os

here = os.path.dirname(os.path.abspath(__file__))
entities = []
for path in sorted(glob.glob(os.path.join(here, "entities", "*.wikidata.json"))):
    with open(path, encoding="utf-8") as f:
        entities.extend(json.load(f)["entities"].values())
lines = [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entities]
text = "[\n" + ",\n".join(lines) + "\n]\n"
with open(os.path.join(here, "family.wikidata.json"), "w", encoding="utf-8") as f:
    f.write(text)
# mtime=0: the same bytes on every run.
with open(os.path.join(here, "family.wikidata.json.gz"), "wb") as raw:
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
