package org.targetwatch.alerts;

import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.internal.AlertHistory;

/**
 * Stage 5's rule: an account is not alerted twice at the same or lower severity within the
 * cool-down; a higher severity (an escalation) is always alerted. The history is a state store, so
 * the rule survives restarts and fail-overs, and a replay over the same events decides the same.
 */
public final class AlertCooldown {
  private final KeyValueStore<String, AlertHistory> history;
  private final long cooldownMs;

  public AlertCooldown(KeyValueStore<String, AlertHistory> history, long cooldownMs) {
    this.history = history;
    this.cooldownMs = cooldownMs;
  }

  public boolean allows(String account, Severity severity, long at) {
    AlertHistory last = history.get(account);
    return last == null
        || severity.ordinal() > last.getSeverity().ordinal()
        || at - last.getAt() >= cooldownMs;
  }

  public void record(String account, Severity severity, long at) {
    AlertHistory last = history.get(account);
    int count = last == null ? 1 : last.getCount() + 1;
    history.put(account, new AlertHistory(severity, at, count));
  }
}
