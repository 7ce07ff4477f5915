package org.targetwatch.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.Alert;
import org.targetwatch.schema.Evidence;
import org.targetwatch.schema.Severity;

class CampaignGraphExportTest {
  static Alert member(String account, List<String> targets) {
    return Alert.newBuilder().setAlertId(account).setAccountId(account).setDetectedAt(Instant.EPOCH)
        .setWindowStart(Instant.EPOCH).setWindowEnd(Instant.EPOCH).setScore(0.9).setSeverity(Severity.CRITICAL)
        .setReasons(List.of()).setEvidence(Evidence.newBuilder().setSampleTargetIds(targets).build())
        .setCampaignId("c-1").build();
  }

  private final List<Alert> campaign = List.of(member("p1", List.of("m1", "m2")), member("p2", List.of("m2", "m3")));

  @Test
  void theJsonGraphHoldsMembersTargetsAndMarksSharedMinors() throws Exception {
    JsonNode json = new ObjectMapper().readTree(CampaignGraphExport.export(campaign, CampaignGraphExport.Format.JSON));
    assertThat(json.get("nodes")).hasSize(5);
    assertThat(json.get("edges")).hasSize(4);
    assertThat(json.get("nodes").findValuesAsText("kind")).containsExactlyInAnyOrder(
        "account", "account", "minor", "shared-minor", "minor");
  }

  @Test
  void theGraphMlNamesEveryNodeWithItsKind() {
    String graphMl = CampaignGraphExport.export(campaign, CampaignGraphExport.Format.GRAPHML);
    assertThat(graphMl).contains("<graphml").contains("<node id=\"p1\">").contains("shared-minor")
        .contains("<edge");
  }
}
