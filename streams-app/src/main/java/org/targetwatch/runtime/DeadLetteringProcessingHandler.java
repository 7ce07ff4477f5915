package org.targetwatch.runtime;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.targetwatch.intake.InvalidEventException;
import org.targetwatch.topology.DetectorMetrics;

/**
 * A record that breaks the event contract ({@link InvalidEventException}: null key, missing id or
 * time, too far in the future) goes to the dead-letter topic and processing goes on. Any other
 * failure is a fault of ours or of the state, not of the record: the stream thread fails, so
 * nothing is skipped silently.
 */
public final class DeadLetteringProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProcessingHandler.class);

  private String deadLetterTopic;
  private DetectorMetrics metrics = DetectorMetrics.NONE;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null ? null : topic.toString();
    metrics = RuntimeMetrics.from(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (!(exception instanceof InvalidEventException)) {
      LOG.error("processing the record at {}-{} offset {} failed in {}: {}", context.topic(), context.partition(),
          context.offset(), context.processorNodeId(), exception.toString());
      return Response.fail();
    }
    String reason = "INVALID_EVENT";
    LOG.warn("record at {}-{} offset {} breaks the event contract, sent to the dead-letter topic: {}", context.topic(),
        context.partition(), context.offset(), exception.getMessage());
    metrics.deadLetter(reason);
    return Response.resume(DeadLetteringDeserializationHandler.deadLetters(context, null, exception, reason, deadLetterTopic));
  }
}
