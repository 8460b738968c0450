// Kiosk mode (?mode=kiosk, issue 10): the touch layout (body text of 24 CSS px or more, targets of 60 CSS px
// or more, "처음으로", 글자 크게 and 고대비 always visible), the idle reset (web/kiosk.js: a warning with a
// countdown, then everything back to the start and nothing of the session left in storage, cookies, the URL
// or the text field), and the on-screen 두벌식 keyboard (web/panels/kiosk_keyboard.cc) typing 복지관 and
// 달가 by taps, backspace undoing one jamo.
//
// The keys are tapped by the QWERTY key each jamo sits on in 두벌식 (KS X 5002), restated here from the
// standard rather than read from the app: ㅂq ㅈw ㄷe ㄱr ㅅt ㅛy ㅕu ㅑi ㅐo ㅔp ㅁa ㄴs ㅇd ㄹf ㅎg ㅗh ㅓj ㅏk
// ㅣl ㅋz ㅌx ㅊc ㅍv ㅠb ㅜn ㅡm.
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {test} from 'node:test';

import {openApp, screenshot, settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();
const kDubeolsik = {
  'ㅂ': 'q', 'ㅈ': 'w', 'ㄷ': 'e', 'ㄱ': 'r', 'ㅅ': 't', 'ㅛ': 'y', 'ㅕ': 'u', 'ㅑ': 'i', 'ㅐ': 'o', 'ㅔ': 'p',
  'ㅁ': 'a', 'ㄴ': 's', 'ㅇ': 'd', 'ㄹ': 'f', 'ㅎ': 'g', 'ㅗ': 'h', 'ㅓ': 'j', 'ㅏ': 'k', 'ㅣ': 'l',
  'ㅋ': 'z', 'ㅌ': 'x', 'ㅊ': 'c', 'ㅍ': 'v', 'ㅠ': 'b', 'ㅜ': 'n', 'ㅡ': 'm',
};
const jsQrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// Taps the named button of the last frame (the map's group or the programs view's) and waits for the app.
async function tap(page, name) {
  const view = await settle(page);
  const r = view.buttons[name] || (view.programs_view && view.programs_view.buttons[name]);
  assert.ok(r, `no button "${name}" on screen; have ${Object.keys(view.buttons).join(' ')}`);
  await page.mouse.click(...center(r));
  return settle(page);
}

async function tapJamo(page, jamo) {
  for (const j of jamo) await tap(page, 'key:' + kDubeolsik[j]);
  return settle(page);
}

// Focuses the app's text field (the header's search box) as a finger would.
async function tapSearchField(page) {
  await settle(page);
  const box = await page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return [r.x + 30, r.y + r.height / 2];
  });
  await page.mouse.click(...box);
  return settle(page);
}

test('kiosk: large text and targets, 처음으로, 글자 크게 and 고대비 always visible, in portrait and landscape', async () => {
  for (const [width, height] of [[1080, 1920], [1920, 1080]]) {
    const page = await openApp(shared.browser, shared.server.url + '/?mode=kiosk', {width, height});
    let view = await settle(page);
    assert.equal(view.mode, 1, 'UiMode::kKiosk');
    assert.ok(view.theme.body_font_px >= 24, `body text ${view.theme.body_font_px} px`);
    for (const name of ['kiosk_start_over', 'kiosk_text_size', 'kiosk_high_contrast', 'programs', 'near_me']) {
      const r = view.buttons[name];
      assert.ok(r, `${name} on screen`);
      assert.ok(r[3] - r[1] >= 60, `${name} is ${r[3] - r[1]} px tall`);
      assert.ok(r[0] >= 0 && r[2] <= width && r[1] >= 0 && r[3] <= height, `${name} inside the screen`);
    }
    const bar = view.buttons.kiosk_start_over;
    assert.ok(bar[3] > height - 140, 'the bar is along the bottom');
    // Every target of the start screen and of a facility's card (a list row tapped) is 60 px or more
    // tall. Not targets: "call" (the kiosk's phone number in large type, no tel: link) and the list's
    // "주소 기준 위치" heading (text).
    const allTargetsTall = (v, where) => {
      for (const [name, r] of Object.entries(v.buttons)) {
        if (name === 'call' || name === 'approximate_heading' || r[3] - r[1] < 1) continue;  // off-screen rows of a scrolled list have no size
        assert.ok(r[3] - r[1] >= 59.5, `${where}: ${name} is ${r[3] - r[1]} px tall`);
      }
    };
    allTargetsTall(view, 'start');
    if (width < height) {  // portrait: the list is open beside the map
      assert.ok(view.buttons.result_0, 'a list row');
      allTargetsTall(await tap(page, 'result_0'), 'card');
      await page.evaluate(() => window.bokjiPage.reset());
      view = await settle(page);
    }
    await screenshot(page, `kiosk-${width}x${height}`);

    // The bar stays with the programs view open (it covers the left column).
    view = await tap(page, 'programs');
    assert.ok(view.buttons.kiosk_start_over, '처음으로 with the programs view open');
    assert.ok(view.buttons.kiosk_text_size && view.buttons.kiosk_high_contrast);

    // 글자 크게: 100 → 150 → 200 → 100; 고대비 toggles.
    assert.equal(view.appearance.text_percent, 100);
    const sizes = [];
    for (let i = 0; i < 3; ++i) sizes.push((await tap(page, 'kiosk_text_size')).appearance.text_percent);
    assert.deepEqual(sizes, [150, 200, 100]);
    view = await tap(page, 'kiosk_high_contrast');
    assert.equal(view.appearance.high_contrast, true);
    view = await tap(page, 'kiosk_high_contrast');
    assert.equal(view.appearance.high_contrast, false);

    // 처음으로 closes the view and forgets the choices.
    await tap(page, 'kiosk_text_size');
    view = await tap(page, 'kiosk_start_over');
    await page.waitForFunction(() => window.bokjiPage.kiosk.resets === 1);
    view = await settle(page);
    assert.equal(view.programs_view.open, false);
    assert.equal(view.appearance.text_percent, 100);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('kiosk: the citizen layout has no kiosk bar and keeps its sizes', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const view = await settle(page);
  assert.equal(view.mode, 0);
  assert.equal(view.buttons.kiosk_start_over, undefined);
  assert.ok(view.theme.body_font_px < 24);
  assert.equal(await page.evaluate(() => window.bokjiPage.kiosk), undefined, 'no idle reset outside kiosks');
  await page.context().close();
});

test('kiosk: idle reset — warning with countdown, "계속 사용" keeps the session, then everything back to the start', async () => {
  const idle = 5, warning = 8;  // seconds (the warning long enough for a slow software-rendered screenshot)
  const start = `/?mode=kiosk&idle=${idle}&idle_warning=${warning}`;
  const page = await openApp(shared.browser, shared.server.url + start, {width: 1080, height: 1920});
  const startState = await settle(page);

  // Someone searches, answers the self-check, switches to English and larger text; the page keeps things of
  // its own too (as other page code might).
  // English first (as a link with lang=en gives it; restore applies a whole link, so before the rest).
  await page.evaluate(() => window.bokjiPage.restore('lang=en'));
  await tapSearchField(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', {text: '복지'});
  let view = await settle(page);
  assert.equal(view.query, '복지');
  assert.equal(view.search.open, true);
  assert.equal(view.keyboard.for, 1, 'the on-screen keyboard is open');
  await page.keyboard.press('Escape');  // the results close; the text stays
  await tap(page, 'programs');
  await tap(page, 'self_check');
  await tap(page, 'decade:30');
  view = await tap(page, 'age:30');
  assert.equal(view.programs_view.answers, 1);
  assert.equal(view.query, '복지');
  await tap(page, 'kiosk_text_size');
  await tap(page, 'kiosk_high_contrast');
  await page.evaluate(() => {
    localStorage.setItem('bokji-test', 'invented person, for a test');
    sessionStorage.setItem('bokji-test', 'invented');
    document.cookie = 'bokji_test=invented; path=/';
  });
  view = await settle(page);
  assert.equal(view.language, 'en');
  const during = new URLSearchParams(await page.evaluate(() => location.search));
  assert.equal(during.get('q'), '복지', 'the URL holds the session');
  assert.equal(during.get('lang'), 'en');

  // "계속 사용" when the warning shows keeps everything.
  await page.waitForFunction(() => window.bokjiPage.kiosk.warning, null, {timeout: (idle + 5) * 1000});
  const text = await page.locator('#kiosk-idle-text').textContent();
  assert.match(text, /\d+/, 'a countdown in seconds');
  await screenshot(page, 'kiosk-idle-warning');
  await page.click('#kiosk-idle-keep');
  assert.equal(await page.evaluate(() => window.bokjiPage.kiosk.warning), false);
  view = await page.evaluate(() => window.bokjiPage.debug());
  assert.equal(view.programs_view.answers, 1, '계속 사용 keeps the answers');
  assert.equal(await page.evaluate(() => window.bokjiPage.kiosk.resets), 0);

  // Then nobody: the warning, the countdown, the reset. No input from here on (the pointer stays still).
  const before = Date.now();
  await page.waitForFunction(() => window.bokjiPage.kiosk.resets === 1, null,
                             {timeout: (idle + warning + 10) * 1000});
  const waited = (Date.now() - before) / 1000;
  assert.ok(waited >= idle + warning - 1, `reset after ${waited} s, not before ${idle + warning} s`);

  view = await page.evaluate(() => window.bokjiPage.debug());
  assert.equal(view.query, '');
  assert.equal(view.search.open, false);
  assert.equal(view.programs_view.open, false);
  assert.equal(view.programs_view.answers, 0, 'the self-check answers are gone');
  assert.equal(view.selected, -1);
  assert.equal(view.selected_program, -1);
  assert.equal(view.language, 'ko');
  assert.deepEqual(view.appearance, {text_percent: 100, high_contrast: false});
  assert.deepEqual(view.filters.categories, startState.filters.categories);
  assert.equal(view.keyboard.for, 0);
  const page_ = await page.evaluate(() => ({
    field: document.getElementById('bokji-text-field').value,
    local: localStorage.length,
    session: sessionStorage.length,
    cookies: document.cookie,
    search: location.search,
    dialog: document.getElementById('kiosk-idle').hidden,
  }));
  assert.deepEqual({...page_, search: undefined}, {field: '', local: 0, session: 0, cookies: '', dialog: true,
                                                  search: undefined});
  // The URL: the kiosk's own parameters, and at most the start screen's map view (the app writes the view it
  // frames the province in, which is not the session's); nothing of the session (q, v, p, lang …).
  const urlKeys = async () => {
    const search = new URLSearchParams(await page.evaluate(() => location.search));
    assert.equal(search.get('mode'), 'kiosk');
    assert.equal(search.get('idle'), String(idle));
    assert.equal(search.get('idle_warning'), String(warning));
    return [...search.keys()].filter((k) => !['mode', 'idle', 'idle_warning', 'map'].includes(k));
  };
  assert.deepEqual(await urlKeys(), []);
  // Once the app has drawn again, likewise, and nothing typed is anywhere in the DOM.
  view = await settle(page);
  assert.deepEqual(await urlKeys(), []);
  const typed = await page.evaluate(() => [...document.querySelectorAll('input, textarea')]
    .map((e) => e.value).filter((v) => v !== ''));
  assert.deepEqual(typed, [], 'no typed text in any field of the page');
  assert.equal(view.keyboard.committed + view.keyboard.preedit, '', 'the keyboard forgot the text');
  await screenshot(page, 'kiosk-after-reset');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('kiosk: the on-screen keyboard types 복지관 and 달가 by taps; backspace undoes one jamo', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/?mode=kiosk', {width: 1080, height: 1920});
  let view = await tapSearchField(page);
  assert.equal(view.keyboard.for, 1, 'the keyboard opens for the search');
  assert.ok(view.buttons['key:r'], 'ㄱ on screen');
  const key = view.buttons['key:r'];
  assert.ok(key[3] - key[1] >= 60 && key[2] - key[0] >= 60, `keys are ${key[2] - key[0]}×${key[3] - key[1]} px`);
  await screenshot(page, 'kiosk-keyboard');

  view = await tapJamo(page, 'ㅂㅗㄱㅈㅣㄱㅗㅏㄴ');
  assert.equal(view.query, '복지관');
  assert.equal(view.search.open, true);
  assert.ok(view.search.facilities > 0 || view.search.programs > 0, 'the search ran');
  assert.equal(await page.evaluate(() => document.getElementById('bokji-text-field').value), '복지관',
               'the page field shows it too');

  // Backspace: one jamo at a time while composing (관 → 과 → 고), then syllables.
  view = await tap(page, 'key:backspace');
  assert.equal(view.query, '복지과');
  view = await tap(page, 'key:backspace');
  assert.equal(view.query, '복지고');

  // Start over from an empty field: 달가 moves the ㄱ of 닭 to the next syllable.
  for (let i = 0; i < 8 && view.query !== ''; ++i) view = await tap(page, 'key:backspace');
  assert.equal(view.query, '');
  view = await tapJamo(page, 'ㄷㅏㄹㄱ');
  assert.equal(view.query, '닭');
  view = await tapJamo(page, 'ㅏ');
  assert.equal(view.query, '달가');

  // Shift types a double consonant once.
  view = await tap(page, 'key:space');
  view = await tap(page, 'key:shift');
  assert.equal(view.keyboard.shifted, true);
  view = await tapJamo(page, 'ㄱㅏㄱㅏ');
  assert.equal(view.query, '달가 까가');

  // 완료 closes it; the text stays.
  view = await tap(page, 'keyboard_done');
  assert.equal(view.keyboard.for, 0);
  assert.equal(view.buttons['key:r'], undefined);
  assert.equal(view.query, '달가 까가');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Decodes the QR code inside `rect` (CSS px = image px at scale 1) of a PNG screenshot with jsQR, in a
// blank browser page. Returns the decoded text, or null.
async function decodeQr(browser, png, rect) {
  const page = await browser.newPage();
  try {
    await page.addScriptTag({path: jsQrPath});
    return await page.evaluate(async ({data, rect}) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
      const pad = 12;  // some of the card's white around the code's own quiet zone
      const x = Math.max(0, Math.floor(rect[0]) - pad), y = Math.max(0, Math.floor(rect[1]) - pad);
      const w = Math.min(bitmap.width - x, Math.ceil(rect[2] - rect[0]) + 2 * pad);
      const h = Math.min(bitmap.height - y, Math.ceil(rect[3] - rect[1]) + 2 * pad);
      const canvas = new OffscreenCanvas(w, h);
      const context = canvas.getContext('2d');
      context.drawImage(bitmap, -x, -y);
      const image = context.getImageData(0, 0, w, h);
      const code = window.jsQR(image.data, w, h);
      return code ? code.data : null;
    }, {data: png.toString('base64'), rect});
  } finally {
    await page.close();
  }
}

test('kiosk: QR codes on the facility and program cards decode to their links; no link leaves the kiosk', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/?mode=kiosk', {width: 1080, height: 1920});
  await settle(page);
  // Every link that would leave the app is recorded here instead.
  await page.evaluate(() => {
    window.leftTo = [];
    window.open = (url) => { window.leftTo.push(String(url)); return null; };
  });
  const unload = [];
  // (The app's own address changes, history.replaceState, are same-document navigations on this origin.)
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && !frame.url().startsWith(shared.server.url + '/')) unload.push(frame.url());
  });
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) unload.push(request.url());
  });

  // A facility with a phone number: the first row of the results list whose card shows the number.
  let view = null;
  let id = -1;
  for (let i = 0; i < 3 && id < 0; ++i) {
    view = await tap(page, `result_${i}`);
    if (view.selected >= 0 && view.buttons.call && view.buttons['qr:directions']) id = view.selected;
  }
  assert.ok(id >= 0, 'a facility with a phone number among the first rows');
  const name = view.selected_name;
  assert.equal(view.buttons.kakao, undefined, 'no directions button in a kiosk');
  assert.equal(view.buttons.copy_link, undefined, 'no copy-link button in a kiosk');
  const {png} = await screenshot(page, 'kiosk-facility-qr');

  const directions = await decodeQr(shared.browser, png, view.buttons['qr:directions']);
  assert.ok(directions, 'the directions QR code decodes');
  const match = directions.match(/^https:\/\/map\.kakao\.com\/link\/to\/([^,]+),(-?\d+\.\d+),(-?\d+\.\d+)$/);
  assert.ok(match, directions);
  assert.equal(decodeURIComponent(match[1]), name);
  assert.ok(Number(match[2]) > 34.5 && Number(match[2]) < 36.5 && Number(match[3]) > 126 && Number(match[3]) < 128);

  const link = await decodeQr(shared.browser, png, view.buttons['qr:facility']);
  assert.ok(link, 'the card QR code decodes');
  const url = new URL(link);
  assert.equal(url.origin + url.pathname, shared.server.url + '/');
  assert.ok(url.searchParams.get('f'), 'the link names the facility');
  assert.equal(url.searchParams.get('mode'), null, 'a phone opens the citizen app, not a kiosk');
  // The link opens this card on a phone.
  const phone = await openApp(shared.browser, link, {width: 390, height: 844, mobile: true});
  assert.equal((await settle(phone)).selected, id);
  await phone.context().close();

  // Tapping the QR codes and the phone number opens nothing.
  for (const n of ['qr:directions', 'qr:facility', 'call']) {
    await page.mouse.click(...center(view.buttons[n]));
    await settle(page);
  }

  // A program with an apply link: its QR code decodes to exactly that link.
  const programs = await page.evaluate(() => window.bokjiPage.programs());
  const program = programs.find((p) => p.apply_url && p.apply_url.startsWith('http'));
  assert.ok(program, 'a program with an apply link');
  await page.evaluate((q) => window.bokjiPage.restore(q), `v=programs&p=${encodeURIComponent(program.service_id)}`);
  view = await settle(page);
  assert.equal(view.selected_program, program.id);
  assert.ok(view.buttons['qr:apply'], 'the apply QR code');
  const shot = await screenshot(page, 'kiosk-program-qr');
  assert.equal(await decodeQr(shared.browser, shot.png, view.buttons['qr:apply']), program.apply_url);
  await page.mouse.click(...center(view.buttons['qr:apply']));
  await settle(page);

  assert.deepEqual(await page.evaluate(() => window.leftTo), [], 'no new tab');
  assert.deepEqual(unload, [], 'no navigation away');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('kiosk: the help form stops above the bar, shows the numbers instead of tel: links, and 처음으로 clears it', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/?mode=kiosk', {width: 1080, height: 1920});
  let view = await tap(page, 'help_request');
  await page.waitForFunction(() => !document.getElementById('bokji-help').hidden);
  const bar = view.buttons.kiosk_start_over;
  await page.waitForFunction((top) => document.getElementById('bokji-help').getBoundingClientRect().bottom <= top,
                             bar[1], {timeout: 10000});
  assert.equal(await page.locator('#bokji-help a[href^="tel:"]').count(), 0, 'no tel: link on a kiosk');
  assert.ok((await page.locator('#bokji-help .bh-call').allTextContents()).some((t) => t.includes('129')));
  const story = page.locator('#bokji-help textarea');
  await story.fill('(가상 인물) 테스트로 적은 내용');
  await page.mouse.click(...center(bar));  // 처음으로, below the form
  await page.waitForFunction(() => document.getElementById('bokji-help').hidden);
  assert.equal(await page.evaluate(() => window.bokjiPage.kiosk.resets), 1);
  view = await tap(page, 'help_request');
  await page.waitForFunction(() => !document.getElementById('bokji-help').hidden);
  assert.equal(await page.locator('#bokji-help textarea').inputValue(), '', 'the half-filled form is gone');
  await screenshot(page, 'kiosk-help-1080x1920');
  assert.deepEqual(page.problems.filter((p) => !p.includes('404')), []);
  await page.context().close();
});

test('kiosk: the help form\'s text fields are typed on the on-screen keyboard (달가, 겹받침, backspace by jamo, digits)', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/?mode=kiosk', {width: 1080, height: 1920});
  await tap(page, 'help_request');
  await page.waitForFunction(() => !document.getElementById('bokji-help').hidden);
  const story = page.locator('#bokji-help textarea');
  await story.click();
  await page.waitForFunction(() => document.getElementById('form-keyboard').classList.contains('open'));
  assert.equal(await story.getAttribute('inputmode'), 'none', 'the tablet\'s own keyboard stays away');
  // Keys by the jamo they show (the app's layout), tapped as a finger would.
  const key = (label) => page.locator('#form-keyboard button', {hasText: new RegExp('^' + label + '$')}).first();
  const space = page.locator('#form-keyboard button.fk-wide').filter({hasText: /띄어쓰기|Space/});
  const type = async (jamo) => {
    for (const j of jamo) await (j === ' ' ? space : key(j)).click();
  };
  await type(['ㄷ', 'ㅏ', 'ㄹ', 'ㄱ', 'ㅏ']);
  assert.equal(await story.inputValue(), '달가', 'the final ㄹ stays and ㄱ moves to the next syllable');
  const erase = page.locator('#form-keyboard button.fk-wide').filter({hasText: /지우기|Delete/});
  await erase.click();
  assert.equal(await story.inputValue(), '달ㄱ', 'backspace undoes one jamo');
  await erase.click();
  await erase.click();
  assert.equal(await story.inputValue(), '', 'the committed 달 goes as one character');
  await type(['ㄱ', 'ㅏ', 'ㅂ', 'ㅅ', ' ', 'ㅇ', 'ㅏ', 'ㄴ', 'ㅎ', 'ㅇ', 'ㅏ']);
  assert.equal(await story.inputValue(), '값 않아', '겹받침 ㅄ, and ㄶ keeps its ㅎ before ㅇ');
  // The field keeps what the form reads (its own input event): the characters count updates with it.
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA', 'the field kept the focus');
  // A phone number: digits from the number row.
  await page.locator('#bokji-help input[type=radio]').first().check();  // 나를 위해: asks for a phone
  const phone = page.locator('#bokji-help input[type=tel]:visible').first();
  await phone.click();
  for (const d of '01012345678') await key(d).click();
  assert.equal(await phone.inputValue(), '01012345678');
  await screenshot(page, 'kiosk-form-keyboard-1080x1920');
  await page.locator('#form-keyboard-done').click();
  await page.waitForFunction(() => !document.getElementById('form-keyboard').classList.contains('open'));
  assert.deepEqual(page.problems.filter((p) => !p.includes('404')), []);
  await page.context().close();
});
