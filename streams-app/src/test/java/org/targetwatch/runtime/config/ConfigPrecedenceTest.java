package org.targetwatch.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.schema.Severity;

/** One precedence (defaults < file < environment < --set), conflicts and unknown keys refused with the key named. */
class ConfigPrecedenceTest {
  private static final List<String> REQUIRED = List.of("bootstrap.servers=broker:9092", "schema.registry.url=http://registry:8081");

  @Test
  void eachLayerOverridesTheOneBeforeIt(@TempDir Path dir) throws IOException {
    Path file = write(dir, "num.stream.threads=2", "http.port=9000", "detector.burst.window=12h", "bootstrap.servers=file:9092",
        "schema.registry.url=http://registry:8081");
    TargetwatchConfig config = TargetwatchConfig.load(Optional.of(file),
        Map.of("TARGETWATCH_HTTP_PORT", "9100", "TARGETWATCH_NUM_STREAM_THREADS", "3"), List.of("num.stream.threads=4"));

    assertThat(config.streamThreads()).isEqualTo(4);
    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.detector().burstWindow().size()).isEqualTo(Duration.ofHours(12));
    assertThat(config.bootstrapServers()).isEqualTo("file:9092");
    assertThat(config.applicationId()).isEqualTo("targetwatch");
    assertThat(config.effective().get("http.port").source()).isEqualTo("env TARGETWATCH_HTTP_PORT");
    assertThat(config.effective().get("detector.burst.window").source()).isEqualTo("app.properties:3");
  }

  @Test
  void theDefaultsAreExactlyOnceWithOneStandbyAndTheDeadLetterTopic() {
    TargetwatchConfig config = TargetwatchConfig.of(REQUIRED.toArray(String[]::new));
    assertThat(config.kafkaSettings()).containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("num.standby.replicas", "1");
    assertThat(config.deadLetterTopic()).isEqualTo("targetwatch-dead-letters");
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.detector().longWindow().size()).isEqualTo(Duration.ofDays(28));
    assertThat(config.detector().minSeverity()).isEqualTo(Severity.LOW);
  }

  @Test
  void kafkaClientSettingsPassThroughFromTheirPrefixAndFromKafkaEnvironmentVariables() {
    TargetwatchConfig config = TargetwatchConfig.load(Optional.empty(),
        Map.of("KAFKA_SASL_MECHANISM", "PLAIN", "KAFKA_HOME", "/opt/kafka", "KAFKA_OPTS", "-Xmx1g"),
        List.of(REQUIRED.get(0), REQUIRED.get(1), "kafka.security.protocol=SASL_SSL",
            "kafka.ssl.truststore.location=/etc/trust.jks"));
    assertThat(config.kafkaSettings()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN").containsEntry("ssl.truststore.location", "/etc/trust.jks")
        .doesNotContainKeys("home", "opts");
  }

  @Test
  void aKeySetTwiceWithDifferentValuesInOneFileNamesTheKeyAndBothLines(@TempDir Path dir) throws IOException {
    Path file = write(dir, "bootstrap.servers=a:9092", "# comment", "bootstrap.servers=b:9092");
    assertThatThrownBy(() -> TargetwatchConfig.load(Optional.of(file), Map.of(), List.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("bootstrap.servers: set twice with different values")
        .hasMessageContaining("app.properties:1").hasMessageContaining("app.properties:3");
  }

  @Test
  void theSameValueTwiceIsNotAConflict() {
    TargetwatchConfig config = TargetwatchConfig.of(REQUIRED.get(0), REQUIRED.get(1), "http.port=1234", "http.port=1234");
    assertThat(config.httpPort()).isEqualTo(1234);
  }

  @Test
  void theSameKafkaSettingFromTwoEnvironmentVariablesWithDifferentValuesIsAConflict() {
    assertThatThrownBy(() -> TargetwatchConfig.load(Optional.empty(),
        Map.of("KAFKA_SASL_MECHANISM", "PLAIN", "TARGETWATCH_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"), REQUIRED))
        .hasMessageContaining("kafka.sasl.mechanism: set twice with different values");
  }

  @Test
  void aFileLineThatDoesNotParseNamesTheKeyAndTheLineNumber(@TempDir Path dir) throws IOException {
    Path file = write(dir, "bootstrap.servers=a:9092", "schema.registry.url=http://r:1", "num.stream.threads");
    assertThatThrownBy(() -> TargetwatchConfig.load(Optional.of(file), Map.of(), List.of()))
        .hasMessageContaining("num.stream.threads: app.properties line 3 does not parse");
  }

  @Test
  void anUnknownKeyIsRefusedWithTheClosestKnownKey() {
    assertThatThrownBy(() -> TargetwatchConfig.of(REQUIRED.get(0), REQUIRED.get(1), "detector.burst.windw=12h"))
        .hasMessageContaining("detector.burst.windw: unknown key").hasMessageContaining("did you mean detector.burst.window?");
    assertThatThrownBy(() -> TargetwatchConfig.of(REQUIRED.get(0), REQUIRED.get(1), "kafka.security.protocl=SSL"))
        .hasMessageContaining("kafka.security.protocl: not a Kafka client or Streams setting")
        .hasMessageContaining("did you mean kafka.security.protocol?");
  }

  @Test
  void wrongValuesAndMissingKeysAreAllReportedAtOnce() {
    assertThatThrownBy(() -> TargetwatchConfig.of("num.stream.threads=zero", "detector.long.window=2h",
        "kafka.processing.exception.handler=x", "kafka.bootstrap.servers=x:1"))
        .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.problems())
            .extracting(ConfigProblem::key)
            .contains("num.stream.threads", "bootstrap.servers", "schema.registry.url",
                "kafka.processing.exception.handler", "kafka.bootstrap.servers"))
        .hasMessageContaining("num.stream.threads: expected integer, got 'zero'")
        .hasMessageContaining("kafka.bootstrap.servers: set bootstrap.servers instead");
  }

  @Test
  void theEffectiveConfigurationHidesSecrets() {
    TargetwatchConfig config = TargetwatchConfig.of(REQUIRED.get(0), REQUIRED.get(1), "basic.auth.user.info=alice:s3cret",
        "kafka.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required password=\"hunter2\";",
        "kafka.ssl.truststore.password=trustme");
    String described = config.describe();
    assertThat(described).contains("basic.auth.user.info = [hidden]").contains("kafka.sasl.jaas.config = [hidden]")
        .contains("processing.guarantee = exactly_once_v2").doesNotContain("s3cret", "hunter2", "trustme");
  }

  private static Path write(Path dir, String... lines) throws IOException {
    Path file = dir.resolve("app.properties");
    Files.write(file, List.of(lines));
    return file;
  }
}
