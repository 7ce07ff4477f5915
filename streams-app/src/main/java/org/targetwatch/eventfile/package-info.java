/**
 * The JSON Lines event and alert files of {@code contract/event-files.md}: reading and writing them
 * as the same Avro records the topics carry, for replay, backtests, the simulator and evaluation.
 *
 * <p>{@link org.targetwatch.eventfile.EventFieldMapping} and {@link
 * org.targetwatch.eventfile.AlertFieldMapping} are the one place where JSON fields meet Avro
 * fields. The readers stream a file line by line and report each bad line (file, line number,
 * reason) to a {@link org.targetwatch.eventfile.BadLineListener} instead of aborting the file.
 */
package org.targetwatch.eventfile;
