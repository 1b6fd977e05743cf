// entente dashboard: the actor network, a dyad over time, the events and live coding, all
// from the API of `entente serve` (same origin; no network access beyond it).
"use strict";

const state = { cy: null, plot: null, eventsOffset: 0, pending: 0 };
window.entente = state;   // for the tests and the curious

const $ = (id) => document.getElementById(id);
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b",
                 "#e377c2", "#bcbd22", "#7f7f7f"];
const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const QCOLORS = ["#74c476", "#238b45", "#fd8d3c", "#d7301f"];

function status(msg) { $("status").textContent = msg || ""; }

async function api(path, params, init) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v != null) qs.set(k, v);
  const url = path + (qs.toString() ? "?" + qs : "");
  state.pending++;
  try {
    const r = await fetch(url, init);
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  } finally {
    state.pending--;
  }
}

function period() {
  return { from: $("from").value, to: $("to").value, dedup: $("dedup").value };
}

// Goldstein mean (-10..10) to a colour from red through grey to green.
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 5));
  const grey = [150, 150, 150], red = [198, 40, 40], green = [26, 127, 55];
  const to = t < 0 ? red : green, a = Math.abs(t);
  const c = grey.map((x, i) => Math.round(x + (to[i] - x) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function blocColour(b) { return b > 0 ? PALETTE[(b - 1) % PALETTE.length] : "#bbb"; }

async function loadNetwork() {
  status("loading the network…");
  const net = await api("/api/network", period());
  const maxEv = Math.max(1, ...net.nodes.map((n) => n.events));
  const elements = [];
  for (const n of net.nodes)
    elements.push({ data: { id: n.id, label: n.id, events: n.events, bloc: n.bloc,
                            size: 18 + 42 * Math.sqrt(n.events / maxEv), colour: blocColour(n.bloc) } });
  for (const e of net.edges)
    elements.push({ data: { id: e.source + ">" + e.target, source: e.source, target: e.target,
                            events: e.events, mean: e.goldstein_mean, colour: goldsteinColour(e.goldstein_mean),
                            width: 1 + Math.min(8, Math.sqrt(e.events)) } });
  if (state.cy) state.cy.destroy();
  state.cy = cytoscape({
    container: $("network"),
    elements,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", width: "data(size)",
                                   height: "data(size)", "font-size": 10, "text-valign": "center", color: "#111" } },
      { selector: "edge", style: { "line-color": "data(colour)", width: "data(width)", "curve-style": "bezier",
                                   "target-arrow-shape": "triangle", "target-arrow-color": "data(colour)",
                                   opacity: 0.8 } },
      { selector: ":selected", style: { "border-width": 3, "border-color": "#000", "line-color": "#000" } },
    ],
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000 },
  });
  state.cy.on("tap", "edge", (ev) => {
    const d = ev.target.data();
    $("dyad-source").value = d.source;
    $("dyad-target").value = d.target;
    guard(loadDyad)();
  });
  state.cy.on("tap", "node", (ev) => { $("ev-actor").value = ev.target.id(); guard(loadEvents)(true); });
  // the actor lists, most active first
  const ids = net.nodes.slice().sort((a, b) => b.events - a.events).map((n) => n.id);
  for (const sel of [$("dyad-source"), $("dyad-target")]) {
    const keep = sel.value;
    sel.innerHTML = "";
    for (const id of ids) sel.add(new Option(id, id));
    if (ids.includes(keep)) sel.value = keep;
  }
  if (!$("dyad-source").value || $("dyad-source").value === $("dyad-target").value) {
    $("dyad-source").value = ids[0] || "";
    $("dyad-target").value = ids[1] || "";
  }
  await loadBlocs();
  status(`${net.nodes.length} actors, ${net.edges.length} relations (dedup ${net.network.dedup})`);
}

async function loadBlocs() {
  const b = await api("/api/blocs", period());
  const p = b.periods[0];
  const parts = p.blocs.map((x) => `<span class="sw" style="background:${blocColour(x.bloc)}"></span>` +
    `<b>bloc ${x.bloc}</b> (cohesion ${x.cohesion}): ${x.members.join(" ")}`);
  if (p.unaligned.length) parts.push("unaligned: " + p.unaligned.join(" "));
  $("blocs").innerHTML = parts.join("<br>");
}

// "2024", "2024-06" or "2024-06-03" to seconds since 1970 (uPlot's x).
function periodTime(p) {
  const [y, m, d] = p.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, d || 1) / 1000;
}

async function loadDyad(ev) {
  if (ev) ev.preventDefault();
  const a = $("dyad-source").value, b = $("dyad-target").value;
  if (!a || !b || a === b) return;
  const res = await api("/api/dyads", { source: a, target: b, by: $("dyad-by").value, ...period(), limit: 10000 });
  // both directions added up per period
  const per = new Map();
  for (const r of res.series) {
    const x = per.get(r.period) || { q: [0, 0, 0, 0], n: 0, g: 0 };
    x.q[0] += r.q1; x.q[1] += r.q2; x.q[2] += r.q3; x.q[3] += r.q4;
    x.n += r.events; x.g += r.goldstein_sum;
    per.set(r.period, x);
  }
  const periods = [...per.keys()].sort();
  const data = [periods.map(periodTime)];
  for (let k = 0; k < 4; k++) data.push(periods.map((p) => per.get(p).q[k]));
  data.push(periods.map((p) => { const x = per.get(p); return x.n ? +(x.g / x.n).toFixed(2) : null; }));
  const opts = {
    title: `${a} and ${b}: events per ${res.dyad.by} (dedup ${res.dyad.dedup})`,
    width: Math.max(320, $("dyad-chart").clientWidth - 10), height: 300,
    scales: { g: { range: [-10, 10] } },
    series: [{}].concat(QUADS.map((q, i) => ({ label: q, stroke: QCOLORS[i], width: 2, points: { show: true } })),
      [{ label: "mean Goldstein", scale: "g", stroke: "#333", dash: [6, 4], width: 2, points: { show: true } }]),
    axes: [{}, { label: "events" }, { scale: "g", side: 1, label: "Goldstein", grid: { show: false } }],
  };
  if (state.plot) state.plot.destroy();
  $("dyad-chart").innerHTML = "";
  state.plot = new uPlot(opts, data, $("dyad-chart"));
  state.dyad = { source: a, target: b, periods: periods.length };
}

// Byte offsets (UTF-8) of the document into the sentence's text: marks source, target, trigger.
function highlight(row) {
  const enc = new TextEncoder(), dec = new TextDecoder();
  const bytes = enc.encode(row.sentence || "");
  const base = row.sentence_start || 0;
  const spans = [["src", row.src_start, row.src_end], ["tgt", row.tgt_start, row.tgt_end],
                 ["trig", row.trig_start, row.trig_end]]
    .map(([c, s, e]) => [c, s - base, e - base])
    .filter(([, s, e]) => s >= 0 && e > s && e <= bytes.length)
    .sort((x, y) => x[1] - y[1]);
  let out = "", at = 0;
  const esc = (b) => dec.decode(b).replace(/[&<>]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[ch]);
  for (const [c, s, e] of spans) {
    if (s < at) continue;   // overlapping spans: the first wins
    out += esc(bytes.slice(at, s)) + `<mark class="${c}">` + esc(bytes.slice(s, e)) + "</mark>";
    at = e;
  }
  return out + esc(bytes.slice(at));
}

async function loadEvents(reset) {
  if (reset && reset.preventDefault) reset.preventDefault();
  if (reset) state.eventsOffset = 0;
  const res = await api("/api/events", { actor: $("ev-actor").value.trim().toUpperCase(), code: $("ev-code").value.trim(),
                                         ...period(), limit: 50, offset: state.eventsOffset });
  const body = $("events").tBodies[0];
  if (reset) body.innerHTML = "";
  for (const r of res.events) {
    const tr = body.insertRow();
    const doc = r.url ? `<a href="${encodeURI(r.url)}" rel="noopener" target="_blank">${r.title || r.doc_id}</a>`
                      : (r.title || r.doc_id);
    tr.innerHTML = `<td>${r.day}</td><td>${r.source}</td><td>${r.target}</td><td>${r.code}</td>` +
      `<td class="num ${r.goldstein >= 0 ? "coop" : "conf"}">${r.goldstein}</td><td class="num">${r.reports}</td>` +
      `<td>${highlight(r)}</td><td></td>`;
    tr.cells[7].innerHTML = doc;
  }
  state.eventsOffset += res.events.length;
  $("ev-more").disabled = res.events.length < 50;
}

async function codeText(ev) {
  ev.preventDefault();
  const payload = { text: $("code-text").value };
  if ($("code-date").value) payload.date = $("code-date").value;
  if ($("code-lang").value) payload.lang = $("code-lang").value;
  const res = await api("/api/code", null, { method: "POST", headers: { "Content-Type": "application/json" },
                                             body: JSON.stringify(payload) });
  const body = $("code-events").tBodies[0];
  body.innerHTML = "";
  for (const e of res.events) {
    const tr = body.insertRow();
    for (const v of [e.source, e.target, e.code, e.label, e.goldstein, e.trigger, e.entries.pattern])
      tr.insertCell().textContent = v;
  }
  if (!res.events.length) body.insertRow().insertCell().textContent = "no event";
  $("code-explain").querySelector("pre").textContent = res.sentences.map((s) => s.explain).join("\n");
  state.coded = res.events.length;
}

function guard(fn) {
  return (...a) => fn(...a).catch((e) => status("error: " + e.message));
}

$("period").addEventListener("submit", guard(async (ev) => {
  ev.preventDefault();
  await loadNetwork();
  await loadEvents(true);
}));
$("dyad-form").addEventListener("submit", guard(loadDyad));
$("events-form").addEventListener("submit", guard(loadEvents));
$("ev-more").addEventListener("click", guard(() => loadEvents(false)));
$("code-form").addEventListener("submit", guard(codeText));

state.ready = (async () => {
  await loadNetwork();
  await loadEvents(true);
})().catch((e) => status("error: " + e.message));
