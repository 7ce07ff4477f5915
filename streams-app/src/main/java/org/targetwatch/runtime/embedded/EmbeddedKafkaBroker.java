package org.targetwatch.runtime.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster inside this JVM: one KRaft node acting as broker and
 * controller, listening on 127.0.0.1 only, with settings fit for one node (internal topics with one
 * replica, no initial rebalance delay, no automatic topic creation).
 *
 * <p>Transactions work, so Kafka Streams can run with {@code processing.guarantee=exactly_once_v2}
 * against it. Start with {@link #start()} or {@link #builder()}, hand {@link #bootstrapServers()}
 * to clients, and close it when done; closing deletes the data unless a data directory was given.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
  private static final short SINGLE_REPLICA = 1;

  private final CombinedKRaftNode node;
  private final PreboundListeners listeners;
  private final InProcessFaultHandlers faultHandlers;
  private final Admin admin;
  private final String bootstrapServers;
  private final int controllerPort;
  private final Path dataDirectory;
  private final boolean deleteDataOnClose;
  private boolean closed;

  private EmbeddedKafkaBroker(
      CombinedKRaftNode node,
      PreboundListeners listeners,
      InProcessFaultHandlers faultHandlers,
      Admin admin,
      String bootstrapServers,
      int controllerPort,
      Path dataDirectory,
      boolean deleteDataOnClose) {
    this.node = node;
    this.listeners = listeners;
    this.faultHandlers = faultHandlers;
    this.admin = admin;
    this.bootstrapServers = bootstrapServers;
    this.controllerPort = controllerPort;
    this.dataDirectory = dataDirectory;
    this.deleteDataOnClose = deleteDataOnClose;
  }

  /** Starts a broker with one partition per new topic by default, in a temporary directory. */
  public static EmbeddedKafkaBroker start() {
    return builder().start();
  }

  /** Options for a broker: default partition count, a data directory to keep, extra properties. */
  public static Builder builder() {
    return new Builder();
  }

  /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Where the broker keeps its logs and metadata. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Creates a topic with one replica and the broker's default topic configuration. */
  public void createTopic(String name, int partitions) {
    createTopic(name, partitions, Map.of());
  }

  /**
   * Creates a topic with one replica and the given topic configs (e.g. {@code cleanup.policy}),
   * and returns once every partition has a leader, so a client can use it straight away.
   */
  public void createTopic(String name, int partitions, Map<String, String> configs) {
    createTopics(List.of(new NewTopic(name, partitions, SINGLE_REPLICA).configs(configs)));
  }

  /**
   * Creates several topics in one request and returns once every partition of each has a
   * leader. The replication factor of each must be 1 (or unset): there is one broker.
   */
  public void createTopics(Collection<NewTopic> topics) {
    List<String> names = topics.stream().map(NewTopic::name).toList();
    try {
      admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      awaitLeaders(names);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not create topics " + names + " on the embedded broker: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "creating topics " + names + " on the embedded broker took longer than " + ADMIN_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics " + names, e);
    }
  }

  /** The port of the client listener. */
  public int port() {
    return Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
  }

  /** The port of the controller listener. */
  public int controllerPort() {
    return controllerPort;
  }

  /** The names of the topics that exist (internal ones excluded). */
  public java.util.Set<String> topicNames() {
    try {
      return admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not list the embedded broker's topics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing topics", e);
    }
  }

  /**
   * Stops the broker and its controller and, for a temporary data directory, deletes it.
   * Calling it again does nothing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long startedAt = System.nanoTime();
    admin.close(Duration.ofSeconds(2));
    node.shutdown();
    listeners.close();
    if (deleteDataOnClose) {
      deleteRecursively(dataDirectory);
    }
    LOG.debug("embedded Kafka broker at {} stopped in {} ms", bootstrapServers, elapsedMillis(startedAt));
    faultHandlers.firstFatalFault().ifPresent(fault ->
        LOG.warn("the embedded Kafka broker at {} reported a fatal fault while running: {}", bootstrapServers, fault));
  }

  private void awaitLeaders(List<String> topicNames)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
    while (true) {
      try {
        Map<String, TopicDescription> descriptions =
            admin.describeTopics(topicNames).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        boolean allLed = descriptions.values().stream()
            .flatMap(description -> description.partitions().stream())
            .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
        if (allLed) {
          return;
        }
      } catch (ExecutionException e) {
        // the broker's metadata cache can lag the controller by a moment after creation
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("topics " + topicNames + " have no leader after " + ADMIN_TIMEOUT);
      }
      Thread.sleep(20);
    }
  }

  private static long elapsedMillis(long startedAtNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAtNanos);
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the embedded broker's data directory " + directory, e);
    }
  }

  /** Options for {@link EmbeddedKafkaBroker}; {@link #start()} starts the broker. */
  public static final class Builder {

    private int defaultPartitions = 1;
    private int clientPort;
    private int controllerPort;
    private Path dataDirectory;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();

    private Builder() {}

    /** The partition count of topics created without one ({@code num.partitions}); 1 by default. */
    public Builder defaultPartitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("default partitions must be at least 1, was " + partitions);
      }
      this.defaultPartitions = partitions;
      return this;
    }

    /**
     * The loopback ports of the client listener and of the controller; 0 (the default) lets the
     * system pick. Fixed ports let clients find a broker restarted on the same data directory.
     */
    public Builder ports(int clientPort, int controllerPort) {
      this.clientPort = clientPort;
      this.controllerPort = controllerPort;
      return this;
    }

    /**
     * Keeps the broker's data in this directory: it is created and formatted if new, reused if
     * an earlier broker left it, and not deleted on close. Without it, a temporary directory is
     * used and deleted on close.
     */
    public Builder dataDirectory(Path directory) {
      this.dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** A broker property set on top of the single-node defaults, e.g. {@code log.retention.ms}. */
    public Builder brokerProperty(String key, String value) {
      brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Several broker properties at once; see {@link #brokerProperty(String, String)}. */
    public Builder brokerProperties(Map<String, String> properties) {
      properties.forEach(this::brokerProperty);
      return this;
    }

    /**
     * Formats the data directory if needed, starts the broker and returns once a client can
     * reach it.
     *
     * @throws IllegalStateException if the broker does not start or is not reachable within a minute
     */
    public EmbeddedKafkaBroker start() {
      long startedAt = System.nanoTime();
      boolean temporary = dataDirectory == null;
      Path directory = temporary ? createTemporaryDirectory() : createDirectories(dataDirectory);
      PreboundListeners listeners = new PreboundListeners();
      InProcessFaultHandlers faultHandlers = new InProcessFaultHandlers();
      CombinedKRaftNode node = null;
      Admin admin = null;
      try {
        int clientPort = listeners.bind(SingleNodeSettings.CLIENT_LISTENER, this.clientPort);
        int controllerPort = listeners.bind(SingleNodeSettings.CONTROLLER_LISTENER, this.controllerPort);
        String bootstrapServers = SingleNodeSettings.LOOPBACK + ":" + clientPort;
        node = CombinedKRaftNode.start(
            SingleNodeSettings.brokerConfig(directory, clientPort, controllerPort, defaultPartitions, brokerProperties),
            faultHandlers,
            listeners);
        admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG, "embedded-broker-admin"));
        awaitReachable(admin, bootstrapServers);
        LOG.info("embedded Kafka broker ready at {} in {} ms", bootstrapServers, elapsedMillis(startedAt));
        return new EmbeddedKafkaBroker(node, listeners, faultHandlers, admin, bootstrapServers, controllerPort, directory,
            temporary);
      } catch (Exception e) {
        stopQuietly(admin, node, listeners);
        if (temporary) {
          deleteRecursively(directory);
        }
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        throw new IllegalStateException(
            "the embedded Kafka broker did not start (data directory " + directory + "): " + describe(e), e);
      }
    }

    private static String describe(Exception e) {
      return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void awaitReachable(Admin admin, String bootstrapServers) throws Exception {
      try {
        int brokers = admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        if (brokers == 0) {
          throw new IllegalStateException("the broker at " + bootstrapServers + " reports no live broker");
        }
      } catch (TimeoutException e) {
        throw new TimeoutException("the broker at " + bootstrapServers + " did not answer within " + READY_TIMEOUT);
      }
    }

    private static void stopQuietly(Admin admin, CombinedKRaftNode node, PreboundListeners listeners) {
      try {
        if (admin != null) {
          admin.close(Duration.ofSeconds(1));
        }
        if (node != null) {
          node.shutdown();
        }
      } catch (RuntimeException e) {
        LOG.warn("stopping a half-started embedded broker failed: {}", e.toString());
      } finally {
        listeners.close();
      }
    }

    private static Path createTemporaryDirectory() {
      try {
        return Files.createTempDirectory("targetwatch-kafka-");
      } catch (IOException e) {
        throw new UncheckedIOException("could not create a temporary directory for the embedded broker", e);
      }
    }

    private static Path createDirectories(Path directory) {
      try {
        return Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("could not create the embedded broker's data directory " + directory, e);
      }
    }
  }
}
