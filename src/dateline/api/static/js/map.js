// dateline dashboard: the event map (Leaflet + markercluster over a TopoJSON world, no tile server)
// and the timeline (stacked bars per day/week/month by event type) whose selection filters the map.
"use strict";

(function () {
  const root = document.getElementById("map");
  if (!root) return;
  const pointsUrl = root.dataset.points;
  const worldUrl = root.dataset.world;
  const state = { points: [], hiddenTypes: new Set(), range: null, unit: "day", lastSeen: 0, maxId: 0 };
  // "New since you last looked": the highest event id this browser has marked as seen (ids only grow).
  const SEEN_KEY = "dateline.lastSeenEventId";
  try { state.lastSeen = Number(window.localStorage.getItem(SEEN_KEY) || 0); } catch (err) { state.lastSeen = 0; }

  const map = L.map(root, { minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 0.5 }).setView([25, 30], 2);
  map.attributionControl.addAttribution("Boundaries: Natural Earth");
  const clusters = L.markerClusterGroup({ maxClusterRadius: 30, showCoverageOnHover: false, iconCreateFunction: clusterIcon });

  // markercluster's own icon, plus a ring when the cluster holds an event that is new since the last look
  function clusterIcon(cluster) {
    const n = cluster.getChildCount();
    const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    const fresh = cluster.getAllChildMarkers().some((m) => m.options.fresh);
    return new L.DivIcon({ html: "<div><span>" + n + "</span></div>", iconSize: new L.Point(40, 40),
      className: "marker-cluster marker-cluster-" + size + (fresh ? " ev-new-cluster" : "") });
  }
  map.addLayer(clusters);

  // Rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180 between two points;
  // Leaflet draws that jump as a band across the whole map. Unwrapping keeps each ring continuous (it runs on
  // past 180 instead). Antarctica is left out: its ring runs along the pole, which Web Mercator cannot show.
  function unwrapRing(ring) {
    const out = [];
    let shift = 0;
    ring.forEach((pt, i) => {
      if (i > 0) {
        const d = pt[0] + shift - out[i - 1][0];
        if (d > 180) shift -= 360; else if (d < -180) shift += 360;
      }
      out.push([pt[0] + shift, pt[1]]);
    });
    return out;
  }
  function unwrapGeometry(geom) {
    const rings = (polys) => polys.map((poly) => poly.map(unwrapRing));
    if (geom.type === "Polygon") geom.coordinates = rings([geom.coordinates])[0];
    else if (geom.type === "MultiPolygon") geom.coordinates = rings(geom.coordinates);
    return geom;
  }
  const ANTARCTICA = "010";
  let world = null;

  async function drawWorld() {
    try {
      const topo = await (await fetch(worldUrl)).json();
      const countries = topojson.feature(topo, topo.objects.countries);
      countries.features = countries.features.filter((f) => String(f.id) !== ANTARCTICA && f.geometry);
      countries.features.forEach((f) => unwrapGeometry(f.geometry));
      world = L.geoJSON(countries, {
        style: { color: "#8a96a3", weight: 0.6, fillColor: "#e9edf1", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
    } catch (err) {
      console.warn("world boundaries not loaded", err);
    }
  }

  function isNew(p) { return state.lastSeen > 0 && p.id > state.lastSeen; }

  function markerFor(p) {
    const icon = L.divIcon({
      className: "ev-pin" + (isNew(p) ? " ev-new" : ""),
      html: '<span style="background:' + dateline.colour(p.type) + '"></span>',
      iconSize: [14, 14],
    });
    const m = L.marker([p.lat, p.lon], { icon: icon, fresh: isNew(p), title: (p.sub || p.type || "event") + " — " + (p.loc || "") });
    // Built with DOM nodes and textContent so no event value is ever parsed as HTML.
    const box = document.createElement("div");
    const a = document.createElement("a");
    a.href = p.url;
    a.textContent = (p.sub || p.type || "Event") + (p.date ? " · " + p.date : "");
    const loc = document.createElement("div");
    loc.textContent = [p.loc, p.country].filter(Boolean).join(", ");
    const src = document.createElement("div");
    src.className = "muted";
    src.textContent = (p.sources || 1) + " independent source" + ((p.sources || 1) === 1 ? "" : "s") +
      (isNew(p) ? " · new since you last looked" : "");
    box.appendChild(a);
    box.appendChild(loc);
    box.appendChild(src);
    m.bindPopup(box);
    return m;
  }

  function inRange(p) {
    if (!state.range) return true;
    return !!p.date && p.date >= state.range[0] && p.date <= state.range[1];
  }

  function visiblePoints(ignoreRange) {
    return state.points.filter((p) => !state.hiddenTypes.has(p.type || "") && (ignoreRange || inRange(p)));
  }

  function redrawMarkers(fit) {
    clusters.clearLayers();
    const shown = visiblePoints(false).filter((p) => p.lat !== null && p.lon !== null);
    clusters.addLayers(shown.map(markerFor));
    root.dataset.visible = String(shown.length);
    // filters that match nothing: the table's sentence (data-empty), over the map and under it
    const none = state.points.length === 0 ? root.dataset.empty || "" : "";
    loading(none || null);
    const count = document.getElementById("map-count");
    if (count) count.textContent = none || shown.length + " of " + state.points.length + " events on the map";
    showNew();
    if (fit && shown.length) {
      map.fitBounds(L.latLngBounds(shown.map((p) => [p.lat, p.lon])).pad(0.3), { maxZoom: 7, animate: false });
    }
  }

  // ---- timeline -------------------------------------------------------------------------------------
  const DAY = 86400000;
  function parse(d) { return Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)); }
  function fmt(t) { return new Date(t).toISOString().slice(0, 10); }
  function binStart(t, unit) {
    const d = new Date(t);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    if (unit === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY; // Monday
    return t;
  }
  function nextBin(t, unit) {
    if (unit === "month") { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); }
    return t + (unit === "week" ? 7 : 1) * DAY;
  }

  function drawTimeline() {
    const host = document.getElementById("timeline");
    if (!host) return;
    const pts = visiblePoints(true).filter((p) => p.date);
    host.textContent = "";
    if (!pts.length) { host.textContent = "No dated events."; return; }
    const times = pts.map((p) => parse(p.date));
    let lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    // A few days of context around a short span, so one day is one bar among its neighbours, not the whole axis.
    const MIN_DAYS = 7;
    if ((hi - lo) / DAY < MIN_DAYS - 1) {
      const extra = MIN_DAYS - 1 - (hi - lo) / DAY;
      lo -= Math.floor(extra / 2) * DAY; hi += Math.ceil(extra / 2) * DAY;
    }
    const spanDays = (hi - lo) / DAY;
    const unit = spanDays <= 120 ? "day" : spanDays <= 730 ? "week" : "month";
    state.unit = unit;
    const bins = [];
    for (let t = binStart(lo, unit); t <= hi; t = nextBin(t, unit)) bins.push({ start: t, end: nextBin(t, unit) - DAY, counts: {} });
    const index = new Map(bins.map((b, i) => [b.start, i]));
    const types = [];
    pts.forEach((p) => {
      const b = bins[index.get(binStart(parse(p.date), unit))];
      const k = p.type || "";
      if (!types.includes(k)) types.push(k);
      b.counts[k] = (b.counts[k] || 0) + 1;
    });
    types.sort();
    const max = Math.max.apply(null, bins.map((b) => Object.values(b.counts).reduce((a, c) => a + c, 0)));
    const W = Math.max(host.clientWidth || 600, 200), H = 110, pad = 18;
    const bw = W / bins.length;
    const barW = Math.min(bw, 48); // a bar never fills the axis: few bins are still visibly bars
    const inset = (bw - barW) / 2;
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", W); svg.setAttribute("height", H + pad);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Events per " + unit + " by type");
    let dragFrom = null;
    bins.forEach((b, i) => {
      const g = document.createElementNS(NS, "g");
      g.setAttribute("class", "tl-bin");
      g.dataset.start = fmt(b.start); g.dataset.end = fmt(b.end);
      const total = Object.values(b.counts).reduce((a, c) => a + c, 0);
      const hit = document.createElementNS(NS, "rect");
      hit.setAttribute("x", i * bw); hit.setAttribute("y", 0); hit.setAttribute("width", bw); hit.setAttribute("height", H);
      const selected = state.range && fmt(b.start) <= state.range[1] && fmt(b.end) >= state.range[0];
      hit.setAttribute("class", "tl-hit" + (selected ? " tl-selected" : ""));
      const title = document.createElementNS(NS, "title");
      title.textContent = fmt(b.start) + (unit === "day" ? "" : " – " + fmt(b.end)) + ": " + total + " event(s)";
      hit.appendChild(title);
      g.appendChild(hit);
      let y = H;
      types.forEach((t) => {
        const c = b.counts[t] || 0;
        if (!c) return;
        const h = (c / max) * (H - 6);
        y -= h;
        const r = document.createElementNS(NS, "rect");
        const gap = Math.min(1, barW * 0.1);
        r.setAttribute("x", i * bw + inset + gap); r.setAttribute("y", y);
        r.setAttribute("width", Math.max(barW - 2 * gap, 1)); r.setAttribute("height", h);
        r.setAttribute("class", "tl-bar");
        r.setAttribute("fill", dateline.colour(t));
        r.setAttribute("pointer-events", "none");
        g.appendChild(r);
      });
      g.addEventListener("mousedown", (e) => { dragFrom = b; e.preventDefault(); });
      g.addEventListener("mouseup", () => {
        const a = dragFrom || b; dragFrom = null;
        const from = Math.min(a.start, b.start), to = Math.max(a.end, b.end);
        setRange([fmt(from), fmt(to)]);
      });
      svg.appendChild(g);
    });
    [0, bins.length - 1].forEach((i) => {
      const label = document.createElementNS(NS, "text");
      label.setAttribute("x", i === 0 ? 2 : W - 2); label.setAttribute("y", H + 13);
      label.setAttribute("text-anchor", i === 0 ? "start" : "end");
      label.setAttribute("class", "tl-label");
      label.textContent = fmt(bins[i].start);
      svg.appendChild(label);
    });
    host.appendChild(svg);
    const unitLabel = document.getElementById("timeline-unit");
    if (unitLabel) unitLabel.textContent = unit;
  }

  function setRange(range) {
    state.range = range;
    const label = document.getElementById("timeline-range");
    if (label) label.textContent = range ? range[0] + " to " + range[1] : "all dates";
    const clear = document.getElementById("timeline-clear");
    if (clear) clear.hidden = !range;
    drawTimeline();
    redrawMarkers(false);
  }

  function wireLegend() {
    document.querySelectorAll("input.type-toggle").forEach((box) => {
      box.addEventListener("change", () => {
        if (box.checked) state.hiddenTypes.delete(box.value); else state.hiddenTypes.add(box.value);
        drawTimeline();
        redrawMarkers(false);
      });
    });
    const clear = document.getElementById("timeline-clear");
    if (clear) clear.addEventListener("click", () => setRange(null));
  }

  function loading(text, isError) {
    const box = document.getElementById("map-loading");
    if (!box) return;
    box.hidden = !text;
    box.textContent = text || "";
    box.classList.toggle("error", !!isError);
  }

  function showNew() {
    const label = document.getElementById("map-new");
    const button = document.getElementById("map-seen");
    const fresh = state.points.filter(isNew).length;
    if (label) {
      label.textContent = state.lastSeen === 0 ? "first visit: events added from now on will be marked new"
        : fresh + " new event" + (fresh === 1 ? "" : "s") + " since you last looked";
    }
    if (button) button.hidden = fresh === 0;
    root.dataset.fresh = String(fresh);
  }

  function markSeen() {
    state.lastSeen = state.maxId;
    try { window.localStorage.setItem(SEEN_KEY, String(state.lastSeen)); } catch (err) { /* private mode */ }
    redrawMarkers(false);
  }

  async function fetchPoints() {
    const resp = await fetch(pointsUrl, { headers: { Accept: "application/json" } });
    const data = await resp.json().catch(() => ({}));
    if (!resp.ok) throw new Error(data.detail || resp.status + " " + resp.statusText);
    state.points = data.points || [];
    state.maxId = state.points.reduce((m, p) => Math.max(m, p.id), 0);
    const note = document.getElementById("map-truncated");
    if (note) note.hidden = !data.truncated;
    const total = document.getElementById("map-total");
    if (total && !data.truncated) total.textContent = String(state.points.length);
  }

  // While `dateline watch` adds events, poll for them; the view (zoom, filters, range) stays as it is.
  async function refresh() {
    if (document.hidden) return;
    const before = state.maxId, count = state.points.length;
    try { await fetchPoints(); } catch (err) { return; }
    const stamp = document.getElementById("map-refreshed");
    if (stamp) stamp.textContent = "updated " + new Date().toLocaleTimeString();
    if (state.maxId !== before || state.points.length !== count) {
      drawTimeline();
      redrawMarkers(false);
    }
  }

  async function load() {
    loading("Loading events…");
    await drawWorld();
    try {
      await fetchPoints();
    } catch (err) {
      loading("Could not load the events: " + err.message, true);
      return;
    }
    loading(null);
    if (state.lastSeen === 0 && state.maxId > 0) {
      // first visit: everything here now counts as seen, so "new" means new from here on
      state.lastSeen = state.maxId;
      try { window.localStorage.setItem(SEEN_KEY, String(state.lastSeen)); } catch (err) { /* private mode */ }
    }
    wireLegend();
    const seen = document.getElementById("map-seen");
    if (seen) seen.addEventListener("click", markSeen);
    drawTimeline();
    redrawMarkers(true);
    root.dataset.ready = "1";
    const every = Number(root.dataset.refresh || 0);
    if (every > 0) window.setInterval(refresh, every * 1000);
  }

  window.datelineMap = { map: map, state: state, setRange: setRange, world: () => world, refresh: refresh,
                        markSeen: markSeen };
  load();
})();
