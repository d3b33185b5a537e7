// Loads a `kgraph build ... -o kuzu:DIR` folder into a new Kuzu or LadybugDB database with the
// folder's own load.mjs, then checks the database against kgraph's canonical JSON of the same
// graph: row counts per table, every field of every node and relationship byte for byte, every
// 2-hop path, and (with --example) named 2-hop patterns of the North Korean refugees example.
//
//   NODE_PATH=.../node_modules [KGRAPH_DB_MODULE=@ladybugdb/core] \
//     node kuzu_check.mjs EXPORT_DIR GRAPH.json DATABASE_DIR [--example]
//
// KGRAPH_DB_MODULE names the npm package of the database (default kuzu); load.mjs reads the same
// variable. Prints "kuzu check (MODULE): N passed, 0 failed" and exits 0, or lists the
// differences and exits 1.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const moduleName = process.env.KGRAPH_DB_MODULE || 'kuzu';
const kuzu = require(moduleName);

const [exportDir, jsonPath, dbDir, ...flags] = process.argv.slice(2);
const example = flags.includes('--example');
let passed = 0;
const failures = [];
function check(ok, what) {
  if (ok) passed++;
  else if (failures.length < 50) failures.push(what);
  else if (failures.length === 50) failures.push('(more differences not shown)');
}
const show = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));

// ---- JSON with exact numbers: integers as BigInt, reals as {real: number, text} -----------
function parseJson(text) {
  let i = 0;
  const ws = () => { while (' \t\r\n'.includes(text[i])) i++; };
  function value() {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o = {};
      ws();
      if (text[i] === '}') { i++; return o; }
      for (;;) {
        ws();
        const k = string();
        ws(); i++;  // :
        o[k] = value();
        ws();
        if (text[i++] === '}') return o;
      }
    }
    if (c === '[') {
      i++;
      const a = [];
      ws();
      if (text[i] === ']') { i++; return a; }
      for (;;) {
        a.push(value());
        ws();
        if (text[i++] === ']') return a;
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) { i += 4; return true; }
    if (text.startsWith('false', i)) { i += 5; return false; }
    if (text.startsWith('null', i)) { i += 4; return null; }
    const m = /^-?(?:\d+)(\.\d+)?([eE][+-]?\d+)?|^-?(?:NaN|Infinity)/.exec(text.slice(i, i + 400));
    i += m[0].length;
    return m[1] || m[2] || /[NI]/.test(m[0]) ? { real: Number(m[0]), text: m[0] } : BigInt(m[0]);
  }
  function string() {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  }
  return value();
}

// ---- naming rules of docs/formats/kuzu.md -------------------------------------------------
const NODE_BUILTINS = ['id', 'name', 'kind', 'aliases', 'start', 'end', 'sources'];
const REL_BUILTINS = ['start', 'end', 'role', 'sources'];
const SOURCE_BUILTINS = ['id', 'date'];
const RESERVED = ['_ID', '_LABEL', '_SRC', '_DST', '_DIRECTION', '_LENGTH', '_NODES', '_RELS', '_PLACE_HOLDER',
  '_ROW_OFFSET', '_SRC_OFFSET', '_DST_OFFSET'];
const upper = (s) => s.replace(/[a-z]/g, (c) => c.toUpperCase());
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

function columnNames(keys, builtins) {
  const taken = new Set(builtins.map(upper));
  const names = new Map();
  for (const key of [...keys].sort(byteOrder)) {
    let name = key;
    if (builtins.map(upper).includes(upper(key.replace(/^_+/, '')))) name = '_' + name;
    name = name.replace(/[`\x00-\x1f\x7f]/g, '_');
    if (name === '') name = '_';
    while (RESERVED.includes(upper(name))) name = '_' + name;
    let unique = name;
    for (let n = 2; taken.has(upper(unique)); n++) unique = `${name}_${n}`;
    taken.add(upper(unique));
    names.set(key, unique);
  }
  return names;
}

const pascal = (w) => w.split(/[^A-Za-z0-9\u0080-\uffff]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('');
const upperSnake = (t) => t.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/[\x00-\x7f]/g, (c) => (/[A-Za-z0-9]/.test(c) ? c : '_'));

// ---- load ------------------------------------------------------------------------------
const load = spawnSync(process.execPath, [join(exportDir, 'load.mjs'), dbDir], {
  encoding: 'utf8',
  env: { ...process.env, KGRAPH_DB_MODULE: moduleName },
});
if (load.status !== 0) {
  console.error(`load.mjs failed (${load.status}):\n${load.stdout}${load.stderr}`);
  process.exit(1);
}
const db = new kuzu.Database(dbDir);
const conn = new kuzu.Connection(db);
const rows = (q) => conn.querySync(q).getAllSync();
const graph = parseJson(readFileSync(jsonPath, 'utf8'));

// Expected value of a property in a column of Kuzu type `type` (e.g. 'DOUBLE', 'STRING[]').
function canonicalText(v) {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && v !== null && 'real' in v) return v.text;
  return v;
}
function expectedCell(v, type) {
  if (v === undefined) return null;
  const list = type.endsWith('[]');
  const base = list ? type.slice(0, -2) : type;
  const items = Array.isArray(v) ? v : [v];
  const one = (x) => {
    if (base === 'STRING') return canonicalText(x);
    if (base === 'INT64') return canonicalText(x);  // compared through CAST(... AS STRING)
    if (base === 'DOUBLE') return typeof x === 'bigint' ? Number(x) : x.real;
    return x;
  };
  return list ? items.map(one) : one(items[0]);
}
function sameCell(got, want, type) {
  if (type.startsWith('INT64')) {
    // Fetched as text: "3" or "[1,2]".
    if (want === null) return got === null;
    return got === (Array.isArray(want) ? `[${want.join(',')}]` : want);
  }
  if (type.startsWith('DOUBLE') && want !== null) {
    const w = Array.isArray(want) ? want : [want];
    const g = Array.isArray(got) ? got : [got];
    return w.length === g.length && w.every((x, k) => Object.is(x, g[k]) || x === g[k]);
  }
  return show(got) === show(want);
}
const cellExpr = (alias, name, type) =>
  type.startsWith('INT64') ? `CAST(${alias}.\`${name}\` AS STRING)` : `${alias}.\`${name}\``;

function tableColumns(table) {
  return rows(`CALL table_info('${table}') RETURN name, type`).map((r) => ({ name: r.name, type: r.type }));
}

// ---- nodes -----------------------------------------------------------------------------
function checkNodeTable(table, elements, builtins, builtinValues) {
  const columns = tableColumns(table);
  const keys = new Set();
  for (const e of elements) for (const k of Object.keys(e)) if (!builtinValues.fields.includes(k)) keys.add(k);
  const names = columnNames(keys, builtins);
  const byName = new Map(columns.map((c) => [c.name, c]));
  for (const [key, name] of names) check(byName.has(name), `${table}: property ${show(key)} has no column ${show(name)}`);
  const got = new Map();
  const select = columns.map((c, k) => `${cellExpr('n', c.name, c.type)} AS c${k}`).join(', ');
  for (const r of rows(`MATCH (n:\`${table}\`) RETURN ${select}`)) got.set(r.c0, r);
  check(got.size === elements.length, `${table}: ${got.size} rows, expected ${elements.length}`);
  for (const e of elements) {
    const r = got.get(e.id);
    check(r !== undefined, `${table}: no row for id ${show(e.id)}`);
    if (!r) continue;
    const want = builtinValues.of(e);
    for (const [key, name] of names) want[name] = e[key];
    columns.forEach((c, k) => {
      const w = expectedCell(want[c.name], c.type);
      check(sameCell(r[`c${k}`], w, c.type), `${table} ${show(e.id)}.${c.name}: got ${show(r[`c${k}`])}, expected ${show(w)}`);
    });
  }
}

const dates = (e) => (e.date !== undefined ? { start: e.date, end: e.date } : { start: e.start, end: e.end });
const TYPES = [['actors', 'Actor'], ['laws', 'Law'], ['events', 'Event'], ['places', 'Place']];
checkNodeTable('Source', graph.sources ?? [], SOURCE_BUILTINS, {
  fields: SOURCE_BUILTINS,
  of: (s) => ({ id: s.id, date: s.date }),
});
for (const [section, table] of TYPES) {
  checkNodeTable(table, graph[section] ?? [], NODE_BUILTINS, {
    fields: [...NODE_BUILTINS, 'date'],
    of: (e) => ({ id: e.id, name: e.name, kind: e.kind, aliases: e.aliases, ...dates(e), sources: e.sources }),
  });
}

// ---- relationships ---------------------------------------------------------------------
const tableOf = new Map();
for (const [section, table] of TYPES) for (const e of graph[section] ?? []) tableOf.set(e.id, table);
const relations = graph.relations ?? [];
const relKey = (f, t, s, e, role) => show([f, t, s ?? null, e ?? null, role ?? null]);
const relTables = new Map(rows('CALL show_tables() RETURN name, type').filter((t) => t.type === 'REL').map((t) => [t.name, t]));
const byType = new Map();
for (const r of relations) {
  const table = upperSnake(r.type);
  if (!byType.has(table)) byType.set(table, []);
  byType.get(table).push(r);
}
for (const [table] of relTables) {
  const expected = byType.get(table) ?? [];
  const [{ n }] = rows(`MATCH ()-[x:\`${table}\`]->() RETURN count(x) AS n`);
  check(Number(n) === expected.length, `${table}: ${n} relationships, expected ${expected.length}`);
}
for (const [table, list] of byType) {
  check(relTables.has(table), `no relationship table ${table}`);
  if (!relTables.has(table)) continue;
  const columns = tableColumns(table);
  const keys = new Set();
  const fixed = ['from', 'type', 'to', 'date', ...REL_BUILTINS];
  for (const r of list) for (const k of Object.keys(r)) if (!fixed.includes(k)) keys.add(k);
  const names = columnNames(keys, REL_BUILTINS);
  const select = columns.map((c, k) => `${cellExpr('x', c.name, c.type)} AS c${k}`).join(', ');
  const got = new Map();
  for (const r of rows(`MATCH (a)-[x:\`${table}\`]->(b) RETURN a.id AS f, b.id AS t, label(a) AS fl, label(b) AS tl, ${select}`)) {
    const k = relKey(r.f, r.t, r.c0, r.c1, r.c2);
    check(!got.has(k), `${table}: two relationships ${k}`);
    got.set(k, r);
  }
  for (const rel of list) {
    const { start, end } = dates(rel);
    const k = relKey(rel.from, rel.to, start, end, rel.role);
    const r = got.get(k);
    check(r !== undefined, `${table}: no relationship ${k}`);
    if (!r) continue;
    check(r.fl === tableOf.get(rel.from) && r.tl === tableOf.get(rel.to), `${table} ${k}: endpoints ${r.fl} -> ${r.tl}`);
    const want = { start, end, role: rel.role, sources: rel.sources };
    for (const [key, name] of names) want[name] = rel[key];
    columns.forEach((c, n) => {
      const w = expectedCell(want[c.name], c.type);
      check(sameCell(r[`c${n}`], w, c.type), `${table} ${k}.${c.name}: got ${show(r[`c${n}`])}, expected ${show(w)}`);
    });
  }
}

// ---- 2-hop paths -----------------------------------------------------------------------
const out = new Map();
relations.forEach((r, n) => {
  if (!out.has(r.from)) out.set(r.from, []);
  out.get(r.from).push([n, r]);
});
const expectedPaths = [];
relations.forEach((r1, n1) => {
  for (const [n2, r2] of out.get(r1.to) ?? []) {
    if (n1 !== n2) expectedPaths.push(show([r1.from, upperSnake(r1.type), r1.to, upperSnake(r2.type), r2.to]));
  }
});
const gotPaths = rows('MATCH (a)-[r1]->(b)-[r2]->(c) RETURN a.id AS a, label(r1) AS r1, b.id AS b, label(r2) AS r2, c.id AS c')
  .map((r) => show([r.a, r.r1, r.b, r.r2, r.c]));
expectedPaths.sort();
gotPaths.sort();
check(show(gotPaths) === show(expectedPaths),
  `2-hop paths: got ${gotPaths.length}, expected ${expectedPaths.length}; first got ${gotPaths[0]}, expected ${expectedPaths[0]}`);

if (example) {
  // Qin Gang's three statements were part of the press conference of 19 September 2006.
  const statements = rows(
    "MATCH (p:Actor {id: 'qin-gang'})-[:STATED]->(s:Event)-[:PART_OF]->(c:Event) RETURN s.id AS sid, c.id AS cid ORDER BY sid")
    .map((r) => `${r.sid} ${r.cid}`);
  check(show(statements) === show([
    'qin-statement-embassy-rushes press-conference-2006-09-19',
    'qin-statement-lawful-treatment press-conference-2006-09-19',
    'qin-statement-not-refugees press-conference-2006-09-19',
  ]), `Qin Gang's statements: ${show(statements)}`);
  // Who took part in events that violate a law, and which laws: computed from the JSON too.
  const want = [];
  for (const r1 of relations) {
    if (r1.type !== 'participated_in') continue;
    for (const [, r2] of out.get(r1.to) ?? []) if (r2.type === 'violates') want.push(`${r1.from} ${r1.to} ${r2.to}`);
  }
  const got = rows('MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)-[:VIOLATES]->(l:Law) RETURN a.id AS a, e.id AS e, l.id AS l')
    .map((r) => `${r.a} ${r.e} ${r.l}`);
  check(want.length > 0 && show(got.sort()) === show(want.sort()), `participants in violations: ${show(got)} vs ${show(want)}`);
  check(got.includes('chinese-government forced-repatriations refugee-convention-1951-art33'),
    'the Chinese government took part in the forced repatriations that violate Article 33');
}

for (const f of failures) console.error(f);
console.log(`kuzu check (${moduleName}): ${passed} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
