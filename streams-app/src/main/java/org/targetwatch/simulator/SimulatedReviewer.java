package org.targetwatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;

/**
 * A safety team that reviews alerts, for closing the loop in a simulated world (docs/simulator.md,
 * "The simulated reviewer"): it turns the alerts of a replay into {@code review_verdict} records.
 *
 * <ul>
 *   <li>One case per account: its first alert at or above the floor (default MEDIUM) opens it; the
 *       reviewer decides once, {@code delay} of event time after that alert (default 6 h), naming
 *       that alert. Later alerts of the account are not reviewed again (they are what a verdict
 *       changes, so reviewing them would need the replay that the verdicts feed).
 *   <li>The verdict follows the label: CONFIRMED for an {@code offender.*} account, CLEARED for any
 *       other (an account without a label counts as benign). With probability {@code errorRate}
 *       the reviewer errs: a benign account is confirmed, an offender cleared.
 *   <li>Deterministic per seed: its own random source, drawn case by case in the order of the
 *       cases' alerts (event time, then account id), whatever the order of the alert file. Verdict
 *       ids are {@code verdict-SEED-N}, distinct from each other and from the simulator's
 *       {@code e...}/{@code r...} event ids.
 * </ul>
 */
public final class SimulatedReviewer {
  /** The reviewers a verdict is signed by (opaque ids, for the audit field). */
  static final int REVIEWERS = 4;
  private static final String OFFENDER_PREFIX = "offender.";

  /**
   * @param delay event time from the reviewed alert to the verdict
   * @param errorRate chance of the wrong verdict, 0..1
   * @param seed the reviewer's own seed
   * @param floor the lowest severity that reaches the review queue
   */
  public record Settings(Duration delay, double errorRate, long seed, Severity floor) {
    public static final Duration DEFAULT_DELAY = Duration.ofHours(6);
    public static final double DEFAULT_ERROR_RATE = 0.05;

    public Settings {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("the review delay must not be negative, got " + delay);
      }
      if (!(errorRate >= 0 && errorRate <= 1)) {
        throw new IllegalArgumentException("the error rate must be within 0..1, got " + errorRate);
      }
    }

    public static Settings defaults(long seed) {
      return new Settings(DEFAULT_DELAY, DEFAULT_ERROR_RATE, seed, Severity.MEDIUM);
    }
  }

  /**
   * One reviewed case: the alert reviewed and the decision.
   *
   * @param offender whether the account's label is an offender's
   * @param mistaken whether the verdict contradicts the label
   */
  public record Review(String eventId, String accountId, String alertId, Instant alertedAt, Severity severity,
      Instant decidedAt, Verdict verdict, boolean offender, boolean mistaken, String reviewerId) {

    /** The verdict as the detector's input record. */
    public ReviewVerdict toEvent() {
      return ReviewVerdict.newBuilder().setEventId(eventId).setOccurredAt(decidedAt).setAccountId(accountId)
          .setVerdict(verdict).setAlertId(alertId).setReviewerId(reviewerId).build();
    }
  }

  private final Settings settings;

  public SimulatedReviewer(Settings settings) {
    this.settings = settings;
  }

  /**
   * The reviews of {@code alerts}, in the order of their verdicts' time (then account id).
   *
   * @param labels account id -> class label ({@code offender.*} or {@code benign.*})
   */
  public List<Review> review(Iterable<Alert> alerts, Map<String, String> labels) {
    Map<String, Alert> firstAtFloor = new HashMap<>();
    for (Alert alert : alerts) {
      if (alert.getSeverity().compareTo(settings.floor()) < 0) {
        continue;
      }
      firstAtFloor.merge(alert.getAccountId(), alert, (seen, fresh) -> earlier(fresh, seen) ? fresh : seen);
    }
    List<Alert> cases = new ArrayList<>(firstAtFloor.values());
    cases.sort(Comparator.comparing(Alert::getDetectedAt).thenComparing(Alert::getAccountId));
    SplittableRandom rng = new SplittableRandom(settings.seed());
    List<Review> reviews = new ArrayList<>(cases.size());
    for (Alert alert : cases) {
      String account = alert.getAccountId();
      boolean offender = labels.getOrDefault(account, "").startsWith(OFFENDER_PREFIX);
      boolean mistaken = rng.nextDouble() < settings.errorRate();
      String reviewer = "reviewer-" + (1 + rng.nextInt(REVIEWERS));
      Verdict verdict = offender != mistaken ? Verdict.CONFIRMED : Verdict.CLEARED;
      reviews.add(new Review("verdict-" + settings.seed() + "-" + (reviews.size() + 1), account, alert.getAlertId(),
          alert.getDetectedAt(), alert.getSeverity(), alert.getDetectedAt().plus(settings.delay()), verdict, offender,
          mistaken, reviewer));
    }
    reviews.sort(Comparator.comparing(Review::decidedAt).thenComparing(Review::accountId));
    return reviews;
  }

  /** The first alert by event time; of two at the same time, the lower alert id, so file order does not matter. */
  private static boolean earlier(Alert a, Alert b) {
    int byTime = a.getDetectedAt().compareTo(b.getDetectedAt());
    return byTime < 0 || byTime == 0 && a.getAlertId().compareTo(b.getAlertId()) < 0;
  }
}
