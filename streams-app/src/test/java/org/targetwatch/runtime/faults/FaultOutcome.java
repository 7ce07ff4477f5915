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

  /** The alerts raised by the campaign stage (stage 4). */
  static List<Alert> campaignAlerts(List<Alert> alerts) {
    return alerts.stream().filter(alert -> alert.getCampaignId() != null).toList();
  }

  /** How one run's alert ids compare with a reference run's. */
  record IdComparison(List<Alert> missing, List<Alert> others, int total, int referenceTotal) {
    static IdComparison of(List<Alert> alerts, List<Alert> reference) {
      Set<String> ids = new TreeSet<>(alerts.stream().map(Alert::getAlertId).toList());
      Set<String> referenceIds = new TreeSet<>(reference.stream().map(Alert::getAlertId).toList());
      return new IdComparison(reference.stream().filter(a -> !ids.contains(a.getAlertId())).toList(),
          alerts.stream().filter(a -> !referenceIds.contains(a.getAlertId())).toList(), alerts.size(), reference.size());
    }

    String summary() {
      return String.format(Locale.ROOT, "%d of %d the same, %d not raised, %d others", referenceTotal - missing.size(),
          referenceTotal, missing.size(), others.size());
    }

    /**
     * The differing alerts, one a line: account, severity, window, time and score, then the figures
     * that most often move a score between runs (minors, their mean degree percentile, the minors'
     * upper quartile and share of the population) and the three largest contributions.
     */
    String details() {
      StringBuilder lines = new StringBuilder();
      missing.forEach(a -> lines.append("    not raised ").append(describe(a)).append('\n'));
      others.forEach(a -> lines.append("    other      ").append(describe(a)).append('\n'));
      return lines.toString();
    }

    private static String describe(Alert a) {
      var e = a.getEvidence();
      String largest = a.getReasons().stream().limit(3)
          .map(r -> String.format(Locale.ROOT, "%s %.2f (%+.2f)", r.getSignal(), r.getValue(), r.getContribution()))
          .collect(java.util.stream.Collectors.joining(", "));
      return String.format(Locale.ROOT, "%s %s %s %s %.3f%s | minors %d, percentile %.3f, p75 %.1f, minor share %.3f | %s",
          a.getAccountId(), a.getSeverity(), e.getWindow(), a.getDetectedAt(), a.getScore(),
          a.getCampaignId() == null ? "" : " campaign", e.getDistinctMinors(), e.getMeanDegreePercentile(),
          e.getPopulationMinorDegreeP75(), e.getPopulationMinorShare(), largest);
    }
  }

  /**
   * What a fault must not change, checked; and how far the alerts moved from the fault-free run's,
   * printed. Checked: no alert id twice on the alert topic (read_committed), no record on the
   * dead-letter topic (the caller has checked that every input record was processed), and bounds on
   * the alert ids that differ from the fault-free run's (the senders' own windows' and the campaign
   * stage's apart) and on the accounts whose own windows' highest severity moved. Printed: the ids compared, the senders'
   * windows' and the campaign stage's apart, with every alert that differs. Why they may differ at
   * all (partitions progressing unevenly while a task moves, amplified by the tests' compressed
   * time; the campaign stage's arrival order): docs/operations.md, "Failure behaviour".
   */
  static void assertNothingLostOrDoubled(String fault, List<Alert> alerts, List<Alert> faultFree, int deadLetters,
      Duration catchUp) {
    keep(fault, alerts);
    List<String> ids = alerts.stream().map(Alert::getAlertId).toList();
    long duplicated = ids.size() - ids.stream().distinct().count();
    Map<String, Severity> highest = highestAtMediumOrAbove(alerts);
    Map<String, Severity> faultFreeHighest = highestAtMediumOrAbove(faultFree);
    Set<String> accounts = new TreeSet<>(highest.keySet());
    accounts.addAll(faultFreeHighest.keySet());
    long severityMoved = accounts.stream().filter(a -> highest.get(a) != faultFreeHighest.get(a)).count();
    Set<String> movedByOwnWindows = differingAtMediumOrAbove(senderWindowAlerts(alerts), senderWindowAlerts(faultFree));
    IdComparison own = IdComparison.of(senderWindowAlerts(alerts), senderWindowAlerts(faultFree));
    IdComparison campaigns = IdComparison.of(campaignAlerts(alerts), campaignAlerts(faultFree));
    System.out.printf(Locale.ROOT, "[fault tests] %s: %,d alerts (fault-free %,d), %d duplicated, %d dead letters;"
        + " %d accounts at MEDIUM+ (fault-free %d), %d with another highest severity (%d by their own windows alone);"
        + " alert ids of the senders' windows: %s; of campaigns: %s; back to the live edge %.1f s after the fault%n%s%s",
        fault, ids.size(), faultFree.size(), duplicated, deadLetters, highest.size(), faultFreeHighest.size(),
        severityMoved, movedByOwnWindows.size(), own.summary(), campaigns.summary(), catchUp.toMillis() / 1000.0,
        own.details(), campaigns.details());
    assertThat(ids).as("alert ids on the alert topic (read_committed)").doesNotHaveDuplicates();
    assertThat(deadLetters).as("records on the dead-letter topic").isZero();
    assertThat(movedByOwnWindows).as("accounts at MEDIUM+ whose own windows' highest severity moved from the fault-free"
        + " run's, of %d", accounts.size()).hasSizeLessThanOrEqualTo(MAX_MOVED_BY_OWN_WINDOWS);
    assertThat(own.missing()).as("alert ids of the senders' windows in the fault-free run, not raised after the fault")
        .hasSizeLessThanOrEqualTo(MAX_OWN_IDS_DIFFERING);
    assertThat(own.others()).as("alert ids of the senders' windows raised after the fault, not in the fault-free run")
        .hasSizeLessThanOrEqualTo(MAX_OWN_IDS_DIFFERING);
    assertThat(campaigns.missing()).as("campaign alert ids of the fault-free run not raised after the fault")
        .hasSizeLessThanOrEqualTo(MAX_CAMPAIGN_IDS_DIFFERING);
    assertThat(campaigns.others()).as("campaign alert ids raised after the fault, not in the fault-free run")
        .hasSizeLessThanOrEqualTo(MAX_CAMPAIGN_IDS_DIFFERING);
  }

  /**
   * Accounts at MEDIUM+ whose highest severity from their own windows may move after a fault: what
   * repeated runs measured, with room (docs/operations.md, "Failure behaviour").
   */
  static final int MAX_MOVED_BY_OWN_WINDOWS = 4; // measured 0-1 of 23-28 with sequences; 0-3 of 27 with the unshrunk links among targets, whose borderline accounts (0.37-0.41) move with the enrichment's timing (docs/operations.md)

  /**
   * Alert ids of the senders' own windows that may differ from the fault-free run's, each way (of
   * about 98). Not zero: a contact is enriched with what its recipient's partition holds when it
   * gets there, and a sender's task may read its input topics in another interleaving around a task
   * move; in these tests' compressed time a second between partitions is 8 hours of event time, so
   * accounts near a severity's score are alerted at other contacts (docs/operations.md, "Failure
   * behaviour"). Measured with sequences: 2-13 not raised and 2-10 others (two fault-free runs
   * differ by 2-3; the 13 on a machine at a load of 10, whose fault-free run was itself further from
   * replay's than usual); before them 35-58. After the registry outage, whose stream threads are
   * replaced while it lasts: 8 / 5 and 7 / 8 in two runs, 19 / 28, 18 / 28 and 27 / 40 in three
   * clean-clone CI runs of the same code (one with a validation replay on the same two cores, two on
   * a quiet machine): the accounts' own severities ({@link #MAX_MOVED_BY_OWN_WINDOWS}) are what a
   * safety team routes on, and moved by 0-1 in all five.
   */
  static final int MAX_OWN_IDS_DIFFERING = 60;

  /**
   * Campaign alert ids that may differ, each way: the campaign stage judges groups in the order
   * candidates from four partitions reach it (not sequenced; docs/detection.md, "Order"). Measured
   * 0-7 in fourteen fault runs (a group of three or four members at one or two severities).
   */
  static final int MAX_CAMPAIGN_IDS_DIFFERING = 20;
}
