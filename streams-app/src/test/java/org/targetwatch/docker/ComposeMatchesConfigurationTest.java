package org.targetwatch.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.targetwatch.runtime.config.ConfigKeys;
import org.targetwatch.runtime.config.TargetwatchConfig;

/**
 * The compose file and the Dockerfile speak the application's configuration: the targetwatch
 * service's environment plus the mounted properties file load as a valid configuration (an unknown
 * or misspelt variable fails here, not at deploy time), and the ports and health paths are the ones
 * the application serves.
 */
class ComposeMatchesConfigurationTest {
  private static final Path DOCKER = Path.of("..", "docker");

  /** The {@code environment:} block of one service, by indentation (compose files are plain YAML). */
  static Map<String, String> environmentOf(List<String> compose, String service) {
    Map<String, String> env = new LinkedHashMap<>();
    boolean inService = false;
    boolean inEnvironment = false;
    Pattern entry = Pattern.compile("^ {6}([A-Z0-9_]+):\\s*\"?([^\"]*)\"?\\s*$");
    for (String line : compose) {
      if (line.matches("^ {2}[a-z-]+:\\s*$")) {
        inService = line.trim().equals(service + ":");
        inEnvironment = false;
      } else if (inService && line.matches("^ {4}[a-z_]+:.*")) {
        inEnvironment = line.trim().equals("environment:");
      } else if (inService && inEnvironment) {
        Matcher m = entry.matcher(line);
        if (m.matches()) {
          env.put(m.group(1), m.group(2));
        }
      }
    }
    return env;
  }

  @Test
  void theTargetwatchServicesEnvironmentAndMountedFileLoadAsAValidConfiguration() throws IOException {
    List<String> compose = Files.readAllLines(DOCKER.resolve("docker-compose.yml"));
    Map<String, String> env = environmentOf(compose, "targetwatch");
    assertThat(env).containsKeys("TARGETWATCH_BOOTSTRAP_SERVERS", "TARGETWATCH_SCHEMA_REGISTRY_URL");

    TargetwatchConfig config = TargetwatchConfig.load(Optional.of(DOCKER.resolve("targetwatch.properties")), env, List.of());

    assertThat(config.describe()).contains("kafka:9092").contains("http://schema-registry:8081");
    for (String variable : env.keySet()) {
      if (variable.startsWith("TARGETWATCH_")) {
        String key = variable.substring("TARGETWATCH_".length()).toLowerCase().replace('_', '.');
        assertThat(ConfigKeys.find(key)).as("%s names a configuration key", variable).isPresent();
      }
    }
  }

  @Test
  void portsAndHealthChecksAreTheOnesTheApplicationServes() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    String compose = Files.readString(DOCKER.resolve("docker-compose.yml"));
    String port = Optional.ofNullable(environmentOf(compose.lines().toList(), "targetwatch").get("TARGETWATCH_HTTP_PORT"))
        .orElse(ConfigKeys.HTTP_PORT.defaultValue());

    assertThat(dockerfile).contains("EXPOSE " + port).contains("http://127.0.0.1:" + port + "/health/ready")
        .contains("TARGETWATCH_HTTP_PORT=" + port);
    assertThat(compose).contains("http://localhost:" + port + "/health/ready").contains("- \"" + port + "\"");
    assertThat(ConfigKeys.HTTP_PORT.defaultValue()).isEqualTo(port);
  }
}
