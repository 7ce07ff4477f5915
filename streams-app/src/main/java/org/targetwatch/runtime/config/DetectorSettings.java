package org.targetwatch.runtime.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.targetwatch.topology.DetectorConfig;

/**
 * The detection settings alone ({@code detector.*} and {@code campaign.*} keys), for offline tools
 * that never connect to Kafka (evaluation over simulated worlds): read from the same file format and
 * {@code --set} syntax as {@code run}, with the same keys, defaults, checks and messages
 * ({@link TargetwatchConfig}). The environment is not read: an evaluation depends only on its command
 * line. Other keys in the file (a {@code run} configuration reused as it is) are ignored; other keys
 * given with {@code --set} are refused, as they would have no effect.
 */
public final class DetectorSettings {
  private static final List<String> PREFIXES = List.of("detector.", "campaign.");
  // required by TargetwatchConfig for a running service, meaningless here; never used to connect
  private static final Map<String, String> NOT_CONNECTING = Map.of(
      ConfigKeys.BOOTSTRAP_SERVERS.name(), "offline:0",
      ConfigKeys.REGISTRY_URL.name(), "mock://offline-detector-settings");

  private static final String DEFAULT_SOURCE = "default";

  private DetectorSettings() {}

  /** @throws InvalidConfigurationException listing every problem as {@code key: reason} */
  public static DetectorConfig load(Optional<Path> file, List<String> sets) {
    Map<String, ConfigValue> read = ConfigSources.read(file, Map.of(), sets);
    List<ConfigProblem> problems = new ArrayList<>();
    Map<String, ConfigValue> detection = new LinkedHashMap<>();
    for (ConfigKey key : ConfigKeys.all()) {
      if (key.hasDefault()) {
        detection.put(key.name(), new ConfigValue(key.name(), key.defaultValue(), DEFAULT_SOURCE));
      }
    }
    for (ConfigValue value : read.values()) {
      if (applies(value.key())) {
        detection.put(value.key(), value);
      } else if (value.source().equals("--set")) {
        problems.add(new ConfigProblem(value.key(), "not a detection setting (only detector.* and campaign.* keys apply here)"));
      }
    }
    NOT_CONNECTING.forEach((key, text) -> detection.put(key, new ConfigValue(key, text, "offline")));
    try {
      DetectorConfig detector = TargetwatchConfig.resolve(detection).detector();
      if (problems.isEmpty()) {
        return detector;
      }
    } catch (InvalidConfigurationException e) {
      problems.addAll(e.problems());
    }
    throw new InvalidConfigurationException(problems);
  }

  /** The {@code key=value} settings that differ from the defaults, for a report to say what was evaluated. */
  public static Map<String, String> explicit(Optional<Path> file, List<String> sets) {
    Map<String, String> explicit = new LinkedHashMap<>();
    ConfigSources.read(file, Map.of(), sets).values().stream()
        .filter(v -> applies(v.key()) && !v.source().equals(DEFAULT_SOURCE))
        .forEach(v -> explicit.put(v.key(), v.text()));
    return explicit;
  }

  private static boolean applies(String key) {
    return PREFIXES.stream().anyMatch(key::startsWith);
  }
}
