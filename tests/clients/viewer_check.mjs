// Opens a page kgraph wrote (`-o page.html`) from file:// in Debian's chromium, driven by npm
// playwright-core (tests/clients/setup-node-clients.sh), and checks what a user can do in it.
//
//   node viewer_check.mjs PAGE SPEC_JSON
//
// SPEC_JSON: {"nodes": N, "edges": M, "checks": [...], "screenshot": "out.png",
//             "readyWithinMs": 20000}
// Checks: "example" (the shipped example's search, filter, click, date range, neighbourhood),
// "hostile" (no injected script ran, every string shown as text), "screenshot" (non-blank).
// Every page is also checked for console errors, its counts and the script API. Prints one
// line per check and "N passed, M failed"; exits 1 if any failed.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";

// The packages are found through NODE_PATH, which only require() reads.
const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");

const [page_path, spec_json] = process.argv.slice(2);
const spec = JSON.parse(spec_json);
let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok" : "FAIL"} ${name}${ok || !detail ? "" : ": " + detail}`);
}

const browser = await chromium.launch({
  executablePath: process.env.KGRAPH_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--enable-unsafe-swiftshader", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Nothing may leave the machine: a page that asks for anything over the network fails.
  const requests = [];
  await context.route(/^(?!file:|data:)/, (route) => { requests.push(route.request().url()); route.abort(); });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });

  const t0 = Date.now();
  await page.goto(pathToFileURL(page_path).href);
  await page.waitForFunction(() => window.kgraph && window.kgraph.ready === true,
    null, { timeout: spec.readyWithinMs || 20000 });
  const loadMs = Date.now() - t0;
  console.log(`load ${loadMs} ms`);
  check("ready within " + (spec.readyWithinMs || 20000) + " ms", loadMs <= (spec.readyWithinMs || 20000));

  const counts = await page.evaluate(() => [window.kgraph.nodeCount(), window.kgraph.edgeCount()]);
  check("node count", counts[0] === spec.nodes, `${counts[0]} != ${spec.nodes}`);
  check("edge count", counts[1] === spec.edges, `${counts[1]} != ${spec.edges}`);
  const data = await page.evaluate(() => JSON.parse(document.getElementById("kgraph-data").textContent));
  const all = await page.evaluate(() => window.kgraph.visibleNodes());
  check("all nodes visible at first", all.length === spec.nodes, `${all.length}`);

  // The screenshot first: the page as it opens, before any selection or filter.
  if (spec.checks.includes("screenshot")) await screenshotCheck(page, data, context);
  if (spec.checks.includes("example")) await exampleChecks(page, data);
  if (spec.checks.includes("hostile")) await hostileChecks(page, data);

  check("no console errors", errors.length === 0, errors.slice(0, 5).join(" | "));
  check("no dialogs", dialogs.length === 0, dialogs.join(" | "));
  check("no network requests", requests.length === 0, requests.slice(0, 5).join(" "));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

// ---- the shipped example ------------------------------------------------------------------

async function exampleChecks(page, data) {
  const byId = new Map(data.entities.map((e) => [e.record.id, e]));

  // Search with the keyboard: "/" focuses the box, Enter selects the first match.
  await page.keyboard.press("/");
  await page.keyboard.type("Qin Gang");
  const offered = await page.$$eval("#kg-results li", (lis) => lis.map((li) => li.dataset.entity));
  check("search offers Qin Gang first", offered[0] === "qin-gang", JSON.stringify(offered));
  await page.keyboard.press("Enter");
  const selected = await page.evaluate(() => window.kgraph.selected());
  check("Enter selects qin-gang", selected === "qin-gang", String(selected));
  const heading = await page.textContent("#kg-details h3");
  check("details panel names Qin Gang", heading === "Qin Gang", String(heading));
  const api = await page.evaluate(() => window.kgraph.search("qin gang"));
  check("kgraph.search finds qin-gang", api[0] === "qin-gang", JSON.stringify(api));
  const alias = await page.evaluate(() => window.kgraph.search("MFA"));
  check("search by alias", alias.includes("mfa"), JSON.stringify(alias));

  // Neighbourhood: with qin-gang selected, its neighbours keep their colour, others fade.
  const faded = await page.evaluate(() => {
    const r = window.kgraph.renderer;
    const g = r.getGraph();
    const near = new Set(g.neighbors("qin-gang"));
    const out = { near: 0, nearFaded: 0, far: 0, farFaded: 0 };
    g.forEachNode((n, attrs) => {
      if (n === "qin-gang") return;
      const d = r.getNodeDisplayData(n);
      const isFaded = d.color !== attrs.color;
      if (near.has(n)) { out.near++; if (isFaded) out.nearFaded++; } else { out.far++; if (isFaded) out.farFaded++; }
    });
    return out;
  });
  check("neighbourhood highlighted", faded.near > 0 && faded.nearFaded === 0 && faded.farFaded === faded.far,
    JSON.stringify(faded));
  // ↓ then Enter takes the second match.
  await page.fill("#kg-search", "");
  await page.focus("#kg-search");
  await page.keyboard.type("government");
  const offers = await page.$$eval("#kg-results li", (lis) => lis.map((li) => li.dataset.entity));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const second = await page.evaluate(() => window.kgraph.selected());
  check("arrow keys move through the matches", offers.length > 1 && second === offers[1],
    `${second} of ${JSON.stringify(offers)}`);
  await page.keyboard.press("Escape");
  await page.click("#kg-graph"); // leaves the search box

  // Filtering out places, with the legend's checkbox.
  await page.uncheck('input[data-type="place"]');
  const noPlaces = await page.evaluate(() => window.kgraph.visibleNodes());
  const places = data.entities.filter((e) => e.type === "place").map((e) => e.record.id);
  check("example has places", places.length > 0);
  check("unchecking place hides every place", noPlaces.every((id) => byId.get(id).type !== "place") &&
    noPlaces.length === data.entities.length - places.length, `${noPlaces.length}`);
  const drawnPlaces = await page.evaluate((ids) => ids.filter((id) => !window.kgraph.renderer.getNodeDisplayData(id).hidden), places);
  check("no place is drawn", drawnPlaces.length === 0, JSON.stringify(drawnPlaces));
  await page.check('input[data-type="place"]');
  await page.evaluate(() => window.kgraph.setTypes(["actor", "law", "event"]));
  const viaApi = await page.evaluate(() => window.kgraph.visibleNodes());
  check("setTypes hides places", JSON.stringify(viaApi) === JSON.stringify(noPlaces), `${viaApi.length}`);
  const boxState = await page.isChecked('input[data-type="place"]');
  check("setTypes unticks the legend box", boxState === false);
  await page.evaluate(() => window.kgraph.setTypes(["actor", "law", "event", "place"]));

  // A kind: unticking actor/person hides the persons only.
  await page.uncheck('input[data-kind="person"][data-kind-type="actor"]');
  const noPersons = await page.evaluate(() => window.kgraph.visibleNodes());
  const persons = data.entities.filter((e) => e.type === "actor" && e.record.kind === "person");
  check("unticking a kind hides exactly its entities", persons.length > 0 &&
    noPersons.length === data.entities.length - persons.length &&
    persons.every((p) => !noPersons.includes(p.record.id)), `${noPersons.length}`);
  await page.check('input[data-kind="person"][data-kind-type="actor"]');

  // A relation type: unticking it hides its edges only.
  await page.uncheck('input[data-relation-type="participated_in"]');
  const edgesShown = await page.evaluate(() => {
    const r = window.kgraph.renderer;
    const out = { hiddenOfType: 0, ofType: 0, hiddenOther: 0 };
    r.getGraph().forEachEdge((edge) => {
      const type = JSON.parse(document.getElementById("kgraph-data").textContent)
        .relations[Number(edge.slice(1))].record.type;
      const hidden = r.getEdgeDisplayData(edge).hidden;
      if (type === "participated_in") { out.ofType++; if (hidden) out.hiddenOfType++; } else if (hidden) out.hiddenOther++;
    });
    return out;
  });
  check("unticking a relation type hides exactly its edges", edgesShown.ofType > 0 &&
    edgesShown.hiddenOfType === edgesShown.ofType && edgesShown.hiddenOther === 0, JSON.stringify(edgesShown));
  await page.check('input[data-relation-type="participated_in"]');

  // The date range: only elements whose years meet the range stay (undated ones always).
  const year = 2006;
  await page.evaluate((y) => {
    for (const id of ["kg-year-from", "kg-year-to"]) {
      const s = document.getElementById(id);
      s.value = String(y);
      s.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }, year);
  const inYear = new Set(await page.evaluate(() => window.kgraph.visibleNodes()));
  const yearOf = (d) => (typeof d === "string" && /^[+-]?\d+/.test(d) ? parseInt(d, 10) : null);
  let wrong = [];
  for (const e of data.entities) {
    const r = e.record;
    const first = yearOf(r.date ?? r.start), last = yearOf(r.date ?? r.end);
    const expected = (first === null && last === null) || ((last === null || last >= year) && (first === null || first <= year));
    if (expected !== inYear.has(r.id)) wrong.push(r.id);
  }
  check("date range " + year + " keeps exactly the elements of " + year, wrong.length === 0 && inYear.size < data.entities.length,
    JSON.stringify(wrong.slice(0, 5)) + ` ${inYear.size}`);
  const lo = Math.min(...await page.$$eval("#kg-year-from", (s) => s.map((x) => +x.min)));
  const hi = Math.max(...await page.$$eval("#kg-year-to", (s) => s.map((x) => +x.max)));
  await page.evaluate(([a, b]) => window.kgraph.setDateRange(a, b), [lo, hi]);

  // Clicking the repatriation event (a real mouse click on the canvas) shows its sources and
  // the quotes of its relations.
  const target = "forced-repatriations";
  await page.evaluate((id) => {
    const r = window.kgraph.renderer;
    const d = r.getNodeDisplayData(id);
    r.getCamera().setState({ x: d.x, y: d.y, ratio: 0.25 });
  }, target);
  await page.waitForTimeout(100);
  const at = await page.evaluate((id) => {
    const r = window.kgraph.renderer;
    const v = r.graphToViewport(r.getGraph().getNodeAttributes(id));
    const box = r.getContainer().getBoundingClientRect();
    return { x: box.left + v.x, y: box.top + v.y };
  }, target);
  await page.mouse.click(at.x, at.y);
  const shown = await page.evaluate(() => window.kgraph.selected());
  check("clicking the repatriation event selects it", shown === target, String(shown));
  const panel = await page.evaluate(() => {
    const d = document.querySelector("#kg-details .details");
    return {
      entity: d && d.dataset.entity,
      sources: [...document.querySelectorAll("#kg-details .sources li.source")].map((li) => li.textContent),
      quotes: [...document.querySelectorAll("#kg-details .quote")].map((q) => q.textContent),
    };
  });
  const ev = byId.get(target).record;
  const titles = ev.sources.map((id) => data.sources.find((s) => s.id === id).title);
  check("details show every source title", panel.sources.length === ev.sources.length &&
    titles.every((t) => panel.sources.some((s) => s.includes(t))), JSON.stringify(panel.sources));
  const relQuotes = data.relations.filter((r) => r.record.from === target || r.record.to === target)
    .map((r) => r.record.quote).filter(Boolean);
  check("details show the relations' quotes", relQuotes.length > 0 && relQuotes.every((q) => panel.quotes.includes(q)),
    JSON.stringify(panel.quotes.slice(0, 3)));

  // In the entity's list of relations, a relation's name opens that relation.
  const relKey = await page.getAttribute("#kg-details a.rel-type", "data-relation");
  await page.click("#kg-details a.rel-type");
  const relSelected = await page.evaluate(() => window.kgraph.selected());
  check("a relation's name in the panel opens the relation", relSelected === relKey &&
    (await page.$("#kg-details .details[data-relation]")) !== null, `${relSelected} ${relKey}`);

  // An edge: the repatriated relation with its quote and sources.
  const edgeIndex = data.relations.findIndex((r) => r.record.type === "repatriated");
  await page.evaluate((k) => window.kgraph.select(k), "r" + edgeIndex);
  const edgePanel = await page.evaluate(() => ({
    quotes: [...document.querySelectorAll("#kg-details .quote")].map((q) => q.textContent),
    sources: document.querySelectorAll("#kg-details .sources li.source").length,
  }));
  check("edge details show quote and sources", edgePanel.quotes.includes(data.relations[edgeIndex].record.quote) &&
    edgePanel.sources === data.relations[edgeIndex].record.sources.length, JSON.stringify(edgePanel));

  // CJK text in the details panel, as written.
  await page.evaluate(() => window.kgraph.select("mfa"));
  const zh = await page.textContent("#kg-details");
  check("CJK property shown", zh.includes(data.entities.find((e) => e.record.id === "mfa").record.names_zh));
  await page.evaluate(() => window.kgraph.select(null));
  await page.evaluate(() => window.kgraph.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1 }));
}

// ---- hostile strings ------------------------------------------------------------------------

async function hostileChecks(page, data) {
  const state = await page.evaluate(() => ({
    pwned: window.__kgraphPwned,
    scripts: document.scripts.length,
    imgs: document.images.length,
    iframes: document.querySelectorAll("iframe,object,embed").length,
  }));
  check("no injected script ran", state.pwned === undefined, String(state.pwned));
  check("only the page's two scripts", state.scripts === 2, String(state.scripts));
  check("no injected elements", state.imgs === 0 && state.iframes === 0, JSON.stringify(state));

  // Every entity: selected, its details show its name and id as text, unchanged; search finds it.
  const bad = await page.evaluate(() => {
    const out = [];
    const data = JSON.parse(document.getElementById("kgraph-data").textContent);
    for (const e of data.entities) {
      const r = e.record;
      window.kgraph.select(r.id);
      const h = document.querySelector("#kg-details h3");
      const code = document.querySelector("#kg-details code");
      if (!h || h.textContent !== (r.name || r.id)) out.push("name " + r.id);
      if (!code || code.textContent !== r.id) out.push("id " + r.id);
      if (r.name && r.name.trim() && !window.kgraph.search(r.name).includes(r.id)) out.push("search " + r.id);
    }
    for (let i = 0; i < data.relations.length; i++) window.kgraph.select("r" + i);
    if (document.images.length || window.__kgraphPwned !== undefined) out.push("details injected markup");
    const links = [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"));
    if (links.some((h) => !/^(https?:|mailto:|#)/i.test(h))) out.push("unsafe link " + links.join(" "));
    return out;
  });
  check("every name, id and relation shown as text", bad.length === 0, bad.slice(0, 5).join("; "));

  // Right-to-left text takes its own direction.
  const rtl = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById("kgraph-data").textContent);
    const arabic = /[\u0590-\u08ff]/;
    const e = data.entities.find((x) => arabic.test(x.record.name || ""));
    if (!e) return "none";
    window.kgraph.select(e.record.id);
    return getComputedStyle(document.querySelector("#kg-details h3")).direction;
  });
  check("right-to-left name shown right to left", rtl === "rtl" || rtl === "none", rtl);
}

// ---- screenshot -----------------------------------------------------------------------------

async function screenshotCheck(page, data, context) {
  await page.waitForTimeout(300);
  const png = await page.screenshot({ fullPage: false });
  if (spec.screenshot) writeFileSync(spec.screenshot, png);
  // Decode it in a blank page and look at the graph's area (right of the side panel): it must
  // hold many pixels in the node colours of the legend, not only white.
  const probe = await context.newPage();
  await probe.setContent("<canvas id=c></canvas>");
  const stats = await probe.evaluate(async ({ b64, fills }) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = document.getElementById("c");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(310, 0, img.width - 310, img.height).data;
    const rgb = fills.map((f) => [1, 3, 5].map((i) => parseInt(f.slice(i, i + 2), 16)));
    let nonWhite = 0, nodeColoured = 0;
    for (let i = 0; i < px.length; i += 4) {
      const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
      if (r < 245 || g < 245 || b < 245) nonWhite++;
      if (rgb.some(([R, G, B]) => Math.abs(R - r) < 6 && Math.abs(G - g) < 6 && Math.abs(B - b) < 6)) nodeColoured++;
    }
    return { nonWhite, nodeColoured, total: px.length / 4 };
  }, { b64: png.toString("base64"), fills: [...new Set(data.legend.kinds.map((k) => k.fill))].filter((f) => /^#[0-9a-f]{6}$/i.test(f)) });
  await probe.close();
  console.log("screenshot " + JSON.stringify(stats));
  check("screenshot is not blank", stats.nonWhite > stats.total * 0.01, JSON.stringify(stats));
  check("screenshot shows nodes in legend colours", stats.nodeColoured > 500, JSON.stringify(stats));
}
