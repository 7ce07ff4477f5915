package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;

/**
 * The whole cluster (broker and registry: the {@code local-cluster} process) is killed with SIGKILL
 * in mid-stream and restarted on its data directory: the two instances and the producer ride it out
 * (none exits), every event is processed, no alert twice, no dead letter.
 */
class ClusterKilledDoublesNothingIT {

  @Test
  void aClusterKilledInMidStreamAndRestartedOnItsDataLeavesEveryEventProcessedAndNoAlertTwice() throws Exception {
    List<Alert> faultFree = FaultTestPlatform.faultFreeAlerts();
    try (LiveRun run = LiveRun.start(FaultTestPlatform.WORK.resolve("killed-cluster"), false)) {
      TargetwatchProcess a = run.startInstance("a");
      TargetwatchProcess b = run.startInstance("b");
      LiveRun.awaitRunning(a);
      LiveRun.awaitRunning(b);
      run.startProducing(FaultTestPlatform.events());
      run.awaitConsumed(FaultTestPlatform.eventCount() * 2 / 5);

      Map<TopicPartition, Long> endsAtFault = run.inputEnds();
      long faultAt = System.nanoTime();
      run.killCluster();
      run.restartCluster();
      Duration catchUp = run.timeToCatchUp(faultAt, endsAtFault);

      run.awaitProduced();
      run.awaitDrained();
      assertThat(a.isAlive()).as("instance a is alive").isTrue();
      assertThat(b.isAlive()).as("instance b is alive").isTrue();
      FaultOutcome.assertNothingLostOrDoubled("kill -9 of the cluster, restarted on its data", run.committedAlertsSettled(),
          faultFree, run.deadLetters(), catchUp);
    }
  }
}
