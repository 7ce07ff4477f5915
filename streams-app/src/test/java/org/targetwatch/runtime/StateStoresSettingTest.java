package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.runtime.config.ConfigProblem;
import org.targetwatch.runtime.config.InvalidConfigurationException;
import org.targetwatch.runtime.config.TargetwatchConfig;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.topology.EventSerdes;
import org.targetwatch.topology.TopologyNames;

/** {@code state.stores} picks the kind of every store the running instance builds: RocksDB by default, or the heap. */
class StateStoresSettingTest {
  private static final String BOOTSTRAP = "bootstrap.servers=broker:9092";
  private static final String REGISTRY = "schema.registry.url=http://registry:8081";

  @TempDir
  Path stateDir;

  @Test
  void byDefaultEveryStoreIsARocksDbStoreOnDisk() {
    TargetwatchConfig config = TargetwatchConfig.of(BOOTSTRAP, REGISTRY, "state.dir=" + stateDir);

    assertThat(config.inMemoryStores()).isFalse();
    assertThat(storesOfTheRunningTopology(config)).allSatisfy(
        (name, store) -> assertThat(store.persistent()).as("%s is persistent", name).isTrue());
  }

  @Test
  void inMemoryPutsEveryStoreOnTheHeap() {
    TargetwatchConfig config = TargetwatchConfig.of(BOOTSTRAP, REGISTRY, "state.dir=" + stateDir, "state.stores=in-memory");

    assertThat(config.inMemoryStores()).isTrue();
    assertThat(storesOfTheRunningTopology(config)).allSatisfy(
        (name, store) -> assertThat(store.persistent()).as("%s is persistent", name).isFalse());
  }

  @Test
  void anyOtherKindStopsStartUpNamingTheKeyAndTheChoices() {
    assertThatThrownBy(() -> TargetwatchConfig.of(BOOTSTRAP, REGISTRY, "state.stores=memory"))
        .isInstanceOfSatisfying(InvalidConfigurationException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("state.stores"))
        .hasMessageContaining("state.stores: must be rocksdb or in-memory, got 'memory'");
  }

  /** Every store of the topology {@code run} builds from this configuration, as a test driver opens them. */
  private static Map<String, StateStore> storesOfTheRunningTopology(TargetwatchConfig config) {
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    properties.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
    try (TopologyTestDriver driver = new TopologyTestDriver(
        DetectorRuntime.topology(config, serdes, Clock.systemUTC(), 1, DetectorMetrics.NONE), properties)) {
      Map<String, StateStore> stores = driver.getAllStateStores();
      assertThat(stores).containsKeys(DetectorStores.names(config.detector()))
          .containsKeys(TopologyNames.CAMPAIGN_CANDIDATES_STORE, TopologyNames.CAMPAIGN_MEMBERSHIP_STORE);
      return Map.copyOf(stores);
    }
  }
}
