package org.targetwatch.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.eventfile.AlertFileReader;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.eventfile.EventFileWriter;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.Alert;
import org.targetwatch.simulator.BehaviourClass;
import org.targetwatch.simulator.ClassMix;
import org.targetwatch.simulator.EventFileSink;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorTopology;
import org.targetwatch.topology.EventSerdes;

/**
 * The pipeline is a faster way to run the production topology, not another detector: on a
 * simulated platform with every offender class it must raise exactly the alerts the topology
 * raises under the test driver, in the same order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessorPipelineTest {
  /**
   * Enough for dozens of alerts in seconds under the test driver; sock-puppet rings made more
   * common than by default, so that there are campaign alerts.
   */
  private static final SimulationConfig PLATFORM = SimulationConfig.defaults(3L).withAccounts(600).withDays(5)
      .withClassMix(ClassMix.defaults().withShare(BehaviourClass.SOCK_PUPPET_RING, 0.03));

  @TempDir static Path dir;
  private Path events;

  /** What a test can tell apart about an alert without reading its evidence. */
  record AlertKey(String alertId, String accountId, String severity, String detectedAt, String campaignId) {
    static AlertKey of(Alert a) {
      return new AlertKey(a.getAlertId(), a.getAccountId(), a.getSeverity().name(), a.getDetectedAt().toString(),
          a.getCampaignId());
    }
  }

  @BeforeAll
  void simulateAPlatform() throws IOException {
    events = dir.resolve("events.jsonl");
    try (EventFileWriter writer = EventFileWriter.create(events)) {
      new PlatformSimulator().run(PLATFORM, new EventFileSink(writer));
    }
  }

  @Test
  void raisesTheSameAlertsInTheSameOrderAsTheProductionTopologyUnderTheTestDriver() throws IOException {
    Path pipelineAlerts = dir.resolve("pipeline-alerts.jsonl");
    Path driverAlerts = dir.resolve("driver-alerts.jsonl");
    DetectorConfig config = DetectorConfig.defaults();
    Replay.Summary pipeline = new Replay(config).run(events, pipelineAlerts, quiet());
    Replay.Summary driver = new Replay(config, TestDriverEngine::new).run(events, driverAlerts, quiet());

    List<AlertKey> expected = keys(driverAlerts);
    assertThat(expected).as("the scenario raises dozens of alerts").hasSizeGreaterThan(24);
    assertThat(expected).as("including campaign alerts").anyMatch(a -> a.campaignId() != null);
    assertThat(keys(pipelineAlerts)).containsExactlyElementsOf(expected);
    // evidence, reasons and scores too: the two alert files are the same bytes
    assertThat(Files.readAllLines(pipelineAlerts)).containsExactlyElementsOf(Files.readAllLines(driverAlerts));
    assertThat(pipeline.alertsBySeverity()).isEqualTo(driver.alertsBySeverity());
  }

  @Test
  void intakeMessagesTakingTheRoundTripThroughAccountEventsRaiseTheSameAlertsAsInPlace() throws IOException {
    Path inPlace = dir.resolve("in-place-alerts.jsonl");
    Path roundTrip = dir.resolve("round-trip-alerts.jsonl");
    DetectorConfig config = DetectorConfig.defaults();
    new Replay(config, TestDriverEngine::new).run(events, inPlace, quiet());
    new Replay(config, TestDriverEngine::everyIntakeMessageThroughAccountEvents).run(events, roundTrip, quiet());

    assertThat(keys(inPlace)).as("the scenario raises dozens of alerts").hasSizeGreaterThan(24);
    assertThat(Files.readAllLines(roundTrip)).containsExactlyElementsOf(Files.readAllLines(inPlace));
  }

  @Test
  void buildsEveryStateStoreTheTopologyDeclares() {
    DetectorConfig config = DetectorConfig.defaults();
    TopologyDescription description = DetectorTopology.build(config,
        EventSerdes.confluent(new InMemorySchemaRegistry()), Clock.systemUTC(), true).describe();
    Set<String> declared = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          declared.addAll(processor.stores());
        }
      }
    }
    try (ReplayStores stores = new ReplayStores(config)) {
      assertThat(declared).isNotEmpty();
      assertThat(new TreeSet<>(stores.names())).isEqualTo(declared);
    }
  }

  private static List<AlertKey> keys(Path alertFile) throws IOException {
    List<AlertKey> keys = new ArrayList<>();
    AlertFileReader.readAll(alertFile, bad -> {
      throw new AssertionError("bad alert line " + bad);
    }, alert -> keys.add(AlertKey.of(alert)));
    return keys;
  }

  private static Replay.Listener quiet() {
    return new Replay.Listener() {
      @Override
      public void onBadLine(BadLine badLine) {
        throw new AssertionError("the simulator wrote a bad line: " + badLine);
      }

      @Override
      public void onProgress(long eventsReplayed, long totalEvents, long alerts) {}
    };
  }

}
