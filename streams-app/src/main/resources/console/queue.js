// The alert queue: a snapshot and then every new alert and verdict through server-sent events.
'use strict';
(function () {
  const alerts = new Map();      // alertId -> summary
  const shownAt = new Map();     // alertId -> when its row first appeared (ms since epoch), for the latency figure
  const MAX_ROWS = 500;
  let pending = false;

  function filters() {
    return {
      severity: tw.severities.indexOf(document.getElementById('filter-severity').value),
      from: document.getElementById('filter-from').value,
      until: document.getElementById('filter-until').value,
      campaign: document.getElementById('filter-campaign').value.trim(),
      state: document.getElementById('filter-state').value,
      sort: document.getElementById('sort').value,
    };
  }

  function visible(a, f) {
    if (tw.severities.indexOf(a.severity) < f.severity) return false;
    const at = a.detectedAt.substring(0, 16);
    if (f.from && at < f.from) return false;
    if (f.until && at > f.until) return false;
    if (f.campaign === '*' && !a.campaignId) return false;
    if (f.campaign && f.campaign !== '*' && a.campaignId !== f.campaign) return false;
    if (f.state && a.state !== f.state) return false;
    return true;
  }

  function order(f) {
    const newest = (x, y) => (x.detectedAt < y.detectedAt ? 1 : x.detectedAt > y.detectedAt ? -1 : 0);
    const highest = (x, y) => tw.severities.indexOf(y.severity) - tw.severities.indexOf(x.severity)
      || y.score - x.score;
    return f.sort === 'highest' ? (x, y) => highest(x, y) || newest(x, y) : (x, y) => newest(x, y) || highest(x, y);
  }

  function render() {
    pending = false;
    const f = filters();
    const counts = { open: 0, confirmed: 0, cleared: 0 };
    alerts.forEach((a) => { counts[a.state] = (counts[a.state] || 0) + 1; });
    Object.keys(counts).forEach((s) => { document.getElementById('count-' + s).textContent = counts[s]; });
    const rows = Array.from(alerts.values()).filter((a) => visible(a, f)).sort(order(f));
    const body = document.getElementById('queue');
    const fresh = document.createDocumentFragment();
    const now = Date.now();
    rows.slice(0, MAX_ROWS).forEach((a) => {
      const tr = tw.el('tr', null, 'alert-row');
      tr.dataset.alertId = a.alertId;
      tr.dataset.accountId = a.accountId;
      if (!shownAt.has(a.alertId)) shownAt.set(a.alertId, now);
      tr.dataset.shownAt = shownAt.get(a.alertId);
      tw.cell(tr, '').appendChild(tw.el('span', a.severity, 'severity ' + a.severity));
      tw.cell(tr, a.score.toFixed(3));
      tw.cell(tr, tw.time(a.detectedAt));
      tw.cell(tr, '').appendChild(tw.link(tw.alertHref(a.alertId), a.accountId));
      tw.cell(tr, a.distinctMinors);
      tw.cell(tr, a.window);
      tw.cell(tr, a.campaignId || '');
      tw.cell(tr, a.state, 'state ' + a.state);
      tr.addEventListener('click', (e) => { if (e.target.tagName !== 'A') window.location.href = tw.alertHref(a.alertId); });
      fresh.appendChild(tr);
    });
    body.replaceChildren(fresh);
    document.getElementById('shown').textContent = rows.length > MAX_ROWS
      ? 'showing ' + MAX_ROWS + ' of ' + rows.length + ' matching alerts' : rows.length + ' matching alerts';
  }

  function later() {
    if (!pending) { pending = true; window.requestAnimationFrame(render); }
  }

  function connect() {
    const source = new EventSource('/api/events');
    const status = document.getElementById('connection');
    source.onopen = () => { status.textContent = 'live'; };
    source.onerror = () => { status.textContent = 'reconnecting …'; };
    source.addEventListener('snapshot', (e) => {
      const snapshot = JSON.parse(e.data);
      alerts.clear();
      snapshot.alerts.forEach((a) => alerts.set(a.alertId, a));
      later();
    });
    source.addEventListener('alert', (e) => {
      const a = JSON.parse(e.data);
      alerts.set(a.alertId, a);
      later();
    });
    source.addEventListener('verdict', (e) => {
      const v = JSON.parse(e.data);
      alerts.forEach((a) => { if (a.accountId === v.accountId) a.state = v.state; });
      later();
    });
    source.addEventListener('reload', () => { source.close(); connect(); });
  }

  document.getElementById('filters').addEventListener('input', later);
  document.getElementById('filters').addEventListener('submit', (e) => e.preventDefault());
  connect();
})();
