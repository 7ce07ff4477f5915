package org.targetwatch.intake;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.topology.DetectorMetrics;

/**
 * Decides, per intake message, whether this task owns the account it is keyed by. The inputs are
 * keyed by the owning account, so when the platform's producers partition them like Kafka's default
 * partitioner with as many partitions as the account topics, the task reading input partition p is
 * the task that owns the accounts of partition p of the account topics (they are one sub-topology):
 * the message is handled in place, without a round trip through a topic. A message in any other
 * partition (another partitioner, a key that is not the owner) is sent on through
 * {@code account-events}, so nothing depends on how the producer partitioned.
 */
public final class OwnerRouting implements Processor<String, AccountMessage, String, RoutedMessage> {
  private final AccountPartitioner partitioner;
  private final DetectorMetrics metrics;
  private ProcessorContext<String, RoutedMessage> context;

  /**
   * @param partitions the account topics' partition count; 0 when unknown, and then every message
   *     goes through {@code account-events}
   */
  public OwnerRouting(int partitions, DetectorMetrics metrics) {
    this.partitioner = partitions > 0 ? new AccountPartitioner(partitions) : null;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, RoutedMessage> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, AccountMessage> record) {
    boolean ownedHere = ownsAccount(record.key());
    if (!ownedHere) {
      metrics.eventRerouted();
    }
    context.forward(record.withValue(new RoutedMessage(record.value(), ownedHere)));
  }

  private boolean ownsAccount(String account) {
    int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
    return partitioner != null && partition >= 0 && partitioner.partitionOf(account) == partition;
  }
}
