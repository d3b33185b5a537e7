// Reads a GEXF file with graphology-gexf (a real GEXF 1.3 client) and compares it with what
// kgraph expects; also reads the dynamic intervals (start/end), which graphology ignores, with
// @xmldom/xmldom.
//
//   NODE_PATH=DIR/node_modules node gexf_graphology_check.js FILE.gexf EXPECTED.json
//
// EXPECTED.json: {"nodes": [{"id", "label", "color", "start", "end", "attributes":
// [{"title", "values": [text...]}]}], "edges": [{"id", "source", "target", "kind", "label",
// "start", "end", "attributes": [...]}]}; start/end null when absent. Each attribute value is
// checked against the type its <attribute> declares: liststring as an array of the texts,
// long/double as the number, boolean, string as the one text. Prints every difference and exits
// 1 if there is any.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const { DOMParser } = require('@xmldom/xmldom');

const [file, expectedFile] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
const problems = [];
const problem = (s) => {
  if (problems.length < 50) problems.push(s);
};
const show = (v) => JSON.stringify(v).slice(0, 200);

const graph = gexf.parse(Graph, text);
const doc = new DOMParser().parseFromString(text, 'application/xml');

// Declared attribute types by class and title.
const declared = { node: {}, edge: {} };
for (const attrs of Array.from(doc.getElementsByTagName('attributes'))) {
  for (const a of Array.from(attrs.getElementsByTagName('attribute')))
    declared[attrs.getAttribute('class')][a.getAttribute('title')] = a.getAttribute('type');
}

function checkAttributes(what, cls, data, attributes, builtins) {
  const seen = new Set(builtins);
  for (const { title, values } of attributes) {
    seen.add(title);
    const type = declared[cls][title];
    const actual = data[title];
    let want;
    if (type === 'liststring') want = values;
    else if (type === 'long' || type === 'double') want = Number(values[0]);
    else if (type === 'boolean') want = values[0] === 'true';
    else if (type === 'string') want = values[0];
    else {
      problem(`${what}: attribute ${show(title)} declared as ${show(type)}`);
      continue;
    }
    if (type !== 'liststring' && values.length !== 1)
      problem(`${what}: attribute ${show(title)} has ${values.length} values but type ${type}`);
    if (JSON.stringify(actual) !== JSON.stringify(want))
      problem(`${what}: attribute ${show(title)} (${type}) is ${show(actual)}, expected ${show(want)}`);
  }
  for (const key of Object.keys(data))
    if (!seen.has(key)) problem(`${what}: unexpected attribute ${show(key)} = ${show(data[key])}`);
}

function checkInterval(what, element, want) {
  for (const side of ['start', 'end']) {
    const actual = element && element.hasAttribute(side) ? element.getAttribute(side) : null;
    if (actual !== want[side]) problem(`${what}: ${side} is ${show(actual)}, expected ${show(want[side])}`);
  }
}

if (graph.order !== expected.nodes.length)
  problem(`${graph.order} nodes, expected ${expected.nodes.length}`);
if (graph.size !== expected.edges.length) problem(`${graph.size} edges, expected ${expected.edges.length}`);

const nodeElements = new Map();
for (const n of Array.from(doc.getElementsByTagName('node'))) nodeElements.set(n.getAttribute('id'), n);
for (const n of expected.nodes) {
  const what = `node ${show(n.id)}`;
  if (!graph.hasNode(n.id)) {
    problem(`${what} missing`);
    continue;
  }
  const data = graph.getNodeAttributes(n.id);
  if (data.label !== n.label) problem(`${what}: label ${show(data.label)}, expected ${show(n.label)}`);
  if (data.color !== n.color) problem(`${what}: color ${show(data.color)}, expected ${show(n.color)}`);
  checkAttributes(what, 'node', data, n.attributes, ['label', 'color']);
  checkInterval(what, nodeElements.get(n.id), n);
}

const edgeElements = new Map();
for (const e of Array.from(doc.getElementsByTagName('edge'))) edgeElements.set(e.getAttribute('id'), e);
for (const e of expected.edges) {
  const what = `edge ${show(e.id)}`;
  if (!graph.hasEdge(e.id)) {
    problem(`${what} missing`);
    continue;
  }
  if (graph.source(e.id) !== e.source || graph.target(e.id) !== e.target)
    problem(`${what}: ${show(graph.source(e.id))} -> ${show(graph.target(e.id))}, expected ${show(e.source)} -> ${show(e.target)}`);
  if (!graph.isDirected(e.id)) problem(`${what} is not directed`);
  const data = graph.getEdgeAttributes(e.id);
  if (data.label !== e.label) problem(`${what}: label ${show(data.label)}, expected ${show(e.label)}`);
  if (data.kind !== e.kind) problem(`${what}: kind ${show(data.kind)}, expected ${show(e.kind)}`);
  checkAttributes(what, 'edge', data, e.attributes, ['label', 'kind']);
  checkInterval(what, edgeElements.get(e.id), e);
}

if (problems.length) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(`ok: ${graph.order} nodes, ${graph.size} edges`);
