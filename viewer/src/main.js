// The kgraph viewer: draws the graph kgraph laid out (positions come with the data; the page
// never runs a layout), with search, filters, a date range, neighbourhood highlighting, a
// details panel and a legend, and the window.kgraph script API (docs/formats/html.md).
import Graph from "graphology";
import Sigma from "sigma";
import { readPageData, indexData } from "./data.js";
import { Filters } from "./filters.js";
import { searchEntities } from "./search.js";
import { buildLegend } from "./legend.js";
import { entityDetails, relationDetails } from "./panel.js";
import { el } from "./dom.js";
import { NodeShapeProgram, shapeCode } from "./node_shapes.js";

const kFont = '"Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", system-ui, sans-serif';
const kFaded = "#e4e4e4";
// Beyond this many relations a page draws plain lines that take no clicks: arrow heads and
// sigma's picking pass (a second drawing of every edge) each add about as much again to the
// first frame, which in software WebGL is most of the time a 50,000-entity page takes to open.
const kLargePageEdges = 20000;

/** Labels on the canvas are cut to a few words (the full name is in the details panel and on
 *  the node in focus), so that long names do not cover one another. */
function shortLabel(name) {
  const chars = Array.from(name);
  return chars.length > 30 ? chars.slice(0, 28).join("").trimEnd() + "\u2026" : name;
}

function start() {
  const api = window.kgraph = { ready: false };
  const index = indexData(readPageData(document));
  index.relationStyles = new Map(index.legend.relations.map((r) => [r.type, r]));
  const filters = new Filters(index);

  // ---- the graph ----
  const graph = new Graph({ multi: true, type: "directed", allowSelfLoops: true });
  const degree = new Map();
  for (const rel of index.relations) {
    for (const end of [rel.record.from, rel.record.to]) degree.set(end, (degree.get(end) || 0) + 1);
  }
  for (const e of index.entities) {
    const kind = index.legend.kinds[e.style];
    graph.addNode(e.record.id, {
      x: e.x, y: e.y, label: shortLabel(e.record.name || e.record.id), fullLabel: e.record.name || e.record.id, color: kind.fill, borderColor: kind.border,
      type: "shape", shape: shapeCode(kind),
      size: 4 + 2.2 * Math.log2(1 + (degree.get(e.record.id) || 0)),
    });
  }
  for (const rel of index.relations) {
    const style = index.relationStyles.get(rel.record.type);
    graph.addDirectedEdgeWithKey(rel.key, rel.record.from, rel.record.to, {
      color: style ? style.colour : "#6b6b6b", size: style && style.penwidth > 1 ? 2 : 1,
      label: style && style.label ? style.label : rel.record.type,
    });
  }
  const relationByKey = new Map(index.relations.map((r) => [r.key, r]));

  // ---- the page ----
  const container = el("div", { id: "kg-graph" });
  const results = el("ul", { id: "kg-results", role: "listbox" });
  const search = el("input", { id: "kg-search", type: "search", placeholder: "Search names and aliases ( / )",
    autocomplete: "off", "aria-label": "Search names and aliases", dir: "auto" });
  const details = el("div", { id: "kg-details" },
    el("p", { class: "caption", text: "Click a node or an edge to see its properties, sources and quotes." }));
  const status = el("div", { id: "kg-status", class: "caption" });
  const legendHolder = el("div", { id: "kg-legend" });
  document.body.append(
    el("div", { id: "kg-side" },
      el("div", { id: "kg-title", dir: "auto", text: index.title || "kgraph" }),
      el("div", { class: "search-box" }, search, results),
      status, legendHolder),
    container, details);

  const large = index.relations.length > kLargePageEdges;
  const renderer = new Sigma(graph, container, {
    defaultEdgeType: large ? "line" : "arrow", defaultNodeType: "shape", nodeProgramClasses: { shape: NodeShapeProgram },
    labelFont: kFont, edgeLabelFont: kFont, renderEdgeLabels: false,
    enableEdgeEvents: !large, zIndex: true, labelRenderedSizeThreshold: 4,
    // Fewer labels than sigma's default: long names would cover one another.
    labelDensity: 0.7, labelGridCellSize: 120, labelSize: 13,
  });

  // ---- state shared by the reducers ----
  const visible = new Set();
  let selected = null; // { node } or { edge }
  let hovered = null;
  const neighbours = new Set();

  function focusNode() { return hovered || (selected && selected.node) || null; }
  function updateNeighbours() {
    neighbours.clear();
    const n = focusNode();
    if (n && graph.hasNode(n)) graph.forEachNeighbor(n, (m) => neighbours.add(m));
  }

  renderer.setSetting("nodeReducer", (node, attrs) => {
    if (!visible.has(node)) return { ...attrs, hidden: true };
    const f = focusNode();
    if (f && node !== f && !neighbours.has(node)) return { ...attrs, color: kFaded, borderColor: kFaded, label: "", zIndex: 0 };
    if (f) return { ...attrs, highlighted: node === f, forceLabel: true, zIndex: 1,
      label: node === f ? attrs.fullLabel : attrs.label };
    return attrs;
  });
  renderer.setSetting("edgeReducer", (edge, attrs) => {
    const rel = relationByKey.get(edge);
    const from = graph.source(edge), to = graph.target(edge);
    if (!filters.relationVisible(rel, visible.has(from), visible.has(to))) return { ...attrs, hidden: true };
    const f = focusNode();
    if (selected && selected.edge === edge) return { ...attrs, size: 3, zIndex: 2 };
    if (f && from !== f && to !== f) return { ...attrs, color: kFaded, zIndex: 0 };
    return attrs;
  });

  function applyFilters() {
    visible.clear();
    for (const e of index.entities) if (filters.entityVisible(e)) visible.add(e.record.id);
    let edges = 0;
    for (const rel of index.relations) {
      if (filters.relationVisible(rel, visible.has(rel.record.from), visible.has(rel.record.to))) edges++;
    }
    status.textContent = `${visible.size} of ${index.entities.length} entities, ${edges} of ${index.relations.length} relations shown`;
    renderer.refresh();
  }
  legendHolder.append(buildLegend(index, filters, applyFilters));

  // ---- selection and details ----
  function showDetails(content) {
    details.replaceChildren(el("button", { class: "close", "aria-label": "Close", text: "\u00d7",
      onclick: () => select(null) }), content);
    details.classList.add("open");
    fitGraphBeside(true);
  }
  // The graph gives the open details panel its room, so that nothing is drawn under it.
  function fitGraphBeside(open) {
    if (document.body.classList.contains("details-open") === open) return;
    document.body.classList.toggle("details-open", open);
    renderer.resize();
    renderer.refresh();
  }
  function select(id) {
    if (id === null || id === undefined) {
      selected = null;
      details.classList.remove("open");
      fitGraphBeside(false);
    } else if (index.entityById.has(id)) {
      selected = { node: id };
      showDetails(entityDetails(index, index.entityById.get(id), select));
      const d = renderer.getNodeDisplayData(id);
      if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.6) }, { duration: 300 });
    } else if (relationByKey.has(id)) {
      selected = { edge: id };
      showDetails(relationDetails(index, relationByKey.get(id), select));
    } else {
      return false;
    }
    updateNeighbours();
    renderer.refresh();
    return true;
  }
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickEdge", ({ edge }) => select(edge));
  renderer.on("clickStage", () => select(null));
  renderer.on("enterNode", ({ node }) => { hovered = node; updateNeighbours(); renderer.refresh(); });
  renderer.on("leaveNode", () => { hovered = null; updateNeighbours(); renderer.refresh(); });

  // ---- search, with the keyboard ----
  let matches = [];
  let active = 0;
  function showResults() {
    results.replaceChildren(...matches.map((e, i) => el("li", {
      role: "option", "aria-selected": i === active ? "true" : "false", class: i === active ? "active" : "",
      "data-entity": e.record.id, dir: "auto", text: e.record.name || e.record.id,
      onmousedown: (ev) => { ev.preventDefault(); choose(i); },
    })));
  }
  function choose(i) {
    const e = matches[i];
    if (!e) return;
    search.value = e.record.name || e.record.id;
    matches = [];
    showResults();
    select(e.record.id);
  }
  search.addEventListener("input", () => {
    matches = searchEntities(index, search.value, 20);
    active = 0;
    showResults();
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { active = Math.min(active + 1, matches.length - 1); showResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(active - 1, 0); showResults(); ev.preventDefault(); }
    else if (ev.key === "Enter") { choose(active); ev.preventDefault(); }
    else if (ev.key === "Escape") { matches = []; showResults(); search.blur(); }
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "/" && document.activeElement !== search) { search.focus(); ev.preventDefault(); }
    else if (ev.key === "Escape" && document.activeElement !== search) select(null);
  });

  // ---- the script API (docs/formats/html.md, "Script API") ----
  Object.assign(api, {
    nodeCount: () => graph.order,
    edgeCount: () => graph.size,
    search: (text) => searchEntities(index, text).map((e) => e.record.id),
    select: (id) => select(id),
    selected: () => (selected ? selected.node || selected.edge : null),
    visibleNodes: () => index.entities.filter((e) => visible.has(e.record.id)).map((e) => e.record.id),
    setTypes: (types) => {
      const keep = new Set(types);
      filters.hiddenTypes = new Set(index.entities.map((e) => e.type).filter((t) => !keep.has(t)));
      for (const box of legendHolder.querySelectorAll("input[data-type]")) box.checked = keep.has(box.dataset.type);
      applyFilters();
    },
    setDateRange: (first, last) => {
      if (!filters.range) return;
      filters.range = [first, last];
      const from = document.getElementById("kg-year-from"), to = document.getElementById("kg-year-to");
      if (from) from.value = first;
      if (to) to.value = last;
      applyFilters();
    },
    renderer,
  });

  applyFilters();
  // Labels are drawn right of their nodes: move the graph a little left and out, so that the
  // rightmost ones stay in the window.
  renderer.getCamera().setState({ x: 0.55, y: 0.5, ratio: 1.12 });
  requestAnimationFrame(() => requestAnimationFrame(() => { api.ready = true; }));
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
