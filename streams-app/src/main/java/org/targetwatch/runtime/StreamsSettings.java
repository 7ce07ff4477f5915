package org.targetwatch.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.targetwatch.runtime.config.TargetwatchConfig;

/**
 * The Kafka Streams and admin client settings of an instance: targetwatch's own keys, the settings
 * the dead-letter and naming promises depend on (not configurable), then the {@code kafka.*}
 * pass-through settings (TLS, SASL, tuning).
 */
final class StreamsSettings {
  private StreamsSettings() {}

  static Properties streams(TargetwatchConfig config, RuntimeMetrics metrics) {
    Properties p = new Properties();
    p.putAll(config.kafkaSettings());
    p.putAll(config.registrySettings()); // so the serdes' configure() sees auto.register.schemas
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
    // a generated name would orphan state on upgrade: fail start-up instead
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic());
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringDeserializationHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringProcessingHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(RuntimeMetrics.CONFIG_KEY, metrics);
    return p;
  }

  /** Connection and security settings for the admin client of the start-up checks. */
  static Map<String, Object> admin(TargetwatchConfig config) {
    Map<String, Object> settings = new HashMap<>();
    config.kafkaSettings().forEach((key, value) -> {
      String bare = key.startsWith("admin.") ? key.substring("admin.".length()) : key;
      if (AdminClientConfig.configNames().contains(bare)) {
        settings.put(bare, value);
      }
    });
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.applicationId() + "-startup-check");
    return settings;
  }

  /**
   * Connection and security settings (bootstrap servers, {@code security.protocol}, {@code ssl.*},
   * {@code sasl.*}) for the clients of the investigation console: its alert reader and verdict writer.
   */
  static Map<String, Object> connection(TargetwatchConfig config) {
    Map<String, Object> settings = new HashMap<>();
    config.kafkaSettings().forEach((key, value) -> {
      if (key.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || key.startsWith("ssl.") || key.startsWith("sasl.")
          || key.equals(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG)) {
        settings.put(key, value);
      }
    });
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.applicationId() + "-console");
    return settings;
  }
}
