package org.targetwatch.eventfile;

/**
 * Where a line lies in a file, so it can be read again without reading the file again: what
 * {@code replay} keeps per event to order a large file by event time.
 *
 * @param lineNumber 1-based line number
 * @param offset byte offset of the line's first byte
 * @param length the line's length in bytes, without its line end
 */
public record LinePosition(long lineNumber, long offset, int length) {}
