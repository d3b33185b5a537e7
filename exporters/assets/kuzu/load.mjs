#!/usr/bin/env node
// Loads this folder into a new Kuzu database, or LadybugDB (Kuzu's maintained successor: same
// statements). Written by kgraph; see README.md.
//
//   node load.mjs DATABASE_PATH
//
// Needs one of the npm packages kuzu, lbug or @ladybugdb/core (npm install @ladybugdb/core)
// where Node finds it: a node_modules folder above this one, NODE_PATH, or the global folders.
// They are tried in that order; KGRAPH_DB_MODULE=NAME uses the one named.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function database_module() {
  const names = process.env.KGRAPH_DB_MODULE
    ? [process.env.KGRAPH_DB_MODULE]
    : ['kuzu', 'lbug', '@ladybugdb/core'];
  for (const name of names) {
    try {
      return require(name);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  console.error(
    `load.mjs: cannot find the ${names.join(' or ')} package; install one, e.g. npm install @ladybugdb/core`);
  process.exit(2);
}

// Splits a file of statements on the semicolons outside strings, names and comments.
function statements(text) {
  const out = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '`') {
      i = text.indexOf('`', i + 1);
      if (i < 0) i = text.length;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === ';') {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out.map((s) => s.replace(/^(\s*\/\/[^\n]*\n)*\s*/, '')).filter((s) => s.length > 0);
}

if (process.argv.length !== 3) {
  console.error('usage: node load.mjs DATABASE_PATH');
  process.exit(2);
}
const target = resolve(process.argv[2]);
const db_module = database_module();
const db = new db_module.Database(target);
const conn = new db_module.Connection(db);
process.chdir(here);  // load.cypher names its CSV files relative to this folder
for (const file of ['schema.cypher', 'load.cypher']) {
  const list = statements(readFileSync(file, 'utf8'));
  for (let n = 0; n < list.length; n++) {
    try {
      conn.querySync(list[n]);
    } catch (e) {
      console.error(`load.mjs: ${file}, statement ${n + 1}: ${e.message}`);
      process.exit(1);
    }
  }
}
const rows = (q) => conn.querySync(q).getAllSync();
for (const t of rows('CALL show_tables() RETURN name, type ORDER BY name')) {
  const pattern = t.type === 'NODE' ? `MATCH (x:\`${t.name}\`)` : `MATCH ()-[x:\`${t.name}\`]->()`;
  const [{ n }] = rows(`${pattern} RETURN count(x) AS n`);
  if (n > 0) console.log(`${t.name}: ${n}`);
}
