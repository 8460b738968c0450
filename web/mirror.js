'use strict';
// The accessible mirror's page side. Dear ImGui draws the app into a canvas, which assistive technology
// cannot read; the app describes each frame's controls (web/model/mirror.h: headings, text, lists,
// buttons, links, radio groups, check boxes, choices, where the search field sits, what the live region
// says) and this file keeps real DOM elements with roles and names in step with that description. They
// sit off-screen but stay in the accessibility tree and the Tab order.
//
// Activating an element (click, Enter, Space, a screen reader's double tap) calls the app's
// bokji_mirror_activate(id): on the next frame the panel that drew its twin acts as if the twin was
// clicked, through the same C++ code. Focus is reported with bokji_mirror_focus(id): the app draws a
// focus ring around the twin on the canvas. Elements are kept by id between updates, so focus stays put.
//
// Loaded by index.html before the app; web/bridge.js calls window.bokjiMirror.update(json, Module).
(function () {
  const css = `
    #a11y-mirror, #a11y-mirror .mc { position: absolute; left: 0; top: 0; width: 1px; height: 1px;
      margin: 0; padding: 0; list-style: none; border: 0; }
    #a11y-mirror .ml, #a11y-live { position: absolute; left: 0; top: 0; width: 1px; height: 1px;
      margin: 0; padding: 0; border: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    #a11y-mirror a.skip:focus { position: fixed; left: 8px; top: 8px; width: auto; height: auto; z-index: 20;
      clip-path: none; overflow: visible; padding: 10px 14px; background: #fff; color: #00469f;
      font: 600 18px/1.3 sans-serif; outline: 3px solid #00469f; outline-offset: 2px; border-radius: 4px; }`;
  const kContainers = {region: 'section', dialog: 'section', list: 'ul', listitem: 'li',
                       radiogroup: 'div', group: 'div'};

  let root = null, live = null, module = null, lastJson = '';
  let lastActivated = '';   // the id of the element last activated (focus returns there)
  let focusedId = '';       // the mirror element with the focus, as last reported

  function call(name, arg) {
    if (module) module.ccall(name, null, ['string'], [arg]);
  }

  function setUp() {
    if (root) return;
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);
    root = document.createElement('div');
    root.id = 'a11y-mirror';
    live = document.createElement('div');
    live.id = 'a11y-live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    document.body.insertBefore(live, document.body.firstChild);
    document.body.insertBefore(root, document.body.firstChild);
    root.addEventListener('click', (e) => {
      const el = e.target.closest('[data-mid]');
      if (!el || !root.contains(el)) return;
      const kind = el.dataset.kind;
      if (kind === 'link') {
        const href = el.getAttribute('href') || '';
        if (href.startsWith('#')) {  // the skip link: to the element with that id
          e.preventDefault();
          const target = root.querySelector('[data-mid="' + href.slice(1) + '"]');
          if (target) focusElement(target);
        }
        return;  // a real link: the browser follows it
      }
      if (kind === 'button' || kind === 'radio' || kind === 'checkbox') {
        e.preventDefault();
        lastActivated = el.dataset.mid;
        call('bokji_mirror_activate', el.dataset.mid);
      }
    });
    root.addEventListener('change', (e) => {
      const el = e.target;
      if (el.dataset && el.dataset.kind === 'choice') {
        lastActivated = el.dataset.mid;
        call('bokji_mirror_activate', el.dataset.mid + '=' + el.value);
      }
    });
    root.addEventListener('focusin', (e) => {
      const el = e.target.closest('[data-mid]');
      focusedId = el ? el.dataset.mid : '';
      call('bokji_mirror_focus', focusedId);
    });
    root.addEventListener('focusout', (e) => {
      if (e.relatedTarget && root.contains(e.relatedTarget)) return;
      // A node that the update removed drops the focus too; update() puts it back where it belongs.
      setTimeout(() => {
        if (!root.contains(document.activeElement)) {
          focusedId = '';
          call('bokji_mirror_focus', '');
        }
      }, 0);
    });
  }

  function focusElement(el) {
    if (!el.hasAttribute('tabindex') && !/^(BUTTON|A|INPUT|SELECT)$/.test(el.tagName))
      el.setAttribute('tabindex', '-1');
    el.focus({preventScroll: true});
  }

  // The element for a node, made anew when the kind of element differs.
  function tagFor(node) {
    if (kContainers[node.r]) return kContainers[node.r];
    switch (node.r) {
      case 'heading': return 'h' + Math.min(6, Math.max(1, node.l || 2));
      case 'text': return 'p';
      case 'link': return 'a';
      case 'choice': return 'select';
      default: return 'button';
    }
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
  }

  function fill(el, node) {
    const container = !!kContainers[node.r];
    el.className = container ? 'mc' : 'ml';
    if (node.id !== undefined) el.dataset.mid = node.id; else delete el.dataset.mid;
    el.dataset.kind = node.r;
    switch (node.r) {
      case 'region':
        setAttr(el, 'aria-label', node.n || null);
        break;
      case 'dialog':
        setAttr(el, 'role', 'dialog');
        setAttr(el, 'aria-label', node.n || null);
        break;
      case 'list':
        setAttr(el, 'aria-label', node.n || null);
        break;
      case 'radiogroup':
      case 'group':
        setAttr(el, 'role', node.r);
        setAttr(el, 'aria-label', node.n || null);
        break;
      case 'heading':
      case 'text':
        setText(el, node.n || '');
        break;
      case 'link':
        setText(el, node.n || '');
        setAttr(el, 'href', node.h || '#');
        setAttr(el, 'target', node.t ? '_blank' : null);
        setAttr(el, 'rel', node.t ? 'noopener' : null);
        if (node.id === 'skip') el.classList.add('skip');
        break;
      case 'radio':
      case 'checkbox':
        setAttr(el, 'type', 'button');
        setAttr(el, 'role', node.r);
        setAttr(el, 'aria-checked', node.x ? 'true' : 'false');
        setText(el, node.n || '');
        break;
      case 'choice': {
        setAttr(el, 'aria-label', node.n || null);
        const options = node.o || [];
        const same = el.options.length === options.length &&
            options.every((o, i) => el.options[i].value === o[0] && el.options[i].text === o[1]);
        if (!same) {
          el.textContent = '';
          for (const [value, label] of options) el.appendChild(new Option(label, value));
        }
        if (el.value !== node.v) el.value = node.v;
        break;
      }
      default:  // button
        setAttr(el, 'type', 'button');
        setAttr(el, 'aria-pressed', node.x === undefined ? null : (node.x ? 'true' : 'false'));
        setAttr(el, 'aria-description', node.d || null);
        setText(el, node.n || '');
    }
  }

  // Makes `parent`'s children match `nodes`, reusing elements by key (id, else role and place).
  function reconcile(parent, nodes, created) {
    const old = new Map();
    for (const child of Array.from(parent.children)) if (child._key) old.set(child._key, child);
    const field = module && module['bokjiTextField'];
    const counts = {};
    let index = 0;
    for (const node of nodes) {
      let el;
      if (node.r === 'field') {
        if (!field) continue;
        el = field;
        el._key = 'field';
        old.delete('field');  // kept where it is: moving it would take a typing person's focus
      } else {
        const tag = tagFor(node);
        counts[node.r] = (counts[node.r] || 0) + 1;
        const key = node.r + ':' + (node.id !== undefined ? node.id : '#' + counts[node.r]);
        el = old.get(key);
        if (!el || el.tagName.toLowerCase() !== tag) {
          el = document.createElement(tag);
          el._key = key;
          if (node.r === 'dialog') created.push(el);
        }
        old.delete(key);
        fill(el, node);
        if (kContainers[node.r]) reconcile(el, node.c || [], created);
      }
      // Moved only when out of place: moving a focused element would drop its focus.
      if (parent.children[index] !== el) parent.insertBefore(el, parent.children[index] || null);
      ++index;
    }
    for (const el of old.values()) {
      if (el === field) document.body.appendChild(el);  // the field is never thrown away
      else el.remove();
    }
    while (parent.children.length > index) {
      const extra = parent.children[index];
      if (extra === field) document.body.appendChild(extra); else extra.remove();
    }
  }

  function update(json, Module) {
    module = Module;
    setUp();
    if (json === lastJson) return;
    lastJson = json;
    const description = JSON.parse(json);
    if (description.lang && document.documentElement.lang !== description.lang)
      document.documentElement.lang = description.lang;
    const hadFocus = focusedId !== '' || root.contains(document.activeElement);
    const created = [];
    reconcile(root, description.tree || [], created);
    if (live.textContent !== (description.live || '')) live.textContent = description.live || '';
    if (!hadFocus) return;
    // A card opened: focus moves to its heading. Otherwise focus stays on its element, or goes back to
    // the element that was last activated, or to the menu's heading.
    if (created.length > 0) {
      const heading = created[0].querySelector('h1, h2, h3, h4, h5, h6') || created[0];
      focusElement(heading);
      return;
    }
    if (root.contains(document.activeElement)) return;
    const by = (id) => id && root.querySelector('[data-mid="' + CSS.escape(id) + '"]');
    const target = by(focusedId) || by(lastActivated) || root.querySelector('h1');
    if (target) focusElement(target);
  }

  window.bokjiMirror = {
    update,
    // For tests and debugging: the mirror's root element.
    get root() { return root; },
  };
})();
