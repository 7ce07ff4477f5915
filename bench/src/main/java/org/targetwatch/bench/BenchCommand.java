package org.targetwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar bench/target/targetwatch-bench.jar <benchmark>}: each subcommand runs one
 * benchmark and prints its figures. None of them is part of the test suite.
 */
@Command(name = "targetwatch-bench", mixinStandardHelpOptions = true,
    description = "Benchmarks of targetwatch that print figures.",
    subcommands = {BenchCommand.Jmh.class})
public final class BenchCommand implements Callable<Integer> {
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
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
