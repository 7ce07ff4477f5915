package org.targetwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Severity;

/** The promise to a newcomer: a short demo runs end to end on real Kafka and shows alerts. */
class DemoCompletesAndShowsAlertsTest {

  @Test
  void aShortDemoCompletesAndPrintsAlertsAgainstTheSimulatorsOffenders() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    Demo.Summary summary = new Demo(new Demo.Options(500, 3, 1, Duration.ofSeconds(2)), out).run();
    String printed = console.toString(StandardCharsets.UTF_8);
    System.out.println(printed);
    System.out.printf("demo took %d ms, startup %d ms%n", summary.elapsed().toMillis(), summary.startup().toMillis());

    assertThat(summary.drained()).as("the detector caught up with every event").isTrue();
    assertThat(summary.eventsSent()).isEqualTo(summary.simulation().totalEvents());
    assertThat(summary.alerts()).isPositive();
    assertThat(printed).contains("ALERT ").contains("window:");
    assertThat(summary.alertedAtMediumOrAbove())
        .as("every account alerted at MEDIUM+ is labelled by the simulator")
        .allMatch(summary.simulation().labels()::containsKey);
    assertThat(summary.alertsBySeverity().keySet()).allMatch(s -> s.compareTo(Severity.LOW) >= 0);
  }
}
