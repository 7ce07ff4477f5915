package org.targetwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;

/**
 * Records that cannot be read or break the contract — a wrong magic byte, an unknown schema id,
 * truncated Avro, a null key — land in the dead-letter topic with the reason and their origin in
 * headers, while the good records around them still produce the expected alerts.
 */
class PoisonPillsGoToDeadLettersTest {
  private static final String APP = "targetwatch-poison";

  @Test
  void poisonPillsAreDeadLetteredWithTheirReasonAndOriginWhileGoodRecordsStillRaiseAlerts(@TempDir Path state)
      throws Exception {
    PlatformScript platform = new PlatformScript(7);
    try (KafkaFixture kafka = new KafkaFixture(2);
        DetectorRuntime runtime = DetectorRuntime.start(kafka.config(APP, state))) {
      assertThat(runtime.awaitRunning(KafkaFixture.GIVE_UP_AFTER)).isTrue();
      kafka.produce(platform.background());
      kafka.awaitProcessed(APP);
      String topic = kafka.topics.friendRequestsTopic();
      List<List<SpecificRecord>> rounds = platform.rounds();
      for (int r = 0; r < rounds.size(); r++) {
        kafka.produce(rounds.get(r));
        if (r == 2) {
          byte[] good = kafka.serialize(event("poison-1"));
          byte[] wrongMagic = good.clone();
          wrongMagic[0] = 0x07;
          byte[] unknownId = good.clone();
          ByteBuffer.wrap(unknownId).putInt(1, 999_999);
          byte[] truncated = Arrays.copyOf(good, 9);
          long at = PlatformScript.START.toEpochMilli();
          kafka.send(topic, "poisoner", wrongMagic, at);
          kafka.send(topic, "poisoner", unknownId, at);
          kafka.send(topic, "poisoner", truncated, at);
          kafka.send(topic, null, kafka.serialize(event("poison-4")), at);
          kafka.flush();
        }
        kafka.awaitProcessed(APP);
      }

      List<ConsumerRecord<byte[], byte[]>> deadLetters = kafka.readCommitted(KafkaFixture.DEAD_LETTERS, 4);
      assertThat(deadLetters).hasSize(4);
      assertThat(deadLetters).extracting(r -> header(r, DeadLetteringDeserializationHandler.PROBLEM_HEADER))
          .containsExactlyInAnyOrder("WRONG_MAGIC_BYTE", "UNKNOWN_SCHEMA_ID", "CORRUPT_PAYLOAD", "INVALID_EVENT");
      Map<String, String> messages = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
        assertThat(header(letter, ExceptionHandlerUtils.HEADER_ERRORS_TOPIC_NAME)).isEqualTo(topic);
        assertThat(header(letter, ExceptionHandlerUtils.HEADER_ERRORS_PARTITION_NAME)).matches("[01]");
        assertThat(header(letter, ExceptionHandlerUtils.HEADER_ERRORS_OFFSET_NAME)).matches("\\d+");
        assertThat(header(letter, ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_NAME)).isNotBlank();
        messages.put(header(letter, DeadLetteringDeserializationHandler.PROBLEM_HEADER),
            header(letter, ExceptionHandlerUtils.HEADER_ERRORS_EXCEPTION_MESSAGE_NAME));
      }
      assertThat(messages.get("WRONG_MAGIC_BYTE")).contains("0x07");
      assertThat(messages.get("UNKNOWN_SCHEMA_ID")).contains("999999");
      assertThat(messages.get("INVALID_EVENT")).isNotBlank();
      assertThat(deadLetters).filteredOn(r -> "WRONG_MAGIC_BYTE".equals(header(r, DeadLetteringDeserializationHandler.PROBLEM_HEADER)))
          .allSatisfy(r -> assertThat(r.value()[0]).isEqualTo((byte) 0x07));

      List<Alert> alerts = kafka.committedAlerts();
      assertThat(alerts).extracting(PlatformScript::describe).containsExactlyInAnyOrderElementsOf(
          platform.expectedAlerts(kafka.config("reference", state).detector()).stream().map(PlatformScript::describe).toList());
      assertThat(runtime.meters().find("targetwatch.dead.letters").counters()).extracting(c -> c.getId().getTag("reason"))
          .containsExactlyInAnyOrder("WRONG_MAGIC_BYTE", "UNKNOWN_SCHEMA_ID", "CORRUPT_PAYLOAD", "INVALID_EVENT");
    }
  }

  private static FriendRequestEvent event(String id) {
    return FriendRequestEvent.newBuilder().setEventId(id).setOccurredAt(PlatformScript.START).setSenderId("poisoner")
        .setRecipientId("nobody").setAction(FriendRequestAction.SENT).build();
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
