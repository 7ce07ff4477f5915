package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * Renaming a processor, store or internal topic orphans its state on upgrade, so the topology's
 * description is committed and compared. After an intended change, regenerate it with
 * {@code mvn test -Dtest=TopologySnapshotTest -Dtopology.snapshot.update=true} and say so in the
 * upgrade notes.
 */
class TopologySnapshotTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/topology-description.txt");

  static Topology topology() {
    return DetectorTopology.build(DetectorConfig.defaults(), Scenario.testSerdes(), Clock.systemUTC(), false);
  }

  @Test
  void theTopologyDescriptionMatchesTheCommittedSnapshot() throws IOException {
    String description = topology().describe().toString();
    if (Boolean.getBoolean("topology.snapshot.update")) {
      Files.writeString(SNAPSHOT, description, StandardCharsets.UTF_8);
    }
    assertThat(SNAPSHOT).as("committed snapshot %s", SNAPSHOT).exists();
    assertThat(description).isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
  }

  @Test
  void everyInternalResourceIsNamedExplicitly() {
    Properties p = Scenario.properties();
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // the driver refuses to start when any internal topic or store has a generated name
    try (TopologyTestDriver driver = new TopologyTestDriver(topology(), p)) {
      assertThat(driver.getAllStateStores()).containsKeys("friendships", "sender-targets", "alert-history",
          "sender-activity-burst", "sender-activity-long");
    }
    assertThat(topology().describe().toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
  }
}
