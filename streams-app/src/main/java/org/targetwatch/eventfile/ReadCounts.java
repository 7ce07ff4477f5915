package org.targetwatch.eventfile;

/**
 * What a reader has seen so far. Every line is exactly one of a record, a bad line or a blank
 * line, so {@code lines == records + badLines + blankLines}.
 *
 * @param lines lines read
 * @param records lines that became a record (events for an event file, alerts for an alert file)
 * @param badLines lines reported to the {@link BadLineListener} and skipped
 * @param blankLines empty or whitespace-only lines, skipped as the contract says
 */
public record ReadCounts(long lines, long records, long badLines, long blankLines) {}
