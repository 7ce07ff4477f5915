package org.targetwatch.topology;

import org.apache.kafka.common.serialization.Serde;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.schema.ReviewVerdict;
import org.targetwatch.schema.SafetyReport;
import org.targetwatch.serde.AvroSerde;

/** The value serdes of the user topics (keys are account ids as UTF-8 strings). */
public record EventSerdes(
    Serde<Profile> profile,
    Serde<FriendRequestEvent> friendRequest,
    Serde<MessageEvent> message,
    Serde<SafetyReport> safetyReport,
    Serde<ReviewVerdict> reviewVerdict,
    Serde<Alert> alert) {

  /** Avro in the Confluent wire format, all six serdes sharing one registry client (and its caches). */
  public static EventSerdes confluent(SchemaRegistryClient registry) {
    return new EventSerdes(AvroSerde.of(Profile.class, registry), AvroSerde.of(FriendRequestEvent.class, registry),
        AvroSerde.of(MessageEvent.class, registry), AvroSerde.of(SafetyReport.class, registry),
        AvroSerde.of(ReviewVerdict.class, registry), AvroSerde.of(Alert.class, registry));
  }
}
