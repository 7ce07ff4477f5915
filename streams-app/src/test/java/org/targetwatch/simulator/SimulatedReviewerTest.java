package org.targetwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.EventFileReader;
import org.targetwatch.eventfile.EventFileWriter;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.Severity;
import org.targetwatch.schema.Verdict;

class SimulatedReviewerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  static Alert alert(String account, Severity severity, Duration after) {
    Instant at = T0.plus(after);
    return Alert.newBuilder().setAlertId(account + "-" + severity + "-" + after.toMinutes()).setAccountId(account)
        .setDetectedAt(at).setWindowStart(at.minus(Duration.ofDays(1))).setWindowEnd(at).setScore(0.5)
        .setSeverity(severity).setReasons(List.of()).setEvidence(Evidence.newBuilder().build()).build();
  }

  private static SimulatedReviewer reviewer(double errorRate, long seed) {
    return new SimulatedReviewer(new SimulatedReviewer.Settings(Duration.ofHours(6), errorRate, seed, Severity.MEDIUM));
  }

  /** {@code n} benign and {@code n} offender accounts, each with one HIGH alert, minutes apart. */
  private static List<Alert> manyCases(int n, Map<String, String> labels) {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.put("b" + i, "benign.teacher");
      labels.put("o" + i, "offender.snowball");
      alerts.add(alert("b" + i, Severity.HIGH, Duration.ofMinutes(2L * i)));
      alerts.add(alert("o" + i, Severity.HIGH, Duration.ofMinutes(2L * i + 1)));
    }
    return alerts;
  }

  @Test
  void anAccountsFirstMediumAlertIsReviewedOnceSixHoursLaterAndItsLaterAlertsAreNot() {
    List<Alert> alerts = List.of(
        alert("a1", Severity.LOW, Duration.ofHours(1)),
        alert("a1", Severity.HIGH, Duration.ofHours(9)),
        alert("a1", Severity.MEDIUM, Duration.ofHours(3)),
        alert("a1", Severity.CRITICAL, Duration.ofHours(30)));

    List<SimulatedReviewer.Review> reviews = reviewer(0, 1).review(alerts, Map.of("a1", "offender.snowball"));

    assertThat(reviews).hasSize(1);
    SimulatedReviewer.Review review = reviews.get(0);
    assertThat(review.alertId()).isEqualTo("a1-MEDIUM-180");
    assertThat(review.alertedAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    assertThat(review.decidedAt()).isEqualTo(T0.plus(Duration.ofHours(9)));
    assertThat(review.verdict()).isEqualTo(Verdict.CONFIRMED);
  }

  @Test
  void theDelayIsTheOneConfigured() {
    List<Alert> alerts = List.of(alert("a1", Severity.MEDIUM, Duration.ZERO));
    SimulatedReviewer slow = new SimulatedReviewer(
        new SimulatedReviewer.Settings(Duration.ofDays(2), 0, 1, Severity.MEDIUM));

    assertThat(slow.review(alerts, Map.of()).get(0).decidedAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
  }

  @Test
  void anAccountWithOnlyLowAlertsIsNotReviewed() {
    List<Alert> alerts = List.of(alert("low", Severity.LOW, Duration.ZERO), alert("low", Severity.LOW, Duration.ofDays(2)),
        alert("med", Severity.MEDIUM, Duration.ofHours(5)));

    assertThat(reviewer(0, 1).review(alerts, Map.of())).extracting(SimulatedReviewer.Review::accountId)
        .containsExactly("med");
  }

  @Test
  void withoutErrorsOffendersAreConfirmedAndBenignAccountsClearedAndAnUnlabelledAccountCountsAsBenign() {
    List<Alert> alerts = List.of(alert("o", Severity.HIGH, Duration.ZERO), alert("b", Severity.MEDIUM, Duration.ofMinutes(1)),
        alert("unknown", Severity.CRITICAL, Duration.ofMinutes(2)));

    List<SimulatedReviewer.Review> reviews = reviewer(0, 1).review(alerts,
        Map.of("o", "offender.sock_puppet_ring", "b", "benign.relative"));

    assertThat(reviews).extracting(SimulatedReviewer.Review::accountId, SimulatedReviewer.Review::verdict)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("o", Verdict.CONFIRMED),
            org.assertj.core.groups.Tuple.tuple("b", Verdict.CLEARED),
            org.assertj.core.groups.Tuple.tuple("unknown", Verdict.CLEARED));
    assertThat(reviews).noneMatch(SimulatedReviewer.Review::mistaken);
  }

  @Test
  void withErrorRateOneEveryVerdictIsTheWrongOne() {
    Map<String, String> labels = new HashMap<>();
    List<SimulatedReviewer.Review> reviews = reviewer(1, 1).review(manyCases(20, labels), labels);

    assertThat(reviews).hasSize(40).allMatch(SimulatedReviewer.Review::mistaken);
    assertThat(reviews).allMatch(r -> r.verdict() == (r.offender() ? Verdict.CLEARED : Verdict.CONFIRMED));
  }

  @Test
  void theShareOfWrongVerdictsIsNearTheErrorRateForBenignAccountsAndOffendersAlike() {
    Map<String, String> labels = new HashMap<>();
    List<SimulatedReviewer.Review> reviews = reviewer(0.1, 7).review(manyCases(2000, labels), labels);

    long wronglyConfirmed = reviews.stream().filter(r -> !r.offender() && r.verdict() == Verdict.CONFIRMED).count();
    long wronglyCleared = reviews.stream().filter(r -> r.offender() && r.verdict() == Verdict.CLEARED).count();
    // 2,000 draws at 0.1: standard deviation 13, the bounds are 5 of them
    assertThat(wronglyConfirmed).isBetween(135L, 265L);
    assertThat(wronglyCleared).isBetween(135L, 265L);
  }

  @Test
  void theSameSeedGivesTheSameVerdictsWhateverTheOrderOfTheAlertFileAndAnotherSeedOthers() {
    Map<String, String> labels = new HashMap<>();
    List<Alert> alerts = manyCases(200, labels);
    List<Alert> shuffled = new ArrayList<>(alerts);
    Collections.shuffle(shuffled, new Random(3));

    List<SimulatedReviewer.Review> first = reviewer(0.3, 42).review(alerts, labels);

    assertThat(reviewer(0.3, 42).review(shuffled, labels)).isEqualTo(first);
    assertThat(reviewer(0.3, 43).review(alerts, labels)).isNotEqualTo(first);
  }

  @Test
  void verdictIdsAreDistinctAndVerdictsComeInTheOrderOfTheirTime() {
    Map<String, String> labels = new HashMap<>();
    List<SimulatedReviewer.Review> reviews = reviewer(0.2, 5).review(manyCases(300, labels), labels);

    assertThat(reviews).extracting(SimulatedReviewer.Review::eventId).doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("verdict-5-"));
    for (int i = 1; i < reviews.size(); i++) {
      assertThat(reviews.get(i).decidedAt()).isAfterOrEqualTo(reviews.get(i - 1).decidedAt());
    }
  }

  @Test
  void aVerdictWrittenToAnEventFileReadsBackAsTheReviewVerdictTheDetectorTakes(@TempDir Path dir) throws IOException {
    SimulatedReviewer.Review review = reviewer(0, 9).review(List.of(alert("a1", Severity.HIGH, Duration.ZERO)),
        Map.of("a1", "benign.teacher")).get(0);
    Path file = dir.resolve("verdicts.jsonl");
    try (EventFileWriter writer = EventFileWriter.create(file)) {
      writer.write(review.toEvent());
    }

    List<SpecificRecord> read = new ArrayList<>();
    EventFileReader.readAll(file, bad -> {
      throw new AssertionError(bad.toString());
    }, read::add);

    assertThat(read).singleElement().isInstanceOfSatisfying(ReviewVerdict.class, v -> {
      assertThat(v.getAccountId()).isEqualTo("a1");
      assertThat(v.getVerdict()).isEqualTo(Verdict.CLEARED);
      assertThat(v.getAlertId()).isEqualTo("a1-HIGH-0");
      assertThat(v.getOccurredAt()).isEqualTo(T0.plus(Duration.ofHours(6)));
      assertThat(v.getEventId()).isEqualTo(review.eventId());
    });
  }

  @Test
  void aNegativeDelayOrAnErrorRateOutside0To1IsRefused() {
    assertThatThrownBy(() -> new SimulatedReviewer.Settings(Duration.ofHours(-1), 0, 1, Severity.MEDIUM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
    assertThatThrownBy(() -> new SimulatedReviewer.Settings(Duration.ZERO, 1.5, 1, Severity.MEDIUM))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error rate");
  }
}
