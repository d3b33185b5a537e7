// Reads the graph kgraph wrote into the page (docs/formats/html.md, "The data block") and
// derives what the controls need: search keys, date intervals, neighbours.

/** The JSON document of <script type="application/json" id="kgraph-data">. */
export function readPageData(doc) {
  const block = doc.getElementById("kgraph-data");
  if (!block) throw new Error("kgraph: the page has no data block");
  return JSON.parse(block.textContent);
}

/** Text compared by search: compatibility-folded and lower case, so that "ＱＩＮ" finds "Qin". */
export function searchKey(text) {
  return String(text).normalize("NFKC").toLowerCase().trim();
}

/** The year of a kgraph date ("2006", "2006-09", "2006-09-19", "-0500"), or null. */
export function yearOf(date) {
  if (typeof date !== "string") return null;
  const m = /^([+-]?\d+)/.exec(date);
  return m ? parseInt(m[1], 10) : null;
}

/**
 * The years an element covers: [first, last], either end null when open; null when the element
 * has no date at all (it is never hidden by the date range).
 */
export function yearSpan(record) {
  if (record.date !== undefined) {
    const y = yearOf(record.date);
    return y === null ? null : [y, y];
  }
  const start = yearOf(record.start);
  const end = yearOf(record.end);
  if (start === null && end === null) return null;
  return [start, end];
}

/** Indexes the page data: entities and sources by id, relations by entity. */
export function indexData(data) {
  const entities = data.entities || [];
  const relations = data.relations || [];
  const sources = data.sources || [];
  const entityById = new Map();
  for (const e of entities) {
    const r = e.record;
    e.keys = [r.name, ...(r.aliases || [])].map(searchKey);
    e.span = yearSpan(r);
    entityById.set(r.id, e);
  }
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const relationsOf = new Map();
  relations.forEach((rel, i) => {
    rel.key = "r" + i;
    rel.span = yearSpan(rel.record);
    for (const end of [rel.record.from, rel.record.to]) {
      if (!relationsOf.has(end)) relationsOf.set(end, []);
      if (rel.record.from !== rel.record.to || end === rel.record.from) relationsOf.get(end).push(rel);
    }
  });
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const el of [...entities, ...relations]) {
    if (!el.span) continue;
    for (const y of el.span) {
      if (y === null) continue;
      minYear = Math.min(minYear, y);
      maxYear = Math.max(maxYear, y);
    }
  }
  const years = minYear <= maxYear ? [minYear, maxYear] : null;
  return { title: data.title, layout: data.layout, entities, relations, sources, entityById, sourceById, relationsOf, years, legend: data.legend };
}
