import {startServer, launchBrowser, openApp, appState, settle} from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const page = await openApp(browser, server.url + '/', {width: 1280, height: 800});
let v = await settle(page);
const h = v.canvas.css_height;
const panel = v.overlays.filter((r) => r[1] > h / 2 && r[0] > v.canvas.css_width / 2).find((r) => r[3] - r[1] > 60);
console.log('panel', panel, 'zoom', v.zoom);
const x = (panel[0] + panel[2]) / 2;
const t0 = Date.now();
await page.mouse.click(x, panel[1] + (panel[3] - panel[1]) * 0.27);
for (let i = 0; i < 15; ++i) {
  const s = await page.evaluate(() => window.bokjiPage.debug());
  console.log(Date.now() - t0, s.frames, s.zoom);
  await page.waitForTimeout(100);
}
await browser.close(); await server.close();
