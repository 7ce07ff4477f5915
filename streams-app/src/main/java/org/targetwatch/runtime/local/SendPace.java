package org.targetwatch.runtime.local;

/**
 * When the next event may be sent at a rate of at most {@code eventsPerSecond}: one every
 * {@code 1/rate} seconds from the start. A sender held up (a broker restarting, a registry away)
 * goes on at the rate from where it was let go instead of catching up in a burst: "at most N a
 * second" holds for every second, and a consumer downstream sees the stream as it would have
 * arrived, only later.
 */
final class SendPace {
  /** How far behind its schedule a sender may fall before the schedule moves on with it. */
  static final long SLACK_NANOS = 1_000_000_000L;

  private final double nanosPerEvent;
  private long scheduleStart;
  private long scheduled;

  /** @param eventsPerSecond above 0 */
  SendPace(double eventsPerSecond, long startNanos) {
    this.nanosPerEvent = 1_000_000_000.0 / eventsPerSecond;
    this.scheduleStart = startNanos;
  }

  /**
   * The time (in the clock of {@code nowNanos}) at which the next event is due; moves the schedule
   * on when the sender is more than {@link #SLACK_NANOS} behind it.
   */
  long nextDue(long nowNanos) {
    long due = scheduleStart + (long) (scheduled * nanosPerEvent);
    if (nowNanos - due > SLACK_NANOS) {
      scheduleStart = nowNanos - (long) (scheduled * nanosPerEvent);
      due = nowNanos;
    }
    scheduled++;
    return due;
  }
}
