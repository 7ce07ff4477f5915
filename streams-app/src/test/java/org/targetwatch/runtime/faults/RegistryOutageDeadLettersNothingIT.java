package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;

/**
 * The schema registry becomes unreachable for 30 s in mid-stream (a relay in front of it resets every
 * connection), and an instance that starts meanwhile has no schema cached, so it must ask the
 * registry: its stream thread waits, fails and is replaced until the registry answers, so the
 * instance neither dies nor dead-letters the records it cannot read yet, and goes on once the
 * registry is back: every event processed, no alert twice, no dead letter.
 */
class RegistryOutageDeadLettersNothingIT {
  private static final Duration OUTAGE = Duration.ofSeconds(30);

  @Test
  void aRegistryUnreachableFor30SecondsIsWaitedForWithoutDeadLettersOrDuplicateAlerts() throws Exception {
    List<Alert> faultFree = FaultTestPlatform.faultFreeAlerts();
    try (LiveRun run = LiveRun.start(FaultTestPlatform.WORK.resolve("registry-outage"), true)) {
      TargetwatchProcess a = run.startInstance("a");
      LiveRun.awaitRunning(a);
      run.startProducing(FaultTestPlatform.events());
      run.awaitConsumed(FaultTestPlatform.eventCount() / 4);

      run.registryProxy().cut();
      assertThat(a.terminate(Duration.ofSeconds(60))).as("a's exit code on SIGTERM").isZero();
      // alone and with cold caches, b takes every task at once: its first input record needs the registry
      TargetwatchProcess b = run.startInstance("b");
      long cutAt = System.nanoTime();
      b.awaitLine("(schema registry unavailable, waiting for it)", LiveRun.GIVE_UP_AFTER);
      Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - cutAt) / 1_000_000));
      Map<TopicPartition, Long> endsAtReturn = run.inputEnds();
      long returnedAt = System.nanoTime();
      run.registryProxy().restore();
      Duration catchUp = run.timeToCatchUp(returnedAt, endsAtReturn);

      run.awaitProduced();
      run.awaitDrained();
      assertThat(b.isAlive()).as("instance b, started alone during the outage, is alive").isTrue();
      System.out.printf("[fault tests] registry outage: stream threads replaced while it lasted: %d%n",
          b.countLines("Replacing the thread"));
      FaultOutcome.assertNothingLostOrDoubled("schema registry unreachable for 30 s", run.committedAlertsSettled(),
          faultFree, run.deadLetters(), catchUp);
    }
  }
}
