package org.targetwatch.intake;

/**
 * A source record that can be read but breaks the contract (a missing id, a null key, an event time
 * too far in the future). Thrown by the intake so that Kafka Streams' processing exception handler
 * sends the record to the dead-letter topic with this message, and processing goes on.
 */
public final class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message) {
    super(message, null, false, false);
  }
}
