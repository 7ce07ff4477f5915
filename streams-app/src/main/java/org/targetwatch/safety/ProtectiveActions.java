package org.targetwatch.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.schema.internal.ReporterActions;
import org.targetwatch.schema.internal.ReportsReceived;
import org.targetwatch.signals.ProtectionFigures;
import org.targetwatch.topology.StoreSweep;

/**
 * The blocks and reports each account received (store {@code safety-reports}, keyed by the reported
 * account, at its partition): one entry per distinct reporter, holding whether its block stands and
 * its strongest report, so that a flood from one account is one entry and a re-delivered event
 * changes nothing. At most {@code maxReporters} entries per account; reporters beyond are counted as
 * dropped. An account's record expires with the long window after its latest action.
 */
public final class ProtectiveActions {
  /** What one protecting minor weighs by its strongest action (docs/detection.md, "Reports and blocks"). */
  static final double SEXUAL_HARM_WEIGHT = 1.0;
  static final double OTHER_PROTECTION_WEIGHT = 0.6;
  /**
   * A block says only that something was wrong. When more accounts report the sender as SPAM than as
   * grooming or sexual content, its blocks are most likely blocks of a broadcast: they count this share.
   */
  static final double SPAM_EXPLAINED_BLOCK_FACTOR = 0.25;

  private final KeyValueStore<String, ReportsReceived> store;
  private final int maxReporters;
  private final long memoryMs;

  /** @param memoryMs how long an action counts: the long window */
  public ProtectiveActions(KeyValueStore<String, ReportsReceived> store, int maxReporters, long memoryMs) {
    this.store = store;
    this.maxReporters = maxReporters;
    this.memoryMs = memoryMs;
  }

  /**
   * Applies a block, unblock or report to the reported account's record. Returns false when it
   * changed nothing: a re-delivery, a block older than the reporter's latest block or unblock, a
   * report no stronger than one already made, or a new reporter past the cap (then counted as dropped).
   */
  public boolean record(SafetyReport report) {
    String reported = report.getReportedId();
    long at = report.getOccurredAt().toEpochMilli();
    ReportsReceived received = store.get(reported);
    if (received == null) {
      received = new ReportsReceived(new ArrayList<>(), 0);
    }
    ReporterActions entry = null;
    for (ReporterActions candidate : received.getReporters()) {
      if (candidate.getReporterId().equals(report.getReporterId())) {
        entry = candidate;
        break;
      }
    }
    if (entry == null) {
      if (received.getReporters().size() >= maxReporters) {
        received.setReportersDropped(received.getReportersDropped() + 1);
        store.put(reported, received);
        return false;
      }
      entry = new ReporterActions(report.getReporterId(), false, Long.MIN_VALUE, null, at);
      List<ReporterActions> reporters = new ArrayList<>(received.getReporters());
      reporters.add(entry);
      received.setReporters(reporters);
    }
    boolean changed = apply(entry, report.getAction(), categoryOf(report), at);
    if (changed) {
      entry.setLastActionAt(Math.max(entry.getLastActionAt(), at));
      store.put(reported, received);
    }
    return changed;
  }

  private static boolean apply(ReporterActions entry, SafetyAction action, ReportCategory category, long at) {
    switch (action) {
      case BLOCKED:
      case UNBLOCKED:
        boolean blocked = action == SafetyAction.BLOCKED;
        if (at < entry.getBlockChangedAt() || (at == entry.getBlockChangedAt() && blocked == entry.getBlocked())) {
          return false; // older than the reporter's latest block or unblock, or the same one again
        }
        entry.setBlocked(blocked);
        entry.setBlockChangedAt(at);
        return true;
      case REPORTED:
        if (entry.getReportCategory() != null && weight(entry.getReportCategory()) >= weight(category)) {
          return false;
        }
        entry.setReportCategory(category);
        return true;
      default:
        return false;
    }
  }

  /** A report without a category counts as OTHER (the contract's default). */
  static ReportCategory categoryOf(SafetyReport report) {
    return report.getCategory() == null ? ReportCategory.OTHER : report.getCategory();
  }

  /** How strong a report of this category is: sexual harm most, SPAM not this pattern at all. */
  static double weight(ReportCategory category) {
    return switch (category) {
      case GROOMING, SEXUAL_CONTENT -> SEXUAL_HARM_WEIGHT;
      case SPAM -> 0.0;
      default -> OTHER_PROTECTION_WEIGHT;
    };
  }

  /**
   * The account's figures at {@code at}: each reporter whose latest action lies within the long
   * window counts once, as a protecting minor when {@code contactedMinor} says the account contacted
   * it as a minor, else among the others.
   */
  public ProtectionFigures figures(String account, long at, Predicate<String> contactedMinor) {
    ReportsReceived received = store.get(account);
    if (received == null) {
      return ProtectionFigures.NONE;
    }
    int protecting = 0;
    int blocking = 0;
    int reporting = 0;
    int sexualHarm = 0;
    int others = 0;
    int spamReporters = 0;
    int harmReporters = 0;
    double reportStrength = 0;
    double blockOnlyStrength = 0;
    for (ReporterActions entry : received.getReporters()) {
      if (entry.getLastActionAt() <= at - memoryMs || entry.getLastActionAt() > at) {
        continue;
      }
      boolean blocks = entry.getBlocked() && entry.getBlockChangedAt() <= at;
      ReportCategory category = entry.getReportCategory();
      double reportWeight = category == null ? 0 : weight(category);
      double weight = Math.max(blocks ? OTHER_PROTECTION_WEIGHT : 0, reportWeight);
      spamReporters += category == ReportCategory.SPAM ? 1 : 0;
      harmReporters += reportWeight == SEXUAL_HARM_WEIGHT ? 1 : 0;
      if (weight == 0 && (category == null || category == ReportCategory.SPAM)) {
        continue; // unblocked and never reported (withdrawn), or reported only as SPAM: a broadcast, not this pattern
      }
      if (weight > 0 && contactedMinor.test(entry.getReporterId())) {
        protecting++;
        blocking += blocks ? 1 : 0;
        reporting += reportWeight > 0 ? 1 : 0;
        sexualHarm += reportWeight == SEXUAL_HARM_WEIGHT ? 1 : 0;
        if (reportWeight > 0) {
          reportStrength += weight;
        } else {
          blockOnlyStrength += weight;
        }
      } else {
        others++;
      }
    }
    double blockFactor = spamReporters > harmReporters ? SPAM_EXPLAINED_BLOCK_FACTOR : 1.0;
    double strength = reportStrength + blockFactor * blockOnlyStrength;
    return new ProtectionFigures(protecting, blocking, reporting, sexualHarm, others, strength);
  }

  /** Deletes the records of accounts whose latest block or report is older than {@code cutoff}. */
  public int forgetBefore(long cutoff) {
    return StoreSweep.deleteBefore(store, cutoff, ProtectiveActions::latestAction);
  }

  private static long latestAction(ReportsReceived received) {
    long latest = Long.MIN_VALUE;
    for (ReporterActions entry : received.getReporters()) {
      latest = Math.max(latest, entry.getLastActionAt());
    }
    return latest;
  }
}
