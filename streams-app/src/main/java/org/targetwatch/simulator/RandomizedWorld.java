package org.targetwatch.simulator;

import static org.targetwatch.simulator.BehaviourClass.BURST_FAKE_TEEN;
import static org.targetwatch.simulator.BehaviourClass.CREATOR;
import static org.targetwatch.simulator.BehaviourClass.DILUTION;
import static org.targetwatch.simulator.BehaviourClass.GAMER_TEEN;
import static org.targetwatch.simulator.BehaviourClass.MESSAGE_FIRST;
import static org.targetwatch.simulator.BehaviourClass.NEW_STUDENT;
import static org.targetwatch.simulator.BehaviourClass.POPULAR_TEEN;
import static org.targetwatch.simulator.BehaviourClass.RELATIVE;
import static org.targetwatch.simulator.BehaviourClass.SLOW_AND_LOW;
import static org.targetwatch.simulator.BehaviourClass.SNOWBALL;
import static org.targetwatch.simulator.BehaviourClass.SOCK_PUPPET_RING;
import static org.targetwatch.simulator.BehaviourClass.SPAM;
import static org.targetwatch.simulator.BehaviourClass.TEACHER;
import static org.targetwatch.simulator.BehaviourParameter.ACCOUNT_AGE_DAYS;
import static org.targetwatch.simulator.BehaviourParameter.ACTIVE_DAYS;
import static org.targetwatch.simulator.BehaviourParameter.BASE_ACCEPTANCE;
import static org.targetwatch.simulator.BehaviourParameter.BEFRIENDS_FANS_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.BURSTS;
import static org.targetwatch.simulator.BehaviourParameter.BURST_MINUTES;
import static org.targetwatch.simulator.BehaviourParameter.CLAIMS_MINOR_BAND;
import static org.targetwatch.simulator.BehaviourParameter.DEGREE_PICKED_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.DILUTION_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.ESCALATION_CHANCE;
import static org.targetwatch.simulator.BehaviourParameter.ESTABLISHED;
import static org.targetwatch.simulator.BehaviourParameter.FIRST_DAY_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.INTENSITY;
import static org.targetwatch.simulator.BehaviourParameter.MINOR_FAN_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.MUTUAL_FRIEND_ACCEPTANCE_BONUS;
import static org.targetwatch.simulator.BehaviourParameter.OTHER_BAND_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.OWN_FRIENDS;
import static org.targetwatch.simulator.BehaviourParameter.PATTERN_OVERLAP;
import static org.targetwatch.simulator.BehaviourParameter.POPULARITY_ACCEPTANCE_BONUS;
import static org.targetwatch.simulator.BehaviourParameter.RING_LIST_FACTOR;
import static org.targetwatch.simulator.BehaviourParameter.RING_INTENDED_OVERLAP;
import static org.targetwatch.simulator.BehaviourParameter.RING_SIZE;
import static org.targetwatch.simulator.BehaviourParameter.SAME_BAND_SHARE;
import static org.targetwatch.simulator.BehaviourParameter.SCHOOLS;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.targetwatch.simulator.WorldParameters.DegreeShape;
import org.targetwatch.simulator.WorldParameters.Platform;

/**
 * Draws a world from a seed: the platform's shape from the widest ranges below, and for every
 * planted class and parameter a narrower range inside the widest one, from which each account of
 * the class then draws its own value. The widest ranges are a model of platforms and of what
 * offenders and ordinary people are known to do, not of the detector: nothing here reads a
 * detector setting. docs/simulator.md gives the reasons.
 */
public final class RandomizedWorld {
  /** A world's range covers at least this share of the widest range. */
  private static final double NARROWEST = 0.25;
  /** Keeps the world's draws apart from the simulation's own random sequence for the same seed. */
  private static final long SALT = 0x5EED_0F_A11_E5L;

  private static final Map<BehaviourClass, Map<BehaviourParameter, Range>> WIDEST = widest();

  private RandomizedWorld() {}

  /** The widest range of each parameter per planted class. */
  public static Map<BehaviourClass, Map<BehaviourParameter, Range>> widestRanges() {
    return WIDEST;
  }

  /** The world of a seed: the same seed, the same world. */
  public static WorldParameters draw(long seed) {
    SplittableRandom rng = new SplittableRandom(seed ^ SALT);
    Platform platform = platform(rng);
    Map<BehaviourClass, Map<BehaviourParameter, Range>> ranges = new EnumMap<>(BehaviourClass.class);
    WIDEST.forEach((c, widest) -> {
      Map<BehaviourParameter, Range> forClass = new EnumMap<>(BehaviourParameter.class);
      widest.forEach((parameter, range) -> forClass.put(parameter, range.within(rng, NARROWEST)));
      ranges.put(c, forClass);
    });
    return new WorldParameters(true, seed, platform, ranges);
  }

  private static Platform platform(SplittableRandom rng) {
    double minors = uniform(rng, 0.15, 0.45);
    double under13 = minors * uniform(rng, 0.03, 0.25);
    double younger = (minors - under13) * uniform(rng, 0.35, 0.65);
    double unknown = uniform(rng, 0.0, 0.05);
    boolean pareto = rng.nextBoolean();
    DegreeShape teens;
    DegreeShape under13s;
    DegreeShape adults;
    if (pareto) {
      double alpha = uniform(rng, 1.3, 2.8);
      double scale = uniform(rng, 4, 14);
      teens = new DegreeShape(DegreeShape.Family.PARETO, scale, alpha, 800);
      under13s = new DegreeShape(DegreeShape.Family.PARETO, scale * uniform(rng, 0.3, 0.7),
          alpha + uniform(rng, 0.0, 0.6), 150);
      adults = new DegreeShape(DegreeShape.Family.PARETO, uniform(rng, 3, 10),
          uniform(rng, 1.4, 2.6), 1500);
    } else {
      double median = uniform(rng, 8, 40);
      double sigma = uniform(rng, 0.6, 1.4);
      teens = new DegreeShape(DegreeShape.Family.LOGNORMAL, median, sigma, 800);
      under13s = new DegreeShape(DegreeShape.Family.LOGNORMAL, median * uniform(rng, 0.3, 0.7),
          sigma * uniform(rng, 0.7, 1.0), 150);
      adults = new DegreeShape(DegreeShape.Family.LOGNORMAL, uniform(rng, 6, 30),
          uniform(rng, 0.6, 1.3), 1500);
    }
    // a minor's friendships inside its communities, in today's proportions grade:school:interest
    double minorsWithin = uniform(rng, 0.4, 0.9);
    double minorsToAdults = uniform(rng, 0.005, 0.04);
    double adultsWithin = uniform(rng, 0.3, 0.8);
    double adultsToMinors = uniform(rng, 0.001, 0.01);
    // ordinary requests: friends of friends and communities in today's proportions 55:35
    double strangers = uniform(rng, 0.05, 0.3);
    return new Platform(
        under13, under13 + younger, minors, minors + unknown,
        under13s, teens, adults,
        (int) Math.round(uniform(rng, 250, 1500)), (int) Math.round(uniform(rng, 15, 40)),
        uniform(rng, 1.2, 2.0),
        minorsWithin * 0.45 / 0.72, minorsWithin * 0.62 / 0.72, minorsWithin,
        1 - minorsToAdults,
        adultsWithin * 0.40 / 0.55, adultsWithin, 1 - adultsToMinors,
        uniform(rng, 0.05, 0.35), uniform(rng, 0.03, 0.12), uniform(rng, 0.02, 0.07),
        uniform(rng, 0.1, 0.4),
        (1 - strangers) * 0.55 / 0.9, 1 - strangers, uniform(rng, 0.0, 0.5), uniform(rng, 0.0, 0.2),
        uniform(rng, 0.5, 1.2));
  }

  private static double uniform(SplittableRandom rng, double lowest, double highest) {
    return lowest + rng.nextDouble() * (highest - lowest);
  }

  private static Map<BehaviourClass, Map<BehaviourParameter, Range>> widest() {
    Map<BehaviourClass, Map<BehaviourParameter, Range>> w = new EnumMap<>(BehaviourClass.class);
    // offenders: what every tactic shares
    for (BehaviourClass c : new BehaviourClass[] {BURST_FAKE_TEEN, SLOW_AND_LOW, SNOWBALL,
        SOCK_PUPPET_RING, DILUTION, MESSAGE_FIRST}) {
      Map<BehaviourParameter, Range> m = new EnumMap<>(BehaviourParameter.class);
      m.put(INTENSITY, Range.of(6, 60));
      m.put(DEGREE_PICKED_SHARE, Range.of(0.3, 1.0));
      m.put(BASE_ACCEPTANCE, Range.of(0.03, 0.30));
      m.put(POPULARITY_ACCEPTANCE_BONUS, Range.of(0.0, 0.35));
      m.put(ESCALATION_CHANCE, Range.of(0.5, 1.0));
      m.put(FIRST_DAY_SHARE, Range.of(0.0, 0.5));
      m.put(OWN_FRIENDS, Range.of(0, 15));
      m.put(ACCOUNT_AGE_DAYS, Range.of(0, 45));
      m.put(ESTABLISHED, Range.of(0.0, 1.0));
      m.put(CLAIMS_MINOR_BAND, Range.of(0.5, 1.0));
      m.put(SAME_BAND_SHARE, Range.of(0.2, 0.9));
      w.put(c, m);
    }
    // a burst by a brand-new profile: hours to a few days
    w.get(BURST_FAKE_TEEN).put(ESTABLISHED, Range.of(0, 0));
    w.get(BURST_FAKE_TEEN).put(CLAIMS_MINOR_BAND, Range.of(0.8, 1.0));
    w.get(BURST_FAKE_TEEN).put(ACTIVE_DAYS, Range.of(1, 3));
    // created (and so starting) anywhere in the observed period
    w.get(BURST_FAKE_TEEN).put(FIRST_DAY_SHARE, Range.of(0.0, 0.9));
    // below one day: created during the observed period; else that many days before it
    w.get(BURST_FAKE_TEEN).put(ACCOUNT_AGE_DAYS, Range.of(0, 2));
    w.get(BURST_FAKE_TEEN).put(BURSTS, Range.of(1, 5));
    w.get(BURST_FAKE_TEEN).put(BURST_MINUTES, Range.of(20, 360));
    // slow and low: an established adult, over weeks
    w.get(SLOW_AND_LOW).put(ESTABLISHED, Range.of(1, 1));
    w.get(SLOW_AND_LOW).put(ACCOUNT_AGE_DAYS, Range.logOf(120, 3650));
    w.get(SLOW_AND_LOW).put(OWN_FRIENDS, Range.logOf(3, 300));
    w.get(SLOW_AND_LOW).put(ACTIVE_DAYS, Range.of(7, 28));
    w.get(SLOW_AND_LOW).put(ESCALATION_CHANCE, Range.of(0.7, 1.0));
    w.get(SLOW_AND_LOW).put(FIRST_DAY_SHARE, Range.of(0.0, 0.25));
    // snowball through victims' friends: days to weeks, mutual friends make children accept
    w.get(SNOWBALL).put(ACTIVE_DAYS, Range.of(3, 21));
    w.get(SNOWBALL).put(MUTUAL_FRIEND_ACCEPTANCE_BONUS, Range.of(0.05, 0.35));
    // rings: 3-8 young accounts, each contacting few minors, lists shared more or less
    w.get(SOCK_PUPPET_RING).put(ESTABLISHED, Range.of(0, 0));
    w.get(SOCK_PUPPET_RING).put(INTENSITY, Range.of(3, 20));
    w.get(SOCK_PUPPET_RING).put(ACCOUNT_AGE_DAYS, Range.of(0, 60));
    w.get(SOCK_PUPPET_RING).put(ACTIVE_DAYS, Range.of(1, 10));
    w.get(SOCK_PUPPET_RING).put(RING_SIZE, Range.of(3, 8));
    w.get(SOCK_PUPPET_RING).put(RING_INTENDED_OVERLAP, Range.of(0.0, 0.5));
    w.get(SOCK_PUPPET_RING).put(RING_LIST_FACTOR, Range.of(1.0, 1.5));
    // dilution: many adult contacts mixed in, over weeks
    w.get(DILUTION).put(ACTIVE_DAYS, Range.of(5, 28));
    w.get(DILUTION).put(DILUTION_SHARE, Range.of(0.5, 0.92));
    w.get(DILUTION).put(CLAIMS_MINOR_BAND, Range.of(0.0, 0.5));
    // message first: cold messages, days to weeks; acceptance is the chance a minor answers;
    // a new profile of this tactic makes no friends (it never sends a friend request)
    w.get(MESSAGE_FIRST).put(ACTIVE_DAYS, Range.of(2, 21));
    for (BehaviourClass c : new BehaviourClass[] {SNOWBALL, DILUTION, MESSAGE_FIRST}) {
      // established accounts: months to years old, few friends to a normal adult circle
      w.get(c).put(OWN_FRIENDS, Range.logOf(1, 300));
    }

    w.put(NEW_STUDENT, lookAlike(8, 90, 0.0, 0.6, 1, 5));
    w.put(TEACHER, lookAlike(10, 120, 0.0, 0.5, 1, 7));
    w.get(TEACHER).put(SCHOOLS, Range.of(1, 4));
    w.put(POPULAR_TEEN, lookAlike(4, 40, 0.3, 1.0, 1, 7));
    w.put(CREATOR, lookAlike(5, 60, 0.0, 0.8, 1, 1));
    w.get(CREATOR).put(MINOR_FAN_SHARE, Range.of(0.3, 0.85));
    w.get(CREATOR).put(BEFRIENDS_FANS_SHARE, Range.of(0.0, 0.3));
    w.put(RELATIVE, lookAlike(2, 15, 0.0, 0.5, 1, 3));
    w.put(GAMER_TEEN, lookAlike(8, 60, 0.0, 0.6, 1, 7));
    w.get(GAMER_TEEN).put(OTHER_BAND_SHARE, Range.of(0.0, 0.3));
    // a slight lean: at most a tenth of all its picks (a quarter or so of its minor picks)
    w.put(SPAM, lookAlike(10, 120, 0.0, 0.1, 1, 1));
    Map<BehaviourClass, Map<BehaviourParameter, Range>> frozen = new EnumMap<>(BehaviourClass.class);
    w.forEach((c, m) -> frozen.put(c, Collections.unmodifiableMap(m)));
    return Collections.unmodifiableMap(frozen);
  }

  private static Map<BehaviourParameter, Range> lookAlike(double fewest, double most,
      double leastOverlap, double mostOverlap, double fewestDays, double mostDays) {
    Map<BehaviourParameter, Range> m = new EnumMap<>(BehaviourParameter.class);
    m.put(INTENSITY, Range.of(fewest, most));
    m.put(PATTERN_OVERLAP, Range.of(leastOverlap, mostOverlap));
    m.put(ACTIVE_DAYS, Range.of(fewestDays, mostDays));
    return m;
  }
}
