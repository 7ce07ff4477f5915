package org.targetwatch.bench.endtoend;

import org.targetwatch.bench.platform.BenchPlatform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Records an application wrote to the broker: the end offsets of its internal topics (repartition
 * and changelog, named after the application id), which is the broker load it adds per input event.
 */
final class BrokerWrites {
  private BrokerWrites() {}

  /** Records per internal topic (transaction markers included, as the broker stores them). */
  static Map<String, Long> internalTopicRecords(BenchPlatform platform, String applicationId) throws Exception {
    try (Admin admin = platform.admin()) {
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (var description : admin.describeTopics(admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(name -> name.startsWith(applicationId + "-")).toList()).allTopicNames().get(30, TimeUnit.SECONDS)
          .values()) {
        description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()),
            OffsetSpec.latest()));
      }
      Map<String, Long> records = new HashMap<>();
      admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((partition, end) ->
          records.merge(partition.topic().substring(applicationId.length() + 1), end.offset(), Long::sum));
      return records;
    }
  }
}
