// The staff inbox (served at /staff by bokji-server): sign in, the jurisdiction's help requests in a
// list (overdue first) and on a map of its 읍면동, one request's detail with status changes and notes,
// and the "정보가 틀렸어요" correction reports. Plain DOM; every text from the server goes in through
// textContent. The API is docs/help-requests.md ("Staff API").
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { csrf: '', requests: [], selected: null, map: null };

  // ---- talking to the server ----
  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = state.csrf;
    const res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) {
      const first = Array.isArray(data) && data[0] ? data[0] : null;
      const err = new Error(first ? first.message_ko : '서버에 연결할 수 없습니다 (' + res.status + ').');
      err.status = res.status;
      throw err;
    }
    return data;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') node.className = v; else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  const shortTime = (iso) => (iso || '').replace('T', ' ').slice(0, 16);
  const kindOf = (r) => (r.overdue ? 'overdue' : r.status === 'closed' ? 'closed' : 'open');

  // ---- views ----
  function showLogin(message) {
    state.csrf = '';
    $('inbox-view').hidden = true;
    $('who').hidden = true;
    $('login-view').hidden = false;
    $('login-error').textContent = message || '';
    $('username').focus();
  }

  async function showInbox(me) {
    state.csrf = me.csrf_token;
    const a = me.account;
    $('who-name').textContent = a.display_name + ' · ' + a.jurisdiction.name;
    $('who').hidden = false;
    $('login-view').hidden = true;
    $('inbox-view').hidden = false;
    await loadAll();
  }

  async function loadAll() {
    $('inbox-error').textContent = '';
    try {
      if (!state.map) state.map = await api('GET', '/staff/api/map');
      const list = await api('GET', '/staff/api/requests');
      state.requests = list.requests;
      $('list-title').textContent = '도움 요청 — ' + list.jurisdiction.name;
      renderList();
      renderMap();
      await loadCorrections();
      if (state.selected) await openRequest(state.selected);
    } catch (e) {
      if (e.status === 401) return showLogin('로그인이 끝났습니다. 다시 로그인해 주세요.');
      $('inbox-error').textContent = e.message;
    }
  }

  function renderList() {
    const list = $('request-list');
    list.replaceChildren();
    const overdue = state.requests.filter((r) => r.overdue).length;
    const open = state.requests.filter((r) => r.status !== 'closed').length;
    $('list-summary').textContent =
        '모두 ' + state.requests.length + '건 · 처리 중 ' + open + '건 · 기한 넘김(14일) ' + overdue + '건';
    if (!state.requests.length) {
      list.append(el('li', { class: 'muted' }, el('p', { class: 'row' }, '담당 지역에 들어온 요청이 없습니다.')));
    }
    for (const r of state.requests) {
      const line1 = el('div', { class: 'line1' });
      if (r.overdue) line1.append(el('span', { class: 'badge overdue' }, '기한 넘김'));
      line1.append(el('span', { class: 'badge ' + (r.status === 'closed' ? 'closed' : 'status') }, r.status_ko));
      line1.append('#' + r.id + ' ' + (r.situations_ko || '(읽을 수 없음)'));
      const line2 = el('div', { class: 'line2' },
        (r.for_whom === 'self' ? '본인 요청' : '이웃 알림') + ' · ' + r.place_name + ' · 접수 ' + shortTime(r.created_at) +
        (r.assigned_name ? ' · 담당 ' + r.assigned_name : ''));
      const button = el('button', { type: 'button', class: 'row', 'data-id': r.id }, line1, line2);
      if (state.selected === r.id) button.setAttribute('aria-current', 'true');
      button.addEventListener('click', () => openRequest(r.id, true));
      list.append(el('li', {}, button));
    }
  }

  function renderMap() {
    const box = $('map');
    box.replaceChildren();
    const m = state.map;
    if (!m || !m.width) { box.append(el('p', { class: 'muted' }, '지도 자료가 없습니다.')); return; }
    const root = svg('svg', { viewBox: '-10 -10 ' + (m.width + 20) + ' ' + (m.height + 20), role: 'img' });
    for (const region of m.regions) {
      const path = svg('path', { d: region.path });
      const title = svg('title'); title.textContent = region.full_name; path.append(title);
      root.append(path);
    }
    for (const region of m.regions) {
      const label = svg('text', { x: region.label[0], y: region.label[1], 'text-anchor': 'middle' });
      label.textContent = region.name;
      root.append(label);
    }
    const p = m.project;
    const ordered = state.requests.slice().sort((a, b) => (a.overdue ? 1 : 0) - (b.overdue ? 1 : 0));
    for (const r of ordered) {
      if (typeof r.lat !== 'number') continue;
      const x = (r.long - p.lng0) * p.kx * p.scale, y = (p.lat0 - r.lat) * p.scale;
      const dot = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 11, class: kindOf(r) + (state.selected === r.id ? ' selected' : ''),
                                  'data-id': r.id, tabindex: 0, role: 'button' });
      const title = svg('title'); title.textContent = '#' + r.id + ' ' + r.status_ko + ' ' + (r.situations_ko || ''); dot.append(title);
      dot.addEventListener('click', () => openRequest(r.id, true));
      dot.addEventListener('keydown', (e) => { if (e.key === 'Enter') openRequest(r.id, true); });
      root.append(dot);
    }
    box.append(root);
  }

  async function openRequest(id, reveal) {
    state.selected = id;
    $('detail-error').textContent = '';
    let d;
    try {
      d = await api('GET', '/staff/api/requests/' + encodeURIComponent(id));
    } catch (e) {
      if (e.status === 401) return showLogin('로그인이 끝났습니다. 다시 로그인해 주세요.');
      $('inbox-error').textContent = e.message;
      return;
    }
    renderList();
    renderMap();
    $('detail').hidden = false;
    $('detail-title').textContent = '#' + d.id + ' · ' + d.status_ko + (d.overdue ? ' · 기한 넘김' : '');
    const fields = $('detail-fields');
    fields.replaceChildren();
    const add = (name, value) => { fields.append(el('dt', {}, name), el('dd', {}, value || '적지 않음')); };
    add('누구', d.for_whom === 'self' ? '본인 요청' : (d.anonymous ? '이웃 알림 (익명)' : '이웃 알림'));
    add('상황', d.situations_ko);
    add('내용', d.description);
    add('위치', d.place_name + (typeof d.lat === 'number' ? ' (지도 지점 ' + d.lat.toFixed(5) + ', ' + d.long.toFixed(5) + ')' : ' (지역만 선택)'));
    add('위치 설명', d.address_string);
    if (d.contact) add('연락처', [d.contact.name, d.contact.phone, d.contact.best_time && '연락 가능: ' + d.contact.best_time].filter(Boolean).join(' · '));
    if (d.for_whom === 'other' && !d.anonymous) add('알린 사람', [d.reporter.name, d.reporter.phone].filter(Boolean).join(' · '));
    add('접수', shortTime(d.created_at));
    add('담당', d.assigned_name);
    const actions = $('status-actions');
    actions.replaceChildren();
    for (const next of d.next_statuses) {
      const b = el('button', { type: 'button', 'data-status': next.status }, next.status_ko + ' 처리');
      b.addEventListener('click', () => changeStatus(d.id, next.status));
      actions.append(b);
    }
    if (!d.next_statuses.length) actions.append(el('p', { class: 'muted' }, '종결된 요청입니다.'));
    const notes = $('notes');
    notes.replaceChildren();
    for (const n of d.notes) {
      const head = shortTime(n.at) + ' ' + n.author + (n.status_to_ko ? ' — ' + n.status_to_ko : ' — 메모');
      notes.append(el('li', {}, head + (n.text ? ': ' + n.text : '')));
    }
    if (!d.notes.length) notes.append(el('li', { class: 'muted' }, '아직 기록이 없습니다.'));
    if (reveal) $('detail').scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  async function changeStatus(id, status) {
    try {
      await api('POST', '/staff/api/requests/' + encodeURIComponent(id) + '/status', { status, note: $('note-text').value });
      $('note-text').value = '';
      await loadAll();
    } catch (e) {
      if (e.status === 401) return showLogin('로그인이 끝났습니다. 다시 로그인해 주세요.');
      $('detail-error').textContent = e.message;
    }
  }

  async function addNote() {
    if (!state.selected) return;
    try {
      await api('POST', '/staff/api/requests/' + encodeURIComponent(state.selected) + '/notes', { text: $('note-text').value });
      $('note-text').value = '';
      await openRequest(state.selected);
    } catch (e) {
      $('detail-error').textContent = e.message;
    }
  }

  async function loadCorrections() {
    const data = await api('GET', '/staff/api/corrections');
    const list = $('correction-list');
    list.replaceChildren();
    if (!data.corrections.length) {
      list.append(el('li', { class: 'muted' }, '담당 지역에 들어온 신고가 없습니다 (읍면동 담당자에게는 보이지 않습니다).'));
    }
    for (const c of data.corrections) {
      const select = el('select', { 'aria-label': '신고 #' + c.id + ' 상태' });
      for (const [code, name] of [['received', '접수'], ['checking', '확인 중'], ['fixed', '반영함'], ['rejected', '반영 안 함']]) {
        const option = el('option', { value: code }, name);
        if (code === c.status) option.selected = true;
        select.append(option);
      }
      const note = el('input', { type: 'text', maxlength: 200, placeholder: '처리 메모', 'aria-label': '처리 메모' });
      note.value = c.staff_note || '';
      const save = el('button', { type: 'button' }, '저장');
      const message = el('span', { class: 'error' });
      save.addEventListener('click', async () => {
        try {
          await api('POST', '/staff/api/corrections/' + c.id + '/status', { status: select.value, note: note.value });
          message.textContent = '저장했습니다.';
        } catch (e) { message.textContent = e.message; }
      });
      const contact = c.contact && (c.contact.name || c.contact.phone) ? ' · 연락처 ' + [c.contact.name, c.contact.phone].filter(Boolean).join(' ') : '';
      list.append(el('li', {},
        el('div', { class: 'line1' }, el('span', { class: 'badge status' }, c.status_ko),
           (c.target_kind === 'program' ? '복지서비스 ' : '시설 ') + c.target_name),
        el('div', { class: 'muted' }, c.sigungu_name + ' · ' + shortTime(c.created_at) + contact),
        el('div', { class: 'what' }, c.what_is_wrong),
        el('div', {}, select, note, save, message)));
    }
  }

  // ---- events ----
  $('login-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('login-button').disabled = true;
    try {
      const me = await api('POST', '/staff/api/login', { username: $('username').value, password: $('password').value });
      $('password').value = '';
      await showInbox(me);
    } catch (err) {
      $('login-error').textContent = err.message;
    } finally {
      $('login-button').disabled = false;
    }
  });
  $('logout').addEventListener('click', async () => {
    try { await api('POST', '/staff/api/logout', {}); } catch (e) { /* the session may have ended already */ }
    state.map = null; state.selected = null; state.requests = [];
    $('detail').hidden = true;
    showLogin('로그아웃했습니다.');
  });
  $('refresh').addEventListener('click', loadAll);
  $('add-note').addEventListener('click', addNote);
  function showTab(which) {
    $('tab-requests').setAttribute('aria-pressed', String(which === 'requests'));
    $('tab-corrections').setAttribute('aria-pressed', String(which === 'corrections'));
    $('requests-pane').hidden = which !== 'requests';
    $('corrections-pane').hidden = which !== 'corrections';
  }
  $('tab-requests').addEventListener('click', () => showTab('requests'));
  $('tab-corrections').addEventListener('click', () => showTab('corrections'));

  // A page load with a live session goes straight to the inbox.
  api('GET', '/staff/api/me').then(showInbox, () => showLogin(''));
})();
