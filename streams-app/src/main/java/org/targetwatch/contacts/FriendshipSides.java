package org.targetwatch.contacts;

import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.schema.internal.PeerFriendshipChanged;
import org.targetwatch.windows.SenderActivity;

/**
 * Stage 1: a friendship that began or ended changes both endpoints, each at its own partition. The
 * endpoint whose event it was (the request's sender) applies its side first and sends the other
 * side on with its own age band; the other endpoint applies it and answers with its age band, so
 * each knows the share of minors among its friends. Each side also records the change as a
 * response to a contact it made: accepted, or removed.
 */
public final class FriendshipSides {
  private final FriendshipGraph graph;
  private final SenderActivity activity;

  public FriendshipSides(FriendshipGraph graph, SenderActivity activity) {
    this.graph = graph;
    this.activity = activity;
  }

  /**
   * Applies the event owner's side; returns the other side, to send on whether or not this side
   * changed (a side seen before may still be missing at the other endpoint).
   */
  public PeerFriendshipChanged applyOwnSide(FriendshipChanged change) {
    if (graph.applyFriendshipChange(change, AgeBand.UNKNOWN)) {
      recordResponse(change);
    }
    String account = change.getAccountId();
    return new PeerFriendshipChanged(change.getFriendId(), account, change.getAdded(), change.getAt(),
        graph.ageBandOf(account));
  }

  /** Applies the other endpoint's side; returns this endpoint's age band for the owner, or null. */
  public PeerAgeBand applyPeerSide(PeerFriendshipChanged side) {
    String account = side.getAccountId();
    String friend = side.getFriendId();
    FriendshipChanged change = new FriendshipChanged(account, friend, side.getAdded(), false, side.getAt());
    if (!graph.applyFriendshipChange(change, side.getFriendAgeBand())) {
      if (side.getAdded()) {
        graph.applyFriendAgeBand(account, friend, side.getFriendAgeBand()); // the latest band, if it changed
      }
      return null;
    }
    recordResponse(change);
    return change.getAdded() ? new PeerAgeBand(friend, account, graph.ageBandOf(account)) : null;
  }

  /** Tells an account a new friend's age band. */
  public void applyAgeBand(PeerAgeBand band) {
    graph.applyFriendAgeBand(band.getAccountId(), band.getFriendId(), band.getFriendAgeBand());
  }

  private void recordResponse(FriendshipChanged change) {
    if (!change.getAdded()) {
      activity.recordRemoved(change.getAccountId(), change.getFriendId(), change.getAt());
    } else if (change.getInitiatedByAccount()) {
      activity.recordAccepted(change.getAccountId(), change.getFriendId(), change.getAt());
    }
  }
}
