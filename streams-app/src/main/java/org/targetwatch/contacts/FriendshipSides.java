package org.targetwatch.contacts;

import java.util.Optional;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.PeerAgeBand;
import org.targetwatch.schema.internal.PeerFriendshipChanged;
import org.targetwatch.schema.internal.ResponseKind;
import org.targetwatch.schema.internal.TargetResponse;

/**
 * Stage 1: a friendship that began or ended changes both endpoints, each at its own partition. The
 * endpoint whose event it was (the request's sender) applies its side first and sends the other
 * side on with its own age band; the other endpoint applies it and answers with its age band, so
 * each knows the share of minors among its friends. A change that answers a contact an endpoint
 * made (its request accepted, the friendship removed) becomes a {@link TargetResponse} for that
 * endpoint's windows, sent along the contact's own path ({@link ResponsePath}).
 */
public final class FriendshipSides {
  private final FriendshipGraph graph;

  /** The owner's side applied: the other side to send on, and the response to the owner's contact, if any. */
  public record OwnSideApplied(PeerFriendshipChanged otherSide, Optional<TargetResponse> response) {}

  /** The other side applied: the age band to answer with (or null), and the response to this endpoint's contact, if any. */
  public record PeerSideApplied(PeerAgeBand answer, Optional<TargetResponse> response) {}

  public FriendshipSides(FriendshipGraph graph) {
    this.graph = graph;
  }

  /**
   * Applies the event owner's side. The other side is sent on whether or not this side changed (a
   * side seen before may still be missing at the other endpoint); a response only when it changed.
   */
  public OwnSideApplied applyOwnSide(FriendshipChanged change) {
    boolean changed = graph.applyFriendshipChange(change, AgeBand.UNKNOWN);
    String account = change.getAccountId();
    PeerFriendshipChanged otherSide = new PeerFriendshipChanged(change.getFriendId(), account, change.getAdded(),
        change.getAt(), graph.ageBandOf(account));
    return new OwnSideApplied(otherSide, changed ? responseOf(change) : Optional.empty());
  }

  /** Applies the other endpoint's side. */
  public PeerSideApplied applyPeerSide(PeerFriendshipChanged side) {
    String account = side.getAccountId();
    String friend = side.getFriendId();
    FriendshipChanged change = new FriendshipChanged(account, friend, side.getAdded(), false, side.getAt());
    if (!graph.applyFriendshipChange(change, side.getFriendAgeBand())) {
      if (side.getAdded()) {
        graph.applyFriendAgeBand(account, friend, side.getFriendAgeBand()); // the latest band, if it changed
      }
      return new PeerSideApplied(null, Optional.empty());
    }
    PeerAgeBand answer = change.getAdded() ? new PeerAgeBand(friend, account, graph.ageBandOf(account)) : null;
    return new PeerSideApplied(answer, responseOf(change));
  }

  /** Tells an account a new friend's age band. */
  public void applyAgeBand(PeerAgeBand band) {
    graph.applyFriendAgeBand(band.getAccountId(), band.getFriendId(), band.getFriendAgeBand());
  }

  /** The change as a response to the account's own contact of the friend: accepted, or removed. */
  private static Optional<TargetResponse> responseOf(FriendshipChanged change) {
    if (!change.getAdded()) {
      return Optional.of(ResponsePath.response(change.getAccountId(), change.getFriendId(), ResponseKind.REMOVED,
          change.getAt()));
    }
    if (change.getInitiatedByAccount()) {
      return Optional.of(ResponsePath.response(change.getAccountId(), change.getFriendId(), ResponseKind.ACCEPTED,
          change.getAt()));
    }
    return Optional.empty();
  }
}
