// The details panel: everything an analyst needs to check a node or an edge, with its sources
// (title, publisher, date, link) and the quotes of the relations that state it.
import { el, autoText, safeUrl } from "./dom.js";

function dates(record) {
  if (record.date !== undefined) return String(record.date);
  if (record.start !== undefined && record.end !== undefined) return record.start + " \u2013 " + record.end;
  if (record.start !== undefined) return "from " + record.start;
  if (record.end !== undefined) return "until " + record.end;
  return null;
}

function valueText(v) {
  return Array.isArray(v) ? v.map(String).join("; ") : String(v);
}

const kShownApart = new Set(["id", "name", "kind", "aliases", "date", "start", "end", "sources",
  "from", "to", "type", "role", "quote", "description"]);

function propertyRows(record) {
  const rows = [];
  for (const [key, value] of Object.entries(record)) {
    if (kShownApart.has(key)) continue;
    rows.push(el("tr", {}, autoText("th", key), autoText("td", valueText(value))));
  }
  return rows.length ? el("table", { class: "props" }, rows) : null;
}

function sourceList(index, ids) {
  if (!ids || !ids.length) return null;
  return el("div", { class: "sources" }, el("h4", { text: "Sources" }),
    el("ul", {}, ids.map((id) => {
      const s = index.sourceById.get(id) || { id };
      const title = s.title !== undefined ? valueText(s.title) : id;
      const url = safeUrl(Array.isArray(s.url) ? s.url[0] : s.url);
      const head = url
        ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", dir: "auto", text: title })
        : autoText("span", title);
      const details = [s.publisher, s.author, s.date].filter((x) => x !== undefined).map(valueText);
      return el("li", { class: "source", "data-source": id }, head,
        details.length ? autoText("div", details.join(" \u00b7 "), { class: "caption" }) : null);
    })));
}

function quotes(record) {
  if (record.quote === undefined) return [];
  const list = Array.isArray(record.quote) ? record.quote : [record.quote];
  return list.map((q) => autoText("blockquote", String(q), { class: "quote" }));
}

function relationLabel(index, type) {
  const style = index.relationStyles.get(type);
  return style && style.label ? style.label : type;
}

function nameOf(index, id) {
  const e = index.entityById.get(id);
  return e ? e.record.name || id : id;
}

export function entityDetails(index, e, onSelect) {
  const r = e.record;
  const kind = index.legend.kinds[e.style];
  const caption = [e.type, kind && kind.label, dates(r)].filter(Boolean).join(" \u00b7 ");
  const rels = index.relationsOf.get(r.id) || [];
  return el("div", { class: "details", "data-entity": r.id },
    autoText("h3", r.name || r.id),
    el("div", { class: "caption", text: caption }),
    el("div", { class: "caption" }, "id: ", autoText("code", r.id)),
    r.aliases ? el("div", { class: "aliases" }, "Also known as: ",
      r.aliases.map((a, i) => [i ? "; " : "", autoText("bdi", a)])) : null,
    r.description !== undefined ? autoText("p", valueText(r.description), { class: "description" }) : null,
    propertyRows(r),
    sourceList(index, r.sources),
    rels.length ? el("div", { class: "relations" }, el("h4", { text: "Relations (" + rels.length + ")" }),
      el("ul", {}, rels.map((rel) => {
        const rr = rel.record;
        const out = rr.from === r.id;
        const other = out ? rr.to : rr.from;
        return el("li", { class: "relation", "data-relation": rel.key },
          el("a", { href: "#", class: "rel-type", "data-relation": rel.key, title: "this relation's details",
            onclick: (ev) => { ev.preventDefault(); onSelect(rel.key); },
            text: (out ? "\u2192 " : "\u2190 ") + relationLabel(index, rr.type) }), " ",
          el("a", { href: "#", class: "entity-link", "data-entity": other, dir: "auto",
            onclick: (ev) => { ev.preventDefault(); onSelect(other); }, text: nameOf(index, other) }),
          rr.role !== undefined ? el("span", { class: "caption", text: " (" + rr.role + ")" }) : null,
          quotes(rr));
      }))) : null);
}

export function relationDetails(index, rel, onSelect) {
  const r = rel.record;
  const link = (id) => el("a", { href: "#", class: "entity-link", "data-entity": id, dir: "auto",
    onclick: (ev) => { ev.preventDefault(); onSelect(id); }, text: nameOf(index, id) });
  return el("div", { class: "details", "data-relation": rel.key },
    el("h3", {}, link(r.from), " \u2192 " + relationLabel(index, r.type) + " \u2192 ", link(r.to)),
    el("div", { class: "caption", text: ["relation " + r.type, r.role, dates(r)].filter(Boolean).join(" \u00b7 ") }),
    quotes(r),
    r.description !== undefined ? autoText("p", valueText(r.description), { class: "description" }) : null,
    propertyRows(r),
    sourceList(index, r.sources));
}
