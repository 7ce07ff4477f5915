package org.targetwatch.simulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.targetwatch.schema.FriendRequestAction;

/**
 * Runs a synthetic platform and writes its events to a sink: first every profile of the accounts
 * that exist before the start, then the existing friendship graph as ACCEPTED events dated before
 * the start (oldest first), then the observed days in event-time order (a small share delivered
 * late), with profiles of accounts created during the period emitted at their creation.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded from the configuration, iteration in
 * account order, ties broken by planning order — the same configuration gives the same events.
 */
public final class PlatformSimulator {
  private static final long SECOND = 1000L;
  /** History is dated from at most this long before the start (the oldest accounts' creation). */
  private static final long HISTORY_SPAN_SECONDS = 16L * 366 * 86_400;

  private final boolean safetyReports;

  public PlatformSimulator() {
    this(false);
  }

  private PlatformSimulator(boolean safetyReports) {
    this.safetyReports = safetyReports;
  }

  /** The same simulator with blocks and reports switched on ({@link SafetyReports}). */
  public PlatformSimulator withSafetyReports() {
    return new PlatformSimulator(true);
  }

  /** Simulates the configured platform into the sink and returns the ground truth and counts. */
  public SimulationResult run(SimulationConfig config, EventSink sink) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(sink, "sink");
    SplittableRandom rng = new SplittableRandom(config.seed());
    long start = config.start().toEpochMilli();
    WorldParameters.Platform platform = config.world().platform();
    Population population = PopulationBuilder.build(config.accounts(), start, rng, platform);
    Casting.Cast cast = Casting.cast(population, config, rng);
    FriendshipGraph graph = ExistingGraphBuilder.build(population, rng, platform);
    Timeline timeline = new Timeline(population, graph, sink, rng.split());

    emitExistingProfiles(population, start, timeline);
    emitExistingFriendships(population, graph, start, rng, timeline);
    planLaterProfiles(population, start, timeline);

    boolean[] planted = new boolean[population.size];
    for (int i = 0; i < population.size; i++) {
      planted[i] = cast.labels()[i] != BehaviourClass.ORDINARY;
    }
    World world = new World(rng, population, graph, timeline, start, config.days(), planted,
        platform, cast.parameters(), config.world().randomized());
    if (config.world().randomized()) {
      recordStartingPoint(population, graph, cast, start);
    }
    SafetyReports reports = safetyReports
        ? new SafetyReports(new SplittableRandom(config.seed() ^ 0x5AFE_4E90_17L), timeline, population) : null;
    world.reportWith(reports);
    OrdinaryLife ordinaryLife = new OrdinaryLife(cast.livesOrdinaryLife(), cast.sendsOrdinaryRequests());
    List<Behaviour> behaviours = cast.behaviours();
    for (int day = 0; day < config.days(); day++) {
      timeline.advanceTo(world.dayStart(day));
      world.minors.rebuild(world.dayStart(day));
      for (Behaviour behaviour : behaviours) {
        behaviour.planDay(day, world);
      }
      ordinaryLife.planDay(day, world);
      if (reports != null) {
        reports.planNoise(world.dayStart(day));
      }
    }
    timeline.finish(world.end);
    return result(config, population, cast, world, timeline);
  }

  /** Each planted account's friends and age at the start, for labels.json. */
  private static void recordStartingPoint(Population population, FriendshipGraph graph,
      Casting.Cast cast, long start) {
    for (int i = 0; i < population.size; i++) {
      if (cast.labels()[i] != BehaviourClass.ORDINARY) {
        cast.parameters().put(i, "friendsAtStart", graph.degree(i));
        cast.parameters().put(i, "accountAgeDaysAtStart",
            Math.max(0, (start - population.createdAt[i]) / World.DAY));
        cast.parameters().put(i, cast.labels()[i].isOffender() ? "claimsMinorBand" : "isMinor",
            population.isMinor(i) ? 1 : 0);
      }
    }
  }

  private static void emitExistingProfiles(Population population, long start, Timeline timeline) {
    for (int i = 0; i < population.size; i++) {
      if (population.createdAt[i] < start) {
        // the profile state dates from the account's creation, before any of its events
        timeline.profileNow(i, population.createdAt[i]);
      }
    }
  }

  /** Later accounts appear at their creation; deletions at their time. */
  private static void planLaterProfiles(Population population, long start, Timeline timeline) {
    for (int i = 0; i < population.size; i++) {
      if (population.createdAt[i] >= start) {
        timeline.planProfile(population.createdAt[i], i, false);
      }
      if (population.deletedAt[i] != Population.NEVER) {
        timeline.planProfile(population.deletedAt[i], i, true);
      }
    }
  }

  /**
   * Each friendship of the existing graph as one ACCEPTED, dated between the later of the two
   * accounts' creation and the start, oldest first.
   */
  private static void emitExistingFriendships(Population population, FriendshipGraph graph,
      long start, SplittableRandom rng, Timeline timeline) {
    long base = start / SECOND - HISTORY_SPAN_SECONDS;
    long[] keyed = new long[graph.edges()];
    int[] first = new int[keyed.length];
    int[] second = new int[keyed.length];
    int e = 0;
    for (int u = 0; u < population.size; u++) {
      for (int k = 0; k < graph.degree(u); k++) {
        int v = graph.friend(u, k);
        if (u < v) {
          long from = Math.max(population.createdAt[u], population.createdAt[v]) / SECOND + 3600;
          long until = start / SECOND - 3600;
          long at = from >= until ? until : from + rng.nextLong(until - from);
          boolean uAsked = rng.nextBoolean();
          first[e] = uAsked ? u : v;
          second[e] = uAsked ? v : u;
          keyed[e] = ((Math.max(0, at - base)) << 32) | e;
          e++;
        }
      }
    }
    Arrays.sort(keyed);
    for (long key : keyed) {
      int edge = (int) (key & 0xFFFFFFFFL);
      long at = ((key >>> 32) + base) * SECOND;
      timeline.existingFriendshipNow(first[edge], second[edge], at);
    }
  }

  private static SimulationResult result(SimulationConfig config,
      Population population, Casting.Cast cast, World world, Timeline timeline) {
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, Instant> starts = new LinkedHashMap<>();
    Map<String, String> rings = new LinkedHashMap<>();
    for (int i = 0; i < population.size; i++) {
      BehaviourClass c = cast.labels()[i];
      labels.put(population.ids[i], c.label());
      if (c != BehaviourClass.ORDINARY && world.behaviourStart(i) != Long.MAX_VALUE) {
        starts.put(population.ids[i], Instant.ofEpochMilli(world.behaviourStart(i)));
      }
      if (cast.ringOf()[i] >= 0) {
        rings.put(population.ids[i], "ring-" + cast.ringOf()[i]);
      }
    }
    Map<String, Long> byAction = new LinkedHashMap<>();
    long requests = 0;
    for (FriendRequestAction action : FriendRequestAction.values()) {
      byAction.put(action.name(), timeline.requests(action));
      requests += timeline.requests(action);
    }
    return new SimulationResult(labels, starts, rings, timeline.profiles(), requests, byAction,
        timeline.messages(), timeline.lateEvents(), config.seed(), config.world(),
        cast.parameters().byId(population));
  }
}
