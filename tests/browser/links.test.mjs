// Links from data reach the browser only as http(s) web pages, checked at each layer the page has:
//   1. a crafted bundle (the real sample with one link rewritten to javascript:/data:, its checksum
//      recomputed so only the link check can stop it) is refused by the bundle reader: the Korean error
//      screen names the record, and nothing is ever opened;
//   2. the page's own last guard (bokji_js_open_url in web/bridge.js), loaded into Chromium and called the
//      way the wasm calls it: only http(s) in a new tab and tel: in this one get through; javascript:,
//      data:, look-alikes and a tab-hidden scheme are refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, before, test} from 'node:test';

import {launchBrowser, openApp, screenshot, siteDir, startServer} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// CRC-32 (the zlib/PNG one), written here from its definition for the crafted bundles.
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; ++bit) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// The section table of a bundle (docs/bundle-format.md): id → {offset, size}.
function sections(bundle) {
  const table = {};
  const count = bundle.readUInt32LE(24);
  for (let i = 0; i < count; ++i) {
    const entry = 32 + i * 24;
    table[bundle.readUInt32LE(entry)] = {
      offset: Number(bundle.readBigUInt64LE(entry + 8)), size: Number(bundle.readBigUInt64LE(entry + 16)),
    };
  }
  return table;
}

// The u32 at byte `field` of record `index` in section `id` (records of `size` bytes). Since format 4 a
// section's records are stored as byte planes: byte j of record i at j × count + i.
function recordU32(bundle, table, id, size, index, field) {
  const count = table[id].size / size;
  let value = 0;
  for (let k = 3; k >= 0; --k) value = value * 256 + bundle[table[id].offset + (field + k) * count + index];
  return value;
}

// A copy of `bundle` whose string at record `index` of section `id` (records of `size` bytes, the string
// reference at `field`) is replaced by `text` cut or padded with 'x' to the same byte length, with the
// CRC fixed. Returns the bytes and the string it replaced.
function withLink(bundle, id, size, index, field, text) {
  const copy = Buffer.from(bundle);
  const table = sections(copy);
  const offset = recordU32(copy, table, id, size, index, field);
  const length = recordU32(copy, table, id, size, index, field + 4);
  assert.ok(length >= 12, 'a link long enough to rewrite');
  const blob = table[2].offset;
  const before = copy.toString('utf8', blob + offset, blob + offset + length);
  const replacement = Buffer.from(text.padEnd(length, 'x')).subarray(0, length);
  replacement.copy(copy, blob + offset);
  copy.writeUInt32LE(crc32(copy.subarray(16)), 12);
  return {bytes: copy, before};
}

// The first record of a section whose string at `field` starts with http.
function firstWithLink(bundle, id, size, field) {
  const table = sections(bundle);
  for (let i = 0; i * size < table[id].size; ++i) {
    const offset = recordU32(bundle, table, id, size, i, field);
    const length = recordU32(bundle, table, id, size, i, field + 4);
    if (length >= 12 && bundle.toString('utf8', table[2].offset + offset, table[2].offset + offset + 4) === 'http')
      return i;
  }
  return -1;
}

let server;
let browser;
const crafted = {};
before(async () => {
  const real = fs.readFileSync(path.join(siteDir, 'data/jeonbuk-sample.bundle'));
  // Program records are 136 bytes with apply_url at 72; facility records 88 bytes with homepage at 80.
  const program = firstWithLink(real, 5, 136, 72);
  const facility = firstWithLink(real, 4, 88, 80);
  assert.ok(program >= 0 && facility >= 0, 'the sample has apply links and homepages');
  crafted.program = {index: program, ...withLink(real, 5, 136, program, 72, 'javascript:alert(1)//')};
  crafted.facility = {index: facility, ...withLink(real, 4, 88, facility, 80, 'data:text/html,<b>x</b>')};
  server = await startServer({
    '/data/javascript-link.bundle': crafted.program.bytes,
    '/data/data-link.bundle': crafted.facility.bytes,
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openRecordingWindowOpen(url) {
  const context = await browser.newContext({viewport: {width: 1000, height: 700}});
  await context.addInitScript(() => {
    window.openedUrls = [];
    window.open = (url) => {
      window.openedUrls.push(String(url));
      return null;
    };
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.bokjiPage && window.bokjiPage.state !== 'loading', null,
                             {timeout: 60000});
  return page;
}

for (const [name, file, record, field] of [
  ['program', 'javascript-link', 'program', 'apply_url'],
  ['facility', 'data-link', 'facility', 'homepage'],
]) {
  test(`a bundle with a ${field} that is not http(s) is refused whole`, async () => {
    assert.match(crafted[name].before, /^https?:\/\//, 'the rewritten string was a web link');
    const page = await openRecordingWindowOpen(`${server.url}/?bundle=data/${file}.bundle`);
    const shown = await page.evaluate(() => ({
      state: window.bokjiPage.state,
      message: document.getElementById('error-message').textContent,
      detail: document.getElementById('error-detail').textContent,
      opened: window.openedUrls,
    }));
    await screenshot(page, `error-${file}`);
    assert.equal(shown.state, 'error');
    assert.equal(shown.message, '데이터 파일이 손상되었거나 형식이 맞지 않습니다.');
    assert.match(shown.detail, new RegExp(`refused: ${record} ${crafted[name].index} has a ${field} that is not an http or https link`));
    assert.doesNotMatch(shown.detail, /checksum|corrupted/, 'the checksum was right: the link check refused it');
    assert.deepEqual(shown.opened, []);
    await page.context().close();
  });
}

test('the page opens only http(s) links in a new tab and tel: in its own', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);  // a real origin: new URL and window.open as the app sees them
  const source = fs.readFileSync(path.join(here, '../../web/bridge.js'), 'utf8');
  const result = await page.evaluate((bridge) => {
    // bridge.js is an Emscripten JS library: collect its functions as the linker would.
    let library = null;
    const mergeInto = (_, functions) => { library = functions; };
    new Function('mergeInto', 'LibraryManager', bridge)(mergeInto, {library: {}});
    const opened = [];
    const navigated = [];
    window.open = (url) => { opened.push(url); return null; };
    const open = new Function('UTF8ToString', 'window', 'return ' + library.bokji_js_open_url.toString())(
        (s) => s, {open: window.open, set location(v) {}, get location() {
          return {set href(v) { navigated.push(v); }};
        }});
    const cases = [
      ['https://www.bokjiro.go.kr/ssis-tbu/x?wlfareInfoId=WLF1', 1],
      ['http://www.example.org/', 1],
      ['HTTPS://EXAMPLE.ORG/', 1],
      ['https://map.kakao.com/link/to/%EA%B0%80,35.8,127.1', 1],
      ['tel:0632229999', 0],
      ['tel:+82632229999', 0],
      ['javascript:alert(1)', 1],
      ['JaVaScRiPt:alert(1)', 1],
      ['java\tscript:alert(1)', 1],
      ['data:text/html,<script>alert(1)</script>', 1],
      ['vbscript:msgbox', 1],
      [' https://example.org/', 1],
      ['https:\\\\example.org', 1],
      ['https:/example.org', 1],
      ['//example.org/', 1],
      ['tel:0632229999', 1],
      ['javascript:alert(1)', 0],
      ['tel:0632229999;javascript:x', 0],
      ['', 1],
    ];
    for (const [url, newTab] of cases) open(url, newTab);
    return {opened, navigated};
  }, source);
  assert.deepEqual(result.opened, [
    'https://www.bokjiro.go.kr/ssis-tbu/x?wlfareInfoId=WLF1',
    'http://www.example.org/',
    'HTTPS://EXAMPLE.ORG/',
    'https://map.kakao.com/link/to/%EA%B0%80,35.8,127.1',
  ]);
  assert.deepEqual(result.navigated, ['tel:0632229999', 'tel:+82632229999']);
  await page.close();
});
