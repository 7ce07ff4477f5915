// One alert: its reasons, figures, evidence graph (server-side SVG), timeline and the verdict buttons.
'use strict';
(function () {
  const alertId = tw.param('id');
  let accountId = null;

  function figure(dl, name, value) {
    if (value === undefined || value === null || value === '') return;
    dl.appendChild(tw.el('dt', name));
    dl.appendChild(tw.el('dd', typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : value));
  }

  function renderHead(detail) {
    const a = detail.alert;
    accountId = a.accountId;
    const severity = document.getElementById('severity');
    severity.textContent = a.severity;
    severity.className = 'severity ' + a.severity;
    const link = document.getElementById('account-link');
    link.textContent = a.accountId;
    link.href = tw.accountHref(a.accountId);
    document.getElementById('score').textContent = Number(a.score).toFixed(3);
    document.getElementById('alert-id').textContent = a.alertId;
    document.getElementById('window').textContent = (a.evidence.window || '') + ' window '
      + tw.time(a.windowStart) + ' – ' + tw.time(a.windowEnd);
    document.getElementById('detected').textContent = tw.time(a.detectedAt);
    document.getElementById('campaign-id').textContent = a.campaignId ? ' · campaign ' + a.campaignId : '';
    showState(detail.state);
  }

  function showState(state) {
    const s = document.getElementById('state');
    s.textContent = state;
    s.className = 'state ' + state;
  }

  function renderReasons(detail) {
    const body = document.getElementById('reasons');
    detail.reasons.forEach((r) => {
      const tr = tw.el('tr');
      tw.cell(tr, r.words).title = r.signal;
      tw.cell(tr, r.value);
      tw.cell(tr, r.reference);
      tw.cell(tr, r.contribution, r.raises ? 'raises' : 'lowers');
      body.appendChild(tr);
    });
    const e = detail.alert.evidence;
    const dl = document.getElementById('figures');
    figure(dl, 'Distinct minors contacted', e.distinctMinors);
    figure(dl, 'Distinct accounts contacted', e.distinctTargets);
    figure(dl, 'Median friends of contacted minors', e.medianMinorTargetDegree);
    figure(dl, "Minors' upper quartile (P75) of friends", e.populationMinorDegreeP75);
    figure(dl, 'Share above P75', e.highDegreeShare);
    figure(dl, 'Share strangers (no mutual friend)', e.strangerShare);
    figure(dl, 'Requests / cold messages', e.requestsSent + ' / ' + e.messagesSent);
    figure(dl, 'Accepted / declined / removed', e.accepted + ' / ' + e.declined + ' / ' + e.removed);
    figure(dl, 'Escalations (messaged after accepting)', e.escalations);
    figure(dl, 'Account age (days)', e.senderAccountAgeDays);
    figure(dl, 'Account friends / age band', e.senderDegree + ' / ' + e.senderAgeBand);
    figure(dl, 'Minors who blocked or reported', e.protectingMinors);
    const campaign = document.getElementById('campaign');
    if (detail.campaign.length === 0) campaign.appendChild(tw.el('li', 'none in the queue', 'muted'));
    detail.campaign.forEach((c) => {
      const li = tw.el('li');
      li.appendChild(tw.link(tw.alertHref(c.alertId), c.accountId));
      li.appendChild(document.createTextNode(' · ' + c.severity + ' · ' + c.distinctMinors + ' minors · ' + c.state));
      campaign.appendChild(li);
    });
  }

  function renderTimeline(detail) {
    const items = [];
    const account = detail.account;
    if (!account) {
      items.push({ at: '', text: detail.accountError || 'no state for this account', kind: 'muted' });
    } else {
      account.targets.forEach((t) => {
        const how = [t.requested ? 'friend request' : null, t.messaged ? 'cold message' : null].filter(Boolean).join(' + ');
        const answers = [t.accepted ? 'accepted' : null, t.declined ? 'declined' : null, t.removed ? 'removed' : null,
          t.escalated ? 'then messaged after accepting (escalation)' : null].filter(Boolean).join(', ');
        items.push({ at: t.firstContactAt, kind: 'contact',
          text: 'contacted ' + t.id + ' (' + (t.minor ? 'minor ' + t.ageBand : t.ageBand) + ', ' + t.degree
            + ' friends, ' + t.mutualFriends + ' mutual) by ' + (how || 'contact') + (answers ? ' → ' + answers : '') });
      });
      account.reports.forEach((r) => items.push({ at: r.at, kind: 'report',
        text: r.reporterId + (r.blocked ? ' blocked' : '') + (r.category ? ' reported (' + r.category + ')' : '') + ' the account' }));
      account.alerts.forEach((a) => items.push({ at: a.at, kind: 'alert',
        text: a.severity + ' alert ' + a.alertId + ' (' + a.minors + ' minors)' }));
      if (account.verdict) {
        items.push({ at: account.verdict.at, kind: 'verdict', text: 'verdict ' + account.verdict.verdict });
      }
    }
    items.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    const list = document.getElementById('timeline');
    items.forEach((i) => {
      const li = tw.el('li', null, i.kind);
      li.appendChild(tw.el('span', tw.time(i.at) + ' ', 'muted'));
      li.appendChild(document.createTextNode(i.text));
      list.appendChild(li);
    });
  }

  async function renderGraph() {
    const response = await fetch('/api/alerts/' + encodeURIComponent(alertId) + '/graph.svg', { credentials: 'same-origin' });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || 'the graph could not be drawn (' + response.status + ')');
    }
    const svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
    const graph = document.getElementById('graph');
    graph.replaceChildren(document.importNode(svg, true));
    const nodes = graph.querySelectorAll('.node').length;
    graph.dataset.nodes = nodes;
    document.getElementById('graph-caption').textContent = nodes + ' nodes: the account, '
      + graph.querySelectorAll('.node.target').length + ' minors contacted, '
      + graph.querySelectorAll('.node.campaign').length + ' other campaign accounts. Hover a node for its id.';
  }

  async function decide(verdict) {
    const decided = document.getElementById('decided');
    decided.textContent = 'writing …';
    try {
      const answer = await tw.json('/api/verdicts', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ alertId: alertId, verdict: verdict }),
      });
      showState(answer.state);
      decided.textContent = answer.verdict + ' written (' + answer.eventId + ')';
    } catch (error) {
      decided.textContent = '';
      tw.showError(error);
    }
  }

  document.querySelectorAll('.decide button').forEach((b) => b.addEventListener('click', () => decide(b.dataset.verdict)));

  (async function load() {
    try {
      const [detail] = await Promise.all([tw.json('/api/alerts/' + encodeURIComponent(alertId)), renderGraph()]);
      renderHead(detail);
      renderReasons(detail);
      renderTimeline(detail);
      document.body.dataset.renderedMs = Math.round(performance.now()); // from the navigation's start
      document.body.dataset.loaded = 'true';
    } catch (error) {
      tw.showError(error);
      document.body.dataset.loaded = 'error';
    }
  })();
})();
