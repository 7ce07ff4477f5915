package org.targetwatch.runtime.embedded;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kafka.server.FaultHandlerFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.LoggingFaultHandler;

/**
 * Fault handling for a broker that shares its JVM with the application.
 *
 * <p>A stand-alone Kafka server halts the whole process on a fatal fault (for instance an I/O error
 * on the metadata log). Inside targetwatch that would kill the application, or a whole test run,
 * without a word; here the fault is logged and remembered instead, so {@link EmbeddedKafkaBroker}
 * can report it.
 */
final class InProcessFaultHandlers implements FaultHandlerFactory {

  private final AtomicReference<String> firstFatalFault = new AtomicReference<>();

  @Override
  public FaultHandler build(String name, boolean fatal, Runnable action) {
    LoggingFaultHandler logging = new LoggingFaultHandler(name, action);
    if (!fatal) {
      return logging;
    }
    return (failureMessage, cause) -> {
      firstFatalFault.compareAndSet(null, name + ": " + failureMessage);
      return logging.handleFault(failureMessage, cause);
    };
  }

  /** The first fatal fault the broker reported, if any. */
  Optional<String> firstFatalFault() {
    return Optional.ofNullable(firstFatalFault.get());
  }
}
