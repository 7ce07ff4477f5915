package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetwatch.topology.TopologyNames.FRIENDSHIP_STORE;
import static org.targetwatch.topology.TopologyNames.MINOR_DEGREE_STORE;
import static org.targetwatch.topology.TopologyNames.PROFILE_STORE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.cli.TargetwatchCommand;
import org.targetwatch.eventfile.AlertFileReader;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.eventfile.EventFileWriter;
import org.targetwatch.schema.Alert;
import org.targetwatch.scoring.AssessmentTrace;
import org.targetwatch.simulator.EventFileSink;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.topology.DetectorConfig;

/**
 * {@code replay --partitions N} runs an event file as a deployment with N partitions does: a task
 * per partition with its own stores, each account's state in the task of its partition, each task
 * with its own figures of the minors it holds. (That it then raises what the live path raises is
 * {@code LivePathAgreesWithReplayIT}'s.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionedReplayTest {
  private static final SimulationConfig PLATFORM = SimulationConfig.defaults(7L).withAccounts(2_000).withDays(4);
  private static final DetectorConfig CONFIG = DetectorConfig.defaults();

  @TempDir static Path dir;
  private Path events;
  private ReplayRun oneTask;
  private ReplayRun fourTasks;

  private record ReplayRun(List<Alert> alerts, StateSize state) {}

  @BeforeAll
  void simulateAndReplay() throws IOException {
    events = dir.resolve("events.jsonl");
    try (EventFileWriter writer = EventFileWriter.create(events)) {
      new PlatformSimulator().run(PLATFORM, new EventFileSink(writer));
    }
    oneTask = replay(config -> new ProcessorPipeline(config), "one");
    fourTasks = replay(config -> new PartitionedPipeline(config, 4, AssessmentTrace.NONE), "four");
  }

  @Test
  void everyAccountsStateIsHeldOnceWhicheverTaskHoldsIt() {
    for (String store : List.of(PROFILE_STORE, FRIENDSHIP_STORE)) {
      assertThat(fourTasks.state().entriesPerStore().get(store)).as("entries of %s summed over four tasks", store)
          .isPositive()
          .isEqualTo(oneTask.state().entriesPerStore().get(store));
    }
  }

  @Test
  void eachTaskKeepsItsOwnFiguresOfTheMinorsItHolds() {
    // one histogram of minors' degrees per age band in each task, where one task keeps one per band
    long oneTaskHistograms = oneTask.state().entriesPerStore().get(MINOR_DEGREE_STORE);
    assertThat(oneTaskHistograms).isPositive();
    assertThat(fourTasks.state().entriesPerStore().get(MINOR_DEGREE_STORE)).isEqualTo(4 * oneTaskHistograms);
  }

  @Test
  void fourTasksJudgeTheSamePlatformMuchAsOneDoes() {
    // the same detector on the same events: each task's own figures move scores near a bound only
    assertThat(oneTask.alerts()).hasSizeGreaterThan(20);
    List<String> oneTaskAccounts = oneTask.alerts().stream().map(Alert::getAccountId).distinct().toList();
    List<String> fourTaskAccounts = fourTasks.alerts().stream().map(Alert::getAccountId).distinct().toList();
    assertThat(fourTasks.alerts().stream().map(Alert::getAlertId).toList()).doesNotHaveDuplicates();
    long shared = fourTaskAccounts.stream().filter(oneTaskAccounts::contains).count();
    assertThat(shared).as("accounts alerted by both, of %d and %d", oneTaskAccounts.size(), fourTaskAccounts.size())
        .isGreaterThanOrEqualTo(Math.round(0.9 * oneTaskAccounts.size()));
  }

  @Test
  void theCommandTakesThePartitionCountAndRefusesNone() throws IOException {
    Path output = dir.resolve("cli-four.jsonl");
    int exit = TargetwatchCommand.execute("replay", "--input", events.toString(), "--output", output.toString(),
        "--partitions", "4");
    assertThat(exit).isZero();
    assertThat(readAlerts(output)).extracting(Alert::getAlertId)
        .containsExactlyElementsOf(fourTasks.alerts().stream().map(Alert::getAlertId).toList());

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      exit = TargetwatchCommand.execute("replay", "--input", events.toString(), "--output",
          dir.resolve("cli-none.jsonl").toString(), "--partitions", "0");
    } finally {
      System.setErr(original);
    }
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--partitions must be at least 1, was 0")
        .doesNotContain("Exception");
    assertThat(dir.resolve("cli-none.jsonl")).doesNotExist();
  }

  private ReplayRun replay(java.util.function.Function<DetectorConfig, ReplayEngine> engines, String name)
      throws IOException {
    Path output = dir.resolve("alerts-" + name + ".jsonl");
    StateSize[] state = new StateSize[1];
    new Replay(CONFIG, engines).run(events, output, new Replay.Listener() {
      @Override
      public void onBadLine(BadLine badLine) {
        throw new AssertionError("bad line in a simulated file: " + badLine);
      }

      @Override
      public void onProgress(long replayed, long total, long alerts) {}

      @Override
      public void onStateBuilt(java.util.function.Supplier<StateSize> built) {
        state[0] = built.get();
      }
    });
    return new ReplayRun(readAlerts(output), state[0]);
  }

  private static List<Alert> readAlerts(Path file) throws IOException {
    assertThat(Files.exists(file)).as("alert file %s", file).isTrue();
    List<Alert> alerts = new ArrayList<>();
    AlertFileReader.readAll(file, bad -> {
      throw new AssertionError("bad alert line " + bad);
    }, alerts::add);
    return alerts;
  }

}
