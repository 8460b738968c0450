// The Node half of the point-index benchmark (bench/README.md), and the one place all rows meet.
//
//   node --expose-gc --max-old-space-size=8192 bench/js/bench.mjs \
//     --wasm build/wasm/bench/bench_wasm.js --centres .../admdong_centroids_UTMK_2001-2023.tsv \
//     --native native.json --out RESULTS_DIR [--sizes 100000,1000000] [--queries 1000] [--smoke]
//
// For each workload it has bench_wasm generate the points (the same C++ code and seeds as bench_native, so
// the data digest must equal the native one), copies them out, and runs on those very coordinates: our
// index and clustering compiled to wasm, the brute-force floor in wasm, and the npm anchors pinned in
// package-lock.json (kdbush + geokdbush, flatbush + geoflatbush, supercluster). Every answer is checked
// against brute force before a time is taken; the brute-force answer digests must equal bench_native's.
// Then it merges bench_native's rows, computes for our rows the speedup over the best anchor of the row,
// and writes RESULTS_DIR/bench-results.json and RESULTS_DIR/results.md. Exits 1 on any mismatch.
//
// Sections: arguments; timing and checks; one workload; merging and the table; main.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

import KDBush from 'kdbush';
import * as geokdbush from 'geokdbush';
import Flatbush from 'flatbush';
import * as geoflatbush from 'geoflatbush';
import Supercluster from 'supercluster';

// ---------------------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------------------

const args = { sizes: [100000, 1000000], queries: 1000, smoke: false };
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  const value = () => process.argv[++i];
  if (arg === '--wasm') args.wasm = value();
  else if (arg === '--centres') args.centres = value();
  else if (arg === '--native') args.native = value();
  else if (arg === '--out') args.out = value();
  else if (arg === '--sizes') args.sizes = value().split(',').map(Number);
  else if (arg === '--queries') args.queries = Number(value());
  else if (arg === '--smoke') Object.assign(args, { smoke: true, sizes: [3000], queries: 100 });
  else throw new Error(`unknown argument ${arg} (see the comment at the top of bench.mjs)`);
}
for (const needed of ['wasm', 'centres', 'out']) {
  if (!args[needed]) throw new Error(`--${needed} is required`);
}

const RADIUS_M = 2000;
const EARTH_RADIUS_M = 6371010;  // core/geo.h kEarthRadiusMeters
// geokdbush and geoflatbush take kilometres on a 6,371 km sphere: the same angle as 2 km on ours.
const RADIUS_KM_ANCHORS = (RADIUS_M / EARTH_RADIUS_M) * 6371;
const NEAREST = 10;
const CLUSTER_ZOOMS = [8, 12, 16];
const BUILD_REPEATS = args.smoke ? 1 : 3;
// supercluster with about our cluster size: radius 64 of extent 512 = 1/8 tile, so a cluster spans about a
// quarter tile, like our 64-pixel cells on 256-pixel tiles.
const SUPERCLUSTER_OPTIONS = { radius: 64, extent: 512, maxZoom: 16 };

// ---------------------------------------------------------------------------------------------------------
// Timing and checks
// ---------------------------------------------------------------------------------------------------------

function median(values) {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor(sorted.length / 2)];
}

// Median µs of query(i) over all queries, after one untimed pass.
function medianQueryMicros(count, query) {
  for (let i = 0; i < count; i++) query(i);
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    query(i);
    times[i] = (performance.now() - start) * 1000;
  }
  return median(times);
}

function heapBytes() {
  global.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const sortedIds = (ids) => Uint32Array.from(ids).sort();

// The ids in exactly one of two sorted arrays.
function symmetricDifference(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else {
      i++;
      j++;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// One workload
// ---------------------------------------------------------------------------------------------------------

class WorkloadRun {
  constructor(m, distribution, size, nativeRows) {
    this.m = m;
    this.distribution = distribution;
    this.size = size;
    this.nativeRows = nativeRows;
    this.rows = [];
    this.mismatches = 0;
  }

  addRow(workload, implementation, medianValue, unit, extra = {}) {
    const row = { workload, size: this.size, distribution: this.distribution, implementation,
                  median: medianValue, unit, ...extra };
    this.rows.push(row);
    return row;
  }

  mismatch(what, q) {
    this.mismatches++;
    console.error(`MISMATCH: ${what}, ${this.distribution} ${this.size} points, query ${q}`);
  }

  // The ids of the last wasm answer (n of them), copied.
  wasmIds(n) {
    return new Uint32Array(this.m.HEAPU32.buffer, this.m._bench_ids(), n).slice();
  }
  wasmClusterWords() {
    return Array.from(new Uint32Array(this.m.HEAPU32.buffer, this.m._bench_cluster_words(), 5));
  }
  distance(id, q) {
    return this.m._bench_distance(id, q);
  }

  // Runs brute force in wasm once per query (timed), returns its answers, and checks its digest against
  // bench_native's brute force on the same row.
  bruteForceRow(workload, answer) {
    const m = this.m;
    m._bench_digest_reset();
    const answers = new Array(this.queryCount);
    const times = new Float64Array(this.queryCount);
    for (let q = 0; q < this.queryCount; q++) {
      const start = performance.now();
      answers[q] = answer(q);
      times[q] = (performance.now() - start) * 1000;
    }
    const digest = m.ccall('bench_digest', 'string', [], []);
    this.addRow(workload, 'brute force (wasm)', median(times), 'us', { digest });
    const native = this.nativeRows.find((r) => r.workload === workload && r.size === this.size &&
      r.distribution === this.distribution && r.implementation === 'brute force (native)');
    if (native && native.digest !== digest) {
      this.mismatch(`${workload}: brute-force answers differ between native and wasm`, -1);
    }
    return answers;
  }

  // An anchor's row: query(q) returns the answer, checked by check(answer, q, borderline).
  anchorRow(workload, implementation, query, check) {
    return this.queryRow(workload, implementation, (q, b) => check(query(q), q, b), query);
  }

  // Checks answerMatches(q) for every query, then times query(q), and adds the row.
  queryRow(workload, implementation, answerMatches, query, extra = {}) {
    const borderline = { count: 0 };
    for (let q = 0; q < this.queryCount; q++) {
      if (!answerMatches(q, borderline)) this.mismatch(`${workload} ${implementation}`, q);
    }
    const value = args.smoke ? 0 : medianQueryMicros(this.queryCount, query);
    return this.addRow(workload, implementation, value, 'us', { borderline: borderline.count, ...extra });
  }

  // Same ids as expected (a sorted array), allowing ids within 1 mm of `boundary(q)` metres from q.
  sameIds(expectedSorted, got, q, boundary, borderline) {
    const gotSorted = sortedIds(got);
    const differing = symmetricDifference(expectedSorted, gotSorted);
    if (differing.length === 0) return true;
    if (boundary === null) return false;
    const edge = boundary(q);
    for (const id of differing) {
      if (id >= this.size || Math.abs(this.distance(id, q) - edge) > 1e-3) return false;
    }
    borderline.count += differing.length;
    return true;
  }

  timedBuild(workload, implementation, build, extra = {}) {
    const times = [];
    let result;
    for (let r = 0; r < BUILD_REPEATS; r++) {
      result = undefined;
      const start = performance.now();
      result = build();
      times.push(performance.now() - start);
    }
    this.addRow(workload, implementation, median(times), 'ms', extra);
    return result;
  }

  run() {
    const m = this.m;
    m._bench_generate(this.distribution === 'uniform' ? 0 : 1, this.size, args.queries);
    this.queryCount = args.queries;
    const digest = m.ccall('bench_data_digest', 'string', [], []);
    this.dataDigest = digest;
    const points = new Float64Array(m.HEAPF64.buffer, m._bench_points(), 2 * this.size).slice();
    const queries = new Float64Array(m.HEAPF64.buffer, m._bench_queries(), 2 * this.queryCount).slice();
    const lat = (i) => points[2 * i];
    const lng = (i) => points[2 * i + 1];
    const qLat = (q) => queries[2 * q];
    const qLng = (q) => queries[2 * q + 1];
    const n = this.size;

    // ---- builds
    let wasmBytes = 0;
    this.timedBuild('build', 'ours (wasm)', () => { wasmBytes = m._bench_build_index(); });
    this.rows.at(-1).bytes_per_point = wasmBytes / n;
    this.rows.at(-1).memory_bytes_per_point = m._bench_index_memory_bytes() / n;
    const kd = this.timedBuild('build', 'kdbush (geokdbush)', () => {
      const index = new KDBush(n);
      for (let i = 0; i < n; i++) index.add(lng(i), lat(i));
      index.finish();
      return index;
    });
    this.rows.at(-1).bytes_per_point = kd.data.byteLength / n;
    const fb = this.timedBuild('build', 'flatbush (geoflatbush)', () => {
      const index = new Flatbush(n);
      for (let i = 0; i < n; i++) index.add(lng(i), lat(i), lng(i), lat(i));
      index.finish();
      return index;
    });
    this.rows.at(-1).bytes_per_point = fb.data.byteLength / n;

    this.timedBuild('cluster build', 'ours (wasm)', () => { wasmBytes = m._bench_build_clusters(); });
    this.rows.at(-1).bytes_per_point = wasmBytes / n;
    this.timedBuild('cluster filter (1 of 13 categories)', 'ours (wasm)',
                    () => { wasmBytes = m._bench_filter_clusters(); });
    this.rows.at(-1).bytes_per_point = wasmBytes / n;
    const features = new Array(n);
    for (let i = 0; i < n; i++) {
      const geometry = { type: 'Point', coordinates: [lng(i), lat(i)] };
      features[i] = { type: 'Feature', properties: null, geometry };
    }
    const before = heapBytes();
    let start = performance.now();
    const sc = new Supercluster(SUPERCLUSTER_OPTIONS).load(features);
    this.addRow('cluster build', 'supercluster', performance.now() - start, 'ms',
                { bytes_per_point: (heapBytes() - before) / n, repeats: 1 });
    const subset = features.filter((_, i) => i % 13 === 0);
    start = performance.now();
    new Supercluster(SUPERCLUSTER_OPTIONS).load(subset);
    this.addRow('cluster filter (1 of 13 categories)', 'supercluster', performance.now() - start, 'ms',
                { repeats: 1 });
    // supercluster's own consistency: the whole world at zoom 0 holds every point.
    const worldTotal = sc.getClusters([-180, -85, 180, 85], 0)
      .reduce((sum, f) => sum + (f.properties?.point_count ?? 1), 0);
    if (worldTotal !== n) this.mismatch(`supercluster holds ${worldTotal} of ${n} points`, -1);

    // ---- kNN
    {
      const name = 'knn10';
      const expected = this.bruteForceRow(name, (q) => this.wasmIds(m._bench_brute_nearest(q)));
      const expectedSorted = expected.map(sortedIds);
      const kth = (q) => this.distance(expected[q][expected[q].length - 1], q);
      const check = (got, q, b) => got.length === expected[q].length &&
        this.sameIds(expectedSorted[q], got, q, kth, b);
      this.queryRow(name, 'ours (wasm)', (q, b) => check(this.wasmIds(m._bench_ours_nearest(q)), q, b),
                    (q) => m._bench_ours_nearest(q));
      this.anchorRow(name, 'geokdbush', (q) => geokdbush.around(kd, qLng(q), qLat(q), NEAREST), check);
      this.anchorRow(name, 'geoflatbush', (q) => geoflatbush.around(fb, qLng(q), qLat(q), NEAREST), check);
    }

    // ---- within 2 km
    {
      const name = 'within2km';
      const expectedSorted = this.bruteForceRow(name, (q) => this.wasmIds(m._bench_brute_within(q)));
      const radius = () => RADIUS_M;
      const check = (got, q, b) => this.sameIds(expectedSorted[q], got, q, radius, b);
      this.queryRow(name, 'ours (wasm)', (q, b) => check(this.wasmIds(m._bench_ours_within(q)), q, b),
                    (q) => m._bench_ours_within(q));
      const km = RADIUS_KM_ANCHORS;
      this.anchorRow(name, 'geoflatbush.within', (q) => geoflatbush.within(fb, qLng(q), qLat(q), km), check);
      this.anchorRow(name, 'geokdbush.around',
                     (q) => geokdbush.around(kd, qLng(q), qLat(q), Infinity, km), check);
      // kdbush on the circle's bounding box, then the haversine test.
      const angleDeg = (RADIUS_M / EARTH_RADIUS_M) * 180 / Math.PI;
      const boxAndHaversine = (q) => {
        const la = qLat(q);
        const lo = qLng(q);
        const dLng = angleDeg / Math.cos((Math.abs(la) + angleDeg) * Math.PI / 180);
        const candidates = kd.range(lo - dLng, la - angleDeg, lo + dLng, la + angleDeg);
        return candidates.filter((id) => geokdbush.distance(lo, la, lng(id), lat(id)) <= km);
      };
      this.anchorRow(name, 'kdbush range + haversine', boxAndHaversine, check);
    }

    // ---- viewport
    {
      const name = 'viewport';
      const rects = new Float64Array(m.HEAPF64.buffer, m._bench_rects(0), 4 * this.queryCount).slice();
      const expectedSorted = this.bruteForceRow(name, (q) => this.wasmIds(m._bench_brute_rect(q)));
      const exact = (got, q, b) => this.sameIds(expectedSorted[q], got, q, null, b);
      const r = (q) => rects.subarray(4 * q, 4 * q + 4);  // lo.lat, lo.lng, hi.lat, hi.lng
      this.queryRow(name, 'ours (wasm)', (q, b) => exact(this.wasmIds(m._bench_ours_rect(q)), q, b),
                    (q) => m._bench_ours_rect(q));
      const kdRange = (q) => { const v = r(q); return kd.range(v[1], v[0], v[3], v[2]); };
      const fbSearch = (q) => { const v = r(q); return fb.search(v[1], v[0], v[3], v[2]); };
      this.anchorRow(name, 'kdbush.range', kdRange, exact);
      this.anchorRow(name, 'flatbush.search', fbSearch, exact);
    }

    // ---- clusters of a 1280×720 screen
    for (const zoom of CLUSTER_ZOOMS) {
      const name = `clusters z${zoom}`;
      const rects = new Float64Array(m.HEAPF64.buffer, m._bench_rects(zoom), 4 * this.queryCount).slice();
      const expected = this.bruteForceRow(name, (q) => {
        m._bench_brute_clusters(q, zoom);
        return this.wasmClusterWords().join(',');
      });
      let clusters = 0;
      let total = 0;
      const row = this.queryRow(name, 'ours (wasm)', (q) => {
        m._bench_ours_clusters(q, zoom);
        const words = this.wasmClusterWords();
        clusters += words[0] / this.queryCount;
        total += (words[1] + words[2] * 2 ** 32) / this.queryCount;
        return words.join(',') === expected[q];
      }, (q) => m._bench_ours_clusters_timed(q, zoom));
      Object.assign(row, { clusters_per_view: clusters, points_per_view: total });
      // supercluster: a different algorithm (greedy radius clustering), so its clusters are reported,
      // not compared; its points per view count clusters whose centre is on screen.
      let scClusters = 0;
      let scTotal = 0;
      const scQuery = (q) => {
        const v = rects.subarray(4 * q, 4 * q + 4);
        return sc.getClusters([v[1], v[0], v[3], v[2]], zoom);
      };
      const scRow = this.queryRow(name, 'supercluster', (q) => {
        const found = scQuery(q);
        scClusters += found.length / this.queryCount;
        scTotal += found.reduce((s, f) => s + (f.properties?.point_count ?? 1), 0) / this.queryCount;
        return true;
      }, scQuery);
      Object.assign(scRow, { clusters_per_view: scClusters, points_per_view: scTotal });
    }
    return this.rows;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Merging and the table
// ---------------------------------------------------------------------------------------------------------

const isOurs = (impl) => impl.startsWith('ours');
const isFloor = (impl) => impl.startsWith('brute force');
const isAnchor = (impl) => !isOurs(impl) && !isFloor(impl);

// Sets ratio_to_best_anchor = best anchor median / our median (> 1: ours is faster) on our rows.
function addRatios(rows) {
  for (const row of rows) {
    if (!isOurs(row.implementation)) continue;
    const anchors = rows.filter((r) => r.workload === row.workload && r.size === row.size &&
      r.distribution === row.distribution && isAnchor(r.implementation));
    if (anchors.length === 0 || row.median <= 0) continue;
    const best = anchors.reduce((a, b) => (b.median < a.median ? b : a));
    row.ratio_to_best_anchor = best.median / row.median;
    row.best_anchor = best.implementation;
  }
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const label = (size) => (size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`);

function table(rows) {
  const columns = [];
  for (const distribution of ['uniform', 'clustered']) {
    for (const size of [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b)) {
      columns.push({ distribution, size });
    }
  }
  const titles = columns.map((c) => `${c.distribution} ${label(c.size)}`);
  const header = `| implementation | ${titles.join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const lines = [];
  const workloads = [...new Set(rows.map((r) => r.workload))];
  for (const workload of workloads) {
    const these = rows.filter((r) => r.workload === workload);
    const unit = these[0].unit === 'ms' ? 'ms per build' : 'µs per query (median)';
    lines.push('', `**${workload}** — ${unit}`, '', header, rule);
    const cell = (impl, c, value) => {
      const row = these.find((r) => r.implementation === impl && r.distribution === c.distribution &&
        r.size === c.size);
      return row ? value(row) : '';
    };
    const impls = [...new Set(these.map((r) => r.implementation))];
    for (const impl of impls) {
      lines.push(`| ${impl} | ${columns.map((c) => cell(impl, c, (r) => {
        let text = fmt(r.median);
        if (r.bytes_per_point !== undefined) text += ` (${r.bytes_per_point.toFixed(1)} B/pt)`;
        if (r.clusters_per_view !== undefined) {
          text += ` [${r.clusters_per_view.toFixed(0)} cl, ${r.points_per_view.toFixed(0)} pts]`;
        }
        return text;
      })).join(' | ')} |`);
    }
    for (const impl of impls.filter(isOurs)) {
      const speedup = (r) => (r.ratio_to_best_anchor === undefined ? ''
        : `${r.ratio_to_best_anchor.toFixed(2)}× (${r.best_anchor})`);
      lines.push(`| ${impl}: speedup vs best anchor | ${columns.map((c) => cell(impl, c, speedup)).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

// The goals of issues 3 and 13, each with a verdict: at the largest size, every wasm row of ours at least
// 1.25× the best anchor of the same run (queries, cluster queries and the index build), the index holding at
// most 24 bytes per point, and the clustering within its time budget.
function goals(rows) {
  const lines = ['', '**Goals** (issues 3 and 13)', ''];
  const largest = Math.max(...rows.map((r) => r.size));
  const verdict = (ok) => (ok ? 'met' : 'MISSED');
  for (const row of rows) {
    if (row.implementation !== 'ours (wasm)' || row.size !== largest) continue;
    if (row.ratio_to_best_anchor === undefined || row.workload.startsWith('cluster ')) continue;
    lines.push(`- ${verdict(row.ratio_to_best_anchor >= 1.25)}: ${row.workload} ${row.distribution} ` +
      `${label(row.size)}: ours (wasm) ${row.ratio_to_best_anchor.toFixed(2)}× the best anchor ` +
      `(${row.best_anchor}); goal ≥ 1.25×`);
    if (row.workload === 'build') {
      lines.push(`- ${verdict(row.bytes_per_point <= 24)}: index memory ${row.distribution} ` +
        `${label(row.size)}: ours (wasm) ${row.bytes_per_point.toFixed(1)} bytes per point; goal ≤ 24`);
    }
  }
  for (const row of rows) {
    if (!isOurs(row.implementation) || row.size !== largest) continue;
    if (row.workload === 'cluster build') {
      lines.push(`- ${verdict(row.median < 1000)}: cluster build ${row.distribution} ` +
        `${label(row.size)} ${row.implementation}: ${fmt(row.median)} ms; goal < 1000 ms`);
    } else if (row.workload.startsWith('clusters')) {
      lines.push(`- ${verdict(row.median < 1000)}: ${row.workload} ${row.distribution} ` +
        `${label(row.size)} ${row.implementation}: ${fmt(row.median)} µs; goal < 1000 µs`);
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------

const native = args.native ? JSON.parse(fs.readFileSync(args.native, 'utf8')) : { rows: [], data: [] };
const require = createRequire(import.meta.url);
const m = require(path.resolve(args.wasm))();
await m.ready;
if (m.ccall('bench_load_centres', 'number', ['string'], [path.resolve(args.centres)]) < 2) {
  throw new Error(`bench_wasm could not read the centres from ${args.centres}`);
}
const loadStart = os.loadavg();
const rows = [];
let mismatches = 0;
for (const distribution of ['uniform', 'clustered']) {
  for (const size of args.sizes) {
    const started = performance.now();
    const run = new WorkloadRun(m, distribution, size, native.rows);
    rows.push(...run.run());
    const nativeData = native.data.find((d) => d.distribution === distribution && d.size === size);
    if (nativeData && nativeData.data_digest !== run.dataDigest) {
      run.mismatch('the generated data differs between native and wasm', -1);
    }
    mismatches += run.mismatches;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.error(`bench.mjs: ${distribution} ${size} points: ${seconds} s, ${run.mismatches} mismatches`);
    global.gc?.();
  }
}
const all = [...native.rows.filter((r) => args.sizes.includes(r.size)), ...rows];
addRatios(all);
const loadEnd = os.loadavg();
const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`;
const machine = `Node ${process.version}, ${cpu}; load average ` +
  `native ${native.load_average_start ?? '?'} → ${native.load_average_end ?? '?'}, node ` +
  `${loadStart.map((v) => v.toFixed(2)).join(' ')} → ${loadEnd.map((v) => v.toFixed(2)).join(' ')}`;
const markdown = [`# Point-index benchmark results`, '', machine, '', `Queries per row: ${args.queries}. ` +
  'Cells: median; builds also show bytes held per point; clustering rows show [clusters, points] per view.',
  table(all), args.smoke ? '' : goals(all), ''].join('\n');
fs.mkdirSync(args.out, { recursive: true });
fs.writeFileSync(path.join(args.out, 'bench-results.json'), JSON.stringify(all, null, 1) + '\n');
fs.writeFileSync(path.join(args.out, 'results.md'), markdown);
console.log(markdown);
const smoke = args.smoke ? ' (smoke run)' : '';
console.log(`bench.mjs: ${all.length} rows, ${mismatches} mismatched answers${smoke}`);
process.exit(mismatches === 0 ? 0 : 1);
