package org.targetwatch.runtime.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.targetwatch.schema.Severity;

/** The type of a configuration value and how its text is read; each parser says why a text is wrong. */
public enum ConfigType {
  STRING("text"),
  /** Text that must not be printed: shown as {@code [hidden]} in the effective configuration. */
  PASSWORD("secret text"),
  INT("integer"),
  LONG("integer"),
  DOUBLE("number"),
  BOOLEAN("true or false"),
  /** A duration as a number and a unit: {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 28d}. */
  DURATION("duration (e.g. 500ms, 30s, 15m, 24h, 28d)"),
  SEVERITY("LOW, MEDIUM, HIGH or CRITICAL");

  private static final Pattern DURATION_TEXT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private final String description;

  ConfigType(String description) {
    this.description = description;
  }

  /** What a value of this type looks like, for documentation and error messages. */
  public String description() {
    return description;
  }

  /** Reads a text as this type. @throws IllegalArgumentException with a reason naming the expected form */
  public Object parse(String text) {
    String value = text.trim();
    try {
      return switch (this) {
        case STRING, PASSWORD -> value;
        case INT -> Integer.parseInt(value);
        case LONG -> Long.parseLong(value);
        case DOUBLE -> Double.parseDouble(value);
        case BOOLEAN -> parseBoolean(value);
        case DURATION -> parseDuration(value);
        case SEVERITY -> Severity.valueOf(value.toUpperCase(Locale.ROOT));
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected " + description + ", got '" + value + "'");
    }
  }

  private static boolean parseBoolean(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new IllegalArgumentException(value);
  }

  static Duration parseDuration(String value) {
    Matcher m = DURATION_TEXT.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(value);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
