// The app's side of the page: DOM events into the wasm (the bokji_on_* exports in web/platform.cc) and the
// page calls the C++ makes (bokji_js_* in web/platform.h). Linked with --js-library; index.html provides
// window.bokjiPage (error screen, loading screen).
//
// Sizes: the canvas fills its CSS box; its drawing buffer is that box times devicePixelRatio, so text and
// lines are sharp on high-DPI screens. C++ lays out in CSS pixels.

mergeInto(LibraryManager.library, {
  bokji_js_attach_input: function () {
    const canvas = Module['canvas'];
    const kModShift = 1, kModCtrl = 2, kModAlt = 4, kModMeta = 8;
    const modifiers = (e) =>
      (e.shiftKey ? kModShift : 0) | (e.ctrlKey ? kModCtrl : 0) | (e.altKey ? kModAlt : 0) |
      (e.metaKey ? kModMeta : 0);

    // ---- size and pixel ratio ----
    let lastRatio = 0;
    let ratioQuery = null;
    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      const rect = canvas.getBoundingClientRect();
      const width = Math.max(1, Math.round(rect.width * ratio));
      const height = Math.max(1, Math.round(rect.height * ratio));
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      _bokji_on_resize(rect.width, rect.height, width, height, ratio);
      if (Module['bokjiPlaceField']) Module['bokjiPlaceField']();
      if (ratio !== lastRatio) {
        // Moving to another screen or browser zoom changes the ratio without a resize of the box.
        lastRatio = ratio;
        if (ratioQuery) ratioQuery.removeEventListener('change', resize);
        ratioQuery = window.matchMedia('(resolution: ' + ratio + 'dppx)');
        ratioQuery.addEventListener('change', resize);
      }
    };
    window.addEventListener('resize', resize);
    if (window.ResizeObserver) new ResizeObserver(resize).observe(canvas);
    resize();

    // ---- a touch screen? (larger targets: Theme::min_target_height) ----
    const coarsePointer = window.matchMedia('(any-pointer: coarse)');
    const touchScreen = () => _bokji_on_touch_screen(coarsePointer.matches ? 1 : 0);
    coarsePointer.addEventListener('change', touchScreen);
    touchScreen();

    // ---- pointers (mouse, pen, touch) ----
    const kDown = 0, kMove = 1, kUp = 2, kCancel = 3;
    const pointer = (phase) => (e) => {
      const rect = canvas.getBoundingClientRect();
      if (phase === kDown) {
        canvas.setPointerCapture(e.pointerId);
        window.focus();
      }
      _bokji_on_pointer(phase, e.pointerId, e.pointerType === 'touch' ? 1 : 0, e.clientX - rect.left,
                        e.clientY - rect.top, e.button);
      e.preventDefault();
    };
    canvas.addEventListener('pointerdown', pointer(kDown));
    canvas.addEventListener('pointermove', pointer(kMove));
    canvas.addEventListener('pointerup', pointer(kUp));
    canvas.addEventListener('pointercancel', pointer(kCancel));
    canvas.addEventListener('pointerleave', (e) => {
      if (e.pointerType !== 'touch') _bokji_on_pointer_leave();
    });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
      const rect = canvas.getBoundingClientRect();
      // deltaMode 1 = lines, 2 = pages; ImGui and the map want pixels.
      const scale = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? rect.height : 1;
      // A trackpad pinch arrives as a wheel with ctrlKey and small deltas: make it zoom at a useful rate.
      const pinchBoost = e.ctrlKey ? 4 : 1;
      _bokji_on_wheel(e.clientX - rect.left, e.clientY - rect.top, e.deltaX * scale * pinchBoost,
                      e.deltaY * scale * pinchBoost);
      e.preventDefault();
    }, {passive: false});

    // ---- the text field: a transparent <input> over the search box the app draws ----
    // The browser edits (IME composition, mobile keyboards, paste, selection); the app draws what it reports.
    const field = document.createElement('input');
    field.type = 'search';
    field.id = 'bokji-text-field';
    field.autocomplete = 'off';
    field.spellcheck = false;
    field.setAttribute('autocapitalize', 'off');
    field.setAttribute('enterkeyhint', 'search');
    Object.assign(field.style, {
      position: 'fixed', left: '0px', top: '0px', width: '0px', height: '0px', display: 'none',
      margin: '0', padding: '0 8px', border: '0', outline: 'none', opacity: '0',
      fontSize: '16px',  // 16 px or more: iOS does not zoom the page when it gets focus
      background: 'transparent', color: 'transparent', caretColor: 'transparent', zIndex: '1',
    });
    document.body.appendChild(field);
    Module['bokjiTextField'] = field;
    let composition = null;  // [begin, end) in UTF-16 units while an IME composes
    const utf8 = (text) => lengthBytesUTF8(text);
    const report = () => {
      const value = field.value;
      const begin = field.selectionStart === null ? value.length : field.selectionStart;
      const end = field.selectionEnd === null ? value.length : field.selectionEnd;
      const c0 = composition ? utf8(value.slice(0, composition[0])) : -1;
      const c1 = composition ? utf8(value.slice(0, composition[1])) : -1;
      ccall('bokji_on_text_field', null, ['string', 'number', 'number', 'number', 'number', 'number'],
            [value, utf8(value.slice(0, begin)), utf8(value.slice(0, end)), c0, c1,
             document.activeElement === field ? 1 : 0]);
    };
    field.addEventListener('compositionstart', () => {
      const at = field.selectionStart === null ? field.value.length : field.selectionStart;
      composition = [at, at];
    });
    field.addEventListener('compositionupdate', (e) => {
      if (composition) composition[1] = composition[0] + (e.data || '').length;
    });
    field.addEventListener('compositionend', () => {
      composition = null;
      report();
    });
    field.addEventListener('input', () => {
      if (composition) composition[1] = Math.max(composition[0], field.selectionEnd || composition[1]);
      report();
    });
    document.addEventListener('selectionchange', () => {
      if (document.activeElement === field) report();
    });
    field.addEventListener('focus', report);
    field.addEventListener('blur', () => {
      composition = null;
      report();
    });
    field.addEventListener('keydown', (e) => {
      e.stopPropagation();  // typing in the field is not a map shortcut
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Enter' || e.key === 'Escape' || e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault();
        ccall('bokji_on_text_field_key', null, ['string'], [e.key]);
        if (e.key === 'Escape' || e.key === 'Enter') field.blur();
      }
    });
    field.addEventListener('keyup', (e) => e.stopPropagation());

    // ---- keys ----
    const key = (down) => (e) => {
      if (e.isComposing) return;  // an IME owns the key
      // Tab always moves the browser's focus (through the accessible mirror, web/mirror.js). On a mirror
      // element, Enter and Space are the element's (the browser clicks it) and a <select> keeps its keys;
      // other keys (arrows pan, + and - zoom, Escape closes the card) still reach the map.
      if (e.key === 'Tab') return;
      const mirror = document.getElementById('a11y-mirror');
      if (mirror && mirror.contains(e.target)) {
        if (e.key === 'Enter' || e.key === ' ' || e.target.tagName === 'SELECT') return;
      }
      const taken = ccall('bokji_on_key', 'number', ['string', 'string', 'number', 'number'],
                          [e.code || '', e.key || '', down ? 1 : 0, modifiers(e)]);
      if (taken) e.preventDefault();
    };
    window.addEventListener('keydown', key(true));
    window.addEventListener('keyup', key(false));
    window.addEventListener('blur', () => _bokji_on_focus(0));
    window.addEventListener('focus', () => _bokji_on_focus(1));
  },

  bokji_js_show_error: function (title, message, detail) {
    const page = window['bokjiPage'];
    if (page) page.showError(UTF8ToString(title), UTF8ToString(message), UTF8ToString(detail));
  },

  bokji_js_ready: function () {
    const page = window['bokjiPage'];
    if (page) page.ready();
  },

  // The last guard before the browser opens anything (core/links.h is the rule the importer and the
  // bundle reader apply first): web pages (http:, https:) in a new tab; in this tab only a phone call
  // (tel: and digits). Anything else — javascript:, data:, a link the URL parser reads otherwise — is
  // refused with a console warning and opens nothing.
  bokji_js_open_url: function (url, newTab) {
    const target = UTF8ToString(url);
    let parsed = null;
    try {
      parsed = new URL(target);
    } catch (e) {
      parsed = null;
    }
    const web = parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
        /^https?:\/\/[^\/\\\s]/i.test(target) && !/[\x00-\x20\x7f\\]/.test(target);
    const call = !newTab && /^tel:\+?[0-9]{3,}$/.test(target);
    if (!web && !call) {
      console.warn('bokji: refused to open a link that is not http(s)' + (newTab ? '' : ' or tel') +
                   ': ' + target.slice(0, 60));
      return;
    }
    if (newTab) {
      window.open(target, '_blank', 'noopener');
    } else {
      window.location.href = target;
    }
  },

  // The accessible mirror's description: web/mirror.js (loaded by index.html) keeps the DOM in step.
  bokji_js_mirror: function (json) {
    const mirror = window['bokjiMirror'];
    if (mirror) mirror.update(UTF8ToString(json), Module);
  },

  // Not within the frame that asked: the page's reset calls back into the app (web/kiosk.js).
  bokji_js_start_over: function () {
    setTimeout(() => window.dispatchEvent(new Event('bokji:start-over')), 0);
  },

  bokji_js_served_offline: function () {
    const page = window['bokjiPage'];
    return page && page.servedOffline ? 1 : 0;
  },

  bokji_js_set_cursor: function (cursor) {
    Module['canvas'].style.cursor = UTF8ToString(cursor);
  },

  bokji_js_place_text_field: function (x, y, width, height, label) {
    const field = Module['bokjiTextField'];
    field.setAttribute('aria-label', UTF8ToString(label));  // screen readers name the field
    if (width <= 0 || height <= 0) {
      if (document.activeElement === field) field.blur();
      field.style.display = 'none';
      Module['bokjiPlaceField'] = null;
      return;
    }
    Module['bokjiPlaceField'] = () => {
      const canvas = Module['canvas'];
      const rect = canvas.getBoundingClientRect();
      // Under CSS zoom (a page or host that zooms the document) the field's own px are multiplied by the
      // zoom while the app lays out in the canvas's on-screen px: place it in unzoomed px, or it grows and
      // covers the buttons beside the search box. Placed again on resize (a zoom change is one).
      const zoom = canvas.offsetWidth > 0 ? rect.width / canvas.offsetWidth : 1;
      Object.assign(field.style, {
        display: 'block', left: (rect.left + x) / zoom + 'px', top: (rect.top + y) / zoom + 'px',
        width: width / zoom + 'px', height: height / zoom + 'px',
      });
    };
    Module['bokjiPlaceField']();
  },

  bokji_js_set_text_field_value: function (value) {
    const field = Module['bokjiTextField'];
    field.value = UTF8ToString(value);
    field.dispatchEvent(new Event('input'));
  },

  // A raster map tile: an <img> (cross-origin, so WebGL may read it) uploaded into a texture registered in
  // Emscripten's GL table, whose name the app gets back. A failure (no network, 404) answers with 0.
  bokji_js_request_tile__deps: ['$GL'],
  bokji_js_request_tile: function (url, key, generation) {
    const image = new Image();
    image.crossOrigin = 'anonymous';
    image.onload = () => {
      const gl = GLctx;
      if (!gl || gl.isContextLost()) return;
      const texture = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.bindTexture(gl.TEXTURE_2D, null);
      const name = GL.getNewId(GL.textures);
      texture.name = name;
      GL.textures[name] = texture;
      _bokji_on_tile(key, generation, name);
    };
    image.onerror = () => _bokji_on_tile(key, generation, 0);
    image.src = UTF8ToString(url);
  },

  // One animation frame for the app (web/platform.cc schedules at most one at a time, and only when a
  // frame was requested). An exception in the frame aborts the app: the page's error screen shows it.
  bokji_js_request_animation_frame: function () {
    requestAnimationFrame(() => _bokji_animation_frame());
  },

  bokji_js_request_location: function () {
    if (!navigator.geolocation) {
      _bokji_on_location(0, 0, 0, 0, 2);
      return;
    }
    navigator.geolocation.getCurrentPosition(
        (p) => _bokji_on_location(1, p.coords.latitude, p.coords.longitude, p.coords.accuracy || 0, 0),
        (e) => _bokji_on_location(0, 0, 0, 0, e.code || 2),
        {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  },

  // Keeps the address bar in step with the view, the filters, the search and the open card, so a link or a
  // reload shows the same. `query` holds the app's parameters; the other app keys are removed.
  bokji_js_replace_url_state: function (query, appKeys) {
    const url = new URL(window.location.href);
    for (const key of UTF8ToString(appKeys).split(',')) url.searchParams.delete(key);
    new URLSearchParams(UTF8ToString(query)).forEach((value, key) => url.searchParams.set(key, value));
    try {
      window.history.replaceState(window.history.state, '', url);
    } catch (e) {
      // Sandboxed iframes may refuse: the state is a convenience.
    }
  },

  bokji_js_page_url__deps: ['malloc'],
  bokji_js_page_url: function () {
    const href = window.location.href;
    const size = lengthBytesUTF8(href) + 1;
    const pointer = _malloc(size);
    stringToUTF8(href, pointer, size);
    return pointer;
  },

  // The Clipboard API where allowed; else a selected <textarea> and execCommand('copy').
  bokji_js_copy_to_clipboard: function (text) {
    const value = UTF8ToString(text);
    const fallback = () => {
      const area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand('copy');
      } catch (e) {
        // Nothing more to try: the link stays in the address bar.
      }
      area.remove();
    };
    window.bokjiPage.lastCopied = value;  // for tests, which cannot read the system clipboard headless
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(value).catch(fallback);
    else
      fallback();
  },

  bokji_js_blur_text_field: function () {
    Module['bokjiTextField'].blur();
  },

  // The help-request and correction forms (web/help_form.js registers window.bokjiHelp; without it, e.g.
  // a page that does not load the file, the buttons do nothing).
  bokji_js_open_help_form: function () {
    const help = window['bokjiHelp'];
    if (help) help.openHelp();
  },
  bokji_js_open_correction_form: function (kind, key, name) {
    const help = window['bokjiHelp'];
    if (help) help.openCorrection(UTF8ToString(kind), UTF8ToString(key), UTF8ToString(name));
  },
  // A language's extra glyphs (index.html, page.languageFont): copied into the wasm's memory and handed to
  // the app (web/main.cc, bokji_add_language_font). Without them, that language's letters show as boxes.
  bokji_js_request_language_font__deps: ['malloc'],
  bokji_js_request_language_font: function (code) {
    const language = UTF8ToString(code);
    const page = window['bokjiPage'];
    const bytes = page && page.languageFont ? page.languageFont(language) : null;
    if (!bytes) return;
    bytes.then((ttf) => {
      const pointer = _malloc(ttf.length);
      HEAPU8.set(ttf, pointer);
      _bokji_add_language_font(['ko', 'en', 'vi', 'zh-Hans'].indexOf(language), pointer, ttf.length);
    }, () => {});
  },
  bokji_js_help_point: function (lat, lng) {
    const help = window['bokjiHelp'];
    if (help) help.pointPicked(lat, lng);
  },
});
