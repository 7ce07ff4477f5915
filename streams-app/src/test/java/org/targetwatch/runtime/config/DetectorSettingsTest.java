package org.targetwatch.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.targetwatch.topology.DetectorConfig;

/** Detection settings for offline evaluation: run's keys and checks, without a Kafka cluster to name. */
class DetectorSettingsTest {

  @Test
  void withNothingSetTheDetectorIsTheDefaultOne() {
    assertThat(DetectorSettings.load(Optional.empty(), List.of())).isEqualTo(DetectorConfig.defaults());
  }

  @Test
  void setOverridesTheFileAndBothReachTheDetector(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tuning.properties");
    Files.writeString(file, "detector.threshold.young.account.days=20\ncampaign.min.group.size=4\n"
        + "bootstrap.servers=prod:9092\nkafka.security.protocol=SASL_SSL\n");

    DetectorConfig detector = DetectorSettings.load(Optional.of(file),
        List.of("detector.threshold.young.account.days=14", "detector.burst.window=12h"));

    assertThat(detector.thresholds().youngAccountDays()).isEqualTo(14.0);
    assertThat(detector.campaigns().minGroupSize()).isEqualTo(4);
    assertThat(detector.burstWindow().size()).isEqualTo(Duration.ofHours(12));
    assertThat(DetectorSettings.explicit(Optional.of(file), List.of("detector.threshold.young.account.days=14")))
        .as("what the report says was evaluated: the detection settings that differ from the defaults")
        .containsOnlyKeys("detector.threshold.young.account.days", "campaign.min.group.size")
        .containsEntry("detector.threshold.young.account.days", "14");
  }

  @Test
  void aSettingThatIsNotADetectionSettingIsRefusedOnTheCommandLine() {
    assertThatThrownBy(() -> DetectorSettings.load(Optional.empty(), List.of("num.stream.threads=4")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("num.stream.threads: not a detection setting (only detector.* and campaign.* keys apply here)");
  }

  @Test
  void aMistypedKeyAndABadValueAreBothReportedWithRunsMessages() {
    assertThatThrownBy(() -> DetectorSettings.load(Optional.empty(),
        List.of("detector.severity.medum=0.3", "detector.threshold.burst.min.minors=many")))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(e -> assertThat(((InvalidConfigurationException) e).problems()).extracting(ConfigProblem::key)
            .containsExactlyInAnyOrder("detector.severity.medum", "detector.threshold.burst.min.minors"))
        .hasMessageContaining("did you mean detector.severity.medium?");
  }
}
