// SVG drawing for the page: the dyad timeline, the actor network and the map. No library: the page
// must work offline, and these three charts need only lines, rects, circles and paths.

const NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and children. */
export function svg(tag, attrs = {}, children = []) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function title(text) {
  return svg("title", {}, [text]);
}

/** Colour of a cooperation (+10) to conflict (-10) score: green, grey at 0, red. */
export function scoreColor(score) {
  if (score === null || score === undefined) return "hsl(0 0% 55%)";
  const t = Math.max(-1, Math.min(1, score / 10));
  // saturation grows with |t| so that a mean near 0 reads as neutral grey
  return t >= 0 ? `hsl(140 ${30 + 45 * t}% ${42 - 12 * t}%)` : `hsl(4 ${30 - 45 * t}% ${45 + 5 * t}%)`;
}

// -- the dyad timeline --------------------------------------------------------------------------

function nextPeriod(day, interval) {
  const d = new Date(day + "T00:00:00Z");
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else if (interval === "quarter") d.setUTCMonth(d.getUTCMonth() + 3);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** The series with the periods that have no events put back as zeros, so time runs evenly. */
export function fillPeriods(series, interval, most = 2000) {
  if (!series.length) return [];
  const byPeriod = new Map(series.map((row) => [row.period, row]));
  const filled = [];
  const last = series[series.length - 1].period;
  for (let period = series[0].period; period <= last && filled.length < most; period = nextPeriod(period, interval)) {
    filled.push(byPeriod.get(period) || { period, events: 0, cooperation: 0, conflict: 0, mean_score: null });
  }
  return filled;
}

/** Bars of cooperative events above the axis and conflictual ones below, with the mean score line. */
export function timeline(container, series, interval) {
  const W = 920, H = 320, left = 44, right = 44, top = 14, bottom = 36;
  const plotW = W - left - right, plotH = H - top - bottom, mid = top + plotH / 2;
  const rows = fillPeriods(series, interval);
  const most = Math.max(1, ...rows.map((r) => Math.max(r.cooperation, r.conflict)));
  const band = plotW / Math.max(rows.length, 1);
  const barW = Math.max(1, Math.min(band * 0.8, 40));
  const height = (n) => (n / most) * (plotH / 2);
  const scoreY = (s) => top + ((10 - s) / 20) * plotH;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "timeline", role: "group", "aria-label": "events per period" });
  chart.append(
    svg("line", { x1: left, x2: W - right, y1: mid, y2: mid, class: "axis" }),
    svg("text", { x: left - 6, y: top + 10, class: "tick", "text-anchor": "end" }, [String(most)]),
    svg("text", { x: left - 6, y: H - bottom, class: "tick", "text-anchor": "end" }, [String(most)]),
    svg("text", { x: left - 6, y: mid + 4, class: "tick", "text-anchor": "end" }, ["0"]),
    svg("text", { x: W - right + 6, y: top + 10, class: "tick" }, ["+10"]),
    svg("text", { x: W - right + 6, y: H - bottom, class: "tick" }, ["−10"]),
  );
  const every = Math.ceil(rows.length / 8);
  const points = [];
  rows.forEach((row, i) => {
    const x = left + i * band + (band - barW) / 2;
    const label = `${row.period}: ${row.events} event(s), ${row.cooperation} cooperative, ${row.conflict} conflictual` +
      (row.mean_score === null ? "" : `, mean score ${row.mean_score}`);
    const group = svg("g", { class: "period", tabindex: row.events ? 0 : null, role: "img", "aria-label": label }, [title(label)]);
    if (row.cooperation) group.append(svg("rect", { x, y: mid - height(row.cooperation), width: barW, height: height(row.cooperation), class: "coop" }));
    if (row.conflict) group.append(svg("rect", { x, y: mid, width: barW, height: height(row.conflict), class: "conflict" }));
    chart.append(group);
    if (row.mean_score !== null) points.push([x + barW / 2, scoreY(row.mean_score)]);
    if (i % every === 0) {
      chart.append(svg("text", { x: x + barW / 2, y: H - 12, class: "tick", "text-anchor": "middle" }, [row.period]));
    }
  });
  if (points.length > 1) chart.append(svg("polyline", { points: points.map((p) => p.join(",")).join(" "), class: "mean" }));
  for (const [x, y] of points) chart.append(svg("circle", { cx: x, cy: y, r: 2.5, class: "mean-dot" }));
  container.replaceChildren(chart);
  return rows;
}

// -- the actor network --------------------------------------------------------------------------

const GRAVITY = 2;  // strong enough that separate pairs stay near the middle rather than at the edges

/** Node positions by a force layout (Fruchterman-Reingold), the same every time for the same data. */
export function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  // start on a circle, busiest first, so the result does not depend on chance
  const pos = nodes.map((_, i) => [W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n)]);
  const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.45;
  // pull grows with the pair's events relative to the busiest pair, so a busy store is not squeezed
  const busiest = Math.log1p(Math.max(1, ...edges.map((e) => e.events)));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target), Math.log1p(e.events) / busiest]);
  let temperature = W / 8;
  for (let step = 0; step < 300; step++) {
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
        const d = Math.max(0.5, Math.hypot(dx, dy));
        const f = (k * k) / d;
        disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
        disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
      }
    }
    for (const [a, b, w] of links) {
      const dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
      const d = Math.max(0.5, Math.hypot(dx, dy));
      const f = ((d * d) / k) * (0.5 + 0.5 * w);
      disp[a][0] -= (dx / d) * f; disp[a][1] -= (dy / d) * f;
      disp[b][0] += (dx / d) * f; disp[b][1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // a pull to the centre keeps pairs that have no link to the rest near the others
      disp[i][0] -= (pos[i][0] - W / 2) * GRAVITY;
      disp[i][1] -= (pos[i][1] - H / 2) * GRAVITY;
      const d = Math.max(0.5, Math.hypot(disp[i][0], disp[i][1]));
      const move = Math.min(d, temperature);
      pos[i][0] = Math.max(40, Math.min(W - 40, pos[i][0] + (disp[i][0] / d) * move));
      pos[i][1] = Math.max(24, Math.min(H - 24, pos[i][1] + (disp[i][1] / d) * move));
    }
    temperature = Math.max(1, temperature * 0.97);
  }
  // stretched to the canvas: a layout is roughly round, the canvas is wide
  const [xs, ys] = [pos.map((p) => p[0]), pos.map((p) => p[1])];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return pos.map(([x, y]) => [
    x1 - x0 > 1 ? 60 + ((x - x0) / (x1 - x0)) * (W - 160) : x,
    y1 - y0 > 1 ? 30 + ((y - y0) / (y1 - y0)) * (H - 60) : y,
  ]);
}

/** Nodes and the pairs between them; ``onOpen(node)`` runs on a click or Enter on a node. */
export function network(container, nodes, edges, onOpen) {
  const W = 900, H = 600;
  const pos = layout(nodes, edges, W, H);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const most = Math.max(1, ...edges.map((e) => e.events));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "network", role: "group", "aria-label": "actor network" });
  chart.append(svg("defs", {}, [svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
    [svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" })])]));
  const busiest = Math.max(1, ...nodes.map((node) => node.events));
  const radius = (node) => 5 + 15 * Math.sqrt(node.events / busiest);
  for (const edge of edges) {
    const [x1, y1] = pos[index.get(edge.source)], [x2, y2] = pos[index.get(edge.target)];
    const r = radius(nodes[index.get(edge.target)]);
    const d = Math.max(1, Math.hypot(x2 - x1, y2 - y1));
    const directed = edge.joint < edge.events;  // only joint events: an undirected link
    const label = `${edge.source} → ${edge.target}: ${edge.events} event(s) (${edge.joint} joint), mean score ${edge.mean_score ?? "n/a"}`;
    chart.append(svg("line", {
      x1, y1, x2: x2 - ((x2 - x1) / d) * (directed ? r + 2 : 0), y2: y2 - ((y2 - y1) / d) * (directed ? r + 2 : 0),
      stroke: scoreColor(edge.mean_score), "stroke-width": 1 + 5 * Math.sqrt(edge.events / most),
      class: directed ? "edge" : "edge joint", "marker-end": directed ? "url(#arrow)" : null,
    }, [title(label)]));
  }
  nodes.forEach((node, i) => {
    const [x, y] = pos[i];
    const label = `${node.name} (${node.id}): ${node.events} event(s) in the pairs shown`;
    const group = svg("g", { class: "node", tabindex: 0, role: "button", "aria-label": label, transform: `translate(${x.toFixed(1)},${y.toFixed(1)})` },
      [title(label), svg("circle", { r: radius(node) }), svg("text", { x: radius(node) + 3, y: 4 }, [node.id])]);
    group.addEventListener("click", () => onOpen(node));
    group.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onOpen(node); } });
    chart.append(group);
  });
  container.replaceChildren(chart);
}

// -- the map ------------------------------------------------------------------------------------

const MAP_W = 960, MAP_H = 480, NORTH = 84, SOUTH = -58;

/** Equirectangular projection onto the map's 960 x 480 plane. */
export function project(lon, lat) {
  return [((lon + 180) / 360) * MAP_W, ((90 - lat) / 180) * MAP_H];
}

/** An SVG path of a TopoJSON object's polygons (arcs delta-encoded and quantized). */
export function topologyPath(topology, objectName) {
  const [sx, sy] = topology.transform.scale, [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indices) => {
    const points = [];
    for (const i of indices) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    // A ring across the antimeridian (Fiji, Chukotka) is unwrapped into one run of longitudes and
    // drawn once more shifted by 360 degrees; the map's edges clip what falls outside.
    const unwrapped = [points[0]];
    for (const [lon, lat] of points.slice(1)) {
      const previous = unwrapped[unwrapped.length - 1][0];
      unwrapped.push([lon + 360 * Math.round((previous - lon) / 360), lat]);
    }
    const draw = (shift) => "M" + unwrapped.map(([lon, lat]) => project(lon + shift, lat).map((v) => v.toFixed(1)).join(",")).join("L") + "Z";
    const lons = unwrapped.map(([lon]) => lon);
    return draw(0) + (Math.max(...lons) > 180 ? draw(-360) : "") + (Math.min(...lons) < -180 ? draw(360) : "");
  };
  const parts = [];
  for (const geometry of topology.objects[objectName].geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    for (const polygon of polygons) for (const indices of polygon) parts.push(ring(indices));
  }
  return parts.join("");
}

/** The world outline with a circle per place; ``onSelect(place)`` runs on focus, click or Enter. */
export function worldMap(container, landPath, places, onSelect) {
  const [, y0] = project(0, NORTH), [, y1] = project(0, SOUTH);
  const chart = svg("svg", { viewBox: `0 ${y0} ${MAP_W} ${y1 - y0}`, class: "map", role: "group", "aria-label": "map of event places" });
  chart.append(svg("rect", { x: 0, y: y0, width: MAP_W, height: y1 - y0, class: "sea" }), svg("path", { d: landPath, class: "land", "fill-rule": "evenodd" }));
  const most = Math.max(1, ...places.map((p) => p.events));
  // the biggest circles first, so that smaller ones stay on top and can be reached
  for (const place of [...places].sort((a, b) => b.events - a.events)) {
    const [x, y] = project(place.lon, place.lat);
    const label = `${place.name}${place.country ? ", " + place.country : ""}: ${place.events} event(s), mean score ${place.mean_score ?? "n/a"}`;
    const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 14 * Math.sqrt(place.events / most)).toFixed(1),
      fill: scoreColor(place.mean_score), class: "place", tabindex: 0, role: "button", "aria-label": label }, [title(label)]);
    for (const kind of ["focus", "click"]) dot.addEventListener(kind, () => onSelect(place));
    dot.addEventListener("keydown", (event) => { if (event.key === "Enter") onSelect(place); });
    chart.append(dot);
  }
  container.replaceChildren(chart);
}
