package org.targetwatch.bench.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.targetwatch.registry.EmbeddedSchemaRegistry;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.runtime.embedded.EmbeddedKafkaBroker;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.topology.DetectorConfig;

/**
 * One machine's platform for a benchmark: the in-process KRaft broker, the in-process schema
 * registry, and the detector's topics with {@code partitions} partitions each.
 */
public final class BenchPlatform implements AutoCloseable {
  public static final String DEAD_LETTER_TOPIC = "targetwatch-dead-letters";

  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registryServer;
  private final SchemaRegistryClient registry;
  private final DetectorConfig topics = DetectorConfig.defaults();
  private final int partitions;

  private BenchPlatform(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registryServer, int partitions) {
    this.broker = broker;
    this.registryServer = registryServer;
    this.registry = SchemaRegistryClients.create(RegistryClientConfig.forUrl(registryServer.url()));
    this.partitions = partitions;
  }

  public static BenchPlatform start(int partitions) {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().defaultPartitions(partitions).start();
    BenchPlatform platform = new BenchPlatform(broker, EmbeddedSchemaRegistry.start(), partitions);
    platform.createTopics();
    return platform;
  }

  /** A simulated platform whose simulated days end yesterday, so no event is in the future. */
  public static SimulationConfig simulation(int accounts, int days, long seed) {
    Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days + 1L));
    return SimulationConfig.defaults(seed).withAccounts(accounts).withDays(days).withStart(start);
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String registryUrl() {
    return registryServer.url();
  }

  public SchemaRegistryClient registry() {
    return registry;
  }

  public DetectorConfig topics() {
    return topics;
  }

  public int partitions() {
    return partitions;
  }

  public Set<String> inputTopics() {
    return Set.copyOf(topics.inputTopics());
  }

  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  public void createTopics(java.util.Collection<String> names) {
    broker.createTopics(names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList());
  }

  private void createTopics() {
    broker.createTopics(List.of(
        new NewTopic(topics.profilesTopic(), partitions, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(topics.friendRequestsTopic(), partitions, (short) 1),
        new NewTopic(topics.messagesTopic(), partitions, (short) 1),
        new NewTopic(topics.safety().reportsTopic(), partitions, (short) 1),
        new NewTopic(topics.safety().verdictsTopic(), partitions, (short) 1),
        new NewTopic(topics.alertsTopic(), partitions, (short) 1),
        new NewTopic(DEAD_LETTER_TOPIC, partitions, (short) 1)));
  }

  @Override
  public void close() {
    registryServer.close();
    broker.close();
  }
}
