package org.targetwatch.serde;

import org.apache.kafka.common.errors.SerializationException;
import org.targetwatch.registry.SchemaRegistryException;

/**
 * A record that is not, or cannot become, Avro in the Confluent wire format. Each message is one
 * precise line (it ends up in dead-letter headers): which topic, which schema id, what is wrong
 * with which bytes. Messages never quote the payload (it may hold personal data).
 */
public class WireFormatException extends SerializationException {

  /** Used for {@link #schemaId()} when the record has no readable schema id. */
  public static final int NO_SCHEMA_ID = -1;

  private final WireFormatProblem problem;
  private final String topic;
  private final int schemaId;

  public WireFormatException(WireFormatProblem problem, String topic, int schemaId, String message, Throwable cause) {
    super(message, cause);
    this.problem = problem;
    this.topic = topic;
    this.schemaId = schemaId;
  }

  public WireFormatProblem problem() {
    return problem;
  }

  public String topic() {
    return topic;
  }

  /** The schema id in the record's header, or {@link #NO_SCHEMA_ID}. */
  public int schemaId() {
    return schemaId;
  }

  static WireFormatException tooShort(String topic, int length) {
    return new WireFormatException(WireFormatProblem.TOO_SHORT, topic, NO_SCHEMA_ID, "Record on topic '" + topic
        + "' is too short for the Confluent wire format: " + length + " bytes, the header alone needs "
        + ConfluentWireFormat.HEADER_SIZE + " (magic byte 0x00 and a 4-byte schema id)", null);
  }

  static WireFormatException wrongMagicByte(String topic, byte found) {
    return new WireFormatException(WireFormatProblem.WRONG_MAGIC_BYTE, topic, NO_SCHEMA_ID, "Record on topic '" + topic
        + "' is not in the Confluent wire format: magic byte is " + hex(found) + ", expected "
        + hex(ConfluentWireFormat.MAGIC_BYTE), null);
  }

  static WireFormatException writerSchemaUnavailable(String topic, int schemaId, SchemaRegistryException cause) {
    boolean unknown = cause.httpStatus() == 404;
    String what = unknown ? "has an unknown schema id " + schemaId : "has schema id " + schemaId + " but its writer schema could not be fetched";
    return new WireFormatException(unknown ? WireFormatProblem.UNKNOWN_SCHEMA_ID : WireFormatProblem.REGISTRY_UNAVAILABLE,
        topic, schemaId, "Record on topic '" + topic + "' " + what + ": " + cause.getMessage(), cause);
  }

  static WireFormatException incompatibleWriterSchema(String topic, int schemaId, String writerName, String readerName, String details) {
    return new WireFormatException(WireFormatProblem.INCOMPATIBLE_WRITER_SCHEMA, topic, schemaId, "Record on topic '" + topic
        + "' was written with schema id " + schemaId + " (" + writerName + ") which the reader " + readerName
        + " cannot read: " + oneLine(details), null);
  }

  static WireFormatException corruptPayload(String topic, int schemaId, int payloadBytes, Throwable cause) {
    return new WireFormatException(WireFormatProblem.CORRUPT_PAYLOAD, topic, schemaId, "Record on topic '" + topic
        + "' with schema id " + schemaId + " has a truncated or corrupt Avro payload (" + payloadBytes
        + " bytes after the " + ConfluentWireFormat.HEADER_SIZE + "-byte header): " + describe(cause), cause);
  }

  static WireFormatException trailingBytes(String topic, int schemaId, int payloadBytes, int unread) {
    return new WireFormatException(WireFormatProblem.CORRUPT_PAYLOAD, topic, schemaId, "Record on topic '" + topic
        + "' with schema id " + schemaId + " has a corrupt Avro payload: " + unread + " of its " + payloadBytes
        + " bytes after the header are left over after decoding", null);
  }

  static WireFormatException registryRefused(String topic, String subject, SchemaRegistryException cause) {
    boolean notRegistered = cause.httpStatus() == 404;
    String what = notRegistered
        ? "its schema is not registered under subject '" + subject + "' and auto.register.schemas is false"
        : "the registry did not give a schema id for subject '" + subject + "'";
    return new WireFormatException(notRegistered ? WireFormatProblem.ENCODING_FAILED : WireFormatProblem.REGISTRY_UNAVAILABLE,
        topic, NO_SCHEMA_ID, "Cannot serialize a record for topic '" + topic + "': " + what + ": " + cause.getMessage(), cause);
  }

  static WireFormatException encodingFailed(String topic, int schemaId, String recordType, Throwable cause) {
    return new WireFormatException(WireFormatProblem.ENCODING_FAILED, topic, schemaId, "Cannot encode a " + recordType
        + " for topic '" + topic + "' with schema id " + schemaId + ": " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + oneLine(message));
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").trim();
  }

  private static String hex(byte value) {
    return String.format("0x%02X", value & 0xFF);
  }
}
