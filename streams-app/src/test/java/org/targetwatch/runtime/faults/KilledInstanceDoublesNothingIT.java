package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;

/**
 * Two {@code run} processes share the work; one is killed with SIGKILL in mid-stream (no commit, no
 * leaving the group) and restarted at once on its state directory, as a supervisor would: every
 * event processed, no alert twice, no dead letter.
 */
class KilledInstanceDoublesNothingIT {

  @Test
  void anInstanceKilledInMidStreamAndRestartedLeavesEveryEventProcessedAndNoAlertTwice() throws Exception {
    List<Alert> faultFree = FaultTestPlatform.faultFreeAlerts();
    try (LiveRun run = LiveRun.start(FaultTestPlatform.WORK.resolve("killed-instance"), false)) {
      TargetwatchProcess a = run.startInstance("a");
      TargetwatchProcess b = run.startInstance("b");
      LiveRun.awaitRunning(a);
      LiveRun.awaitRunning(b);
      run.startProducing(FaultTestPlatform.events());
      run.awaitConsumed(FaultTestPlatform.eventCount() * 2 / 5);

      Map<TopicPartition, Long> endsAtFault = run.inputEnds();
      long faultAt = System.nanoTime();
      b.kill();
      run.startInstance("b");
      Duration catchUp = run.timeToCatchUp(faultAt, endsAtFault);

      run.awaitProduced();
      run.awaitDrained();
      assertThat(run.instance("a").isAlive()).as("the surviving instance is alive").isTrue();
      assertThat(run.instance("b").isAlive()).as("the restarted instance is alive").isTrue();
      FaultOutcome.assertNothingLostOrDoubled("kill -9 of one of two instances, restarted",
          run.committedAlertsSettled(), faultFree, run.deadLetters(), catchUp);
    }
  }
}
