// The local page of `shegong ui`. Every word comes from the server (/api/session, in the user's
// language); every value is put in with textContent, never as HTML. No build step, no network
// beyond this machine's own server.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('data-')) node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) if (child) node.append(child);
    return node;
  };
  let W = {};
  let given = [];
  let shown = [];
  let current;
  let finished = false;

  const gone = () => {
    $('gone').textContent = W.serverGone || 'shegong ui stopped';
    $('gone').hidden = false;
  };
  async function call(url, body, options = {}) {
    let response;
    try {
      response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: options.raw ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : options.raw ? body : JSON.stringify(body),
      });
    } catch {
      gone();
      throw new Error('gone');
    }
    if (response.status === 401) gone();
    const data = await response.json().catch(() => ({}));
    return { status: response.status, data };
  }

  function tab(name) {
    for (const button of document.querySelectorAll('#tabs button')) {
      const on = button.dataset.tab === name;
      button.setAttribute('aria-selected', String(on));
      $(`panel-${button.dataset.tab}`).hidden = !on;
    }
  }

  // --- the interview, one question at a time; earlier answers listed and changeable ---
  function drawAnswered() {
    const list = $('answered');
    list.replaceChildren(
      ...shown.map((item, index) =>
        el(
          'li',
          {},
          el('span', { class: 'q', text: item.message }),
          el('span', { class: 'a', text: item.display }),
          el('button', {
            type: 'button',
            text: W.change,
            onclick: () => {
              given = given.slice(0, index);
              shown = shown.slice(0, index);
              step();
            },
          }),
        ),
      ),
    );
  }

  function drawQuestion(question, error, typed) {
    current = question;
    $('question-form').hidden = false;
    $('result').hidden = true;
    $('question').textContent = question.message;
    const control = $('control');
    if (question.kind === 'input') {
      const input = el('input', { type: 'text', id: 'answer', autocomplete: 'off' });
      input.value = typed ?? question.default ?? '';
      control.replaceChildren(input);
      $('question').htmlFor = 'answer';
    } else {
      const choices =
        question.kind === 'confirm'
          ? [
              { value: 'yes', name: W.yes },
              { value: 'no', name: W.no },
            ]
          : question.choices;
      const preset = typed ?? question.default;
      if (choices.length > 8) {
        const select = el('select', { id: 'answer' });
        for (const choice of choices) select.append(el('option', { value: choice.value, text: choice.name }));
        select.value = choices.some((c) => c.value === preset) ? preset : choices[0].value;
        control.replaceChildren(select);
        $('question').htmlFor = 'answer';
      } else {
        const group = el('div', { class: 'choices', id: 'answer', role: 'radiogroup' });
        choices.forEach((choice, i) => {
          const radio = el('input', { type: 'radio', name: 'choice', value: choice.value });
          radio.checked = preset !== undefined ? choice.value === preset : i === 0;
          group.append(el('label', {}, radio, el('span', { text: choice.name })));
        });
        control.replaceChildren(group);
        $('question').htmlFor = '';
      }
    }
    $('error').hidden = !error;
    $('error').textContent = error || '';
    $('back').disabled = given.length === 0;
    const focus = control.querySelector('input:checked, input, select');
    if (focus) focus.focus();
  }

  function answerOf() {
    if (current.kind === 'input') {
      const value = $('answer').value;
      return { value, display: value.trim() || current.default || '—' };
    }
    const choices =
      current.kind === 'confirm'
        ? [
            { value: 'yes', name: W.yes },
            { value: 'no', name: W.no },
          ]
        : current.choices;
    const select = $('answer').tagName === 'SELECT' ? $('answer') : null;
    const value = select ? select.value : document.querySelector('#answer input:checked')?.value;
    const choice = choices.find((c) => c.value === value) || choices[0];
    return { value: choice.value, display: choice.name };
  }

  async function step(typed) {
    const { data } = await call('/api/interview', { given });
    if (data.done) {
      drawAnswered();
      return showResult();
    }
    finished = false;
    given = given.slice(0, data.index);
    shown = shown.slice(0, data.index);
    drawAnswered();
    drawQuestion(data.question, data.error, data.error ? typed : undefined);
  }

  async function showResult() {
    finished = true;
    $('question-form').hidden = true;
    const { status, data } = await call('/api/report', { given });
    if (status !== 200) return step();
    $('result').hidden = false;
    const e = data.eligibility;
    const verdict = $('verdict');
    verdict.className = `card verdict-${e.status}`;
    const items = [
      el('h2', {}, el('span', { text: `${W.verdict}${W.colon}` }), el('span', { class: `status ${e.status}`, id: 'verdict-status', text: e.label })),
    ];
    const facts = el('ul');
    if (e.route) facts.append(el('li', { id: 'verdict-route', text: `${W.route}${W.colon}${e.route}` }));
    if (e.counted) facts.append(el('li', { text: `${W.counted}${W.colon}${e.counted}` }));
    if (e.shortfall) facts.append(el('li', { id: 'verdict-shortfall', class: 'error', text: e.shortfall }));
    for (const f of e.findings)
      facts.append(el('li', { class: f.severity, text: f.message }, f.fix ? el('span', { class: 'fix', text: f.fix }) : null));
    items.push(facts);
    verdict.replaceChildren(...items);
    $('dates-heading').textContent = data.province ? `${W.keyDates} · ${data.province}` : W.keyDates;
    $('next-deadline').textContent = data.nextDeadline || '';
    $('dates').tBodies[0].replaceChildren(
      ...data.dates.map((d) =>
        el(
          'tr',
          { class: d.passed ? 'passed' : '', 'data-id': d.id },
          el('td', { text: d.title }),
          el('td', { text: d.when }),
        ),
      ),
    );
    $('ics').href = data.icsUrl;
    $('checklist').replaceChildren(
      ...data.checklist.map((item) => el('li', { class: item.status, 'data-id': item.id, text: item.text })),
    );
    $('open-checklist').href = data.checklistUrl;
    $('profile-status').textContent = '';
  }

  // --- photos and scans: checked, fixed, shown side by side ---
  function fileCard(file) {
    const card = el('article', { class: 'card file-card', 'data-id': file.id, 'data-status': file.status });
    const label = { pass: W.passed, fail: W.failed, warn: W.warned }[file.status] || '';
    card.append(
      el('h2', {}, el('span', { text: `${file.roleLabel} · ${file.name} ` }), el('span', { class: `status ${file.status}`, text: label })),
    );
    const list = (findings) => {
      if (!findings.length) return el('p', { class: 'notes', text: W.noFindings });
      const ul = el('ul', { class: 'findings' });
      for (const f of findings)
        ul.append(el('li', { class: f.severity, 'data-id': f.id, text: f.message }, f.fix ? el('span', { class: 'fix', text: f.fix }) : null));
      return ul;
    };
    if (file.note) {
      card.append(el('p', { class: 'error role-unknown', text: file.note }));
      return card;
    }
    card.append(list(file.findings));
    const fix = file.fix;
    if (fix) {
      const isImage = /\.(jpe?g|png|webp|gif)$/i.test(file.name);
      if (fix.ok) {
        const pair = el('div', { class: 'pair' });
        if (isImage) pair.append(el('figure', {}, el('img', { src: file.originalUrl, alt: W.original, class: 'original' }), el('figcaption', { text: W.original })));
        pair.append(el('figure', {}, el('img', { src: fix.fixedUrl, alt: W.fixed, class: 'fixed' }), el('figcaption', { text: W.fixed })));
        card.append(pair);
        const after = { pass: W.passed, fail: W.failed, warn: W.warned }[fix.status] || '';
        card.append(el('p', {}, el('strong', { text: `${W.fixed}${W.colon}` }), el('span', { class: `status ${fix.status}`, text: after })));
        card.append(list(fix.findings));
        card.append(el('p', {}, el('a', { class: 'button download-fixed', href: `${fix.fixedUrl}?download`, download: `${file.name.replace(/\.[^.]+$/, '')}.fixed.jpg`, text: W.downloadFixed })));
      } else {
        card.append(el('p', { class: 'error cannot-fix', text: `${W.cannotFix}${W.colon}${fix.reason}` }));
      }
      if (fix.previewUrl) card.append(el('figure', { class: 'preview' }, el('img', { src: fix.previewUrl, alt: W.preview, class: 'preview-image' }), el('figcaption', { text: W.preview })));
      if (fix.notes && fix.notes.length) card.append(el('ul', { class: 'notes' }, ...fix.notes.map((n) => el('li', { text: n }))));
    } else if (file.originalUrl && /\.(jpe?g|png)$/i.test(file.name)) {
      card.append(el('div', { class: 'pair' }, el('figure', {}, el('img', { src: file.originalUrl, alt: W.original, class: 'original' }), el('figcaption', { text: W.original }))));
    }
    return card;
  }

  async function uploadAll(files) {
    const role = $('role-select').value;
    for (const file of files) {
      const waiting = el('p', { class: 'card notes', text: `${W.checking} ${file.name}` });
      $('file-results').prepend(waiting);
      const query = new URLSearchParams({ name: file.name, ...(role ? { role } : {}) });
      const { status, data } = await call(`/api/upload?${query}`, file, { raw: true });
      waiting.replaceWith(status === 200 ? fileCard(data) : el('p', { class: 'card error', text: W.errorGeneric }));
    }
    if (finished) showResult();
  }

  // --- a batch output folder, browsed ---
  function drawBatch(batch) {
    if (!batch || !batch.open) return;
    $('batch-dir').value = batch.folder;
    $('batch-view').hidden = false;
    const filter = $('batch-filter');
    filter.replaceChildren(el('option', { value: '', text: W.all }), ...batch.statuses.map((s) => el('option', { value: s.value, text: s.name })));
    const apply = () => {
      const want = filter.value;
      $('batch-rows').replaceChildren(
        ...batch.rows
          .filter((r) => !want || r.status === want)
          .map((r) =>
            el(
              'tr',
              { 'data-status': r.status },
              el('td', { text: String(r.line) }),
              el('td', { text: r.name }),
              el('td', {}, el('span', { class: `status ${r.status === 'ready' ? 'pass' : 'fail'}`, text: r.statusLabel })),
              el('td', {}, r.page ? el('a', { href: r.page, target: '_blank', rel: 'noopener', text: W.openPage }) : null),
            ),
          ),
      );
    };
    filter.onchange = apply;
    apply();
  }

  async function start() {
    const { data } = await call('/api/session');
    W = data.words;
    document.documentElement.lang = data.lang === 'en' ? 'en' : 'zh-CN';
    document.title = W.title;
    $('title').textContent = W.title;
    $('intro').textContent = W.intro;
    $('privacy').textContent = W.privacy;
    for (const name of ['interview', 'files', 'batch']) {
      $(`tab-${name}`).textContent = W.tabs[name];
      $(`tab-${name}`).onclick = () => tab(name);
    }
    $('back').textContent = W.back;
    $('next').textContent = W.next;
    $('dates-heading').textContent = W.keyDates;
    $('ics').textContent = W.downloadIcs;
    $('checklist-heading').textContent = W.checklist;
    $('open-checklist').textContent = W.openChecklist;
    $('save-profile').textContent = W.saveProfile;
    $('start-over').textContent = W.startOver;
    $('drop-text').textContent = W.dropHere;
    $('role-label').textContent = W.role;
    $('choose-label').textContent = W.chooseFiles;
    $('role-select').replaceChildren(el('option', { value: '', text: W.roleGuess }), ...data.roles.map((r) => el('option', { value: r.value, text: r.name })));
    $('batch-label').textContent = W.batchFolder;
    $('batch-open').textContent = W.openBatch;
    $('batch-filter-label').textContent = W.filterStatus;
    $('batch-report').textContent = W.openBatchReport;
    $('th-name').textContent = W.applicant;
    $('th-status').textContent = W.status;

    $('question-form').onsubmit = (event) => {
      event.preventDefault();
      const { value, display } = answerOf();
      given.push(value);
      shown.push({ message: current.message, display });
      step(value);
    };
    $('back').onclick = () => {
      given.pop();
      shown.pop();
      step();
    };
    $('start-over').onclick = () => {
      given = [];
      shown = [];
      step();
    };
    $('save-profile').onclick = async () => {
      const { data: saved } = await call('/api/profile', { given });
      $('profile-status').textContent = saved.text || '';
    };
    $('file-input').onchange = (event) => {
      uploadAll([...event.target.files]);
      event.target.value = '';
    };
    const drop = $('drop');
    drop.ondragover = (event) => {
      event.preventDefault();
      drop.classList.add('over');
    };
    drop.ondragleave = () => drop.classList.remove('over');
    drop.ondrop = (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      uploadAll([...event.dataTransfer.files]);
    };
    $('batch-form').onsubmit = async (event) => {
      event.preventDefault();
      const { status, data: batch } = await call('/api/batch', { dir: $('batch-dir').value });
      $('batch-error').hidden = status === 200;
      $('batch-error').textContent = status === 200 ? '' : batch.text || W.errorGeneric;
      if (status === 200) drawBatch(batch);
    };
    if (data.batch && data.batch.open) {
      drawBatch(data.batch);
      tab('batch');
    }
    // The server stops after a while unused: an open page says it is still in use.
    setInterval(() => fetch('/api/ping').catch(gone), 60_000);
    step();
  }
  start();
})();
