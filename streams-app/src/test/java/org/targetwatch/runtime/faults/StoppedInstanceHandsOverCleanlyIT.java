package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;

/**
 * One of two instances gets SIGTERM in mid-stream: it commits, leaves the group and exits 0 within
 * its shutdown timeout; the other takes its tasks over and finishes: every event processed, no alert
 * twice, no dead letter.
 */
class StoppedInstanceHandsOverCleanlyIT {

  @Test
  void anInstanceStoppedWithSigtermExitsZeroAndTheOtherFinishesItsWork() throws Exception {
    List<Alert> faultFree = FaultTestPlatform.faultFreeAlerts();
    try (LiveRun run = LiveRun.start(FaultTestPlatform.WORK.resolve("sigterm"), false)) {
      TargetwatchProcess a = run.startInstance("a");
      TargetwatchProcess b = run.startInstance("b");
      LiveRun.awaitRunning(a);
      LiveRun.awaitRunning(b);
      run.startProducing(FaultTestPlatform.events());
      run.awaitConsumed(FaultTestPlatform.eventCount() * 2 / 5);

      Map<TopicPartition, Long> endsAtFault = run.inputEnds();
      long faultAt = System.nanoTime();
      int exit = b.terminate(Duration.ofSeconds(45));
      long stoppedMillis = (System.nanoTime() - faultAt) / 1_000_000;
      Duration catchUp = run.timeToCatchUp(faultAt, endsAtFault);

      run.awaitProduced();
      run.awaitDrained();
      System.out.printf("[fault tests] SIGTERM: instance b exited with %d, %d ms after the signal%n", exit, stoppedMillis);
      assertThat(exit).as("exit code of the instance stopped with SIGTERM").isZero();
      assertThat(a.isAlive()).as("instance a is alive").isTrue();
      FaultOutcome.assertNothingLostOrDoubled("SIGTERM of one of two instances", run.committedAlertsSettled(), faultFree,
          run.deadLetters(), catchUp);
    }
  }
}
