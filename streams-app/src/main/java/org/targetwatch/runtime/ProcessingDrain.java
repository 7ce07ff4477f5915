package org.targetwatch.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.targetwatch.topology.TopologyNames;

/**
 * Waits until the application has processed everything produced: its committed offsets reached the
 * end of the input topics, and its repartition topics have no open transaction and committed
 * offsets at their end (within one offset: the marker exactly-once writes after the last record of
 * a transaction). A bounded wait: it gives up after {@code timeout}.
 */
public final class ProcessingDrain {
  private ProcessingDrain() {}

  /** The repartition topics of the detector under an application id. */
  public static Set<String> repartitionTopics(String applicationId) {
    return Set.of(
        applicationId + "-" + TopologyNames.ACCOUNT_EVENTS_TOPIC + "-repartition",
        applicationId + "-" + TopologyNames.CONTACTS_BY_RECIPIENT_TOPIC + "-repartition",
        applicationId + "-" + TopologyNames.CONTACTS_BY_SENDER_TOPIC + "-repartition",
        applicationId + "-" + TopologyNames.CAMPAIGN_CANDIDATES_TOPIC + "-repartition");
  }

  /** True once drained (checked twice in a row, {@code poll} apart); false after {@code timeout}. */
  public static boolean await(Admin admin, String applicationId, Set<String> inputs, Set<String> internal, Duration timeout,
      Duration poll) throws Exception {
    long giveUpAt = System.nanoTime() + timeout.toNanos();
    int quietChecks = 0;
    while (System.nanoTime() < giveUpAt) {
      quietChecks = drained(admin, applicationId, inputs, internal) ? quietChecks + 1 : 0;
      if (quietChecks >= 2) {
        return true;
      }
      Thread.sleep(poll.toMillis());
    }
    return false;
  }

  private static boolean drained(Admin admin, String applicationId, Set<String> inputs, Set<String> internal)
      throws Exception {
    List<String> topics = new ArrayList<>(inputs);
    topics.addAll(internal);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
        description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
    List<TopicPartition> internalPartitions = request.keySet().stream().filter(tp -> internal.contains(tp.topic())).toList();
    boolean openTransaction = admin.describeProducers(internalPartitions).all().get(30, TimeUnit.SECONDS).values().stream()
        .flatMap(state -> state.activeProducers().stream())
        .anyMatch(producer -> producer.currentTransactionStartOffset().isPresent());
    if (openTransaction) {
      return false;
    }
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    for (var end : ends.entrySet()) {
      long endOffset = end.getValue().offset();
      OffsetAndMetadata at = committed.get(end.getKey());
      long position = at == null ? 0 : at.offset();
      long slack = internal.contains(end.getKey().topic()) ? 1 : 0;
      if (endOffset > 0 && position < endOffset - slack) {
        return false;
      }
    }
    return true;
  }
}
