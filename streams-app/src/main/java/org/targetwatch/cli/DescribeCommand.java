package org.targetwatch.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.targetwatch.registry.InMemorySchemaRegistry;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.DetectorTopology;
import org.targetwatch.topology.EventSerdes;
import picocli.CommandLine.Command;

/** Prints the topology: every source, processor, store, internal topic and sink, by name. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Print the Kafka Streams topology (processors, stores, internal topics) with the default configuration.")
final class DescribeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    // the serdes are not used to describe; an in-memory registry keeps this command offline
    EventSerdes serdes = EventSerdes.confluent(new InMemorySchemaRegistry());
    System.out.println(DetectorTopology.build(DetectorConfig.defaults(), serdes, Clock.systemUTC(), false).describe());
    return 0;
  }
}
