// Loads one RDF file into an in-memory Oxigraph store and runs SPARQL SELECT queries on it.
//
//   NODE_PATH=DIR/node_modules node rdf_oxigraph_query.js FILE ntriples|turtle QUERIES.json
//
// QUERIES.json is [{"name": ..., "vars": [...], "sparql": ...}, ...]. Prints one JSON object:
// {"triples": N, "results": {"name": [[value, ...], ...]}}, each value the term's lexical form
// or IRI (null when unbound). A parse error goes to stderr with exit status 1.
'use strict';
const fs = require('fs');
const oxigraph = require('oxigraph');

const [file, syntax, queriesFile] = process.argv.slice(2);
const formats = { ntriples: 'application/n-triples', turtle: 'text/turtle' };
if (!file || !formats[syntax] || !queriesFile) {
  console.error('usage: rdf_oxigraph_query.js FILE ntriples|turtle QUERIES.json');
  process.exit(2);
}

const store = new oxigraph.Store();
try {
  store.load(fs.readFileSync(file, 'utf8'), { format: formats[syntax] });
} catch (e) {
  console.error(`oxigraph could not load ${file}: ${e.message || e}`);
  process.exit(1);
}

const out = { triples: store.size, results: {} };
for (const q of JSON.parse(fs.readFileSync(queriesFile, 'utf8'))) {
  const rows = [];
  for (const binding of store.query(q.sparql)) {
    rows.push(q.vars.map((v) => {
      const term = binding.get(v);
      return term === undefined ? null : term.value;
    }));
  }
  out.results[q.name] = rows;
}
process.stdout.write(JSON.stringify(out));
