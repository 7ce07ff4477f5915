package org.targetwatch.runtime.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.targetwatch.cli.TargetwatchCommand;
import org.targetwatch.schema.Alert;

/**
 * What every fault test runs against: one simulated platform's event file (3,000 accounts, 6 days,
 * about 92,000 events: 18 s at 5,000 events/s), and the alerts of a fault-free live run of it (two
 * instances, the file produced at 5,000 events/s), computed once per test JVM.
 */
final class FaultTestPlatform {
  static final Path WORK = Path.of(System.getProperty("fault.tests.dir", "target/fault-tests")).toAbsolutePath();
  private static final int ACCOUNTS = 3_000;
  private static final int DAYS = 6;
  private static final int SEED = 7;

  private static Path events;
  private static List<Alert> faultFreeAlerts;

  private FaultTestPlatform() {}

  /** The event file, simulated on first use. */
  static synchronized Path events() {
    if (events == null) {
      Path dir = WORK.resolve("platform");
      Path file = dir.resolve("events.jsonl");
      if (!Files.isRegularFile(file)) {
        int exit = TargetwatchCommand.execute("simulate", "--accounts", Integer.toString(ACCOUNTS), "--days",
            Integer.toString(DAYS), "--seed", Integer.toString(SEED), "--output", dir.toString());
        assertThat(exit).as("simulate's exit code").isZero();
      }
      events = file;
    }
    return events;
  }

  static long eventCount() {
    try (var lines = Files.lines(events())) {
      return lines.filter(line -> !line.isBlank()).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The alerts of a fault-free live run: two instances, the file produced at the test rate. */
  static synchronized List<Alert> faultFreeAlerts() throws Exception {
    if (faultFreeAlerts == null) {
      long started = System.nanoTime();
      try (LiveRun run = LiveRun.start(WORK.resolve("fault-free"), false)) {
        TargetwatchProcess a = run.startInstance("a");
        TargetwatchProcess b = run.startInstance("b");
        LiveRun.awaitRunning(a);
        LiveRun.awaitRunning(b);
        run.startProducing(events());
        run.awaitProduced();
        run.awaitDrained();
        faultFreeAlerts = run.committedAlertsSettled();
        FaultOutcome.keep("fault-free", faultFreeAlerts);
        assertThat(run.deadLetters()).as("dead letters of the fault-free run").isZero();
      }
      System.out.printf("[fault tests] fault-free run: %,d events, %,d alerts, %.1f s%n", eventCount(),
          faultFreeAlerts.size(), Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
    }
    return faultFreeAlerts;
  }
}
