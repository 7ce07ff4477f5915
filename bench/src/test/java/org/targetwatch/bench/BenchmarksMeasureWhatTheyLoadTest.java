package org.targetwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetwatch.bench.endtoend.EndToEndBenchmark;
import org.targetwatch.bench.statecost.StateCostBenchmark;
import org.targetwatch.topology.TopologyNames;

/**
 * The benchmarks on the smallest platform the simulator makes: they must count every event they
 * load in every phase and see the state they claim to measure. Times are printed, never asserted.
 */
class BenchmarksMeasureWhatTheyLoadTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void endToEndDrainsAllThreeReadersOverEveryLoadedEventAndCountsTheInternalTopicWrites() throws Exception {
    EndToEndBenchmark.Result result = new EndToEndBenchmark(
        EndToEndBenchmark.Options.of(300, 2, 1, 2, 1, "exactly_once_v2", 1, Duration.ofMinutes(3), List.of()), out).run();

    long loaded = result.load().events();
    assertThat(loaded).isPositive();
    assertThat(result.raw().events()).isEqualTo(loaded);
    assertThat(result.passThroughTiming().drained()).isTrue();
    assertThat(result.targetwatchTiming().drained()).isTrue();
    assertThat(result.targetwatch().events()).isEqualTo(loaded);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("targetwatch / pass-through = ")
        .contains(TopologyNames.ACCOUNT_EVENTS_TOPIC + "-repartition");
  }

  @Test
  void aVariantRunsOverEveryLoadedEventBesideTheDefaultAndTheCacheHitRatiosArePrinted() throws Exception {
    EndToEndBenchmark.Result result = new EndToEndBenchmark(EndToEndBenchmark.Options.of(300, 2, 1, 2, 1,
        "exactly_once_v2", 1, Duration.ofMinutes(3), List.of(),
        List.of(EndToEndBenchmark.Variant.parse("commit500:kafka.commit.interval.ms=500")), true), out).run();

    assertThat(result.targetwatch().events()).isEqualTo(result.load().events());
    assertThat(result.variants()).containsOnlyKeys("commit500");
    assertThat(result.variants().get("commit500").events()).isEqualTo(result.load().events());
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("targetwatch [commit500] / pass-through = ")
        .contains("settings: kafka.metrics.recording.level=DEBUG kafka.metrics.sample.window.ms=3600000"
            + " kafka.commit.interval.ms=500")
        .contains("record cache hit ratio per store")
        .containsPattern(TopologyNames.FRIENDSHIP_STORE + " +[01]\\.\\d{3}");
  }

  @Test
  void aVariantIsALabelAndSettings() {
    assertThat(EndToEndBenchmark.Variant.parse("lingered:kafka.producer.linger.ms=20,kafka.producer.batch.size=65536"))
        .isEqualTo(new EndToEndBenchmark.Variant("lingered",
            List.of("kafka.producer.linger.ms=20", "kafka.producer.batch.size=65536")));
    assertThatThrownBy(() -> EndToEndBenchmark.Variant.parse("kafka.commit.interval.ms=500"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label:key=value");
  }

  @Test
  void stateCostReportsEveryAccountsProfileAndTheHeapItTakes() throws Exception {
    StateCostBenchmark.Result result =
        new StateCostBenchmark(new StateCostBenchmark.Options(300, 2, 1, false), out).run();

    assertThat(result.entriesPerStore()).containsEntry(TopologyNames.PROFILE_STORE, 300L);
    assertThat(result.entries()).isGreaterThan(300);
    assertThat(result.heapBytes()).isPositive();
  }
}
