#!/usr/bin/env python3
"""Writes a kgraph JSON document as a folder of CSV files with the same facts.

    python3 examples/json_to_csv.py examples/north-korean-refugees-2006/graph.json \
        examples/north-korean-refugees-2006/csv

One file per non-empty section (sources.csv, actors.csv, laws.csv, events.csv, places.csv,
relations.csv), in kgraph's CSV layout (docs/formats/csv.md): the header names the fields, list
fields are joined with ";", and further properties get Neo4j-style typed headers
(`report_year:int`, `consequences:string[]`) so that numbers and lists read back as they were.

`kgraph build DIR/csv -o x.graphml` then gives the same bytes as `kgraph build graph.json -o
x.graphml`. Whatever CSV cannot say the same way is an error, not a silent change: an empty
string (an empty cell is an absent field), a list item containing ";" or surrounded by spaces,
a property whose values mix types (an int in one row, a string in another).
"""

import csv
import json
import sys
from pathlib import Path

SECTIONS = ["sources", "actors", "laws", "events", "places", "relations"]
FIRST = {
    "sources": ["id", "title", "publisher", "url", "date"],
    "entity": ["id", "name", "kind", "aliases", "description", "date", "start", "end",
               "place", "within", "part_of", "sources"],
    "relations": ["from", "type", "to", "id", "date", "start", "end", "role", "quote", "sources"],
}
LIST_FIELDS = {"aliases", "sources", "place", "within", "part_of"}
# Fields that are always one string (written as they are).
TEXT_FIELDS = {"id", "name", "kind", "description", "date", "start", "end", "from", "type", "to",
               "role", "quote", "title", "publisher", "url"}


class Unrepresentable(Exception):
    pass


def scalar_type(value, where):
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        if value == "":
            raise Unrepresentable(f"{where}: an empty string (an empty CSV cell means 'absent')")
        return "string"
    raise Unrepresentable(f"{where}: a {type(value).__name__} is not a property value")


def text(value, kind):
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def list_item(value, where):
    s = str(value)
    if ";" in s or s != s.strip(" \t") or s == "":
        raise Unrepresentable(f"{where}: list item {s!r} cannot be written in a ';'-separated cell")
    return s


def column_types(records, section):
    """Header type for each property key: (scalar type, is list)."""
    types = {}
    for i, rec in enumerate(records):
        for key, value in rec.items():
            if value is None or key in TEXT_FIELDS or key in LIST_FIELDS:
                continue
            where = f"{section}[{i}].{key}"
            values = value if isinstance(value, list) else [value]
            kinds = {scalar_type(v, where) for v in values}
            if len(kinds) > 1:
                raise Unrepresentable(f"{where}: a list mixing {sorted(kinds)}")
            kind = kinds.pop() if kinds else None
            old_kind, old_list = types.get(key, (kind, False))
            if kind is not None and old_kind is not None and kind != old_kind:
                raise Unrepresentable(f"{where}: {kind} here but {old_kind} elsewhere")
            types[key] = (kind or old_kind or "string", old_list or isinstance(value, list))
    return types


def header_name(key, kind, is_list):
    if kind == "string" and not is_list and ":" not in key:
        return key
    return f"{key}:{kind}{'[]' if is_list else ''}"


def write_section(section, records, out_dir):
    first = FIRST["sources" if section == "sources" else "relations" if section == "relations" else "entity"]
    present = {k for rec in records for k, v in rec.items() if v is not None}
    extra = column_types(records, section)
    columns = [k for k in first if k in present] + sorted(k for k in present if k not in first)
    header = [header_name(k, *extra[k]) if k in extra else k for k in columns]
    path = out_dir / f"{section}.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for i, rec in enumerate(records):
            row = []
            for key in columns:
                value = rec.get(key)
                where = f"{section}[{i}].{key}"
                if value is None:
                    row.append("")
                elif isinstance(value, list):
                    kind = extra[key][0] if key in extra else "string"
                    if not value:
                        row.append("")
                    else:
                        row.append(";".join(list_item(text(v, kind), where) for v in value))
                elif key in extra:
                    scalar_type(value, where)
                    row.append(text(value, extra[key][0]))
                else:
                    if not isinstance(value, str):
                        raise Unrepresentable(f"{where}: expected a string")
                    if value == "":
                        raise Unrepresentable(f"{where}: an empty string (an empty CSV cell means 'absent')")
                    if key in LIST_FIELDS:
                        value = list_item(value, where)
                    row.append(value)
            w.writerow(row)
    return path


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    doc = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out_dir = Path(argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    unknown = set(doc) - set(SECTIONS)
    if unknown:
        print(f"json_to_csv: unknown top-level keys {sorted(unknown)}", file=sys.stderr)
        return 1
    try:
        for section in SECTIONS:
            stale = out_dir / f"{section}.csv"
            if doc.get(section):
                print(write_section(section, doc[section], out_dir))
            elif stale.exists():
                stale.unlink()
    except Unrepresentable as e:
        print(f"json_to_csv: cannot write as CSV: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
