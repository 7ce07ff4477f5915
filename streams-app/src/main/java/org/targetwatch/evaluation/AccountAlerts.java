package org.targetwatch.evaluation;

import java.util.HashMap;
import java.util.Map;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;

/**
 * Folds an alert stream into one {@link AccountVerdict} per account. An account counts once, at its
 * highest alert; the alert file need not be sorted (the first alert at the floor is the earliest
 * {@code detectedAt}, not the first line).
 */
public final class AccountAlerts {
  private final Severity floor;
  private final Map<String, AccountVerdict> verdicts = new HashMap<>();
  private long alerts;

  public AccountAlerts(Severity floor) {
    this.floor = floor;
  }

  public void add(Alert alert) {
    alerts++;
    AccountVerdict none = new AccountVerdict(Severity.LOW, 0.0, null);
    verdicts.merge(alert.getAccountId(), none.with(alert.getSeverity(), alert.getScore(), alert.getDetectedAt(), floor),
        (seen, fresh) -> seen.with(alert.getSeverity(), alert.getScore(), alert.getDetectedAt(), floor));
  }

  public Map<String, AccountVerdict> verdicts() {
    return Map.copyOf(verdicts);
  }

  public long alerts() {
    return alerts;
  }
}
