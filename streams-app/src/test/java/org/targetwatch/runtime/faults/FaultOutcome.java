package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.targetwatch.schema.Alert;

/** What a fault test checks and prints: the alert topic against the fault-free run's, dead letters, catch-up time. */
final class FaultOutcome {
  private FaultOutcome() {}

  /**
   * The committed alerts are exactly the fault-free run's (same ids, none missing, none twice) and no
   * record was dead-lettered.
   */
  static void assertExactlyTheFaultFreeAlerts(String fault, List<Alert> alerts, List<Alert> faultFree, int deadLetters,
      Duration catchUp) {
    List<String> ids = alerts.stream().map(Alert::getAlertId).toList();
    List<String> expected = faultFree.stream().map(Alert::getAlertId).toList();
    long missing = expected.stream().filter(id -> !ids.contains(id)).count();
    long duplicated = ids.size() - ids.stream().distinct().count();
    long unexpected = ids.stream().distinct().filter(id -> !expected.contains(id)).count();
    System.out.printf(Locale.ROOT, "[fault tests] %s: %,d alerts (fault-free %,d): %d missing, %d duplicated, %d not in"
        + " the fault-free run, %d dead letters; back to the live edge %.1f s after the fault%n", fault, ids.size(),
        expected.size(), missing, duplicated, unexpected, deadLetters, catchUp.toMillis() / 1000.0);
    assertThat(ids).as("alert ids on the alert topic (read_committed)").doesNotHaveDuplicates();
    assertThat(ids).as("alert ids against the fault-free run").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(deadLetters).as("records on the dead-letter topic").isZero();
  }
}
