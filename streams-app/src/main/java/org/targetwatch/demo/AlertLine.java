package org.targetwatch.demo;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Reason;

/** An alert as two console lines: who, how severe, the top reasons; then a short evidence line. */
final class AlertLine {
  private static final int TOP_REASONS = 4;

  private AlertLine() {}

  static String format(Alert alert) {
    Evidence e = alert.getEvidence();
    List<Reason> reasons = alert.getReasons();
    String top = reasons.stream() // the alert lists them largest contribution first
        .limit(TOP_REASONS)
        .map(r -> String.format(Locale.ROOT, "%s %s (%+.1f)", r.getSignal(), number(r.getValue()), r.getContribution()))
        .collect(Collectors.joining(", "));
    String age = e.getSenderAccountAgeDays() == null ? "unknown age" : String.format(Locale.ROOT, "%.0f days old",
        e.getSenderAccountAgeDays());
    String sample = e.getSampleTargetIds().stream().limit(4).collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "ALERT %-8s %-10s score %.2f  %s%n      %s window: %d minors of %d targets,"
            + " %.0f%% strangers, account %s with %d friends, %d requests / %d messages; e.g. %s",
        alert.getSeverity(), alert.getAccountId(), alert.getScore(), top, e.getWindow(), e.getDistinctMinors(),
        e.getDistinctTargets(), 100 * e.getStrangerShare(), age, e.getSenderDegree(), e.getRequestsSent(),
        e.getMessagesSent(), sample);
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e6 ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
