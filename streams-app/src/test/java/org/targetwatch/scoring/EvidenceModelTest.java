package org.targetwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.runtime.config.ConfigProblem;
import org.targetwatch.runtime.config.DetectorSettings;
import org.targetwatch.runtime.config.InvalidConfigurationException;

/** The evidence model file: the shipped one loads; a broken one stops start-up naming the setting and the reason. */
class EvidenceModelTest {

  @Test
  void theShippedModelIsTheFittedOneWithEveryWeightAtLeastZero() {
    EvidenceModel model = EvidenceModel.defaults();
    assertThat(model.version()).startsWith("fitted-");
    assertThat(List.of(model.volume(), model.preferenceSize(), model.strangers(), model.targetCohesion(),
        model.indiscriminate(), model.coTargeting())).allMatch(w -> w >= 0);
  }

  @Test
  void theSafetyLoopsWeightsAreReadFromTheFileAndTakeTheirReasonedValuesInAFileFittedBeforeThem(@TempDir Path dir)
      throws IOException {
    String shipped = Files.readString(Path.of("src/main/resources/org/targetwatch/scoring/evidence-model.properties"));
    Path older = dir.resolve("older.properties");
    Files.writeString(older, shipped.replaceAll("(?m)^weight\\.(protecting\\.minors|other\\.reporters|confirmed\\.link)=.*$", ""));
    Path tuned = dir.resolve("tuned.properties");
    Files.writeString(tuned, shipped.replaceFirst("weight.protecting.minors=[0-9.]+", "weight.protecting.minors=0.7"));
    Path broken = dir.resolve("broken.properties");
    Files.writeString(broken, shipped.replaceFirst("weight.other.reporters=[0-9.]+", "weight.other.reporters=lots"));

    assertThat(EvidenceModel.fromFile(older).protectingMinors()).isEqualTo(EvidenceModel.PROTECTING_MINORS_PRIOR);
    assertThat(EvidenceModel.fromFile(older).confirmedLink()).isEqualTo(EvidenceModel.CONFIRMED_LINK_PRIOR);
    assertThat(EvidenceModel.fromFile(tuned).protectingMinors()).isEqualTo(0.7);
    assertThatThrownBy(() -> EvidenceModel.fromFile(broken)).hasMessageContaining("weight.other.reporters");
  }

  @Test
  void aModelFileWithoutAWeightIsRefusedNamingTheMissingKey(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("model.properties");
    Files.writeString(file, "version=x\nintercept=-4\n");

    assertThatThrownBy(() -> DetectorSettings.load(Optional.empty(), List.of("detector.evidence.model=" + file)))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).extracting(ConfigProblem::key)
            .containsExactly("detector.evidence.model"))
        .hasMessageContaining("missing key reliability.minors");
  }

  @Test
  void aNegativeWeightOrAMissingFileIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("model.properties");
    Files.writeString(file, Files.readString(Path.of("src/main/resources/org/targetwatch/scoring/evidence-model.properties"))
        .replaceFirst("weight.strangers=[0-9.]+", "weight.strangers=-1"));

    assertThatThrownBy(() -> EvidenceModel.fromFile(file)).hasMessageContaining("at least 0");
    assertThatThrownBy(() -> EvidenceModel.fromFile(dir.resolve("absent.properties")))
        .hasMessageStartingWith("cannot read evidence model");
  }
}
