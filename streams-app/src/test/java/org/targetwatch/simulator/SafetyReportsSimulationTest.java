package org.targetwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;

/** {@code simulate --reports}: the same platform, plus the blocks and reports of the people contacted. */
class SafetyReportsSimulationTest {
  private static final SimulationConfig WORLD = SimulationConfig.randomized(31L).withAccounts(3_000).withDays(7);

  @Test
  void aWorldWithReportsHoldsTheSameOtherEventsAsWithoutThemPlusReportsFromMinorsSpamAndNoise() {
    RecordingSink without = new RecordingSink();
    new PlatformSimulator().run(WORLD, without);
    RecordingSink with = new RecordingSink();
    SimulationResult result = new PlatformSimulator().withSafetyReports().run(WORLD, with);

    List<SpecificRecord> others = with.all.stream().filter(r -> !(r instanceof SafetyReport)).toList();
    assertThat(others).as("every other event, in the same order with the same ids").isEqualTo(without.all);
    assertThat(without.reports).isEmpty();
    assertThat(with.reports).isNotEmpty().allSatisfy(r -> assertThat(r.getEventId()).startsWith("r"));

    Map<String, String> labels = result.labels();
    Map<String, Integer> reportedByClass = new HashMap<>();
    for (SafetyReport r : with.reports) {
      String reported = labels.getOrDefault(r.getReportedId(), "benign.ordinary");
      String kind = reported.startsWith("offender.") ? "offender" : reported.equals("benign.spam") ? "spam" : "other";
      reportedByClass.merge(kind + ":" + r.getAction() + ":" + r.getCategory(), 1, Integer::sum);
    }
    assertThat(reportedByClass.getOrDefault("offender:REPORTED:GROOMING", 0)
        + reportedByClass.getOrDefault("offender:REPORTED:SEXUAL_CONTENT", 0)).as("minors reporting offenders").isPositive();
    assertThat(reportedByClass.getOrDefault("spam:REPORTED:SPAM", 0)).as("spam reported as spam").isPositive();
    assertThat(with.reports).as("noise: reports between accounts that never met")
        .anyMatch(r -> r.getAction() == SafetyAction.REPORTED && r.getCategory() == ReportCategory.OTHER);
    assertThat(reportedByClass.getOrDefault("offender:REPORTED:SPAM", 0)).as("offenders are not reported as spam")
        .isZero();
  }
}
