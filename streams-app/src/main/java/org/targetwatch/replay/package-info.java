/**
 * {@code replay}: an event file through the production detector, in event time, into an alert file.
 *
 * <ul>
 *   <li>{@link org.targetwatch.replay.Replay} reads and validates the file once, keeping each event
 *       as compact bytes with its event time ({@code TimeOrderedEvents}), sorts them by event time
 *       and feeds the events one by one to an engine, writing the alerts and the summary.
 *   <li>{@code ProcessorPipeline}, the engine: the production intake and processors
 *       ({@code AccountEventsProcessor}, {@code RecipientEnrichment}, {@code SenderWindowsProcessor},
 *       {@code CampaignProcessor}) over the production stores ({@code ReplayStores}), each
 *       processor given a {@code StageContext} that forwards into the next stage's
 *       {@code InternalTopic}, an in-memory FIFO standing for a repartition topic. No test driver,
 *       no serialisation between stages, no commits.
 *   <li>The stores hold objects ({@code ObjectKeyValueStore}, {@code ObjectWindowStore}) and copy
 *       them in and out ({@code StoreValueCopies}), so each read gives the processor its own value
 *       as a store that serialises would, without the bytes; they answer as Kafka Streams'
 *       in-memory stores do. Kafka Streams' own stores (in memory, or RocksDB)
 *       can be chosen instead, to measure what the state costs.
 *   <li>Order is that of one Kafka Streams task with every topic in one partition, as the
 *       {@code TopologyTestDriver} replay ran it: each event is processed, with everything it
 *       causes downstream, before the next; within that, {@code TaskQueues} takes the record
 *       Kafka Streams' {@code PartitionGroup} would take (lowest head timestamp, ties broken by the
 *       same priority queue); {@code TaskStreamTime} keeps stream time (the largest record
 *       timestamp taken) and fires stream-time punctuators as {@code StreamTask} does, after each
 *       record.
 *   <li>{@code PartitionedPipeline} ({@code replay --partitions N}): the same processors as N tasks
 *       of the account sub-topology, each with its own stores, stream time and queues, and the
 *       campaign stage as a task of its own, records taken in event-time order across all of them:
 *       what a deployment with N partitions raises, each task ranking minors against its own
 *       histogram.
 * </ul>
 *
 * The test-driver engine is kept in the tests, as the reference the pipeline must agree with alert
 * for alert.
 *
 * <p>For tests, the pipeline can delay the records of its internal topics, by partition of their key
 * ({@code TaskQueues.HopDelay}): a record is taken only once stream time has moved that far past when
 * it was written, as on a live cluster whose internal topics take time and whose partitions progress
 * unevenly; {@code DecisionsDoNotDependOnHopDelayTest} checks that the detector decides the same.
 * {@code replay} never delays.
 */
package org.targetwatch.replay;
