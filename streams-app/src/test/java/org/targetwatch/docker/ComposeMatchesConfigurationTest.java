package org.targetwatch.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import org.targetwatch.cli.TargetwatchCommand;
import org.targetwatch.runtime.config.ConfigKey;
import org.targetwatch.runtime.config.ConfigKeys;
import org.targetwatch.runtime.config.KafkaClientKeys;
import org.targetwatch.runtime.config.TargetwatchConfig;

/**
 * The compose file and the Dockerfile speak the application's configuration. The application
 * silently ignores a {@code KAFKA_*} variable that is not a client setting and a container only
 * fails its health check when a port or path is wrong, so a typo here would surface only at deploy
 * time: this test reads both files (the compose file as YAML) and checks them against
 * {@link ConfigKeys}, {@link KafkaClientKeys} and the HTTP endpoint's paths.
 */
class ComposeMatchesConfigurationTest {
  private static final Path DOCKER = Path.of("..", "docker");
  private static final String SERVICE = "targetwatch";
  private static final Pattern URL_PORT_AND_PATH = Pattern.compile("https?://[^/\\s:]+:(\\d+)(/[^\\s'\"]*)");
  private static final Pattern ENV_ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

  private static JsonNode compose() throws IOException {
    return new YAMLMapper().readTree(DOCKER.resolve("docker-compose.yml").toFile());
  }

  private static JsonNode service(String name) throws IOException {
    JsonNode service = compose().path("services").path(name);
    assertThat(service.isMissingNode()).as("compose service %s", name).isFalse();
    return service;
  }

  /** A service's {@code environment:}, written either as a map or as a list of {@code NAME=value}. */
  static Map<String, String> environmentOf(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode environment = service.path("environment");
    if (environment.isObject()) {
      environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    } else {
      environment.forEach(item -> {
        String[] nameAndValue = item.asText().split("=", 2);
        env.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
      });
    }
    return env;
  }

  /** The Dockerfile's instructions, one string each, continuation lines joined and comments dropped. */
  static List<String> dockerfileInstructions() throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue;
      }
      boolean continues = trimmed.endsWith("\\");
      current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
      if (!continues) {
        instructions.add(current.toString().strip());
        current.setLength(0);
      }
    }
    return instructions;
  }

  private static List<String> instructionsNamed(String name) throws IOException {
    return dockerfileInstructions().stream()
        .filter(i -> i.toUpperCase(Locale.ROOT).startsWith(name + " "))
        .map(i -> i.substring(name.length()).strip())
        .toList();
  }

  /** The runtime image's {@code ENV} (the last stage's; the build stage sets none). */
  static Map<String, String> dockerfileEnvironment() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String assignments : instructionsNamed("ENV")) {
      Matcher m = ENV_ASSIGNMENT.matcher(assignments);
      while (m.find()) {
        env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
      }
    }
    return env;
  }

  /** What the container sees: the image's ENV, overridden by the compose service's environment. */
  private static Map<String, String> containerEnvironment() throws IOException {
    Map<String, String> env = new LinkedHashMap<>(dockerfileEnvironment());
    env.putAll(environmentOf(service(SERVICE)));
    return env;
  }

  private static TargetwatchConfig containerConfiguration() throws IOException {
    return TargetwatchConfig.load(Optional.of(DOCKER.resolve("targetwatch.properties")), containerEnvironment(), List.of());
  }

  private static String keyOf(String variable, String prefix) {
    return variable.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  private static Matcher urlIn(String text, String where) {
    Matcher m = URL_PORT_AND_PATH.matcher(text);
    assertThat(m.find()).as("%s asks an http://host:port/path URL: %s", where, text).isTrue();
    return m;
  }

  private static String composeHealthCheck() throws IOException {
    List<String> test = new ArrayList<>();
    service(SERVICE).path("healthcheck").path("test").forEach(part -> test.add(part.asText()));
    return String.join(" ", test);
  }

  @Test
  void everyTargetwatchVariableOfTheComposeServiceAndTheImageNamesAConfigurationKey() throws IOException {
    List<String> keys = ConfigKeys.all().stream().map(ConfigKey::name).toList();
    Map<String, String> env = containerEnvironment();
    assertThat(env).containsKeys("TARGETWATCH_BOOTSTRAP_SERVERS", "TARGETWATCH_SCHEMA_REGISTRY_URL");

    env.keySet().stream().filter(v -> v.startsWith("TARGETWATCH_")).forEach(variable ->
        assertThat(keys).as("%s sets the key %s", variable, keyOf(variable, "TARGETWATCH_"))
            .contains(keyOf(variable, "TARGETWATCH_")));
  }

  @Test
  void everyKafkaVariableOfTheTargetwatchServiceIsAKafkaClientSetting() throws IOException {
    Map<String, String> env = environmentOf(service(SERVICE));

    env.keySet().stream().filter(v -> v.startsWith("KAFKA_")).forEach(variable ->
        assertThat(KafkaClientKeys.isClientSetting(keyOf(variable, "KAFKA_")))
            .as("%s is the Kafka client setting %s (otherwise the application ignores it)", variable,
                keyOf(variable, "KAFKA_"))
            .isTrue());
  }

  @Test
  void theContainersEnvironmentAndMountedFileLoadAsAValidConfiguration() throws IOException {
    TargetwatchConfig config = containerConfiguration();

    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.describe()).contains("http://schema-registry:8081");
  }

  @Test
  void theExposedPortAndBothHealthChecksUseTheHttpPortTheApplicationListensOn() throws IOException {
    String port = String.valueOf(containerConfiguration().httpPort());
    List<String> exposed = new ArrayList<>();
    service(SERVICE).path("expose").forEach(p -> exposed.add(p.asText()));

    assertThat(instructionsNamed("EXPOSE")).containsExactly(port);
    assertThat(exposed).containsExactly(port);
    assertThat(urlIn(String.join(" ", instructionsNamed("HEALTHCHECK")), "the Dockerfile's HEALTHCHECK").group(1))
        .isEqualTo(port);
    assertThat(urlIn(composeHealthCheck(), "the compose healthcheck").group(1)).isEqualTo(port);
  }

  @Test
  void bothHealthChecksAskForReadiness() throws IOException {
    assertThat(instructionsNamed("HEALTHCHECK")).hasSize(1);
    assertThat(urlIn(instructionsNamed("HEALTHCHECK").get(0), "the Dockerfile's HEALTHCHECK").group(2))
        .isEqualTo("/health/ready");
    assertThat(urlIn(composeHealthCheck(), "the compose healthcheck").group(2)).isEqualTo("/health/ready");
  }

  @Test
  void theMountedPropertiesFileIsTheOneTheImageRunsWith() throws IOException {
    List<String> mounts = new ArrayList<>();
    service(SERVICE).path("volumes").forEach(v -> mounts.add(v.asText()));
    String cmd = String.join(" ", instructionsNamed("CMD"));
    Matcher config = Pattern.compile("\"--config\",\\s*\"([^\"]+)\"").matcher(cmd);
    assertThat(config.find()).as("CMD passes --config FILE: %s", cmd).isTrue();

    assertThat(mounts).anySatisfy(mount -> {
      String[] parts = mount.split(":");
      assertThat(parts[1]).isEqualTo(config.group(1));
      assertThat(DOCKER.resolve(parts[0])).isRegularFile();
    });
  }

  @Test
  void theTopicsServiceCreatesEveryTopicTheApplicationReadsAndWrites() throws IOException {
    TargetwatchConfig config = containerConfiguration();
    String command = service("topics").path("command").toString();

    List<String> topics = new java.util.ArrayList<>(config.detector().inputTopics());
    topics.add(config.detector().alertsTopic());
    topics.add(config.deadLetterTopic());
    assertThat(topics).hasSize(7)
        .allSatisfy(topic -> assertThat(command).containsPattern("(?<![\\w-])" + Pattern.quote(topic) + "(?![\\w-])"));
  }

  /** The sub-command a command line selects, parsed (not run) by the application's own CLI. */
  private static String subcommandOf(List<String> args) {
    ParseResult parsed = new CommandLine(new TargetwatchCommand()).parseArgs(args.toArray(String[]::new));
    assertThat(parsed.hasSubcommand()).as("%s names a sub-command", args).isTrue();
    return parsed.subcommand().commandSpec().name();
  }

  @Test
  void theImagesAndTheSimulatorsCommandLinesParseAsTargetwatchCommands() throws IOException {
    String cmd = String.join(" ", instructionsNamed("CMD"));
    List<String> imageArgs = new ArrayList<>();
    new YAMLMapper().readTree(cmd).forEach(a -> imageArgs.add(a.asText()));
    List<String> simulatorArgs = new ArrayList<>();
    JsonNode simulator = service("simulator");
    simulator.path("command").forEach(a -> simulatorArgs.add(a.asText()));

    assertThat(subcommandOf(imageArgs)).isEqualTo("run");
    assertThat(subcommandOf(simulatorArgs)).isEqualTo("produce");
    assertThat(simulator.path("profiles").toString()).contains("\"simulator\"");
  }
}
