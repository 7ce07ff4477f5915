package org.targetwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.runtime.embedded.EmbeddedKafkaBroker;
import picocli.CommandLine;

/** {@code run} refuses to start on a bad configuration or an unready cluster: exit code 2 and the key or topic named, no stack trace. */
class BadConfigStopsRunTest {

  @Test
  void aMisspelledKeyInTheConfigFileStopsRunNamingTheKeyAndTheLikelyIntent(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("targetwatch.properties");
    Files.write(file, List.of("bootstrap.servers=127.0.0.1:1", "schema.registry.url=http://127.0.0.1:1",
        "detector.cooldwn=12h", "http.port=eighty"));
    Run run = run("run", "--config", file.toString());

    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.stderr).contains("detector.cooldwn: unknown key (targetwatch.properties:3); did you mean detector.cooldown?")
        .contains("http.port: expected integer, got 'eighty' (targetwatch.properties:4)")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void aMissingInputTopicStopsRunNamingTheTopics(@TempDir Path dir) {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      broker.createTopic("profiles", 2);
      broker.createTopic("friend-requests", 2);
      broker.createTopic("messages", 3);
      broker.createTopic("safety-reports", 2);
      broker.createTopic("review-verdicts", 2);
      Run run = run("run", "--set", "bootstrap.servers=" + broker.bootstrapServers(), "--set", "schema.registry.url=mock://bad",
          "--set", "state.dir=" + dir, "--set", "http.port=0");

      assertThat(run.exitCode).isEqualTo(2);
      assertThat(run.stderr).contains("input topics must have the same number of partitions")
          .contains("profiles has 2, friend-requests has 2, messages has 3").doesNotContain("\tat ");
    }
  }

  @Test
  void missingSafetyLoopTopicsStopRunNamingThem(@TempDir Path dir) {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      broker.createTopic("profiles", 2);
      broker.createTopic("friend-requests", 2);
      broker.createTopic("messages", 2);
      Run run = run("run", "--set", "bootstrap.servers=" + broker.bootstrapServers(), "--set", "schema.registry.url=mock://bad",
          "--set", "state.dir=" + dir, "--set", "http.port=0");

      assertThat(run.exitCode).isEqualTo(2);
      assertThat(run.stderr).contains("input topic(s) [safety-reports, review-verdicts] do not exist").doesNotContain("\tat ");
    }
  }

  private record Run(int exitCode, String stderr) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new TargetwatchCommand()).setErr(new PrintWriter(err, true)).execute(args);
    return new Run(code, err.toString());
  }
}
