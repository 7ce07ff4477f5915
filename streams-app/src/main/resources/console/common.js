// Shared helpers of the console's pages. Every value from the server is set as text (textContent),
// never as HTML, and links are built with encodeURIComponent.
'use strict';
const tw = {
  el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  },
  cell(row, text, className) {
    const td = tw.el('td', text, className);
    row.appendChild(td);
    return td;
  },
  link(href, text) {
    const a = tw.el('a', text);
    a.href = href;
    return a;
  },
  alertHref(alertId) { return '/alert.html?id=' + encodeURIComponent(alertId); },
  accountHref(accountId) { return '/account.html?id=' + encodeURIComponent(accountId); },
  param(name) { return new URLSearchParams(window.location.search).get(name); },
  async json(url, options) {
    const response = await fetch(url, Object.assign({ credentials: 'same-origin' }, options || {}));
    const body = await response.json().catch(() => ({ error: 'the console answered ' + response.status }));
    if (!response.ok) throw new Error(body.error || ('the console answered ' + response.status));
    return body;
  },
  showError(error) {
    const p = document.getElementById('error');
    if (p) { p.textContent = error.message || String(error); p.hidden = false; }
  },
  time(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : ''; },
  severities: ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'],
};
