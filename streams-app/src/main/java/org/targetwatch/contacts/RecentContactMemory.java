package org.targetwatch.contacts;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.internal.RecentContacts;
import org.targetwatch.topology.StoreSweep;

/**
 * A sender's most recent contacts, kept at the sender's partition in the order its events arrive
 * there (so live and replay see the same list). Each new contact carries the earlier ones to the
 * recipient, whose friends among them tell whether the sender's targets know each other — one
 * class, one club, one family — or are spread over the platform (docs/detection.md, "Targets who
 * know each other"). Bounded: at most {@link #KEPT} contacts, none older than the memory.
 */
public final class RecentContactMemory {
  /** Enough to see a class or a club; a mass contact's older targets add nothing a newer one would not. */
  public static final int KEPT = 64;

  private final KeyValueStore<String, RecentContacts> store;
  private final long memoryMs;

  public RecentContactMemory(KeyValueStore<String, RecentContacts> store, long memoryMs) {
    this.store = store;
    this.memoryMs = memoryMs;
  }

  /**
   * Records a contact from {@code sender} to {@code recipient} at {@code at} and returns the
   * sender's earlier contacts within the memory (not the recipient itself), sorted by id.
   */
  public List<String> recordAndListEarlier(String sender, String recipient, long at) {
    RecentContacts known = store.get(sender);
    List<String> ids = new ArrayList<>(KEPT + 1);
    List<Long> times = new ArrayList<>(KEPT + 1);
    if (known != null) {
      for (int i = 0; i < known.getTargetIds().size(); i++) {
        String id = known.getTargetIds().get(i);
        long when = known.getContactedAt().get(i);
        if (when > at - memoryMs && !id.equals(recipient)) {
          ids.add(id);
          times.add(when);
        }
      }
    }
    List<String> earlier = new ArrayList<>(ids);
    earlier.sort(null);
    ids.add(recipient);
    times.add(at);
    int drop = Math.max(0, ids.size() - KEPT);
    store.put(sender, new RecentContacts(
        new ArrayList<>(ids.subList(drop, ids.size())), new ArrayList<>(times.subList(drop, times.size()))));
    return earlier;
  }

  /**
   * Whether {@code sender} may have contacted {@code target} within the memory before {@code at}:
   * true when the target is among its recent contacts, or when the list is full and reaches back
   * less than the memory (older contacts were let go); false when the list holds every contact of
   * the memory and the target is not among them.
   */
  public boolean mayHaveContacted(String sender, String target, long at) {
    RecentContacts known = store.get(sender);
    if (known == null) {
      return false;
    }
    List<Long> times = known.getContactedAt();
    for (int i = 0; i < times.size(); i++) {
      if (times.get(i) > at - memoryMs && known.getTargetIds().get(i).equals(target)) {
        return true;
      }
    }
    return times.size() >= KEPT && times.get(0) > at - memoryMs;
  }

  /** One of a sender's recent contacts. */
  public record RecentContact(String targetId, long at) {}

  /**
   * The sender's recent contacts made after {@code at}, oldest first: those its partition has sent
   * on since (whether or not they have come back from their recipients' partitions yet).
   */
  public List<RecentContact> contactsAfter(String sender, long at) {
    RecentContacts known = store.get(sender);
    List<RecentContact> after = new ArrayList<>();
    if (known != null) {
      for (int i = 0; i < known.getTargetIds().size(); i++) {
        long when = known.getContactedAt().get(i);
        if (when > at) {
          after.add(new RecentContact(known.getTargetIds().get(i), when));
        }
      }
    }
    after.sort(java.util.Comparator.comparingLong(RecentContact::at));
    return after;
  }

  /** Forgets the senders whose latest contact is older than {@code cutoff}: state expires with the memory. */
  public int forgetBefore(long cutoff) {
    return StoreSweep.deleteBefore(store, cutoff, recent -> recent.getContactedAt().isEmpty()
        ? Long.MIN_VALUE : recent.getContactedAt().get(recent.getContactedAt().size() - 1));
  }
}
