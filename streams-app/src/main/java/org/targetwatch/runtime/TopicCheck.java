package org.targetwatch.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.targetwatch.runtime.config.TargetwatchConfig;
import org.targetwatch.topology.DetectorConfig;

/**
 * Start-up checks of the topics: the three input topics exist and are co-partitioned (all state is
 * partitioned by account id, so a join across topics with different partition counts would put one
 * account's events in different tasks); the alert and dead-letter topics exist, or are created when
 * {@code create.topics} is on.
 */
final class TopicCheck {
  private static final long TIMEOUT_SECONDS = 30;

  private TopicCheck() {}

  /** @return the input topics' partition count */
  static int verify(Admin admin, TargetwatchConfig config) {
    DetectorConfig detector = config.detector();
    List<String> inputs = detector.inputTopics();
    List<String> outputs = List.of(detector.alertsTopic(), config.deadLetterTopic());
    Set<String> existing = call(() -> admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS), config);

    List<String> missingInputs = inputs.stream().filter(t -> !existing.contains(t)).toList();
    if (!missingInputs.isEmpty()) {
      throw new StartupCheckException("input topic(s) " + missingInputs + " do not exist on " + config.bootstrapServers()
          + ": create them with the same partition count (targetwatch never creates input topics)");
    }
    Map<String, Integer> partitions = partitionCounts(admin, inputs, config);
    if (partitions.values().stream().distinct().count() > 1) {
      throw new StartupCheckException("input topics must have the same number of partitions (state is partitioned by"
          + " account id): " + partitions.entrySet().stream().map(e -> e.getKey() + " has " + e.getValue())
              .collect(Collectors.joining(", ")));
    }
    int count = partitions.get(detector.profilesTopic());

    List<String> missingOutputs = outputs.stream().filter(t -> !existing.contains(t)).toList();
    if (!missingOutputs.isEmpty()) {
      if (!config.createTopics()) {
        throw new StartupCheckException("topic(s) " + missingOutputs + " do not exist on " + config.bootstrapServers()
            + ": create them, or set create.topics=true");
      }
      Optional<Short> replication = config.replicationFactor() < 0 ? Optional.empty()
          : Optional.of((short) config.replicationFactor());
      List<NewTopic> topics = missingOutputs.stream()
          .map(name -> new NewTopic(name, Optional.of(count), replication)).toList();
      try {
        admin.createTopics(topics).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new StartupCheckException("could not create " + missingOutputs + ": " + e.getCause().getMessage(), e.getCause());
        }
      } catch (TimeoutException | InterruptedException e) {
        throw new StartupCheckException("creating " + missingOutputs + " did not finish within " + TIMEOUT_SECONDS + " s", e);
      }
    }
    return count;
  }

  private static Map<String, Integer> partitionCounts(Admin admin, List<String> topics, TargetwatchConfig config) {
    Map<String, TopicDescription> descriptions =
        call(() -> admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS), config);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String topic : topics) {
      counts.put(topic, descriptions.get(topic).partitions().size());
    }
    return counts;
  }

  private interface AdminCall<T> {
    T get() throws Exception;
  }

  private static <T> T call(AdminCall<T> call, TargetwatchConfig config) {
    try {
      return call.get();
    } catch (TimeoutException e) {
      throw new StartupCheckException("the Kafka cluster at " + config.bootstrapServers() + " did not answer within "
          + TIMEOUT_SECONDS + " s (check bootstrap.servers and the kafka.security.* / kafka.sasl.* settings)", e);
    } catch (ExecutionException e) {
      throw new StartupCheckException("the Kafka cluster at " + config.bootstrapServers() + " refused the topic check: "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupCheckException("interrupted during the topic check", e);
    } catch (Exception e) {
      throw new StartupCheckException("topic check failed: " + e, e);
    }
  }

  static List<String> inputs(DetectorConfig detector) {
    return new ArrayList<>(detector.inputTopics());
  }
}
