package org.targetwatch.eventfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed access to the fields of one JSON object of a line, applying the contract's rules: a
 * required field that is absent or null is missing, an optional one that is absent or null takes
 * its default, a value of the wrong JSON type or a bad enum value or timestamp is an error. Every
 * error names the record kind and the field; values are quoted shortened and never span lines.
 */
final class JsonFields {

  private static final int MAX_QUOTED_CHARS = 40;

  private final String kind;
  private final JsonNode object;

  /**
   * @param kind how errors name the object, e.g. {@code friend_request} or {@code alert: evidence}
   */
  JsonFields(String kind, JsonNode object) {
    this.kind = kind;
    this.object = object;
  }

  String kind() {
    return kind;
  }

  String requiredString(String name) throws EventFormatException {
    JsonNode value = required(name);
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return value.textValue();
  }

  /** The string, or null when the field is absent or null. */
  String optionalString(String name) throws EventFormatException {
    JsonNode value = optional(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return value.textValue();
  }

  Instant requiredTimestamp(String name) throws EventFormatException {
    return timestamp(name, required(name));
  }

  /** The timestamp, or null when the field is absent or null. */
  Instant optionalTimestamp(String name) throws EventFormatException {
    JsonNode value = optional(name);
    return value == null ? null : timestamp(name, value);
  }

  boolean booleanOr(String name, boolean defaultValue) throws EventFormatException {
    JsonNode value = optional(name);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "a boolean", value);
    }
    return value.booleanValue();
  }

  double requiredDouble(String name) throws EventFormatException {
    return number(name, required(name));
  }

  double doubleOr(String name, double defaultValue) throws EventFormatException {
    JsonNode value = optional(name);
    return value == null ? defaultValue : number(name, value);
  }

  /** The number, or null when the field is absent or null. */
  Double optionalDouble(String name) throws EventFormatException {
    JsonNode value = optional(name);
    return value == null ? null : number(name, value);
  }

  int intOr(String name, int defaultValue) throws EventFormatException {
    JsonNode value = optional(name);
    if (value == null) {
      return defaultValue;
    }
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      return value.intValue();
    }
    // a producer that writes every number as a float (3.0) still writes a whole number
    if (value.isFloatingPointNumber()) {
      double d = value.doubleValue();
      if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
        return (int) d;
      }
    }
    throw wrongType(name, "a whole number", value);
  }

  /** The list of strings; empty when the field is absent or null. */
  List<String> stringListOr(String name) throws EventFormatException {
    JsonNode value = optional(name);
    if (value == null) {
      return new ArrayList<>();
    }
    if (!value.isArray()) {
      throw wrongType(name, "a list of strings", value);
    }
    List<String> strings = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw fail("field '" + name + "' must be a list of strings, has " + describe(element));
      }
      strings.add(element.textValue());
    }
    return strings;
  }

  <E extends Enum<E>> E requiredEnum(String name, Class<E> type) throws EventFormatException {
    return requiredSymbol(name, symbol -> valueOrNull(type, symbol), symbolsOf(type));
  }

  /** An optional enum field: null when absent or null, an error when it is not one of the symbols. */
  <E extends Enum<E>> E optionalEnum(String name, Class<E> type) throws EventFormatException {
    return symbolOr(name, symbol -> valueOrNull(type, symbol), symbolsOf(type), null);
  }

  /**
   * A required enum field whose JSON symbols differ from the Java names (the age bands).
   *
   * @param fromJson the enum value of a JSON symbol, or null when the symbol is unknown
   * @param expected the JSON symbols, for the error message
   */
  <E> E requiredSymbol(String name, Function<String, E> fromJson, String expected)
      throws EventFormatException {
    String symbol = requiredString(name);
    E value = fromJson.apply(symbol);
    if (value == null) {
      throw badSymbol(name, symbol, expected);
    }
    return value;
  }

  /** Like {@link #requiredSymbol} but with a default when the field is absent or null. */
  <E> E symbolOr(String name, Function<String, E> fromJson, String expected, E defaultValue)
      throws EventFormatException {
    String symbol = optionalString(name);
    if (symbol == null) {
      return defaultValue;
    }
    E value = fromJson.apply(symbol);
    if (value == null) {
      throw badSymbol(name, symbol, expected);
    }
    return value;
  }

  JsonFields requiredObject(String name) throws EventFormatException {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw wrongType(name, "an object", value);
    }
    return new JsonFields(kind + ": " + name, value);
  }

  /** The objects of a required list field, each named {@code name[i]} in errors. */
  List<JsonFields> requiredObjectList(String name) throws EventFormatException {
    JsonNode value = required(name);
    if (!value.isArray()) {
      throw wrongType(name, "a list", value);
    }
    List<JsonFields> objects = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isObject()) {
        throw fail("field '" + name + "' must be a list of objects, element " + i + " is " + describe(element));
      }
      objects.add(new JsonFields(kind + ": " + name + "[" + i + "]", element));
    }
    return objects;
  }

  EventFormatException fail(String problem) {
    return new EventFormatException(kind + ": " + problem);
  }

  /** A value from the file, quoted for an error message: shortened, on one line. */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED_CHARS) + 5).append('\'');
    int end = Math.min(value.length(), MAX_QUOTED_CHARS);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      quoted.append(Character.isISOControl(c) ? '?' : c);
    }
    if (value.length() > MAX_QUOTED_CHARS) {
      quoted.append("...");
    }
    return quoted.append('\'').toString();
  }

  private static String shortened(String text) {
    return text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
  }

  /** {@code a string}, {@code a number}, ... : how an error names the JSON type it found. */
  static String describe(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case OBJECT:
        return "an object";
      case ARRAY:
        return "a list";
      case NULL:
        return "null";
      default:
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private JsonNode required(String name) throws EventFormatException {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw fail("missing required field '" + name + "'");
    }
    return value;
  }

  private JsonNode optional(String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private double number(String name, JsonNode value) throws EventFormatException {
    if (!value.isNumber()) {
      throw wrongType(name, "a number", value);
    }
    return value.doubleValue();
  }

  /**
   * An ISO-8601 UTC instant (fractions allowed) or epoch milliseconds as a JSON number, at the
   * millisecond precision of Avro's timestamp-millis (finer fractions are dropped).
   */
  private Instant timestamp(String name, JsonNode value) throws EventFormatException {
    if (value.isTextual()) {
      String text = value.textValue();
      try {
        Instant instant = IsoInstants.parse(text).truncatedTo(ChronoUnit.MILLIS);
        instant.toEpochMilli(); // the range Avro can carry
        return instant;
      } catch (DateTimeException | ArithmeticException e) {
        throw fail("field '" + name + "' is not an ISO-8601 UTC instant: " + quote(text));
      }
    }
    if (value.isNumber()) {
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return Instant.ofEpochMilli(value.longValue());
      }
      double millis = value.doubleValue();
      if (value.isFloatingPointNumber() && Double.isFinite(millis) && Math.abs(millis) < 9.0e18) {
        return Instant.ofEpochMilli((long) Math.floor(millis));
      }
      throw fail("field '" + name + "' is out of the range of epoch milliseconds: " + shortened(value.asText()));
    }
    throw wrongType(name, "an ISO-8601 UTC instant or epoch milliseconds", value);
  }

  private EventFormatException wrongType(String name, String expected, JsonNode value) {
    return fail("field '" + name + "' must be " + expected + ", was " + describe(value));
  }

  private EventFormatException badSymbol(String name, String symbol, String expected) {
    return fail("field '" + name + "' has unknown value " + quote(symbol) + " (expected " + expected + ")");
  }

  private static <E extends Enum<E>> E valueOrNull(Class<E> type, String symbol) {
    try {
      return Enum.valueOf(type, symbol);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  /** The symbols of an enum as an error lists them; made once per enum, not once per field read. */
  private static final ClassValue<String> SYMBOLS = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return Arrays.stream(type.getEnumConstants()).map(symbol -> ((Enum<?>) symbol).name())
          .collect(Collectors.joining(", "));
    }
  };

  private static String symbolsOf(Class<? extends Enum<?>> type) {
    return SYMBOLS.get(type);
  }
}
