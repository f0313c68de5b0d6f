// Open a newsgraph snapshot in headless Chromium with every network request refused, act on it like a
// reader (steps), and report what the page did as one JSON object on stdout. Driven by
// tests/graph/view/test_browser.py, bench/snapshot.py and bench/screenshots.py.
//
//   node tests/browser/snapshot.mjs '{"html": "graph.html", "chromium": "/usr/bin/chromium",
//        "screenshot": "out.png", "timeout": 60000, "steps": [STEP, ...]}'
//
// A step does one thing and adds its state to report.steps ({counts, panel, ms, ...}):
//   {"click": "node name", "zoom": 1.5} a real mouse click on the node, centred and zoomed in to at least "zoom" first
//   {"clickTie": ["name", "name"]}    a real mouse click on the middle of the line between two nodes
//   {"input": "#min-evidence", "value": "2"}   set a slider or text box and fire "input"; ms = until redrawn
//   {"toggle": "#type-PERSON"}        click a checkbox or button by CSS selector; ms = until redrawn
//   {"search": "text", "submit": true} type into the search box (and press Enter)
//   {"zoom": 2.5}                     zoom the node view to this scale around its centre
//   {"screenshot": "file.png"}        a picture of the page as it is now
//
// The page is served as http://snapshot.invalid/graph.html from the file itself; any other request
// (script, style, image, font, fetch, websocket) is recorded and aborted.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const opts = JSON.parse(process.argv[2] || "{}");
const PAGE_URL = "http://snapshot.invalid/graph.html";
const body = readFileSync(opts.html);
const profile = mkdtempSync(join(tmpdir(), "newsgraph-chromium-"));

const report = { requests: [], dialogs: [], pageErrors: [], consoleErrors: [] };
const context = await chromium.launchPersistentContext(profile, {
  executablePath: opts.chromium || "/usr/bin/chromium",
  headless: true,
  viewport: { width: opts.width || 1280, height: opts.height || 800 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
try {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body });
    return route.abort();
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("request", (request) => { if (request.url() !== PAGE_URL) report.requests.push(request.url()); });
  page.on("websocket", (ws) => report.requests.push(ws.url()));
  page.on("dialog", async (dialog) => { report.dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on("pageerror", (error) => report.pageErrors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") report.consoleErrors.push(message.text()); });

  const timeout = opts.timeout || 60000;
  const started = Date.now();
  await page.goto(PAGE_URL, { waitUntil: "load", timeout });
  report.loadMs = Date.now() - started;
  await page.waitForFunction(() => window.snapshot && window.snapshot.firstDraw !== null, null, { timeout });
  await page.waitForFunction(() => window.snapshot.settled, null, { timeout });
  report.settledMs = Date.now() - started;

  Object.assign(report, await page.evaluate(() => {
    const canvas = document.querySelector("#graph-nodes canvas");
    const ctx = canvas.getContext("2d");
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
    const box = canvas.getBoundingClientRect();
    const positions = network.getPositions();
    let inView = 0;
    for (const id in positions) {
      if (!window.explorer.nodeShown[id]) continue;
      const p = network.canvasToDOM(positions[id]);
      if (p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height) inView += 1;
    }
    const counts = window.explorer.counts();
    return {
      nodes: counts.nodes,
      edges: counts.ties,
      counts,
      labels: window.snapshot.labels,
      firstDraw: window.snapshot.firstDraw,
      phases: window.snapshot.phases,
      settled: window.snapshot.settledAt,
      documentReceived: performance.getEntriesByType("navigation")[0].responseEnd,
      canvasPixels: canvas.width * canvas.height,
      drawnPixels: drawn,
      nodesInView: inView,
      physics: network.physics.options.enabled,
      title: document.title,
      heading: document.getElementById("title").textContent,
      imgElements: document.querySelectorAll("img").length,
    };
  }));

  const redrawn = () => new Promise((resolve) => {
    network.once("afterDrawing", () => resolve(performance.now()));
    setTimeout(() => resolve(performance.now()), 5000);
  });
  const pointOf = (name, zoom) => page.evaluate(({ name, zoom }) => {
    const data = window.explorer.data, n = data.nodes.name.indexOf(name);
    if (n < 0 || !window.explorer.nodeShown[n]) return null;
    if (zoom) network.moveTo({ position: network.getPositions([n])[n], scale: Math.max(network.getScale(), zoom), animation: false });
    const box = document.querySelector("#graph-nodes canvas").getBoundingClientRect();
    const c = network.canvasToDOM(network.getPositions([n])[n]);
    // The centre, or the nearest point of the node that no node drawn over it covers.
    let p = c;
    for (let r = 0; r < 30 && network.getNodeAt(p) !== n; r += 2)
      for (let a = 0; a < 12; a += 1) { const q = { x: c.x + r * Math.cos(a * Math.PI / 6), y: c.y + r * Math.sin(a * Math.PI / 6) }; if (network.getNodeAt(q) === n) { p = q; break; } }
    return { x: box.left + p.x, y: box.top + p.y, n };
  }, { name, zoom });
  report.steps = [];
  for (const step of opts.steps || []) {
    const done = { step };
    if (step.click) {
      const p = await pointOf(step.click, step.zoom || 1.5);
      if (p) await page.mouse.click(p.x, p.y); else done.missing = true;
    } else if (step.clickTie) {
      const [a, b] = [await pointOf(step.clickTie[0]), await pointOf(step.clickTie[1])];
      if (a && b) await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2); else done.missing = true;
    } else if (step.input || step.toggle) {
      done.ms = await page.evaluate(async ({ selector, value, toggle }) => {
        const target = document.querySelector(selector);
        const after = new Promise((resolve) => { network.once("afterDrawing", () => resolve(performance.now())); setTimeout(() => resolve(null), 5000); });
        const start = performance.now();
        if (toggle) target.click(); else { target.value = value; target.dispatchEvent(new Event("input", { bubbles: true })); }
        const end = await after;
        return end === null ? null : Math.round(end - start);
      }, { selector: step.input || step.toggle, value: step.value, toggle: !!step.toggle });
    } else if (step.search !== undefined) {
      await page.fill("#search-input", step.search);
      if (step.submit) await page.press("#search-input", "Enter"); else await page.waitForTimeout(400);
    } else if (step.zoom) {
      await page.evaluate((scale) => { network.moveTo({ scale, animation: false }); }, step.zoom);
    } else if (step.screenshot) {
      await page.screenshot({ path: step.screenshot });
    }
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    Object.assign(done, await page.evaluate(() => {
      const panel = document.getElementById("panel"), body = document.getElementById("panel-body");
      const list = document.getElementById("search-list");
      return {
        counts: window.explorer.counts(),
        header: document.getElementById("counts").textContent,
        hidden: document.getElementById("hidden-note").textContent,
        panel: panel.hidden ? null : body.textContent,
        panelTags: panel.hidden ? [] : [...new Set(Array.from(body.querySelectorAll("*"), (e) => e.tagName.toLowerCase()))],
        links: Array.from(document.querySelectorAll("a"), (a) => a.getAttribute("href")),
        searchResult: document.getElementById("search-result").textContent,
        searchList: list.hidden ? [] : Array.from(list.children, (e) => e.textContent),
        selected: network.getSelectedNodes().map((id) => window.explorer.data.nodes.name[id]),
        imgElements: document.querySelectorAll("img").length,
        scriptElements: document.querySelectorAll("script").length,
        labels: window.snapshot.labels,
      };
    }));
    report.steps.push(done);
  }
  if (opts.screenshot) await page.screenshot({ path: opts.screenshot });
  report.requests = [...new Set(report.requests)];
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(report) + "\n");
