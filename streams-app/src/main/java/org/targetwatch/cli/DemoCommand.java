package org.targetwatch.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.targetwatch.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: everything in one process, on a synthetic platform, with alerts on the console. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start an embedded Kafka broker and schema registry, run the detector, play a simulated platform"
        + " through it in accelerated time and print alerts as they come; Ctrl-C stops it cleanly.")
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--accounts", defaultValue = "3000", description = "Accounts on the platform (default ${DEFAULT-VALUE}).")
  int accounts;

  @Option(names = "--days", defaultValue = "7", description = "Days simulated (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Simulation seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--seconds-per-day", defaultValue = "6",
      description = "Real seconds one simulated day takes (default ${DEFAULT-VALUE}).")
  int secondsPerDay;

  @Override
  public Integer call() throws Exception {
    // the console is for alerts: the clients' and broker's routine logging would drown them
    quietLogging();
    PrintStream out = System.out;
    Demo demo = new Demo(new Demo.Options(accounts, days, seed, Duration.ofSeconds(secondsPerDay)), out);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      demo.stop();
      try {
        main.join(60_000); // let the demo close the broker and delete its data
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Demo.Summary summary = demo.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl-C: the hook is waiting for us to finish
    }
    out.println(DemoReport.format(summary));
    return 0;
  }

  private static void quietLogging() {
    for (String logger : new String[] {"org.slf4j.simpleLogger.log.org.apache.kafka", "org.slf4j.simpleLogger.log.kafka",
        "org.slf4j.simpleLogger.log.org.targetwatch"}) {
      if (System.getProperty(logger) == null) {
        System.setProperty(logger, "error");
      }
    }
    // the embedded broker logs each new transactional producer's first append as an error; it retries and succeeds
    if (System.getProperty("org.slf4j.simpleLogger.log.kafka.server.ReplicaManager") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.kafka.server.ReplicaManager", "off");
    }
  }
}
