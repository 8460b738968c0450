// Four languages (issue 11): in 한국어, English, Tiếng Việt and 中文(简体), on a phone (390×844) and a desktop
// (1280×800), at text size 100 % and 200 %, through the start screen, a facility card, the programs list, a
// program card and the self-check's first question:
//   * the UI speaks the language: the accessible mirror's heading is the kAppTitle row of that language,
//     read from web/model/strings.cc (not from the app);
//   * no missing-glyph box: the app's font holds every character of that language's strings (the font's own
//     check, debug().missing_glyphs, over exactly the strings the app draws), once the language's extra font
//     arrived (debug().font_language);
//   * nothing is cut off: no button, checkbox, radio, selectable or header label is wider than its widget
//     or runs past the seen part of its window (web/label_check.h, debug().clipped_labels), and no window's
//     items (texts too: a title beside another) reach past its right edge or the screen's
//     (debug().overflowing_windows): the start screen at 100, 150 and 200 %, the results list and the
//     other views at 200 % (where labels are widest);
//   * axe-core on the page with the mirror: no serious or critical violation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {openApp, settle, useServerAndBrowser} from './harness.mjs';

const shared = useServerAndBrowser();
const here = path.dirname(fileURLToPath(import.meta.url));
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The row of a StringId in web/model/strings.cc: its four texts (adjacent literals joined).
function stringRow(id) {
  const source = fs.readFileSync(path.join(here, '../../web/model/strings.cc'), 'utf8');
  const start = source.indexOf(`{StringId::${id},`);
  assert.ok(start >= 0, id);
  const body = source.slice(source.indexOf('{', start + 1), source.indexOf('}}', start));
  return body.split(/"\s*,\s*"/).map((part) => part.replace(/^\{?\s*"/, '').replace(/"\s*$/, '')
      .split(/"\s*"/).join(''));
}

const kLanguages = [['ko', 0], ['en', 1], ['vi', 2], ['zh', 3]];
const kScreens = {phone: {width: 390, height: 844, mobile: true}, desktop: {width: 1280, height: 800}};
const kFacility = '장애인복지관:179';  // a facility of the sample bundle (help.test.mjs opens it too)

async function waitForFont(page, lang) {
  const code = lang === 'zh' ? 'zh-Hans' : lang;
  if (lang === 'ko' || lang === 'en') return;
  await page.waitForFunction((c) => window.bokjiPage.debug().font_language === c, code, {timeout: 30000});
}

// Clicks a button the app noted in debug().buttons (CSS pixels).
async function clickButton(page, name) {
  const state = await settle(page);
  const rect = state.buttons[name];
  assert.ok(rect, `button ${name} is on screen`);
  await page.mouse.click((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2);
  return settle(page);
}

// The checks of one screen state.
async function expectReadable(page, what) {
  const state = await settle(page);
  assert.deepEqual(state.missing_glyphs, [], `${what}: every character has a glyph`);
  assert.deepEqual(state.clipped_labels, [], `${what}: no label wider than its widget`);
  assert.deepEqual(state.overflowing_windows, [], `${what}: no window's items reach past what is seen of it`);
  return state;
}

async function axeSeriousViolations(page) {
  await page.addScriptTag({path: axePath});
  const results = await page.evaluate(() => window.axe.run(document, {resultTypes: ['violations']}));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const [lang, column] of kLanguages) {
  for (const [screen, viewport] of Object.entries(kScreens)) {
    test(`${lang} on a ${screen}: the language's words, every glyph, nothing cut off, at 100, 150 and 200 %`,
         async () => {
      const title = stringRow('kAppTitle')[column];
      for (const percent of [100, 150, 200]) {
        // The text size is chosen on the start screen (the header), then the view comes from a link's
        // query (page.restore, as a shared link would), so every view is seen at that size.
        const open = async (query) => {
          const page = await openApp(shared.browser, `${shared.server.url}/?lang=${lang}`, viewport);
          await page.evaluate(() => window.bokjiPage.checkLabels(true));
          await waitForFont(page, lang);
          if (percent !== 100) {
            if (screen === 'phone') await clickButton(page, 'display_menu');
            const state = await clickButton(page, `text_${percent}`);
            assert.equal(state.text_percent, percent);
            if (screen === 'phone') await clickButton(page, 'display_menu');  // folds the menu away again
          }
          if (query) await page.evaluate((q) => window.bokjiPage.restore(q), query);
          return page;
        };
        let page = await open('');
        await expectReadable(page, `${lang} ${screen} ${percent}% start`);
        const heading = await page.evaluate(() => document.querySelector('#a11y-mirror h1')?.textContent);
        assert.equal(heading, title, 'the mirror speaks the language');
        if (percent === 200) {
          // The results list open (on a phone it starts folded): its title, rows and notes.
          await page.evaluate(() => {
            const toggle = document.querySelector('#a11y-mirror [data-mid="results_toggle"]');
            if (toggle.getAttribute('aria-pressed') !== 'true') toggle.click();
          });
          await expectReadable(page, `${lang} ${screen} ${percent}% results list`);
        }
        assert.deepEqual(page.problems, []);
        await page.context().close();
        if (percent !== 200) continue;  // the views below at 200 %, where labels are widest

        page = await open(`f=${encodeURIComponent(kFacility)}`);
        await expectReadable(page, `${lang} ${screen} ${percent}% facility card`);
        await page.context().close();

        page = await open('v=programs');
        const programs = await page.evaluate(() => window.bokjiPage.programs());
        await expectReadable(page, `${lang} ${screen} ${percent}% programs`);
        const first = Object.keys(programs)[0];
        await page.evaluate((id) => window.bokjiPage.restore('v=programs&p=' + encodeURIComponent(id)), first);
        await expectReadable(page, `${lang} ${screen} ${percent}% program card`);
        await page.context().close();

        page = await open('v=selfcheck');
        await expectReadable(page, `${lang} ${screen} ${percent}% self-check`);
        await page.context().close();
      }
    });
  }

  test(`${lang}: axe-core finds no serious or critical violation on the page with the mirror`, async () => {
    for (const query of ['', `&f=${encodeURIComponent(kFacility)}`, '&v=selfcheck']) {
      const page = await openApp(shared.browser, `${shared.server.url}/?lang=${lang}${query}`, kScreens.desktop);
      await waitForFont(page, lang);
      await settle(page);
      assert.deepEqual(await axeSeriousViolations(page), [], `${lang}${query}`);
      await page.context().close();
    }
  });
}

test('a Korean visit downloads no Vietnamese or Chinese glyphs; choosing a language fetches only its own', async () => {
  const page = await openApp(shared.browser, `${shared.server.url}/`, kScreens.desktop);
  const fonts = [];
  // Font files by their plain names (scripts/assemble-site.sh adds a content hash: bokji-zh.<12 hex>.ttf).
  const plain = (url) => path.basename(new URL(url).pathname).replace(/\.[0-9a-f]{12}\./, '.');
  page.on('request', (r) => { if (r.url().includes('/fonts/')) fonts.push(plain(r.url())); });
  const before = await settle(page);
  assert.equal(before.font_language, 'ko');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)
      .filter((n) => n.includes('/fonts/')));
  assert.deepEqual(loaded.map(plain), ['bokji-hangul.ttf'], 'the first visit loads the Hangul font alone');
  await clickButton(page, 'lang_zh-Hans');
  await page.waitForFunction(() => window.bokjiPage.debug().font_language === 'zh-Hans', null, {timeout: 30000});
  assert.deepEqual(fonts, ['bokji-zh.ttf']);
  const after = await settle(page);
  assert.ok(after.glyphs > before.glyphs, 'the Chinese glyphs joined the atlas');
  assert.deepEqual(after.missing_glyphs, []);
  await clickButton(page, 'lang_ko');
  assert.equal((await settle(page)).font_language, 'ko', 'back to Korean: the smaller atlas');
  await page.context().close();
});
