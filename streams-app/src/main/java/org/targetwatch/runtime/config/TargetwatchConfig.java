package org.targetwatch.runtime.config;

import static org.targetwatch.runtime.config.ConfigKeys.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.targetwatch.console.ConsoleSettings;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.schema.Severity;
import org.targetwatch.campaigns.CampaignConfig;
import org.targetwatch.safety.SafetyLoopConfig;
import org.targetwatch.scoring.EvidenceModel;
import org.targetwatch.scoring.Thresholds;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.WindowSpec;

/**
 * The validated configuration of a targetwatch instance, read from the layers of
 * {@link ConfigSources} and checked against {@link ConfigKeys}: every problem is collected and
 * reported at once as {@code key: reason}.
 *
 * @param inMemoryStores {@code state.stores=in-memory}: every state store on the heap instead of in RocksDB
 * @param kafkaSettings the {@code kafka.*} pass-through settings, prefix removed (TLS, SASL, Streams tuning)
 * @param registrySettings the schema registry keys, as {@code RegistryClientConfig.from} reads them
 * @param effective every key's value and where it came from, for {@link #describe()}
 */
public record TargetwatchConfig(
    String applicationId,
    String bootstrapServers,
    Path stateDir,
    boolean inMemoryStores,
    int streamThreads,
    Duration shutdownTimeout,
    DetectorConfig detector,
    String deadLetterTopic,
    boolean createTopics,
    int replicationFactor,
    String httpHost,
    int httpPort,
    RegistryClientConfig registry,
    ConsoleSettings console,
    Map<String, Object> registrySettings,
    Map<String, String> kafkaSettings,
    Map<String, ConfigValue> effective) {

  /** Reads and validates all layers. @throws InvalidConfigurationException listing every problem */
  public static TargetwatchConfig load(Optional<Path> file, Map<String, String> environment, List<String> sets) {
    return resolve(ConfigSources.read(file, environment, sets));
  }

  /** Only command-line style settings (tests, the demo): {@code key=value} each. */
  public static TargetwatchConfig of(String... settings) {
    return load(Optional.empty(), Map.of(), List.of(settings));
  }

  static TargetwatchConfig resolve(Map<String, ConfigValue> values) {
    Resolver r = new Resolver(values);
    TargetwatchConfig config = r.build();
    if (!r.problems.isEmpty()) {
      throw new InvalidConfigurationException(r.problems);
    }
    return config;
  }

  /** The effective configuration, one {@code key = value (source)} a line, secrets hidden. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    effective.values().stream().sorted(Comparator.comparing(ConfigValue::key)).forEach(v -> {
      String shown = ConfigSources.isSecret(v.key()) ? "[hidden]" : v.text();
      text.append("  ").append(v.key()).append(" = ").append(shown).append("  (").append(v.source()).append(")\n");
    });
    return text.toString();
  }

  /** Reads typed values, collecting problems instead of stopping at the first. */
  private static final class Resolver {
    private final Map<String, ConfigValue> values;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, Object> parsed = new HashMap<>();

    Resolver(Map<String, ConfigValue> values) {
      this.values = values;
    }

    TargetwatchConfig build() {
      Map<String, String> kafka = new LinkedHashMap<>();
      for (ConfigValue value : values.values()) {
        Optional<ConfigKey> key = find(value.key());
        if (key.isPresent()) {
          parse(key.get(), value);
        } else if (value.key().startsWith(KAFKA_PREFIX)) {
          passThrough(value, kafka);
        } else {
          problems.add(new ConfigProblem(value.key(), "unknown key (" + value.source() + ")" + suggestion(value.key())));
        }
      }
      for (ConfigKey key : all()) {
        if (!key.hasDefault() && key.documentation().endsWith("Required.") && !values.containsKey(key.name())) {
          problems.add(new ConfigProblem(key.name(), "is required and not set"));
        }
      }
      kafka.put(PROCESSING_GUARANTEE.name().substring(KAFKA_PREFIX.length()), text(PROCESSING_GUARANTEE));
      kafka.put(NUM_STANDBY_REPLICAS.name().substring(KAFKA_PREFIX.length()), text(NUM_STANDBY_REPLICAS));

      Map<String, Object> registrySettings = new LinkedHashMap<>();
      for (ConfigKey key : REGISTRY_KEYS) {
        if (values.containsKey(key.name())) {
          registrySettings.put(key.name(), values.get(key.name()).text());
        }
      }
      RegistryClientConfig registry = registry(registrySettings);
      DetectorConfig detector = detector();
      ConsoleSettings console = console(kafka);
      if (!problems.isEmpty()) {
        return null;
      }
      return new TargetwatchConfig(str(APPLICATION_ID), str(BOOTSTRAP_SERVERS), Path.of(str(STATE_DIR)),
          str(STATE_STORES).equals(IN_MEMORY_STORES), (Integer) get(NUM_STREAM_THREADS), (Duration) get(SHUTDOWN_TIMEOUT),
          detector, str(TOPIC_DEAD_LETTERS), (Boolean) get(CREATE_TOPICS), (Integer) get(TOPIC_REPLICATION_FACTOR),
          str(HTTP_HOST), (Integer) get(HTTP_PORT), registry, console, Map.copyOf(registrySettings), Map.copyOf(kafka), Map.copyOf(values));
    }

    private void parse(ConfigKey key, ConfigValue value) {
      try {
        Object typed = key.type().parse(value.text());
        String wrong = key.check().apply(typed);
        if (wrong != null) {
          problems.add(new ConfigProblem(key.name(), wrong + ", got " + shown(key, value) + " (" + value.source() + ")"));
        } else {
          parsed.put(key.name(), typed);
        }
      } catch (IllegalArgumentException e) {
        String reason = key.isSecret() ? "expected " + key.type().description() : e.getMessage();
        problems.add(new ConfigProblem(key.name(), reason + " (" + value.source() + ")"));
      }
    }

    private void passThrough(ConfigValue value, Map<String, String> kafka) {
      String setting = value.key().substring(KAFKA_PREFIX.length());
      Optional<String> refusal = KafkaClientKeys.refusal(setting);
      if (refusal.isPresent()) {
        problems.add(new ConfigProblem(value.key(), refusal.get() + " (" + value.source() + ")"));
      } else if (!KafkaClientKeys.isClientSetting(setting)) {
        problems.add(new ConfigProblem(value.key(), "not a Kafka client or Streams setting (" + value.source() + ")"
            + DidYouMean.among(setting, KafkaClientKeys.names()).map(s -> "; did you mean kafka." + s + "?").orElse("")));
      } else {
        kafka.put(setting, value.text());
      }
    }

    private String suggestion(String key) {
      List<String> names = all().stream().map(ConfigKey::name).toList();
      Optional<String> ours = DidYouMean.among(key, names);
      if (ours.isPresent()) {
        return "; did you mean " + ours.get() + "?";
      }
      if (KafkaClientKeys.isClientSetting(key)) {
        return "; Kafka client settings take the prefix: kafka." + key;
      }
      return "";
    }

    private RegistryClientConfig registry(Map<String, Object> settings) {
      if (!settings.containsKey(REGISTRY_URL.name())) {
        return null; // reported as a missing required key
      }
      try {
        return RegistryClientConfig.from(settings);
      } catch (ConfigException e) {
        String message = e.getMessage();
        String key = REGISTRY_KEYS.stream().map(ConfigKey::name).filter(message::startsWith).findFirst()
            .orElse(REGISTRY_URL.name());
        String reason = message.startsWith(key) ? message.substring(key.length()).strip() : message;
        problems.add(new ConfigProblem(key, reason));
        return null;
      }
    }

    private DetectorConfig detector() {
      Thresholds thresholds = attempt(LOW_SCORE, () -> new Thresholds(
          integer(BURST_MIN_MINORS), integer(LONG_MIN_MINORS), dbl(YOUNG_ACCOUNT_DAYS), dbl(ESTABLISHED_ACCOUNT_DAYS),
          integer(FEW_FRIENDS), integer(MIN_ANSWERED),
          dbl(LOW_SCORE), dbl(MEDIUM_SCORE), dbl(HIGH_SCORE), dbl(CRITICAL_SCORE)));
      EvidenceModel evidenceModel = attempt(EVIDENCE_MODEL, () -> str(EVIDENCE_MODEL).isBlank()
          ? EvidenceModel.defaults() : EvidenceModel.fromFile(Path.of(str(EVIDENCE_MODEL))));
      CampaignConfig campaigns = attempt(CAMPAIGN_MIN_GROUP_SIZE, () -> new CampaignConfig(duration(CAMPAIGN_WINDOW),
          integer(CAMPAIGN_MIN_GROUP_SIZE), integer(CAMPAIGN_MIN_SHARED), dbl(CAMPAIGN_MAX_CHANCE),
          integer(CAMPAIGN_MIN_MINORS), integer(CAMPAIGN_MAX_CANDIDATES), integer(CAMPAIGN_MAX_TARGETS)));
      WindowSpec burst = attempt(BURST_WINDOW, () -> new WindowSpec("burst", duration(BURST_WINDOW), integer(BURST_BUCKETS)));
      WindowSpec longer = attempt(LONG_WINDOW, () -> new WindowSpec("long", duration(LONG_WINDOW), integer(LONG_BUCKETS)));
      SafetyLoopConfig safety = attempt(VERDICT_RETENTION, () -> SafetyLoopConfig.defaults()
          .withTopics(str(TOPIC_SAFETY_REPORTS), str(TOPIC_REVIEW_VERDICTS))
          .withRules(integer(MAX_REPORTERS), duration(CLEARED_FOR), duration(VERDICT_RETENTION), dbl(CLEARED_GROWTH)));
      if (thresholds == null || evidenceModel == null || campaigns == null || safety == null || burst == null || longer == null) {
        return null;
      }
      return attempt(LONG_WINDOW, () -> DetectorConfig.defaults()
          .withTopics(str(TOPIC_PROFILES), str(TOPIC_FRIEND_REQUESTS), str(TOPIC_MESSAGES), str(TOPIC_ALERTS))
          .withWindows(burst, longer, duration(GRACE))
          .withFutureTolerance(duration(FUTURE_TOLERANCE))
          .withCaps(integer(MAX_TARGETS), integer(MAX_FRIENDS_STORED), integer(MAX_SENDER_FRIENDS), integer(SAMPLE_TARGETS))
          .withCooldown(duration(COOLDOWN), (Severity) get(MIN_SEVERITY))
          .withThresholds(thresholds)
          .withEvidenceModel(evidenceModel)
          .withCampaigns(campaigns)
          .withSafety(safety)
          .withResequenceMaxWait(duration(RESEQUENCE_MAX_WAIT)));
    }

    private ConsoleSettings console(Map<String, String> kafka) {
      ConsoleSettings console = attempt(CONSOLE_ENABLED, () -> new ConsoleSettings((Boolean) get(CONSOLE_ENABLED),
          str(CONSOLE_HOST), integer(CONSOLE_PORT), optional(CONSOLE_TOKEN), optional(CONSOLE_BASIC_USER),
          optional(CONSOLE_BASIC_PASSWORD), str(CONSOLE_REVIEWER_ID),
          str(CONSOLE_AUDIT_FILE).isBlank() ? Optional.empty() : Optional.of(Path.of(str(CONSOLE_AUDIT_FILE)))));
      if (console != null) {
        console.problem().ifPresent(reason -> problems.add(new ConfigProblem(CONSOLE_ENABLED.name(), reason)));
        String server = kafka.get("application.server");
        if (console.enabled() && server != null && console.port() != 0 && !server.strip().endsWith(":" + console.port())) {
          // the other instances forward lookups to application.server: it must be this instance's console
          problems.add(new ConfigProblem(KAFKA_PREFIX + "application.server", "must name this instance's console"
              + " (host:" + console.port() + ", console.port), got '" + server.strip() + "'"));
        }
      }
      return console;
    }

    /** A key without a default: null when not set; a set value that failed its check is reported already. */
    private String optional(ConfigKey key) {
      if (!values.containsKey(key.name())) {
        return null;
      }
      return ((String) get(key)).strip();
    }

    /** Builds a value from parsed keys; a rule across keys that fails is reported on {@code key}. */
    private <T> T attempt(ConfigKey key, java.util.function.Supplier<T> build) {
      try {
        return build.get();
      } catch (MissingValue e) {
        return null; // its own problem is reported already
      } catch (IllegalArgumentException e) {
        problems.add(new ConfigProblem(key.name(), e.getMessage()));
        return null;
      }
    }

    private Object get(ConfigKey key) {
      Object value = parsed.get(key.name());
      if (value == null) {
        throw new MissingValue();
      }
      return value;
    }

    private String str(ConfigKey key) {
      return (String) get(key);
    }

    private String text(ConfigKey key) {
      ConfigValue value = values.get(key.name());
      return value == null ? key.defaultValue() : value.text().strip();
    }

    private int integer(ConfigKey key) {
      return (Integer) get(key);
    }

    private double dbl(ConfigKey key) {
      return (Double) get(key);
    }

    private Duration duration(ConfigKey key) {
      return (Duration) get(key);
    }

    private static String shown(ConfigKey key, ConfigValue value) {
      return key.isSecret() ? "[hidden]" : "'" + value.text().strip() + "'";
    }
  }

  /** A key whose value failed to parse: its problem is already listed. */
  private static final class MissingValue extends IllegalArgumentException {}
}
