package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.targetwatch.eventfile.AlertFileWriter;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Alert;

/** What a fault test checks and prints: the alert topic against the fault-free run's, dead letters, catch-up time. */
final class FaultOutcome {
  private FaultOutcome() {}

  /** The highest severity of each account alerted at MEDIUM or above. */
  static Map<String, Severity> highestAtMediumOrAbove(List<Alert> alerts) {
    Map<String, Severity> highest = new TreeMap<>();
    for (Alert alert : alerts) {
      if (alert.getSeverity().compareTo(Severity.MEDIUM) >= 0) {
        highest.merge(alert.getAccountId(), alert.getSeverity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    return highest;
  }

  /** The alerts raised by the senders' own windows (stage 3), without the campaign stage's. */
  static List<Alert> senderWindowAlerts(List<Alert> alerts) {
    return alerts.stream().filter(alert -> alert.getCampaignId() == null).toList();
  }

  /** The accounts whose highest severity at MEDIUM or above differs (or that one side does not have). */
  static Set<String> differingAtMediumOrAbove(List<Alert> alerts, List<Alert> reference) {
    Map<String, Severity> highest = highestAtMediumOrAbove(alerts);
    Map<String, Severity> referenceHighest = highestAtMediumOrAbove(reference);
    Set<String> accounts = new TreeSet<>(highest.keySet());
    accounts.addAll(referenceHighest.keySet());
    accounts.removeIf(account -> highest.get(account) == referenceHighest.get(account));
    return accounts;
  }

  /** Writes the alerts beside the run's logs, for a look after the test. */
  static void keep(String run, List<Alert> alerts) {
    Path file = FaultTestPlatform.WORK.resolve(run.replaceAll("[^A-Za-z0-9]+", "-") + ".alerts.jsonl");
    try (AlertFileWriter writer = AlertFileWriter.create(file)) {
      for (Alert alert : alerts) {
        writer.write(alert);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a fault must not change, checked; and how far the alerts moved from the fault-free run's,
   * printed. Checked: no alert id twice on the alert topic (read_committed) and no record on the
   * dead-letter topic (the caller has checked that every input record was processed). Printed, not
   * checked: alert ids of the fault-free run not raised and others raised, accounts at MEDIUM+ and
   * those whose highest severity differs. Those differ by design today: a fail-over holds back the
   * partitions that move for seconds while the others go on, the detector decides on each event as
   * it arrives (a reply, a contact between friends, a sender's window at that moment), and the tests'
   * compressed time (6 days in 18 s) makes those seconds days of event time (docs/operations.md,
   * "Failure behaviour").
   */
  static void assertNothingLostOrDoubled(String fault, List<Alert> alerts, List<Alert> faultFree, int deadLetters,
      Duration catchUp) {
    keep(fault, alerts);
    List<String> ids = alerts.stream().map(Alert::getAlertId).toList();
    Set<String> expected = new TreeSet<>(faultFree.stream().map(Alert::getAlertId).toList());
    long missing = expected.stream().filter(id -> !ids.contains(id)).count();
    long duplicated = ids.size() - ids.stream().distinct().count();
    long unexpected = ids.stream().distinct().filter(id -> !expected.contains(id)).count();
    Map<String, Severity> highest = highestAtMediumOrAbove(alerts);
    Map<String, Severity> faultFreeHighest = highestAtMediumOrAbove(faultFree);
    Set<String> accounts = new TreeSet<>(highest.keySet());
    accounts.addAll(faultFreeHighest.keySet());
    long severityMoved = accounts.stream().filter(a -> highest.get(a) != faultFreeHighest.get(a)).count();
    Set<String> movedByOwnWindows = differingAtMediumOrAbove(senderWindowAlerts(alerts), senderWindowAlerts(faultFree));
    System.out.printf(Locale.ROOT, "[fault tests] %s: %,d alerts (fault-free %,d), %d duplicated, %d dead letters;"
        + " %d accounts at MEDIUM+ (fault-free %d), %d with another highest severity (%d by their own windows alone);"
        + " alert ids: %d of the fault-free run's not raised, %d others raised; back to the live edge %.1f s after the"
        + " fault%n", fault, ids.size(), expected.size(), duplicated, deadLetters, highest.size(), faultFreeHighest.size(),
        severityMoved, movedByOwnWindows.size(), missing, unexpected, catchUp.toMillis() / 1000.0);
    assertThat(ids).as("alert ids on the alert topic (read_committed)").doesNotHaveDuplicates();
    assertThat(deadLetters).as("records on the dead-letter topic").isZero();
  }
}
