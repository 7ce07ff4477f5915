package org.targetwatch.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.internal.AccountMessage;
import org.targetwatch.schema.internal.SequenceState;
import org.targetwatch.schema.internal.WaitingMessage;
import org.targetwatch.topology.DetectorMetrics;

/**
 * The order in which an account's windows apply what concerns them (docs/detection.md, "Order").
 * Everything the account's own partition sends towards its windows (each contact, each response to
 * a contact, each escalation, block, report and verdict) gets the next number of the account's
 * sequence as it is sent. Most of it travels through another partition (the target's) and comes
 * back in whatever order those partitions answer; the windows apply it strictly by number, so a
 * message back ahead of an earlier one still on its way waits in a small reorder buffer
 * ({@code sender-waiting-messages}) until the gap is filled. What an account's partition sends is
 * in the order of its events, so the windows assess an account at the same points, in the same
 * order, with the same evidence, whatever order the other partitions answer in: after a fault as
 * without one, live as in {@code replay}.
 *
 * <p>A message that never comes back (dead-lettered on its way) must not hold its account back for
 * ever: once the windows have waited {@code detector.resequence.max.wait} of stream time for it, or
 * the account has {@link #MAX_WAITING} messages waiting, they apply what waits after it, counted
 * ({@link DetectorMetrics#gapsWaitedPast}); if it comes after all, it is applied late.
 *
 * <p>State, at the account's partition: {@code sender-sequence} holds, per account, the next
 * number to send, the next to apply and how many wait (read and written once per message);
 * {@code sender-waiting-messages} holds the waiting messages, keyed {@code account NUL number}
 * (empty unless something is out of order).
 */
public final class SenderSequence {
  /** The most messages one account may have waiting: beyond, the windows stop waiting (bounded state). */
  static final int MAX_WAITING = 10_000;
  private static final char SEPARATOR = '\u0000';
  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, SequenceState> states;
  private final KeyValueStore<String, WaitingMessage> waiting;
  private final long maxWaitMs;
  private final DetectorMetrics metrics;

  public SenderSequence(KeyValueStore<String, SequenceState> states, KeyValueStore<String, WaitingMessage> waiting,
      long maxWaitMs, DetectorMetrics metrics) {
    this.states = states;
    this.waiting = waiting;
    this.maxWaitMs = maxWaitMs;
    this.metrics = metrics;
  }

  /** The number of a message the account's partition sends towards the account's windows now. */
  public long next(String account, long at) {
    SequenceState state = states.get(account);
    if (state == null) {
      state = new SequenceState(0L, 0L, 0, 0L, at);
    }
    long number = state.getSent();
    state.setSent(number + 1);
    state.setLastAt(Math.max(state.getLastAt(), at));
    states.put(account, state);
    return number;
  }

  /**
   * True when the account's windows have applied everything its partition sent them: a response
   * counted now is counted after everything sent before it and before everything sent after, in
   * sequence.
   */
  public boolean allApplied(String account) {
    SequenceState state = states.get(account);
    return state == null || state.getApplied() == state.getSent() && state.getWaiting() == 0;
  }

  /**
   * A message back at the account's windows, at {@code streamTime}: hands {@code apply} what is to
   * be applied now, in sequence order: nothing (it waits for an earlier one), the message, or the
   * message and those that waited for it. A message without a number is applied at once.
   */
  public void arrive(String account, Record<String, AccountMessage> record, long streamTime,
      Consumer<Record<String, AccountMessage>> apply) {
    long number = record.value().getSequence();
    SequenceState state = number < 0 ? null : states.get(account);
    if (state == null) {
      // unnumbered (for the graph, or written before sequences), or the account's sequence expired
      apply.accept(record);
      return;
    }
    long applied = state.getApplied();
    if (number < applied) {
      metrics.arrivedAfterWaitedPast(); // the windows stopped waiting for it: late, but counted
      apply.accept(record);
      return;
    }
    if (number > applied) {
      if (state.getWaiting() == 0) {
        state.setWaitingSince(streamTime);
      }
      waiting.put(waitingKey(account, number), new WaitingMessage(record.value(), record.timestamp()));
      state.setWaiting(state.getWaiting() + 1);
      states.put(account, state);
      metrics.messageWaited();
      if (state.getWaiting() > MAX_WAITING || streamTime - state.getWaitingSince() >= maxWaitMs) {
        releasePastGaps(account, state, apply);
      }
      return;
    }
    state.setApplied(applied + 1);
    state.setLastAt(Math.max(state.getLastAt(), record.timestamp()));
    // stored before it is applied: a message whose processing fails (and is dead-lettered) is not
    // waited for again, and the state stays whole whatever an exception leaves undone
    states.put(account, state);
    apply.accept(record);
    if (state.getWaiting() > 0) {
      releaseFollowing(account, state, streamTime, apply);
    }
  }

  /** The accounts whose windows have waited {@code maxWait} or more by {@code streamTime}: what waits is applied. */
  public void releaseOverdue(long streamTime, Consumer<Record<String, AccountMessage>> apply) {
    List<String> accounts = new ArrayList<>();
    try (KeyValueIterator<String, WaitingMessage> all = waiting.all()) {
      while (all.hasNext()) {
        String key = all.next().key;
        String account = key.substring(0, key.lastIndexOf(SEPARATOR));
        if (accounts.isEmpty() || !accounts.get(accounts.size() - 1).equals(account)) {
          accounts.add(account);
        }
      }
    }
    for (String account : accounts) {
      SequenceState state = states.get(account);
      if (state != null && state.getWaiting() > 0 && streamTime - state.getWaitingSince() >= maxWaitMs) {
        releasePastGaps(account, state, apply);
      }
    }
  }

  /** Forgets accounts with nothing waiting whose latest message is older than {@code cutoff}. */
  public void forgetBefore(long cutoff) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, SequenceState> all = states.all()) {
      while (all.hasNext()) {
        KeyValue<String, SequenceState> next = all.next();
        if (next.value.getWaiting() == 0 && next.value.getLastAt() < cutoff) {
          expired.add(next.key);
        }
      }
    }
    expired.forEach(states::delete);
  }

  /** Applies the waiting messages that follow without a gap; the wait starts again for the next gap. */
  private void releaseFollowing(String account, SequenceState state, long streamTime,
      Consumer<Record<String, AccountMessage>> apply) {
    List<KeyValue<String, WaitingMessage>> waitingNow = waitingOf(account);
    for (KeyValue<String, WaitingMessage> next : waitingNow) {
      long number = next.value.getMessage().getSequence();
      if (number != state.getApplied()) {
        state.setWaitingSince(streamTime); // a later gap: its wait begins now
        states.put(account, state);
        break;
      }
      applyWaiting(account, state, next, apply);
    }
  }

  /** Stops waiting: applies everything waiting, in order, past the gaps before it, counting them. */
  private void releasePastGaps(String account, SequenceState state, Consumer<Record<String, AccountMessage>> apply) {
    for (KeyValue<String, WaitingMessage> next : waitingOf(account)) {
      long number = next.value.getMessage().getSequence();
      if (number > state.getApplied()) {
        metrics.gapsWaitedPast(number - state.getApplied());
        state.setApplied(number);
      }
      applyWaiting(account, state, next, apply);
    }
  }

  private void applyWaiting(String account, SequenceState state, KeyValue<String, WaitingMessage> next,
      Consumer<Record<String, AccountMessage>> apply) {
    waiting.delete(next.key);
    state.setWaiting(state.getWaiting() - 1);
    state.setApplied(state.getApplied() + 1);
    state.setLastAt(Math.max(state.getLastAt(), next.value.getTimestamp()));
    states.put(account, state); // before it is applied, as in arrive
    apply.accept(new Record<>(account, next.value.getMessage(), next.value.getTimestamp()));
  }

  /** The account's waiting messages in sequence order (collected first: the store changes as they are applied). */
  private List<KeyValue<String, WaitingMessage>> waitingOf(String account) {
    List<KeyValue<String, WaitingMessage>> found = new ArrayList<>();
    try (KeyValueIterator<String, WaitingMessage> it = waiting.prefixScan(account + SEPARATOR, KEYS)) {
      while (it.hasNext()) {
        found.add(it.next());
      }
    }
    return found;
  }

  /** {@code account NUL number}, the number zero-padded so that key order is sequence order. */
  static String waitingKey(String account, long number) {
    return account + SEPARATOR + String.format("%019d", number);
  }
}
