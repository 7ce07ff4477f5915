package org.targetwatch.evaluation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.targetwatch.friendship.AgeBands;
import org.targetwatch.schema.FriendRequestAction;
import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * One streaming pass over an event file that remembers, for the tracked (offender) accounts only,
 * when each of their targets was first contacted — a friend request sent or a message — and which
 * accounts are minors. Memory is the offenders' targets plus one entry per profile, whatever the
 * file size. The file need not be sorted: the earliest contact per target is kept, and whether a
 * target is a minor is decided at question time, from its latest profile record (profiles may come
 * after the contacts in the file).
 */
public final class MinorContacts {
  private final Predicate<String> tracked;
  private final Map<String, Map<String, Instant>> firstContactByTarget = new HashMap<>();
  private final Map<String, ProfileBand> bands = new HashMap<>();

  private record ProfileBand(Instant updatedAt, boolean minor) {}

  public MinorContacts(Predicate<String> tracked) {
    this.tracked = tracked;
  }

  public void add(SpecificRecord event) {
    if (event instanceof Profile p) {
      ProfileBand band = new ProfileBand(p.getUpdatedAt(), AgeBands.isMinor(p.getAgeBand()));
      bands.merge(p.getAccountId(), band, (old, fresh) -> fresh.updatedAt().isBefore(old.updatedAt()) ? old : fresh);
    } else if (event instanceof FriendRequestEvent f && f.getAction() == FriendRequestAction.SENT) {
      contact(f.getSenderId(), f.getRecipientId(), f.getOccurredAt());
    } else if (event instanceof MessageEvent m) {
      contact(m.getSenderId(), m.getRecipientId(), m.getOccurredAt());
    }
  }

  private void contact(String sender, String target, Instant at) {
    if (tracked.test(sender)) {
      firstContactByTarget.computeIfAbsent(sender, s -> new HashMap<>()).merge(target, at,
          (a, b) -> a.isBefore(b) ? a : b);
    }
  }

  public boolean isMinor(String account) {
    ProfileBand band = bands.get(account);
    return band != null && band.minor();
  }

  /** Distinct minors the account had contacted at or before {@code upTo} (inclusive: the contact that raised the alert counts). */
  public int minorsContactedBy(String account, Instant upTo) {
    return (int) firstContactByTarget.getOrDefault(account, Map.of()).entrySet().stream()
        .filter(e -> !e.getValue().isAfter(upTo) && isMinor(e.getKey())).count();
  }

  /** Distinct minors the account contacted over the whole file. */
  public int minorsContactedBy(String account) {
    return minorsContactedBy(account, Instant.MAX);
  }
}
