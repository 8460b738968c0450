// Independent references for the browser tests: the shared real data read straight from its files, and
// Web Mercator written from its textbook definition (not the app's code), so a test compares what is on
// screen with where things really are.
//
//   const view = await appState(page);                 // zoom, center, canvas size
//   const p = project(view, 35.8242, 127.1480);         // CSS pixels on the canvas
//   for (const f of disabilityCentres()) ...             // {name, lat, lng} from the 보건복지부 CSV
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const dataDir = process.env.BOKJI_SHARED_DATA_DIR || path.resolve(here, '../../../shared/data');

// Web Mercator: x = (λ + 180°) / 360°, y = ½ − ln((1 + sin φ) / (1 − sin φ)) / 4π, in world units 0..1;
// zoom z draws the world 256·2^z pixels wide.
function worldPoint(lat, lng) {
  const s = Math.sin((lat * Math.PI) / 180);
  return {x: (lng + 180) / 360, y: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)};
}

// The CSS pixel of (lat, lng) in a view {zoom, center: [lat, lng], canvas: {css_width, css_height}}.
export function project(view, lat, lng) {
  const scale = 256 * 2 ** view.zoom;
  const p = worldPoint(lat, lng);
  const c = worldPoint(view.center[0], view.center[1]);
  return {x: (p.x - c.x) * scale + view.canvas.css_width / 2, y: (p.y - c.y) * scale + view.canvas.css_height / 2};
}

// The (lat, lng) at CSS pixel (x, y) of the view: the inverse of project().
export function unproject(view, x, y) {
  const scale = 256 * 2 ** view.zoom;
  const c = worldPoint(view.center[0], view.center[1]);
  const wx = c.x + (x - view.canvas.css_width / 2) / scale;
  const wy = c.y + (y - view.canvas.css_height / 2) / scale;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * wy))) * 180) / Math.PI;
  return {lat, lng: wx * 360 - 180};
}

// RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks) into rows of strings.
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

// The 13 장애인복지관 of 전라북도 (보건복지부, 2019-12-31): {name, lat, lng}.
export function disabilityCentres() {
  const text = fs.readFileSync(path.join(dataDir, 'facilities/jeonbuk_장애인복지관_20191231.csv'), 'utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const name = header.indexOf('시설명');
  const x = header.findIndex((h) => h.startsWith('엑스'));
  const y = header.findIndex((h) => h.startsWith('와이'));
  return rows.filter((r) => r.length > y && r[name])
      .map((r) => ({name: r[name].trim(), lat: Number(r[y]), lng: Number(r[x])}));
}

// The rings ([[lng, lat], ...]) of the boundary features of one level: 'provinces', 'municipalities' or
// 'submunicipalities' (the Jeonbuk GeoJSON files).
export function boundaryRings(level) {
  const file = path.join(dataDir, `boundaries/jeonbuk-${level}-2018-geo.json`);
  const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
  const rings = [];
  for (const feature of collection.features) {
    const g = feature.geometry;
    const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
    for (const polygon of polygons) rings.push(...polygon);
  }
  return rings;
}

// The boundary features of one level as {code, name, rings} (rings as in boundaryRings).
export function boundaryFeatures(level) {
  const file = path.join(dataDir, `boundaries/jeonbuk-${level}-2018-geo.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')).features.map((feature) => {
    const g = feature.geometry;
    const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
    return {code: Number(feature.properties.code), name: feature.properties.name, rings: polygons.flat()};
  });
}

// Even-odd point in polygon over rings of [lng, lat] (planar, as the boundary files are drawn).
export function insideRings(rings, lat, lng) {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

// Great-circle distance in metres on a sphere of the WGS84 mean radius (the haversine formula, written
// independently of the app's core/geo.cc).
export function haversineMetres(a, b) {
  const r = 6371008.8, rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

// True if (x, y) lies in one of the app's overlay rectangles ([x0, y0, x1, y1]) grown by `margin`.
export function underOverlay(view, x, y, margin = 4) {
  return view.overlays.some(([x0, y0, x1, y1]) =>
    x >= x0 - margin && x <= x1 + margin && y >= y0 - margin && y <= y1 + margin);
}
