// The eventwire page: one view at a time, chosen by the address (#/events, #/articles/<id>?event=e2,
// #/dyads?a=JPN&b=USA, #/network, #/map), so every view can be bookmarked and the Back key works.
// Everything comes from the API of the same server.

import { network, scoreColor, timeline, topologyPath, worldMap } from "./charts.js";

const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const FILTERS = ["since", "until", "actor", "dyad", "type", "modality"];
const PAGE = 200;  // events fetched at a time: enough to scan, small enough to stay quick on a big store
const LAYERS = [["actor", "actors"], ["place", "places"], ["time", "times"], ["quote", "quotes"], ["trigger", "event triggers"]];

const main = document.getElementById("main");
const filterForm = document.getElementById("filters");
const errorBox = document.getElementById("error");

// -- talking to the API -------------------------------------------------------------------------

class ApiError extends Error {}

async function api(path, params = {}, options = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new ApiError(body.error ? body.error.message : `${response.status} ${response.statusText}`);
  return body;
}

function showError(error) {
  errorBox.textContent = error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`;
  errorBox.hidden = false;
}

// -- small helpers ------------------------------------------------------------------------------

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    // through the CSSOM: the page's security policy forbids style attributes in markup
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) node.append(child);
  return node;
}

function fromTemplate(id) {
  main.replaceChildren(document.getElementById(id).content.cloneNode(true));
}

function query() {
  const [, search = ""] = location.hash.split("?");
  return new URLSearchParams(search);
}

function filtersFrom(params) {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
}

function go(path, params = {}) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined));
  location.hash = path + (search.toString() ? "?" + search : "");
}

function activateOnEnter(node, action) {
  node.addEventListener("click", action);
  node.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); action(); } });
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function download(name, text, type) {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// -- the filter bar (events, network, map) ------------------------------------------------------

for (const type of PLOVER_TYPES) filterForm.type.append(el("option", { text: type }));

function showFilters(values) {
  filterForm.hidden = false;
  for (const name of FILTERS) filterForm[name].value = values[name] || "";
}

filterForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const values = Object.fromEntries(FILTERS.map((name) => [name, filterForm[name].value.trim()]));
  const view = location.hash.slice(2).split(/[/?]/)[0] || "events";
  const keep = Object.fromEntries([...query()].filter(([key]) => !FILTERS.includes(key)));
  go(`#/${view}`, { ...keep, ...values });
});
document.getElementById("clear-filters").addEventListener("click", () => {
  const view = location.hash.slice(2).split(/[/?]/)[0] || "events";
  go(`#/${view}`);
});

// -- events table -------------------------------------------------------------------------------

const COLUMNS = ["date", "type", "modality", "source", "target", "place", "attributed_to", "trigger", "score"];

async function eventsView(params) {
  fromTemplate("events-view");
  const filters = filtersFrom(params);
  showFilters(filters);
  const state = { rows: [], cursor: null, sort: null, total: null };
  const body = main.querySelector("#events-table tbody");
  const more = main.querySelector("#more-events");
  const count = main.querySelector("#events-count");

  const render = () => {
    const rows = sorted(state.rows, state.sort);
    body.replaceChildren(...rows.map(eventRow));
    count.textContent = `${state.rows.length.toLocaleString()} shown` + (state.total !== null ? ` of ${state.total.toLocaleString()} event(s)` : "");
    more.hidden = !state.cursor;
    state.shown = rows;
  };
  const load = async () => {
    const page = await api("/api/events", { ...filters, limit: PAGE, cursor: state.cursor });
    state.rows.push(...page.events);
    state.cursor = page.next_cursor;
    if (page.total !== null) state.total = page.total;
    render();
  };
  for (const button of main.querySelectorAll("th button")) {
    button.addEventListener("click", () => {
      const key = button.dataset.sort;
      state.sort = state.sort && state.sort.key === key && state.sort.dir === "ascending" ? { key, dir: "descending" } : { key, dir: "ascending" };
      for (const th of main.querySelectorAll("th")) th.removeAttribute("aria-sort");
      button.parentElement.setAttribute("aria-sort", state.sort.dir);
      render();
    });
  }
  more.addEventListener("click", () => load().catch(showError));
  main.querySelector("#export-csv").addEventListener("click", () => {
    const rows = state.shown || [];
    const columns = rows.length ? Object.keys(rows[0]) : COLUMNS;
    const lines = [columns.join(","), ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(","))];
    download("events.csv", lines.join("\n") + "\n", "text/csv");
  });
  await load();
}

function sorted(rows, sort) {
  if (!sort) return rows;
  const sign = sort.dir === "ascending" ? 1 : -1;
  const value = (row) => row[sort.key];
  // a stable sort with empty values last whichever way, as analysts expect
  return rows.map((row, i) => [row, i]).sort(([a, i], [b, j]) => {
    const x = value(a), y = value(b);
    if (x === null || x === "" || x === undefined) return (y === null || y === "" || y === undefined) ? i - j : 1;
    if (y === null || y === "" || y === undefined) return -1;
    const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
    return order ? sign * order : i - j;
  }).map(([row]) => row);
}

function eventRow(row) {
  const who = (names, codes) => names ? [el("span", { text: names }), codes ? el("small", { text: " " + codes }) : ""] : [];
  const tr = el("tr", { tabindex: 0, "aria-label": `${row.type} on ${row.date || "no date"}: ${row.trigger}. Enter opens the evidence.` }, [
    el("td", { text: (row.date || "") + (row.date_imputed ? " *" : ""), title: row.date_imputed ? "no date in the text: the publication date" : null }),
    el("td", {}, [el("span", { class: "type", text: row.type })]),
    el("td", { text: row.modality }),
    el("td", {}, who(row.source, row.source_code)),
    el("td", {}, who(row.target, row.target_code)),
    el("td", { text: row.place || "" }),
    el("td", { text: row.attributed_to || "" }),
    el("td", { text: row.trigger, title: row.sentence }),
    el("td", { class: "num", text: row.score === null ? "" : row.score.toFixed(1), style: `color: ${scoreColor(row.score)}` }),
  ]);
  activateOnEnter(tr, () => go(`#/articles/${encodeURIComponent(row.article_id)}`, { event: row.event_id }));
  return tr;
}

// -- articles and the evidence view -------------------------------------------------------------

async function articlesView(params, articleId) {
  filterForm.hidden = true;
  fromTemplate("articles-view");
  const list = main.querySelector("#article-items");
  const more = main.querySelector("#more-articles");
  const search = main.querySelector("#article-search");
  let cursor = null;
  search.q.value = params.get("q") || "";

  const load = async () => {
    const page = await api("/api/articles", { q: search.q.value.trim(), limit: 50, cursor });
    for (const article of page.articles) {
      const link = el("a", { href: `#/articles/${encodeURIComponent(article.id)}`, "aria-current": article.id === articleId ? "page" : null }, [
        el("span", { class: "title", text: article.title || article.id }),
        el("small", { text: `${article.published || "undated"} · ${article.source || "unknown source"} · ${article.events} event(s)` }),
      ]);
      list.append(el("li", {}, [link]));
    }
    cursor = page.next_cursor;
    more.hidden = !cursor;
  };
  search.addEventListener("submit", (event) => { event.preventDefault(); go("#/articles", { q: search.q.value.trim() }); });
  more.addEventListener("click", () => load().catch(showError));
  main.querySelector("#extract-form").addEventListener("submit", (event) => { event.preventDefault(); extractText(event.target).catch(showError); });
  const loading = load();
  if (articleId) {
    const record = await api(`/api/articles/${encodeURIComponent(articleId)}`);
    evidence(record, params.get("event"), true);
  }
  await loading;
}

async function extractText(form) {
  const body = { text: form.text.value, published: form.published.value || null, title: form.title.value || null };
  const headers = { "Content-Type": "application/json" };
  if (form.token.value) headers.Authorization = `Bearer ${form.token.value}`;
  const path = form.store.checked ? "/api/ingest" : "/api/extract";
  const result = await api(path, {}, { method: "POST", headers, body: JSON.stringify(body) });
  if (form.store.checked) go(`#/articles/${encodeURIComponent(result.id)}`);
  else evidence(result, null, false);
}

/** The article text with its evidence marked, and its events; choosing an event marks its sentence. */
function evidence(record, selectedId, stored) {
  const box = main.querySelector("#evidence");
  const actors = new Map(record.actors.map((a) => [a.id, a]));
  const places = new Map(record.places.map((p) => [p.id, p]));
  const quotes = new Map(record.quotes.map((q) => [q.id, q]));
  const nameOf = (id) => (actors.get(id) ? actors.get(id).name : id);
  const text = el("div", { class: "article-text", id: "article-text" });
  const legend = el("fieldset", { class: "legend" }, [el("legend", { text: "Mark" })]);
  for (const [layer, label] of LAYERS) {
    const box = el("input", { type: "checkbox", checked: true, "data-layer": layer });
    box.addEventListener("change", () => text.classList.toggle(`hide-${layer}`, !box.checked));
    legend.append(el("label", { class: `key m-${layer}` }, [box, " " + label]));
  }
  const list = el("ol", { class: "events", "aria-label": "Events in this article" });
  const buttons = new Map();
  for (const event of record.events) {
    const button = el("button", { type: "button", class: "event", "aria-pressed": "false", "data-event": event.id }, eventSummary(event, nameOf, places, quotes));
    button.addEventListener("click", () => select(event.id, true));
    buttons.set(event.id, button);
    list.append(el("li", {}, [button]));
  }
  const select = (eventId, fromClick) => {
    const event = record.events.find((e) => e.id === eventId) || null;
    text.replaceChildren(...markedText(record, event));
    for (const [id, button] of buttons) button.setAttribute("aria-pressed", String(id === eventId));
    if (event) {
      const first = text.querySelector(".sel");
      if (first) first.scrollIntoView({ block: "center", behavior: fromClick ? "smooth" : "auto" });
      if (stored) history.replaceState(null, "", `#/articles/${encodeURIComponent(record.id)}?event=${encodeURIComponent(eventId)}`);
    }
  };
  const meta = [record.published || "undated", record.source, record.language].filter(Boolean).join(" · ");
  box.replaceChildren(
    el("h2", { id: "article-title", tabindex: -1, text: record.title || "Untitled article" }),
    el("p", { class: "muted" }, [meta + " · ", record.url ? el("a", { href: record.url, rel: "noreferrer", text: "original" }) : "no link",
      stored ? ` · id ${record.id}` : " · extracted, not stored"]),
    ...record.warnings.map((w) => el("p", { class: "warning", text: w })),
    legend,
    el("div", { class: "evidence-body" }, [
      text,
      el("div", { class: "event-panel" }, [el("h3", { text: `Events (${record.events.length})` }), list, entityTables(record)]),
    ]),
  );
  select(selectedId, false);
  if (selectedId && buttons.get(selectedId)) buttons.get(selectedId).focus({ preventScroll: true });
}

function eventSummary(event, nameOf, places, quotes) {
  const quote = event.quote ? quotes.get(event.quote) : null;
  const who = (ids) => ids.map(nameOf).join(" and ") || "—";
  const place = event.place && places.get(event.place) ? places.get(event.place).name : null;
  const facts = [
    ["when", (event.date || "no date") + (event.date_imputed ? " (publication date)" : "")],
    ["where", place],
    ["modality", event.modality],
    ["according to", event.attributed_to ? nameOf(event.attributed_to) : null],
    ["in a quote", quote ? (quote.speaker ? `by ${nameOf(quote.speaker)}` : "yes") : null],
    ["score", event.score === null ? null : event.score.toFixed(1)],
  ].filter(([, value]) => value);
  return [
    el("span", { class: "type", text: event.type + (event.plover_type !== event.type ? ` (PLOVER ${event.plover_type})` : "") }),
    el("span", { class: "who", text: `${who(event.source)} → ${who(event.target)}` }),
    el("span", { class: "trigger-text", text: `“${event.trigger.text}”` }),
    el("dl", {}, facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
  ];
}

/** The text cut where any marked span starts or ends; each piece carries the marks that cover it. */
function markedText(record, selected) {
  const spans = [];
  for (const actor of record.actors) for (const m of actor.mentions) spans.push({ ...m, kind: "actor", note: `actor: ${actor.name}${actor.code ? " (" + actor.code + ")" : ""}` });
  for (const place of record.places) for (const m of place.mentions) spans.push({ ...m, kind: "place", note: `place: ${place.name}${place.country ? " (" + place.country + ")" : ""}` });
  for (const time of record.times) spans.push({ ...time, kind: "time", note: `time: ${time.type} ${time.value}` });
  for (const quote of record.quotes) spans.push({ ...quote.content, kind: "quote", note: `quote${quote.speaker ? " by " + quote.speaker : ""}` });
  for (const event of record.events) spans.push({ ...event.trigger, kind: "trigger", note: `event ${event.id}: ${event.type}` });
  if (selected) {
    spans.push({ ...selected.sentence, kind: "sel" }, { ...selected.trigger, kind: "sel-trigger" });
  }
  const cuts = new Set([0, record.text.length]);
  for (const span of spans) { cuts.add(span.start); cuts.add(span.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= record.text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = record.text.slice(start, end);
    const covering = spans.filter((s) => s.start <= start && s.end >= end && s.start < s.end);
    if (!covering.length) { pieces.push(piece); continue; }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    pieces.push(el("span", {
      class: kinds.map((k) => (k.startsWith("sel") ? k : `m-${k}`)).join(" "),
      title: covering.filter((s) => s.note).map((s) => s.note).join("\n") || null,
    }, [piece]));
  }
  return pieces;
}

function entityTables(record) {
  const table = (caption, head, rows) => el("details", {}, [el("summary", { text: `${caption} (${rows.length})` }),
    el("table", { class: "data compact" }, [el("thead", {}, [el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))]),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((v) => el("td", { text: v ?? "" })))))])]);
  return el("div", { class: "entities" }, [
    table("Actors", ["id", "name", "kind", "code", "role"], record.actors.map((a) => [a.id, a.name, a.kind, a.code, a.role])),
    table("Places", ["id", "name", "kind", "country"], record.places.map((p) => [p.id, p.name, p.kind, p.country])),
    table("Times", ["text", "type", "value"], record.times.map((t) => [t.text, t.type, t.value])),
    table("Quotes", ["speaker", "said", "direct"], record.quotes.map((q) => [q.speaker, q.content.text, q.direct ? "yes" : "no"])),
  ]);
}

// -- dyad timeline ------------------------------------------------------------------------------

async function dyadsView(params) {
  filterForm.hidden = true;
  fromTemplate("dyads-view");
  const form = main.querySelector("#dyad-form");
  for (const name of ["a", "b", "since", "until"]) form[name].value = params.get(name) || "";
  form.interval.value = params.get("interval") || "week";
  form.directed.checked = params.get("directed") === "true";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go("#/dyads", { a: form.a.value.trim(), b: form.b.value.trim(), interval: form.interval.value, since: form.since.value,
      until: form.until.value, directed: form.directed.checked ? "true" : "" });
  });
  let a = params.get("a"), b = params.get("b");
  if (!a || !b) {
    // start on the busiest pair of the store rather than an empty chart
    const top = await api("/api/network", { limit: 1 });
    if (!top.edges.length) { main.querySelector("#dyad-summary").textContent = "No pair of actors has events yet."; return; }
    [a, b] = [top.edges[0].source, top.edges[0].target];
    form.a.value = a; form.b.value = b;
  }
  const result = await api("/api/dyads", { a, b, interval: form.interval.value, since: form.since.value, until: form.until.value,
    directed: form.directed.checked ? "true" : null });
  const total = result.series.reduce((sum, row) => sum + row.events, 0);
  main.querySelector("#dyad-summary").textContent = total
    ? `${total} dated event(s) between ${result.a} and ${result.b}${result.directed ? " (from A to B)" : ""}, per ${result.interval}.`
    : `No dated events between ${result.a} and ${result.b}.`;
  const rows = timeline(main.querySelector("#dyad-chart"), result.series, result.interval);
  const head = el("tr", {}, ["period", "events", "cooperation", "conflict", "mean score"].map((h) => el("th", { scope: "col", text: h })));
  main.querySelector("#dyad-table").replaceChildren(el("thead", {}, [head]), el("tbody", {},
    rows.filter((r) => r.events).map((r) => el("tr", {}, [r.period, r.events, r.cooperation, r.conflict, r.mean_score ?? ""].map((v) => el("td", { text: String(v) }))))));
}

// -- actor network ------------------------------------------------------------------------------

async function networkView(params) {
  fromTemplate("network-view");
  const filters = filtersFrom(params);
  showFilters(filters);
  const level = main.querySelector("#network-level"), limit = main.querySelector("#network-limit");
  level.value = params.get("level") || "country";
  limit.value = params.get("limit") || "60";
  for (const control of [level, limit]) {
    control.addEventListener("change", () => go("#/network", { ...filters, level: level.value, limit: limit.value }));
  }
  const result = await api("/api/network", { ...filters, level: level.value, limit: limit.value });
  const chart = main.querySelector("#network-chart");
  if (!result.edges.length) { chart.textContent = "No pairs of actors match."; return; }
  network(chart, result.nodes, result.edges, (node) => go("#/events", { ...filters, actor: node.id }));
  const head = el("tr", {}, ["pair", "events", "mean"].map((h) => el("th", { scope: "col", text: h })));
  main.querySelector("#network-table").replaceChildren(el("thead", {}, [head]), el("tbody", {}, result.edges.map((edge) => {
    const row = el("tr", { tabindex: 0, "aria-label": `${edge.source} and ${edge.target}: Enter shows their timeline` }, [
      el("td", { text: `${edge.source} ${edge.joint === edge.events ? "–" : "→"} ${edge.target}` }),
      el("td", { class: "num", text: String(edge.events) }),
      el("td", { class: "num", text: edge.mean_score === null ? "" : edge.mean_score.toFixed(1), style: `color: ${scoreColor(edge.mean_score)}` }),
    ]);
    activateOnEnter(row, () => go("#/dyads", { a: edge.source, b: edge.target, since: filters.since, until: filters.until }));
    return row;
  })));
}

// -- map ----------------------------------------------------------------------------------------

let land = null;  // the world outline path, built once

async function mapView(params) {
  fromTemplate("map-view");
  const filters = filtersFrom(params);
  showFilters(filters);
  const [result, outline] = await Promise.all([api("/api/places", { ...filters, limit: 1000 }), land || fetch("/static/land-110m.json").then((r) => r.json())]);
  land = land || topologyPath(outline, "land");
  const info = main.querySelector("#map-info");
  const describe = (place) => {
    info.replaceChildren(el("strong", { text: place.name }), ` ${place.country || ""} · ${place.events} event(s): ${place.cooperation} cooperative, ${place.conflict} conflictual · mean score ${place.mean_score ?? "n/a"}`);
  };
  worldMap(main.querySelector("#map-chart"), land, result.places, describe);
  const head = el("tr", {}, ["place", "events", "mean"].map((h) => el("th", { scope: "col", text: h })));
  main.querySelector("#map-table").replaceChildren(el("thead", {}, [head]), el("tbody", {}, result.places.slice(0, 25).map((p) =>
    el("tr", {}, [el("td", { text: `${p.name}${p.country ? " (" + p.country + ")" : ""}` }), el("td", { class: "num", text: String(p.events) }),
      el("td", { class: "num", text: p.mean_score === null ? "" : p.mean_score.toFixed(1) })]))));
  if (!result.places.length) info.textContent = "No events with a located place match.";
}

// -- routing ------------------------------------------------------------------------------------

const FILTERED = ["events", "network", "map"];
const VIEWS = { events: eventsView, articles: articlesView, dyads: dyadsView, network: networkView, map: mapView };

async function route() {
  errorBox.hidden = true;
  const [path] = location.hash.slice(1).split("?");
  const [name = "events", ...rest] = path.split("/").filter(Boolean);
  const view = VIEWS[name] ? name : "events";
  // the filtered views keep the filters when switching between them
  const filters = new URLSearchParams([...query()].filter(([key, value]) => FILTERS.includes(key) && value));
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    link.toggleAttribute("aria-current", link.dataset.view === view);
    if (FILTERED.includes(link.dataset.view)) link.href = `#/${link.dataset.view}` + (filters.toString() ? "?" + filters : "");
  }
  document.title = `eventwire · ${view}`;
  main.setAttribute("aria-busy", "true");
  try {
    await VIEWS[view](query(), rest.length ? decodeURIComponent(rest.join("/")) : null);
  } catch (error) {
    showError(error);
  } finally {
    main.removeAttribute("aria-busy");
    document.body.dataset.ready = view;  // lets tests and scripts wait for a view to finish loading
  }
  // the heading of a new view takes the focus, so keyboard users start at its top
  if (!main.contains(document.activeElement) || document.activeElement === main) {
    const heading = main.querySelector("h2[tabindex]");
    if (heading && !(view === "articles" && query().get("event"))) heading.focus({ preventScroll: true });
  }
}

async function summary() {
  const counts = await api("/api/summary");
  document.getElementById("store-summary").textContent =
    `${counts.articles.toLocaleString()} article(s), ${counts.events.toLocaleString()} event(s), ${counts.actors.toLocaleString()} actor mention(s)`;
}

window.addEventListener("hashchange", route);
summary().catch(showError);
route();
