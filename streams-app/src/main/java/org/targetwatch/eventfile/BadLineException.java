package org.targetwatch.eventfile;

/** Why one line cannot be read; the reader adds the file and line number. */
public final class BadLineException extends Exception {
  public BadLineException(String reason) {
    super(reason, null, false, false);
  }
}
