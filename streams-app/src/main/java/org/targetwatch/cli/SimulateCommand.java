package org.targetwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.targetwatch.eventfile.EventFileWriter;

import org.targetwatch.simulator.EventFileSink;
import org.targetwatch.simulator.LabelsFile;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;
import org.targetwatch.simulator.WorldParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: a synthetic platform as an event file plus ground-truth labels. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Write DIR/events.jsonl and DIR/labels.json for a synthetic platform (deterministic per seed).")
final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--accounts", defaultValue = "20000", description = "Accounts (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "14", description = "Observed days (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--output", required = true, description = "Directory to write into.")
  Path output;

  @Option(names = "--randomize", description = "Draw the platform's shape and each planted account's"
      + " behaviour parameters from wide ranges (a world per seed; docs/simulator.md); labels.json is"
      + " then format targetwatch-labels/2 with the drawn parameters.")
  boolean randomize;

  @Option(names = "--reports", description = "Also simulate blocks and reports: minors protecting themselves from"
      + " the accounts that contact them, spam reported as SPAM, and noise (docs/simulator.md). The other events"
      + " are the same as without.")
  boolean reports;

  @Override
  public Integer call() throws Exception {
    SimulationConfig config;
    try {
      config = SimulationConfig.defaults(seed).withAccounts(accounts).withDays(days);
      if (randomize) {
        config = config.withRandomizedWorld();
      }
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      return 2;
    }
    Files.createDirectories(output);
    SimulationResult result;
    try (EventFileWriter writer = EventFileWriter.create(output.resolve("events.jsonl"))) {
      PlatformSimulator simulator = reports ? new PlatformSimulator().withSafetyReports() : new PlatformSimulator();
      result = simulator.run(config, new EventFileSink(writer));
    }
    LabelsFile.write(output.resolve("labels.json"), result);
    System.err.printf("simulate: %,d accounts, %,d events (%,d late) -> %s%n", accounts, result.totalEvents(),
        result.lateEvents(), output);
    System.err.println("simulate: accounts per class " + result.accountsPerClass());
    if (randomize) {
      WorldParameters.Platform platform = result.world().platform();
      System.err.printf("simulate: randomized world: minors %.0f%%, degrees %s (shape %.2f, scale %.1f),"
              + " %.0f%% of minors' friendships within their communities, schools of %d%n",
          100 * platform.minorShare(), platform.teenDegree().family().name().toLowerCase(Locale.ROOT),
          platform.teenDegree().shape(), platform.teenDegree().scale(),
          100 * platform.minorsWithinCommunityShare(), platform.pupilsPerSchool());
    }
    return 0;
  }
}
