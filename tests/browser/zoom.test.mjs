// Zoom and the page's text field (issue 11): the search box is drawn by the app, and an invisible <input>
// (web/bridge.js) lies over it to take typing, IME and the phone's keyboard. Under browser zoom (a larger
// device pixel ratio) and under CSS zoom on the document (a page that zooms itself) it must stay exactly
// over the drawn box: a field that grew with the zoom covered the buttons beside it and swallowed their
// clicks.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp, settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

async function fieldRect(page) {
  return page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  });
}

for (const [label, options, cssZoom] of [
  ['browser zoom 200 % (640×400 at 2×)', {width: 640, height: 400, scale: 2}, null],
  ['CSS zoom 2 on the document', {width: 1280, height: 800}, '2'],
  ['CSS zoom 1.5 on the document', {width: 1280, height: 800}, '1.5'],
]) {
  test(`zoom: the text field stays over the search box and covers no button — ${label}`, async () => {
    const page = await openApp(shared.browser, shared.server.url + '/', options);
    const before = await fieldRect(page);
    if (cssZoom) {
      await page.evaluate((z) => { document.documentElement.style.zoom = z; }, cssZoom);
      await page.waitForFunction((b) => {
        const r = document.getElementById('bokji-text-field').getBoundingClientRect();
        return Math.abs(r.right - b[2]) < 2 && Math.abs(r.bottom - b[3]) < 2;
      }, before, {timeout: 10000}).catch(() => {});
    }
    const view = await settle(page);
    const field = await fieldRect(page);
    assert.ok(field[2] - field[0] > 40 && field[3] - field[1] > 20, 'the field is shown: ' + field);
    for (const [name, r] of Object.entries(view.buttons)) {
      const overlaps = !(r[2] <= field[0] + 1 || r[0] >= field[2] - 1 || r[3] <= field[1] + 1 || r[1] >= field[3] - 1);
      assert.ok(!overlaps, `the field ${field.map(Math.round)} covers ${name} ${r.map(Math.round)}`);
    }
    // A click on a button beside the box reaches the app, not the field.
    const programs = view.buttons.programs;
    assert.ok(programs, 'the programs button');
    await page.mouse.click(...center(programs));
    const after = await settle(page);
    assert.equal(after.programs_view.open, true, 'the programs view opened');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
