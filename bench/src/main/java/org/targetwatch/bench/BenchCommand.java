package org.targetwatch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.targetwatch.bench.endtoend.EndToEndBenchmark;
import org.targetwatch.bench.latency.AlertLatencyBenchmark;
import org.targetwatch.bench.platform.StreamsTuning;
import org.targetwatch.bench.statecost.StateCostBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar bench/target/targetwatch-bench.jar <benchmark>}: each subcommand runs one
 * benchmark and prints its figures. None of them is part of the test suite.
 */
@Command(name = "targetwatch-bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of targetwatch that print figures.",
    subcommands = {BenchCommand.EndToEnd.class, BenchCommand.Latency.class, BenchCommand.StateCost.class,
        BenchCommand.Jmh.class})
public final class BenchCommand implements Callable<Integer> {
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand())
        .setExecutionExceptionHandler(BenchCommand::userError).execute(args));
  }

  /** A size or rate the simulator or a benchmark refuses is the user's error: its message, no stack trace. */
  private static int userError(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
    if (e instanceof IllegalArgumentException) {
      command.getErr().println(command.getCommandName() + ": " + e.getMessage());
      return 2;
    }
    throw e;
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  /** Raw consumer, pass-through Kafka Streams and targetwatch over the same simulated events. */
  @Command(name = "end-to-end", mixinStandardHelpOptions = true,
      description = "events/s of a raw consumer, a pass-through Kafka Streams app and targetwatch over the same events")
  static final class EndToEnd implements Callable<Integer> {
    @Option(names = "--accounts", defaultValue = "20000", description = "simulated accounts (default ${DEFAULT-VALUE})")
    int accounts;
    @Option(names = "--days", defaultValue = "7", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--seed", defaultValue = "1", description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default ${DEFAULT-VALUE})")
    int partitions;
    @Option(names = "--threads", defaultValue = "2", description = "stream threads of both apps (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--guarantee", defaultValue = "exactly_once_v2",
        description = "processing guarantee of both apps (default ${DEFAULT-VALUE})")
    String guarantee;
    @Option(names = "--rounds", defaultValue = "2",
        description = "times each application runs over the events, taking turns; the first round on a cold JVM,"
            + " the last one's figures are the result (default ${DEFAULT-VALUE})")
    int rounds;
    @Option(names = "--timeout", defaultValue = "PT20M", description = "give up on a phase after (default ${DEFAULT-VALUE})")
    Duration timeout;
    @Option(names = "--set", description = "extra targetwatch setting key=value (repeatable), e.g. kafka.max.task.idle.ms=-1")
    List<String> settings = new ArrayList<>();
    @Option(names = "--variant", description = "targetwatch again with other settings in every round, taking turns"
        + " with the default: label:key=value[,key=value...] (repeatable), e.g. commit500:kafka.commit.interval.ms=500")
    List<String> variants = new ArrayList<>();
    @Option(names = "--cache-hit-ratios", description = "record and print the record cache hit ratio per store"
        + " (Kafka Streams metrics at DEBUG level: slower, throughput not comparable)")
    boolean cacheHitRatios;

    @Override
    public Integer call() throws Exception {
      new EndToEndBenchmark(EndToEndBenchmark.Options.of(accounts, days, seed, partitions, threads, guarantee, rounds,
          timeout, settings, variants.stream().map(EndToEndBenchmark.Variant::parse).toList(), cacheHitRatios),
          System.out).run();
      return 0;
    }
  }

  /** Alert latency at a fixed input rate. */
  @Command(name = "latency", mixinStandardHelpOptions = true,
      description = "p50/p99 time from producing the event that raises an alert to the alert being readable")
  static final class Latency implements Callable<Integer> {
    @Option(names = "--accounts", defaultValue = "5000", description = "simulated accounts (default ${DEFAULT-VALUE})")
    int accounts;
    @Option(names = "--days", defaultValue = "7", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--seed", defaultValue = "1", description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--partitions", defaultValue = "4", description = "partitions per topic (default ${DEFAULT-VALUE})")
    int partitions;
    @Option(names = "--threads", defaultValue = "2", description = "stream threads (default ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--rate", defaultValue = "5000", description = "input events per second (default ${DEFAULT-VALUE})")
    int rate;
    @Option(names = "--guarantee", defaultValue = "exactly_once_v2", description = "processing guarantee (default ${DEFAULT-VALUE})")
    String guarantee;
    @Option(names = "--warm-up", defaultValue = "PT20S",
        description = "alerts raised earlier are reported apart (JIT, first segments; default ${DEFAULT-VALUE})")
    Duration warmUp;
    @Option(names = "--set", description = "extra targetwatch setting key=value (repeatable)")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      new AlertLatencyBenchmark(new AlertLatencyBenchmark.Options(accounts, days, seed, partitions, rate, warmUp,
          new StreamsTuning(threads, guarantee, 2000), settings), System.out).run();
      return 0;
    }
  }

  /** What the state costs for one size of platform (run once per size: the heap figure is the JVM's). */
  @Command(name = "state-cost", mixinStandardHelpOptions = true,
      description = "state entries, heap (in-memory stores) or disk (RocksDB) after N accounts' worth of events")
  static final class StateCost implements Callable<Integer> {
    @Option(names = "--accounts", defaultValue = "10000", description = "simulated accounts (default ${DEFAULT-VALUE})")
    int accounts;
    @Option(names = "--days", defaultValue = "2", description = "simulated days (default ${DEFAULT-VALUE})")
    int days;
    @Option(names = "--seed", defaultValue = "1", description = "simulator seed (default ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--rocksdb", description = "RocksDB stores (disk) instead of in-memory ones (heap)")
    boolean rocksDb;

    @Override
    public Integer call() throws Exception {
      new StateCostBenchmark(new StateCostBenchmark.Options(accounts, days, seed, rocksDb), System.out).run();
      return 0;
    }
  }

  /** The JMH microbenchmarks of the hot paths; arguments go to JMH as they are (e.g. a regex of benchmark names). */
  @Command(name = "jmh", mixinStandardHelpOptions = false, description = "JMH microbenchmarks of the hot paths (arguments are passed to JMH)")
  static final class Jmh implements Callable<Integer> {
    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      org.openjdk.jmh.Main.main(jmhArguments.toArray(String[]::new));
      return 0;
    }
  }
}
