// The citizen's side of 위기가구 도움 요청 and "정보가 틀렸어요" (web/help_form.js) against bokji-server:
//   - a neighbour report from a point tapped on the map gets a receipt code (a retry after a lost answer
//     gets the first answer back); the worker of that 읍면동 sees it in /staff and changes its status; the
//     citizen's "확인" shows the new status; a worker of another 읍면동 does not see it; nothing personal is
//     left in the URL, web storage, cookies, the console or the DOM;
//   - a failure (server 5xx, a 4xx naming a field, offline) keeps the form filled, says what went wrong and
//     offers 129;
//   - bokjiPage.reset() (a kiosk's idle reset) leaves no typed text anywhere in the DOM and ends "tap the map";
//   - a facility card's "정보가 틀렸어요" reaches the staff of its 시군구.
// Every person, request and account here is invented ("가상").
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, test} from 'node:test';

import {artifactsDir, launchBrowser, openApp, settle, siteDir, startBokjiServer} from './harness.mjs';
import {boundaryFeatures, insideRings, project, underOverlay} from './reference.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverBinary = process.env.BOKJI_SERVER_BINARY || path.resolve(here, '../../build/native/server/bokji-server');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bokji-help-test-'));
const flags = ['--site-dir', siteDir, '--data-dir', path.join(work, 'db'), '--key-file', path.join(work, 'key'),
               '--port', '0', '--password-opslimit', '1', '--password-memlimit', '8192'];
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// The tapped point: a street in 전주시 완산구. Its 읍면동 and a neighbouring one of the same 시군구 come from
// the boundary file itself (not from the server's routing).
const kPoint = {lat: 35.7928, lng: 127.185};
const emds = boundaryFeatures('submunicipalities');
const home = emds.find((f) => insideRings(f.rings, kPoint.lat, kPoint.lng));
const neighbour = emds.find((f) => f !== home && Math.floor(f.code / 100) === Math.floor(home.code / 100));

// Invented people and their words.
const kStory = '(가상 인물) 옆집 어르신이 사흘째 보이지 않습니다.';
const kPlaceWords = '가상아파트 101동 앞';

let server, base, browser;

function cli(args, input) {
  const r = spawnSync(serverBinary, [...args, ...flags], {input, encoding: 'utf8'});
  assert.equal(r.status, 0, r.stderr);
}

before(async () => {
  assert.ok(home && neighbour, 'the boundary file places the test point');
  const made = spawnSync(serverBinary, ['make-key', path.join(work, 'key')], {encoding: 'utf8'});
  assert.equal(made.status, 0, made.stderr);
  cli(['create-account', '--username', 'here', '--display-name', `가상 담당자 (${home.name})`, '--level', 'emd',
       '--region', String(home.code)], 'help-test-password-1\n');
  cli(['create-account', '--username', 'next', '--display-name', `가상 담당자 (${neighbour.name})`, '--level', 'emd',
       '--region', String(neighbour.code)], 'help-test-password-2\n');
  cli(['create-account', '--username', 'province', '--display-name', '가상 담당자 (도)', '--level', 'province',
       '--region', '35'], 'help-test-password-3\n');
  ({server, base} = await startBokjiServer(serverBinary, flags));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  fs.rmSync(work, {recursive: true, force: true});
});

// Screenshots go beside the other tests' (artifacts) and, when BOKJI_SHOTS_DIR is set, there too.
async function shot(page, name) {
  fs.mkdirSync(artifactsDir, {recursive: true});
  const png = await page.screenshot({path: path.join(artifactsDir, name + '.png'), fullPage: false});
  if (process.env.BOKJI_SHOTS_DIR) {
    fs.mkdirSync(process.env.BOKJI_SHOTS_DIR, {recursive: true});
    fs.writeFileSync(path.join(process.env.BOKJI_SHOTS_DIR, name + '.png'), png);
  }
}

// Every console message of the page, to check that nothing personal is ever written there.
function recordConsole(page) {
  const lines = [];
  page.on('console', (m) => lines.push(m.text()));
  return lines;
}

async function openHelpForm(page) {
  const view = await settle(page);
  assert.ok(view.buttons.help_request, '"도움 요청" is in the header');
  await page.mouse.click(...center(view.buttons.help_request));
  await page.locator('#bokji-help').waitFor({state: 'visible'});
  // The call buttons come first, before any question.
  for (const number of ['112', '119', '129', '109']) {
    assert.equal(await page.locator(`#bokji-help .bh-emergency a[href="tel:${number}"]`).count(), 1, number);
  }
  await page.locator('#bokji-help .bh-consent-text').filter({hasText: '제15조'}).waitFor();
}

// The DOM holds none of `texts`: not in any input's value, not in the text, not in attributes.
async function domHoldsNone(page, texts) {
  const found = await page.evaluate((needles) => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((e) => e.value);
    const haystack = [document.documentElement.outerHTML, document.body.innerText, ...values].join('\n');
    return needles.filter((n) => haystack.includes(n));
  }, texts);
  assert.deepEqual(found, []);
}

const debugState = (page) => page.evaluate(() => window.bokjiPage.debug());

async function signIn(page, username, password) {
  await page.goto(base + '/staff');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#login-button').click();
  await page.locator('#inbox-view').waitFor();
}

test('a neighbour report from a tapped point: code, the 읍면동 worker changes its status, the code shows it, another 읍면동 sees nothing', async () => {
  const page = await openApp(browser, `${base}/?map=15/${kPoint.lat}/${kPoint.lng}`);
  const consoleLines = recordConsole(page);
  await openHelpForm(page);
  await shot(page, 'help-form-desktop');

  await page.getByLabel('다른 사람(이웃)을 위해').check();
  await page.getByLabel('혼자 지냄 · 외로움 (고립·고독)').check();
  await page.getByLabel('질병 · 장애').check();
  await page.getByLabel('하고 싶은 말 (선택)').fill(kStory);
  await page.getByLabel('지도에서 고르기').check();
  await page.getByRole('button', {name: '지도에서 누르기'}).click();

  // The form steps aside; the app hands the next tap to the form, not to its own place or the URL.
  await page.locator('#bokji-help-pick').waitFor({state: 'visible'});
  assert.equal(await page.locator('#bokji-help').isHidden(), true);
  const queryBefore = new URL(page.url()).searchParams;
  // (The banner and the form cover the corner settle() moves the pointer to: read the state directly.)
  const view = await debugState(page);
  assert.equal(view.help_picking, true);
  const at = project(view, kPoint.lat, kPoint.lng);
  assert.ok(!underOverlay(view, at.x, at.y), 'the point is on the open map');
  await page.mouse.click(at.x, at.y);
  await page.locator('#bokji-help').waitFor({state: 'visible'});
  assert.match(await page.locator('#bokji-help').innerText(), /지도에서 고른 곳을 받았습니다/);
  assert.equal((await debugState(page)).help_picking, false);
  const queryAfter = new URL(page.url()).searchParams;
  assert.equal(queryAfter.get('near'), null, 'the tapped point is not the finder\'s place');
  assert.deepEqual([...queryAfter.keys()].sort(), [...queryBefore.keys()].sort());

  await page.getByLabel('자세한 곳 (선택)').fill(kPlaceWords);
  await page.getByLabel('위 내용을 읽었고 동의합니다.').check();

  // The first answer is lost on the way back (the server stored the request): the form stays filled and
  // offers 129; sending again carries the same Idempotency-Key and gets the first answer.
  let firstAnswer = null;
  const keys = [];
  await page.route('**/open311/v2/requests.json', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    const response = await route.fetch();
    firstAnswer = await response.json();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', {name: '보내기'}).click();
  const alert = page.locator('#bokji-help .bh-alert[role="alert"]');
  await alert.filter({hasText: '네트워크 문제로 보내지 못했습니다'}).waitFor();
  assert.equal(await alert.locator('a[href="tel:129"]').count(), 1, 'the failure offers 129');
  assert.equal(await page.getByLabel('하고 싶은 말 (선택)').inputValue(), kStory, 'the form stays filled');
  assert.equal(firstAnswer[0].routed_to.emd_code, home.code, 'routed to the 읍면동 the boundary file names');
  await page.unroute('**/open311/v2/requests.json');
  page.on('request', (r) => {
    if (r.url().endsWith('/open311/v2/requests.json')) keys.push(r.headers()['idempotency-key']);
  });
  await page.getByRole('button', {name: '보내기'}).click();
  await page.locator('#bokji-help .bh-receipt-code').waitFor();
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the retry carries the same Idempotency-Key');
  assert.ok(keys[0].length >= 8);
  const id = await page.locator('#bokji-help .bh-receipt-id').innerText();
  const code = await page.locator('#bokji-help .bh-receipt-code').innerText();
  assert.equal(id, firstAnswer[0].service_request_id, 'the retry got the first answer');
  assert.equal(code, firstAnswer[0].receipt_code);
  assert.match(code, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  const receiptText = await page.locator('#bokji-help').innerText();
  assert.match(receiptText, /담당 공무원이 14일 이내 연락/);
  assert.ok(receiptText.includes(home.name), 'says which 읍면동 it went to');
  await shot(page, 'help-receipt-desktop');

  // Nothing personal is kept: not in the URL, web storage, cookies, the service worker's caches or the
  // console; the form itself is gone from the DOM.
  assert.ok(!page.url().includes(code) && !page.url().includes(encodeURIComponent(kStory)));
  const kept = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    cached: 'caches' in window
        ? (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)))).flat()
        : [],
  }));
  assert.equal(kept.local, 0);
  assert.equal(kept.session, 0);
  assert.equal(kept.cookie, '');
  assert.deepEqual(kept.cached.filter((url) => url.includes('open311') || url.includes('api/')), []);
  await domHoldsNone(page, [kStory, kPlaceWords]);

  // "확인": the status by id and code.
  await page.getByRole('button', {name: '처리 상황 확인'}).click();
  const statusValue = page.locator('#bokji-help .bh-status-value');
  await statusValue.waitFor();
  assert.equal(await statusValue.innerText(), '접수');

  // The worker of that 읍면동 sees it and assigns it.
  const staff = await browser.newContext({viewport: {width: 1280, height: 800}});
  const staffPage = await staff.newPage();
  await signIn(staffPage, 'here', 'help-test-password-1');
  const row = staffPage.locator(`#request-list button[data-id="${id}"]`);
  await row.waitFor();
  await row.click();
  await staffPage.locator('#detail-title').filter({hasText: `#${id}`}).waitFor();
  const detail = await staffPage.locator('#detail-fields').innerText();
  assert.ok(detail.includes('사흘째 보이지 않습니다') && detail.includes(kPlaceWords));
  assert.equal(await staffPage.locator(`#map circle[data-id="${id}"]`).count(), 1, 'on the map too');
  await staffPage.locator('#status-actions button[data-status="assigned"]').click();
  await staffPage.locator('#detail-title').filter({hasText: '담당자 배정'}).waitFor();
  await staff.close();

  // The citizen's "확인" shows the new status.
  await page.getByRole('button', {name: '확인', exact: true}).click();
  await statusValue.filter({hasText: '담당자 배정'}).waitFor();
  await shot(page, 'help-status-desktop');

  // A worker of the neighbouring 읍면동 sees neither the row nor the dot.
  const other = await browser.newContext({viewport: {width: 1280, height: 800}});
  const otherPage = await other.newPage();
  await signIn(otherPage, 'next', 'help-test-password-2');
  await otherPage.locator('#list-summary').waitFor();
  assert.equal(await otherPage.locator(`#request-list button[data-id="${id}"]`).count(), 0);
  assert.equal(await otherPage.locator(`#map circle[data-id="${id}"]`).count(), 0);
  await other.close();

  // The code never went into a URL or the console; closing forgets it.
  assert.deepEqual(consoleLines.filter((l) => l.includes(code) || l.includes(kStory) || l.includes(kPlaceWords)), []);
  await page.locator('#bokji-help').getByRole('button', {name: '닫기'}).first().click();
  assert.equal(await page.locator('#bokji-help').isHidden(), true);
  await domHoldsNone(page, [code]);
  // The one console error is the browser's own line about the answer cut on purpose above.
  assert.deepEqual(page.problems.filter((p) => !p.includes('ERR_CONNECTION_RESET')), []);
  await page.context().close();
});

test('failures keep the form filled, say what went wrong and offer 129: server error, a field the server refuses, offline', async () => {
  const page = await openApp(browser, `${base}/`, {width: 390, height: 844});
  await settle(page);
  await shot(page, 'help-button-phone');
  await openHelpForm(page);
  await shot(page, 'help-form-phone');
  await page.getByLabel('나를 위해').check();
  await page.getByLabel('생계가 어려움 · 실직 · 폐업').check();
  await page.getByLabel('시군구 · 읍면동 고르기').check();
  await page.getByLabel('시군구', {exact: true}).selectOption(String(Math.floor(home.code / 100)));
  await page.getByLabel('읍면동', {exact: true}).selectOption(String(home.code));
  await page.getByLabel('하고 싶은 말 (선택)').fill(kStory);
  await page.getByLabel('이름 (선택)').fill('가상 홍길동');
  await page.getByLabel('전화번호 (꼭 적어 주세요)').fill('12');  // too short: the server refuses it
  await page.getByLabel('위 내용을 읽었고 동의합니다.').check();
  const alert = page.locator('#bokji-help .bh-alert[role="alert"]');
  const filled = async () => {
    assert.equal(await page.getByLabel('하고 싶은 말 (선택)').inputValue(), kStory);
    assert.equal(await page.getByLabel('이름 (선택)').inputValue(), '가상 홍길동');
    assert.equal(await page.getByLabel('위 내용을 읽었고 동의합니다.').isChecked(), true);
  };

  // A 4xx naming a field: the server's reason beside that field.
  await page.getByRole('button', {name: '보내기'}).click();
  await alert.filter({hasText: '고칠 곳이 있습니다'}).waitFor();
  const phoneError = page.locator('#bokji-help .bh-field:has(input[type="tel"]) .bh-error').first();
  await phoneError.filter({hasText: '전화번호'}).waitFor();
  assert.equal(await page.getByLabel('전화번호 (꼭 적어 주세요)').getAttribute('aria-invalid'), 'true');
  assert.equal(await alert.locator('a[href="tel:129"]').count(), 1);
  await filled();
  await shot(page, 'help-form-phone-refused');

  // A server error (503): said plainly, 129 offered, nothing lost.
  await page.getByLabel('전화번호 (꼭 적어 주세요)').fill('010-0000-0000');
  await page.route('**/open311/v2/requests.json', (route) => route.fulfill({
    status: 503, contentType: 'application/json',
    body: JSON.stringify([{code: 503, field: '', error: 'server_error', message_ko: '서버 오류', message_en: 'server error'}]),
  }));
  await page.getByRole('button', {name: '보내기'}).click();
  await alert.filter({hasText: '서버에 문제가 있어 보내지 못했습니다'}).waitFor();
  assert.equal(await alert.locator('a[href="tel:129"]').count(), 1);
  await filled();
  await page.unroute('**/open311/v2/requests.json');

  // Offline: it cannot send now, says so, offers 129, and sends nothing.
  let sent = 0;
  page.on('request', (r) => {
    if (r.url().includes('/open311/v2/requests.json')) sent += 1;
  });
  await page.context().setOffline(true);
  await page.locator('#bokji-help .bh-offline').waitFor({state: 'visible'});
  await page.getByRole('button', {name: '보내기'}).click();
  await alert.filter({hasText: '인터넷에 연결되어 있지 않아'}).waitFor();
  assert.equal(await alert.locator('a[href="tel:129"]').count(), 1);
  assert.equal(sent, 0);
  await filled();
  await shot(page, 'help-form-phone-offline');
  await page.context().setOffline(false);
  // The browser's own lines about the refused (400) and failed (503) answers are the only console errors.
  assert.deepEqual(page.problems.filter((p) => !/status of (400|503)/.test(p)), []);
  await page.context().close();
});

test('bokjiPage.reset() empties and closes the forms: no typed text left in the DOM, "tap the map" ended', async () => {
  const page = await openApp(browser, `${base}/`, {width: 1080, height: 1920});
  await openHelpForm(page);
  await shot(page, 'help-form-kiosk');
  await page.getByLabel('나를 위해').check();
  await page.getByLabel('하고 싶은 말 (선택)').fill(kStory);
  await page.getByLabel('이름 (선택)').fill('가상 김철수');
  await page.getByLabel('전화번호 (꼭 적어 주세요)').fill('010-1111-2222');
  await page.getByLabel('지도에서 고르기').check();
  await page.getByRole('button', {name: '지도에서 누르기'}).click();
  await page.locator('#bokji-help-pick').waitFor({state: 'visible'});
  assert.equal((await debugState(page)).help_picking, true);

  await page.evaluate(() => window.bokjiPage.reset());
  assert.equal(await page.locator('#bokji-help').isHidden(), true);
  assert.equal(await page.locator('#bokji-help-pick').isHidden(), true);
  assert.equal((await debugState(page)).help_picking, false, 'the next tap is the map\'s again');
  await domHoldsNone(page, [kStory, '가상 김철수', '010-1111-2222']);

  // Opened again, the form is empty.
  await openHelpForm(page);
  assert.equal(await page.getByLabel('하고 싶은 말 (선택)').inputValue(), '');
  assert.equal(await page.getByLabel('나를 위해').isChecked(), false);
  await page.evaluate(() => window.bokjiPage.reset());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"정보가 틀렸어요" on a facility card and on a program card reaches the staff', async () => {
  const page = await openApp(browser, `${base}/?f=${encodeURIComponent('장애인복지관:179')}`);
  let view = await settle(page);
  assert.ok(view.buttons.wrong_info, 'the facility card has "정보가 틀렸어요"');
  await page.mouse.click(...center(view.buttons.wrong_info));
  await page.locator('#bokji-help').waitFor({state: 'visible'});
  const what = '(가상) 전화번호가 바뀌었어요';
  await page.getByLabel('무엇이 틀렸나요? (꼭 적어 주세요)').fill(what);
  // A contact makes the consent appear and required.
  await page.getByLabel('전화번호 (선택)').fill('010-3333-4444');
  await page.getByLabel('위 내용을 읽었고 동의합니다.').waitFor();
  await page.getByRole('button', {name: '보내기'}).click();
  await page.locator('#bokji-help .bh-error').filter({hasText: '동의해야 보낼 수 있습니다'}).waitFor();
  await page.getByLabel('위 내용을 읽었고 동의합니다.').check();
  await page.getByRole('button', {name: '보내기'}).click();
  await page.locator('#bokji-help .bh-thanks').waitFor();
  await shot(page, 'correction-sent-desktop');
  await domHoldsNone(page, [what, '010-3333-4444']);
  await page.locator('#bokji-help').getByRole('button', {name: '닫기'}).first().click();

  // A program card has it too, at its end (scrolled to), without a contact: no consent asked.
  const program = (await page.evaluate(() => window.bokjiPage.programs())).find((p) => p.service_id);
  await page.evaluate((id) => window.bokjiPage.restore('p=' + encodeURIComponent(id)), program.service_id);
  view = await settle(page);
  for (let i = 0; i < 10 && view.buttons.wrong_info && view.buttons.wrong_info[3] > view.canvas.css_height; ++i) {
    const close = view.buttons.wrong_info;
    await page.mouse.move((close[0] + close[2]) / 2, view.canvas.css_height / 2);
    await page.mouse.wheel(0, 600);
    view = await settle(page);
  }
  assert.ok(view.buttons.wrong_info, 'the program card has "정보가 틀렸어요"');
  await page.mouse.click(...center(view.buttons.wrong_info));
  await page.locator('#bokji-help').waitFor({state: 'visible'});
  assert.ok((await page.locator('#bokji-help').innerText()).includes(program.name));
  const programWhat = '(가상) 신청 방법이 바뀌었어요';
  await page.getByLabel('무엇이 틀렸나요? (꼭 적어 주세요)').fill(programWhat);
  await page.getByRole('button', {name: '보내기'}).click();
  await page.locator('#bokji-help .bh-thanks').waitFor();

  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signIn(staffPage, 'province', 'help-test-password-3');
  const corrections = await staffPage.evaluate(async () => (await (await fetch('/staff/api/corrections')).json()).corrections);
  const mine = corrections.filter((c) => c.target_key === '장애인복지관:179');
  assert.equal(mine.length, 1);
  assert.equal(mine[0].what_is_wrong, what);
  assert.equal(mine[0].target_kind, 'facility');
  const aboutProgram = corrections.filter((c) => c.target_key === program.service_id);
  assert.equal(aboutProgram.length, 1);
  assert.equal(aboutProgram[0].what_is_wrong, programWhat);
  assert.equal(aboutProgram[0].target_kind, 'program');
  await staff.close();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
