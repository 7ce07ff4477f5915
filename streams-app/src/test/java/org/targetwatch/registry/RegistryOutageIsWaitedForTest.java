package org.targetwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class RegistryOutageIsWaitedForTest {
  private static final Schema SCHEMA = SchemaBuilder.record("Thing").namespace("t").fields().requiredString("id").endRecord();

  @Test
  void aRegistryThatComesBackWhileTheClientWaitsAnswersTheQuestion() throws Exception {
    InMemorySchemaRegistry store = new InMemorySchemaRegistry();
    int id = store.register("things-value", SCHEMA);
    int port;
    try (EmbeddedSchemaRegistry probe = EmbeddedSchemaRegistry.start()) {
      port = probe.port(); // a port nobody listens on once the probe is closed
    }
    SchemaRegistryClient client = new WaitingForRegistryClient(
        new HttpSchemaRegistryClient(RegistryClientConfig.forUrl("http://127.0.0.1:" + port)), Duration.ofSeconds(30));

    CompletableFuture<Schema> answer = CompletableFuture.supplyAsync(() -> client.schemaById(id));
    Thread.sleep(1_000);
    assertThat(answer).as("still waiting while the registry is down").isNotDone();
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder().port(port).store(store).start()) {
      assertThat(answer.get()).isEqualTo(SCHEMA);
    }
  }

  @Test
  void aRegistryThatAnswersNotFoundIsNotWaitedFor() {
    try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start()) {
      SchemaRegistryClient client = new WaitingForRegistryClient(
          new HttpSchemaRegistryClient(RegistryClientConfig.forUrl(registry.url())), Duration.ofMinutes(5));
      assertThatThrownBy(() -> client.schemaById(42))
          .isInstanceOf(SchemaRegistryException.class)
          .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(404));
      assertThat(registry.requestCount()).as("asked once").isEqualTo(1);
    }
  }

  @Test
  void aRegistryThatStaysDownFailsTheQuestionOnceTheWaitIsOver() {
    int port;
    try (EmbeddedSchemaRegistry probe = EmbeddedSchemaRegistry.start()) {
      port = probe.port();
    }
    SchemaRegistryClient client = new WaitingForRegistryClient(
        new HttpSchemaRegistryClient(RegistryClientConfig.forUrl("http://127.0.0.1:" + port)), Duration.ofSeconds(1));
    assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("connection refused");
  }
}
