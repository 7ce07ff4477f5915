package org.targetwatch.contacts;

import org.targetwatch.schema.internal.ResponseKind;
import org.targetwatch.schema.internal.TargetResponse;

/**
 * The way a response to a contact (accepted, declined, removed; or the sender's escalation) reaches
 * the sender's windows: the contact's own path. A contact goes from the sender's partition to the
 * target's ({@code contacts-by-recipient}, keyed by the target) and back ({@code contacts-by-sender},
 * keyed by the sender); a response seen at the sender's partition is sent the same way, so that
 * the two meet the same partitions in the same order and the response never reaches the windows
 * before the contact it answers, however far the target's partition is behind or ahead. (A
 * response sent straight to the sender's windows was lost whenever it got there first: the
 * windows count a response only for a target they hold.)
 */
public final class ResponsePath {
  private ResponsePath() {}

  public static TargetResponse response(String sender, String target, ResponseKind kind, long at) {
    return TargetResponse.newBuilder().setSenderId(sender).setTargetId(target).setResponse(kind).setAt(at).build();
  }

  /** The key of the first hop, to the target's partition. */
  public static String firstHopKey(TargetResponse response) {
    return response.getTargetId();
  }

  /** The key of the second hop, back to the sender's partition. */
  public static String secondHopKey(TargetResponse response) {
    return response.getSenderId();
  }
}
