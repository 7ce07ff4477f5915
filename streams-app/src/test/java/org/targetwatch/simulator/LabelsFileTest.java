package org.targetwatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsFileTest {
  @TempDir Path dir;

  @Test
  void aRandomizedWorldsLabelsRoundTripWithTheirWorldAndAccountParameters() throws IOException {
    SimulationResult result = new PlatformSimulator()
        .run(SimulationConfig.randomized(5L).withAccounts(600).withDays(4), new RecordingSink());
    Path file = dir.resolve("labels.json");
    LabelsFile.write(file, result);

    org.targetwatch.evaluation.LabelsFile read = org.targetwatch.evaluation.LabelsFile.read(file); // the one reader
    assertThat(read.randomized()).isTrue();
    assertThat(read.worldSeed()).isEqualTo(5L);
    assertThat(read.classes()).isEqualTo(result.labels());
    assertThat(read.accountParameters().keySet()).isEqualTo(result.accountParameters().keySet());
    result.accountParameters().forEach((id, parameters) -> parameters.forEach((name, value) ->
        assertThat(read.accountParameters().get(id).get(name)).as("%s %s", id, name)
            .isEqualTo(value.doubleValue())));
    assertThat(read.worldParameters()).containsEntry("degreeModel", result.world().describe().get("degreeModel"));
    assertThat(((Number) read.worldParameters().get("minorShare")).doubleValue())
        .isEqualTo(result.world().platform().minorShare());
  }

  @Test
  void aRandomizedWorldsLabelsFileHasTheAgreedShape() throws IOException {
    SimulationResult result = new PlatformSimulator()
        .run(SimulationConfig.randomized(6L).withAccounts(500).withDays(3), new RecordingSink());
    Path file = dir.resolve("labels.json");
    LabelsFile.write(file, result);

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.path("format").asText()).isEqualTo("targetwatch-labels/2");
    assertThat(root.path("world").path("seed").asLong()).isEqualTo(6L);
    assertThat(root.path("world").path("randomized").asBoolean()).isTrue();
    assertThat(root.path("world").path("parameters").path("minorShare").isNumber()).isTrue();
    assertThat(root.path("accounts").size()).isEqualTo(500);
    root.path("accounts").fields().forEachRemaining(e -> {
      BehaviourClass c = BehaviourClass.ofLabel(e.getValue().path("class").asText());
      JsonNode parameters = e.getValue().path("parameters");
      if (c == BehaviourClass.ORDINARY) {
        assertThat(parameters.isMissingNode()).as(e.getKey()).isTrue();
        return;
      }
      parameters.fields().forEachRemaining(p ->
          assertThat(p.getValue().isNumber()).as("%s %s", e.getKey(), p.getKey()).isTrue());
      if (c.isOffender()) {
        assertThat(parameters.has("degreePickedShare")).isTrue();
        assertThat(parameters.has("acceptanceRate")).isTrue();
        assertThat(parameters.has("intensity")).isTrue();
        assertThat(parameters.has("minorsContacted")).isTrue();
      } else {
        assertThat(parameters.has("intensity")).isTrue();
        assertThat(parameters.has("patternOverlap")).isTrue();
      }
      if (c == BehaviourClass.SOCK_PUPPET_RING) {
        assertThat(parameters.has("ringOverlap")).isTrue();
        assertThat(parameters.path("ringSize").asInt()).isBetween(3, 8);
      }
    });
  }

  @Test
  void theFixedWorldsLabelsAreAFlatObjectOfAccountIdToClass() throws IOException {
    SimulationResult result = new PlatformSimulator()
        .run(SimulationConfig.defaults(5L).withAccounts(500).withDays(3), new RecordingSink());
    Path file = dir.resolve("labels.json");
    LabelsFile.write(file, result);

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertThat(root.has("format")).isFalse();
    assertThat(root.size()).isEqualTo(500);
    assertThat(root.path("a0").isTextual()).isTrue();
    org.targetwatch.evaluation.LabelsFile read = org.targetwatch.evaluation.LabelsFile.read(file); // the one reader
    assertThat(read.randomized()).isFalse();
    assertThat(read.classes()).isEqualTo(result.labels());
    assertThat(read.accountParameters()).isEmpty();
    assertThat(result.accountParameters()).isEmpty();
  }

  @Test
  void anUnknownLabelsFormatIsRefusedWithTheFileName() throws IOException {
    Path file = dir.resolve("labels.json");
    Files.writeString(file, "{\"format\": \"targetwatch-labels/9\", \"accounts\": {}}");
    assertThatThrownBy(() -> org.targetwatch.evaluation.LabelsFile.read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("labels.json").hasMessageContaining("targetwatch-labels/9");
  }
}
