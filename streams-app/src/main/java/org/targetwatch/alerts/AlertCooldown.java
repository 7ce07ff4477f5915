package org.targetwatch.alerts;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.internal.AlertHistory;
import org.targetwatch.schema.internal.AlertRecord;

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

  /** Ids remembered per account: more than any out-of-order burst can bring back within the grace. */
  static final int IDS_KEPT = 32;

  /**
   * The alert with this id may be emitted: not at the same or a lower severity within the cool-down,
   * and never an id already emitted. (An id names the account, severity, window and cool-down
   * period; when events arrive out of order, a later lower alert can otherwise open the door to an
   * earlier period's alert a second time.)
   */
  public boolean allows(String account, Severity severity, long at, String alertId) {
    AlertHistory last = history.get(account);
    if (last == null) {
      return true;
    }
    if (last.getAlertIds().contains(alertId)) {
      return false;
    }
    return severity.ordinal() > last.getSeverity().ordinal() || at - last.getAt() >= cooldownMs;
  }

  /**
   * @param minors the account's distinct minors in the long window: what a reviewer's verdict on
   *     this alert is later held against
   */
  public void record(String account, Severity severity, long at, String alertId, int minors) {
    AlertHistory last = history.get(account);
    int count = last == null ? 1 : last.getCount() + 1;
    List<String> ids = new ArrayList<>(last == null ? List.of() : last.getAlertIds());
    ids.add(alertId);
    if (ids.size() > IDS_KEPT) {
      ids = new ArrayList<>(ids.subList(ids.size() - IDS_KEPT, ids.size()));
    }
    List<AlertRecord> recent = new ArrayList<>(last == null ? List.of() : last.getRecentAlerts());
    recent.add(new AlertRecord(alertId, at, severity, minors));
    if (recent.size() > IDS_KEPT) {
      recent = new ArrayList<>(recent.subList(recent.size() - IDS_KEPT, recent.size()));
    }
    history.put(account, new AlertHistory(severity, at, count, ids, recent));
  }

  /** The account's latest alerts, oldest first (empty when it has none). */
  public List<AlertRecord> recentAlerts(String account) {
    AlertHistory last = history.get(account);
    return last == null ? List.of() : last.getRecentAlerts();
  }
}
