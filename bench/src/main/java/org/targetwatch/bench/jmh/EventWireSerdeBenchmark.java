package org.targetwatch.bench.jmh;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.topology.EventSerdes;

/**
 * The input topics' serdes: Avro in the Confluent wire format (magic byte, schema id, Avro binary),
 * as every source record of {@code friend-requests} and {@code messages} is read. The registry is
 * in memory, so after the first call this is the serde's own cost (schema id look-up cached).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventWireSerdeBenchmark {
  private static final String MESSAGES = "messages";
  private static final String FRIEND_REQUESTS = "friend-requests";

  private Serializer<MessageEvent> messageSerializer;
  private Deserializer<MessageEvent> messageDeserializer;
  private Serializer<FriendRequestEvent> requestSerializer;
  private Deserializer<FriendRequestEvent> requestDeserializer;
  private MessageEvent message;
  private FriendRequestEvent request;
  private byte[] messageBytes;
  private byte[] requestBytes;

  @Setup
  public void setUp() {
    EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
    messageSerializer = serdes.message().serializer();
    messageDeserializer = serdes.message().deserializer();
    requestSerializer = serdes.friendRequest().serializer();
    requestDeserializer = serdes.friendRequest().deserializer();
    Instant at = Instant.ofEpochMilli(BenchAccounts.START_MS);
    message = new MessageEvent("m-000001234567", at, BenchAccounts.accountId(17), BenchAccounts.accountId(4242),
        "c-00000099", false);
    request = new FriendRequestEvent("r-000001234567", at, BenchAccounts.accountId(17), BenchAccounts.accountId(4242),
        FriendRequestAction.SENT);
    messageBytes = messageSerializer.serialize(MESSAGES, message);
    requestBytes = requestSerializer.serialize(FRIEND_REQUESTS, request);
  }

  @Benchmark
  public byte[] serializeMessage() {
    return messageSerializer.serialize(MESSAGES, message);
  }

  @Benchmark
  public MessageEvent deserializeMessage() {
    return messageDeserializer.deserialize(MESSAGES, messageBytes);
  }

  @Benchmark
  public byte[] serializeFriendRequest() {
    return requestSerializer.serialize(FRIEND_REQUESTS, request);
  }

  @Benchmark
  public FriendRequestEvent deserializeFriendRequest() {
    return requestDeserializer.deserialize(FRIEND_REQUESTS, requestBytes);
  }
}
