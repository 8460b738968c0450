// Where our app's frame time goes while panning (bench/README.md, "Browser benchmark"): opens our page in
// the benchmark's Chromium (headless, --disable-gpu: SwiftShader), pans as measure.mjs does, and reports
//   - the rAF frame intervals at two canvas sizes (1280×800 and 640×400): if they shrink with the pixel
//     count, the frame is bound by SwiftShader's rasterising, not by the app's code;
//   - the floor: a bare WebGL2 canvas of the same size that clears and draws two full-screen quads per frame;
//   - a CPU profile of the page's main thread during the pan (CDP Profiler, 0.5 ms samples): busy time
//     per frame and the functions with the most self time. Wasm functions have names only in a build
//     linked with --profiling-funcs (scripts/bench-browser.sh --profile makes one).
//
//   node bench/browser/profile.mjs --site DIR --data DIR [--count 100000] [--pan-seconds 3]
import path from 'node:path';
import {pathToFileURL} from 'node:url';

import {dragCircle, frameStats, measureVsync, openPage, ours, sleep, startBench} from './measure.mjs';

function parse(argv) {
  const o = {count: 100000, panSeconds: 3};
  for (let i = 2; i < argv.length; i += 2) {
    if (argv[i] === '--site') o.site = path.resolve(argv[i + 1]);
    else if (argv[i] === '--data') o.data = path.resolve(argv[i + 1]);
    else if (argv[i] === '--count') o.count = Number(argv[i + 1]);
    else if (argv[i] === '--pan-seconds') o.panSeconds = Number(argv[i + 1]);
    else throw new Error('usage: node profile.mjs --site DIR --data DIR [--count N] [--pan-seconds S]');
  }
  if (!o.site || !o.data) throw new Error('--site and --data are required');
  return o;
}

// Self time per function over a CDP profile: [{name, ms}] largest first, and the total sampled time.
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; ++i) {
    const node = byId.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = node.callFrame;
    const name = f.functionName || (f.url ? `(anonymous) ${path.basename(f.url)}:${f.lineNumber}` : '(root)');
    ms.set(name, (ms.get(name) || 0) + dt);
    total += dt;
  }
  return {total, list: [...ms.entries()].map(([name, t]) => ({name, ms: t})).sort((a, b) => b.ms - a.ms)};
}

async function profilePan(browser, o, base, url, size) {
  const options = {...o, ...size};
  const opened = await openPage(browser, options, base + url);
  const {page} = opened;
  await sleep(500);
  const view = await ours.view(page);
  const drawn = await page.evaluate(() => {
    const d = window.bokjiPage.debug();
    return {triangles: d.triangles, outlineVertices: d.outline_vertices};
  });
  const cdp = await opened.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', {interval: 500});
  await cdp.send('Profiler.start');
  const framesBefore = (await ours.view(page)).frames;
  const pan = await dragCircle(page, options, o.panSeconds);
  const framesAfter = (await ours.view(page)).frames;
  const {profile} = await cdp.send('Profiler.stop');
  await opened.context.close();
  return {view, drawn, stats: frameStats(pan.during, 1000 / 60), appFrames: framesAfter - framesBefore,
          self: selfTimes(profile)};
}

// rAF intervals of a bare WebGL2 canvas filling the viewport, clearing and drawing `quads` full-screen quads
// each frame for 2 s: what the browser itself costs per WebGL frame.
async function webglFloor(browser, size, quads) {
  const context = await browser.newContext({viewport: size});
  const page = await context.newPage();
  await page.setContent('<canvas id=c style="position:fixed;inset:0;width:100%;height:100%"></canvas>');
  const stamps = await page.evaluate(async (quads) => {
    const canvas = document.getElementById('c');
    canvas.width = innerWidth;
    canvas.height = innerHeight;
    const gl = canvas.getContext('webgl2', {alpha: false, antialias: false, depth: false, stencil: false});
    const shader = (type, text) => {
      const s = gl.createShader(type);
      gl.shaderSource(s, '#version 300 es\nprecision mediump float;\n' + text);
      gl.compileShader(s);
      return s;
    };
    const program = gl.createProgram();
    gl.attachShader(program, shader(gl.VERTEX_SHADER, 'in vec2 p; void main() { gl_Position = vec4(p, 0, 1); }'));
    gl.attachShader(program, shader(gl.FRAGMENT_SHADER, 'out vec4 o; void main() { o = vec4(0.5, 0.6, 0.7, 1); }'));
    gl.linkProgram(program);
    gl.useProgram(program);
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, 1, 1, -1, -1, 1, 1, -1, 1]), gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    const list = [];
    await new Promise((done) => {
      const loop = (t) => {
        list.push(t);
        gl.clearColor(list.length % 2, 0.5, 0.5, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
        for (let i = 0; i < quads; ++i) gl.drawArrays(gl.TRIANGLES, 0, 6);
        if (t - list[0] < 2000) requestAnimationFrame(loop); else done();
      };
      requestAnimationFrame(loop);
    });
    return list;
  }, quads);
  await context.close();
  return frameStats(stamps, 1000 / 60);
}

async function main() {
  const o = parse(process.argv);
  const {browser, base, close} = await startBench(o);
  try {
    console.log(`idle frame interval ${(await measureVsync(browser, {width: 1280, height: 800})).toFixed(1)} ms`);
    for (const size of [{width: 1280, height: 800}, {width: 640, height: 400}]) {
      const s = await webglFloor(browser, size, 2);
      console.log(`bare WebGL2 canvas ${size.width}×${size.height}, clear + 2 full-screen quads a frame: rAF frame ` +
                  `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, ${s.fps.toFixed(1)} fps`);
    }
    for (const [label, url] of [['real sample', '/app/index.html'],
                                [`synthetic (${o.count})`, `/app/index.html?bundle=/data/synthetic-${o.count}.bundle`]]) {
      for (const size of [{width: 1280, height: 800}, {width: 640, height: 400}]) {
        const r = await profilePan(browser, o, base, url, size);
        const s = r.stats;
        const idle = r.self.list.filter((e) => e.name === '(idle)').reduce((a, e) => a + e.ms, 0);
        console.log(`\n## ours, ${label}, ${size.width}×${size.height}, province view z${r.view.zoom.toFixed(1)} ` +
                    `(${r.view.markers} markers/clusters; basemap ${r.drawn.triangles} fill triangles, ` +
                    `${r.drawn.outlineVertices} outline vertices)`);
        console.log(`rAF frame median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, ${s.fps.toFixed(1)} fps; ` +
                    `app frames ${r.appFrames}; main thread busy ${(r.self.total - idle).toFixed(0)} of ` +
                    `${r.self.total.toFixed(0)} ms sampled = ${((r.self.total - idle) / Math.max(1, r.appFrames)).toFixed(1)} ms per app frame`);
        console.log('self time (ms): ' + r.self.list.slice(0, 14).map((e) => `${e.name} ${e.ms.toFixed(0)}`).join('; '));
      }
    }
  } finally {
    await close();
  }
}

export {webglFloor};

// Run, not imported (bench/browser/pan_parts.mjs imports webglFloor).
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}
