package org.targetwatch.runtime;

import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.targetwatch.schema.Alert;
import org.targetwatch.topology.DetectorMetrics;
import org.targetwatch.topology.EventSerdes;

/**
 * The event serdes with counting around them: a record read from an input topic counts as an
 * event of its type once deserialized, an alert counts when it is serialized for the alert topic.
 * Counting in the serdes keeps the topology (and its snapshot) unchanged.
 */
final class CountingSerdes {
  private CountingSerdes() {}

  static EventSerdes wrap(EventSerdes serdes, DetectorMetrics metrics) {
    return new EventSerdes(
        counting(serdes.profile(), v -> metrics.eventRead("profile")),
        counting(serdes.friendRequest(), v -> metrics.eventRead("friend_request")),
        counting(serdes.message(), v -> metrics.eventRead("message")),
        counting(serdes.safetyReport(), v -> metrics.eventRead("safety_report")),
        counting(serdes.reviewVerdict(), v -> metrics.eventRead("review_verdict")),
        countingWrites(serdes.alert(), (Alert alert) -> metrics.alert(alert.getSeverity())));
  }

  private static <T> Serde<T> counting(Serde<T> serde, Consumer<T> onRead) {
    Deserializer<T> inner = serde.deserializer();
    Deserializer<T> deserializer = new Deserializer<>() {
      @Override
      public T deserialize(String topic, byte[] data) {
        return counted(inner.deserialize(topic, data));
      }

      @Override
      public T deserialize(String topic, Headers headers, byte[] data) {
        return counted(inner.deserialize(topic, headers, data));
      }

      private T counted(T value) {
        if (value != null) {
          onRead.accept(value);
        }
        return value;
      }

      @Override
      public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
    return Serdes.serdeFrom(serde.serializer(), deserializer);
  }

  private static <T> Serde<T> countingWrites(Serde<T> serde, Consumer<T> onWrite) {
    Serializer<T> inner = serde.serializer();
    Serializer<T> serializer = new Serializer<>() {
      @Override
      public byte[] serialize(String topic, T value) {
        byte[] bytes = inner.serialize(topic, value);
        if (value != null) {
          onWrite.accept(value);
        }
        return bytes;
      }

      @Override
      public byte[] serialize(String topic, Headers headers, T value) {
        byte[] bytes = inner.serialize(topic, headers, value);
        if (value != null) {
          onWrite.accept(value);
        }
        return bytes;
      }

      @Override
      public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        inner.configure(configs, isKey);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
    return Serdes.serdeFrom(serializer, serde.deserializer());
  }
}
