package org.targetwatch.campaigns;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.targetwatch.topology.DetectorStores;

/**
 * The campaign stage's stores, built as the topology builds them (in-memory variant, without
 * change-logging or cache), registered in a {@link MockProcessorContext} so a test can drive
 * {@link CampaignProcessor} or {@link CampaignCandidates} without a Kafka Streams task.
 */
final class CampaignStoresOutsideTopology {
  private CampaignStoresOutsideTopology() {}

  static <K, V> MockProcessorContext<K, V> context() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "targetwatch-campaign-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    MockProcessorContext<K, V> context = new MockProcessorContext<>(props);
    for (StoreBuilder<?> builder : DetectorStores.campaignBuilders(true)) {
      StateStore store = builder.withLoggingDisabled().withCachingDisabled().build();
      store.init(context.getStateStoreContext(), store);
      context.addStateStore(store);
    }
    return context;
  }
}
