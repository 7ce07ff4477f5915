package org.targetwatch.replay;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.KeyValueStoreBuilder;
import org.apache.kafka.streams.state.internals.WindowStoreBuilder;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorStores;
import org.targetwatch.topology.TopologyNames;
import org.targetwatch.topology.WindowSpec;

/**
 * The detector's state stores for one replay, built once and shared by every stage, as the stores
 * of one Kafka Streams task are: one store for each of the production builders
 * ({@link DetectorStores#builders}, {@link DetectorStores#campaignBuilders}), under its name, of
 * one of three kinds:
 * <ul>
 *   <li>{@linkplain #ReplayStores(DetectorConfig) objects} ({@code replay}): {@link ObjectKeyValueStore}
 *       and {@link ObjectWindowStore}, which hold values as objects and copy them in and out, so
 *       processors get fresh values on each read as from a store that serialises, without the bytes;
 *   <li>{@linkplain #serialisingInMemory(DetectorConfig) Kafka Streams' in-memory stores}, which
 *       serialise: what the state costs in heap in a deployment with in-memory stores;
 *   <li>{@linkplain #ReplayStores(DetectorConfig, Path) RocksDB} (the production kind): what it
 *       costs on disk.
 * </ul>
 * The Kafka Streams stores are built from the builders with change-logging and caching turned off:
 * replay has no changelog topic to write, and a cache in front of an in-memory store changes no
 * result (the test-driver replay ran with a cache of 0 bytes).
 *
 * <p>Those stores are initialised through {@link MockProcessorContext#getStateStoreContext()}, the
 * public way to give a store what it needs (metrics, configuration) without a running task. The
 * mock records metrics at DEBUG level, which times every store operation; replay records at INFO,
 * as Kafka Streams does by default, so the stores keep their metrics but skip the timing.
 */
final class ReplayStores implements AutoCloseable {
  static final String APPLICATION_ID = "targetwatch-replay";

  private enum Kind { OBJECTS, SERIALISING_IN_MEMORY, ROCKSDB }

  private final InfoMetricsContext initContext;
  private final Map<String, StateStore> byName = new LinkedHashMap<>();

  private final Path persistentDirectory;

  /** Stores of objects, as {@code replay} runs. */
  ReplayStores(DetectorConfig config) {
    this(config, Kind.OBJECTS, null);
  }

  /** RocksDB stores (the production kind) under {@code persistentDirectory}. */
  ReplayStores(DetectorConfig config, Path persistentDirectory) {
    this(config, Kind.ROCKSDB, persistentDirectory);
  }

  /** Kafka Streams' own in-memory stores, which hold serialised bytes. */
  static ReplayStores serialisingInMemory(DetectorConfig config) {
    return new ReplayStores(config, Kind.SERIALISING_IN_MEMORY, null);
  }

  private ReplayStores(DetectorConfig config, Kind kind, Path persistentDirectory) {
    this.persistentDirectory = persistentDirectory;
    boolean inMemory = kind != Kind.ROCKSDB;
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay:9092");
    // as run sets it (StreamsSettings); without it every store's context warns about the global thread
    properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    initContext = inMemory ? new InfoMetricsContext(properties)
        : new InfoMetricsContext(properties, persistentDirectory.toFile());
    List<StoreBuilder<?>> builders = new ArrayList<>(DetectorStores.builders(config, inMemory));
    builders.addAll(DetectorStores.campaignBuilders(inMemory));
    for (StoreBuilder<?> builder : builders) {
      StateStore store = kind == Kind.OBJECTS
          ? objectStoreFor(builder, config)
          : builder.withLoggingDisabled().withCachingDisabled().build();
      store.init(initContext.getStateStoreContext(), store);
      byName.put(store.name(), store);
    }
  }

  /**
   * The store of objects standing for what {@code builder} builds. A window store takes the
   * builder's retention and, as window size, the bucket of the window it holds the activity of.
   */
  private static StateStore objectStoreFor(StoreBuilder<?> builder, DetectorConfig config) {
    if (builder instanceof WindowStoreBuilder<?, ?> windows) {
      WindowSpec window = config.windows().stream()
          .filter(w -> TopologyNames.activityStore(w.name()).equals(builder.name()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("replay knows no window for the window store " + builder.name()));
      return new ObjectWindowStore<>(builder.name(), windows.retentionPeriod(), window.bucketMs());
    }
    if (builder instanceof KeyValueStoreBuilder<?, ?>) {
      return new ObjectKeyValueStore<>(builder.name());
    }
    throw new IllegalStateException("replay has no store of objects like " + builder.name() + " ("
        + builder.getClass().getSimpleName() + ")");
  }

  @SuppressWarnings("unchecked")
  <S extends StateStore> S get(String name) {
    StateStore store = byName.get(name);
    if (store == null) {
      throw new IllegalArgumentException("no state store named '" + name + "' in replay; known: " + byName.keySet());
    }
    return (S) store;
  }

  List<String> names() {
    return List.copyOf(byName.keySet());
  }

  StreamsMetrics metrics() {
    return initContext.metrics();
  }

  Serde<?> defaultKeySerde() {
    return initContext.keySerde();
  }

  Serde<?> defaultValueSerde() {
    return initContext.valueSerde();
  }

  Map<String, Object> appConfigs() {
    return initContext.appConfigs();
  }

  Map<String, Object> appConfigsWithPrefix(String prefix) {
    return initContext.appConfigsWithPrefix(prefix);
  }

  /** Entries per store, and the RocksDB files' size once flushed (0 for in-memory stores). */
  StateSize size() {
    Map<String, Long> entries = new LinkedHashMap<>();
    byName.forEach((name, store) -> entries.put(name, entriesOf(store)));
    if (persistentDirectory == null) {
      return new StateSize(entries, 0);
    }
    byName.values().forEach(StateStore::flush);
    return new StateSize(entries, bytesUnder(persistentDirectory));
  }

  private static long entriesOf(StateStore store) {
    if (store instanceof KeyValueStore<?, ?> keyValues) {
      return keyValues.approximateNumEntries();
    }
    if (store instanceof ObjectWindowStore<?> windows) {
      return windows.entries();
    }
    if (store instanceof WindowStore<?, ?> windows) {
      long count = 0;
      try (var all = windows.all()) {
        while (all.hasNext()) {
          all.next();
          count++;
        }
      }
      return count;
    }
    return -1;
  }

  private static long bytesUnder(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("could not measure the state directory " + directory, e);
    }
  }

  @Override
  public void close() {
    byName.values().forEach(StateStore::close);
    initContext.registry.close();
  }

  /** The mock context with INFO-level metrics (its state-store context asks {@link #metrics()} for them). */
  private static final class InfoMetricsContext extends MockProcessorContext<Object, Object> {
    private final Metrics registry = new Metrics(new MetricConfig().recordLevel(Sensor.RecordingLevel.INFO));
    private final StreamsMetricsImpl infoMetrics =
        new StreamsMetricsImpl(registry, Thread.currentThread().getName(), Time.SYSTEM);

    InfoMetricsContext(Properties properties) {
      super(properties);
    }

    InfoMetricsContext(Properties properties, File stateDirectory) {
      super(properties, new TaskId(0, 0), stateDirectory);
    }

    @Override
    public StreamsMetrics metrics() {
      return infoMetrics;
    }
  }
}
