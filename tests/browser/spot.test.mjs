// Several facilities at one spot (clinics in one building: the hospital file gives them one coordinate;
// the import report's `shared_coordinate`): a tap there lists them all, and each one can be picked.
// Expected names come from the source files in ../shared/data (rows of the hospital and pharmacy files
// at that coordinate).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';

import {openApp, screenshot, settle, useServerAndBrowser} from './harness.mjs';
import {dataDir, parseCsv, project} from './reference.mjs';

const shared = useServerAndBrowser();
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// {name, x, y} per row of a HIRA file (x: longitude, y: latitude).
function hiraRows(file, xColumn, yColumn) {
  const text = fs.readFileSync(path.join(dataDir, 'facilities/hira', file), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(text);
  const at = (name) => header.indexOf(name);
  return rows.filter((r) => r.length > at(yColumn) && r[at(xColumn)] && r[at(yColumn)])
      .map((r) => ({name: r[at('요양기관명')].trim(), x: r[at(xColumn)].trim(), y: r[at(yColumn)].trim()}));
}

test('clinics at one coordinate: a tap lists each of them, and each one opens its own card', async () => {
  const rows = [...hiraRows('전라북도_병원정보.csv', '좌표(X)', '좌표(Y)'),
                ...hiraRows('전라북도_약국정보.csv', 'X좌표', 'Y좌표')];
  const byPoint = new Map();
  for (const r of rows) {
    const key = `${Number(r.x).toFixed(6)},${Number(r.y).toFixed(6)}`;
    if (!byPoint.has(key)) byPoint.set(key, []);
    byPoint.get(key).push(r);
  }
  // A building in 전주 with three or four of them (a short list, all in the province).
  const [key, here] = [...byPoint].find(([k, list]) => {
    const [x, y] = k.split(',').map(Number);
    return list.length >= 3 && list.length <= 4 && x > 127.05 && x < 127.2 && y > 35.78 && y < 35.88;
  });
  const [lng, lat] = key.split(',').map(Number);
  const expected = here.map((r) => r.name).sort();

  const page = await openApp(shared.browser, `${shared.server.url}/?map=18/${lat}/${lng}`);
  let view = await settle(page);
  for (let i = 0; i < expected.length; ++i) {
    const p = project(view, lat, lng);
    await page.mouse.click(p.x, p.y);
    view = await settle(page);
    assert.equal(view.chooser, expected.length, `a list of the ${expected.length} at ${key}`);
    assert.deepEqual([...view.chooser_names].sort(), expected);
    if (i === 0) await screenshot(page, 'spot-list-desktop');
    const name = view.chooser_names[i];
    await page.mouse.click(...center(view.buttons[`spot_${i}`]));
    view = await settle(page);
    assert.ok(view.selected >= 0, 'a facility card');
    assert.equal(view.selected_name, name);
    await page.mouse.click(...center(view.buttons.card_close));
    view = await settle(page);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
