package org.targetwatch.runtime.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.targetwatch.registry.HttpSchemaRegistryClient;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.runtime.ProcessingDrain;
import org.targetwatch.schema.Alert;
import org.targetwatch.serde.AvroDeserializer;
import org.targetwatch.topology.DetectorConfig;

/**
 * One live rehearsal of the service with real processes: a {@code local-cluster} process (data in
 * {@code dir/cluster}), {@code run} instances of one application, and a {@code produce --input}
 * process sending the event file at {@link #RATE} events a second; optionally the registry behind a
 * {@link LoopbackTcpProxy} that can be cut. Everything on 127.0.0.1; every wait is bounded.
 */
final class LiveRun implements AutoCloseable {
  static final String APP = "targetwatch-faults";
  static final double RATE = 5_000;
  static final int PARTITIONS = Integer.getInteger("fault.tests.partitions", 4);
  static final String DEAD_LETTERS = "targetwatch-dead-letters";
  /** A guard against a hung test, not an expectation about speed. */
  static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
  /**
   * The grace for late events in these runs. The test sends 6 simulated days in 18 s (about 28,800
   * times faster than they happened), so a second of difference in progress between two partitions
   * (normal while a task is taken over) is 8 hours of event time, beyond the default 2-hour grace:
   * contacts would be dropped as late that in production (event time passing at wall-clock speed)
   * are seconds apart. A grace as long as the long window keeps the ratio of skew to grace that
   * production has. (docs/operations.md, "Failure behaviour".)
   */
  static final String COMPRESSED_TIME_GRACE = "28d";
  /**
   * How long the senders' windows wait for an answer still on its way, for the same reason: a task
   * taken over is seconds, days of event time here, behind the others (docs/operations.md,
   * "Failure behaviour"); the default 10 minutes would stop waiting at once.
   */
  static final String COMPRESSED_TIME_RESEQUENCE_WAIT = "28d";
  /**
   * Settings added to every {@code run} instance, from the system property
   * {@code fault.tests.settings} (comma-separated {@code key=value}): to measure a setting's effect
   * on the fault tests' figures without changing the tests.
   */
  static final List<String> EXTRA_SETTINGS = System.getProperty("fault.tests.settings", "").isBlank()
      ? List.of() : List.of(System.getProperty("fault.tests.settings").split(","));
  private static final DetectorConfig TOPICS = DetectorConfig.defaults();
  private static final Set<String> INPUTS = Set.copyOf(TOPICS.inputTopics());

  private final Path dir;
  private final boolean registryBehindProxy;
  private final Map<String, TargetwatchProcess> instances = new LinkedHashMap<>();
  private final Map<String, Integer> starts = new HashMap<>();
  private TargetwatchProcess cluster;
  private TargetwatchProcess producer;
  private LoopbackTcpProxy proxy;
  private String bootstrapServers;
  private String registryUrl;
  private Admin admin;

  private LiveRun(Path dir, boolean registryBehindProxy) {
    this.dir = dir;
    this.registryBehindProxy = registryBehindProxy;
  }

  /** A run in a fresh {@code dir}, its cluster started. */
  static LiveRun start(Path dir, boolean registryBehindProxy) throws Exception {
    deleteRecursively(dir);
    Files.createDirectories(dir);
    LiveRun run = new LiveRun(dir, registryBehindProxy);
    run.startCluster("--port", "0", "--registry-port", "0", "--controller-port", "0");
    return run;
  }

  private void startCluster(String... ports) throws Exception {
    List<String> args = new ArrayList<>(List.of("local-cluster", "--data-dir", dir.resolve("cluster").toString(),
        "--partitions", Integer.toString(PARTITIONS)));
    args.addAll(List.of(ports));
    cluster = TargetwatchProcess.start("local-cluster", log("local-cluster"), args.toArray(String[]::new));
    bootstrapServers = cluster.awaitLine("^bootstrap servers: (\\S+)", GIVE_UP_AFTER);
    String registry = cluster.awaitLine("^schema registry: (\\S+)", GIVE_UP_AFTER);
    if (registryBehindProxy && proxy == null) {
      proxy = new LoopbackTcpProxy(Integer.parseInt(registry.substring(registry.lastIndexOf(':') + 1)));
    }
    registryUrl = registry;
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }
  }

  /** {@code kill -9} of the cluster process. */
  void killCluster() throws InterruptedException {
    cluster.kill();
  }

  /** The cluster restarted on its data directory (its ports are kept there). */
  void restartCluster() throws Exception {
    String before = bootstrapServers;
    startCluster();
    if (!before.equals(bootstrapServers)) {
      throw new AssertionError("the restarted cluster moved from " + before + " to " + bootstrapServers);
    }
  }

  /** The URL clients are given: the proxy's when the registry is behind one. */
  String clientRegistryUrl() {
    return proxy != null ? proxy.httpUrl() : registryUrl;
  }

  LoopbackTcpProxy registryProxy() {
    return proxy;
  }

  /** Starts (or restarts, on its kept state directory) the {@code run} instance {@code name}. */
  TargetwatchProcess startInstance(String name) {
    return startInstance(name, 0);
  }

  /** As {@link #startInstance(String)}, its health endpoint on {@code httpPort} (0: any). */
  TargetwatchProcess startInstance(String name, int httpPort) {
    List<String> args = new ArrayList<>(List.of("run",
        "--set", "application.id=" + APP,
        "--set", "bootstrap.servers=" + bootstrapServers,
        "--set", "schema.registry.url=" + clientRegistryUrl(),
        "--set", "state.dir=" + dir.resolve("state-" + name),
        "--set", "http.host=127.0.0.1",
        "--set", "http.port=" + httpPort,
        "--set", "shutdown.timeout=30s",
        // a killed instance's tasks move once its session times out: the broker's minimum, 6 s
        "--set", "kafka.session.timeout.ms=6000",
        "--set", "kafka.heartbeat.interval.ms=1000",
        "--set", "detector.grace=" + COMPRESSED_TIME_GRACE,
        "--set", "detector.resequence.max.wait=" + COMPRESSED_TIME_RESEQUENCE_WAIT));
    for (String setting : EXTRA_SETTINGS) {
      args.addAll(List.of("--set", setting));
    }
    TargetwatchProcess instance = TargetwatchProcess.start(name, log(name), args.toArray(String[]::new));
    instances.put(name, instance);
    return instance;
  }

  TargetwatchProcess instance(String name) {
    return instances.get(name);
  }

  static void awaitRunning(TargetwatchProcess instance) throws InterruptedException {
    instance.awaitLine("is RUNNING \\d+ ms after start", GIVE_UP_AFTER);
  }

  /** Starts {@code produce --input events --rate RATE}. */
  void startProducing(Path events) {
    producer = TargetwatchProcess.start("produce", log("produce"), "produce",
        "--bootstrap-servers", bootstrapServers, "--schema-registry-url", clientRegistryUrl(),
        "--input", events.toString(), "--rate", Long.toString((long) RATE));
  }

  /** Waits for the producer to exit and requires exit code 0: every event acknowledged. */
  void awaitProduced() throws InterruptedException {
    int exit = producer.awaitExit(GIVE_UP_AFTER);
    if (exit != 0) {
      throw new AssertionError("produce exited with " + exit + "; see " + dir.resolve("produce-1.log"));
    }
  }

  /** Waits until the application has committed at least {@code events} input records. */
  void awaitConsumed(long events) throws InterruptedException {
    long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (System.nanoTime() < giveUpAt) {
      if (sum(committedInputs()) >= events) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(APP + " did not consume " + events + " events within " + GIVE_UP_AFTER);
  }

  /**
   * The time from now (the fault) until the application is back at the live edge: every input
   * partition's committed offset at or past where the partition ended at the fault, and at most one
   * second of input ({@link #RATE} events) not yet committed.
   */
  Duration timeToCatchUp(long faultAtNanos, Map<TopicPartition, Long> endsAtFault) throws InterruptedException {
    long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (System.nanoTime() < giveUpAt) {
      try {
        Map<TopicPartition, Long> committed = committedInputs();
        Map<TopicPartition, Long> ends = inputEnds();
        boolean pastFault = endsAtFault.entrySet().stream()
            .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
        if (pastFault && sum(ends) - sum(committed) <= RATE) {
          return Duration.ofNanos(System.nanoTime() - faultAtNanos);
        }
      } catch (RuntimeException e) {
        // the cluster may be down: ask again
      }
      Thread.sleep(200);
    }
    throw new AssertionError(APP + " did not catch up within " + GIVE_UP_AFTER + " of the fault");
  }

  /** Where each input partition ends now. */
  Map<TopicPartition, Long> inputEnds() {
    try {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      admin.describeTopics(INPUTS).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, description) ->
          description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
      return ends;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the input topics' end offsets: " + e, e);
    }
  }

  private Map<TopicPartition, Long> committedInputs() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(APP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, Long> offsets = new HashMap<>();
      committed.forEach((tp, at) -> {
        if (INPUTS.contains(tp.topic()) && at != null) {
          offsets.put(tp, at.offset());
        }
      });
      return offsets;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the application's committed offsets: " + e, e);
    }
  }

  private static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Waits until the application has processed everything produced (inputs and repartition topics). */
  void awaitDrained() throws Exception {
    if (!ProcessingDrain.await(admin, APP, INPUTS, ProcessingDrain.repartitionTopics(APP), GIVE_UP_AFTER,
        Duration.ofMillis(250))) {
      throw new AssertionError(APP + " did not process its input within " + GIVE_UP_AFTER);
    }
  }

  /** Every alert on the alert topic, read with {@code read_committed} from the beginning to the last stable offset. */
  List<Alert> committedAlerts() {
    AvroDeserializer<Alert> alerts =
        new AvroDeserializer<>(Alert.class, new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registryUrl)));
    return readCommitted(TOPICS.alertsTopic()).stream().map(r -> alerts.deserialize(r.topic(), r.value())).toList();
  }

  /**
   * The committed alerts once two reads a second apart agree: the application's offsets can be
   * committed a moment before the commit markers reach every partition its transaction wrote to.
   */
  List<Alert> committedAlertsSettled() throws InterruptedException {
    List<Alert> alerts = committedAlerts();
    for (int reads = 0; reads < 30; reads++) {
      Thread.sleep(1_000);
      List<Alert> again = committedAlerts();
      if (again.size() == alerts.size()) {
        return again;
      }
      alerts = again;
    }
    return alerts;
  }

  /** The records on the dead-letter topic, committed ones. */
  int deadLetters() {
    return readCommitted(DEAD_LETTERS).size();
  }

  private List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
      while (!partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p))) {
        if (System.nanoTime() > giveUpAt) {
          throw new AssertionError("could not read " + topic + " to its end within " + GIVE_UP_AFTER);
        }
        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
      }
    }
    return records;
  }

  private Path log(String name) {
    int start = starts.merge(name, 1, Integer::sum);
    return dir.resolve(name + "-" + start + ".log");
  }

  /** Stops every process: instances with SIGTERM, then the producer and the cluster. */
  @Override
  public void close() throws Exception {
    for (TargetwatchProcess instance : instances.values()) {
      if (instance.isAlive()) {
        try {
          instance.terminate(Duration.ofSeconds(40));
        } catch (AssertionError e) {
          // killed by terminate already
        }
      }
    }
    if (producer != null) {
      producer.close();
    }
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
    if (proxy != null) {
      proxy.close();
    }
    if (cluster != null && cluster.isAlive()) {
      try {
        cluster.terminate(Duration.ofSeconds(30));
      } catch (AssertionError e) {
        // killed by terminate already
      }
    }
  }

  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }
}
