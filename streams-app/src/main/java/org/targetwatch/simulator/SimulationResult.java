package org.targetwatch.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth of one simulation and what was emitted.
 *
 * @param labels account id -> class label ({@link BehaviourClass#label()}), one per account, in
 *     account order
 * @param behaviourStarts account id -> event time of the account's first planted-behaviour event
 *     (first contact of an offender tactic, first act of a look-alike), for time-to-detect; only
 *     planted accounts whose behaviour produced an event
 * @param rings sock-puppet account id -> ring id, the accounts operated together
 * @param profiles profile records emitted
 * @param friendRequests friend-request records emitted (all actions)
 * @param friendRequestsByAction friend-request records emitted per action name
 * @param messages message records emitted
 * @param lateEvents records emitted behind later records (out of event-time order)
 * @param seed the seed of the simulation
 * @param world the world simulated ({@link WorldParameters#randomized()} decides the labels format)
 * @param accountParameters in a randomized world, planted account id -> parameter name -> value
 *     (drawn, or realised such as acceptanceRate and ringOverlap); empty otherwise
 */
public record SimulationResult(
    Map<String, String> labels,
    Map<String, Instant> behaviourStarts,
    Map<String, String> rings,
    long profiles,
    long friendRequests,
    Map<String, Long> friendRequestsByAction,
    long messages,
    long lateEvents,
    long seed,
    WorldParameters world,
    Map<String, Map<String, Number>> accountParameters) {

  public SimulationResult {
    labels = Collections.unmodifiableMap(labels);
    behaviourStarts = Collections.unmodifiableMap(behaviourStarts);
    rings = Collections.unmodifiableMap(rings);
    friendRequestsByAction = Collections.unmodifiableMap(friendRequestsByAction);
    Map<String, Map<String, Number>> parameters = new LinkedHashMap<>();
    accountParameters.forEach((id, p) -> parameters.put(id, Collections.unmodifiableMap(p)));
    accountParameters = Collections.unmodifiableMap(parameters);
  }

  /** All records emitted. */
  public long totalEvents() {
    return profiles + friendRequests + messages;
  }

  /** Accounts per class label, sorted by label. */
  public Map<String, Integer> accountsPerClass() {
    Map<String, Integer> counts = new TreeMap<>();
    labels.values().forEach(label -> counts.merge(label, 1, Integer::sum));
    return counts;
  }
}
