package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CachingKeyValueStore;
import org.apache.kafka.streams.state.internals.CachingWindowStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.Test;

/**
 * Which account stores Kafka Streams builds with a record cache: all but the two whose reads
 * almost never hit it (issue #20: profiles 0.09, sender targets 0.02-0.04), so that their entries
 * do not take the room of the stores that hit. Looks through the layers of the store Kafka
 * Streams builds for its caching layer (every layer is a {@code CachedStateStore}; the caching
 * one is Kafka's {@code Caching*Store}).
 */
class StoreRecordCachesTest {
  @Test
  void profilesAndSenderTargetsAreBuiltWithoutARecordCacheAndEveryOtherAccountStoreWithOne() {
    Map<String, Boolean> cached = new TreeMap<>();
    for (StoreBuilder<?> builder : DetectorStores.builders(DetectorConfig.defaults(), true)) {
      cached.put(builder.name(), hasRecordCache(builder.build()));
    }

    assertThat(cached).containsEntry(TopologyNames.PROFILE_STORE, false)
        .containsEntry(TopologyNames.SENDER_TARGETS_STORE, false)
        .containsEntry(TopologyNames.FRIENDSHIP_STORE, true)
        .containsEntry(TopologyNames.MINOR_DEGREE_STORE, true);
    assertThat(cached.values().stream().filter(Boolean::booleanValue).count())
        .as("every store but the two has a cache").isEqualTo(cached.size() - 2);
  }

  private static boolean hasRecordCache(StateStore store) {
    for (StateStore layer = store; layer != null;
        layer = layer instanceof WrappedStateStore<?, ?, ?> wrapped ? wrapped.wrapped() : null) {
      if (layer instanceof CachingKeyValueStore || layer instanceof CachingWindowStore) {
        return true;
      }
    }
    return false;
  }
}
