import {startServer, launchBrowser} from './harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url + '/');
await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state !== 'loading', null, {timeout: 60000});
console.log(JSON.stringify(await page.evaluate(() => performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))));
await browser.close(); await server.close();
