package org.targetwatch.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.builder()
        .defaultPartitions(3)
        .brokerProperty("log.retention.ms", "604800001")
        .start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void theBrokerListensOnLoopbackOnly() {
    assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void aTopicCreatedWithFourPartitionsHasFourPartitionsAndItsConfigs() throws Exception {
    broker.createTopic("profiles-4", 4, Map.of("cleanup.policy", "compact"));

    try (Admin admin = adminFor(broker)) {
      int partitions = admin.describeTopics(List.of("profiles-4")).allTopicNames().get()
          .get("profiles-4").partitions().size();
      ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "profiles-4");
      Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);

      assertThat(partitions).isEqualTo(4);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void aTopicCreatedWithoutAPartitionCountGetsTheDefaultPartitions() throws Exception {
    broker.createTopics(List.of(new NewTopic("messages-default", Optional.empty(), Optional.empty())));

    try (Admin admin = adminFor(broker)) {
      int partitions = admin.describeTopics(List.of("messages-default")).allTopicNames().get()
          .get("messages-default").partitions().size();

      assertThat(partitions).isEqualTo(3);
    }
  }

  @Test
  void anExtraBrokerPropertyOverridesTheBrokerDefault() throws Exception {
    try (Admin admin = adminFor(broker)) {
      ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
      Config config = admin.describeConfigs(List.of(node)).all().get().get(node);

      assertThat(config.get("log.retention.ms").value()).isEqualTo("604800001");
    }
  }

  @Test
  void aReadCommittedConsumerSeesExactlyTheRecordsOfCommittedTransactions() {
    broker.createTopic("contacts-tx", 4, Map.of());

    try (KafkaProducer<String, String> producer = transactionalProducer(broker, "contacts-tx-writer")) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("contacts-tx", "sender-1", "committed-1"));
      producer.send(new ProducerRecord<>("contacts-tx", "sender-2", "committed-2"));
      producer.send(new ProducerRecord<>("contacts-tx", "sender-3", "committed-3"));
      producer.commitTransaction();

      producer.beginTransaction();
      producer.send(new ProducerRecord<>("contacts-tx", "sender-1", "aborted-1"));
      producer.send(new ProducerRecord<>("contacts-tx", "sender-4", "aborted-2"));
      producer.flush();
      producer.abortTransaction();

      // a commit after the abort, so a reader has to step over the aborted records to reach it
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("contacts-tx", "sender-2", "committed-4"));
      producer.commitTransaction();
    }

    List<String> values = CommittedRecords.readAtLeast(broker.bootstrapServers(), "contacts-tx", 4).stream()
        .map(ConsumerRecord::value)
        .toList();

    assertThat(values).containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3", "committed-4");
  }

  @Test
  void creatingATopicThatExistsFailsNamingTheTopic() {
    broker.createTopic("alerts-twice", 1, Map.of());

    assertThatThrownBy(() -> broker.createTopic("alerts-twice", 1, Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("alerts-twice")
        .hasMessageContaining("already exists");
  }

  @Test
  void aSecondBrokerRunsBesideTheFirstOnItsOwnPort() throws Exception {
    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start();
        Admin firstAdmin = adminFor(broker);
        Admin secondAdmin = adminFor(second)) {
      String firstCluster = firstAdmin.describeCluster().clusterId().get();
      String secondCluster = secondAdmin.describeCluster().clusterId().get();

      assertThat(second.bootstrapServers()).isNotEqualTo(broker.bootstrapServers());
      assertThat(secondCluster).isNotEqualTo(firstCluster);
    }
  }

  @Test
  void closingRemovesTheTemporaryDataDirectory() {
    EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.start();
    Path dataDirectory = temporary.dataDirectory();
    assertThat(dataDirectory.resolve("meta.properties")).exists();

    temporary.close();

    assertThat(dataDirectory).doesNotExist();
  }

  @Test
  void aKeptDataDirectoryKeepsItsTopicsAndRecordsAcrossARestart(@TempDir Path kept) throws Exception {
    Path dataDirectory = kept.resolve("kafka");
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDirectory(dataDirectory).start();
        KafkaProducer<String, String> producer = transactionalProducer(first, "restart-writer")) {
      first.createTopic("friend-requests-kept", 3, Map.of());
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("friend-requests-kept", "sender-1", "before-restart"));
      producer.commitTransaction();
    }
    assertThat(Files.exists(dataDirectory.resolve("meta.properties"))).isTrue();

    try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.builder().dataDirectory(dataDirectory).start()) {
      List<String> values = CommittedRecords.readAtLeast(second.bootstrapServers(), "friend-requests-kept", 1)
          .stream().map(ConsumerRecord::value).toList();

      assertThat(values).containsExactly("before-restart");
    }
    assertThat(dataDirectory).exists();
  }

  @Test
  void aBrokerWithAnInvalidPropertyFailsToStartNamingThePropertyBeforeFormattingItsDirectory(@TempDir Path parent) {
    Path dataDirectory = parent.resolve("never-started");

    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder()
            .dataDirectory(dataDirectory)
            .brokerProperty("num.io.threads", "several")
            .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not start")
        .hasMessageContaining("num.io.threads");
    assertThat(dataDirectory.resolve("meta.properties")).doesNotExist();
  }

  @Test
  void aBuilderRefusesZeroDefaultPartitions() {
    assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().defaultPartitions(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }

  static Admin adminFor(EmbeddedKafkaBroker broker) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  static KafkaProducer<String, String> transactionalProducer(EmbeddedKafkaBroker broker, String transactionalId) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
            ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}
