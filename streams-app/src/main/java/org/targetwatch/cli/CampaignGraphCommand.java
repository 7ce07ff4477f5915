package org.targetwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.targetwatch.campaigns.CampaignGraphExport;
import org.targetwatch.eventfile.AlertFileReader;
import org.targetwatch.schema.Alert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code campaign-graph}: a campaign's accounts and targets as a graph file for analysts. */
@Command(name = "campaign-graph", mixinStandardHelpOptions = true,
    description = "Export a campaign (accounts and the minors they targeted) from an alert file as GraphML or JSON.")
final class CampaignGraphCommand implements Callable<Integer> {
  @Option(names = "--alerts", required = true, description = "Alert file (JSON Lines).")
  Path alerts;

  @Option(names = "--campaign", required = true, description = "The campaignId.")
  String campaignId;

  @Option(names = "--format", defaultValue = "GRAPHML", description = "GRAPHML or JSON (default ${DEFAULT-VALUE}).")
  CampaignGraphExport.Format format;

  @Option(names = "--output", required = true, description = "File to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(alerts)) {
      System.err.println("campaign-graph: no such alert file: " + alerts);
      return 2;
    }
    List<Alert> members = new ArrayList<>();
    AlertFileReader.readAll(alerts, bad -> System.err.println(bad), alert -> {
      if (campaignId.equals(alert.getCampaignId())) {
        members.add(alert);
      }
    });
    if (members.isEmpty()) {
      System.err.println("campaign-graph: no alert of campaign " + campaignId + " in " + alerts);
      return 2;
    }
    Files.writeString(output, CampaignGraphExport.export(members, format));
    System.err.printf("campaign-graph: %d accounts written to %s%n", members.size(), output);
    return 0;
  }
}
