package org.targetwatch.contacts;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.friendship.FriendSets;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.MessageReceived;
import org.targetwatch.topology.StoreSweep;
import org.targetwatch.windows.SenderActivity;

/**
 * Stage 2, first half, at the sender's partition: decides whether a request or message is a cold
 * contact. A contact is a friend request sent, or a direct message to an account that is not a
 * friend and has not written to the sender first (a reply is not a cold contact). A message to a
 * minor who accepted the sender's request is not a contact but an escalation, recorded here.
 */
public final class ContactExtraction {
  private static final char SEPARATOR = '\u0000';

  private final FriendshipGraph graph;
  private final KeyValueStore<String, Long> receivedFrom;
  private final SenderActivity activity;
  private final long memoryMs;
  private final int maxFriendsCarried;

  /** @param memoryMs how long a received message makes a message back a reply; also what "recent" means */
  public ContactExtraction(FriendshipGraph graph, KeyValueStore<String, Long> receivedFrom, SenderActivity activity,
      long memoryMs, int maxFriendsCarried) {
    this.graph = graph;
    this.receivedFrom = receivedFrom;
    this.activity = activity;
    this.memoryMs = memoryMs;
    this.maxFriendsCarried = maxFriendsCarried;
  }

  /**
   * Remembers, at the recipient, when a non-friend first wrote to it (within the memory): enough to
   * tell later whether a message back is a reply.
   */
  public void rememberMessage(MessageReceived message) {
    if (graph.areFriends(message.getRecipientId(), message.getSenderId())) {
      return; // messages between friends never make a contact cold or warm
    }
    String key = pairKey(message.getRecipientId(), message.getSenderId());
    Long first = receivedFrom.get(key);
    if (first == null || first < message.getAt() - memoryMs || message.getAt() < first) {
      receivedFrom.put(key, message.getAt());
    }
  }

  /** Forgets who wrote to whom before {@code cutoff}. */
  public static int expire(KeyValueStore<String, Long> receivedFrom, long cutoff) {
    return StoreSweep.deleteBefore(receivedFrom, cutoff, Long::longValue);
  }


  public Optional<ContactCandidate> extract(ContactAttempt attempt) {
    String sender = attempt.getSenderId();
    String recipient = attempt.getRecipientId();
    long at = attempt.getAt();
    Friend friend = graph.friendOf(sender, recipient);
    if (friend != null) {
      if (attempt.getKind() == ContactKind.MESSAGE && friend.getInitiatedBySelf()) {
        recordEscalation(sender, recipient, at);
      }
      return Optional.empty();
    }
    if (attempt.getKind() == ContactKind.MESSAGE && hasWrittenFirst(recipient, sender, at)) {
      return Optional.empty();
    }
    FriendSet friends = graph.friendsOf(sender); // a cold contact carries the sender's friends
    List<String> trusted = FriendSets.trustedFriendIds(friends, at, memoryMs, maxFriendsCarried);
    boolean capped = trusted.size() >= maxFriendsCarried && friends.getFriends().size() > maxFriendsCarried;
    return Optional.of(new ContactCandidate(attempt, trusted, capped));
  }

  private boolean hasWrittenFirst(String author, String reader, long at) {
    Long first = receivedFrom.get(pairKey(reader, author));
    return first != null && first <= at && first > at - memoryMs;
  }

  private void recordEscalation(String sender, String target, long at) {
    activity.recordResponse(sender, target, at,
        entry -> {
          if (entry.getEscalated() || !entry.getAccepted() || !entry.getMinor()) {
            return false;
          }
          entry.setEscalated(true);
          return true;
        },
        counts -> counts.setEscalations(counts.getEscalations() + 1));
  }

  private static String pairKey(String recipient, String sender) {
    return recipient + SEPARATOR + sender;
  }
}
