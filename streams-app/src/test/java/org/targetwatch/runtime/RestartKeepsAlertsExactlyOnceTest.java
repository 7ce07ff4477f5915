package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Alert;

/**
 * Exactly-once across a restart: an instance stopped abruptly mid-stream and started again on the
 * same state and application id emits every expected alert once — no duplicate id, none missing.
 */
class RestartKeepsAlertsExactlyOnceTest {
  private static final String APP = "targetwatch-restart";

  @Test
  void anInstanceStoppedMidStreamAndStartedAgainEmitsEveryExpectedAlertExactlyOnce(@TempDir Path state) throws Exception {
    PlatformScript platform = new PlatformScript(7);
    List<List<SpecificRecord>> rounds = platform.rounds();
    try (KafkaFixture kafka = new KafkaFixture(2)) {
      DetectorRuntime first = DetectorRuntime.start(kafka.config(APP, state));
      assertThat(first.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      kafka.produce(platform.background());
      kafka.awaitProcessed(APP);
      for (int r = 0; r < 2; r++) {
        kafka.produce(rounds.get(r));
        kafka.awaitProcessed(APP);
      }
      int alertsBeforeStop = kafka.committedAlerts().size();
      kafka.produce(rounds.get(2)); // in flight while the instance goes down
      first.kill();
      assertThat(first.state()).isIn(KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);
      awaitStopped(first);

      try (DetectorRuntime second = DetectorRuntime.start(kafka.config(APP, state))) {
        assertThat(second.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
        kafka.awaitProcessed(APP);
        for (int r = 3; r < rounds.size(); r++) {
          kafka.produce(rounds.get(r));
          kafka.awaitProcessed(APP);
        }
        List<Alert> alerts = kafka.committedAlerts();
        assertThat(alertsBeforeStop).as("alerts came after the restart")
            .isLessThan(alerts.size());
        assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates();
      assertThat(alerts).extracting(PlatformScript::describe).containsExactlyInAnyOrderElementsOf(
          platform.expectedAlerts(kafka.config("reference", state).detector()).stream().map(PlatformScript::describe).toList());
      }
    }
  }

  static void awaitStopped(DetectorRuntime runtime) throws InterruptedException {
    long giveUpAt = System.nanoTime() + KafkaFixture.GIVE_UP_AFTER.toNanos();
    while (runtime.state() != KafkaStreams.State.NOT_RUNNING && System.nanoTime() < giveUpAt) {
      Thread.sleep(100);
    }
  }
}
