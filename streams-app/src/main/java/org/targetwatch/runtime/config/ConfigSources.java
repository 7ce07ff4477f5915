package org.targetwatch.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the configuration layers in their one precedence — defaults, then the properties file, then
 * the environment, then {@code --set} on the command line — each later layer overriding earlier ones.
 * A key set twice with different values within one layer is an error (it is not clear which one is
 * meant); the same value twice is allowed.
 *
 * <p>Environment: {@code TARGETWATCH_FOO_BAR} sets {@code foo.bar}; {@code KAFKA_SASL_MECHANISM} sets
 * {@code kafka.sasl.mechanism} when {@code sasl.mechanism} is a Kafka client setting (other
 * {@code KAFKA_*} variables, such as {@code KAFKA_HOME} or {@code KAFKA_OPTS} of Kafka's own scripts,
 * are not ours and are ignored).
 */
public final class ConfigSources {
  static final String ENV_PREFIX = "TARGETWATCH_";
  static final String KAFKA_ENV_PREFIX = "KAFKA_";

  private ConfigSources() {}

  /** The merged values (the highest layer wins per key). @throws InvalidConfigurationException on conflicts or unreadable lines */
  public static Map<String, ConfigValue> read(Optional<Path> file, Map<String, String> environment, List<String> sets) {
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, ConfigValue> merged = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      if (key.hasDefault()) {
        merged.put(key.name(), new ConfigValue(key.name(), key.defaultValue(), "default"));
      }
    }
    file.ifPresent(path -> merged.putAll(fromFile(path, problems)));
    merged.putAll(fromEnvironment(environment, problems));
    merged.putAll(fromCommandLine(sets, problems));
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
    return merged;
  }

  /**
   * A properties file: {@code key=value} (or {@code key: value}) a line, {@code #} or {@code !}
   * comments, a trailing backslash continues a value on the next line (JAAS configs).
   */
  static Map<String, ConfigValue> fromFile(Path path, List<ConfigProblem> problems) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(new ConfigProblem("--config", "cannot read " + path + ": " + e.getMessage()));
      return Map.of();
    }
    String name = path.getFileName().toString();
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      while (line.endsWith("\\") && i + 1 < lines.size()) {
        logical.append(line, 0, line.length() - 1);
        line = lines.get(++i).strip();
      }
      logical.append(line);
      String text = logical.toString();
      int separator = separatorIndex(text);
      if (separator <= 0) {
        String key = text.split("\\s+")[0];
        problems.add(new ConfigProblem(key, name + " line " + lineNumber + " does not parse: expected key=value"));
        continue;
      }
      String key = text.substring(0, separator).strip();
      String value = text.substring(separator + 1).strip();
      put(values, new ConfigValue(key, value, name + ":" + lineNumber), problems);
    }
    return values;
  }

  static Map<String, ConfigValue> fromEnvironment(Map<String, String> environment, List<ConfigProblem> problems) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    environment.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(variable -> {
      String name = variable.getKey();
      String key = null;
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        key = toKey(name.substring(ENV_PREFIX.length()));
      } else if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
        String candidate = ConfigKeys.KAFKA_PREFIX + toKey(name.substring(KAFKA_ENV_PREFIX.length()));
        if (KafkaClientKeys.isClientSetting(candidate.substring(ConfigKeys.KAFKA_PREFIX.length()))) {
          key = candidate;
        }
      }
      if (key != null) {
        put(values, new ConfigValue(key, variable.getValue(), "env " + name), problems);
      }
    });
    return values;
  }

  static Map<String, ConfigValue> fromCommandLine(List<String> sets, List<ConfigProblem> problems) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (String set : sets) {
      int separator = set.indexOf('=');
      if (separator <= 0) {
        problems.add(new ConfigProblem("--set", "'" + set + "' does not parse: expected key=value"));
        continue;
      }
      put(values, new ConfigValue(set.substring(0, separator).strip(), set.substring(separator + 1).strip(), "--set"),
          problems);
    }
    return values;
  }

  private static void put(Map<String, ConfigValue> layer, ConfigValue value, List<ConfigProblem> problems) {
    ConfigValue earlier = layer.get(value.key());
    if (earlier != null && !earlier.text().equals(value.text())) {
      boolean secret = isSecret(value.key());
      problems.add(new ConfigProblem(value.key(), "set twice with different values: "
          + shown(earlier, secret) + " (" + earlier.source() + ") and " + shown(value, secret) + " (" + value.source() + ")"));
      return;
    }
    layer.put(value.key(), value);
  }

  private static String shown(ConfigValue value, boolean secret) {
    return secret ? "[hidden]" : "'" + value.text() + "'";
  }

  static boolean isSecret(String key) {
    return ConfigKeys.find(key).map(ConfigKey::isSecret).orElse(ConfigKeys.looksSecret(key));
  }

  private static String toKey(String variablePart) {
    return variablePart.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static int separatorIndex(String line) {
    int equals = line.indexOf('=');
    int colon = line.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }
}
