// web/embed.js: the page's part of embed mode (?embed=1 or ?mode=embed): the app inside another site's
// iframe. docs/embed.md is the host's guide (with a copy-paste snippet).
//
//   - postMessage API with the host page. Commands in, accepted only from the parent window and only from
//     the origins the embed lists (?origins=https://city.example,https://www.city.example) or the server's
//     configuration lists (frame_ancestors, served as site-config.json); anything else is ignored:
//       {type: 'setRegion', region: 35011}        the 시군구 filter (a KOSTAT code; 0 clears it)
//       {type: 'setCategories', categories: [..]} category indexes shown (FacilityCategory; [] = all)
//       {type: 'search', query: '복지관'}          the search text
//       {type: 'selectFacility', key: '...'}      a facility's card (its key, as facilitySelected gives it)
//       {type: 'setLanguage', language: 'en'}     'ko', 'en', 'vi' or 'zh'
//     Events out, to the listed origin (never '*' when one is known): ready, facilitySelected {key},
//     programSelected {serviceId}, heightChanged {height}. Nothing personal crosses: the app's state that
//     holds personal answers (the self-check) is never in the URL these are read from.
//   - The wheel: over the map it scrolls the host's page; Ctrl (or ⌘) + wheel moves the map, and a short
//     hint says so, as embedded map widgets do. Touch likewise: one finger over the map scrolls the host's
//     page, two fingers move the map; one finger on the app's panels works as in the full app.
// Loaded by index.html with one <script> line; does nothing outside embed mode.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  if (params.get('embed') !== '1' && params.get('mode') !== 'embed') return;
  const page = window.bokjiPage;
  if (!page) return;
  const host = window.parent !== window ? window.parent : null;

  // ---- who may talk to the embed ----
  // The origins the embed's address lists (?origins=) and those of the server's configuration
  // (frame_ancestors, read from site-config.json; docs/deploy.md). Until the configuration has been read
  // (or failed: a static host without it, no network) the app does not say `ready`, and hosts wait for it.
  const isOrigin = (o) => {
    try {
      return typeof o === 'string' && o !== '' && new URL(o).origin === o;
    } catch (e) {
      return false;
    }
  };
  const allowed = (params.get('origins') || '').split(',').map((o) => o.trim()).filter(isOrigin);
  let referrerOrigin = '';
  try {
    referrerOrigin = document.referrer ? new URL(document.referrer).origin : '';
  } catch (e) {
    referrerOrigin = '';
  }
  // Where events go: the listed origin the embedding page has (its referrer), or the only one listed;
  // '*' only when no origin is listed at all (then no command is accepted either).
  let target = '*';
  const chooseTarget = () => {
    target = allowed.includes(referrerOrigin) ? referrerOrigin
           : allowed.length === 1 ? allowed[0]
           : allowed.length === 0 ? (referrerOrigin || '*') : allowed[0];
    if (page.embed) page.embed.target = target;
  };
  chooseTarget();
  let configRead = false;
  fetch('site-config.json', {cache: 'no-cache', credentials: 'same-origin'})
    .then((response) => (response.ok ? response.json() : {}))
    .then((config) => {
      for (const origin of (config && config.embed_origins) || []) {
        if (isOrigin(origin) && !allowed.includes(origin)) allowed.push(origin);
      }
    })
    .catch(() => {})
    .then(() => { chooseTarget(); configRead = true; });
  const post = (message) => {
    if (host) host.postMessage(Object.assign({source: 'bokjimap'}, message), target);
  };

  // ---- commands in: each is a change of the app's URL state, applied as a link is ----
  const kAppKeys = new Set(['map', 'f', 'spot', 'p', 'info', 'edu', 'q', 'c', 't', 'r', 'open', 'near', 'tiles',
                            'v', 'ps', 'pu', 'pt', 'pg', 'pr', 'pq', 'lang']);
  // The app writes its URL once the view settles: until then the last command's query is the state.
  let lastQuery = null;     // what the last command applied
  let urlAtCommand = null;  // the URL's app keys when it did
  const appKeys = (search) => {
    const kept = new URLSearchParams();
    for (const [key, value] of new URLSearchParams(search)) if (kAppKeys.has(key)) kept.set(key, value);
    return kept.toString();
  };
  function applyKeys(changes) {
    const current = appKeys(location.search);
    const now = new URLSearchParams(lastQuery !== null && current === urlAtCommand ? lastQuery : current);
    const query = new URLSearchParams();
    for (const [key, value] of now) {
      if (kAppKeys.has(key) && !(key in changes)) query.set(key, value);
    }
    for (const [key, value] of Object.entries(changes)) {
      if (value !== null && value !== '') query.set(key, value);
    }
    if ('r' in changes || 'f' in changes) query.delete('map');  // the camera frames the new area or card
    // The whole state again, as a link gives it: the start screen, then the query (a key left out clears).
    page.reset();
    page.restore(query.toString());
    lastQuery = query.toString();
    urlAtCommand = current;
    page.embed.commands += 1;
  }
  const commands = {
    setRegion: (m) => applyKeys({r: Number.isInteger(m.region) && m.region > 0 ? String(m.region) : null}),
    setCategories: (m) => {
      if (!Array.isArray(m.categories)) return;
      const bits = m.categories.filter((c) => Number.isInteger(c) && c >= 0 && c < 31)
        .reduce((a, c) => a | (1 << c), 0);
      applyKeys({c: bits ? bits.toString(16) : null});
    },
    search: (m) => applyKeys({q: typeof m.query === 'string' ? m.query.slice(0, 100) : null}),
    selectFacility: (m) => applyKeys({f: typeof m.key === 'string' ? m.key : null, p: null}),
    setLanguage: (m) => applyKeys({lang: ['en', 'vi', 'zh'].includes(m.language) ? m.language : null}),
  };
  window.addEventListener('message', (e) => {
    if (!host || e.source !== host || !allowed.includes(e.origin)) return;  // not the listed host: ignored
    const m = e.data;
    if (!m || typeof m !== 'object' || !Object.hasOwn(commands, m.type)) return;
    if (page.state !== 'ready') return;
    commands[m.type](m);
  });

  // ---- events out: read from the app's URL, which it writes with history.replaceState ----
  let last = {f: null, p: null};
  function onUrl() {
    const now = new URLSearchParams(location.search);
    const f = now.get('f'), p = now.get('p');
    if (f !== last.f && f) post({type: 'facilitySelected', key: f});
    if (p !== last.p && p) post({type: 'programSelected', serviceId: p});
    last = {f, p};
  }
  const replaceState = history.replaceState.bind(history);
  history.replaceState = function (...args) {
    replaceState(...args);
    if (page.state === 'ready') onUrl();
  };
  let lastHeight = 0;
  const reportHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) post({type: 'heightChanged', height});
    lastHeight = height;
  };
  window.addEventListener('resize', reportHeight);
  const waitReady = setInterval(() => {
    if (page.state === 'error') clearInterval(waitReady);
    if (page.state !== 'ready' || !configRead) return;
    clearInterval(waitReady);
    onUrl();
    post({type: 'ready', version: 1});
    reportHeight();
  }, 100);

  // ---- the wheel: the host's page scrolls; Ctrl/⌘ + wheel moves the map ----
  const STRINGS = {
    ko: '지도를 움직이려면 Ctrl 키를 누른 채 휠을 돌리세요.',
    en: 'Hold Ctrl and scroll to move the map.',
    vi: 'Giữ phím Ctrl và lăn chuột để di chuyển bản đồ.',
    'zh-Hans': '按住 Ctrl 键再滚动滚轮来移动地图。',
  };
  const hint = document.createElement('div');
  hint.id = 'embed-wheel-hint';
  hint.setAttribute('role', 'status');
  Object.assign(hint.style, {
    position: 'fixed', left: '50%', top: '50%', transform: 'translate(-50%, -50%)', zIndex: '5',
    background: 'rgba(20, 24, 30, 0.82)', color: '#fff', padding: '12px 18px', borderRadius: '10px',
    font: '16px/1.4 sans-serif', maxWidth: '80%', textAlign: 'center', pointerEvents: 'none', display: 'none',
  });
  document.body.appendChild(hint);
  let hintTimer = 0;
  window.addEventListener('wheel', (e) => {
    if (e.ctrlKey || e.metaKey) return;  // the map's, as in the full app
    // Not the app's: the canvas's own listener (bridge.js) never sees it, so it does not prevent the default
    // and the scroll goes on to the host's page.
    e.stopImmediatePropagation();
    let language = 'ko';
    try {
      const code = (page.debug() || {}).language;
      language = STRINGS[code] ? code : 'ko';
    } catch (err) {
      language = 'ko';
    }
    hint.textContent = STRINGS[language];
    hint.style.display = 'block';
    page.embed.hints += 1;
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => { hint.style.display = 'none'; }, 1500);
  }, {capture: true, passive: true});

  // ---- touch: one finger over the map scrolls the host's page; two fingers move the map ----
  // The canvas lets the browser pan (touch-action: pan-x pan-y), so a finger dragged over the map scrolls
  // the host's page (the browser then cancels the app's pointer: no drag, no click). Two fingers, and one
  // finger on a panel of the app (its list, a card: the app scrolls those itself), cancel the browser's
  // pan from their touch events, so the app gets them as in the full app.
  const TOUCH_STRINGS = {
    ko: '지도를 움직이려면 두 손가락을 쓰세요.',
    en: 'Use two fingers to move the map.',
    vi: 'Dùng hai ngón tay để di chuyển bản đồ.',
    zh: '请用两根手指移动地图。',
  };
  const canvas = document.getElementById('canvas');
  let fingerOnMap = false;
  const onPanel = (x, y) => {
    let view = null;
    try {
      view = page.debug();
    } catch (err) {
      view = null;
    }
    const overlays = (view && view.overlays) || [];
    return overlays.some((r) => x >= r[0] && x < r[2] && y >= r[1] && y < r[3]);
  };
  if (canvas) {
    canvas.style.touchAction = 'pan-x pan-y';
    canvas.addEventListener('touchstart', (e) => {
      if (e.touches.length >= 2) {
        fingerOnMap = false;
        if (e.cancelable) e.preventDefault();  // two fingers: the map's pinch and pan
        return;
      }
      const rect = canvas.getBoundingClientRect();
      const touch = e.touches[0];
      fingerOnMap = !onPanel(touch.clientX - rect.left, touch.clientY - rect.top);
      if (!fingerOnMap && e.cancelable) e.preventDefault();  // a panel: the app's own scrolling
    }, {passive: false});
    canvas.addEventListener('touchmove', (e) => {
      if (e.touches.length >= 2 && e.cancelable) e.preventDefault();
    }, {passive: false});
    canvas.addEventListener('pointercancel', (e) => {
      // The browser took a finger on the map for the page's scrolling: say how the map moves.
      if (e.pointerType !== 'touch' || !fingerOnMap) return;
      let language = 'ko';
      try {
        language = (page.debug() || {}).language || 'ko';
      } catch (err) {
        language = 'ko';
      }
      hint.textContent = TOUCH_STRINGS[language] || TOUCH_STRINGS.ko;
      hint.style.display = 'block';
      page.embed.touchHints += 1;
      clearTimeout(hintTimer);
      hintTimer = setTimeout(() => { hint.style.display = 'none'; }, 1500);
    });
  }

  page.embed = {allowed, target, commands: 0, hints: 0, touchHints: 0};
})();
