// web/kiosk.js: the page's part of kiosk mode (?mode=kiosk): the idle reset and "처음으로".
//
// A kiosk in a 행정복지센터 lobby is used by strangers one after another. After `idle` seconds without
// input (DEFAULT 60) a warning counts down `idle_warning` seconds (DEFAULT 15) with "계속 사용"; any input
// keeps the session. When the countdown ends, or when someone presses the app's "처음으로" (the app sends
// the page a 'bokji:start-over' event), everything goes back to the start:
//   - the app: window.bokjiPage.reset() (App::Reset: state = AppState{} — search, filters, card, the
//     self-check's answers, the view, the language, text size and contrast — and its caches);
//   - the page: the text field's value, the focus, the URL (history.replaceState: only the page's own
//     parameters stay: mode, bundle, idle, idle_warning), localStorage, sessionStorage and this site's
//     cookies;
//   - other parts of the page: a 'bokji:reset' event on window, after the above, for page code that keeps
//     something of its own (a half-filled form) to clear it.
// The timers are the page's (setTimeout), not animation frames: the app may stop drawing while nothing
// moves, and the reset still comes on time.
//
// URL parameters (the kiosk's start address): ?mode=kiosk&idle=60&idle_warning=15 (seconds; decimals
// allowed, tests use short times); without them the site's configuration (site-config.json), else 60 and 15.
// bokji-server's kiosk_paths (DEFAULT /kiosk) redirect to such an address with its configured times. Loaded by index.html with one <script> line; does nothing outside kiosk
// mode.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  if (params.get('mode') !== 'kiosk') return;
  const page = window.bokjiPage;
  if (!page) return;

  const seconds = (name, fallback) => {
    const value = Number(params.get(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  // The address's times win; without them, the site's configuration (site-config.json: bokji-server's
  // kiosk_idle_seconds / kiosk_warning_seconds, or the file a static host serves), read once at start.
  let idleMs = seconds('idle', 60) * 1000;
  let warningMs = seconds('idle_warning', 15) * 1000;
  if (!params.has('idle') || !params.has('idle_warning')) {
    fetch('site-config.json', {cache: 'no-cache', credentials: 'same-origin'})
      .then((response) => (response.ok ? response.json() : {}))
      .then((config) => {
        const kiosk = (config && config.kiosk) || {};
        const positive = (v) => typeof v === 'number' && Number.isFinite(v) && v > 0;
        if (!params.has('idle') && positive(kiosk.idle_seconds)) idleMs = kiosk.idle_seconds * 1000;
        if (!params.has('idle_warning') && positive(kiosk.warning_seconds)) {
          warningMs = kiosk.warning_seconds * 1000;
        }
        page.kiosk.idleMs = idleMs;
        page.kiosk.warningMs = warningMs;
        if (!page.kiosk.warning) scheduleIdle();
      })
      .catch(() => {});  // no configuration (offline, another host): the defaults above
  }
  // The page's own parameters, kept through a reset (everything else in the URL is the app's state).
  const kPageParams = ['mode', 'bundle', 'idle', 'idle_warning'];

  const STRINGS = {
    ko: {
      title: '계속 사용하시겠어요?',
      countdown: (s) => s + '초 뒤에 처음 화면으로 돌아갑니다. 입력한 내용은 모두 지워집니다.',
      keep: '계속 사용',
    },
    en: {
      title: 'Are you still using this?',
      countdown: (s) => 'Going back to the start in ' + s + ' s. Everything entered will be cleared.',
      keep: 'Keep using',
    },
    vi: {
      title: 'Bạn còn dùng không?',
      countdown: (s) => 'Sau ' + s + ' giây sẽ về màn hình đầu. Mọi thứ đã nhập sẽ bị xóa.',
      keep: 'Vẫn dùng tiếp',
    },
    'zh-Hans': {
      title: '您还在使用吗？',
      countdown: (s) => s + ' 秒后回到开始画面。输入的内容会全部清除。',
      keep: '继续使用',
    },
  };
  const language = () => {
    try {
      const code = (page.debug() || {}).language;
      return STRINGS[code] ? code : 'ko';
    } catch (e) {
      return 'ko';
    }
  };

  // ---- the warning: a DOM dialog over the canvas (large text, a 72 px button) ----
  const style = document.createElement('style');
  style.textContent = `
    #kiosk-idle { position: fixed; inset: 0; z-index: 10; display: flex; align-items: center;
                  justify-content: center; background: rgba(20, 24, 30, 0.55); }
    #kiosk-idle[hidden] { display: none; }
    #kiosk-idle .box { background: #fff; color: #1e2228; border-radius: 16px; padding: 40px 48px;
                       max-width: 720px; width: calc(100% - 64px); box-sizing: border-box; text-align: center; }
    #kiosk-idle h2 { font-size: 36px; margin: 0 0 16px; }
    #kiosk-idle p { font-size: 28px; line-height: 1.5; margin: 0 0 28px; }
    #kiosk-idle button { font: inherit; font-size: 32px; min-height: 80px; min-width: 280px; border: 0;
                         border-radius: 12px; background: #0066cc; color: #fff; cursor: pointer; }`;
  document.head.appendChild(style);
  const dialog = document.createElement('div');
  dialog.id = 'kiosk-idle';
  dialog.hidden = true;
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'kiosk-idle-title');
  dialog.setAttribute('aria-describedby', 'kiosk-idle-text');
  dialog.innerHTML = '<div class="box"><h2 id="kiosk-idle-title"></h2><p id="kiosk-idle-text"></p>' +
                     '<button type="button" id="kiosk-idle-keep"></button></div>';
  document.body.appendChild(dialog);
  const $ = (id) => document.getElementById(id);

  // ---- the timers ----
  let lastInput = performance.now();
  let idleTimer = 0;       // fires at lastInput + idleMs: shows the warning
  let warningTimer = 0;    // fires when the countdown ends: the reset
  let countdownTimer = 0;  // updates the seconds shown
  let warningEnds = 0;

  function scheduleIdle() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      const left = lastInput + idleMs - performance.now();
      if (left > 1) scheduleIdle();  // input came meanwhile
      else showWarning();
    }, Math.max(0, lastInput + idleMs - performance.now()));
  }

  function showWarning() {
    const S = STRINGS[language()];
    warningEnds = performance.now() + warningMs;
    $('kiosk-idle-title').textContent = S.title;
    $('kiosk-idle-keep').textContent = S.keep;
    const tick = () => {
      const left = Math.max(0, Math.ceil((warningEnds - performance.now()) / 1000));
      $('kiosk-idle-text').textContent = S.countdown(left);
    };
    tick();
    dialog.hidden = false;
    page.kiosk.warning = true;
    countdownTimer = setInterval(tick, 250);
    warningTimer = setTimeout(startOver, warningMs);
    $('kiosk-idle-keep').focus();
  }

  function hideWarning() {
    clearTimeout(warningTimer);
    clearInterval(countdownTimer);
    dialog.hidden = true;
    page.kiosk.warning = false;
  }

  // Any input is someone at the kiosk: the session goes on. While the warning shows, it covers the screen
  // and a tap on it (anywhere, "계속 사용" or not) or a key ends it; the tap does not reach the app beneath.
  function keepSession() {
    lastInput = performance.now();
    if (!dialog.hidden) hideWarning();
    scheduleIdle();
  }
  function onInput(e) {
    if (!dialog.hidden) {
      if (e.type === 'keydown') keepSession();
      return;  // pointers: the dialog's click decides
    }
    lastInput = performance.now();
  }
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input']) {
    window.addEventListener(type, onInput, {capture: true, passive: true});
  }
  dialog.addEventListener('click', keepSession);

  // ---- the reset ----
  function clearCookies() {
    for (const pair of document.cookie.split(';')) {
      const name = pair.split('=')[0].trim();
      if (!name) continue;
      const expired = name + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0';
      document.cookie = expired + '; path=/';
      document.cookie = expired + '; path=' + location.pathname;
      document.cookie = expired;
    }
  }

  function startOver() {
    hideWarning();
    if (page.state === 'ready' && page.reset) page.reset();
    const field = document.getElementById('bokji-text-field');
    if (field) {
      field.value = '';
      field.dispatchEvent(new Event('input'));  // the app reads the empty value
    }
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    const kept = new URLSearchParams();
    for (const name of kPageParams) {
      if (params.has(name)) kept.set(name, params.get(name));
    }
    const query = kept.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    try {
      localStorage.clear();
      sessionStorage.clear();
    } catch (e) {
      // Storage refused (a sandboxed or private window): nothing was kept there either.
    }
    clearCookies();
    page.kiosk.resets += 1;
    window.dispatchEvent(new Event('bokji:reset'));
    lastInput = performance.now();
    scheduleIdle();
  }

  // The app's "처음으로" (web/panels/kiosk_bar.cc, through bridge.js).
  window.addEventListener('bokji:start-over', startOver);

  // A kiosk's screen keyboard is the app's own (web/panels/kiosk_keyboard.cc): the text field asks the
  // system for none.
  const quietField = () => {
    const field = document.getElementById('bokji-text-field');
    if (field) field.inputMode = 'none';
    return field !== null;
  };
  if (!quietField()) {
    const watch = setInterval(() => {
      if (quietField() || page.state === 'error') clearInterval(watch);
    }, 200);
  }

  // ---- the bar's height, for page parts drawn over the canvas (the help form stops above it) ----
  // Read from the app's last frame (the bar grows with the text size); after any tap and on resize.
  function measureBar() {
    if (page.state !== 'ready') return;
    let bar = null;
    try {
      bar = (page.debug() || {buttons: {}}).buttons.kiosk_start_over;
    } catch (e) {
      bar = null;
    }
    if (!bar) return;
    const height = Math.max(0, Math.ceil(window.innerHeight - bar[1] + 12));  // the bar's padding above
    document.documentElement.style.setProperty('--bokji-kiosk-bar', height + 'px');
  }
  window.addEventListener('pointerup', () => setTimeout(measureBar, 200), true);
  window.addEventListener('resize', () => setTimeout(measureBar, 200));
  const barWatch = setInterval(() => {
    if (page.state === 'error') clearInterval(barWatch);
    if (page.state !== 'ready') return;
    clearInterval(barWatch);
    measureBar();
  }, 200);

  // For tests and for a kiosk's supervisor: how it is set up, and a reset on demand.
  page.kiosk = {idleMs, warningMs, warning: false, resets: 0, startOver};
  scheduleIdle();
})();
