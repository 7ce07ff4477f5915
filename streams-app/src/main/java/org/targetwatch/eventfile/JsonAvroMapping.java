package org.targetwatch.eventfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one place that maps JSON lines to Avro records and back, driven by the Avro schema: JSON
 * field names are the Avro field names; a field without a default is required; timestamps
 * ({@code timestamp-millis}) are ISO-8601 UTC instants or epoch milliseconds in, ISO-8601 out;
 * enums by symbol, except the age bands, whose JSON names {@code 13_15} and {@code 16_17} cannot be
 * Avro symbols and are {@code AGE_13_15} and {@code AGE_16_17} in Avro; unknown fields are ignored;
 * optional fields that are null are left out when writing.
 */
public final class JsonAvroMapping {
  private static final String AGE_PREFIX = "AGE_";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonAvroMapping() {}

  /** Builds the Avro record of {@code type} from a JSON object. */
  public static SpecificRecord fromJson(RecordType type, JsonNode json) throws BadLineException {
    Schema schema = SpecificData.get().getSchema(type.avroClass());
    return (SpecificRecord) readRecord(schema, json, type.jsonName(), "");
  }

  public static ObjectNode toJson(SpecificRecord record) {
    RecordType type = RecordType.of(record);
    ObjectNode json = NODES.objectNode();
    json.put("type", type.jsonName());
    writeFields(record.getSchema(), record, json);
    return json;
  }

  private static Object readRecord(Schema schema, JsonNode json, String what, String path) throws BadLineException {
    if (!json.isObject()) {
      throw new BadLineException(what + ": field '" + path + "' must be an object");
    }
    SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      JsonNode value = json.get(field.name());
      if (value == null || value.isNull()) {
        if (!field.hasDefaultValue()) {
          throw new BadLineException(what + ": missing required field '" + fieldPath + "'");
        }
        record.put(field.pos(), SpecificData.get().getDefaultValue(field));
      } else {
        record.put(field.pos(), readValue(field.schema(), value, what, fieldPath));
      }
    }
    return record;
  }

  private static Object readValue(Schema schema, JsonNode value, String what, String path) throws BadLineException {
    switch (schema.getType()) {
      case UNION:
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return readValue(branch, value, what, path);
          }
        }
        return null;
      case STRING:
        if (!value.isTextual()) {
          throw new BadLineException(what + ": field '" + path + "' must be a string");
        }
        return value.textValue();
      case BOOLEAN:
        if (!value.isBoolean()) {
          throw new BadLineException(what + ": field '" + path + "' must be true or false");
        }
        return value.booleanValue();
      case INT:
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
          throw new BadLineException(what + ": field '" + path + "' must be a whole number");
        }
        return value.intValue();
      case DOUBLE:
      case FLOAT:
        if (!value.isNumber()) {
          throw new BadLineException(what + ": field '" + path + "' must be a number");
        }
        return schema.getType() == Schema.Type.FLOAT ? (Object) value.floatValue() : (Object) value.doubleValue();
      case LONG:
        if (isTimestamp(schema)) {
          return readInstant(value, what, path);
        }
        if (!value.isIntegralNumber()) {
          throw new BadLineException(what + ": field '" + path + "' must be a whole number");
        }
        return value.longValue();
      case ENUM:
        return readEnum(schema, value, what, path);
      case ARRAY:
        if (!value.isArray()) {
          throw new BadLineException(what + ": field '" + path + "' must be a list");
        }
        List<Object> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
          items.add(readValue(schema.getElementType(), item, what, path + "[]"));
        }
        return items;
      case RECORD:
        return readRecord(schema, value, what, path);
      default:
        throw new BadLineException(what + ": field '" + path + "' has an unsupported type " + schema.getType());
    }
  }

  private static Instant readInstant(JsonNode value, String what, String path) throws BadLineException {
    if (value.isIntegralNumber()) {
      return Instant.ofEpochMilli(value.longValue());
    }
    if (value.isTextual()) {
      String text = value.textValue();
      try {
        return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS); // the schema holds milliseconds
      } catch (DateTimeParseException notUtc) {
        try {
          return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
          throw new BadLineException(what + ": field '" + path + "' is not an ISO-8601 instant or epoch milliseconds: '"
              + abbreviate(text) + "'");
        }
      }
    }
    throw new BadLineException(what + ": field '" + path + "' must be an ISO-8601 instant or epoch milliseconds");
  }

  private static Object readEnum(Schema schema, JsonNode value, String what, String path) throws BadLineException {
    if (value.isTextual()) {
      String symbol = value.textValue();
      if (schema.hasEnumSymbol(symbol)) {
        return SpecificData.get().createEnum(symbol, schema);
      }
      if (!symbol.isEmpty() && Character.isDigit(symbol.charAt(0)) && schema.hasEnumSymbol(AGE_PREFIX + symbol)) {
        return SpecificData.get().createEnum(AGE_PREFIX + symbol, schema);
      }
    }
    List<String> allowed = schema.getEnumSymbols().stream().map(JsonAvroMapping::jsonSymbol).toList();
    throw new BadLineException(what + ": field '" + path + "' has bad value '" + abbreviate(value.asText())
        + "' (expected one of " + String.join(", ", allowed) + ")");
  }

  private static void writeFields(Schema schema, SpecificRecord record, ObjectNode json) {
    for (Schema.Field field : schema.getFields()) {
      Object value = record.get(field.pos());
      if (value != null) {
        json.set(field.name(), writeValue(field.schema(), value));
      }
    }
  }

  private static JsonNode writeValue(Schema schema, Object value) {
    switch (schema.getType()) {
      case UNION:
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            return writeValue(branch, value);
          }
        }
        return NODES.nullNode();
      case STRING:
        return NODES.textNode(value.toString());
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case INT:
        return NODES.numberNode((Integer) value);
      case DOUBLE:
        return NODES.numberNode((Double) value);
      case FLOAT:
        return NODES.numberNode((Float) value);
      case LONG:
        return value instanceof Instant instant ? NODES.textNode(instant.toString()) : NODES.numberNode((Long) value);
      case ENUM:
        return NODES.textNode(jsonSymbol(value.toString()));
      case ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (Object item : (List<?>) value) {
          array.add(writeValue(schema.getElementType(), item));
        }
        return array;
      case RECORD:
        ObjectNode object = NODES.objectNode();
        writeFields(schema, (SpecificRecord) value, object);
        return object;
      default:
        throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
    }
  }

  static String jsonSymbol(String avroSymbol) {
    return avroSymbol.startsWith(AGE_PREFIX) && avroSymbol.length() > AGE_PREFIX.length()
        && Character.isDigit(avroSymbol.charAt(AGE_PREFIX.length()))
        ? avroSymbol.substring(AGE_PREFIX.length())
        : avroSymbol;
  }

  private static boolean isTimestamp(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    return logical instanceof LogicalTypes.TimestampMillis;
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
