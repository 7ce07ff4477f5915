package org.targetwatch.simulator;

import java.time.Instant;
import org.targetwatch.schema.ReportCategory;
import org.targetwatch.schema.SafetyAction;
import org.targetwatch.schema.SafetyReport;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * The platform clock. Behaviours plan events ahead; the timeline lets them happen in event-time
 * order, keeps the request lifecycles and the friendship graph consistent (an ACCEPTED needs a
 * pending SENT, a REMOVED needs a friendship, nothing involves an account before it exists or after
 * it is deleted), numbers the events, and delivers them to the sink — a small share late, behind
 * events up to an hour younger, as a real event bus does.
 */
final class Timeline {
  private static final double LATE_SHARE = 0.015;
  private static final long LATEST_DELIVERY = 3_600_000L;
  private static final FriendRequestAction[] ACTIONS = FriendRequestAction.values();

  private final Population population;
  private final FriendshipGraph graph;
  private final EventSink sink;
  private final SplittableRandom lateness;
  private final PriorityQueue<Planned> planned =
      new PriorityQueue<>(Comparator.comparingLong((Planned p) -> p.occurredAt)
          .thenComparingLong(p -> p.seq));
  private final PriorityQueue<Planned> late =
      new PriorityQueue<>(Comparator.comparingLong((Planned p) -> p.deliverAt)
          .thenComparingLong(p -> p.seq));
  /** Requests SENT and not yet answered or cancelled, as directed pairs (sender, recipient). */
  private final PairSet pendingRequests = new PairSet(1 << 12);
  private long seq;
  private long eventCounter;
  private long profiles;
  private final long[] requestsByAction = new long[ACTIONS.length];
  private long messages;
  private long reports;
  private long reportCounter;
  private long lateEvents;

  Timeline(Population population, FriendshipGraph graph, EventSink sink, SplittableRandom lateness) {
    this.population = population;
    this.graph = graph;
    this.sink = sink;
    this.lateness = lateness;
  }

  /** Emits an account's profile at once (accounts existing before the start). */
  void profileNow(int account, long updatedAt) {
    emitProfile(account, updatedAt, false);
  }

  /** Emits a friendship of the existing graph at once: an ACCEPTED dated in the past. */
  void existingFriendshipNow(int sender, int recipient, long at) {
    emitRequest(nextEventId(), at, sender, recipient, FriendRequestAction.ACCEPTED);
  }

  void planProfile(long at, int account, boolean deleted) {
    Planned p = new Planned(Kind.PROFILE, at, account, account);
    p.deleted = deleted;
    plan(p);
  }

  void planRequest(long at, int sender, int recipient, FriendRequestAction action) {
    Planned p = new Planned(Kind.REQUEST, at, sender, recipient);
    p.action = action;
    plan(p);
  }

  /**
   * Plans a direct message. {@code onlyBetweenFriends}: the message belongs to a friendship and
   * does not happen if the two are not friends by then (the request was declined, or the
   * friendship removed).
   */
  void planMessage(long at, int sender, int recipient, boolean onlyBetweenFriends, boolean media) {
    Planned p = new Planned(Kind.MESSAGE, at, sender, recipient);
    p.onlyBetweenFriends = onlyBetweenFriends;
    p.media = media;
    plan(p);
  }

  /** Plans a block, unblock or report (simulations with reports switched on: {@link SafetyReports}). */
  void planReport(long at, int reporter, int reported, SafetyAction action, ReportCategory category) {
    Planned p = new Planned(Kind.REPORT, at, reporter, reported);
    p.safetyAction = action;
    p.category = category;
    plan(p);
  }

  /** Lets everything planned before {@code until} happen. */
  void advanceTo(long until) {
    while (!planned.isEmpty() && planned.peek().occurredAt < until) {
      occur(planned.poll());
    }
  }

  /** Ends the observed period: plans at or after {@code end} never happen; late deliveries arrive. */
  void finish(long end) {
    advanceTo(end);
    planned.clear();
    while (!late.isEmpty()) {
      deliver(late.poll());
    }
  }

  long profiles() {
    return profiles;
  }

  long messages() {
    return messages;
  }

  long requests(FriendRequestAction action) {
    return requestsByAction[action.ordinal()];
  }

  long reports() {
    return reports;
  }

  long lateEvents() {
    return lateEvents;
  }

  private void plan(Planned p) {
    p.seq = seq++;
    planned.add(p);
  }

  private void occur(Planned p) {
    if (!takesPlace(p)) {
      return;
    }
    if (p.kind == Kind.REPORT) {
      // ids and lateness of their own: a world with reports holds the same other events as without
      p.eventId = "r" + reportCounter++;
      deliver(p);
      return;
    }
    if (p.kind != Kind.PROFILE) {
      p.eventId = nextEventId();
    }
    if (p.kind != Kind.PROFILE && lateness.nextDouble() < LATE_SHARE) {
      p.deliverAt = p.occurredAt + 1 + lateness.nextLong(LATEST_DELIVERY);
      late.add(p);
      lateEvents++;
      return;
    }
    while (!late.isEmpty() && late.peek().deliverAt <= p.occurredAt) {
      deliver(late.poll());
    }
    deliver(p);
  }

  /** Whether the planned event can happen given what happened before it; applies its effect. */
  private boolean takesPlace(Planned p) {
    if (p.kind == Kind.PROFILE) {
      return true;
    }
    int s = p.sender;
    int r = p.recipient;
    if (s == r || !population.isActive(s, p.occurredAt) || !population.isActive(r, p.occurredAt)) {
      return false;
    }
    if (p.kind == Kind.MESSAGE) {
      return !p.onlyBetweenFriends || graph.areFriends(s, r);
    }
    if (p.kind == Kind.REPORT) {
      return true;
    }
    return switch (p.action) {
      case SENT -> !graph.areFriends(s, r)
          && !pendingRequests.contains(PairSet.directed(r, s))
          && pendingRequests.add(PairSet.directed(s, r));
      case ACCEPTED -> pendingRequests.remove(PairSet.directed(s, r)) && graph.add(s, r);
      case DECLINED, CANCELLED -> pendingRequests.remove(PairSet.directed(s, r));
      case REMOVED -> graph.remove(s, r);
    };
  }

  private void deliver(Planned p) {
    switch (p.kind) {
      case PROFILE -> emitProfile(p.sender, p.occurredAt, p.deleted);
      case REQUEST -> emitRequest(p.eventId, p.occurredAt, p.sender, p.recipient, p.action);
      case MESSAGE -> {
        messages++;
        sink.message(new MessageEvent(p.eventId, Instant.ofEpochMilli(p.occurredAt),
            population.ids[p.sender], population.ids[p.recipient],
            conversationId(p.sender, p.recipient), p.media));
      }
      case REPORT -> {
        reports++;
        sink.safetyReport(new SafetyReport(p.eventId, Instant.ofEpochMilli(p.occurredAt), population.ids[p.sender],
            population.ids[p.recipient], p.safetyAction, p.category));
      }
    }
  }

  private void emitProfile(int account, long updatedAt, boolean deleted) {
    profiles++;
    sink.profile(new Profile(population.ids[account], Instant.ofEpochMilli(updatedAt),
        Instant.ofEpochMilli(population.createdAt[account]), population.band[account], deleted));
  }

  private void emitRequest(String eventId, long at, int s, int r, FriendRequestAction action) {
    requestsByAction[action.ordinal()]++;
    sink.friendRequest(new FriendRequestEvent(eventId, Instant.ofEpochMilli(at),
        population.ids[s], population.ids[r], action));
  }

  /** One conversation per pair of accounts. */
  private static String conversationId(int a, int b) {
    return "c" + Long.toString(PairSet.undirected(a, b), 36);
  }

  private String nextEventId() {
    return "e" + eventCounter++;
  }

  private enum Kind { PROFILE, REQUEST, MESSAGE, REPORT }

  private static final class Planned {
    final Kind kind;
    final long occurredAt;
    final int sender;
    final int recipient;
    long seq;
    long deliverAt;
    String eventId;
    FriendRequestAction action;
    boolean onlyBetweenFriends;
    boolean media;
    boolean deleted;
    SafetyAction safetyAction;
    ReportCategory category;

    Planned(Kind kind, long occurredAt, int sender, int recipient) {
      this.kind = kind;
      this.occurredAt = occurredAt;
      this.sender = sender;
      this.recipient = recipient;
    }
  }
}
