package org.targetwatch.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both labels formats: the flat one of plain {@code simulate}, and targetwatch-labels/2 with parameters. */
class LabelsFileTest {
  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path file = dir.resolve("labels.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void aFlatLabelsFileGivesClassesAndNoParameters() throws IOException {
    LabelsFile labels = LabelsFile.read(write("{\"a1\": \"offender.snowball\", \"a2\": \"benign.ordinary\"}"));

    assertThat(labels.classes()).containsExactlyInAnyOrderEntriesOf(Map.of("a1", "offender.snowball", "a2", "benign.ordinary"));
    assertThat(labels.accountParameters()).isEmpty();
    assertThat(labels.worldSeed()).isNull();
    assertThat(labels.randomized()).isFalse();
  }

  @Test
  void theSecondFormatKeepsEachAccountsNumericParametersAndTheWorldsParameters() throws IOException {
    LabelsFile labels = LabelsFile.read(write("""
        {
          "format": "targetwatch-labels/2",
          "world": {"seed": 7, "randomized": true, "parameters": {"minorShare": 0.31, "mix": {"teacher": 2}}},
          "accounts": {
            "a0001": {"class": "offender.snowball", "parameters": {"degreePickedShare": 0.55, "acceptanceRate": 0.4, "intensity": 18}},
            "a0002": {"class": "offender.sock_puppet_ring", "parameters": {"degreePickedShare": 0.8, "ringOverlap": 0.12, "ringSize": 5, "ringId": "r1"}},
            "a0003": {"class": "benign.teacher", "parameters": {"intensity": 25, "patternOverlap": 0.3}},
            "a0004": {"class": "benign.ordinary"}
          }
        }
        """));

    assertThat(labels.classes()).hasSize(4).containsEntry("a0002", "offender.sock_puppet_ring").containsEntry("a0004", "benign.ordinary");
    assertThat(labels.parametersOf("a0001")).isEqualTo(Map.of("degreePickedShare", 0.55, "acceptanceRate", 0.4, "intensity", 18.0));
    assertThat(labels.parametersOf("a0002")).as("the string ringId is not a strength and is left out")
        .isEqualTo(Map.of("degreePickedShare", 0.8, "ringOverlap", 0.12, "ringSize", 5.0));
    assertThat(labels.parametersOf("a0004")).isEmpty();
    assertThat(labels.worldSeed()).isEqualTo(7L);
    assertThat(labels.randomized()).isTrue();
    assertThat(labels.worldParameters()).containsEntry("minorShare", 0.31).containsKey("mix");
    assertThat(Evaluation.readLabels(labels.file())).as("the classes, whichever the format").isEqualTo(labels.classes());
  }

  @Test
  void anUnknownFormatIsRefusedOnOneLineNamingTheFileAndTheFormat() throws IOException {
    Path file = write("{\"format\": \"targetwatch-labels/3\", \"accounts\": {}}");

    assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageStartingWith(file.toString()).hasMessageContaining("targetwatch-labels/3").hasMessageNotContaining("\n");
  }

  @Test
  void anAccountWithoutAClassIsRefusedNamingTheAccount() throws IOException {
    Path file = write("{\"format\": \"targetwatch-labels/2\", \"accounts\": {\"a1\": {\"parameters\": {\"intensity\": 3}}}}");

    assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageContaining("labels.json").hasMessageContaining("accounts.a1 has no \"class\"").hasMessageNotContaining("\n");
  }

  @Test
  void accountsThatAreNotAnObjectAreRefused() throws IOException {
    Path file = write("{\"format\": \"targetwatch-labels/2\", \"accounts\": [\"a1\"]}");

    assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageContaining("\"accounts\" must be an object");
  }

  @Test
  void parametersThatAreNotAnObjectAreRefusedNamingTheAccount() throws IOException {
    Path file = write("{\"format\": \"targetwatch-labels/2\", \"accounts\": {\"a9\": {\"class\": \"benign.teacher\", \"parameters\": 4}}}");

    assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageContaining("accounts.a9.parameters must be an object");
  }

  @Test
  void brokenJsonIsRefusedWithItsLineAndColumn() throws IOException {
    Path file = write("{\n\"a1\": \"offender.snowball\",,\n}");

    assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageContaining("not valid JSON (line 2").hasMessageNotContaining("\n");
  }

  @Test
  void aFlatLabelWhichIsNotAStringIsRefusedNamingTheAccount() throws IOException {
    Path file = write("{\"a1\": \"offender.snowball\", \"a2\": 3}");

    assertThatThrownBy(() -> LabelsFile.read(file)).isInstanceOf(Evaluation.LabelsFileException.class)
        .hasMessageContaining("account a2 has no class label");
  }
}
