package org.targetwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.FriendRequestEvent;

/** {@code mock://scope} URLs share one in-memory registry per scope, as Confluent's serdes do. */
class MockScopeSerdeTest {

  private static final String SCOPE = "mock-scope-serde-test";

  @AfterEach
  void dropScope() {
    InMemorySchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void twoSerdesConfiguredWithTheSameMockScopeShareTheirSchemas() {
    AvroSerde<FriendRequestEvent> writer = new AvroSerde<>(FriendRequestEvent.class);
    writer.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);
    AvroSerde<FriendRequestEvent> reader = new AvroSerde<>(FriendRequestEvent.class);
    reader.configure(Map.of("schema.registry.url", "mock://" + SCOPE), false);

    byte[] wire = writer.serializer().serialize("friend-requests", ContractRecords.friendRequestSent());
    FriendRequestEvent back = reader.deserializer().deserialize("friend-requests", wire);

    assertThat(back).isEqualTo(ContractRecords.friendRequestSent());
    assertThat(InMemorySchemaRegistry.forScope(SCOPE).subjects()).containsExactly("friend-requests-value");
  }

  @Test
  void aDroppedScopeStartsEmpty() {
    InMemorySchemaRegistry.forScope(SCOPE).register("x-value", FriendRequestEvent.getClassSchema());

    InMemorySchemaRegistry.dropScope(SCOPE);

    assertThat(InMemorySchemaRegistry.forScope(SCOPE).subjects()).isEmpty();
  }
}
