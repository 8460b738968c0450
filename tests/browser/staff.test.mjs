// The staff inbox (/staff) served by bokji-server: a worker signs in through the real login form, sees a
// neighbour's request made through the API on the map and in the list, changes its status, and the
// citizen's receipt code shows the new status; a worker of another 읍면동 does not see it.
// The request is invented ("가상") and so are the workers.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, test} from 'node:test';

import {launchBrowser, screenshot, siteDir, startBokjiServer} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverBinary = process.env.BOKJI_SERVER_BINARY || path.resolve(here, '../../build/native/server/bokji-server');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bokji-staff-test-'));
const flags = ['--site-dir', siteDir, '--data-dir', path.join(work, 'db'), '--key-file', path.join(work, 'key'),
               '--port', '0', '--password-opslimit', '1', '--password-memlimit', '8192'];
let server, base, browser;

function cli(args, input) {
  const r = spawnSync(serverBinary, [...args, ...flags], {input, encoding: 'utf8'});
  assert.equal(r.status, 0, r.stderr);
}

before(async () => {
  const made = spawnSync(serverBinary, ['make-key', path.join(work, 'key')], {encoding: 'utf8'});
  assert.equal(made.status, 0, made.stderr);
  cli(['create-account', '--username', 'dongseo', '--display-name', '가상 담당자 (동서학동)', '--level', 'emd',
       '--region', '3501160'], 'staff-test-password-1\n');
  cli(['create-account', '--username', 'seoseo', '--display-name', '가상 담당자 (서서학동)', '--level', 'emd',
       '--region', '3501161'], 'staff-test-password-2\n');
  ({server, base} = await startBokjiServer(serverBinary, flags));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
});

async function signIn(page, username, password) {
  await page.goto(base + '/staff');
  const user = page.locator('#username');
  await user.waitFor();
  assert.equal(await user.getAttribute('autocomplete'), 'username');
  assert.equal(await page.locator('#password').getAttribute('autocomplete'), 'current-password');
  assert.equal(await page.locator('#password').getAttribute('type'), 'password');
  await user.fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#login-button').click();
  await page.locator('#inbox-view').waitFor();
}

test('a worker sees a neighbour report on the map and in the list, changes its status; the code shows it; another 읍면동 does not see it', async () => {
  // The citizen's side, through the API (the app's form comes later): a neighbour report at a point.
  const sent = await fetch(base + '/open311/v2/requests.json', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': 'browser-test-0001'},
    body: JSON.stringify({
      service_code: 'crisis_help', for_whom: 'other', situations: ['isolation', 'health'],
      description: '(가상 인물) 옆집 어르신이 사흘째 보이지 않습니다.', lat: 35.7928, long: 127.185,
      address_string: '가상아파트 앞', consent: {agreed: true, version: 'help-2026-11-r90'},
    }),
  });
  assert.equal(sent.status, 201);
  const [receipt] = await sent.json();
  const id = receipt.service_request_id;
  assert.equal(receipt.routed_to.emd_code, 3501160);

  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  const page = await context.newPage();
  await signIn(page, 'dongseo', 'staff-test-password-1');
  const row = page.locator(`#request-list button[data-id="${id}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /고립·고독/);
  const dot = page.locator(`#map circle[data-id="${id}"]`);
  await dot.waitFor();
  await dot.click();
  await page.locator('#detail-title').filter({hasText: `#${id}`}).waitFor();
  assert.match(await page.locator('#detail-fields').textContent(), /사흘째 보이지 않습니다/);
  await screenshot(page, 'staff-desktop-detail');
  await page.locator('#note-text').fill('(가상) 방문 일정 잡음');
  await page.locator('#status-actions button[data-status="assigned"]').click();
  await page.locator('#detail-title').filter({hasText: '담당자 배정'}).waitFor();
  assert.match(await page.locator('#notes').textContent(), /방문 일정 잡음/);

  // The citizen's receipt code shows the new status (the code travels in a header, never in the URL).
  const status = await fetch(`${base}/open311/v2/requests/${id}.json`, {headers: {'X-Receipt-Code': receipt.receipt_code}});
  const [view] = await status.json();
  assert.equal(view.bokji_status, 'assigned');
  assert.equal(view.bokji_status_ko, '담당자 배정');

  await page.setViewportSize({width: 390, height: 844});
  await screenshot(page, 'staff-phone');
  await context.close();

  // A worker of the neighbouring 읍면동 sees neither the row nor the dot.
  const other = await browser.newContext({viewport: {width: 1280, height: 800}});
  const otherPage = await other.newPage();
  await signIn(otherPage, 'seoseo', 'staff-test-password-2');
  await otherPage.locator('#list-summary').filter({hasText: '모두 0건'}).waitFor();
  assert.equal(await otherPage.locator(`#request-list button[data-id="${id}"]`).count(), 0);
  assert.equal(await otherPage.locator('#map circle').count(), 0);
  const direct = await otherPage.evaluate(async (rid) => (await fetch('/staff/api/requests/' + rid)).status, id);
  assert.equal(direct, 404);
  await screenshot(otherPage, 'staff-other-emd');
  await other.close();
});

test('a wrong password keeps the form and says so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/staff');
  await page.locator('#username').fill('dongseo');
  await page.locator('#password').fill('not the password');
  await page.locator('#login-button').click();
  await page.locator('#login-error').filter({hasText: '맞지 않습니다'}).waitFor();
  assert.equal(await page.locator('#inbox-view').isHidden(), true);
  await context.close();
});
