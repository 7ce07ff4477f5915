package org.targetwatch.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's keys: off by default, never on without credentials, bad values named with their key. */
class ConsoleConfigurationTest {
  private static final String[] REQUIRED = {"bootstrap.servers=k:9092", "schema.registry.url=mock://console"};

  private static TargetwatchConfig with(String... settings) {
    List<String> all = new java.util.ArrayList<>(List.of(REQUIRED));
    all.addAll(List.of(settings));
    return TargetwatchConfig.of(all.toArray(String[]::new));
  }

  @Test
  void theConsoleIsOffUnlessEnabled() {
    assertThat(with().console().enabled()).isFalse();
  }

  @Test
  void anEnabledConsoleWithoutCredentialsStopsStartUpNamingTheKey() {
    assertThatThrownBy(() -> with("console.enabled=true"))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).extracting(ConfigProblem::key)
            .containsExactly("console.enabled"))
        .hasMessageContaining("needs console.token or console.basic.user and console.basic.password");
  }

  @Test
  void aShortTokenOrAnUnpairedUserIsRefusedAndTheTokenIsNotPrinted() {
    assertThatThrownBy(() -> with("console.enabled=true", "console.token=short-secret"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("console.token").hasMessageContaining("at least 16 characters")
        .hasMessageNotContaining("short-secret");
    assertThatThrownBy(() -> with("console.enabled=true", "console.basic.user=rv-1"))
        .hasMessageContaining("console.basic.user and console.basic.password go together");
    assertThatThrownBy(() -> with("console.port=70000")).hasMessageContaining("console.port");
    assertThatThrownBy(() -> with("console.enabled=true", "console.token=a-long-enough-token", "console.port=8081",
        "kafka.application.server=host-1:8080")).hasMessageContaining("kafka.application.server")
        .hasMessageContaining("must name this instance's console");
  }

  @Test
  void theTokenComesFromTheEnvironmentAndIsHiddenInTheListing() {
    TargetwatchConfig config = TargetwatchConfig.load(Optional.empty(),
        Map.of("TARGETWATCH_CONSOLE_TOKEN", "a-token-from-the-environment", "TARGETWATCH_CONSOLE_ENABLED", "true"),
        List.of(REQUIRED));
    assertThat(config.console().enabled()).isTrue();
    assertThat(config.console().token()).isEqualTo("a-token-from-the-environment");
    assertThat(config.describe()).contains("console.token = [hidden]").doesNotContain("a-token-from-the-environment");
  }

  @Test
  void basicCredentialsAloneAreEnough() {
    TargetwatchConfig config = with("console.enabled=true", "console.basic.user=rv-17",
        "console.basic.password=a-long-password");
    assertThat(config.console().basicUser()).isEqualTo("rv-17");
    assertThat(config.console().token()).isNull();
  }
}
