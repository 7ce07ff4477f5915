package org.targetwatch.contacts;

import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.Friend;

/**
 * Stage 2 at the recipient's partition: the part of "is it a cold contact?" that only the recipient
 * knows. A message back to an account that wrote first (within the memory) is a reply; a contact to
 * an account that already counts the sender among its friends is between friends (the sender's
 * side of the friendship may still be on its way when the recipient accepted just before).
 */
public final class ColdContactCheck {
  private final FriendshipGraph graph;
  private final FirstMessages firstMessages;

  public ColdContactCheck(FriendshipGraph graph, FirstMessages firstMessages) {
    this.graph = graph;
    this.firstMessages = firstMessages;
  }

  /**
   * The recipient wrote to the sender first (within the memory): a friend request to a fan who wrote
   * to a creator is still a contact, but not a stranger's (docs/detection.md, "Strangers").
   */
  public boolean recipientWroteFirst(ContactAttempt attempt) {
    return firstMessages.wroteFirst(attempt.getRecipientId(), attempt.getSenderId(), attempt.getAt());
  }

  public boolean isCold(ContactAttempt attempt) {
    String sender = attempt.getSenderId();
    String recipient = attempt.getRecipientId();
    long at = attempt.getAt();
    if (attempt.getKind() == ContactKind.MESSAGE && firstMessages.wroteFirst(recipient, sender, at)) {
      return false;
    }
    Friend friend = graph.friendOf(recipient, sender);
    return friend == null || friend.getSince() > at;
  }
}
