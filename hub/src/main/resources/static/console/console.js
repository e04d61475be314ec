// Shared by the console's pages: who is logged in, the menu, fetch() with the CSRF token, and element building that
// only ever sets text (textContent), never HTML, so text from the database or a file is always shown escaped.
'use strict';

const Console = (() => {
  let me = null;

  // The console is in Chinese; English is one click away (the header's 中文/English switch, kept in localStorage).
  // Static text carries its English in a data-en attribute; text built in scripts goes through t('中文', 'English').
  const lang = localStorage.getItem('huiju.lang') === 'en' ? 'en' : 'zh';

  /** The text in the user's language: t('上传', 'Upload'). */
  function t(zh, en) {
    return lang === 'en' && en ? en : zh;
  }

  /** Swaps the text (and placeholder/title) of every element with data-en* attributes when the language is English. */
  function translate(root = document) {
    if (lang !== 'en') return;
    document.documentElement.lang = 'en';
    for (const node of root.querySelectorAll('[data-en]')) node.textContent = node.dataset.en;
    for (const node of root.querySelectorAll('[data-en-placeholder]')) node.placeholder = node.dataset.enPlaceholder;
    for (const node of root.querySelectorAll('[data-en-title]')) node.title = node.dataset.enTitle;
    if (document.body.dataset.enTitle) document.title = document.body.dataset.enTitle;
  }

  const STATUS = {
    RECEIVED: t('处理中', 'Processing'),
    DONE: t('已完成', 'Done'),
    DUPLICATE: t('重复报送', 'Duplicate'),
    REJECTED: t('整体退回', 'Rejected'),
    FAILED: t('处理失败', 'Failed'),
  };
  const CHANNEL = {
    FILE: t('目录投递', 'File drop'), FTP: t('FTP 拉取', 'FTP pull'), DROPBOX: t('FTP/SFTP 上传', 'FTP/SFTP drop-box'),
    SOAP: 'WebService', FRONTDB: t('前置库', 'Front-end DB'), KAFKA: 'Kafka', WEB: t('网页/接口上传', 'Web/API upload'),
    SYNC: t('省市同步', 'City-province sync'), PROVINCE: t('省级回流', 'Returned by the province'),
  };

  /** el('td', {className: 'num'}, 'text', otherElement): children are text nodes or elements, never markup. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function status(code) {
    return el('span', { className: `status status-${code}` }, STATUS[code] ?? code);
  }

  function time(instant) {
    if (!instant) return '';
    const d = new Date(instant);
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }

  /** fetch() that sends the CSRF token and goes to the login page when the session has expired. */
  async function api(path, options = {}) {
    const headers = new Headers(options.headers ?? {});
    if (me && options.method && options.method !== 'GET') headers.set(me.csrf.header, me.csrf.token);
    const response = await fetch(path, { ...options, headers, credentials: 'same-origin' });
    if (response.status === 401) {
      location.href = '/console/login';
      throw new Error('not logged in');
    }
    return response;
  }

  /** A department's reminders to report (催报) as a banner under the menu, until the department reports again. */
  async function notices(menu) {
    const open = await (await api('/console/api/notices')).json();
    if (open.length === 0) return;
    const banner = el('div', { id: 'notices', className: 'message error', role: 'alert' });
    for (const n of open) banner.append(el('p', {}, el('strong', {}, `${time(n.createdAt)} ${n.subject}`)), el('p', {}, n.body));
    menu.after(banner);
  }

  /** The 中文/English button; the login page has one too, without the rest of the header. */
  function languageSwitch() {
    const button = el('button', { type: 'button', id: 'language', className: 'link' }, lang === 'en' ? '中文' : 'English');
    button.addEventListener('click', () => {
      localStorage.setItem('huiju.lang', lang === 'en' ? 'zh' : 'en');
      location.reload();
    });
    return button;
  }

  /** Loads the user, draws the header and the menu (page: the active menu entry), and returns the user. */
  async function start(page) {
    const response = await api('/console/api/me');
    me = await response.json();
    const logout = el('form', { method: 'post', action: '/console/logout' },
      el('input', { type: 'hidden', name: me.csrf.parameter, value: me.csrf.token }),
      el('button', { type: 'submit', id: 'logout' }, t('退出', 'Log out')));
    const who = el('div', { className: 'who' },
      el('span', { id: 'user' }, me.departmentName ? `${me.departmentName} · ${me.username}` : me.username),
      languageSwitch(), logout);
    const header = el('header', { className: 'top' },
      el('span', { className: 'brand' }, t('汇聚 · 信用数据报送平台', 'Huiju · Credit data reporting')), who);
    const menu = el('nav', { className: 'menu' });
    for (const [id, href, zh, en] of [
      ['submissions', '/console/submissions.html', '我的报送', 'My submissions'],
      ['upload', '/console/upload.html', '上传', 'Upload'],
      ['entry', '/console/entry.html', '新增记录', 'New record'],
      ...(me.roles.some((r) => r === 'operator' || r === 'admin')
        ? [['dashboard', '/console/dashboard.html', '监控与催报', 'Monitoring']] : []),
      ...(me.roles.some((r) => r === 'operator' || r === 'admin') ? [['conflicts', '/console/conflicts.html', '冲突处理', 'Conflicts']] : []),
    ]) {
      menu.append(el('a', { href, id: `menu-${id}`, className: id === page ? 'active' : '' }, t(zh, en)));
    }
    document.body.prepend(header, menu);
    if (me.department) notices(menu);
    translate();
    return me;
  }

  return { el, status, time, api, start, t, translate, languageSwitch, lang, CHANNEL };
})();
