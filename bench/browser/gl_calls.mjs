// Counts the WebGL calls our page makes per app frame while panning (bench/README.md, "Pan frames"): wraps
// every WebGL2RenderingContext method before the page loads, pans as measure.mjs does for --pan-seconds at the
// province view, and prints the calls per app frame by name, largest first, with renderSkip 0 (pan frames) and
// 8 (every frame in full).
//
//   node bench/browser/gl_calls.mjs --site DIR --data DIR [--pan-seconds 2]
import path from 'node:path';

import {dragCircle, sleep, startBench} from './measure.mjs';

const o = {panSeconds: 2, width: 1280, height: 800};
for (let i = 2; i < process.argv.length; i += 2) {
  if (process.argv[i] === '--site') o.site = path.resolve(process.argv[i + 1]);
  else if (process.argv[i] === '--data') o.data = path.resolve(process.argv[i + 1]);
  else if (process.argv[i] === '--pan-seconds') o.panSeconds = Number(process.argv[i + 1]);
  else throw new Error('usage: see the top of bench/browser/gl_calls.mjs');
}

function countCalls() {
  window.__gl = {};
  const proto = WebGL2RenderingContext.prototype;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof d.value !== 'function' || name === 'constructor') continue;
    const f = d.value;
    proto[name] = function (...args) {
      window.__gl[name] = (window.__gl[name] || 0) + 1;
      return f.apply(this, args);
    };
  }
}

const {browser, base, close} = await startBench(o);
try {
  for (const flags of [0, 8]) {
    const context = await browser.newContext({viewport: {width: o.width, height: o.height}});
    await context.addInitScript(countCalls);
    const page = await context.newPage();
    await page.goto(`${base}/app/index.html`);
    await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state === 'ready', null, {timeout: 120000});
    await sleep(1000);
    await page.evaluate((f) => window.bokjiPage.renderSkip(f), flags);
    await sleep(300);
    const before = await page.evaluate(() => ({gl: {...window.__gl}, d: window.bokjiPage.debug()}));
    // The drag alone, without the second after the release.
    const cx = o.width / 2, cy = o.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const start = Date.now();
    while (Date.now() - start < o.panSeconds * 1000) {
      const a = (2 * Math.PI * (Date.now() - start)) / 1500;
      await page.mouse.move(cx + 150 * Math.sin(a), cy - 150 * (1 - Math.cos(a)));
      await sleep(8);
    }
    const after = await page.evaluate(() => ({gl: {...window.__gl}, d: window.bokjiPage.debug()}));
    await page.mouse.up();
    const frames = after.d.frames - before.d.frames;
    const pan = after.d.pan_frames.frames - before.d.pan_frames.frames;
    const calls = Object.entries(after.gl).map(([n, c]) => [n, (c - (before.gl[n] || 0)) / frames])
        .filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1]);
    const total = calls.reduce((a, [, c]) => a + c, 0);
    console.log(`renderSkip ${flags}: ${frames} app frames (${pan} pan frames, map texture renders ` +
                `${after.d.pan_frames.map_renders - before.d.pan_frames.map_renders}, panel texture renders ` +
                `${after.d.pan_frames.ui_renders - before.d.pan_frames.ui_renders}); WebGL calls per app frame ` +
                `${total.toFixed(1)}: ` + calls.slice(0, 16).map(([n, c]) => `${n} ${c.toFixed(1)}`).join(', '));
    await context.close();
  }
} finally {
  await close();
}
