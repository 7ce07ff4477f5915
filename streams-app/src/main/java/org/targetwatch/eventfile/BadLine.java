package org.targetwatch.eventfile;

/**
 * A line of an event or alert file that was skipped, and why.
 *
 * @param file the file as the reader was given it (its path, or a name for a stream)
 * @param lineNumber 1-based line number
 * @param reason one line, without file name or line number
 */
public record BadLine(String file, long lineNumber, String reason) {

  /** {@code file:line: reason}, the form compilers use, e.g. {@code events.jsonl:17: unknown type 'x'}. */
  @Override
  public String toString() {
    return file + ":" + lineNumber + ": " + reason;
  }
}
