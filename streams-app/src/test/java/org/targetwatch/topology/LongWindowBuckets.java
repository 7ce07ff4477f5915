package org.targetwatch.topology;

import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.targetwatch.schema.internal.ActivityCounts;

/** A figure of a sender's long-window buckets, added up over all its buckets in the activity store. */
final class LongWindowBuckets {
  private LongWindowBuckets() {}

  static double sum(Scenario platform, String sender, ToDoubleFunction<ActivityCounts> figure) {
    WindowStore<String, ActivityCounts> store = platform.driver().getWindowStore(
        TopologyNames.activityStore(DetectorConfig.defaults().longWindow().name()));
    double sum = 0;
    try (WindowStoreIterator<ActivityCounts> buckets = store.fetch(sender, 0L, Long.MAX_VALUE / 2)) {
      while (buckets.hasNext()) {
        sum += figure.applyAsDouble(buckets.next().value);
      }
    }
    return sum;
  }
}
