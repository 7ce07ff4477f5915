package org.targetwatch.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.registry.HttpSchemaRegistryClient;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.topology.DetectorConfig;

class LocalClusterKeepsItsDataTest {
  private static final DetectorConfig TOPICS = DetectorConfig.defaults();
  private static final Schema THING = SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id").endRecord();

  @Test
  void aClusterRestartedOnItsDataDirectoryKeepsTopicsRecordsOffsetsSchemasAndAddresses(@TempDir Path data) throws Exception {
    String bootstrap;
    String registryUrl;
    int schemaId;
    try (LocalCluster cluster = LocalCluster.start(data, LocalCluster.Ports.ANY, 2, TOPICS, "dead-letters")) {
      assertThat(cluster.createdTopics()).containsExactlyInAnyOrder(TOPICS.profilesTopic(), TOPICS.friendRequestsTopic(),
          TOPICS.messagesTopic(), TOPICS.safety().reportsTopic(), TOPICS.safety().verdictsTopic(), TOPICS.alertsTopic(),
          "dead-letters");
      bootstrap = cluster.bootstrapServers();
      registryUrl = cluster.registryUrl();
      schemaId = new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registryUrl)).register("messages-value", THING);
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          bootstrap), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>(TOPICS.messagesTopic(), 0, "a1", "one")).get();
        producer.send(new ProducerRecord<>(TOPICS.messagesTopic(), 0, "a1", "two")).get();
      }
      try (Admin admin = admin(bootstrap)) {
        admin.alterConsumerGroupOffsets("some-app", Map.of(new TopicPartition(TOPICS.messagesTopic(), 0),
            new OffsetAndMetadata(1))).all().get();
      }
    }

    try (LocalCluster again = LocalCluster.start(data, LocalCluster.Ports.ANY, 2, TOPICS, "dead-letters");
        Admin admin = admin(again.bootstrapServers())) {
      assertThat(again.createdTopics()).as("topics created by the restart").isEmpty();
      assertThat(again.bootstrapServers()).isEqualTo(bootstrap);
      assertThat(again.registryUrl()).isEqualTo(registryUrl);
      assertThat(new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(again.registryUrl())).schemaById(schemaId))
          .isEqualTo(THING);
      TopicPartition messages0 = new TopicPartition(TOPICS.messagesTopic(), 0);
      assertThat(admin.listOffsets(Map.of(messages0, org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get()
          .get(messages0).offset()).as("records kept").isEqualTo(2);
      assertThat(admin.listConsumerGroupOffsets("some-app").partitionsToOffsetAndMetadata().get().get(messages0).offset())
          .as("committed offset kept").isEqualTo(1);
      assertThat(admin.listTopics().names().get()).containsAll(List.of(TOPICS.profilesTopic(), TOPICS.alertsTopic()));
    }
  }

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis()));
  }
}
