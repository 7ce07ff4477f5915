package org.targetwatch.bench.platform;

/** The Kafka Streams settings both measured applications run with, so the comparison is like for like. */
public record StreamsTuning(int threads, String guarantee, int maxPollRecords) {}
