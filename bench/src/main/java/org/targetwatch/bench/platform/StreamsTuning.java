package org.targetwatch.bench.platform;

/**
 * The Kafka Streams settings both measured applications run with, so the comparison is like for like.
 * The commit interval is 100 ms, exactly-once's default, under at-least-once too: its 30-s default
 * would make a phase wait for a commit before its committed offsets show it drained.
 */
public record StreamsTuning(int threads, String guarantee, int maxPollRecords) {
  public static final long COMMIT_INTERVAL_MS = 100;
}
