package org.targetwatch.runtime;

/** The cluster is not ready for targetwatch (missing or mismatched topics, unreachable brokers); the message says what to fix. */
public final class StartupCheckException extends RuntimeException {
  public StartupCheckException(String message) {
    super(message);
  }

  public StartupCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
