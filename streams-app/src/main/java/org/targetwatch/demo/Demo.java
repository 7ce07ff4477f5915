package org.targetwatch.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.targetwatch.console.InvestigationConsole;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.runtime.DetectorRuntime;
import org.targetwatch.runtime.config.TargetwatchConfig;
import org.targetwatch.runtime.embedded.EmbeddedKafkaBroker;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Severity;
import org.targetwatch.serde.AvroDeserializer;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.runtime.ProcessingDrain;

/**
 * The whole system on one machine: embedded broker and registry, the detector through
 * {@link DetectorRuntime} (the runner {@code run} uses), the simulator producing through real
 * producers, alerts printed as they arrive, and a summary against the simulator's labels.
 * {@link #stop()} (Ctrl-C) ends it early and cleanly; all temporary data is removed.
 */
public final class Demo {
  static final int PARTITIONS = 4;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);

  /** What the demo did. */
  public record Summary(SimulationResult simulation, long eventsSent, Map<Severity, Long> alertsBySeverity,
      Set<String> alertedAtMediumOrAbove, String detectionTable, boolean drained, Duration elapsed, Duration startup,
      boolean stoppedEarly) {
    public long alerts() {
      return alertsBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Options: the simulated platform and how fast its days go by. */
  public record Options(int accounts, int days, long seed, Duration perDay) {}

  private final Options options;
  private final PrintStream out;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile PacedKafkaSink sink;

  public Demo(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Asks a running demo to stop: production ends, everything is closed and removed. */
  public void stop() {
    if (stopping.compareAndSet(false, true)) {
      PacedKafkaSink current = sink;
      if (current != null) {
        current.stop();
      }
    }
  }

  public Summary run() throws Exception {
    long started = System.nanoTime();
    Path stateDir = Files.createTempDirectory("targetwatch-demo-state-");
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    Set<String> alerted = ConcurrentHashMap.newKeySet();
    out.println("[demo] starting an embedded Kafka broker and schema registry ...");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        EmbeddedSchemaRegistry registryServer = EmbeddedSchemaRegistry.start()) {
      DetectorConfig topics = DetectorConfig.defaults();
      String applicationId = "targetwatch-demo";
      TargetwatchConfig config = TargetwatchConfig.of(
          "application.id=" + applicationId,
          "bootstrap.servers=" + broker.bootstrapServers(),
          "schema.registry.url=" + registryServer.url(),
          "state.dir=" + stateDir,
          "http.port=0",
          "kafka.num.standby.replicas=0",
          "kafka.consumer.max.poll.records=2000",
          // the investigation console: loopback only, a fresh random token in the printed URL
          "console.enabled=true",
          "console.host=127.0.0.1",
          "console.port=0",
          "console.token=" + InvestigationConsole.randomToken(),
          "console.reviewer.id=demo-reviewer");
      createTopics(broker, topics, config.deadLetterTopic());
      SchemaRegistryClient registry = SchemaRegistryClients.create(RegistryClientConfig.forUrl(registryServer.url()));

      try (DetectorRuntime runtime = DetectorRuntime.start(config);
          AlertWatcher watcher = new AlertWatcher(broker.bootstrapServers(), topics.alertsTopic(), registry, alert -> {
            synchronized (bySeverity) {
              bySeverity.merge(alert.getSeverity(), 1L, Long::sum);
            }
            if (alert.getSeverity().compareTo(Severity.MEDIUM) >= 0) {
              alerted.add(alert.getAccountId());
            }
            out.println(AlertLine.format(alert));
          })) {
        runtime.awaitRunning(Duration.ofMinutes(2));
        out.printf("[demo] detector RUNNING (http://127.0.0.1:%d/metrics), %d ms after start%n", runtime.httpPort(),
            runtime.startupTime() == null ? -1 : runtime.startupTime().toMillis());
        runtime.consoleUrl().ifPresent(url -> out.println("[demo] investigation console (open in a browser): " + url));
        Instant periodStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(options.days() + 1L));
        SimulationConfig simulation = SimulationConfig.defaults(options.seed()).withAccounts(options.accounts())
            .withDays(options.days()).withStart(periodStart);
        out.printf("[demo] simulating %,d accounts over %d days (one day every %d s) ...%n", options.accounts(),
            options.days(), options.perDay().toSeconds());
        SimulationResult result = null;
        boolean drained = false;
        try (PacedKafkaSink producing = new PacedKafkaSink(broker.bootstrapServers(), registry, topics, periodStart,
            options.days(), options.perDay(), (day, days, sent) -> out.printf("[demo] %s · %,d events sent · %,d alerts%n",
                PacedKafkaSink.day(day, days), sent, watcher.count()))) {
          sink = producing;
          if (stopping.get()) {
            producing.stop();
          }
          try {
            result = new PlatformSimulator().run(simulation, producing);
          } catch (PacedKafkaSink.Stopped e) {
            out.println("[demo] stopping ...");
          }
        }
        if (result != null && !stopping.get()) {
          out.printf("[demo] all %,d events sent; waiting for the detector to finish ...%n", sink.sent());
          drained = awaitDrained(broker, applicationId, topics);
          Thread.sleep(500); // the watcher reads the last committed alerts
        }
        Map<Severity, Long> counts;
        synchronized (bySeverity) {
          counts = Map.copyOf(bySeverity);
        }
        String table = result == null ? "" : DetectionTable.format(result.labels(), alerted);
        return new Summary(result, sink.sent(), counts, Set.copyOf(alerted), table, drained,
            Duration.ofNanos(System.nanoTime() - started), runtime.startupTime(), stopping.get());
      }
    } finally {
      deleteRecursively(stateDir);
    }
  }

  private boolean awaitDrained(EmbeddedKafkaBroker broker, String applicationId, DetectorConfig topics) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      return ProcessingDrain.await(admin, applicationId,
          Set.copyOf(topics.inputTopics()),
          ProcessingDrain.repartitionTopics(applicationId), DRAIN_TIMEOUT, Duration.ofMillis(500));
    }
  }

  private static void createTopics(EmbeddedKafkaBroker broker, DetectorConfig topics, String deadLetters) {
    broker.createTopics(List.of(
        new NewTopic(topics.profilesTopic(), PARTITIONS, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(topics.friendRequestsTopic(), PARTITIONS, (short) 1),
        new NewTopic(topics.messagesTopic(), PARTITIONS, (short) 1),
        new NewTopic(topics.safety().reportsTopic(), PARTITIONS, (short) 1),
        new NewTopic(topics.safety().verdictsTopic(), PARTITIONS, (short) 1),
        new NewTopic(topics.alertsTopic(), PARTITIONS, (short) 1),
        new NewTopic(deadLetters, PARTITIONS, (short) 1)));
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the demo's state directory " + directory, e);
    }
  }

  /** Reads alerts as a safety team's consumer would (read_committed) and hands each to a listener. */
  static final class AlertWatcher implements AutoCloseable {
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long count;

    AlertWatcher(String bootstrapServers, String topic, SchemaRegistryClient registry,
        java.util.function.Consumer<Alert> listener) {
      AvroDeserializer<Alert> alerts = new AvroDeserializer<>(Alert.class, registry);
      KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.GROUP_ID_CONFIG, "demo-safety-team-" + UUID.randomUUID(),
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
      consumer.subscribe(List.of(topic));
      thread = new Thread(() -> {
        try (consumer) {
          while (!closed.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
              count++;
              listener.accept(alerts.deserialize(topic, record.value()));
            }
          }
        }
      }, "demo-alert-watcher");
      thread.setDaemon(true);
      thread.start();
    }

    long count() {
      return count;
    }

    @Override
    public void close() throws InterruptedException {
      closed.set(true);
      thread.join(5000);
    }
  }
}
