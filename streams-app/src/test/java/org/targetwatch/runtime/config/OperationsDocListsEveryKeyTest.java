package org.targetwatch.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/operations.md is the configuration reference: every key, with its default, must be in it. */
class OperationsDocListsEveryKeyTest {

  @Test
  void everyConfigurationKeyIsDocumentedWithItsDefault() throws IOException {
    Path doc = Path.of("..", "docs", "operations.md");
    String text = Files.readString(doc);
    for (ConfigKey key : ConfigKeys.all()) {
      String shownDefault = key.name().equals(ConfigKeys.STATE_DIR.name()) ? "kafka-streams"
          : key.hasDefault() ? key.defaultValue() : "";
      assertThat(text).as("docs/operations.md documents %s", key.name())
          .containsPattern("\\| `" + java.util.regex.Pattern.quote(key.name()) + "` \\|[^\\n]*"
              + java.util.regex.Pattern.quote(shownDefault));
    }
  }
}
