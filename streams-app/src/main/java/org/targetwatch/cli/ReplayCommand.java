package org.targetwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.targetwatch.eventfile.BadLine;
import org.targetwatch.replay.AssessmentTraceFile;
import org.targetwatch.replay.Replay;
import org.targetwatch.scoring.AssessmentTrace;
import org.targetwatch.topology.DetectorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code replay}: an event file through the production topology into an alert file. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Run an event file (JSON Lines) through the detection topology in event time and write the alerts.")
final class ReplayCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, description = "Event file (JSON Lines, docs/event-files.md); repeatable: "
      + "the files' events are replayed as one stream in event time (a world's events and a reviewer's verdicts).")
  List<Path> inputs;

  @Option(names = "--output", required = true, description = "Alert file to write (JSON Lines).")
  Path output;

  @Option(names = "--trace", description = "Also write every assessment (signals' values and bases) as JSON Lines to this file.")
  Path trace;

  @Option(names = "--partitions", defaultValue = "1", paramLabel = "N",
      description = "Run as a deployment whose topics have N partitions does: a task per partition, each with its own"
          + " stores and its own figures of the minors it holds (default: ${DEFAULT-VALUE}, one task). Give the deployment's"
          + " count to backtest what it raises.")
  int partitions;

  @Override
  public Integer call() throws Exception {
    if (partitions < 1) {
      System.err.println("replay: --partitions must be at least 1, was " + partitions);
      return 2;
    }
    for (Path input : inputs) {
      if (!Files.isRegularFile(input)) {
        System.err.println("replay: no such event file: " + input);
        return 2;
      }
    }
    long[] badLines = {0};
    AssessmentTraceFile traceFile = trace == null ? null : new AssessmentTraceFile(trace);
    Replay replay = new Replay(DetectorConfig.defaults())
        .partitioned(partitions, traceFile == null ? AssessmentTrace.NONE : traceFile);
    Replay.Summary summary = replay.run(inputs, output, new Replay.Listener() {
      @Override
      public void onBadLine(BadLine badLine) {
        badLines[0]++;
        if (badLines[0] <= 100) {
          System.err.println(badLine);
        } else if (badLines[0] == 101) {
          System.err.println("(more bad lines: only the count is reported from here)");
        }
      }

      @Override
      public void onProgress(long replayed, long total, long alerts) {
        System.err.printf("replay: %,d / %,d events, %,d alerts%n", replayed, total, alerts);
      }
    });
    if (traceFile != null) {
      traceFile.close();
    }
    System.err.printf("replay: %,d lines, %,d events, %,d bad lines, %,d alerts %s in %.1f s (%,.0f events/s)%n",
        summary.lines(), summary.events(), summary.badLines(), summary.alerts(), summary.alertsBySeverity(),
        summary.elapsed().toMillis() / 1000.0, summary.eventsPerSecond());
    return 0;
  }
}
