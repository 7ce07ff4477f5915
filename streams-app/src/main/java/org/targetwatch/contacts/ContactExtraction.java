package org.targetwatch.contacts;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.targetwatch.friendship.FriendshipGraph;
import org.targetwatch.friendship.StoredFriends;
import org.targetwatch.schema.internal.ContactAttempt;
import org.targetwatch.schema.internal.ContactCandidate;
import org.targetwatch.schema.internal.ContactKind;
import org.targetwatch.schema.internal.Friend;
import org.targetwatch.schema.internal.FriendshipChanged;
import org.targetwatch.schema.internal.ResponseKind;
import org.targetwatch.schema.internal.TargetResponse;
import org.apache.avro.specific.SpecificRecord;

/**
 * Stage 2, first half, at the sender's partition: decides whether a request or message may be a
 * cold contact. A contact is a friend request sent, or a direct message to an account that is not a
 * friend and has not written to the sender first (a reply is not a cold contact: the recipient's
 * partition, which knows what it wrote, decides that, {@link ColdContactCheck}). A message to a
 * friend who accepted the sender's request is not a contact but may be an escalation: it is sent
 * on along the contact's path, and the sender's windows count it when that friend was a minor
 * target ({@link ResponsePath}).
 */
public final class ContactExtraction {
  private final FriendshipGraph graph;
  private final FirstMessages firstMessages;
  private final RecentContactMemory recentContacts;
  private final long memoryMs;
  private final int maxFriendsCarried;

  /** @param memoryMs what "recent" means for the sender's friends */
  public ContactExtraction(FriendshipGraph graph, FirstMessages firstMessages, RecentContactMemory recentContacts,
      long memoryMs, int maxFriendsCarried) {
    this.recentContacts = recentContacts;
    this.graph = graph;
    this.firstMessages = firstMessages;
    this.memoryMs = memoryMs;
    this.maxFriendsCarried = maxFriendsCarried;
  }

  /**
   * The candidate to send on to the recipient, carrying the sender's trusted friends and its recent
   * contacts (this one is recorded among them); for a message to a friend who accepted the sender's
   * request, an escalation for the sender's windows (evidence even when no new contact follows);
   * otherwise empty: a contact between friends. A message to a non-friend is remembered, so that
   * the recipient's message back is seen as a reply here.
   */
  public Optional<SpecificRecord> extract(ContactAttempt attempt) {
    String sender = attempt.getSenderId();
    String recipient = attempt.getRecipientId();
    long at = attempt.getAt();
    Friend friend = graph.friendOf(sender, recipient);
    if (friend != null && friend.getSince() <= at) { // friends as of the contact (another partition's side may be ahead)
      return isPossibleEscalation(attempt, friend)
          ? Optional.of(ResponsePath.response(sender, recipient, ResponseKind.ESCALATED, at))
          : Optional.empty();
    }
    if (attempt.getKind() == ContactKind.MESSAGE) {
      firstMessages.remember(sender, recipient, at);
    }
    StoredFriends friends = graph.friendsOf(sender); // a candidate carries the sender's friends
    List<String> trusted = friends.trustedIds(at, memoryMs, maxFriendsCarried); // friends as of the contact
    boolean capped = trusted.size() >= maxFriendsCarried && friends.storedCount() > maxFriendsCarried;
    List<String> earlierContacts = recentContacts.recordAndListEarlier(sender, recipient, at);
    // the platform's size and age homophily as of the contact, so its answer is judged as of the contact when it comes back
    return Optional.of(new ContactCandidate(attempt, trusted, capped, earlierContacts, graph.taskDegreeSum(),
        graph.minorHomophily()));
  }

  /**
   * The escalation a message was, when this partition read it before the acceptance it came after:
   * the sender's requests and messages are two topics, and a live partition reads what it has, so a
   * message a producer's batch delivered first was taken for one to a non-friend (remembered as the
   * sender's first word to it). When the acceptance is read, a message remembered from its time on,
   * within the long window, was an escalation, counted at the message's time in the sender's
   * sequence after the acceptance, as {@code replay}, reading in event time, counts it. Read in
   * event-time order there is no such message: the ones after the acceptance were to a friend.
   * (Not seen: a later message to a minor the sender had already written to before the
   * acceptance, whose first word is the earlier one.)
   */
  public Optional<TargetResponse> escalationReadBeforeItsAcceptance(FriendshipChanged change) {
    if (!change.getAdded() || !change.getInitiatedByAccount()) {
      return Optional.empty();
    }
    OptionalLong messaged = firstMessages.wroteSince(change.getAccountId(), change.getFriendId(), change.getAt());
    return messaged.isPresent()
        ? Optional.of(ResponsePath.response(change.getAccountId(), change.getFriendId(), ResponseKind.ESCALATED,
            messaged.getAsLong()))
        : Optional.empty();
  }

  /**
   * A message to a friend who accepted the sender's own request within the long window: only then
   * can the windows hold that friend as a target (contacted before it accepted).
   */
  private boolean isPossibleEscalation(ContactAttempt attempt, Friend friend) {
    return attempt.getKind() == ContactKind.MESSAGE && friend.getInitiatedBySelf()
        && friend.getSince() > attempt.getAt() - memoryMs;
  }
}
