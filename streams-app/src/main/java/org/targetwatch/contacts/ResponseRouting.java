package org.targetwatch.contacts;

import org.targetwatch.schema.internal.ResponseKind;
import org.targetwatch.schema.internal.TargetResponse;
import org.targetwatch.windows.SenderActivity;
import org.targetwatch.windows.SenderSequence;

/**
 * Where a response to a sender's contact is counted, decided at the sender's partition, where the
 * sender's own events are handled in event-time order:
 * <ul>
 *   <li>here, at once, when the contact is already back in the sender's windows and the windows
 *       have applied everything the sender's partition sent them ({@link SenderSequence#allApplied}):
 *       counting now is counting it after everything before it and before everything after, as
 *       {@code replay} does;</li>
 *   <li>along the contact's path ({@link ResponsePath}), numbered in the sender's sequence, when the
 *       contact or anything else sent to the windows before it may still be on its way;</li>
 *   <li>nowhere when the sender did not contact the target within the long window: the windows
 *       would not count it.</li>
 * </ul>
 * An escalation always takes the path: the windows assess the sender when they count one.
 */
public final class ResponseRouting {
  private final SenderActivity activity;
  private final RecentContactMemory recentContacts;
  private final SenderSequence sequence;

  public ResponseRouting(SenderActivity activity, RecentContactMemory recentContacts, SenderSequence sequence) {
    this.activity = activity;
    this.recentContacts = recentContacts;
    this.sequence = sequence;
  }

  /** True when the response was counted here; false when it must travel the contact's path (or is of no use). */
  public boolean countedHere(TargetResponse response) {
    if (response.getResponse() == ResponseKind.ESCALATED
        || activity.findTarget(response.getSenderId(), response.getTargetId(), response.getAt()) == null
        || !sequence.allApplied(response.getSenderId())) {
      return false;
    }
    String sender = response.getSenderId();
    String target = response.getTargetId();
    long at = response.getAt();
    switch (response.getResponse()) {
      case ACCEPTED -> activity.recordAccepted(sender, target, at);
      case DECLINED -> activity.recordDeclined(sender, target, at);
      case REMOVED -> activity.recordRemoved(sender, target, at);
      default -> throw new IllegalStateException("not a response counted here: " + response.getResponse());
    }
    return true;
  }

  /** True when the response may count once its contact is back: the sender may have contacted the target. */
  public boolean worthSending(TargetResponse response) {
    return recentContacts.mayHaveContacted(response.getSenderId(), response.getTargetId(), response.getAt());
  }
}
