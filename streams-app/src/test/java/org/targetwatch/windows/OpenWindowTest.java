package org.targetwatch.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.schema.internal.TargetEntry;
import org.targetwatch.serde.InternalAvroSerde;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.WindowSpec;

/**
 * Reading a sender's window once before counting a new contact gives, after counting it, exactly
 * the figures a fresh sum of the window gives: to the last bit of the percentile sum.
 */
class OpenWindowTest {
  private static final WindowSpec LONG = new WindowSpec("long", Duration.ofDays(28), 28);
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final MockProcessorContext<Object, Object> context = context();
  private final SenderActivity activity = new SenderActivity(targets(), Map.of(LONG, buckets()), LONG);

  @Test
  void theFiguresAfterAContactEqualAFreshSumOfTheWindow() {
    double[] awkwardPercentiles = {0.1, 0.7, 0.30000000000000004, 0.9999, 1.0 / 3, 0.2};
    long at = 100 * DAY;
    for (int i = 0; i < awkwardPercentiles.length; i++) {
      double p = awkwardPercentiles[i];
      count(at + i * DAY / 2, p);
    }
    long contactAt = at + 5 * DAY / 2 + 5; // in the bucket of the last contact

    OpenWindow before = activity.open("s", LONG, contactAt);
    assertThat(before.latestBucket()).isNotNull();
    WindowFigures fresh = activity.figures("s", LONG, contactAt);
    assertThat(before.targets()).isEqualTo(fresh.targets()).isEqualTo(awkwardPercentiles.length);
    Map<WindowSpec, ActivityCounts> updated = count(contactAt, 0.123456789);

    WindowFigures after = before.figuresWith(updated.get(LONG));
    WindowFigures summed = activity.figures("s", LONG, contactAt);
    assertThat(after.targets()).isEqualTo(summed.targets()).isEqualTo(awkwardPercentiles.length + 1);
    assertThat(after.minors()).isEqualTo(summed.minors());
    assertThat(after.meanDegreePercentile()).isEqualTo(summed.meanDegreePercentile());
  }

  @Test
  void aContactInAnEmptyBucketCountsOnTopOfTheEarlierBuckets() {
    count(10 * DAY, 0.5);
    long contactAt = 12 * DAY;

    OpenWindow before = activity.open("s", LONG, contactAt);
    assertThat(before.latestBucket()).isNull();
    WindowFigures after = before.figuresWith(count(contactAt, 0.25).get(LONG));

    assertThat(after.targets()).isEqualTo(2);
    assertThat(after.meanDegreePercentile()).isEqualTo(activity.figures("s", LONG, contactAt).meanDegreePercentile());
  }

  private Map<WindowSpec, ActivityCounts> count(long at, double percentile) {
    return activity.count("s", at, c -> {
      c.setTargets(c.getTargets() + 1);
      c.setMinors(c.getMinors() + 1);
      c.setPercentileSum(c.getPercentileSum() + percentile);
    });
  }

  private static MockProcessorContext<Object, Object> context() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    return new MockProcessorContext<>(props);
  }

  private KeyValueStore<String, TargetEntry> targets() {
    KeyValueStore<String, TargetEntry> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("targets"),
        Serdes.String(), InternalAvroSerde.of(TargetEntry.class)).withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }

  private WindowStore<String, ActivityCounts> buckets() {
    WindowStore<String, ActivityCounts> store = Stores.windowStoreBuilder(
            Stores.inMemoryWindowStore("activity-long", Duration.ofDays(29), Duration.ofDays(1), false),
            Serdes.String(), InternalAvroSerde.of(ActivityCounts.class))
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    return store;
  }
}
