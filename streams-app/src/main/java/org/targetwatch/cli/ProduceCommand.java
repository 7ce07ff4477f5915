package org.targetwatch.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.targetwatch.demo.PacedKafkaSink;
import org.targetwatch.registry.RegistryClientConfig;
import org.targetwatch.registry.SchemaRegistryClients;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;
import org.targetwatch.topology.DetectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code produce}: the simulated platform, produced as Confluent Avro to a real cluster in accelerated time. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Produce a simulated platform's events to Kafka (Avro, Confluent wire format) in accelerated event time.")
final class ProduceCommand implements Callable<Integer> {
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

  @Override
  public Integer call() {
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
}
