/* newsgraph explorer: filters, labels, evidence panel and communities over the data embedded in the page.
 *
 * Everything comes from the JSON in #newsgraph-data (see graph/view/data.py); nothing is fetched. Text from
 * the data is only ever set with textContent; the one link kind made is an <a> to an article's http(s) URL
 * (safeLink). vis-network draws and moves the nodes; ties (all relations between two nodes, one line) and
 * labels are drawn here on its canvas, which is what keeps 20,000 nodes fast.
 */
(function () {
  "use strict";
  var phases = { start: performance.now() };
  var D = JSON.parse(document.getElementById("newsgraph-data").textContent);
  phases.parsed = performance.now();
  var OPTIONS = JSON.parse(document.getElementById("newsgraph-options").textContent);
  var nodes = D.nodes, rel = D.relations;
  var N = nodes.name.length, R = rel.from.length;
  var BIG = OPTIONS.big;

  /* ---------- derived tables ---------- */
  var typeOf = nodes.type.map(function (t) { return D.types[t]; });
  var articleDate = D.articles.map(function (a) { return a[1]; });
  var days = Array.from(new Set(articleDate.filter(Boolean))).sort();
  var ties = [], tieOf = new Int32Array(R), tieIndex = new Map(), nodeTies = [];
  for (var i = 0; i < N; i++) nodeTies.push([]);
  for (var r = 0; r < R; r++) {
    var a = rel.from[r], b = rel.to[r], key = a < b ? a * N + b : b * N + a;
    var t = tieIndex.get(key);
    if (t === undefined) {
      t = ties.length; tieIndex.set(key, t);
      ties.push({ a: Math.min(a, b), b: Math.max(a, b), rels: [], count: 0 });
      nodeTies[a].push(t); if (b !== a) nodeTies[b].push(t);
    }
    ties[t].rels.push(r); ties[t].count += rel.count[r]; tieOf[r] = t;
  }
  var maxCount = rel.count.reduce(function (m, c) { return Math.max(m, c); }, 1);
  var order = Array.from({ length: N }, function (_, i) { return i; }).sort(function (x, y) {
    return nodes.score[y] - nodes.score[x] || nodes.mentions[y] - nodes.mentions[x] || (nodes.name[x] < nodes.name[y] ? -1 : 1);
  });
  var predicateCount = D.predicates.map(function () { return 0; });
  rel.predicate.forEach(function (p) { predicateCount[p] += 1; });

  /* ---------- state ---------- */
  var state = {
    types: new Set(D.types.map(function (t, k) { return t.concept ? -1 : k; }).filter(function (k) { return k >= 0; })),
    predicates: new Set(D.predicates.map(function (_, k) { return k; })),
    minEvidence: 1, minConfidence: 0, from: 0, to: Math.max(days.length - 1, 0),
    isolated: !BIG, byType: false, view: "nodes",
    expanded: new Set(), pinned: new Set(), selected: null, selectedTie: null, hits: new Set(), hover: null,
  };
  var nodeShown = new Uint8Array(N), tieShown = new Uint8Array(ties.length), relShown = new Uint8Array(R);
  var reason = new Uint8Array(N); // why a node is hidden: 1 folded, 2 type filter, 3 no visible tie, 4 left out by the cap
  var shownTies = [];

  function windowed() { return days.length > 0 && (state.from > 0 || state.to < days.length - 1); }
  function inWindow(date) {
    if (!date) return false;
    var lo = days[state.from], hi = days[state.to];
    return date.slice(0, lo.length) >= lo && date.slice(0, hi.length) <= hi;
  }
  function evidenceIn(r) { /* the evidence of relation r that counts under the date window */
    var ev = rel.evidence[r];
    if (!windowed()) return ev;
    return ev.filter(function (e) { return e[0] >= 0 && inWindow(articleDate[e[0]]); });
  }
  function typeOn(n) { return state.types.has(nodes.type[n]); }
  function present(n) { return !nodes.cap[n] || state.expanded.has(n) || state.pinned.has(n); }

  function compute() {
    var win = windowed();
    for (var r = 0; r < R; r++) {
      var a = rel.from[r], b = rel.to[r], ok = state.predicates.has(rel.predicate[r]) && typeOn(a) && typeOn(b) && present(a) && present(b);
      if (ok) {
        var ev = rel.evidence[r], count = 0, conf = 0;
        if (!win && ev.length === 0) { count = rel.count[r]; conf = 1; }
        for (var k = 0; k < ev.length; k++) {
          if (win && !(ev[k][0] >= 0 && inWindow(articleDate[ev[k][0]]))) continue;
          count += 1; if (ev[k][2] > conf) conf = ev[k][2];
        }
        if (!win && ev.length) count = Math.max(count, rel.count[r]);
        ok = count >= state.minEvidence && conf >= state.minConfidence && count > 0;
      }
      relShown[r] = ok ? 1 : 0;
    }
    shownTies = [];
    var hasTie = new Uint8Array(N);
    for (var t = 0; t < ties.length; t++) {
      var on = 0;
      for (var j = 0; j < ties[t].rels.length; j++) if (relShown[ties[t].rels[j]]) { on = 1; break; }
      tieShown[t] = on;
      if (on) { shownTies.push(t); hasTie[ties[t].a] = 1; hasTie[ties[t].b] = 1; }
    }
    for (var n = 0; n < N; n++) {
      var why = 0;
      if (!present(n)) why = 4;
      else if (!typeOn(n)) why = typeOf[n].concept ? 1 : 2;
      else if (!hasTie[n] && !(state.isolated && (!win || nodes.articles[n].some(function (x) { return inWindow(articleDate[x]); })))) why = 3;
      if (state.pinned.has(n) && why !== 4) why = 0;
      reason[n] = why; nodeShown[n] = why ? 0 : 1;
    }
  }

  /* ---------- vis-network ---------- */
  var COMMUNITY_GREY = "#b4b4b4";
  function colour(n) {
    var type = typeOf[n];
    if (state.byType || type.concept || nodes.community[n] < 0) return state.byType || type.concept ? type.color : COMMUNITY_GREY;
    return D.communities[nodes.community[n]].color;
  }
  function visNode(n) {
    return { id: n, x: nodes.x[n], y: nodes.y[n], size: nodes.size[n], shape: typeOf[n].shape, hidden: !nodeShown[n],
      color: { background: colour(n), border: "#ffffff", highlight: { background: colour(n), border: "#222222" }, hover: { background: colour(n), border: "#444444" } },
      borderWidth: 1, borderWidthSelected: 3 };
  }
  compute();
  phases.prepared = performance.now();
  /* On a big page the fitted view is far out: nodes grow so that they stay visible dots, not specks. */
  (function () {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, box = document.getElementById("graph");
    for (var n = 0; n < N; n++) if (nodeShown[n]) { x0 = Math.min(x0, nodes.x[n]); x1 = Math.max(x1, nodes.x[n]); y0 = Math.min(y0, nodes.y[n]); y1 = Math.max(y1, nodes.y[n]); }
    if (!(x1 > x0)) return;
    var fit = Math.min((box.clientWidth || 1000) / (x1 - x0 + 100), (box.clientHeight || 700) / (y1 - y0 + 100));
    var grow = Math.max(1, Math.min(3, 0.4 / fit));
    /* grown, but no node wider than 7 px on screen in the fitted view (a hub would cover its neighbours) */
    nodes.size = nodes.size.map(function (s) { return Math.max(s, Math.min(s * grow, 7 / fit)); });
  })();
  window.snapshot = { firstDraw: null, settled: false, settledAt: null, labels: 0, phases: phases };
  var nodeSet = new vis.DataSet(Array.from({ length: N }, function (_, n) { return visNode(n); }).filter(function (v) { return !nodes.cap[v.id]; }));
  var container = document.getElementById("graph-nodes");
  var network = new vis.Network(container, { nodes: nodeSet, edges: new vis.DataSet([]) }, OPTIONS.vis);
  phases.network = performance.now();
  window.network = network;
  var drawnHidden = new Uint8Array(N);
  for (var q = 0; q < N; q++) drawnHidden[q] = nodeShown[q] ? 0 : 1;

  function push() { /* send changed visibility to vis-network */
    /* Through the DataSet, showing 5,000 nodes again takes vis-network ~0.4 s (it re-reads every option of
       every node); so the flag is set on its node objects and it is told once, as its own update path does
       after an update of "hidden" (vis-network 9.1.2, pinned through pyvis 0.3.2). */
    var added = [], changed = 0, body = network.body.nodes;
    for (var n = 0; n < N; n++) {
      var hidden = nodeShown[n] ? 0 : 1;
      if (hidden === drawnHidden[n]) continue;
      drawnHidden[n] = hidden;
      if (!body[n]) { if (!hidden) added.push(visNode(n)); continue; }
      body[n].options.hidden = !!hidden; changed += 1;
    }
    if (added.length) nodeSet.add(added);
    if (changed) network.body.emitter.emit("_dataChanged");
    network.redraw();
  }
  function recolour() {
    nodeSet.update(nodeSet.getIds().map(function (n) {
      return { id: n, hidden: !nodeShown[n], color: { background: colour(n), border: "#ffffff", highlight: { background: colour(n), border: "#222222" }, hover: { background: colour(n), border: "#444444" } } };
    }));
  }

  /* ties: one path per width, drawn under the nodes */
  function tieWidth(t) { return 1 + Math.min(3, Math.log2(ties[t].count)); }
  network.on("beforeDrawing", function (ctx) {
    var body = network.body.nodes, scale = network.body.view.scale, buckets = [[], [], [], [], []];
    var sel = state.selected, selTie = state.selectedTie;
    shownTies.forEach(function (t) { buckets[Math.round(tieWidth(t)) - 1].push(t); });
    ctx.save();
    ctx.lineCap = "round";
    buckets.forEach(function (list, w) {
      if (!list.length) return;
      ctx.beginPath();
      ctx.strokeStyle = sel === null && selTie === null ? "rgba(80,80,80,0.5)" : "rgba(140,140,140,0.3)";
      ctx.lineWidth = (w + 1) * 0.8 / scale; /* the same on screen at any zoom */
      list.forEach(function (t) { var p = body[ties[t].a], q = body[ties[t].b]; if (p && q) { ctx.moveTo(p.x, p.y); ctx.lineTo(q.x, q.y); } });
      ctx.stroke();
    });
    var strong = shownTies.filter(function (t) { return t === selTie || (sel !== null && (ties[t].a === sel || ties[t].b === sel)); });
    if (strong.length) {
      ctx.beginPath(); ctx.strokeStyle = "rgba(20,20,20,0.9)"; ctx.lineWidth = 2 / scale;
      strong.forEach(function (t) { var p = body[ties[t].a], q = body[ties[t].b]; if (p && q) { ctx.moveTo(p.x, p.y); ctx.lineTo(q.x, q.y); } });
      ctx.stroke();
    }
    ctx.restore();
  });

  /* labels: the selected node, its neighbours, search hits, then by rank, never overlapping */
  var FONT = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";
  function short(text, limit) { return text.length <= limit ? text : text.slice(0, limit - 1).trimEnd() + "…"; }
  var labelText = nodes.name.map(function (name) { return short(name, 36); });
  var textWidth = new Float32Array(N); /* measured once per node, at the label font */
  var MAX_LABELS = 350;
  /* Places labels on a canvas in the order asked, skipping any that would overlap one already placed. */
  function labeller(ctx, net, box) {
    var w = box.clientWidth, h = box.clientHeight, ratio = net.canvas.pixelRatio || 1, grid = new Map(), CELL = 40;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = FONT; ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    function free(x0, y0, x1, y1) {
      for (var gx = Math.floor(x0 / CELL); gx <= Math.floor(x1 / CELL); gx++)
        for (var gy = Math.floor(y0 / CELL); gy <= Math.floor(y1 / CELL); gy++) {
          var cell = grid.get(gx * 100003 + gy);
          if (cell) for (var k = 0; k < cell.length; k++) { var c = cell[k]; if (x0 < c[2] && x1 > c[0] && y0 < c[3] && y1 > c[1]) return false; }
        }
      return true;
    }
    function take(b) {
      for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++)
        for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) {
          var id = gx * 100003 + gy; if (!grid.has(id)) grid.set(id, []); grid.get(id).push(b);
        }
    }
    return function label(text, x, y, bold, force, width) {
      if (x < -300 || x > w + 300 || y < -40 || y > h + 40) return false;
      width = (width || ctx.measureText(text).width + 4) * (bold ? 1.08 : 1);
      var b = [x - width / 2, y, x + width / 2, y + 15];
      if (b[0] < 0 || b[2] > w || b[1] < 0 || b[3] > h) return false; /* whole labels only */
      if (!force && !free(b[0], b[1], b[2], b[3])) return false;
      take(b);
      ctx.font = bold ? "600 " + FONT : FONT;
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.92)"; ctx.strokeText(text, x, y);
      ctx.fillStyle = "#1a1a1a"; ctx.fillText(text, x, y);
      ctx.font = FONT;
      return true;
    };
  }
  network.on("afterDrawing", function (ctx) {
    var view = network.body.view, scale = view.scale, tx = view.translation.x, ty = view.translation.y, body = network.body.nodes;
    var placed = 0;
    ctx.save();
    var label = labeller(ctx, network, container);
    function nodeLabel(n, bold, force) {
      var b = body[n];
      if (!b || !nodeShown[n]) return false;
      var x = b.x * scale + tx, y = b.y * scale + ty + nodes.size[n] * scale + 2;
      if (!textWidth[n]) textWidth[n] = ctx.measureText(labelText[n]).width + 4;
      if (label(labelText[n], x, y, bold, force, textWidth[n])) { placed += 1; return true; }
      return false;
    }
    if (state.view === "nodes") {
      var sel = state.selected;
      if (sel !== null) nodeLabel(sel, true, true);
      if (state.hover !== null) nodeLabel(state.hover, true, true);
      if (sel !== null) {
        nodeTies[sel].forEach(function (t) {
          if (!tieShown[t]) return;
          var other = ties[t].a === sel ? ties[t].b : ties[t].a, p = body[sel], o = body[other];
          nodeLabel(other, false, false);
          if (p && o) {
            var names = ties[t].rels.filter(function (r) { return relShown[r]; }).map(function (r) { return D.predicates[rel.predicate[r]]; });
            ctx.fillStyle = "#555";
            label(short(Array.from(new Set(names)).join(", "), 30), (p.x + o.x) / 2 * scale + tx, (p.y + o.y) / 2 * scale + ty - 7, false, false);
          }
        });
      }
      state.hits.forEach(function (n) { nodeLabel(n, true, false); });
      for (var k = 0; k < order.length && placed < MAX_LABELS; k++) nodeLabel(order[k], k < 10, false);
    }
    ctx.restore();
    if (window.snapshot.firstDraw === null) {
      window.snapshot.firstDraw = performance.now();
      if (!OPTIONS.vis.physics.enabled) settled();
    }
    window.snapshot.labels = placed;
  });

  /* ---------- milestones for tests and benchmarks (window.snapshot) ---------- */
  function settled() { window.snapshot.settled = true; window.snapshot.settledAt = performance.now(); }
  if (OPTIONS.vis.physics.enabled) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); settled(); });
  }

  /* ---------- the communities view ---------- */
  var communityNetwork = null, communitySet = null, COMMUNITY_LIMIT = 60, communitiesLeft = 0;
  function communityNodes() {
    var sums = D.communities.map(function () { return { n: 0, x: 0, y: 0 }; }), links = new Map();
    for (var n = 0; n < N; n++) {
      var c = nodes.community[n];
      if (!nodeShown[n] || c < 0) continue;
      var p = network.body.nodes[n]; sums[c].n += 1; sums[c].x += p ? p.x : nodes.x[n]; sums[c].y += p ? p.y : nodes.y[n];
    }
    shownTies.forEach(function (t) {
      var ca = nodes.community[ties[t].a], cb = nodes.community[ties[t].b];
      if (ca < 0 || cb < 0 || ca === cb) return;
      var key = Math.min(ca, cb) + ":" + Math.max(ca, cb); links.set(key, (links.get(key) || 0) + 1);
    });
    /* the largest communities (three or more members shown), where graph/view/data.py laid them out */
    var kept = sums.map(function (s, c) { return c; }).filter(function (c) { return sums[c].n >= 3; })
      .sort(function (x, y) { return sums[y].n - sums[x].n || x - y; }).slice(0, COMMUNITY_LIMIT);
    var keep = new Set(kept), grow = 1;
    var list = kept.map(function (c) {
      return { id: c, x: D.communities[c].x, y: D.communities[c].y, size: 5 + 2.5 * Math.sqrt(sums[c].n), shape: "dot", text: short(D.communities[c].name, 44) + " (" + sums[c].n + ")",
        color: { background: D.communities[c].color, border: "#ffffff" } };
    });
    var edges = [];
    links.forEach(function (count, key) {
      var ab = key.split(":");
      if (keep.has(+ab[0]) && keep.has(+ab[1])) edges.push({ from: +ab[0], to: +ab[1], width: grow * Math.min(8, 1 + Math.log2(count)) });
    });
    return { nodes: list, edges: edges, grow: grow, left: sums.filter(function (s) { return s.n > 0; }).length - kept.length };
  }
  function showCommunities() {
    var data = communityNodes(), box = document.getElementById("graph-communities");
    communitiesLeft = data.left;
    box.hidden = false; container.style.visibility = "hidden";
    if (!communityNetwork) {
      communitySet = { nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges) };
      communityNetwork = new vis.Network(box, communitySet, { layout: { improvedLayout: false }, physics: { enabled: false },
        edges: { smooth: false, color: { color: "rgba(90,90,90,0.45)" } }, interaction: { hover: true } });
      communityNetwork.on("afterDrawing", function (ctx) { /* biggest communities first, never overlapping */
        var view = communityNetwork.body.view, body = communityNetwork.body.nodes;
        ctx.save();
        var label = labeller(ctx, communityNetwork, box), placed = 0;
        communitySet.nodes.get().forEach(function (n, k) {
          var b = body[n.id];
          if (b && label(n.text, b.x * view.scale + view.translation.x, (b.y + b.options.size) * view.scale + view.translation.y + 2, k < 8, false)) placed += 1;
        });
        ctx.restore();
        window.snapshot.communityLabels = placed;
      });
      communityNetwork.on("click", function (params) { if (params.nodes.length) showCommunityPanel(params.nodes[0]); });
      window.communityNetwork = communityNetwork;
    } else {
      communitySet.nodes.clear(); communitySet.edges.clear(); communitySet.nodes.add(data.nodes); communitySet.edges.add(data.edges);
    }
    communityNetwork.fit({ animation: false });
    var scale = Math.min(1, communityNetwork.getScale()); /* dots the same size on screen whatever the spread */
    communitySet.nodes.update(data.nodes.map(function (n) {
      return { id: n.id, size: n.size / scale };
    }));
    communitySet.edges.update(communitySet.edges.get().map(function (e) { return { id: e.id, width: e.width / scale }; }));
  }
  function showNodes() { document.getElementById("graph-communities").hidden = true; container.style.visibility = ""; network.redraw(); }

  /* ---------- header ---------- */
  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many); }
  function counts() {
    var shownNodes = 0, inFile = 0, byReason = [0, 0, 0, 0, 0], folded = {};
    for (var n = 0; n < N; n++) {
      if (!nodes.cap[n]) inFile += 1;
      if (nodeShown[n]) shownNodes += 1;
      else if (reason[n] !== 4) {
        byReason[reason[n]] += 1;
        if (reason[n] === 1) folded[typeOf[n].name] = (folded[typeOf[n].name] || 0) + 1;
      }
    }
    var shownRels = 0; for (var r = 0; r < R; r++) shownRels += relShown[r];
    if (tiesInFile === null) tiesInFile = ties.filter(function (t) { return !nodes.cap[t.a] && !nodes.cap[t.b]; }).length;
    var communities = new Set(); for (var m = 0; m < N; m++) if (nodeShown[m] && nodes.community[m] >= 0) communities.add(nodes.community[m]);
    return { nodes: shownNodes, nodesInFile: inFile, ties: shownTies.length, tiesInFile: tiesInFile,
      relations: shownRels, folded: folded, typeHidden: byReason[2], noTie: byReason[3], communities: communities.size, expanded: state.expanded.size };
  }
  var tiesInFile = null;
  var FOLDED_NAMES = { QUOTE: ["quote", "quotes"], ROLE: ["role", "roles"], THING: ["thing", "things"], SOURCE: ["unnamed source", "unnamed sources"] };
  function header() {
    var c = counts();
    document.getElementById("counts").textContent = "Showing " + c.nodes.toLocaleString("en") + " of " + plural(c.nodesInFile, "node", "nodes") + " · " +
      c.ties.toLocaleString("en") + " of " + plural(c.tiesInFile, "tie", "ties") + " (" + plural(c.relations, "relation", "relations") + ") · " +
      plural(D.articles.length, "article", "articles") + (state.view === "communities" ? " · " + plural(c.communities, "community", "communities") +
        (communitiesLeft ? " (" + communitiesLeft + " smaller ones not drawn)" : "") : "");
    var parts = [], folded = Object.keys(c.folded).map(function (t) { var w = FOLDED_NAMES[t] || [t.toLowerCase(), t.toLowerCase()]; return plural(c.folded[t], w[0], w[1]); });
    if (folded.length) parts.push(folded.join(", ") + " folded into their actors' panels");
    if (c.typeHidden) parts.push(plural(c.typeHidden, "node", "nodes") + " of types switched off");
    if (c.noTie) parts.push(plural(c.noTie, "node", "nodes") + " without a visible tie" + (state.isolated ? " in the date window" : ""));
    var filters = [];
    if (state.predicates.size < D.predicates.length) filters.push(plural(D.predicates.length - state.predicates.size, "predicate", "predicates") + " off");
    if (state.minEvidence > 1) filters.push("at least " + state.minEvidence + " pieces of evidence");
    if (state.minConfidence > 0) filters.push("confidence ≥ " + state.minConfidence);
    if (windowed()) filters.push("evidence published " + days[state.from] + " to " + days[state.to]);
    document.getElementById("hidden-note").textContent = (parts.length ? "Hidden: " + parts.join(" · ") + "." : "Nothing hidden.") +
      (filters.length ? " Filters: " + filters.join("; ") + "." : "") + (c.expanded ? " " + plural(c.expanded, "left-out neighbour", "left-out neighbours") + " added." : "");
  }

  function apply() {
    compute(); push(); header();
    if (state.view === "communities") showCommunities();
    if (state.selected !== null) { /* keep the panel's "outside the window" marks current */ showNodePanel(state.selected, true); }
    else if (state.selectedTie !== null) showTiePanel(state.selectedTie, true);
  }

  /* ---------- the panel ---------- */
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function safeLink(url, text) { /* an http(s) address becomes a link; anything else stays text */
    var ok = false;
    try { var parsed = new URL(url); ok = parsed.protocol === "http:" || parsed.protocol === "https:"; } catch (e) { ok = false; }
    if (!ok) return el("span", null, text);
    var a = el("a", null, text);
    a.href = parsed.href; a.target = "_blank"; a.rel = "noopener noreferrer"; a.referrerPolicy = "no-referrer";
    return a;
  }
  function nodeLink(n) {
    var span = el("span", "link", nodes.name[n]);
    span.addEventListener("click", function () { select(n, true); });
    return span;
  }
  function articleLine(index, extra) {
    var line = el("div", "meta"), art = D.articles[index];
    if (!art) { line.textContent = "— unknown article" + (extra || ""); return line; }
    line.appendChild(document.createTextNode("— "));
    line.appendChild(el("span", null, art[0]));
    if (art[1]) line.appendChild(document.createTextNode(", " + art[1]));
    if (art[3]) line.appendChild(document.createTextNode(" (" + art[3] + ")"));
    if (art[4]) line.appendChild(document.createTextNode(" by " + art[4]));
    if (art[2]) { line.appendChild(document.createTextNode(" · ")); line.appendChild(safeLink(art[2], "source")); }
    if (extra) line.appendChild(document.createTextNode(extra));
    return line;
  }
  function evidenceBox(e) {
    var box = el("div", "evidence"), win = windowed();
    if (win && !(e[0] >= 0 && inWindow(articleDate[e[0]]))) box.className += " outside";
    box.appendChild(el("blockquote", null, D.sentences[e[1]] || "(no sentence kept)"));
    var note = (D.rules[e[3]] ? " [" + D.rules[e[3]] + ", " + e[2] + "]" : "") + (box.className.indexOf("outside") >= 0 ? " · outside the date window" : "");
    box.appendChild(articleLine(e[0], note));
    return box;
  }
  function evidenceList(r, parent, initial) {
    var ev = rel.evidence[r], list = el("div");
    function fill(limit) {
      list.textContent = "";
      ev.slice(0, limit).forEach(function (e) { list.appendChild(evidenceBox(e)); });
      if (ev.length > limit) {
        var more = el("button", "more", "show all " + ev.length + " pieces of evidence");
        more.type = "button"; more.addEventListener("click", function () { fill(ev.length); });
        list.appendChild(more);
      }
      if (rel.count[r] > ev.length) list.appendChild(el("div", "meta", (rel.count[r] - ev.length) + " more not embedded in this file"));
    }
    fill(initial);
    parent.appendChild(list);
  }
  function dateRange(r) {
    var ds = rel.evidence[r].map(function (e) { return e[0] >= 0 ? articleDate[e[0]] : ""; }).filter(Boolean).sort();
    if (!ds.length) return "";
    return ds[0] === ds[ds.length - 1] ? ds[0] : ds[0] + " to " + ds[ds.length - 1];
  }
  var panel = document.getElementById("panel"), panelBody = document.getElementById("panel-body");
  function openPanel() { panelBody.textContent = ""; panel.hidden = false; panel.scrollTop = 0; }
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; select(null); });

  function showNodePanel(n, keepScroll) {
    var scroll = panel.scrollTop;
    openPanel();
    var type = typeOf[n];
    panelBody.appendChild(el("h2", null, nodes.name[n]));
    var meta = el("div", "meta", type.name + " · " + plural(nodes.mentions[n], "mention", "mentions") + " in " + plural(nodes.articles[n].length, "article", "articles"));
    panelBody.appendChild(meta);
    if (nodes.community[n] >= 0) {
      var cm = el("div", "meta"), c = D.communities[nodes.community[n]], sw = el("span", "swatch");
      sw.style.background = c.color; cm.appendChild(sw); cm.appendChild(document.createTextNode(" community: " + c.name + " (" + c.size + ")"));
      panelBody.appendChild(cm);
    }
    if (nodes.aliases[n].length) panelBody.appendChild(el("div", "meta", "Also called: " + nodes.aliases[n].join("; ")));
    if (nodes.cap[n]) panelBody.appendChild(el("div", "meta", "Left out by the cap when this file was made: only its ties to nodes in the file are here."));
    if (!nodeShown[n]) panelBody.appendChild(el("div", "meta", "Hidden in the graph by the current filters."));
    var reserve = D.reserve[String(n)] || [];
    var waiting = reserve.filter(function (m) { return !state.expanded.has(m); });
    if (waiting.length) {
      var more = el("button", "more", "+ " + waiting.length + " more neighbours left out by the cap");
      more.type = "button"; more.id = "expand";
      more.addEventListener("click", function () { expand(n); });
      panelBody.appendChild(more);
    }
    if (nodes.more[n] > reserve.length) panelBody.appendChild(el("div", "meta", (nodes.more[n] - reserve.length) + " more left-out neighbours are not in this file (narrow the file with --focus)."));
    /* roles, with tenures */
    if (nodes.roles[n].length) {
      panelBody.appendChild(el("h3", null, "Roles"));
      var ul = el("ul");
      nodes.roles[n].forEach(function (row) { /* [role, first, last, ended, former, count] */
        var text = (row[4] ? "former " : "") + row[0];
        var when = row[1] ? (row[1] === row[2] ? row[1] : row[1] + " to " + row[2]) : "";
        if (when) text += " — seen " + when;
        if (row[3]) text += row[4] ? " — called former from " + row[3] : " — former from " + row[3] + " (tenure ended)";
        ul.appendChild(el("li", null, text + " (" + row[5] + "×)"));
      });
      panelBody.appendChild(ul);
    }
    /* relations, grouped: quotes, then each predicate and direction */
    var groups = new Map();
    nodeTies[n].forEach(function (t) {
      ties[t].rels.forEach(function (r) {
        var out = rel.from[r] === n, other = out ? rel.to[r] : rel.from[r];
        if (nodes.cap[other] && !state.expanded.has(other) && !nodes.cap[n]) return;
        var key = (typeOf[other].name === "QUOTE" && out ? "0" : "1") + (out ? "→" : "←") + D.predicates[rel.predicate[r]];
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(r);
      });
    });
    var keys = Array.from(groups.keys()).sort(function (x, y) { return x[0] !== y[0] ? (x < y ? -1 : 1) : groups.get(y).length - groups.get(x).length || (x < y ? -1 : 1); });
    if (keys.length) panelBody.appendChild(el("h3", null, "Relations"));
    keys.forEach(function (key) {
      var list = groups.get(key), out = key[1] === "→", pred = key.slice(2), quotes = key[0] === "0";
      panelBody.appendChild(el("h4", null, quotes ? "Quotes (" + list.length + ")" : (out ? pred + " →" : "← " + pred) + " (" + list.length + ")"));
      list.sort(function (x, y) { return rel.count[y] - rel.count[x]; }).forEach(function (r) {
        var other = out ? rel.to[r] : rel.from[r], row = el("div");
        if (quotes) {
          row.appendChild(el("blockquote", null, nodes.name[other]));
          rel.evidence[r].slice(0, 1).forEach(function (e) { row.appendChild(articleLine(e[0])); });
        } else {
          row.appendChild(typeOf[other].concept ? el("b", null, nodes.name[other]) : nodeLink(other));
          var d = dateRange(r);
          var hiddenNote = relShown[r] || typeOf[other].concept ? "" : " · hidden by filters";
          row.appendChild(el("span", "meta", " · " + plural(rel.count[r], "piece", "pieces") + " of evidence" + (d ? " · " + d : "") + hiddenNote));
          evidenceList(r, row, 2);
        }
        panelBody.appendChild(row);
      });
    });
    if (nodes.articles[n].length) {
      panelBody.appendChild(el("h3", null, "Articles"));
      nodes.articles[n].slice(0, 30).forEach(function (a) { panelBody.appendChild(articleLine(a)); });
      if (nodes.articles[n].length > 30) panelBody.appendChild(el("div", "meta", "… and " + (nodes.articles[n].length - 30) + " more"));
    }
    if (keepScroll) panel.scrollTop = scroll;
  }
  function showTiePanel(t, keepScroll) {
    var scroll = panel.scrollTop, tie = ties[t];
    openPanel();
    var title = el("h2");
    title.appendChild(nodeLink(tie.a)); title.appendChild(document.createTextNode(" — ")); title.appendChild(nodeLink(tie.b));
    panelBody.appendChild(title);
    panelBody.appendChild(el("div", "meta", plural(tie.rels.length, "relation", "relations") + " · " + plural(tie.count, "piece", "pieces") + " of evidence"));
    tie.rels.forEach(function (r) {
      var head = el("h4", null, nodes.name[rel.from[r]] + " " + D.predicates[rel.predicate[r]] + " " + nodes.name[rel.to[r]]);
      panelBody.appendChild(head);
      var d = dateRange(r), conf = rel.evidence[r].reduce(function (m, e) { return Math.max(m, e[2]); }, 0);
      panelBody.appendChild(el("div", "meta", plural(rel.count[r], "piece", "pieces") + " of evidence · confidence " + conf + (d ? " · evidenced " + d : "") + (relShown[r] ? "" : " · hidden by filters")));
      evidenceList(r, panelBody, rel.evidence[r].length);
    });
    if (keepScroll) panel.scrollTop = scroll;
  }
  function showCommunityPanel(c) {
    openPanel();
    var comm = D.communities[c];
    panelBody.appendChild(el("h2", null, comm.name));
    var members = [];
    for (var n = 0; n < N; n++) if (nodes.community[n] === c) members.push(n);
    members.sort(function (x, y) { return order.indexOf(x) - order.indexOf(y); });
    panelBody.appendChild(el("div", "meta", "Community of " + plural(members.length, "actor", "actors") + "; by rank:"));
    var ul = el("ul");
    members.slice(0, 60).forEach(function (n) { var li = el("li"); li.appendChild(nodeLink(n)); ul.appendChild(li); });
    panelBody.appendChild(ul);
    if (members.length > 60) panelBody.appendChild(el("div", "meta", "… and " + (members.length - 60) + " more"));
    var button = el("button", "more", "Select them in the node view");
    button.type = "button";
    button.addEventListener("click", function () { setView("nodes"); selectMany(members); });
    panelBody.appendChild(button);
  }

  /* ---------- selection, expansion, search ---------- */
  function select(n, focus) {
    state.selected = n; state.selectedTie = null;
    if (n === null) { network.unselectAll(); network.redraw(); return; }
    if (!nodeShown[n] && !nodes.cap[n]) { state.pinned.add(n); compute(); push(); header(); }
    if (state.view !== "nodes" && focus) setView("nodes");
    if (nodeShown[n]) {
      network.selectNodes([n]);
      if (focus) network.focus(n, { scale: Math.max(network.getScale(), 1.0), animation: false });
    }
    showNodePanel(n);
    network.redraw();
  }
  function selectMany(list) {
    var shown = list.filter(function (n) { return nodeShown[n]; });
    network.selectNodes(shown);
    state.hits = new Set(shown);
    if (shown.length) network.fit({ nodes: shown, animation: false });
  }
  function expand(n) {
    var around = network.body.nodes[n] || { x: nodes.x[n], y: nodes.y[n] };
    var list = (D.reserve[String(n)] || []).filter(function (m) { return !state.expanded.has(m); });
    list.forEach(function (m, k) {
      var angle = 2 * Math.PI * k / list.length, radius = 90 + 6 * list.length;
      nodes.x[m] = around.x + radius * Math.cos(angle); nodes.y[m] = around.y + radius * Math.sin(angle);
      state.expanded.add(m);
    });
    apply();
    showNodePanel(n);
  }
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var searchKeys = nodes.name.map(function (name, n) { return [name].concat(nodes.aliases[n]).map(fold); });
  function search(query, submit) {
    var q = fold(query.trim()), result = document.getElementById("search-result"), list = document.getElementById("search-list");
    list.textContent = ""; list.hidden = true;
    if (!q) { result.textContent = ""; state.hits = new Set(); network.unselectAll(); network.redraw(); return; }
    var hits = [];
    for (var n = 0; n < N; n++) if (searchKeys[n].some(function (k) { return k.indexOf(q) >= 0; })) hits.push(n);
    hits.sort(function (x, y) { return nodes.score[y] - nodes.score[x] || nodes.mentions[y] - nodes.mentions[x]; });
    var shown = hits.filter(function (n) { return nodeShown[n]; });
    result.textContent = hits.length ? hits.length + " found" + (hits.length > shown.length ? " (" + (hits.length - shown.length) + " hidden)" : "") : "not found";
    state.hits = new Set(shown);
    network.selectNodes(shown);
    if (submit && shown.length) network.focus(shown[0], { scale: Math.max(network.getScale(), 1.2), animation: false });
    if (!submit) {
      hits.slice(0, 12).forEach(function (n) {
        var item = el("div", null, nodes.name[n] + " · " + typeOf[n].name + (nodeShown[n] ? "" : " (hidden)"));
        item.addEventListener("mousedown", function (event) { event.preventDefault(); list.hidden = true; select(n, true); });
        list.appendChild(item);
      });
      list.hidden = hits.length === 0;
    }
    network.redraw();
  }
  var searchInput = document.getElementById("search-input"), searchTimer = null;
  searchInput.addEventListener("input", function () { clearTimeout(searchTimer); searchTimer = setTimeout(function () { search(searchInput.value, false); }, 120); });
  searchInput.addEventListener("blur", function () { document.getElementById("search-list").hidden = true; });
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault(); clearTimeout(searchTimer); search(searchInput.value, true);
  });

  /* clicks on the canvas: a node, else the nearest tie within a few pixels */
  function nearestTie(point) {
    var body = network.body.nodes, best = null, bestD = 6 / network.body.view.scale;
    shownTies.forEach(function (t) {
      var p = body[ties[t].a], q = body[ties[t].b];
      if (!p || !q) return;
      var dx = q.x - p.x, dy = q.y - p.y, len = dx * dx + dy * dy, u = len ? ((point.x - p.x) * dx + (point.y - p.y) * dy) / len : 0;
      u = Math.max(0, Math.min(1, u));
      var d = Math.hypot(point.x - (p.x + u * dx), point.y - (p.y + u * dy));
      if (d < bestD) { bestD = d; best = t; }
    });
    return best;
  }
  network.on("click", function (params) {
    if (params.nodes.length) { select(params.nodes[0], false); return; }
    var t = nearestTie(params.pointer.canvas);
    if (t !== null) { state.selected = null; state.selectedTie = t; network.unselectAll(); showTiePanel(t); network.redraw(); return; }
    state.selected = null; state.selectedTie = null; panel.hidden = true; network.redraw();
  });
  network.on("hoverNode", function (params) { state.hover = params.node; network.redraw(); });
  network.on("blurNode", function () { state.hover = null; network.redraw(); });

  /* ---------- controls ---------- */
  function check(parent, id, on, glyph, colourValue, text, n, change) {
    var label = el("label", "check"), box = el("input");
    box.type = "checkbox"; box.id = id; box.checked = on;
    box.addEventListener("change", function () { change(box.checked); });
    label.appendChild(box);
    if (glyph) { var g = el("span", "glyph", glyph); g.style.color = colourValue; label.appendChild(g); }
    label.appendChild(el("span", null, text));
    label.appendChild(el("span", "n", n.toLocaleString("en")));
    parent.appendChild(label);
    return label;
  }
  var typeCounts = D.types.map(function () { return 0; });
  for (var z = 0; z < N; z++) if (!nodes.cap[z]) typeCounts[nodes.type[z]] += 1;
  var typesBox = document.getElementById("types");
  D.types.map(function (t, k) { return k; }).sort(function (x, y) { return (D.types[x].concept - D.types[y].concept) || typeCounts[y] - typeCounts[x]; })
    .forEach(function (k) {
      var t = D.types[k];
      check(typesBox, "type-" + t.name, state.types.has(k), t.glyph, t.color, t.concept ? t.name + " (as nodes)" : t.name, typeCounts[k], function (on) {
        if (on) state.types.add(k); else state.types.delete(k);
        apply();
      });
    });
  var predicatesBox = document.getElementById("predicates");
  D.predicates.map(function (p, k) { return k; }).sort(function (x, y) { return predicateCount[y] - predicateCount[x] || (D.predicates[x] < D.predicates[y] ? -1 : 1); })
    .forEach(function (k) {
      check(predicatesBox, "predicate-" + D.predicates[k], true, null, null, D.predicates[k], predicateCount[k], function (on) {
        if (on) state.predicates.add(k); else state.predicates.delete(k);
        apply();
      });
    });
  function allPredicates(on) {
    state.predicates = new Set(on ? D.predicates.map(function (_, k) { return k; }) : []);
    predicatesBox.querySelectorAll("input").forEach(function (box) { box.checked = on; });
    apply();
  }
  document.getElementById("predicates-all").addEventListener("click", function () { allPredicates(true); });
  document.getElementById("predicates-none").addEventListener("click", function () { allPredicates(false); });
  document.getElementById("predicate-filter").addEventListener("input", function (event) {
    var q = event.target.value.trim().toUpperCase();
    predicatesBox.querySelectorAll("label").forEach(function (label) { label.hidden = q !== "" && label.textContent.toUpperCase().indexOf(q) < 0; });
  });

  var minEvidence = document.getElementById("min-evidence");
  minEvidence.max = String(Math.max(1, Math.min(maxCount, 20)));
  minEvidence.addEventListener("input", function () {
    state.minEvidence = +minEvidence.value; document.getElementById("min-evidence-value").textContent = minEvidence.value; apply();
  });
  var minConfidence = document.getElementById("min-confidence");
  minConfidence.addEventListener("input", function () {
    state.minConfidence = +minConfidence.value; document.getElementById("min-confidence-value").textContent = minConfidence.value; apply();
  });
  var dateFrom = document.getElementById("date-from"), dateTo = document.getElementById("date-to"), dateLabel = document.getElementById("date-label");
  function dateText() {
    var undated = articleDate.filter(function (d) { return !d; }).length;
    if (!days.length) { dateLabel.textContent = "No article has a publication date: nothing to filter by."; return; }
    dateLabel.textContent = days[state.from] + " to " + days[state.to] + " (" + plural(days.length, "date", "dates") + (undated ? "; " + undated + " undated articles count only with the full range" : "") + ")";
  }
  [dateFrom, dateTo].forEach(function (input) { input.max = String(Math.max(days.length - 1, 0)); input.disabled = days.length < 2; });
  dateTo.value = String(Math.max(days.length - 1, 0));
  function dates(event) {
    var lo = +dateFrom.value, hi = +dateTo.value;
    if (lo > hi) { if (event.target === dateFrom) { hi = lo; dateTo.value = String(hi); } else { lo = hi; dateFrom.value = String(lo); } }
    state.from = lo; state.to = hi; dateText(); apply();
  }
  dateFrom.addEventListener("input", dates); dateTo.addEventListener("input", dates);
  dateText();

  var isolated = document.getElementById("isolated");
  isolated.checked = state.isolated;
  isolated.addEventListener("change", function () { state.isolated = isolated.checked; apply(); });
  var byType = document.getElementById("colour-by-type");
  byType.addEventListener("change", function () { state.byType = byType.checked; recolour(); network.redraw(); });
  function setView(view) {
    state.view = view;
    document.getElementById("view-nodes").className = view === "nodes" ? "on" : "";
    document.getElementById("view-communities").className = view === "communities" ? "on" : "";
    if (view === "communities") showCommunities(); else showNodes();
    header();
  }
  document.getElementById("view-nodes").addEventListener("click", function () { setView("nodes"); });
  document.getElementById("view-communities").addEventListener("click", function () { setView("communities"); });
  var communitiesBox = document.getElementById("communities");
  if (!D.communities.length) communitiesBox.appendChild(el("div", "hint", "No community of two or more actors."));
  D.communities.slice(0, 40).forEach(function (c, k) {
    var row = el("div", "community"), sw = el("span", "swatch");
    sw.style.background = c.color; row.appendChild(sw);
    row.appendChild(el("span", null, c.name + " (" + c.size + ")"));
    row.addEventListener("click", function () {
      var members = []; for (var n = 0; n < N; n++) if (nodes.community[n] === k) members.push(n);
      if (state.view === "nodes") selectMany(members);
      showCommunityPanel(k);
    });
    communitiesBox.appendChild(row);
  });
  if (D.communities.length > 40) communitiesBox.appendChild(el("div", "hint", "… and " + (D.communities.length - 40) + " smaller communities"));

  header();
  function shownIds() { var ids = []; for (var n = 0; n < N; n++) if (nodeShown[n]) ids.push(n); return ids; }
  if (!OPTIONS.vis.physics.enabled) network.fit({ nodes: shownIds(), animation: false });
  window.explorer = { state: state, counts: counts, apply: apply, select: select, ties: ties, nodeShown: nodeShown, tieShown: tieShown, data: D };
})();
