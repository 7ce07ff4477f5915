package org.targetwatch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.targetwatch.runtime.config.ConfigKeys;
import org.targetwatch.runtime.local.LocalCluster;
import org.targetwatch.topology.DetectorConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code local-cluster}: the embedded broker and registry as a standalone process, to rehearse {@code run}. */
@Command(name = "local-cluster", mixinStandardHelpOptions = true,
    description = {"A single-node Kafka cluster (KRaft) and a schema registry in this process, on 127.0.0.1, with the"
        + " detector's topics: try 'run' and 'produce --input' locally without Docker. Stops on SIGTERM / Ctrl-C.",
        "With --data-dir, a restart on the same directory keeps topics, offsets, schemas and ports."})
final class LocalClusterCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Keep the cluster's data here (default: a temporary directory, deleted on stop).")
  Path dataDir;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions of each topic created (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--port", description = "Broker port (default: the one kept in --data-dir, else 9092; 0 for any free port).")
  Integer port;

  @Option(names = "--registry-port", description = "Schema registry port (default: the one kept in --data-dir, else 8081; 0 for any).")
  Integer registryPort;

  @Option(names = "--controller-port", description = "KRaft controller port (default: the one kept in --data-dir, else any).")
  Integer controllerPort;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (partitions < 1) {
      err.println("local-cluster: --partitions must be at least 1, was " + partitions);
      err.flush();
      return 2;
    }
    StopSignal stop = StopSignal.listen();
    boolean kept = dataDir != null && dataDir.resolve("kafka").toFile().isDirectory();
    LocalCluster.Ports ports = new LocalCluster.Ports(
        port != null ? port : kept ? 0 : 9092,
        controllerPort != null ? controllerPort : 0,
        registryPort != null ? registryPort : kept ? 0 : 8081);
    LocalCluster cluster;
    try {
      cluster = LocalCluster.start(dataDir, ports, partitions, DetectorConfig.defaults(),
          ConfigKeys.TOPIC_DEAD_LETTERS.defaultValue());
    } catch (RuntimeException e) {
      err.println("local-cluster: not started: " + e.getMessage());
      err.flush();
      return 2;
    }
    try (cluster) {
      out.println("bootstrap servers: " + cluster.bootstrapServers());
      out.println("schema registry: " + cluster.registryUrl());
      out.println("topics created: " + (cluster.createdTopics().isEmpty() ? "none (kept in " + dataDir + ")"
          : String.join(", ", cluster.createdTopics())));
      out.println("local-cluster: running; SIGTERM or Ctrl-C stops it");
      out.flush();
      stop.await();
      out.println("local-cluster: " + stop.name() + ": stopping");
      out.flush();
    }
    out.println("local-cluster: stopped");
    out.flush();
    return 0;
  }
}
