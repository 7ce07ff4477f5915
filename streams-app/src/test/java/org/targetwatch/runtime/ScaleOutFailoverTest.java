package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Alert;

/**
 * Scaling by instances: two instances share four partitions; one is killed mid-stream (it does not
 * leave the group, as a crashed process would not); the other takes its tasks over and finishes:
 * every expected alert exactly once.
 */
class ScaleOutFailoverTest {
  private static final String APP = "targetwatch-scale-out";

  @Test
  void whenOneOfTwoInstancesIsKilledTheOtherFinishesWithEveryExpectedAlertExactlyOnce(
      @TempDir Path stateA, @TempDir Path stateB) throws Exception {
    PlatformScript platform = new PlatformScript(7);
    List<List<SpecificRecord>> rounds = platform.rounds();
    try (KafkaFixture kafka = new KafkaFixture(4);
        DetectorRuntime survivor = DetectorRuntime.start(kafka.config(APP, stateA))) {
      DetectorRuntime victim = DetectorRuntime.start(kafka.config(APP, stateB));
      assertThat(survivor.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      assertThat(victim.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      kafka.produce(platform.background());
      kafka.awaitProcessed(APP);
      for (int r = 0; r < 4; r++) {
        kafka.produce(rounds.get(r));
        kafka.awaitProcessed(APP);
      }
      kafka.produce(rounds.get(4)); // in flight when the instance dies
      victim.kill();
      for (int r = 5; r < rounds.size(); r++) {
        kafka.produce(rounds.get(r));
        kafka.awaitProcessed(APP);
      }

      List<Alert> alerts = kafka.committedAlerts();
      assertThat(alerts).extracting(Alert::getAccountId).containsAll(platform.offenders());
      assertThat(alerts).extracting(Alert::getAlertId).doesNotHaveDuplicates();
      assertThat(alerts).extracting(PlatformScript::describe).containsExactlyInAnyOrderElementsOf(
          platform.expectedAlerts(kafka.config("reference", stateA).detector()).stream().map(PlatformScript::describe).toList());
    }
  }
}
