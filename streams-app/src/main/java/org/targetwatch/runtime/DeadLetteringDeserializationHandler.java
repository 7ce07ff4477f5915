package org.targetwatch.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.serde.WireFormatException;
import org.targetwatch.topology.DetectorMetrics;

/**
 * A record whose bytes cannot be read (wrong magic byte, unknown schema id, truncated Avro) goes to
 * the dead-letter topic and processing goes on. A registry that does not answer is not the record's
 * fault: dead-lettering would lose good records, so the stream thread fails instead; when the
 * registry gave no answer (refused, reset, timeout, 5xx) the thread is replaced and asks again
 * ({@link DetectorRuntime}), otherwise (e.g. 401) the instance shuts down with a clear log line.
 */
public final class DeadLetteringDeserializationHandler implements DeserializationExceptionHandler {
  /** Header with the short reason ({@code WireFormatProblem} name), beside Kafka's {@code __streams.errors.*} headers. */
  public static final String PROBLEM_HEADER = "targetwatch.problem";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringDeserializationHandler.class);

  private String deadLetterTopic;
  private DetectorMetrics metrics = DetectorMetrics.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
    metrics = RuntimeMetrics.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    WireFormatException wireFormat = wireFormatCause(exception);
    if (wireFormat != null && !wireFormat.problem().recordAtFault()) {
      LOG.warn("cannot read the record at {}-{} offset {}: the schema registry is unavailable ({}); failing the stream"
          + " thread (it is replaced and asks again) rather than dead-lettering a record that may be fine", context.topic(), context.partition(), context.offset(),
          wireFormat.getMessage());
      return Response.fail();
    }
    String reason = wireFormat != null ? wireFormat.problem().name() : exception.getClass().getSimpleName();
    LOG.warn("unreadable record at {}-{} offset {} sent to the dead-letter topic: {}", context.topic(),
        context.partition(), context.offset(), exception.getMessage());
    metrics.deadLetter(reason);
    return Response.resume(deadLetters(context, record, exception, reason, deadLetterTopic));
  }

  static List<ProducerRecord<byte[], byte[]>> deadLetters(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception, String reason, String topic) {
    byte[] key = record == null ? context.sourceRawKey() : record.key();
    byte[] value = record == null ? context.sourceRawValue() : record.value();
    List<ProducerRecord<byte[], byte[]>> records =
        ExceptionHandlerUtils.maybeBuildDeadLetterQueueRecords(topic, key, value, context, exception);
    records.forEach(r -> r.headers().add(PROBLEM_HEADER, reason.getBytes(StandardCharsets.UTF_8)));
    return records;
  }

  private static WireFormatException wireFormatCause(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof WireFormatException w) {
        return w;
      }
    }
    return null;
  }
}
