// The legend, which is also the filter panel: one row per entity type, kind group and relation
// type in the graph, in the colours of the static diagrams (exporters/diagram_style.cpp), each
// with a checkbox; and the date range, two sliders over the years the graph mentions.
import { el } from "./dom.js";
import { shapeCode } from "./node_shapes.js";

const kTypeOrder = ["actor", "law", "event", "place"];

function swatch(kind) {
  const code = shapeCode(kind);
  const shape = ["disc", "box", "rounded", "octagon", "diamond"][code % 8] || "disc";
  return el("span", { class: `swatch ${shape}${code >= 8 ? " doubled" : ""}`, title: kind.shape,
    style: `background:${kind.fill};border-color:${kind.border}` });
}

function lineSample(rel) {
  return el("span", { class: "line-sample", title: rel.style,
    style: `border-top-color:${rel.colour};border-top-style:${rel.style === "dashed" ? "dashed" : "solid"}` });
}

function checkbox(checked, onChange, props = {}) {
  return el("input", { type: "checkbox", checked, ...props,
    onchange: (ev) => onChange(ev.target.checked) });
}

export function buildLegend(index, filters, changed) {
  const counts = new Map();
  for (const e of index.entities) counts.set(e.style, (counts.get(e.style) || 0) + 1);
  const relCounts = new Map();
  for (const r of index.relations) relCounts.set(r.record.type, (relCounts.get(r.record.type) || 0) + 1);

  const types = kTypeOrder.filter((t) => index.legend.kinds.some((k) => k.type === t));
  const typeBlocks = types.map((type) => {
    const kinds = index.legend.kinds.map((k, i) => [k, i]).filter(([k]) => k.type === type);
    return el("div", { class: "legend-type" },
      el("label", { class: "legend-heading" },
        checkbox(!filters.hiddenTypes.has(type), (on) => {
          on ? filters.hiddenTypes.delete(type) : filters.hiddenTypes.add(type);
          changed();
        }, { "data-type": type }),
        type),
      kinds.map(([k, i]) => el("label", { class: "legend-row" },
        checkbox(true, (on) => {
          on ? filters.hiddenKinds.delete(i) : filters.hiddenKinds.add(i);
          changed();
        }, { "data-kind": k.kind, "data-kind-type": type }),
        swatch(k), el("span", { dir: "auto", text: k.label }),
        el("span", { class: "count", text: String(counts.get(i) || 0) }))));
  });

  const relRows = index.legend.relations.map((rel) => el("label", { class: "legend-row" },
    checkbox(true, (on) => {
      on ? filters.hiddenRelationTypes.delete(rel.type) : filters.hiddenRelationTypes.add(rel.type);
      changed();
    }, { "data-relation-type": rel.type }),
    lineSample(rel), el("span", { dir: "auto", text: rel.label }),
    el("span", { class: "count", text: String(relCounts.get(rel.type) || 0) })));

  return el("div", { class: "legend" },
    el("h4", { text: "Entities" }), typeBlocks,
    relRows.length ? [el("h4", { text: "Relations" }), relRows] : null,
    dateRange(index, filters, changed));
}

function dateRange(index, filters, changed) {
  if (!index.years) return null;
  const [lo, hi] = index.years;
  const shown = el("span", { class: "range-text" });
  const show = () => { shown.textContent = filters.range[0] + " \u2013 " + filters.range[1]; };
  const slider = (which) => el("input", { type: "range", min: lo, max: hi, step: 1,
    value: filters.range[which], "aria-label": which ? "last year" : "first year", id: which ? "kg-year-to" : "kg-year-from",
    oninput: (ev) => {
      const y = parseInt(ev.target.value, 10);
      filters.range[which] = y;
      if (which === 0 && filters.range[1] < y) filters.range[1] = y;
      if (which === 1 && filters.range[0] > y) filters.range[0] = y;
      from.value = filters.range[0];
      to.value = filters.range[1];
      show();
      changed();
    } });
  const from = slider(0);
  const to = slider(1);
  show();
  return el("div", { class: "date-range" },
    el("h4", { text: "Dates" }), shown,
    el("div", { class: "caption", text: "Elements without a date are always shown." }), from, to);
}
