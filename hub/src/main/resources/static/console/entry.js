// The entry form (新增记录): draws the fields the hub defines for a category (GET /console/api/entry/<c>/fields), checks
// the form with the hub's own rules while the user types (POST …/check, debounced), and submits it once
// (POST /console/api/entry/<c> with a client token, so a double click or a retry stores it once). Everything from the
// server or the user is set as text (textContent, value), never as HTML.
'use strict';

(async () => {
  const { el, t, api, status } = Console;
  const CATEGORIES = [
    ['license', '行政许可', 'License'],
    ['penalty', '行政处罚', 'Penalty'],
    ['red-list', '红名单', 'Red list'],
    ['black-list', '黑名单', 'Black list'],
  ];
  const params = new URLSearchParams(location.search);
  const CHECK_DELAY = 400;
  let timer = null; // the debounced check
  let sequence = 0; // the latest check asked; older answers are dropped

  const me = await Console.start('entry');
  // entry.html?from=<payload>&row=<line>: a rejected row to correct, read back by the hub; its category decides the form
  let correction = null;
  if (params.has('from') && params.has('row')) {
    const query = new URLSearchParams({ from: params.get('from'), row: params.get('row') });
    const response = await api(`/console/api/entry/correction?${query}`);
    correction = response.ok ? await response.json() : { error: (await response.json()).error };
  }
  const asked = correction?.category ?? params.get('category');
  const category = CATEGORIES.some(([id]) => id === asked) ? asked : 'penalty';
  const nav = document.getElementById('categories');
  for (const [id, zh, en] of CATEGORIES) {
    nav.append(el('a', { href: `?category=${id}`, id: `category-${id}`, className: id === category ? 'active' : '' },
      t(zh, en)));
  }
  const form = document.getElementById('entry');
  const button = document.getElementById('submit');
  const progress = document.getElementById('progress');
  const general = document.getElementById('general');
  if (!me.roles.includes('submitter') || !me.department) {
    button.disabled = true;
    progress.textContent = t('您的账号没有录入权限（需要部门“报送员”角色）。',
      'Your account may not enter records (it needs the submitter role of a department).');
  }

  const definition = await (await api(`/console/api/entry/${category}/fields`)).json();
  if (!definition.fields) {
    general.textContent = definition.error;
    general.hidden = false;
    button.disabled = true;
    return;
  }
  const inputs = new Map(); // path → input element
  const problemBoxes = new Map(); // path → element showing its reasons
  const touched = new Set();
  const container = document.getElementById('fields');
  for (const f of definition.fields) container.append(fieldOf(f));
  if (correction?.values) {
    for (const [path, value] of Object.entries(correction.values)) {
      if (inputs.has(path)) inputs.get(path).value = value;
    }
    for (const path of inputs.keys()) touched.add(path);
    progress.textContent = t(`改正批次 ${correction.from} 第 ${correction.row} 行：修改标红的字段后提交。`,
      `Correcting line ${correction.row} of payload ${correction.from}: fix the fields in red, then submit.`);
    check();
  } else if (correction?.error) {
    general.textContent = correction.error;
    general.hidden = false;
  }

  /** One field: label with its national code and requirement, the input, its rule, and the place for its reasons. */
  function fieldOf(f) {
    const id = `field-${f.path.replace(/\./g, '-')}`;
    let input;
    let datalist = null;
    if (f.choices.length && f.strictChoices) {
      input = el('select', { id, name: f.path }, el('option', { value: '' }, ''));
      for (const choice of f.choices) input.append(el('option', { value: choice }, choice));
    } else {
      input = el('input', { id, name: f.path, type: 'text', autocomplete: 'off' });
      if (f.choices.length) {
        datalist = el('datalist', { id: `${id}-choices` });
        for (const choice of f.choices) datalist.append(el('option', { value: choice }));
        input.setAttribute('list', datalist.id);
      }
      if (f.type === 'DATE') input.placeholder = 'yyyy-MM-dd';
      if (f.default) input.placeholder = t(`不填则为：${f.default}`, `Empty: ${f.default}`);
    }
    input.dataset.field = f.path;
    inputs.set(f.path, input);
    const problem = el('p', { className: 'problem', id: `${id}-problem`, 'aria-live': 'polite' });
    problemBoxes.set(f.path, problem);
    input.setAttribute('aria-describedby', `${id}-problem ${id}-rule`);
    const label = el('label', { for: id },
      el('span', { className: 'name' }, t(f.label, f.labelEn)),
      f.code ? el('span', { className: 'code' }, f.code) : null,
      el('span', { className: 'requirement' }, t(f.requirement, f.requirementEn)));
    const wrapper = el('div', { className: `field${f.required ? ' required' : ''}`, 'data-field': f.path },
      label, input, datalist, el('p', { className: 'rule', id: `${id}-rule` }, t(f.rule, f.ruleEn)), problem);
    const changed = () => {
      touched.add(f.path);
      scheduleCheck();
    };
    input.addEventListener('input', changed);
    input.addEventListener('change', changed);
    input.addEventListener('blur', changed);
    return wrapper;
  }

  function values() {
    const result = {};
    for (const [path, input] of inputs) result[path] = input.value;
    return result;
  }

  /** Shows each problem under its field (only fields the user has been to, until a submit shows them all). */
  function show(problems) {
    for (const [path, box] of problemBoxes) {
      const mine = touched.has(path) ? problems.filter((p) => p.field === path) : [];
      box.replaceChildren(...mine.map((p) => el('span', { className: p.severity === 'WARNING' ? 'warning' : '' },
        `${t(p.reason, p.reasonEn ? `${p.reasonEn} (${p.reason})` : p.reason)} [${p.code}]`, el('br'))));
      box.className = `problem${mine.length && mine.every((p) => p.severity === 'WARNING') ? ' warning' : ''}`;
      box.parentElement.classList.toggle('invalid', mine.some((p) => p.severity === 'ERROR'));
    }
    const elsewhere = problems.filter((p) => !problemBoxes.has(p.field));
    general.textContent = elsewhere.map((p) => `${p.field}: ${t(p.reason, p.reasonEn ?? p.reason)} [${p.code}]`).join('\n');
    general.hidden = elsewhere.length === 0;
  }

  function scheduleCheck() {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY);
  }

  /** Asks the hub; an answer that arrives after a newer question is dropped. */
  async function check() {
    const mine = ++sequence;
    const response = await api(`/console/api/entry/${category}/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(values()),
    });
    if (mine !== sequence || !response.ok) return;
    show((await response.json()).problems);
  }

  /** A UUID v4 from crypto.getRandomValues, which (unlike randomUUID) also exists on a plain-http intranet host. */
  function newToken() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  // One token per filled form: kept across failed attempts, renewed only once the record has been stored.
  let token = newToken();
  form.dataset.token = token;

  function showReceipt(payloadId, r) {
    document.getElementById('receipt').hidden = false;
    const link = document.getElementById('receipt-link');
    link.textContent = payloadId;
    link.href = `/console/payloads/${encodeURIComponent(payloadId)}`;
    document.getElementById('receipt-status').replaceChildren(status(r ? r.status : 'RECEIVED'));
    const counts = document.getElementById('receipt-counts');
    counts.replaceChildren();
    if (!r) return;
    for (const [zh, en, value] of [['入库', 'Stored', r.stored], ['未变化', 'Unchanged', r.unchanged],
      ['退回', 'Rejected', r.rejected], ['冲突', 'Conflicts', r.conflicts]]) {
      counts.append(el('div', {}, el('div', { className: 'value' }, value), el('div', {}, t(zh, en))));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled) return; // a double click sends once; the token covers a resend all the same
    button.disabled = true;
    clearTimeout(timer);
    sequence++;
    progress.textContent = t('正在提交…', 'Submitting…');
    try {
      const response = await api(`/console/api/entry/${category}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, values: values() }),
      });
      const answer = await response.json();
      if (response.status === 422) {
        for (const path of inputs.keys()) touched.add(path);
        show(answer.problems);
        progress.textContent = t('记录有误，未提交：请按各字段下的提示修改。', 'Not submitted: correct the fields as shown.');
        return;
      }
      if (!response.ok) {
        progress.textContent = `${t('提交未被接受', 'Not accepted')}: ${answer.error ?? response.status}`;
        return;
      }
      let { payloadId, receipt } = answer;
      showReceipt(payloadId, receipt);
      progress.textContent = t('已提交，正在处理…', 'Submitted, processing…');
      while (!receipt || receipt.status === 'RECEIVED') {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const r = await api(`/console/api/payloads/${encodeURIComponent(payloadId)}`);
        receipt = r.status === 200 ? (await r.json()).receipt : receipt;
        showReceipt(payloadId, receipt);
      }
      progress.textContent = receipt.stored + receipt.unchanged > 0
        ? t('记录已入库。', 'The record is stored.')
        : t('处理完成，见回执。', 'Done, see the receipt.');
      form.querySelectorAll('input, select').forEach((input) => { input.disabled = true; });
      return;
    } catch (e) {
      progress.textContent = `${t('提交失败', 'Failed')}: ${e.message}`;
    } finally {
      // stays disabled once stored: the next record starts with 再录入一条 and a new token
      if (document.getElementById('receipt').hidden) button.disabled = false;
    }
  });

  document.getElementById('another').addEventListener('click', () => {
    location.href = `?category=${category}`;
  });
})();
