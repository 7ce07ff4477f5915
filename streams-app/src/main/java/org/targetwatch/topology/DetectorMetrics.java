package org.targetwatch.topology;

import org.targetwatch.schema.Severity;

/**
 * What the detector counts for operators (the runtime turns these into Prometheus counters). Calls
 * come from stream threads; implementations must be thread-safe and cheap. Under exactly-once a
 * task that is retried after a failure counts its records again: these are operational figures,
 * not an audit.
 */
public interface DetectorMetrics {
  /** Counts nothing: replay, tests. */
  DetectorMetrics NONE = new DetectorMetrics() {};

  /**
   * A record of an input topic was read; {@code type} is profile, friend_request, message,
   * safety_report or review_verdict.
   */
  default void eventRead(String type) {}

  /**
   * An input event whose owning account another task owns (the producer partitioned unlike Kafka's
   * default partitioner, or keyed by another account): sent on through {@code account-events}.
   */
  default void eventRerouted() {}

  /** A contact (a cold request or message, docs/detection.md "Contacts") was confirmed at the recipient's partition. */
  default void contact() {}

  /** An alert was written to the alert topic. */
  default void alert(Severity severity) {}

  /**
   * A block, unblock or report reached the reported account's partition; {@code outcome} is
   * {@code recorded}, {@code unchanged} (a re-delivery, or nothing new), {@code self} (reporter and
   * reported are one account: ignored) or {@code dropped} (a new reporter past the per-account cap).
   */
  default void safetyReport(String outcome) {}

  /**
   * A reviewer's verdict reached the account's partition; {@code verdict} is CONFIRMED, CLEARED or
   * REOPENED, {@code outcome} applied, duplicate, outdated or older_than_alert.
   */
  default void verdict(String verdict, String outcome) {}

  /** An alert of a CLEARED account was held back: its evidence had not grown beyond what was reviewed. */
  default void alertHeldBack(Severity severity) {}

  /**
   * A message came back to its account's windows ahead of an earlier one still on its way from
   * another partition, and waits for it in the reorder buffer (docs/detection.md, "Order").
   */
  default void messageWaited() {}

  /**
   * The windows stopped waiting for {@code missing} messages of an account (never came back within
   * {@code detector.resequence.max.wait}, or the buffer was full) and applied those after them.
   */
  default void gapsWaitedPast(long missing) {}

  /** A message came back after its windows had stopped waiting for it: applied late. */
  default void arrivedAfterWaitedPast() {}

  /** A record went to the dead-letter topic; {@code reason} is a short stable name. */
  default void deadLetter(String reason) {}
}
