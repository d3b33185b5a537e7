"""Counts of a GraphML file as networkx reads it, to check the GraphML importer against.

usage: graphml_counts.py FILE NODE_ATTR EDGE_ATTR
prints `node VALUE COUNT` for each value of NODE_ATTR on the nodes and `edge VALUE COUNT` for
each value of EDGE_ATTR on the edges (parallel edges counted one by one), sorted.
"""
import collections
import sys

import networkx

path, node_attr, edge_attr = sys.argv[1:4]
graph = networkx.read_graphml(path, force_multigraph=True)
lines = []
for prefix, counts in (
    ("node", collections.Counter(d.get(node_attr, "") for _, d in graph.nodes(data=True))),
    ("edge", collections.Counter(d.get(edge_attr, "") for _, _, d in graph.edges(data=True))),
):
    lines += [f"{prefix} {value} {count}" for value, count in counts.items()]
print("\n".join(sorted(lines)))
