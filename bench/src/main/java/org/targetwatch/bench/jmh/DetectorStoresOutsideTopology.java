package org.targetwatch.bench.jmh;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.targetwatch.schema.internal.CampaignCandidate;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.topology.TopologyNames;

/**
 * The detector's account stores and the campaign stage's candidate store, built as the topology
 * builds them (same names, serdes, in-memory variant) and registered in a {@link MockProcessorContext},
 * so that a benchmark can drive one processor or one store view without a Kafka Streams task around it. Change-logging and the record
 * cache are off: they belong to the runtime, not to the code measured here.
 */
final class DetectorStoresOutsideTopology {
  private DetectorStoresOutsideTopology() {}

  /** A context holding every account store of {@code config}, ready for {@code processor.init(context)}. */
  static <K, V> MockProcessorContext<K, V> context(DetectorConfig config) {
    return contextWith(DetectorStores.builders(config, true));
  }

  /** The campaign stage's candidate store (stage 4), as {@code CampaignProcessor} gets it in {@code init}. */
  static KeyValueStore<String, CampaignCandidate> campaignCandidates() {
    return contextWith(DetectorStores.campaignBuilders(true)).getStateStore(TopologyNames.CAMPAIGN_CANDIDATES_STORE);
  }

  private static <K, V> MockProcessorContext<K, V> contextWith(List<StoreBuilder<?>> builders) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "targetwatch-jmh");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<K, V> context = new MockProcessorContext<>(props);
    for (StoreBuilder<?> builder : builders) {
      StateStore store = builder.withLoggingDisabled().withCachingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    return context;
  }

  /** Typed views of the stores, as a processor gets them in {@code init}. */
  static DetectorStores stores(DetectorConfig config) {
    return DetectorStores.from(context(config), config);
  }
}
