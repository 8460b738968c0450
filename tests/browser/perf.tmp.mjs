import {startServer, launchBrowser, openApp, settle} from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const t0 = Date.now();
const page = await openApp(browser, server.url + '/' + (process.argv[2] || ''), {width: 1280, height: 800}); 
console.log('ready after', Date.now() - t0, 'ms', JSON.stringify(await page.evaluate(() => performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))));
await settle(page);
// Keep the app drawing by moving the mouse; count frames over 5 s.
const start = (await page.evaluate(() => window.bokjiPage.debug())).frames;
const t1 = Date.now();
let x = 600;
while (Date.now() - t1 < 5000) { x = x === 600 ? 602 : 600; await page.mouse.move(x, 400); await page.waitForTimeout(16); }
const end = (await page.evaluate(() => window.bokjiPage.debug())).frames;
const dd = await page.evaluate(() => window.bokjiPage.debug()); console.log('startup', JSON.stringify(dd.startup_ms), 'glyphs', dd.glyphs); console.log('tri', dd.triangles, 'seg', dd.segments, 'zoom', dd.zoom);
console.log('frames in 5 s:', end - start, 'fps', ((end - start) / ((Date.now() - t1) / 1000)).toFixed(1));
await browser.close(); await server.close();
