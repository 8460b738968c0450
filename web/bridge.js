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

    // ---- keys ----
    const key = (down) => (e) => {
      if (e.isComposing) return;  // an IME owns the key
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

  bokji_js_open_url: function (url, newTab) {
    const target = UTF8ToString(url);
    if (newTab) {
      window.open(target, '_blank', 'noopener');
    } else {
      window.location.href = target;
    }
  },

  bokji_js_set_cursor: function (cursor) {
    Module['canvas'].style.cursor = UTF8ToString(cursor);
  },
});
