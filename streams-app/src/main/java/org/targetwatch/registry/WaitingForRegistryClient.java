package org.targetwatch.registry;

import java.time.Duration;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client that waits out a registry that does not answer (connection refused or reset, timeout,
 * HTTP 5xx): it asks again, backing off from 200 ms to 5 s, for up to {@code maxWait}, then gives
 * up with the last failure. A registry that answers with a refusal (404 unknown id, 409
 * incompatible, 401) is not waited for: that answer will not change.
 *
 * <p>Why wait rather than fail: a record whose writer schema cannot be fetched is not a bad record,
 * so dead-lettering it would lose it; and a stream thread that failed instead would stop the
 * instance. Clients cache every answer, so only a cold cache (an instance that just started or took
 * over a task, a new schema) ever waits.
 */
public final class WaitingForRegistryClient implements SchemaRegistryClient {
  private static final Logger LOG = LoggerFactory.getLogger(WaitingForRegistryClient.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private final SchemaRegistryClient client;
  private final Duration maxWait;

  public WaitingForRegistryClient(SchemaRegistryClient client, Duration maxWait) {
    this.client = client;
    this.maxWait = maxWait;
  }

  @Override
  public int register(String subject, Schema schema) {
    return waitFor(() -> client.register(subject, schema));
  }

  @Override
  public int idOf(String subject, Schema schema) {
    return waitFor(() -> client.idOf(subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return waitFor(() -> client.schemaById(id));
  }

  /** True when the registry gave no answer, or a server error: asking again later may succeed. */
  static boolean worthAskingAgain(SchemaRegistryException e) {
    boolean noAnswer = e.httpStatus() == SchemaRegistryException.NONE && e.getCause() != null
        && !(e.getCause() instanceof InterruptedException);
    return noAnswer || e.httpStatus() >= 500;
  }

  /** True when {@code error} or one of its causes is a registry that did not answer (worth asking again). */
  public static boolean isRegistryOutage(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException e && worthAskingAgain(e)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private <T> T waitFor(Supplier<T> question) {
    long started = System.nanoTime();
    Duration pause = FIRST_PAUSE;
    int attempts = 0;
    while (true) {
      try {
        T answer = question.get();
        if (attempts > 0) {
          LOG.info("the schema registry answers again after {} ms; going on", (System.nanoTime() - started) / 1_000_000);
        }
        return answer;
      } catch (SchemaRegistryException e) {
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        if (!worthAskingAgain(e) || waited.plus(pause).compareTo(maxWait) > 0) {
          throw e;
        }
        if (attempts == 0 || attempts % 10 == 0) {
          LOG.warn("schema registry unavailable, waiting for it (up to {} s): {}", maxWait.toSeconds(), e.getMessage());
        }
        attempts++;
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
      }
    }
  }
}
