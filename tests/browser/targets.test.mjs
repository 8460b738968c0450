// Target sizes (issue 11; WCAG 2.5.8 asks 24×24 CSS px, 2.5.5 44×44, which we keep on touch screens): every
// interactive item the app draws is measured through its own ImGui item hooks (web/label_check.h: each
// button, check box, radio button, selectable row, header and drop-down the frame drew, debug().targets), and
// every named rectangle the app notes for tests (debug().buttons and programs_view.buttons), plus the page's
// search <input> where it shows. On a phone (390×844, touch; Korean and English at 100 %, Vietnamese at
// 200 %, Chinese at 150 %) and in an embed on a phone (360×480, touch) each is at least 44 CSS px wide and
// tall; on a desktop with a mouse (1280×800, Korean) at least 24; on a kiosk (1080×1920, ?mode=kiosk) at
// least 60. Screens visited: the start, the phone's display menu, the list with the legend (a group
// expanded) and the filters, a drop-down open, search results, near a place, a facility card, the programs
// view with a drop-down open, a program card, the self-check, the education list and the data card. The
// help form is a DOM form (help.test.mjs), not drawn by the app.
// On each of those screens nothing is cut off either (issue 11: "nothing cut off or overlapping"): no label
// wider than its widget or running past the seen part of its window, and no window whose items reach past
// its right edge or the screen's (web/label_check.h: debug().clipped_labels, debug().overflowing_windows) —
// a title beside another, a section's title, a search box's hint at 200 % on a phone.
import assert from 'node:assert/strict';
import {test} from 'node:test';

import {openApp, screenshot, settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();
const kFacility = '장애인복지관:179';  // a facility of the sample bundle (help.test.mjs opens it too)
const kPhone = {width: 390, height: 844, mobile: true};
const kDesktop = {width: 1280, height: 800};
// Named rectangles that are not targets: a heading drawn as text, a group of two drop-downs (each measured
// on its own as a target), a kiosk's phone number in large type (no tel: link there) and QR codes.
const kNotTargets = new Set(['approximate_heading', 'region', 'call']);
const isTarget = (name) => !kNotTargets.has(name) && !name.startsWith('qr:');

const center = (r) => [(r[0] + r[2]) / 2, (r[1] + r[3]) / 2];

// Activates a mirror element (web/mirror.js): the same C++ code as a tap on its drawn twin, wherever the
// twin is scrolled. `onlyIfClosed`: leaves an open section (aria-pressed or aria-expanded "true") open.
async function activate(page, mid, onlyIfClosed = false) {
  const done = await page.evaluate(([id, closedOnly]) => {
    const el = document.querySelector(`#a11y-mirror [data-mid="${id}"]`);
    if (!el) return false;
    const open = el.getAttribute('aria-pressed') === 'true' || el.getAttribute('aria-expanded') === 'true';
    if (!(closedOnly && open)) el.click();
    return true;
  }, [mid, onlyIfClosed]);
  assert.ok(done, `mirror element ${mid}`);
  return settle(page);
}

// Taps a named rectangle of the last frame (the map's group or the programs view's).
async function tap(page, name) {
  const view = await settle(page);
  const r = view.buttons[name] || (view.programs_view && view.programs_view.buttons[name]);
  assert.ok(r, `no "${name}" on screen; have ${Object.keys(view.buttons).join(' ')}`);
  await page.mouse.click(...center(r));
  return settle(page);
}

// The screens, each from the start screen (after the text size is chosen): a link's query, then taps.
const kScreens = [
  {name: 'start'},
  {name: 'display menu', phoneOnly: true, then: (page) => activate(page, 'display_menu')},
  {name: 'list, legend and filters', then: async (page) => {
    await activate(page, 'results_toggle', true);
    await activate(page, 'legend', true);
    await activate(page, 'legend_expand_0', true);
    return activate(page, 'filters_toggle', true);
  }},
  {name: 'a filter drop-down', then: async (page) => {
    await activate(page, 'filters_toggle', true);
    return tap(page, 'target');
  }},
  {name: 'search results', then: async (page) => {
    const box = await page.evaluate(() => {
      const r = document.getElementById('bokji-text-field').getBoundingClientRect();
      return [r.x + 20, r.y + r.height / 2];
    });
    await page.mouse.click(...box);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.insertText', {text: '복지관'});
    return settle(page);
  }},
  {name: 'near a place', query: 'near=35.8242,127.1480'},
  {name: 'facility card', query: `f=${encodeURIComponent(kFacility)}`},
  {name: 'programs view with a drop-down', query: 'v=programs', then: (page) => tap(page, 'filter_stage')},
  {name: 'program card', query: 'v=programs', then: async (page) => {
    const first = Object.keys(await page.evaluate(() => window.bokjiPage.programs()))[0];
    await page.evaluate((id) => window.bokjiPage.restore('v=programs&p=' + encodeURIComponent(id)), first);
    return settle(page);
  }},
  {name: 'self-check', query: 'v=selfcheck'},
  {name: 'education list', query: 'edu=all'},
  {name: 'data card', query: 'info=1'},
];

// Every target of the current frame smaller than `min` CSS px either way, as "label (window) w×h" lines;
// and how many targets were measured.
async function smallTargets(page, view, min) {
  const small = [];
  let measured = 0;
  const check = (what, r) => {
    const w = r[2] - r[0], h = r[3] - r[1];
    if (w < 1 || h < 1) return;  // not drawn this frame (a row scrolled out of its list)
    ++measured;
    if (w < min - 0.5 || h < min - 0.5) small.push(`${what} is ${w.toFixed(1)}×${h.toFixed(1)} px`);
  };
  if (!Array.isArray(view.targets)) small.push('the app lists no targets (debug().targets, label check on)');
  for (const t of view.targets || []) check(`"${t.label}" (${t.window})`, t.rect);
  const named = {...view.buttons, ...(view.programs_view ? view.programs_view.buttons : {})};
  for (const [name, r] of Object.entries(named)) if (isTarget(name)) check(`named ${name}`, r);
  const field = await page.evaluate(() => {
    const el = document.getElementById('bokji-text-field');
    const r = el && el.getBoundingClientRect();
    return r && r.width > 0 && getComputedStyle(el).visibility !== 'hidden' ? [r.left, r.top, r.right, r.bottom] : null;
  });
  if (field) check('the search field (<input>)', field);
  return {small, measured};
}

async function checkDevice(device, viewport, lang, percent, min, mode = '') {
  const page = await openApp(shared.browser, `${shared.server.url}/?lang=${lang}${mode}`, viewport);
  await page.evaluate(() => window.bokjiPage.checkLabels(true));
  if (lang === 'vi' || lang === 'zh') {
    const code = lang === 'zh' ? 'zh-Hans' : lang;
    await page.waitForFunction((c) => window.bokjiPage.debug().font_language === c, code, {timeout: 30000});
  }
  const phone = viewport.mobile === true;
  const failures = [];
  const cut = [];
  let smallest = Infinity;
  const counts = [];
  for (const screen of kScreens) {
    if (screen.phoneOnly && (!phone || mode.includes('embed'))) continue;  // an embed has no display menu
    await page.evaluate(() => window.bokjiPage.reset());
    await page.evaluate((q) => window.bokjiPage.restore(q), `lang=${lang}`);
    let view = await settle(page);
    if (percent !== 100) {
      if (phone) await activate(page, 'display_menu');
      view = await tap(page, `text_${percent}`);
      assert.equal(view.text_percent, percent);
      if (phone) view = await activate(page, 'display_menu');  // folds the menu away again
    }
    if (screen.query) {
      await page.evaluate((q) => window.bokjiPage.restore(q), `lang=${lang}&${screen.query}`);
      view = await settle(page);
    }
    if (screen.then) view = await screen.then(page);
    view = await settle(page);
    const where = `${device} ${lang} ${percent}% ${screen.name}`;
    if (view.touch_screen !== phone) failures.push(`${where}: touch_screen is ${view.touch_screen}`);
    const {small, measured} = await smallTargets(page, view, min);
    assert.ok(measured >= 3, `${where}: only ${measured} targets measured`);
    counts.push(`${screen.name} ${measured}`);
    for (const t of view.targets || []) smallest = Math.min(smallest, t.rect[2] - t.rect[0], t.rect[3] - t.rect[1]);
    failures.push(...small.map((s) => `${where}: ${s}`));
    for (const c of view.clipped_labels || [])
      cut.push(`${where}: label "${c.label}" (${c.text_width} px of text, ${c.item_width} px item at ${c.item_left}, seen up to ${c.visible_right})`);
    for (const o of view.overflowing_windows || [])
      cut.push(`${where}: window ${o.window} reaches ${o.content_right} px, seen up to ${o.visible_right}`);
    if (process.env.BOKJI_TARGET_SHOTS)
      await screenshot(page, `targets-${device}-${lang}-${percent}-${screen.name.replace(/[^a-z]+/g, '-')}`);
  }
  console.log(`# ${device} ${lang} ${percent}%: smallest target side ${smallest.toFixed(1)} CSS px (at least ${min} wanted); targets measured: ${counts.join(', ')}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  assert.deepEqual(failures, [], `targets under ${min} CSS px`);
  assert.deepEqual(cut, [], 'nothing cut off');
}

test('phone (touch), Korean: every target at least 44×44 CSS px, nothing cut off', () => checkDevice('phone', kPhone, 'ko', 100, 44));
test('phone (touch), English: every target at least 44×44 CSS px, nothing cut off', () => checkDevice('phone', kPhone, 'en', 100, 44));
test('phone (touch), Vietnamese at 200 %: every target at least 44×44 CSS px, nothing cut off',
     () => checkDevice('phone', kPhone, 'vi', 200, 44));
test('phone (touch), Chinese at 150 %: every target at least 44×44 CSS px, nothing cut off',
     () => checkDevice('phone', kPhone, 'zh', 150, 44));
test('desktop (mouse), Korean: every target at least 24×24 CSS px, nothing cut off', () => checkDevice('desktop', kDesktop, 'ko', 100, 24));
// An embed (?embed=1, a city's page's iframe) on a phone.
test('embed on a phone (touch), Korean: every target at least 44×44 CSS px, nothing cut off',
     () => checkDevice('embed', {width: 360, height: 480, mobile: true}, 'ko', 100, 44, '&embed=1'));
// A kiosk's 60 px (kiosk.test.mjs checks its named buttons; this, every row, box and key too).
test('kiosk, Korean: every target at least 60×60 CSS px, nothing cut off',
     () => checkDevice('kiosk', {width: 1080, height: 1920}, 'ko', 100, 60, '&mode=kiosk'));
