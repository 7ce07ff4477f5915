package org.targetwatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.targetwatch.demo.PacedKafkaSink;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClient;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.registry.SchemaRegistryException;
import org.targetwatch.registry.WaitingForRegistryClient;
import org.targetwatch.replay.EventFileInTimeOrder;
import org.targetwatch.runtime.local.EventFileLoader;
import org.targetwatch.serde.WireFormatException;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;
import org.targetwatch.topology.DetectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code produce}: the simulated platform, produced as Confluent Avro to a real cluster in
 * accelerated time; or, with {@code --input}, an event file's events in event-time order.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = {"Produce a simulated platform's events to Kafka (Avro, Confluent wire format) in accelerated event time,",
        "or with --input an event file's events, in event-time order, keyed and partitioned as the README says platforms must.",
        "Exit codes: 0 every event acknowledged, 1 some send failed, 2 bad options or no such file."})
final class ProduceCommand implements Callable<Integer> {
  /** How long a send waits for a registry that does not answer before the load fails. */
  private static final Duration REGISTRY_WAIT = Duration.ofMinutes(4);

  @Option(names = "--bootstrap-servers", required = true, description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", required = true, description = "Confluent-compatible schema registry URL.")
  String registryUrl;

  @Option(names = "--accounts", defaultValue = "3000", description = "Accounts (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "7", description = "Simulated days (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--seconds-per-day", defaultValue = "30", description = "Real seconds per simulated day (default ${DEFAULT-VALUE}).")
  int secondsPerDay;

  @Option(names = "--input", paramLabel = "EVENTS.jsonl",
      description = "Event file (JSON Lines, contract/event-files.md) to produce instead of a simulation.")
  Path input;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
      description = "With --input: at most N events a second (default: as fast as the broker takes them).")
  double rate;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (input != null) {
      return produceFile();
    }
    SimulationConfig simulation;
    try {
      Instant periodStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days + 1L));
      simulation = SimulationConfig.defaults(seed).withAccounts(accounts).withDays(days).withStart(periodStart);
    } catch (IllegalArgumentException e) {
      System.err.println("produce: " + e.getMessage());
      return 2;
    }
    try (PacedKafkaSink sink = new PacedKafkaSink(bootstrapServers,
        SchemaRegistryClients.create(RegistryClientConfig.forUrl(registryUrl)), DetectorConfig.defaults(),
        simulation.start(), days, Duration.ofSeconds(secondsPerDay),
        (day, total, sent) -> System.err.printf("produce: %s, %,d events sent%n", PacedKafkaSink.day(day, total), sent))) {
      SimulationResult result = new PlatformSimulator().run(simulation, sink);
      System.err.printf("produce: %,d events sent for %,d accounts%n", result.totalEvents(), accounts);
    }
    return 0;
  }

  private int produceFile() throws IOException, InterruptedException {
    if (!Files.isRegularFile(input)) {
      System.err.println("produce: no such event file: " + input);
      return 2;
    }
    if (rate < 0) {
      System.err.println("produce: --rate must be 0 (full speed) or more, was " + rate);
      return 2;
    }
    long[] badLines = {0};
    EventFileInTimeOrder events = EventFileInTimeOrder.read(input, badLine -> {
      badLines[0]++;
      if (badLines[0] <= 100) {
        System.err.println(badLine);
      } else if (badLines[0] == 101) {
        System.err.println("(more bad lines: only the count is reported from here)");
      }
    });
    System.err.printf("produce: %,d events read from %s (%,d bad lines skipped), sending %s%n", events.size(), input,
        events.counts().badLines(), rate > 0 ? String.format(Locale.ROOT, "at %,.0f events/s", rate) : "at full speed");
    SchemaRegistryClient registry = new WaitingForRegistryClient(
        SchemaRegistryClients.create(RegistryClientConfig.forUrl(registryUrl)), REGISTRY_WAIT);
    EventFileLoader.Outcome outcome;
    try (EventFileLoader loader = new EventFileLoader(bootstrapServers, Map.of(), registry, DetectorConfig.defaults())) {
      outcome = loader.load(events, rate, new EventFileLoader.Progress() {
        @Override
        public void report(long sent, long acknowledged, int total) {
          System.err.printf("produce: %,d / %,d events sent, %,d acknowledged%n", sent, total, acknowledged);
        }

        @Override
        public void resending(int undelivered, int round, String firstFailure) {
          System.err.printf("produce: %,d events not delivered (%s); sending them again with a new producer (%d of %d)%n",
              undelivered, firstFailure, round, EventFileLoader.RESEND_ROUNDS);
        }
      });
    } catch (SchemaRegistryException | WireFormatException e) {
      System.err.println("produce: stopped: " + e.getMessage());
      return 1;
    }
    System.err.printf(Locale.ROOT, "produce: %,d events acknowledged, %,d failed, in %.1f s (%,.0f events/s)%n",
        outcome.acknowledged(), outcome.failed(), outcome.elapsed().toMillis() / 1000.0,
        outcome.sent() / Math.max(0.001, outcome.elapsed().toMillis() / 1000.0));
    if (outcome.failed() > 0) {
      System.err.println("produce: " + outcome.failed() + " events not acknowledged; first failure: " + outcome.firstFailure());
      return 1;
    }
    return 0;
  }
}
