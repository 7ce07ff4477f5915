package org.targetwatch.bench.endtoend;

import org.targetwatch.bench.platform.BenchPlatform;

import java.time.Duration;
import org.targetwatch.demo.PacedKafkaSink;
import org.targetwatch.simulator.PlatformSimulator;
import org.targetwatch.simulator.SimulationConfig;
import org.targetwatch.simulator.SimulationResult;

/** Loads the simulator's events into the input topics as Confluent Avro, as fast as the broker takes them. */
final class EventLoad {
  private EventLoad() {}

  record Loaded(SimulationResult simulation, Throughput rate) {}

  static Loaded load(BenchPlatform platform, SimulationConfig simulation) {
    long started = System.nanoTime();
    SimulationResult result;
    try (PacedKafkaSink sink = new PacedKafkaSink(platform.bootstrapServers(), platform.registry(), platform.topics(),
        simulation.start(), simulation.days(), Duration.ZERO, (day, days, sent) -> {})) {
      result = new PlatformSimulator().run(simulation, sink);
    }
    return new Loaded(result, new Throughput("load (simulate + produce Avro)", result.totalEvents(),
        Duration.ofNanos(System.nanoTime() - started)));
  }
}
