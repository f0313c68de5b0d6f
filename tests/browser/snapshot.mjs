// Open a newsgraph snapshot in headless Chromium with every network request refused, and report what
// the page did as one JSON object on stdout. Driven by tests/test_view_browser.py and bench/snapshot.py.
//
//   node tests/browser/snapshot.mjs '{"html": "graph.html", "chromium": "/usr/bin/chromium",
//        "screenshot": "out.png", "hover": "node name", "search": "text", "timeout": 60000}'
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
    const canvas = document.querySelector("#graph canvas");
    const ctx = canvas.getContext("2d");
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
    const box = canvas.getBoundingClientRect();
    const positions = network.getPositions();
    let inView = 0;
    for (const id in positions) {
      const p = network.canvasToDOM(positions[id]);
      if (p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height) inView += 1;
    }
    return {
      nodes: network.body.data.nodes.length,
      edges: network.body.data.edges.length,
      firstDraw: window.snapshot.firstDraw,
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

  if (opts.hover) {
    const point = await page.evaluate((name) => {
      const node = network.body.data.nodes.get({ filter: (n) => n.info.name === name })[0];
      if (!node) return null;
      network.moveTo({ position: network.getPositions([node.id])[node.id], scale: 1.5, animation: false });
      const box = document.querySelector("#graph canvas").getBoundingClientRect();
      const p = network.canvasToDOM(network.getPositions([node.id])[node.id]);
      return { x: box.left + p.x, y: box.top + p.y };
    }, opts.hover);
    if (point) {
      await page.mouse.move(point.x - 30, point.y - 30);
      await page.mouse.move(point.x, point.y, { steps: 5 });
      await page.waitForSelector("div.vis-tooltip", { state: "visible", timeout: 5000 }).catch(() => null);
      Object.assign(report, await page.evaluate(() => {
        const tip = document.querySelector("div.vis-tooltip");
        return {
          tooltipText: tip ? tip.textContent : null,
          tooltipElements: tip ? Array.from(tip.querySelectorAll("*"), (e) => e.tagName.toLowerCase()) : [],
          imgElementsAfterHover: document.querySelectorAll("img").length,
        };
      }));
    }
  }
  if (opts.search) {
    await page.fill("#search-input", opts.search);
    await page.press("#search-input", "Enter");
    report.searchResult = await page.textContent("#search-result");
    report.selected = await page.evaluate(() => network.getSelectedNodes().map((id) => network.body.data.nodes.get(id).info.name));
  }
  if (opts.screenshot) await page.screenshot({ path: opts.screenshot });
  report.requests = [...new Set(report.requests)];
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(report) + "\n");
