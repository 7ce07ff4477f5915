package org.targetwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate}, with and without {@code --randomize}, through the command line. */
class SimulateCommandTest {
  @TempDir Path dir;

  @Test
  void simulateRandomizeWritesEventsAndLabelsInFormatTwoDeterministicallyPerSeed() throws IOException {
    Path first = dir.resolve("first");
    Path again = dir.resolve("again");
    Path other = dir.resolve("other");
    for (Path out : new Path[] {first, again}) {
      assertThat(TargetwatchCommand.execute("simulate", "--randomize", "--seed", "9", "--accounts", "400",
          "--days", "3", "--output", out.toString())).isZero();
    }
    assertThat(TargetwatchCommand.execute("simulate", "--randomize", "--seed", "10", "--accounts", "400",
        "--days", "3", "--output", other.toString())).isZero();

    JsonNode labels = new ObjectMapper().readTree(first.resolve("labels.json").toFile());
    assertThat(labels.path("format").asText()).isEqualTo("targetwatch-labels/2");
    assertThat(labels.path("world").path("seed").asLong()).isEqualTo(9L);
    assertThat(labels.path("accounts").size()).isEqualTo(400);
    assertThat(Files.size(first.resolve("events.jsonl"))).isPositive();
    assertThat(Files.readString(again.resolve("events.jsonl")))
        .isEqualTo(Files.readString(first.resolve("events.jsonl")));
    assertThat(Files.readString(again.resolve("labels.json")))
        .isEqualTo(Files.readString(first.resolve("labels.json")));
    JsonNode otherLabels = new ObjectMapper().readTree(other.resolve("labels.json").toFile());
    assertThat(otherLabels.path("world").path("parameters").path("minorShare").asDouble())
        .isNotEqualTo(labels.path("world").path("parameters").path("minorShare").asDouble());
  }

  @Test
  void simulateWithoutRandomizeWritesFlatLabels() throws IOException {
    Path out = dir.resolve("fixed");
    assertThat(TargetwatchCommand.execute("simulate", "--seed", "9", "--accounts", "400", "--days", "3",
        "--output", out.toString())).isZero();
    JsonNode labels = new ObjectMapper().readTree(out.resolve("labels.json").toFile());
    assertThat(labels.has("format")).isFalse();
    assertThat(labels.size()).isEqualTo(400);
    assertThat(labels.path("a0").isTextual()).isTrue();
  }
}
