// Where a pan frame's time goes (bench/README.md, "Pan frames"): opens our page in the benchmark's Chromium
// (headless, SwiftShader), pans as measure.mjs does (a 150-px circle, a move every 8 ms) at the province view,
// once per setting of the app's render switches (index.html bokjiPage.renderSkip, web/app.h RenderParts):
// everything, without pan frames (every frame drawn in full, as before), and in full with the basemap, the map
// layer (markers, clusters, labels) or the panels left out, all in one run so the ratios share the load.
// Prints the rAF frame median / p95, the app frames drawn, how often each texture was rendered, and the ImGui
// draw lists and commands of a frame at rest.
//
//   node bench/browser/pan_parts.mjs --site DIR --data DIR [--count 100000] [--pan-seconds 3] [--reps 1]
//     [--width 1280 --height 800]
import path from 'node:path';

import {dragCircle, frameStats, measureVsync, openPage, ours, sleep, startBench} from './measure.mjs';
import {webglFloor} from './profile.mjs';

const kSkipBasemap = 1;
const kSkipMapLayer = 2;
const kSkipPanels = 4;
const kNoPanFrames = 8;

const kSettings = [
  ['pan frames (map and panel textures)', 0],
  ['every frame in full (no pan frames)', kNoPanFrames],
  ['in full, without the basemap', kNoPanFrames | kSkipBasemap],
  ['in full, without the map layer', kNoPanFrames | kSkipMapLayer],
  ['in full, without the panels', kNoPanFrames | kSkipPanels],
  ['in full, basemap alone', kNoPanFrames | kSkipMapLayer | kSkipPanels],
];

function parse(argv) {
  const o = {count: 100000, panSeconds: 3, reps: 1, width: 1280, height: 800};
  const numeric = {'--count': 'count', '--pan-seconds': 'panSeconds', '--reps': 'reps', '--width': 'width',
                   '--height': 'height'};
  for (let i = 2; i < argv.length; i += 2) {
    if (argv[i] === '--site') o.site = path.resolve(argv[i + 1]);
    else if (argv[i] === '--data') o.data = path.resolve(argv[i + 1]);
    else if (numeric[argv[i]]) o[numeric[argv[i]]] = Number(argv[i + 1]);
    else throw new Error('usage: see the top of bench/browser/pan_parts.mjs');
  }
  if (!o.site || !o.data) throw new Error('--site and --data are required');
  return o;
}

async function panOnce(browser, o, url, flags) {
  const opened = await openPage(browser, o, url);
  const {page} = opened;
  await sleep(500);
  await page.evaluate((f) => window.bokjiPage.renderSkip(f), flags);
  await sleep(300);
  const atRest = await page.evaluate(() => window.bokjiPage.debug());
  const view = await ours.view(page);
  const pan = await dragCircle(page, o, o.panSeconds);
  const after = await page.evaluate(() => window.bokjiPage.debug());
  await opened.context.close();
  return {
    view, stats: frameStats(pan.during, 1000 / 60), appFrames: after.frames - atRest.frames,
    panFrames: after.pan_frames.frames - atRest.pan_frames.frames,
    mapRenders: after.pan_frames.map_renders - atRest.pan_frames.map_renders,
    uiRenders: after.pan_frames.ui_renders - atRest.pan_frames.ui_renders,
    restLists: atRest.pan_frames.draw_lists, restCommands: atRest.pan_frames.draw_commands,
    // The app's own main-thread work per frame (input, panels, GL calls issued), the last 32 frames.
    work: median(after.frame_work_ms.filter(([frame]) => frame >= atRest.frames).map(([, ms]) => ms)),
  };
}

const median = (xs) => xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main() {
  const o = parse(process.argv);
  const {browser, base, close} = await startBench(o);
  try {
    console.log(`idle frame interval ${(await measureVsync(browser, o)).toFixed(1)} ms; ${o.width}×${o.height}; ` +
                `load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    const floor = await webglFloor(browser, {width: o.width, height: o.height}, 2);
    console.log(`bare WebGL2 canvas, clear + 2 full-screen quads a frame: rAF frame median ${floor.median.toFixed(1)} ` +
                `ms, p95 ${floor.p95.toFixed(1)} ms`);
    for (const [label, url] of [['real sample', '/app/index.html'],
                                [`synthetic (${o.count})`, `/app/index.html?bundle=/data/synthetic-${o.count}.bundle`]]) {
      console.log(`\n## ours, ${label}, province view`);
      for (const [name, flags] of kSettings) {
        const runs = [];
        for (let r = 0; r < o.reps; ++r) runs.push(await panOnce(browser, o, base + url, flags));
        const r = runs[0];
        console.log(`${name} (renderSkip ${flags}): rAF frame median ` +
                    `${median(runs.map((x) => x.stats.median)).toFixed(1)} ms, p95 ` +
                    `${median(runs.map((x) => x.stats.p95)).toFixed(1)} ms, ` +
                    `${median(runs.map((x) => x.stats.fps)).toFixed(1)} fps; app frames ${r.appFrames}, pan frames ` +
                    `${r.panFrames}, map texture renders ${r.mapRenders}, panel texture renders ${r.uiRenders}; app work ` +
                    `${median(runs.map((x) => x.work)).toFixed(1)} ms a frame (median); ` +
                    `z${r.view.zoom.toFixed(1)}, ${r.view.markers} markers/clusters; at rest ${r.restLists} ImGui ` +
                    `draw lists, ${r.restCommands} draw commands`);
      }
    }
    console.log(`\nload average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
