package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;

/**
 * One of two instances gets SIGTERM in mid-stream: its readiness turns 503 at once (never 200
 * again), it commits, leaves the group and exits 0 within its shutdown timeout; the other takes its tasks over and finishes: every event processed, no alert
 * twice, no dead letter.
 */
class StoppedInstanceHandsOverCleanlyIT {

  @Test
  void anInstanceStoppedWithSigtermExitsZeroAndTheOtherFinishesItsWork() throws Exception {
    List<Alert> faultFree = FaultTestPlatform.faultFreeAlerts();
    try (LiveRun run = LiveRun.start(FaultTestPlatform.WORK.resolve("sigterm"), false)) {
      TargetwatchProcess a = run.startInstance("a");
      int bHealthPort = freePort();
      TargetwatchProcess b = run.startInstance("b", bHealthPort);
      LiveRun.awaitRunning(a);
      LiveRun.awaitRunning(b);
      run.startProducing(FaultTestPlatform.events());
      run.awaitConsumed(FaultTestPlatform.eventCount() * 2 / 5);

      Map<TopicPartition, Long> endsAtFault = run.inputEnds();
      long faultAt = System.nanoTime();
      assertThat(readiness(bHealthPort)).as("b's readiness before the signal").isEqualTo(200);
      ProcessHandle.of(b.pid()).orElseThrow().destroy(); // SIGTERM
      List<Integer> answers = readinessUntilClosed(bHealthPort);
      int exit = b.terminate(Duration.ofSeconds(45));
      long stoppedMillis = (System.nanoTime() - faultAt) / 1_000_000;
      System.out.printf("[fault tests] SIGTERM: b's /health/ready answered %s until its endpoint closed%n", answers);
      // the signal reaches the main loop within 100 ms: a 200 may come first, never after a 503
      assertThat(answers).as("b's readiness after SIGTERM, until the endpoint closed").contains(503);
      assertThat(answers.subList(answers.indexOf(503), answers.size())).as("readiness after the first 503")
          .doesNotContain(200);
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The status of {@code /health/ready}, or -1 when nothing listens. */
  private static int readiness(int port) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health/ready").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2_000);
      try {
        return connection.getResponseCode();
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }

  /** The distinct readiness answers, in order, polled every 20 ms until the endpoint closes (at most 60 s). */
  private static List<Integer> readinessUntilClosed(int port) throws InterruptedException {
    List<Integer> answers = new ArrayList<>();
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < giveUpAt) {
      int status = readiness(port);
      if (status == -1) {
        break;
      }
      if (answers.isEmpty() || answers.get(answers.size() - 1) != status) {
        answers.add(status);
      }
      Thread.sleep(20);
    }
    return answers;
  }
}
