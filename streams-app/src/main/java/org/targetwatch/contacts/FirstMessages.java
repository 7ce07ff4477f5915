package org.targetwatch.contacts;

import java.util.OptionalLong;

import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.topology.StoreSweep;

/**
 * Who wrote first: at an author's partition, when it first wrote to each non-friend within the
 * memory. A message back from that reader is a reply, not a cold contact: the reply, sent on to
 * the author's partition as a candidate, is checked here.
 */
public final class FirstMessages {
  private static final char SEPARATOR = '\u0000';

  private final KeyValueStore<String, Long> sentTo;
  private final long memoryMs;

  /** @param memoryMs how long a message makes a message back a reply */
  public FirstMessages(KeyValueStore<String, Long> sentTo, long memoryMs) {
    this.sentTo = sentTo;
    this.memoryMs = memoryMs;
  }

  /** Remembers that {@code author} wrote to {@code reader}, a non-friend, at {@code at}. */
  public void remember(String author, String reader, long at) {
    String key = pairKey(author, reader);
    Long first = sentTo.get(key);
    if (first == null || first < at - memoryMs || at < first) {
      sentTo.put(key, at);
    }
  }

  /** True when {@code author} wrote to {@code reader} within the memory before {@code at}. */
  public boolean wroteFirst(String author, String reader, long at) {
    Long first = sentTo.get(pairKey(author, reader));
    return first != null && first <= at && first > at - memoryMs;
  }

  /**
   * When {@code author} first wrote to {@code reader} at or after {@code since}, within the memory of
   * {@code since}: a message this partition read as to a non-friend, though the friendship began
   * before it ({@link ContactExtraction#escalationReadBeforeItsAcceptance}); empty otherwise.
   */
  public OptionalLong wroteSince(String author, String reader, long since) {
    Long first = sentTo.get(pairKey(author, reader));
    return first != null && first >= since && first < since + memoryMs ? OptionalLong.of(first) : OptionalLong.empty();
  }

  /** Forgets who wrote to whom before {@code cutoff}; returns how many pairs it forgot. */
  public int forgetBefore(long cutoff) {
    return StoreSweep.deleteBefore(sentTo, cutoff, Long::longValue);
  }

  private static String pairKey(String author, String reader) {
    return author + SEPARATOR + reader;
  }
}
