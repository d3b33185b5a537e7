#!/usr/bin/python3
"""Checks that docs/data-model.md lists the built-in vocabulary exactly as
graph/default_schema.json declares it: every kind with its label, every relation type with its
label and its from -> to rules, in the file's order.

    tests/repo/vocabulary_doc_test.py [PROJECT_DIR]
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
schema = json.loads((root / "graph/default_schema.json").read_text(encoding="utf-8"))
doc = (root / "docs/data-model.md").read_text(encoding="utf-8").splitlines()


def table(header):
    """The rows (lists of cells) of the Markdown table whose header row is `header`."""
    start = doc.index(header) + 2  # skip the |---| row
    rows = []
    for line in doc[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


kinds = [[t, f"`{k}`", label] for t, info in schema["types"].items() for k, label in info["kinds"].items()]
relations = [[f"`{name}`", info["label"], "; ".join(f"{a['from']} → {a['to']}" for a in info["allowed"])]
             for name, info in schema["relations"].items()]

failures = 0
for what, header, expected in [("kinds", "| type | kind | label |", kinds),
                               ("relation types", "| relation type | label | from → to |", relations)]:
    actual = table(header)
    if actual != expected:
        failures += 1
        print(f"docs/data-model.md: the table of {what} differs from graph/default_schema.json", file=sys.stderr)
        for row in [r for r in expected if r not in actual]:
            print("  missing or different: | " + " | ".join(row) + " |", file=sys.stderr)
        for row in [r for r in actual if r not in expected]:
            print("  not in the schema:    | " + " | ".join(row) + " |", file=sys.stderr)
        if sorted(actual) == sorted(expected):
            print("  (the same rows in another order)", file=sys.stderr)
sys.exit(1 if failures else 0)
