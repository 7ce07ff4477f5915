package org.targetwatch.contacts;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.targetwatch.friendship.FriendSets;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendSet;
import org.targetwatch.schema.internal.MessageReceived;
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
  private final WindowStore<String, Long> receivedFrom;
  private final SenderActivity activity;
  private final long memoryMs;
  private final int maxFriendsCarried;

  /** @param memoryMs how long a received message makes a message back a reply; also what "recent" means */
  public ContactExtraction(FriendshipGraph graph, WindowStore<String, Long> receivedFrom, SenderActivity activity,
      long memoryMs, int maxFriendsCarried) {
    this.graph = graph;
    this.receivedFrom = receivedFrom;
    this.activity = activity;
    this.memoryMs = memoryMs;
    this.maxFriendsCarried = maxFriendsCarried;
  }

  /** Remembers, at the recipient, who wrote to it: one record per pair and day is enough. */
  public void rememberMessage(MessageReceived message) {
    if (FriendSets.contains(graph.friendsOf(message.getRecipientId()), message.getSenderId())) {
      return; // messages between friends never make a contact cold or warm
    }
    long day = Math.floorDiv(message.getAt(), 86_400_000L) * 86_400_000L;
    receivedFrom.put(pairKey(message.getRecipientId(), message.getSenderId()), message.getAt(), day);
  }

  public Optional<ContactCandidate> extract(ContactAttempt attempt) {
    String sender = attempt.getSenderId();
    String recipient = attempt.getRecipientId();
    long at = attempt.getAt();
    FriendSet friends = graph.friendsOf(sender);
    Friend friend = FriendSets.find(friends, recipient);
    if (friend != null) {
      if (attempt.getKind() == ContactKind.MESSAGE && friend.getInitiatedBySelf()) {
        recordEscalation(sender, recipient, at);
      }
      return Optional.empty();
    }
    if (attempt.getKind() == ContactKind.MESSAGE && hasWrittenFirst(recipient, sender, at)) {
      return Optional.empty();
    }
    List<String> trusted = FriendSets.trustedFriendIds(friends, at, memoryMs, maxFriendsCarried);
    boolean capped = trusted.size() >= maxFriendsCarried && friends.getFriends().size() > maxFriendsCarried;
    return Optional.of(new ContactCandidate(attempt, trusted, capped));
  }

  private boolean hasWrittenFirst(String author, String reader, long at) {
    try (WindowStoreIterator<Long> it = receivedFrom.fetch(pairKey(reader, author), at - memoryMs, at)) {
      while (it.hasNext()) {
        if (it.next().value <= at) {
          return true;
        }
      }
    }
    return false;
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
