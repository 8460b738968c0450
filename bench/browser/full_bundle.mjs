// The app with the full sample bundle (about 11,000 facilities: 4,009 with coordinates, 6,912 placed by
// address): how long one frame's own work takes (App::Frame on the main thread: input, the derived
// caches — clusters, results list, area counts, search — the panels and the GL calls issued, without the
// browser's compositing) when a person changes something. Prints, per action, the median over repetitions
// of the slowest frame that followed it, and the load average, so a figure can be read against a frame
// (16.7 ms). Not a test: nothing passes or fails here (tests/browser/approximate.test.mjs checks the
// behaviour).
//
//   node bench/browser/full_bundle.mjs [--site build/site] [--reps 3]
//
// Chromium runs headless with SwiftShader (software WebGL): GL calls cost more than on a phone's GPU.
import os from 'node:os';

import {launchBrowser, openApp, settle, startServer} from '../../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const reps = Number(option('--reps', 3));
if (argv.includes('--site')) process.env.BOKJI_SITE_DIR = option('--site');

const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The slowest frame drawn after frame `from` (App's last 32 frames), once the app has settled.
async function slowestSince(page, from) {
  const view = await settle(page);
  const frames = view.frame_work_ms.filter(([frame]) => frame >= from);
  return {ms: Math.max(0, ...frames.map(([, ms]) => ms)), frames: frames.length, view};
}

async function measure(page, action) {
  const from = (await page.evaluate(() => window.bokjiPage.debug())).frames;
  await action();
  return slowestSince(page, from);
}

const server = await startServer();
const browser = await launchBrowser();
const results = {};
const note = (name, ms) => (results[name] ||= []).push(ms);
try {
  for (let rep = 0; rep < reps; ++rep) {
    const page = await openApp(browser, server.url + '/', {width: 1280, height: 800});
    let view = await settle(page);
    note('start-up: catalog build (ms, not a frame)', view.startup_ms.catalog);
    note('first frames: slowest of the start', Math.max(...view.frame_work_ms.map(([, ms]) => ms)));
    // The anchor: a frame where nothing changes but the pointer (the same run, the same load).
    let r = await measure(page, () => page.mouse.move(900, 500));
    note('anchor: pointer moved over the map', r.ms);
    // Clustering: one zoom step in and out at the province (every cluster recomputed).
    for (const label of ['clusters: zoom in a step', 'clusters: zoom out a step']) {
      const button = label.endsWith('in a step') ? view.buttons.zoom_in : view.buttons.zoom_out;
      r = await measure(page, () => page.mouse.click(...center(button)));
      note(label, r.ms);
      view = r.view;
    }
    // The legend is closed at the start: opened (not measured).
    await page.mouse.click(...center(view.buttons.legend));
    view = await settle(page);
    // The legend: the 노인 group off and on (6,880 경로당 counts and the clusters change).
    for (const label of ['legend: a group off', 'legend: a group on']) {
      const r = await measure(page, () => page.mouse.click(...center(view.buttons.legend_group_1)));
      note(label, r.ms);
      view = r.view;
    }
    // A count tapped: the area filter, the list of its facilities placed by address, the camera.
    const badge = view.area_badges.find((b) => b.name === '김제시') || view.area_badges[0];
    r = await measure(page, () => page.mouse.click(...center(badge.box)));
    note('a count tapped (area filter + list)', r.ms);
    // Panning at the province and at 읍면동 zoom: the slowest frame of a drag.
    await page.evaluate(() => { window.bokjiPage.reset(); });
    await settle(page);
    for (const [label, zoom] of [['panning, province (zoom 8)', 8], ['panning, 읍면동 zoom 12 in 전주', 12]]) {
      await page.evaluate((q) => window.bokjiPage.restore(q), `map=${zoom}/35.82/127.12`);
      await settle(page);
      r = await measure(page, async () => {
        await page.mouse.move(700, 400);
        await page.mouse.down();
        for (let i = 1; i <= 20; ++i) await page.mouse.move(700 + i * 12, 400 + i * 6);
        await page.mouse.up();
      });
      note(label, r.ms);
    }
    // Search: typing a common word (every facility and program name searched).
    r = await measure(page, async () => {
      const box = await page.evaluate(() => {
        const e = document.getElementById('bokji-text-field').getBoundingClientRect();
        return [e.x + 20, e.y + e.height / 2];
      });
      await page.mouse.click(...box);
      await page.keyboard.insertText('의원');
    });
    note('search "의원" typed', r.ms);
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`full sample bundle, ${reps} repetitions, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const anchor = median(results['anchor: pointer moved over the map']);
console.log('| action | slowest frame after it, median (ms) | ÷ anchor | all runs (ms) |');
console.log('|---|---:|---:|---|');
for (const [name, xs] of Object.entries(results))
  console.log(`| ${name} | ${median(xs).toFixed(1)} | ${(median(xs) / anchor).toFixed(1)} | ${xs.map((x) => x.toFixed(1)).join(', ')} |`);
