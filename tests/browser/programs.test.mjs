// The welfare programs view: browsing by life stage and area lists exactly the programs the listing rule
// picks (the rule restated here from the bundle's facts, which the page exposes as a catalogue), name search
// with 초성 finds a program, the self-check matches a 30-year-old in 김제시 to 김제시's 청년 programs and
// never to 남원시's, the apply button opens the program's own apply_url, "내 답변 지우기" forgets the
// answers, the facility card opens its area's programs, and the view fills a phone's screen.
//
// Listing rule (web/programs_panel.cc, ProgramsPanel::Listed), restated independently below:
//   - life stage S: the program states S; with "also show unstated", programs stating no stage too;
//   - area C (a 시군): every program not tied to a 시군 (level ≠ 시군), and the 시군 programs of C; a
//     구's code counts as its 시 (35011 → 35010).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';

import {openApp, screenshot, settle, useServerAndBrowser} from './harness.mjs';
import {dataDir, disabilityCentres, parseCsv} from './reference.mjs';

const kLevelCity = 2;        // ProgramLevel::kCity in the catalogue
const kStageYoungAdult = 16; // LifeStage::kStageYoungAdult (청년)

const shared = useServerAndBrowser();

const catalogue = (page) => page.evaluate(() => window.bokjiPage.programs());

// The 시 a 구 belongs to: the last digit of a KOSTAT 시군구 code is the 구.
const cityOf = (code) => code - (code % 10);

// The 시군 code the catalogue's 시군 programs give a region name ("김제시" → 35060).
function cityCode(programs, name) {
  const p = programs.find((q) => q.level === kLevelCity && q.region === name && q.sigungu);
  assert.ok(p, `no 시군 program of ${name} in the bundle`);
  return cityOf(p.sigungu);
}

// Clicks the centre of a named button the app recorded in its last frame (the App's own buttons or the
// programs view's), and waits for the app to catch up.
async function click(page, name) {
  const view = await settle(page);
  const r = view.buttons[name] || view.programs_view.buttons[name];
  assert.ok(r, `no button "${name}" on screen; have ${Object.keys(view.programs_view.buttons).join(' ')}`);
  await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  return settle(page);
}

// Picks `option` ("stage:16") from the drop-down `filter` ("filter_stage").
async function choose(page, filter, option) {
  await click(page, filter);
  return click(page, option);
}

const sorted = (ids) => [...ids].sort((a, b) => a - b);

test('programs: browse by 청년 lists every program stating 청년 (and, when asked, those stating none)', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const programs = await catalogue(page);
  let view = await click(page, 'programs');
  assert.equal(view.programs_view.open, true);
  assert.equal(view.programs_view.count, programs.length, 'no filter lists every program');

  view = await choose(page, 'filter_stage', 'stage:' + kStageYoungAdult);
  const stating = programs.filter((p) => (p.stages & kStageYoungAdult) !== 0).map((p) => p.id);
  const unstated = programs.filter((p) => p.stages === 0).map((p) => p.id);
  assert.ok(stating.length > 0, 'the bundle states 청년 for some programs');
  assert.equal(view.programs_view.filters.stage, kStageYoungAdult);
  assert.deepEqual(sorted(view.programs_view.listed), sorted(stating));
  assert.equal(view.programs_view.count, stating.length);
  assert.equal(view.programs_view.unstated, unstated.length, 'the note counts the programs left out');
  await screenshot(page, 'programs-youth');

  view = await click(page, 'include_unstated');
  assert.equal(view.programs_view.filters.include_unstated, true);
  assert.deepEqual(sorted(view.programs_view.listed), sorted([...stating, ...unstated]));
  for (const id of view.programs_view.listed) {
    const p = programs[id];
    assert.ok((p.stages & kStageYoungAdult) !== 0 || p.stages === 0, `${p.name} states other stages only`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('programs: 김제시 lists its own, the 도 and national programs, and no 남원시 program', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const programs = await catalogue(page);
  const gimje = cityCode(programs, '김제시');
  const namwon = cityCode(programs, '남원시');
  await click(page, 'programs');
  let view = await choose(page, 'filter_region', 'region:' + gimje);
  assert.equal(view.programs_view.filters.region, gimje);
  const expected = programs.filter((p) => p.level !== kLevelCity || cityOf(p.sigungu) === gimje).map((p) => p.id);
  assert.deepEqual(sorted(view.programs_view.listed), sorted(expected));
  assert.ok(view.programs_view.listed.some((id) => programs[id].level === kLevelCity), '김제시 has programs');
  for (const id of view.programs_view.listed) {
    const p = programs[id];
    assert.ok(!(p.level === kLevelCity && (cityOf(p.sigungu) === namwon || p.region === '남원시')),
              `${p.name} (${p.region}) is listed under 김제시`);
  }
  await screenshot(page, 'programs-gimje');

  // Filters combine: 김제시 and 청년.
  view = await choose(page, 'filter_stage', 'stage:' + kStageYoungAdult);
  const both = expected.filter((id) => (programs[id].stages & kStageYoungAdult) !== 0);
  assert.deepEqual(sorted(view.programs_view.listed), sorted(both));
  assert.equal(view.programs_view.count, both.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The 초성 (initial consonants) of Hangul syllables, from Unicode's syllable arithmetic.
function choseong(text) {
  const initials = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
  return [...text].map((c) => {
    const code = c.codePointAt(0) - 0xac00;
    return code >= 0 && code < 11172 ? initials[Math.floor(code / 588)] : c;
  }).join('');
}

test('programs: typing a name\'s 초성 finds it, within the chosen filters', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const programs = await catalogue(page);
  const gimje = cityCode(programs, '김제시');
  // A 김제시 program whose name starts with three Hangul syllables.
  const target = programs.find((p) => p.level === kLevelCity && cityOf(p.sigungu) === gimje &&
                                      /^[가-힣]{3}/.test(p.name));
  assert.ok(target, 'a 김제시 program with a Hangul name');
  await click(page, 'programs');
  await choose(page, 'filter_region', 'region:' + gimje);
  const query = choseong(target.name.slice(0, 3));
  const box = await page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return {x: r.x + 20, y: r.y + r.height / 2, visible: r.width > 0};
  });
  assert.ok(box.visible, 'the search field is on screen');
  await page.mouse.click(box.x, box.y);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', {text: query});
  const view = await settle(page);
  assert.equal(view.programs_view.filters.query, query);
  assert.ok(view.programs_view.listed.includes(target.id), `"${query}" finds ${target.name}`);
  assert.ok(view.programs_view.count < programs.length, 'the query narrows the list');
  for (const id of view.programs_view.listed) {
    const p = programs[id];
    assert.ok(p.level !== kLevelCity || cityOf(p.sigungu) === gimje, `${p.name} is outside the area filter`);
  }
  await screenshot(page, 'programs-choseong');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('programs: self-check for a 30-year-old in 김제시 matches 김제시 청년 programs, never 남원시; answers clear', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const programs = await catalogue(page);
  const gimje = cityCode(programs, '김제시');
  const namwon = cityCode(programs, '남원시');
  await click(page, 'programs');
  let view = await click(page, 'self_check');
  assert.equal(view.programs_view.page, 'questions');
  await click(page, 'decade:30');
  view = await click(page, 'age:30');
  assert.equal(view.programs_view.answers, 1);
  view = await click(page, `city:${gimje}`);
  assert.equal(view.programs_view.answers, 2);
  await screenshot(page, 'selfcheck-question');
  // Every other question skipped.
  while (view.programs_view.page === 'questions') view = await click(page, 'skip');
  assert.equal(view.programs_view.page, 'results');
  assert.equal(view.programs_view.answers, 2, 'skipped questions stay unanswered');
  assert.equal(view.programs_view.matches, view.programs_view.matched.length);
  const matched = new Set(view.programs_view.matched);
  const youthInGimje = programs.filter((p) => p.level === kLevelCity && cityOf(p.sigungu) === gimje &&
                                              (p.stages & kStageYoungAdult) !== 0);
  assert.ok(youthInGimje.length > 0, 'the bundle has 김제시 청년 programs');
  for (const p of youthInGimje) assert.ok(matched.has(p.id), `${p.name} (김제시, 청년) is matched`);
  for (const id of matched) {
    const p = programs[id];
    assert.ok(p.level !== kLevelCity || cityOf(p.sigungu) === gimje, `${p.name} (${p.region}) matched`);
    assert.ok(!(p.level === kLevelCity && cityOf(p.sigungu) === namwon), `${p.name} is a 남원시 program`);
  }
  // A 30-year-old is 청년, not 중장년 or 노년: a program stating only those is left out (stages about
  // children or pregnancy stay in, as those questions were skipped).
  const kAdultStagesButYouth = 32 | 64;
  for (const id of matched) {
    const stages = programs[id].stages;
    assert.ok(stages === 0 || (stages & ~kAdultStagesButYouth) !== 0, `${programs[id].name} states stages ${stages}`);
  }
  // Ranked and grouped: the strongest group first, the programs naming the person's age group in
  // it, counts adding up, and the question to answer next.
  const groups = view.programs_view.groups;
  assert.ok(groups.length >= 2, JSON.stringify(groups));
  assert.equal(groups[0].fit, 0, 'the group of programs naming what was answered comes first');
  assert.equal(groups.reduce((n, g) => n + g.count, 0), view.programs_view.matches);
  const strongest = new Set(view.programs_view.matched.slice(0, groups[0].count));
  for (const p of youthInGimje) assert.ok(strongest.has(p.id), `${p.name} is in the strongest group`);
  const rank = (id) => view.programs_view.matched.indexOf(id);
  const unstatedCity = programs.filter((p) => p.level === kLevelCity && cityOf(p.sigungu) === gimje &&
                                              p.stages === 0 && p.targets === 0);
  for (const p of youthInGimje)
    for (const q of unstatedCity)
      if (!strongest.has(q.id)) assert.ok(rank(p.id) < rank(q.id), `${p.name} before ${q.name}`);
  // The next question narrows the list: answering it (here: no children) leaves fewer matches.
  const next = view.programs_view.next_question;
  const kPregnantQuestion = 4, kChildrenQuestion = 5;  // core/programs.h SelfCheckQuestion
  assert.ok(next && next.fewer > 0 && [kPregnantQuestion, kChildrenQuestion].includes(next.question),
            `a question that narrows: ${JSON.stringify(next)}`);
  await screenshot(page, 'selfcheck-results');
  const before = view.programs_view.matches;
  view = await click(page, 'next_question');
  assert.equal(view.programs_view.page, 'questions');
  assert.equal(view.programs_view.question, next.question);
  await click(page, next.question === kChildrenQuestion ? 'children:none' : 'no');
  view = await click(page, 'show_results');
  assert.equal(view.programs_view.answers, 3);
  assert.ok(view.programs_view.matches < before, `${before} -> ${view.programs_view.matches} matches`);
  // Nothing of the answers reaches the address bar.
  assert.ok(!/35060|birth|age=/.test(page.url()), page.url());

  view = await click(page, 'clear_answers');
  assert.equal(view.programs_view.answers, 0);
  assert.equal(view.programs_view.matches, 0);
  assert.equal(view.programs_view.page, 'questions');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('programs: a card\'s apply button opens the program\'s apply_url in a new tab', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const programs = await catalogue(page);
  // Every request off the test server is answered here: no network needed.
  await page.context().route((url) => url.hostname !== '127.0.0.1',
                             (route) => route.fulfill({status: 200, contentType: 'text/html', body: 'ok'}));
  let view = await click(page, 'programs');
  const id = view.programs_view.listed.find((i) => programs[i].apply_url);
  assert.ok(id !== undefined, 'a listed program with an apply_url');
  view = await click(page, 'row:' + id);
  assert.equal(view.programs_view.page, 'detail');
  assert.equal(view.programs_view.open_program, id);
  await screenshot(page, 'program-card');
  // A link (or a reload) opens the same view and card.
  const linked = await openApp(shared.browser, page.url());
  const restored = await settle(linked);
  assert.equal(restored.programs_view.open, true);
  assert.equal(restored.programs_view.page, 'detail');
  assert.equal(restored.programs_view.open_program, id);
  await linked.context().close();
  const popup = page.context().waitForEvent('page');
  await click(page, 'apply');
  const opened = await popup;
  await opened.waitForLoadState('domcontentloaded');
  assert.equal(opened.url(), new URL(programs[id].apply_url).href);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The 시군 named in a facility's address, as the catalogue's 시군 programs name it.
function cityInAddress(programs, address) {
  const names = new Set(programs.filter((p) => p.level === kLevelCity).map((p) => p.region));
  const word = address.split(/\s+/).find((w) => names.has(w));
  return word && cityCode(programs, word);
}

test('programs: the facility card opens the programs of the facility\'s 시군', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/');
  const programs = await catalogue(page);
  const csv = parseCsv(fs.readFileSync(path.join(dataDir, 'facilities/jeonbuk_장애인복지관_20191231.csv'), 'utf8')
                           .replace(/^\uFEFF/, ''));
  const [header, ...rows] = csv;
  const nameColumn = header.indexOf('시설명'), addressColumn = header.indexOf('시설 주소');
  const centres = disabilityCentres();
  // A centre outside 전주시 whose address names its 시군.
  const row = rows.find((r) => r[nameColumn] && !r[addressColumn].includes('전주') &&
                               cityInAddress(programs, r[addressColumn]));
  assert.ok(row, 'a 장애인복지관 outside 전주시');
  const expectedCity = cityInAddress(programs, row[addressColumn]);
  assert.ok(centres.some((c) => c.name === row[nameColumn].trim()));

  // Open its card through the search box.
  const box = await page.evaluate(() => {
    const r = document.getElementById('bokji-text-field').getBoundingClientRect();
    return {x: r.x + 20, y: r.y + r.height / 2};
  });
  await page.mouse.click(box.x, box.y);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', {text: row[nameColumn].trim()});
  await settle(page);
  await page.keyboard.press('Enter');
  let view = await settle(page);
  assert.ok(view.selected >= 0, 'the facility card is open');
  await screenshot(page, 'facility-card-programs-button');
  view = await click(page, 'city_programs');
  assert.equal(view.programs_view.open, true);
  assert.equal(view.programs_view.filters.region, expectedCity);
  const expected = programs.filter((p) => p.level !== kLevelCity || cityOf(p.sigungu) === expectedCity);
  assert.deepEqual(sorted(view.programs_view.listed), sorted(expected.map((p) => p.id)));
  // Back on the map, the header's search box has its own query again.
  view = await click(page, 'programs_close');
  assert.equal(view.programs_view.open, false);
  assert.equal(await page.evaluate(() => document.getElementById('bokji-text-field').value),
               row[nameColumn].trim());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('programs: on a phone the view fills the screen and its buttons are large', async () => {
  const page = await openApp(shared.browser, shared.server.url + '/', {width: 390, height: 844, scale: 2, mobile: true});
  let view = await click(page, 'programs');
  const {css_width: width, css_height: height} = view.canvas;
  assert.ok(view.overlays.some((r) => r[0] <= 0 && r[1] <= 0 && r[2] >= width && r[3] >= height),
            `a full-screen sheet: ${JSON.stringify(view.overlays)}`);
  const buttons = view.programs_view.buttons;
  for (const name of ['programs_close', 'self_check', 'filter_stage', 'filter_region']) {
    const r = buttons[name];
    assert.ok(r[3] - r[1] >= 40, `${name} is ${r[3] - r[1]} px tall`);
  }
  await screenshot(page, 'phone-programs');
  const programs = await catalogue(page);
  const id = view.programs_view.listed.find((i) => programs[i].apply_url);
  view = await click(page, 'row:' + id);
  assert.equal(view.programs_view.page, 'detail');
  const apply = view.programs_view.buttons.apply;
  assert.ok(apply && apply[3] <= height && apply[2] - apply[0] >= width * 0.8,
            `the apply button is wide and on screen: ${JSON.stringify(apply)}`);
  await screenshot(page, 'phone-program-card');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
