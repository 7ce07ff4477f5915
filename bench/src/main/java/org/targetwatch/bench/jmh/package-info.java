/**
 * JMH microbenchmarks of the hot paths, one class per path, named for what it measures: the
 * serdes (input wire format, internal records, the degree histogram), the graph questions (degree
 * rank, mutual friends, the co-targeting group) and each account-keyed processor per event
 * (account state, recipient enrichment, sender windows). Processors run against the detector's own
 * stores, built as the topology builds them but outside a Kafka Streams task
 * ({@code DetectorStoresOutsideTopology}), so a figure is our code plus the store and serde work it
 * asks for, without the runtime around it.
 *
 * <p>Run with {@code java -jar bench/target/targetwatch-bench.jar jmh [JMH options] [regex]}, e.g.
 * {@code jmh -f 1 -wi 3 -w 2s -i 5 -r 2s SenderWindows}. Figures only; nothing here is asserted.
 */
package org.targetwatch.bench.jmh;
