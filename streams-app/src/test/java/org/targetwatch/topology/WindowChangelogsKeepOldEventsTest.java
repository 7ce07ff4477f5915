package org.targetwatch.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;

/**
 * A window store's changelog is deleted by time, and the broker judges a record's age by its
 * timestamp: with event times older than the retention (history, a backfill, the fault tests'
 * platform) the records went as soon as they were written, and a restored task lost its windows.
 * The window changelogs are stamped with the broker's append time; the others are compacted only.
 */
class WindowChangelogsKeepOldEventsTest {

  @Test
  void theWindowStoresChangelogsAreStampedWithAppendTimeAndTheOthersKeepTheirDefaults() {
    DetectorConfig config = DetectorConfig.defaults();
    List<StoreBuilder<?>> builders = DetectorStores.builders(config, false);
    List<String> windowStores = config.windows().stream().map(w -> TopologyNames.activityStore(w.name())).toList();

    assertThat(builders).filteredOn(b -> windowStores.contains(b.name())).hasSize(2).allSatisfy(window -> {
      assertThat(window.loggingEnabled()).isTrue();
      assertThat(window.logConfig()).containsEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    });
    assertThat(builders).filteredOn(b -> !windowStores.contains(b.name())).isNotEmpty().allSatisfy(store -> {
      assertThat(store.loggingEnabled()).isTrue();
      assertThat(store.logConfig()).doesNotContainKey(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
    });
  }
}
