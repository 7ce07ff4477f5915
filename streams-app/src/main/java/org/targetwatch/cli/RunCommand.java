package org.targetwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.KafkaStreams;
import org.targetwatch.runtime.DetectorRuntime;
import org.targetwatch.runtime.StartupCheckException;
import org.targetwatch.runtime.config.ConfigProblem;
import org.targetwatch.runtime.config.InvalidConfigurationException;
import org.targetwatch.runtime.config.TargetwatchConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the production service beside a Kafka cluster (docs/operations.md). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the detector against a Kafka cluster until stopped (SIGTERM closes it cleanly).",
        "Precedence: defaults < --config file < environment (TARGETWATCH_FOO_BAR, KAFKA_FOO_BAR) < --set.",
        "Exit codes: 0 stopped, 1 failed while running, 2 bad configuration or cluster not ready."})
final class RunCommand implements Callable<Integer> {
  static final int EXIT_FAILED = 1;
  static final int EXIT_NOT_STARTED = 2;
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file (key=value a line).")
  Path configFile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting, overriding file and environment; repeatable.")
  List<String> sets = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    TargetwatchConfig config;
    try {
      config = TargetwatchConfig.load(Optional.ofNullable(configFile), System.getenv(), sets);
    } catch (InvalidConfigurationException e) {
      for (ConfigProblem problem : e.problems()) {
        err.println(problem);
      }
      err.println("run: not started: " + e.problems().size() + " configuration problem(s); see docs/operations.md");
      err.flush();
      return EXIT_NOT_STARTED;
    }
    StopSignal stop = StopSignal.listen();
    DetectorRuntime runtime;
    try {
      runtime = DetectorRuntime.start(config);
    } catch (StartupCheckException | KafkaException e) {
      // KafkaException: a client refused a pass-through setting (e.g. an unknown security protocol)
      err.println("run: not started: " + e.getMessage());
      err.flush();
      return EXIT_NOT_STARTED;
    }
    runtime.closeOnShutdown(); // for a stop that is not SIGTERM / SIGINT (e.g. SIGHUP)
    try (runtime) {
      while (!runtime.awaitTermination(Duration.ofMillis(100))) {
        if (stop.await(0)) {
          // readiness turns 503 first, then Kafka Streams commits and closes within shutdown.timeout
          LOG.info("{}: stopping (at most {})", stop.name(), config.shutdownTimeout());
          runtime.close();
        }
      }
      return runtime.state() == KafkaStreams.State.ERROR ? EXIT_FAILED : 0;
    }
  }
}
