#!/usr/bin/python3
"""Reads a kgraph GraphML file with networkx and igraph and compares it with what kgraph holds.

usage: graphml_python_check.py networkx|igraph GRAPHML EXPECTED_JSON [INPUT_JSON]

EXPECTED_JSON is written by tests/clients/graphml_clients_test.cpp from the built graph:
{"nodes": [{"id", "type", "kind", "name", "aliases", "start", "end", "sources",
            "properties": {key: [values]}}],
 "edges": [{"from", "to", "type", "role", "start", "end", "sources", "properties": {...}}],
 "sources": [...]}
in the order kgraph writes them. The naming rules (node id escape, attr.name of properties,
APOC labels, key types, list encoding) are re-implemented here from docs/formats/graphml.md, so
that the check does not trust the exporter's own code.

INPUT_JSON, when given, is the kgraph JSON document the graph was built from: names, roles and
quotes of records that were not merged are then also compared with the input text itself.

Exits 0 when everything matches, 1 with a list of differences otherwise, 2 when the client
library is missing (which the calling test reports as a failure).
"""
import json
import math
import sys

NODE_BUILTINS = {"id", "type", "kind", "name", "aliases", "start", "end", "sources", "labels"}
EDGE_BUILTINS = {"type", "label", "start", "end", "role", "sources"}
PLAIN_FIRST = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
TOKEN_BYTES = PLAIN_FIRST | set(":-")


def token(s):
    """docs/formats/graphml.md, "Node ids and attribute names"."""
    if s and s[0] in PLAIN_FIRST and all(c in TOKEN_BYTES or c == "." for c in s):
        return s
    out = ["-"]
    for b in s.encode("utf-8"):
        c = chr(b)
        out.append(c if b < 0x80 and c in TOKEN_BYTES else ".%02X" % b)
    return "".join(out)


def attr_name(key, for_node):
    builtins = NODE_BUILTINS if for_node else EDGE_BUILTINS
    if key.lstrip("_") in builtins:
        key = "_" + key
    return token(key)


def pascal(word):
    out, start = [], True
    for ch in word:
        if ord(ch) < 0x80 and not ch.isalnum():
            start = True
            continue
        out.append(ch.upper() if start and ord(ch) < 0x80 else ch)
        start = False
    return "".join(out)


def labels(node):
    s = ":" + pascal(node["type"])
    k = pascal(node.get("kind", ""))
    return s + (":" + k if k else "")


def rel_label(t):
    return "".join(c.upper() if ord(c) >= 0x80 or c.isalnum() else "_" for c in t)


def kind_of(v):
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "real"
    return "string"


def infer(elements, builtin_strings=()):
    """key -> (graphml type, is list) over the elements, per the documented rules."""
    seen = {}
    for el in elements:
        for key, values in el["properties"].items():
            s = seen.setdefault(key, {"kinds": set(), "multi": False, "huge": False})
            s["multi"] |= len(values) > 1
            for v in values:
                s["kinds"].add(kind_of(v))
                if kind_of(v) == "integer" and abs(v) > 2**53:
                    s["huge"] = True
    out = {}
    for key, s in seen.items():
        kinds = s["kinds"]
        if s["multi"] or "string" in kinds or key in builtin_strings:
            t = "string"
        elif kinds == {"boolean"}:
            t = "boolean"
        elif "boolean" in kinds:
            t = "string"
        elif kinds == {"integer"}:
            t = "long"
        elif kinds == {"real"}:
            t = "double"
        else:
            t = "string" if s["huge"] else "double"
        out[key] = (t, s["multi"])
    return out


def text_of(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)


def expected_value(values, typ, is_list):
    """The Python value a client should produce for a property."""
    if is_list:
        return ("json", values)
    v = values[0]
    if typ == "boolean":
        return bool(v)
    if typ == "long":
        return int(v)
    if typ == "double":
        return float(v)
    return v if isinstance(v, str) else text_of(v)


class Checker:
    def __init__(self, client):
        self.client = client
        self.problems = []

    def eq(self, what, got, want):
        if isinstance(want, tuple) and want and want[0] == "json":
            try:
                got_v = json.loads(got)
            except (TypeError, ValueError):
                self.problems.append(f"{what}: {got!r} is not JSON array text")
                return
            if got_v != want[1]:
                self.problems.append(f"{what}: got {got_v!r}, want {want[1]!r}")
            return
        if isinstance(want, float) and isinstance(got, float) and math.isnan(want) and math.isnan(got):
            return
        if self.client == "igraph" and isinstance(want, int) and not isinstance(want, bool) \
                and isinstance(got, float):
            got = int(got) if got == int(got) else got  # igraph reads integers as floats
        if type(got) != type(want) or got != want:
            self.problems.append(f"{what}: got {got!r} ({type(got).__name__}), want {want!r}")


def expected_node_attrs(node, node_types):
    attrs = {"id": node["id"], "type": node["type"], "name": node["name"], "labels": labels(node)}
    if node.get("kind"):
        attrs["kind"] = node["kind"]
    if node.get("aliases"):
        attrs["aliases"] = ("json", node["aliases"])
    if node.get("sources"):
        attrs["sources"] = ("json", node["sources"])
    for f in ("start", "end"):
        if node.get(f):
            attrs[f] = node[f]
    for key, values in node["properties"].items():
        typ, is_list = node_types[key]
        attrs[attr_name(key, True)] = expected_value(values, typ, is_list)
    return attrs


def expected_edge_attrs(edge, edge_types):
    attrs = {"type": edge["type"], "label": rel_label(edge["type"])}
    for f in ("start", "end", "role"):
        if edge.get(f):
            attrs[f] = edge[f]
    if edge.get("sources"):
        attrs["sources"] = ("json", edge["sources"])
    for key, values in edge["properties"].items():
        typ, is_list = edge_types[key]
        name = key if key in ("id", "quote") else attr_name(key, False)
        attrs[name] = expected_value(values, typ, is_list)
    return attrs


def networkx_view(attrs):
    """networkx skips a <data> element whose text is empty (ElementTree gives None, and no
    XML spelling of the empty string differs), so an empty string value is absent there."""
    return {k: v for k, v in attrs.items() if v != ""}


def check_networkx(path, exp, ck):
    import networkx as nx

    nodes, edges = exp["nodes"], exp["edges"]
    node_types = infer(nodes)
    edge_types = infer(edges, builtin_strings=("id", "quote"))

    # Default reading: parallel edges make it a MultiDiGraph by itself.
    g0 = nx.read_graphml(path)
    ck.eq("networkx default: node count", g0.number_of_nodes(), len(nodes))
    ck.eq("networkx default: is directed", g0.is_directed(), True)

    g = nx.read_graphml(path, force_multigraph=True)
    ck.eq("networkx: node count", g.number_of_nodes(), len(nodes))
    ck.eq("networkx: edge count", g.number_of_edges(), len(edges))
    ck.eq("networkx: node order", list(g.nodes), [token(n["id"]) for n in nodes])
    for n in nodes:
        nid = token(n["id"])
        if nid not in g.nodes:
            ck.problems.append(f"networkx: node {nid!r} (entity {n['id']!r}) missing")
            continue
        got = g.nodes[nid]
        want = networkx_view(expected_node_attrs(n, node_types))
        ck.eq(f"networkx: node {n['id']!r} attribute names", sorted(got), sorted(want))
        for k, v in want.items():
            ck.eq(f"networkx: node {n['id']!r} {k}", got.get(k), v)
    for i, e in enumerate(edges):
        u, v, key = token(e["from"]), token(e["to"]), f"e{i}"
        if not g.has_edge(u, v, key):
            ck.problems.append(f"networkx: edge {key} {u!r} -> {v!r} missing")
            continue
        got = g.edges[u, v, key]
        want = networkx_view(expected_edge_attrs(e, edge_types))
        ck.eq(f"networkx: edge {key} attribute names", sorted(got), sorted(want))
        for k, val in want.items():
            ck.eq(f"networkx: edge {key} {k}", got.get(k), val)
    if exp["sources"]:
        ck.eq("networkx: graph sources", g.graph.get("sources"), ("json", exp["sources"]))
    return g


def check_igraph(path, exp, ck):
    import igraph

    nodes, edges = exp["nodes"], exp["edges"]
    node_types = infer(nodes)
    edge_types = infer(edges, builtin_strings=("id", "quote"))
    g = igraph.Graph.Read_GraphML(path)
    ck.eq("igraph: directed", g.is_directed(), True)
    ck.eq("igraph: vertex count", g.vcount(), len(nodes))
    ck.eq("igraph: edge count", g.ecount(), len(edges))
    if g.vcount() != len(nodes) or g.ecount() != len(edges):
        return g
    vattrs = set(g.vs.attributes())
    for i, n in enumerate(nodes):
        want = expected_node_attrs(n, node_types)
        for k, val in want.items():
            if k not in vattrs:
                ck.problems.append(f"igraph: vertex attribute {k!r} missing")
                continue
            ck.eq(f"igraph: vertex {i} ({n['id']!r}) {k}", g.vs[i][k], val)
    eattrs = set(g.es.attributes())
    for i, e in enumerate(edges):
        ed = g.es[i]
        ck.eq(f"igraph: edge {i} source", g.vs[ed.source]["id"], e["from"])
        ck.eq(f"igraph: edge {i} target", g.vs[ed.target]["id"], e["to"])
        for k, val in expected_edge_attrs(e, edge_types).items():
            if k not in eattrs:
                ck.problems.append(f"igraph: edge attribute {k!r} missing")
                continue
            ck.eq(f"igraph: edge {i} {k}", ed[k], val)
    if exp["sources"]:
        ck.eq("igraph: graph sources", g["sources"], ("json", exp["sources"]))
    return g


def check_against_input(input_path, exp, ck):
    """Names, roles and quotes of unmerged records, compared with the input text itself."""
    with open(input_path, encoding="utf-8") as f:
        doc = json.load(f)
    by_id = {n["id"]: n for n in exp["nodes"]}
    counts = {}
    for section in ("actors", "laws", "events", "places"):
        for rec in doc.get(section, []):
            counts[rec["id"]] = counts.get(rec["id"], 0) + 1
    for section in ("actors", "laws", "events", "places"):
        for rec in doc.get(section, []):
            if counts[rec["id"]] != 1:
                continue
            node = by_id.get(rec["id"])
            if node is None:
                ck.problems.append(f"input: entity {rec['id']!r} not in the graph")
                continue
            ck.eq(f"input: entity {rec['id']!r} name", node["name"], rec["name"])
            for alias in rec.get("aliases", []):
                if alias not in node.get("aliases", []):
                    ck.problems.append(f"input: entity {rec['id']!r} lost alias {alias!r}")


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("networkx", "igraph"):
        print(__doc__, file=sys.stderr)
        return 2
    client, path, expected = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(expected, encoding="utf-8") as f:
        exp = json.load(f)
    ck = Checker(client)
    try:
        if client == "networkx":
            check_networkx(path, exp, ck)
        else:
            check_igraph(path, exp, ck)
    except ImportError as err:
        print(f"client missing: {err} (install Debian's python3-{client})", file=sys.stderr)
        return 2
    if len(sys.argv) == 5:
        check_against_input(sys.argv[4], exp, ck)
    for p in ck.problems[:200]:
        print(p)
    if ck.problems:
        print(f"{len(ck.problems)} difference(s)")
        return 1
    print(f"{client}: {len(exp['nodes'])} nodes, {len(exp['edges'])} edges match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
