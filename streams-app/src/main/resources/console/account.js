// An account lookup: what the detector's state stores hold now, from whichever instance owns the account.
'use strict';
(function () {
  const accountId = tw.param('id');
  const set = (id, value) => { document.getElementById(id).textContent = value === undefined || value === null ? '—' : value; };

  function render(a) {
    set('account-id', a.accountId);
    set('review-state', a.reviewState);
    set('answered-by', a.answeredBy);
    set('known', a.known ? 'yes' : 'no profile held');
    set('age-band', a.ageBand);
    set('account-age', a.accountAgeDays);
    set('degree', a.degree);
    set('targets-held', a.targets.length + ' (' + a.targets.filter((t) => t.minor).length + ' minors)');
    set('verdict', a.verdict ? a.verdict.verdict + ' at ' + tw.time(a.verdict.at) : 'none');
    const windows = document.getElementById('windows');
    a.windows.forEach((w) => {
      const tr = tw.el('tr');
      tr.dataset.window = w.window;
      [w.window, tw.time(w.from), tw.time(w.to), w.targets, w.minors, w.highDegreeMinors, w.strangerMinors, w.requests,
        w.messages, w.accepted, w.declined, w.escalations].forEach((v) => tw.cell(tr, v === undefined ? 0 : v));
      windows.appendChild(tr);
    });
    const alerts = document.getElementById('alerts');
    const queued = new Map(a.queuedAlerts.map((q) => [q.alertId, q]));
    a.alerts.forEach((h) => { if (!queued.has(h.alertId)) queued.set(h.alertId, { alertId: h.alertId, severity: h.severity, detectedAt: h.at, distinctMinors: h.minors }); });
    queued.forEach((q) => {
      const tr = tw.el('tr');
      tw.cell(tr, '').appendChild(tw.el('span', q.severity, 'severity ' + q.severity));
      tw.cell(tr, q.score === undefined ? '' : q.score.toFixed(3));
      tw.cell(tr, tw.time(q.detectedAt));
      tw.cell(tr, q.distinctMinors);
      tw.cell(tr, '').appendChild(tw.link(tw.alertHref(q.alertId), q.alertId));
      alerts.appendChild(tr);
    });
    document.getElementById('account').hidden = false;
  }

  if (accountId) {
    document.getElementById('lookup-id').value = accountId;
    tw.json('/api/accounts/' + encodeURIComponent(accountId))
      .then((a) => { render(a); document.body.dataset.loaded = 'true'; })
      .catch((e) => { tw.showError(e); document.body.dataset.loaded = 'error'; });
  }
})();
