package org.targetwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.targetwatch.eventfile.JsonLinesWriter;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;
import org.targetwatch.simulator.EventSink;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;
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

  @Override
  public Integer call() throws Exception {
    SimulationConfig config;
    try {
      config = SimulationConfig.defaults(seed).withAccounts(accounts).withDays(days);
    } catch (IllegalArgumentException e) {
      System.err.println("simulate: " + e.getMessage());
      return 2;
    }
    Files.createDirectories(output);
    SimulationResult result;
    try (JsonLinesWriter writer = JsonLinesWriter.to(output.resolve("events.jsonl"))) {
      result = new PlatformSimulator().run(config, new EventSink() {
        @Override
        public void profile(Profile p) {
          writer.write(p);
        }

        @Override
        public void friendRequest(FriendRequestEvent e) {
          writer.write(e);
        }

        @Override
        public void message(MessageEvent e) {
          writer.write(e);
        }
      });
    }
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(output.resolve("labels.json").toFile(), result.labels());
    System.err.printf("simulate: %,d accounts, %,d events (%,d late) -> %s%n", accounts, result.totalEvents(),
        result.lateEvents(), output);
    System.err.println("simulate: accounts per class " + result.accountsPerClass());
    return 0;
  }
}
