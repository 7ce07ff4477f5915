package org.targetwatch.bench.endtoend;

import org.targetwatch.bench.platform.BenchPlatform;
import org.targetwatch.bench.platform.StreamsPhase;
import org.targetwatch.bench.platform.StreamsTuning;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.targetwatch.intake.EventTimeExtractor;
import org.targetwatch.topology.DetectorConfig;
import org.targetwatch.topology.EventSerdes;

/**
 * The baseline: a stateless Kafka Streams application with targetwatch's serdes, timestamp
 * extractor, guarantee and threads, copying each input topic to an output topic.
 */
final class PassThroughApp implements StreamsPhase.RunningApp {
  private final KafkaStreams streams;

  /** Copies each input topic to a topic of its own, named after the input and {@code applicationId}. */
  PassThroughApp(BenchPlatform platform, String applicationId, StreamsTuning tuning, Path stateDir) {
    platform.createTopics(platform.inputTopics().stream().map(topic -> outputTopic(topic, applicationId)).toList());
    streams = new KafkaStreams(topology(platform, applicationId), properties(platform, applicationId, tuning, stateDir));
    streams.start();
  }

  static Set<String> internalTopics() {
    return Set.of();
  }

  private static Topology topology(BenchPlatform platform, String applicationId) {
    DetectorConfig topics = platform.topics();
    EventSerdes serdes = EventSerdes.confluent(platform.registry());
    StreamsBuilder builder = new StreamsBuilder();
    copy(builder, topics.profilesTopic(), serdes.profile(), applicationId);
    copy(builder, topics.friendRequestsTopic(), serdes.friendRequest(), applicationId);
    copy(builder, topics.messagesTopic(), serdes.message(), applicationId);
    return builder.build();
  }

  private static <V> void copy(StreamsBuilder builder, String topic, Serde<V> values, String applicationId) {
    builder.stream(topic, Consumed.with(Serdes.String(), values).withTimestampExtractor(new EventTimeExtractor()))
        .to(outputTopic(topic, applicationId), Produced.with(Serdes.String(), values));
  }

  private static String outputTopic(String inputTopic, String applicationId) {
    return inputTopic + "-" + applicationId;
  }

  private static Properties properties(BenchPlatform platform, String applicationId, StreamsTuning tuning,
      Path stateDir) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, tuning.threads());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, tuning.guarantee());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, StreamsTuning.COMMIT_INTERVAL_MS);
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), tuning.maxPollRecords());
    return p;
  }

  @Override
  public long recordsProcessed() {
    return (long) streams.metrics().values().stream()
        .filter(metric -> metric.metricName().name().equals("process-total")
            && metric.metricName().group().equals("stream-thread-metrics"))
        .mapToDouble(metric -> ((Number) metric.metricValue()).doubleValue())
        .sum();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
