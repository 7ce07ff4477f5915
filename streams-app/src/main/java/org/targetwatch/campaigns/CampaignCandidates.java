package org.targetwatch.campaigns;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.targetwatch.schema.internal.CampaignCandidate;

/**
 * The candidates of the campaign window, one per sender. The store is the source of truth; the
 * co-targeting graph and an index by age are its view in memory, built from the store when the task
 * starts (or is revived: a new instance per {@code init}) and then kept in step with every put and
 * delete, so a candidate costs its own targets and a logarithm, not a scan of the window.
 *
 * <p>A candidate leaves when a candidate arrives more than the campaign window after it, or, beyond
 * {@code maxCandidates}, when it is the oldest (by time, then sender id).
 */
public final class CampaignCandidates {
  private static final Comparator<CampaignCandidate> OLDEST_FIRST =
      Comparator.comparingLong(CampaignCandidate::getAt).thenComparing(CampaignCandidate::getSenderId);

  private final KeyValueStore<String, CampaignCandidate> store;
  private final CampaignConfig config;
  private final Map<String, CampaignCandidate> bySender = new HashMap<>();
  private final NavigableSet<CampaignCandidate> byAge = new TreeSet<>(OLDEST_FIRST);
  private final CoTargetingGraph graph = new CoTargetingGraph();

  private CampaignCandidates(KeyValueStore<String, CampaignCandidate> store, CampaignConfig config) {
    this.store = store;
    this.config = config;
  }

  /**
   * The view of what the store holds. Nothing expires here: as before a restart, the window and
   * the cap are applied when the next candidate arrives.
   */
  public static CampaignCandidates restore(KeyValueStore<String, CampaignCandidate> store, CampaignConfig config) {
    CampaignCandidates candidates = new CampaignCandidates(store, config);
    try (KeyValueIterator<String, CampaignCandidate> it = store.all()) {
      while (it.hasNext()) {
        candidates.remember(it.next().value); // stored under its sender id
      }
    }
    return candidates;
  }

  /**
   * Stores the candidate in place of its sender's previous one, then deletes the candidates older
   * than the window before it and, beyond the cap, the oldest (possibly this one, if it is late).
   */
  public void admit(CampaignCandidate candidate) {
    store.put(candidate.getSenderId(), candidate);
    forget(candidate.getSenderId());
    remember(candidate);
    long cutoff = candidate.getAt() - config.window().toMillis();
    while (!byAge.isEmpty() && byAge.first().getAt() < cutoff) {
      delete(byAge.first());
    }
    while (byAge.size() > config.maxCandidates()) {
      delete(byAge.first());
    }
  }

  /** A verdict changed the sender's clearance: the candidate held for it (if any) carries it from now on. */
  public void updateClearance(String senderId, int clearedReviewedMinors) {
    CampaignCandidate held = bySender.get(senderId);
    if (held != null && held.getClearedReviewedMinors() != clearedReviewedMinors) {
      held.setClearedReviewedMinors(clearedReviewedMinors);
      store.put(senderId, held);
    }
  }

  /** The sender's current candidate, or null. */
  public CampaignCandidate get(String senderId) {
    return bySender.get(senderId);
  }

  public int size() {
    return bySender.size();
  }

  /** The co-targeting graph of the current candidates. */
  public CoTargetingGraph graph() {
    return graph;
  }

  private void remember(CampaignCandidate candidate) {
    bySender.put(candidate.getSenderId(), candidate);
    byAge.add(candidate);
    graph.add(candidate);
  }

  private void forget(String senderId) {
    CampaignCandidate previous = bySender.remove(senderId);
    if (previous != null) {
      byAge.remove(previous);
      graph.remove(senderId);
    }
  }

  /** The store first: if it fails, memory still matches it. */
  private void delete(CampaignCandidate candidate) {
    store.delete(candidate.getSenderId());
    forget(candidate.getSenderId());
  }
}
