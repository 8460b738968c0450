import {launchBrowser} from './harness.mjs';
const browser = await launchBrowser();
const page = await browser.newPage();
await page.setContent('<canvas id=c></canvas>');
console.log(await page.evaluate(() => {
  const out = [];
  let t = performance.now();
  const gl = document.getElementById('c').getContext('webgl2', {alpha: false, antialias: false});
  out.push(['getContext', Math.round(performance.now() - t)]);
  t = performance.now();
  const ext = gl.getSupportedExtensions();
  out.push(['getSupportedExtensions', Math.round(performance.now() - t), ext.length]);
  for (const e of ext) { t = performance.now(); gl.getExtension(e); const d = performance.now() - t; if (d > 20) out.push([e, Math.round(d)]); }
  t = performance.now(); gl.getParameter(gl.MAX_TEXTURE_SIZE); out.push(['getParameter', Math.round(performance.now() - t)]);
  return JSON.stringify(out);
}));
await browser.close();
