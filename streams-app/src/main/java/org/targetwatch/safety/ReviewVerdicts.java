package org.targetwatch.safety;

import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;
import org.targetwatch.schema.internal.AlertRecord;
import org.targetwatch.schema.internal.VerdictState;
import org.targetwatch.topology.StoreSweep;

/**
 * The verdict standing for each account (store {@code review-verdicts}, keyed by the account, at its
 * partition): one record per account that a reviewer decided on, deleted when it expires, so the
 * store holds at most the accounts reviewed within the retention (docs/detection.md, "Verdicts").
 * The latest verdict in event time wins; REOPENED is kept as a record only so that an older
 * verdict arriving late does not come back.
 */
public final class ReviewVerdicts {

  /** What became of a verdict event (the {@code outcome} label of its metric). */
  public enum Outcome {
    /** It now stands for the account. */
    APPLIED,
    /** The same event again (same {@code eventId}): nothing changes. */
    DUPLICATE,
    /** Older than the verdict standing for the account: the newer decision stays. */
    OUTDATED,
    /** Older than the alert it names: a reviewer cannot have seen that alert; ignored. */
    OLDER_THAN_ALERT
  }

  private final KeyValueStore<String, VerdictState> store;
  private final SafetyLoopConfig config;

  public ReviewVerdicts(KeyValueStore<String, VerdictState> store, SafetyLoopConfig config) {
    this.store = store;
    this.config = config;
  }

  /**
   * Applies a verdict. The evidence reviewed is that of the alert it names when the account's
   * recent alerts hold it; when it names none, or one its windows did not raise (a campaign alert,
   * or one not raised yet) while it has evidence, the account's evidence at the verdict's time (its
   * distinct minors in the long window, the severity of its latest alert); when it names an alert
   * not seen yet and the account has no evidence yet (the verdict came first), unknown until that
   * alert is raised.
   *
   * @param recentAlerts the account's latest alerts, oldest first
   * @param minorsNow the account's distinct minors in the long window at the verdict's time
   */
  public Outcome apply(ReviewVerdict verdict, List<AlertRecord> recentAlerts, int minorsNow) {
    String account = verdict.getAccountId();
    long at = verdict.getOccurredAt().toEpochMilli();
    VerdictState standing = store.get(account);
    if (standing != null && standing.getEventId().equals(verdict.getEventId())) {
      return Outcome.DUPLICATE;
    }
    if (standing != null && at < standing.getAt()) {
      return Outcome.OUTDATED;
    }
    AlertRecord named = find(recentAlerts, verdict.getAlertId());
    if (named != null && named.getAt() > at) {
      return Outcome.OLDER_THAN_ALERT;
    }
    int reviewedMinors;
    Severity reviewedSeverity;
    if (named != null) {
      reviewedMinors = named.getMinors();
      reviewedSeverity = named.getSeverity();
    } else if (verdict.getAlertId() == null) {
      reviewedMinors = minorsNow;
      reviewedSeverity = recentAlerts.isEmpty() ? null : recentAlerts.get(recentAlerts.size() - 1).getSeverity();
    } else if (minorsNow > 0) {
      // an alert not in the account's history: raised elsewhere (a campaign alert, from the campaign
      // task) or not raised yet; the account's own evidence at the verdict is what was reviewed, and
      // the named alert, should it come, is held back (ClearedRule)
      reviewedMinors = minorsNow;
      reviewedSeverity = recentAlerts.isEmpty() ? null : recentAlerts.get(recentAlerts.size() - 1).getSeverity();
    } else {
      reviewedMinors = -1;
      reviewedSeverity = null;
    }
    long holds = verdict.getVerdict() == Verdict.CLEARED ? config.clearedFor().toMillis() : config.verdictRetention().toMillis();
    store.put(account, new VerdictState(verdict.getEventId(), verdict.getVerdict(), at, verdict.getAlertId(),
        reviewedMinors, reviewedSeverity, at + holds));
    return Outcome.APPLIED;
  }

  /** The CONFIRMED or CLEARED verdict standing for the account at {@code at}, or null. */
  public VerdictState standing(String account, long at) {
    VerdictState state = store.get(account);
    if (state == null || state.getVerdict() == Verdict.REOPENED || at >= state.getExpiresAt()) {
      return null;
    }
    return state;
  }

  /** Records what the reviewed alert showed, once it is raised (the verdict had come first). */
  public void resolve(String account, VerdictState state, int minors, Severity severity) {
    state.setReviewedMinors(minors);
    state.setReviewedSeverity(severity);
    store.put(account, state);
  }

  /** Deletes the verdicts that expired before {@code now}: the store is bounded in time. */
  public int expire(long now) {
    return StoreSweep.deleteBefore(store, now, VerdictState::getExpiresAt);
  }

  private static AlertRecord find(List<AlertRecord> alerts, String alertId) {
    if (alertId == null) {
      return null;
    }
    for (AlertRecord alert : alerts) {
      if (alert.getAlertId().equals(alertId)) {
        return alert;
      }
    }
    return null;
  }
}
