// web/form_keyboard.js: an on-screen 두벌식 keyboard for the page's own text fields on a kiosk
// (?mode=kiosk): the help-request form (web/help_form.js) is DOM, and a lobby's touch screen has no
// keyboard. The keys, their labels and the Hangul composition are the app's (web/form_keyboard.cc:
// the same layout and libhangul as the app's keyboard panel), through window.bokjiPage.formKeyboard.
//
//   - Opens when a text field of the form takes the focus (its inputmode becomes "none", so a tablet's
//     own keyboard stays away); types at the end of the field; "완료" or a tap outside a field closes it.
//   - A field that changed elsewhere (a physical keyboard, a reset) is the start again, as in the app.
//   - It docks above the kiosk's bar (--bokji-kiosk-bar, set by web/kiosk.js); the form gets room below
//     its last field so that nothing is hidden behind the keys.
// Loaded by index.html with one <script> line; does nothing outside kiosk mode.
(function () {
  'use strict';
  if (new URLSearchParams(location.search).get('mode') !== 'kiosk') return;
  const page = window.bokjiPage;
  if (!page) return;

  const style = document.createElement('style');
  style.textContent = `
    #form-keyboard { position: fixed; left: 0; right: 0; bottom: var(--bokji-kiosk-bar, 0px); z-index: 30;
                     background: #d5d9df; padding: 10px; box-sizing: border-box; display: none;
                     font: 28px/1.2 "Noto Sans KR", "NanumGothic", sans-serif; }
    #form-keyboard.open { display: block; }
    #form-keyboard .fk-row { display: flex; justify-content: center; gap: 8px; margin-bottom: 8px; }
    #form-keyboard button { min-height: 72px; min-width: 60px; flex: 0 0 auto; border: 1px solid #9aa1ab;
                            border-radius: 10px; background: #fff; color: #1e2228; font: inherit; }
    #form-keyboard button.fk-wide { background: #eef0f3; font-size: 24px; }
    #form-keyboard button[aria-pressed="true"] { background: #0066cc; color: #fff; }
    #form-keyboard button:focus-visible { outline: 3px solid #0066cc; outline-offset: 2px; }
    #form-keyboard button.fk-done { background: #0066cc; color: #fff; border-color: #0066cc; }
  `;
  document.head.appendChild(style);

  const board = document.createElement('div');
  board.id = 'form-keyboard';
  board.setAttribute('role', 'group');
  document.body.appendChild(board);

  let field = null;       // the text field it types into
  let lastValue = null;   // what it last wrote there (anything else: start again from the field)
  let layout = null;      // from the app, in the app's language when the keyboard opened
  let shifted = false;
  const keyButtons = [];  // [button, key]

  const isTextField = (el) => el && el.closest && el.closest('#bokji-help') &&
    (el.tagName === 'TEXTAREA' ||
     (el.tagName === 'INPUT' && ['text', 'tel', 'search', 'email', ''].includes(el.type)));

  function build() {
    layout = page.formKeyboard(0);
    board.replaceChildren();
    keyButtons.length = 0;
    const unit = Math.floor((Math.min(window.innerWidth, 1400) - 20 - 8 * 11) / layout.width);
    layout.rows.forEach((row, r) => {
      const line = document.createElement('div');
      line.className = 'fk-row';
      row.forEach((key, k) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.style.width = Math.round(key.width * unit + (key.width - 1) * 8) + 'px';
        if (key.action !== 'type') button.className = 'fk-wide';
        button.dataset.row = r;
        button.dataset.key = k;
        // Keep the field's focus: the button never takes it.
        button.addEventListener('pointerdown', (e) => e.preventDefault());
        button.addEventListener('click', () => press(r, k));
        keyButtons.push([button, key]);
        line.appendChild(button);
      });
      if (r === layout.rows.length - 1) {
        const done = document.createElement('button');
        done.type = 'button';
        done.className = 'fk-wide fk-done';
        done.id = 'form-keyboard-done';
        done.textContent = layout.done;
        done.style.width = Math.round(2 * unit + 8) + 'px';
        done.addEventListener('pointerdown', (e) => e.preventDefault());
        done.addEventListener('click', close);
        line.appendChild(done);
      }
      board.appendChild(line);
    });
    label();
  }

  function label() {
    for (const [button, key] of keyButtons) {
      button.textContent = shifted ? key.shifted : key.label;
      if (key.action === 'shift') button.setAttribute('aria-pressed', shifted ? 'true' : 'false');
    }
  }

  function write(state) {
    if (!field || !state || state.error) return;
    const max = field.maxLength > 0 ? field.maxLength : Infinity;
    if (state.text.length > max) return;  // the field's own limit: the key does nothing
    field.value = state.text;
    lastValue = field.value;
    shifted = Boolean(state.shifted);
    label();
    field.dispatchEvent(new Event('input', {bubbles: true}));  // the form keeps its own state
    const end = field.value.length;
    try {
      field.setSelectionRange(end, end);
    } catch (e) {
      // <input type=tel|email> has no selection: nothing to move.
    }
  }

  function press(row, key) {
    if (!field) return;
    if (field.value !== lastValue) page.formKeyboard(1, 0, 0, field.value);  // changed elsewhere
    write(page.formKeyboard(2, row, key));
  }

  function open(target) {
    if (page.state !== 'ready') return;
    if (field !== target) {
      field = target;
      field.setAttribute('inputmode', 'none');
      page.formKeyboard(1, 0, 0, field.value);
      lastValue = field.value;
      shifted = false;
    }
    build();
    board.classList.add('open');
    board.setAttribute('aria-label', layout.done);
    const sheet = document.querySelector('#bokji-help .bh-sheet');
    if (sheet) sheet.style.paddingBottom = (board.offsetHeight + 48) + 'px';
    field.scrollIntoView({block: 'center'});
  }

  function close() {
    if (field && field.value === lastValue) page.formKeyboard(3);
    board.classList.remove('open');
    const sheet = document.querySelector('#bokji-help .bh-sheet');
    if (sheet) sheet.style.paddingBottom = '';
    if (field) field.blur();
    field = null;
  }

  document.addEventListener('focusin', (e) => {
    if (isTextField(e.target)) open(e.target);
  });
  document.addEventListener('pointerdown', (e) => {
    // A tap outside the keyboard and outside any text field of the form closes it.
    if (!board.classList.contains('open') || board.contains(e.target) || isTextField(e.target)) return;
    close();
  }, true);
  window.addEventListener('bokji:reset', () => {
    if (board.classList.contains('open')) close();
    if (page.formKeyboard) page.formKeyboard(4);
    lastValue = null;
  });
  page.resetHooks.push(() => {
    if (board.classList.contains('open')) close();
  });
  page.formKeyboardPanel = board;
})();
