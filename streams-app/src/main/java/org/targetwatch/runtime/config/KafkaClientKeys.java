package org.targetwatch.runtime.config;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Which {@code kafka.*} pass-through keys are real Kafka client or Streams settings (so a typo is
 * caught at start-up, not ignored with a warning in the log), and which ones targetwatch fixes
 * itself or has its own key for.
 */
public final class KafkaClientKeys {
  private static final List<String> CLIENT_PREFIXES = List.of("main.consumer.", "restore.consumer.", "global.consumer.",
      "consumer.", "producer.", "admin.");
  private static final String TOPIC_PREFIX = "topic.";
  private static final Set<String> CLIENT_SETTINGS = new HashSet<>();

  static {
    CLIENT_SETTINGS.addAll(StreamsConfig.configDef().names());
    CLIENT_SETTINGS.addAll(ConsumerConfig.configNames());
    CLIENT_SETTINGS.addAll(ProducerConfig.configNames());
    CLIENT_SETTINGS.addAll(AdminClientConfig.configNames());
  }

  /** Settings with a targetwatch key of their own: set that key instead. */
  private static final Map<String, String> OWN_KEYS = Map.of(
      StreamsConfig.APPLICATION_ID_CONFIG, ConfigKeys.APPLICATION_ID.name(),
      StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigKeys.BOOTSTRAP_SERVERS.name(),
      StreamsConfig.STATE_DIR_CONFIG, ConfigKeys.STATE_DIR.name(),
      StreamsConfig.NUM_STREAM_THREADS_CONFIG, ConfigKeys.NUM_STREAM_THREADS.name(),
      StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, ConfigKeys.TOPIC_DEAD_LETTERS.name());

  /** Settings the dead-letter and naming guarantees depend on: not configurable. */
  private static final Set<String> FIXED = Set.of(
      StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
      StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
      StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
      StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG,
      StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG,
      StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG);

  private KafkaClientKeys() {}

  /** True for a Kafka client/Streams setting, optionally with a client prefix ({@code consumer.}, {@code producer.}, ...). */
  public static boolean isClientSetting(String setting) {
    return CLIENT_SETTINGS.contains(unprefixed(setting)) || isTopicSetting(setting);
  }

  /** All known setting names, for "did you mean". */
  static Set<String> names() {
    return CLIENT_SETTINGS;
  }

  /** Why a pass-through setting is refused, if it is. */
  static Optional<String> refusal(String setting) {
    String bare = unprefixed(setting);
    if (OWN_KEYS.containsKey(bare)) {
      return Optional.of("set " + OWN_KEYS.get(bare) + " instead");
    }
    if (FIXED.contains(bare)) {
      return Optional.of("fixed by targetwatch (dead letters and explicit topology names depend on it)");
    }
    return Optional.empty();
  }

  private static boolean isTopicSetting(String setting) {
    if (!setting.startsWith(TOPIC_PREFIX)) {
      return false;
    }
    String name = setting.substring(TOPIC_PREFIX.length());
    return name.contains(".") && (name.startsWith("cleanup.") || name.startsWith("retention.") || name.startsWith("segment.")
        || name.startsWith("min.") || name.startsWith("max.") || name.startsWith("message.") || name.equals(TopicConfig.COMPRESSION_TYPE_CONFIG));
  }

  private static String unprefixed(String setting) {
    for (String prefix : CLIENT_PREFIXES) {
      if (setting.startsWith(prefix)) {
        return setting.substring(prefix.length());
      }
    }
    return setting;
  }
}
