package org.targetwatch.runtime;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.console.InvestigationConsole;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.registry.WaitingForRegistryClient;
import org.targetwatch.runtime.config.TargetwatchConfig;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.topology.DetectorTopology;
import org.targetwatch.topology.EventSerdes;

/**
 * One running targetwatch instance: checks the topics, builds the detection topology, owns the
 * {@link KafkaStreams} client (uncaught-exception handler, state listener, close with a timeout)
 * and serves health and metrics over HTTP. The same runner serves {@code run}, {@code demo} and
 * the integration tests.
 *
 * <pre>{@code
 * try (DetectorRuntime runtime = DetectorRuntime.start(config)) {
 *   runtime.closeOnShutdown();      // SIGTERM -> close within shutdown.timeout
 *   runtime.awaitTermination();
 * }
 * }</pre>
 */
public final class DetectorRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DetectorRuntime.class);
  /**
   * How long a stream thread waits for a registry that does not answer before it fails (and is
   * replaced, see {@link #onUncaught}): short, because a thread that waits does not poll, so the
   * group cannot rebalance meanwhile, and its open transaction times out after 10 s.
   */
  static final Duration REGISTRY_WAIT = Duration.ofSeconds(5);

  private final TargetwatchConfig config;
  private final KafkaStreams streams;
  private final HealthEndpoint http;
  /** The investigation console, when {@code console.enabled}. */
  private final InvestigationConsole console;
  private final PrometheusMeterRegistry meters;
  private final KafkaStreamsMetrics streamsMetrics;
  private final CountDownLatch terminated = new CountDownLatch(1);
  private final CountDownLatch running = new CountDownLatch(1);
  private final long startedAtNanos = System.nanoTime();
  private volatile Duration startupTime;
  private volatile boolean closed;
  /** Set first thing when stopping, so that readiness answers 503 before Kafka Streams starts to close. */
  private volatile boolean stopping;

  private DetectorRuntime(TargetwatchConfig config, Clock clock) {
    this.config = config;
    LOG.info("starting targetwatch '{}' with this configuration:\n{}", config.applicationId(), config.describe());
    int partitions;
    try (Admin admin = Admin.create(StreamsSettings.admin(config))) {
      partitions = TopicCheck.verify(admin, config);
      LOG.info("input topics {} are co-partitioned with {} partitions", TopicCheck.inputs(config.detector()), partitions);
    }
    this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RuntimeMetrics metrics = new RuntimeMetrics(meters);
    SchemaRegistryClient registry = config.registry().isMock() ? SchemaRegistryClients.create(config.registry())
        : new WaitingForRegistryClient(SchemaRegistryClients.create(config.registry()), REGISTRY_WAIT);
    EventSerdes serdes = CountingSerdes.wrap(EventSerdes.confluent(registry), metrics);
    Topology topology = topology(config, serdes, clock, partitions, metrics);
    useUsNumberFormatting();
    this.streams = new KafkaStreams(topology, StreamsSettings.streams(config, metrics));
    streams.setUncaughtExceptionHandler(this::onUncaught);
    streams.setStateListener(this::onStateChange);
    this.streamsMetrics = new KafkaStreamsMetrics(streams);
    streamsMetrics.bindTo(meters);
    answerSmallResponsesWithoutDelay();
    HealthEndpoint endpoint;
    try {
      endpoint = new HealthEndpoint(config.httpHost(), config.httpPort(), this::healthState, meters);
    } catch (RuntimeException e) {
      streams.close(Duration.ZERO);
      throw e;
    }
    this.http = endpoint;
    streams.start();
    this.console = startConsole(config, registry);
  }

  /** The detection topology as this instance runs it: with the store kind of {@code state.stores}. */
  static Topology topology(TargetwatchConfig config, EventSerdes serdes, Clock clock, int partitions, DetectorMetrics metrics) {
    return DetectorTopology.build(config.detector(), serdes, clock, config.inMemoryStores(), partitions, metrics);
  }

  private InvestigationConsole startConsole(TargetwatchConfig config, SchemaRegistryClient registry) {
    if (!config.console().enabled()) {
      return null;
    }
    try {
      InvestigationConsole started = InvestigationConsole.start(config.console(), streams, config.detector(),
          StreamsSettings.connection(config), config.kafkaSettings(), registry);
      LOG.info("investigation console on {}:{}", config.console().host(), started.port());
      return started;
    } catch (RuntimeException e) {
      streams.close(Duration.ZERO);
      http.close();
      throw new StartupCheckException(e.getMessage(), e);
    }
  }

  /**
   * The JDK's HTTP server writes a response's headers and body separately; with Nagle's algorithm
   * on, the body can wait for the client's delayed ACK of the headers (up to 40 ms on Linux), which
   * the console's lookups and event streams should not. Read once, when the JVM's first server starts.
   */
  private static void answerSmallResponsesWithoutDelay() {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /**
   * Kafka Streams 4.4 formats a log line with {@code String.format} for every empty partition of a
   * task on every record, logged or not ({@code PartitionGroup.readyToProcess}); under any default
   * format locale other than en_US each of those looks up the locale's number symbols afresh. That
   * was 8% of a stream thread's time (JFR, bench end-to-end; docs/performance.md). en_US digits and
   * separators are what the detector's own output uses anyway ({@code Locale.ROOT}).
   */
  private static void useUsNumberFormatting() {
    Locale.setDefault(Locale.Category.FORMAT, Locale.US);
  }

  /**
   * Checks the topics and starts the instance; returns at once (see {@link #awaitRunning}).
   *
   * @throws StartupCheckException when the topics or the cluster are not as required
   */
  public static DetectorRuntime start(TargetwatchConfig config) {
    return new DetectorRuntime(config, Clock.systemUTC());
  }

  /** As {@link #start(TargetwatchConfig)}, with the clock of the future-time check (tests). */
  public static DetectorRuntime start(TargetwatchConfig config, Clock clock) {
    return new DetectorRuntime(config, clock);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** The port of the HTTP endpoint (useful with {@code http.port=0}). */
  public int httpPort() {
    return http.port();
  }

  /** The port of the investigation console; -1 when it is not enabled. */
  public int consolePort() {
    return console == null ? -1 : console.port();
  }

  /** The address a person opens the console at (with its token, if any); empty when it is not enabled. */
  public java.util.Optional<String> consoleUrl() {
    return console == null ? java.util.Optional.empty() : java.util.Optional.of(console.url());
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  /** Kafka Streams' own metrics as it keeps them (the bench reads the record caches' hit ratios there). */
  public java.util.Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> kafkaStreamsMetrics() {
    return streams.metrics();
  }

  /** Time from start to the first RUNNING state, once reached. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The state health reports: PENDING_SHUTDOWN as soon as a stop begins, so readiness turns 503 first. */
  private KafkaStreams.State healthState() {
    KafkaStreams.State state = streams.state();
    return stopping && state.isRunningOrRebalancing() ? KafkaStreams.State.PENDING_SHUTDOWN : state;
  }

  /** Waits until the instance is RUNNING for the first time; false if it did not within {@code timeout}. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Blocks until the client has stopped (closed, or failed); returns its final state. */
  public KafkaStreams.State awaitTermination() throws InterruptedException {
    terminated.await();
    return streams.state();
  }

  /** True when the client has stopped by now or within {@code timeout}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Closes the instance within {@code shutdown.timeout} when the JVM is asked to stop (SIGTERM, Ctrl-C). */
  public void closeOnShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("shutdown requested: closing targetwatch (at most {})", config.shutdownTimeout());
      close();
    }, "targetwatch-shutdown"));
  }

  /** Commits, closes Kafka Streams within {@code shutdown.timeout}, stops the HTTP endpoint. Idempotent. */
  @Override
  public void close() {
    stop(config.shutdownTimeout(), true);
  }

  /**
   * Stops without committing or leaving the group, as a crashed instance would: its tasks move to
   * other instances only after the consumer session times out. For fail-over tests.
   */
  public void kill() {
    stop(Duration.ZERO, false);
  }

  private synchronized void stop(Duration timeout, boolean leaveGroup) {
    if (closed) {
      return;
    }
    stopping = true;
    closed = true;
    long startedAt = System.nanoTime();
    CloseOptions options = CloseOptions.timeout(timeout).withGroupMembershipOperation(
        leaveGroup ? CloseOptions.GroupMembershipOperation.DEFAULT : CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
    if (console != null) {
      console.close();
    }
    boolean clean = streams.close(options);
    if (!clean) {
      LOG.warn("Kafka Streams did not close within {}; state will be recovered from the changelogs on restart", timeout);
    }
    streamsMetrics.close();
    http.close();
    meters.close();
    terminated.countDown();
    LOG.info("targetwatch '{}' stopped in {} ms{}", config.applicationId(), (System.nanoTime() - startedAt) / 1_000_000,
        clean ? "" : " (not cleanly)");
  }

  private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onUncaught(Throwable error) {
    if (WaitingForRegistryClient.isRegistryOutage(error)) {
      // not the record's fault and not ours: the new thread rejoins, gets its tasks back (their
      // transaction aborted, so nothing is lost or doubled) and asks the registry again
      LOG.warn("a stream thread could not reach the schema registry: {}. Replacing the thread; it will ask again",
          describe(error));
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    LOG.error("a stream thread failed: {}. Shutting this instance down (its state is kept; restart it once the cause is"
        + " fixed, and processing resumes from the last commit)", describe(error));
    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }

  private void onStateChange(KafkaStreams.State now, KafkaStreams.State before) {
    LOG.info("Kafka Streams state {} -> {}", before, now);
    if (now == KafkaStreams.State.RUNNING && running.getCount() > 0) {
      startupTime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
      LOG.info("targetwatch '{}' is RUNNING {} ms after start", config.applicationId(), startupTime.toMillis());
      running.countDown();
    }
    if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
      terminated.countDown();
    }
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    StringBuilder chain = new StringBuilder(error.toString());
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      chain.append(" <- ").append(root);
    }
    return chain.toString();
  }
}
