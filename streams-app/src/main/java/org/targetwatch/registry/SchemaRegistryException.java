package org.targetwatch.registry;

/**
 * A schema registry could not answer. The message is one line that says what was asked (subject or
 * id), where, and what went wrong (HTTP status, the registry's {@code error_code} and message, a
 * timeout, a refused connection); it never contains credentials.
 */
public class SchemaRegistryException extends RuntimeException {

  /** Used for {@link #httpStatus()} and {@link #errorCode()} when there is none. */
  public static final int NONE = 0;

  private final int httpStatus;
  private final int errorCode;

  public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, int httpStatus, int errorCode) {
    this(message, httpStatus, errorCode, null);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    this(message, NONE, NONE, cause);
  }

  /** The HTTP status the registry answered with, or {@link #NONE} when there was no answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The registry's {@code error_code}, or {@link #NONE} when the answer carried none. */
  public int errorCode() {
    return errorCode;
  }
}
