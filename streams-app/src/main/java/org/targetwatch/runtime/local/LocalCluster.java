package org.targetwatch.runtime.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.registry.SchemaJournal;
import org.targetwatch.runtime.embedded.EmbeddedKafkaBroker;
import org.targetwatch.topology.DetectorConfig;

/**
 * A single-node Kafka cluster (KRaft) and a schema registry in this process, with the detector's
 * topics. With a data directory, everything survives a restart on it: the broker's logs (topics,
 * committed offsets, transactions) under {@code kafka/}, the registrations in {@code schemas.jsonl},
 * and the ports in {@code ports.properties}, so clients of the previous run find it again.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  static final String PORTS_FILE = "ports.properties";

  /** The loopback ports; 0 lets the system pick. */
  public record Ports(int broker, int controller, int registry) {
    public static final Ports ANY = new Ports(0, 0, 0);
  }

  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;
  private final List<String> createdTopics;

  private LocalCluster(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, List<String> createdTopics) {
    this.broker = broker;
    this.registry = registry;
    this.createdTopics = createdTopics;
  }

  /**
   * Starts the cluster, in {@code dataDirectory} if given (else in a temporary directory deleted on
   * close), on the ports remembered there, else on {@code ports}, and creates the topics missing.
   *
   * @param ports wanted ports; a port remembered in the data directory wins over a 0 here, not over a given one
   */
  public static LocalCluster start(Path dataDirectory, Ports ports, int partitions, DetectorConfig topics,
      String deadLetterTopic) {
    Ports wanted = dataDirectory == null ? ports : remembered(dataDirectory, ports);
    EmbeddedKafkaBroker.Builder brokerOptions = EmbeddedKafkaBroker.builder()
        .defaultPartitions(partitions)
        .ports(wanted.broker(), wanted.controller());
    InMemorySchemaRegistry store = new InMemorySchemaRegistry();
    if (dataDirectory != null) {
      createDirectories(dataDirectory);
      brokerOptions.dataDirectory(dataDirectory.resolve("kafka"));
      store = InMemorySchemaRegistry.keptIn(SchemaJournal.open(dataDirectory.resolve("schemas.jsonl")));
    }
    EmbeddedKafkaBroker broker = brokerOptions.start();
    EmbeddedSchemaRegistry registry;
    try {
      registry = EmbeddedSchemaRegistry.builder().port(wanted.registry()).store(store).start();
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
    List<String> created;
    try {
      created = createMissingTopics(broker, partitions, topics, deadLetterTopic);
      if (dataDirectory != null) {
        remember(dataDirectory, new Ports(broker.port(), broker.controllerPort(), registry.port()));
      }
    } catch (RuntimeException e) {
      registry.close();
      broker.close();
      throw e;
    }
    return new LocalCluster(broker, registry, created);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registry.url();
  }

  /** The topics this start created (none when a kept data directory had them all). */
  public List<String> createdTopics() {
    return createdTopics;
  }

  /** Stops the registry, then the broker (a controlled shutdown: logs flushed, no recovery on restart). */
  @Override
  public void close() {
    registry.close();
    broker.close();
  }

  private static List<String> createMissingTopics(EmbeddedKafkaBroker broker, int partitions, DetectorConfig topics,
      String deadLetterTopic) {
    Set<String> existing = broker.topicNames();
    List<NewTopic> missing = new ArrayList<>();
    for (NewTopic topic : List.of(
        new NewTopic(topics.profilesTopic(), partitions, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(topics.friendRequestsTopic(), partitions, (short) 1),
        new NewTopic(topics.messagesTopic(), partitions, (short) 1),
        new NewTopic(topics.safety().reportsTopic(), partitions, (short) 1),
        new NewTopic(topics.safety().verdictsTopic(), partitions, (short) 1),
        new NewTopic(topics.alertsTopic(), partitions, (short) 1),
        new NewTopic(deadLetterTopic, 1, (short) 1))) {
      if (!existing.contains(topic.name())) {
        missing.add(topic);
      }
    }
    if (!missing.isEmpty()) {
      broker.createTopics(missing);
    }
    List<String> names = missing.stream().map(NewTopic::name).toList();
    LOG.info("topics created: {}; kept from an earlier run: {}", names,
        existing.stream().filter(name -> !name.startsWith("_")).sorted().toList());
    return names;
  }

  private static Ports remembered(Path dataDirectory, Ports given) {
    Path file = dataDirectory.resolve(PORTS_FILE);
    if (!Files.exists(file)) {
      return given;
    }
    Properties kept = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      kept.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return new Ports(
        given.broker() != 0 ? given.broker() : Integer.parseInt(kept.getProperty("broker.port", "0")),
        given.controller() != 0 ? given.controller() : Integer.parseInt(kept.getProperty("controller.port", "0")),
        given.registry() != 0 ? given.registry() : Integer.parseInt(kept.getProperty("registry.port", "0")));
  }

  private static void remember(Path dataDirectory, Ports ports) {
    Properties kept = new Properties();
    kept.setProperty("broker.port", Integer.toString(ports.broker()));
    kept.setProperty("controller.port", Integer.toString(ports.controller()));
    kept.setProperty("registry.port", Integer.toString(ports.registry()));
    try (Writer out = Files.newBufferedWriter(dataDirectory.resolve(PORTS_FILE), StandardCharsets.UTF_8)) {
      kept.store(out, "local-cluster: the ports a restart on this directory listens on again");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dataDirectory.resolve(PORTS_FILE), e);
    }
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
    }
  }
}
