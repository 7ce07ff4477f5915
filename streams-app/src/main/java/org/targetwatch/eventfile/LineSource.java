package org.targetwatch.eventfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of a byte stream, one at a time, as slices of a reused buffer: the file is never held
 * whole, and the bytes go to the JSON parser undecoded (it decodes and validates the UTF-8 itself,
 * so a bad byte spoils one line, not the file). Lines end with LF or CRLF; the last may lack one.
 */
final class LineSource implements Closeable {

  private static final int INITIAL_BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final int maxLineBytes;
  /** A byte order mark is dropped from the first line of a file, not from a section's first line. */
  private final boolean startOfFile;
  private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
  /** Unread bytes are {@code buffer[position, limit)}. */
  private int position;
  private int limit;
  private boolean endOfStream;

  private long lineNumber;
  private int lineStart;
  private int lineLength;
  private boolean tooLong;

  LineSource(InputStream in, int maxLineBytes) {
    this(in, maxLineBytes, true);
  }

  /** @param startOfFile false when the stream starts at a line further into a file */
  LineSource(InputStream in, int maxLineBytes, boolean startOfFile) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.startOfFile = startOfFile;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    tooLong = false;
    int scanFrom = position;
    while (true) {
      int newline = indexOfNewline(scanFrom);
      if (newline >= 0) {
        takeLine(position, newline);
        position = newline + 1;
        return true;
      }
      if (endOfStream) {
        if (position < limit) {
          takeLine(position, limit);
          position = limit;
          return true;
        }
        return false;
      }
      if (limit - position > maxLineBytes + 1) { // + 1: room for a CR before the LF
        skipRestOfLongLine();
        return true;
      }
      int scanned = limit - position;
      fill();
      scanFrom = position + scanned;
    }
  }

  long lineNumber() {
    return lineNumber;
  }

  /** True when the current line was longer than the limit; its bytes were dropped. */
  boolean tooLong() {
    return tooLong;
  }

  byte[] buffer() {
    return buffer;
  }

  int lineStart() {
    return lineStart;
  }

  int lineLength() {
    return lineLength;
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  /** True when the line holds only JSON whitespace (or nothing). */
  boolean isBlank() {
    for (int i = lineStart, end = lineStart + lineLength; i < end; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private int indexOfNewline(int from) {
    byte[] b = buffer;
    for (int i = from; i < limit; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void takeLine(int start, int end) {
    lineNumber++;
    if (end > start && buffer[end - 1] == '\r') {
      end--;
    }
    if (lineNumber == 1 && startOfFile && startsWithByteOrderMark(start, end)) {
      start += 3;
    }
    tooLong = end - start > maxLineBytes;
    lineStart = start;
    lineLength = tooLong ? 0 : end - start;
  }

  private boolean startsWithByteOrderMark(int start, int end) {
    return end - start >= 3
        && buffer[start] == (byte) 0xEF
        && buffer[start + 1] == (byte) 0xBB
        && buffer[start + 2] == (byte) 0xBF;
  }

  /** Makes room and reads more bytes after {@code limit}; moves unread bytes to the front first. */
  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      byte[] larger = new byte[Math.max(limit + 1, Math.min(buffer.length * 2, maxLineBytes + 3))];
      System.arraycopy(buffer, 0, larger, 0, limit);
      buffer = larger;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfStream = true;
    } else {
      limit += read;
    }
  }

  /** Drops bytes up to and including the next newline, so one huge line cannot exhaust memory. */
  private void skipRestOfLongLine() throws IOException {
    lineNumber++;
    tooLong = true;
    lineStart = 0;
    lineLength = 0;
    while (true) {
      int newline = indexOfNewline(position);
      if (newline >= 0) {
        position = newline + 1;
        return;
      }
      position = limit;
      if (endOfStream) {
        return;
      }
      fill();
    }
  }
}
