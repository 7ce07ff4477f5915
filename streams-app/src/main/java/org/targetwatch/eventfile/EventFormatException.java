package org.targetwatch.eventfile;

/**
 * A line that does not follow the file format: its message is the one-line reason that is reported
 * with the file name and line number (e.g. {@code friend_request: missing required field
 * 'recipientId'}).
 */
public final class EventFormatException extends Exception {

  public EventFormatException(String reason) {
    // no stack trace: a bad line is an expected, reported outcome, and bad files can have many
    super(reason, null, false, false);
  }

  /** The reason, without file name or line number. */
  public String reason() {
    return getMessage();
  }
}
