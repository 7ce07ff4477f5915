package org.targetwatch.bench.platform;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How often a store's reads found their key in Kafka Streams' record cache, per store, from the
 * cache's {@code hit-ratio-avg} metric ({@code stream-record-cache-metrics}, one per task and store,
 * recorded only at {@code metrics.recording.level=DEBUG}). Kafka Streams records, at each read, the
 * ratio of hits to reads since the task's cache began; the metric averages those over its sample
 * window, so with a window longer than the run (the bench sets one) it is the mean over all reads
 * of the running ratio: close to the run's ratio once the first thousands of reads are past, not
 * the exact count.
 */
public final class RecordCacheHitRatios {
  static final String GROUP = "stream-record-cache-metrics";
  static final String HIT_RATIO = "hit-ratio-avg";
  static final String STORE_TAG = "record-cache-id";

  /** One store's ratio over the tasks that read it. */
  public record StoreRatio(double meanOverTasks, double lowest, double highest, int tasks) {}

  private RecordCacheHitRatios() {}

  /** Store name -> its ratio; empty when the metrics were not recorded (recording level INFO). */
  public static Map<String, StoreRatio> of(Map<MetricName, ? extends Metric> metrics) {
    Map<String, double[]> sums = new TreeMap<>(); // sum, lowest, highest, tasks
    metrics.forEach((name, metric) -> {
      if (!GROUP.equals(name.group()) || !HIT_RATIO.equals(name.name())) {
        return;
      }
      Object value = metric.metricValue();
      if (!(value instanceof Double ratio) || ratio.isNaN()) {
        return; // no read recorded in the window
      }
      double[] s = sums.computeIfAbsent(name.tags().getOrDefault(STORE_TAG, "?"),
          store -> new double[] {0, Double.MAX_VALUE, -Double.MAX_VALUE, 0});
      s[0] += ratio;
      s[1] = Math.min(s[1], ratio);
      s[2] = Math.max(s[2], ratio);
      s[3]++;
    });
    Map<String, StoreRatio> ratios = new TreeMap<>();
    sums.forEach((store, s) -> ratios.put(store, new StoreRatio(s[0] / s[3], s[1], s[2], (int) s[3])));
    return ratios;
  }

  /** The settings that make Kafka Streams record the ratios over a whole bench run. */
  public static java.util.List<String> recordingSettings() {
    return java.util.List.of("kafka.metrics.recording.level=DEBUG", "kafka.metrics.sample.window.ms=3600000");
  }
}
