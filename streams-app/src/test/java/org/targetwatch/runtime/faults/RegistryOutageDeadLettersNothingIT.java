package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.targetwatch.schema.Alert;

/**
 * The schema registry becomes unreachable for 30 s in mid-stream (a relay in front of it resets every
 * connection), and an instance that starts meanwhile has no schema cached, so it must ask the
 * registry: its stream thread waits, fails and is replaced until the registry answers, so the
 * instance neither dies nor dead-letters the records it cannot read yet, and goes on once the
 * registry is back: every event processed, no alert twice, no dead letter.
 */
// Not in the default build: in one CI run the instance started during the outage got only warm-up
// (standby) tasks within the 3 minutes, so it never needed the registry and the test's precondition
// timed out (docs/operations.md, "Failure behaviour"). Run it with -Dfault.tests.registry.outage=true.
@EnabledIfSystemProperty(named = "fault.tests.registry.outage", matches = "true")
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
      TargetwatchProcess b = run.startInstance("b"); // cold caches: its first record needs the registry
      long cutAt = System.nanoTime();
      b.awaitLine("(schema registry unavailable, waiting for it)", LiveRun.GIVE_UP_AFTER);
      Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - cutAt) / 1_000_000));
      Map<TopicPartition, Long> endsAtReturn = run.inputEnds();
      long returnedAt = System.nanoTime();
      run.registryProxy().restore();
      Duration catchUp = run.timeToCatchUp(returnedAt, endsAtReturn);

      run.awaitProduced();
      run.awaitDrained();
      assertThat(a.isAlive()).as("instance a is alive").isTrue();
      assertThat(b.isAlive()).as("instance b, started during the outage, is alive").isTrue();
      System.out.printf("[fault tests] registry outage: stream threads replaced while it lasted: a %d, b %d%n",
          a.countLines("Replacing the thread"), b.countLines("Replacing the thread"));
      FaultOutcome.assertNothingLostOrDoubled("schema registry unreachable for 30 s", run.committedAlertsSettled(),
          faultFree, run.deadLetters(), catchUp);
    }
  }
}
