package org.targetwatch.simulator;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.FriendRequestAction;

/**
 * What a behaviour sees and does when it plans its day: the population, the friendship graph as
 * it stands this morning, the minors ranked by degree, the random source, and the acts it can plan
 * (a friend request with its answer, a conversation, an escalation to private messages).
 */
final class World {
  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;

  final SplittableRandom rng;
  final Population population;
  final FriendshipGraph graph;
  final MinorDegreeIndex minors;
  final long start;
  final long end;
  final int days;
  final WorldParameters.Platform platform;
  /** What planted accounts were drawn to do, and their realised acceptance (randomized worlds). */
  final AccountParameters parameters;
  /** A randomized world records what planted accounts did for labels.json. */
  private final boolean recordsParameters;
  private final Timeline timeline;
  private final long[] behaviourStart;
  private final boolean[] planted;
  /** Blocks and reports of the people contacted; null when the simulation has them switched off. */
  private SafetyReports safetyReports;

  World(SplittableRandom rng, Population population, FriendshipGraph graph, Timeline timeline,
      long start, int days, boolean[] planted, WorldParameters.Platform platform,
      AccountParameters parameters, boolean recordsParameters) {
    this.platform = platform;
    this.parameters = parameters;
    this.recordsParameters = recordsParameters;
    this.planted = planted.clone();
    this.rng = rng;
    this.population = population;
    this.graph = graph;
    this.timeline = timeline;
    this.start = start;
    this.days = days;
    this.end = start + days * DAY;
    this.minors = new MinorDegreeIndex(population, graph, platform.popularPoolShare());
    this.behaviourStart = new long[population.size];
    Arrays.fill(behaviourStart, Long.MAX_VALUE);
  }

  void reportWith(SafetyReports reports) {
    this.safetyReports = reports;
  }

  long dayStart(int day) {
    return start + day * DAY;
  }

  /** A moment of the day when people of this rhythm are online. */
  long timeOn(int day, Rhythm rhythm) {
    return dayStart(day) + rhythm.offsetInDay(rng);
  }

  /** A log-normal delay around a median, at least a minute. */
  long delay(double medianMinutes, double spread) {
    double minutes = medianMinutes * Math.exp(spread * rng.nextGaussian());
    return Math.max(MINUTE, (long) (minutes * MINUTE));
  }

  int between(int lowest, int highest) {
    return lowest + rng.nextInt(highest - lowest + 1);
  }

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  boolean active(int account, long at) {
    return population.isActive(account, at);
  }

  /** A real person who exists at {@code at}: someone others can befriend or write to. */
  boolean reachable(int account, long at) {
    return !population.fake[account] && population.isActive(account, at);
  }

  /** Plays a planted part (offender or look-alike) rather than an ordinary life. */
  boolean isPlanted(int account) {
    return planted[account];
  }

  /** Records that a planted behaviour acted, for time-to-detect. */
  void behaviourActs(int account, long at) {
    behaviourStart[account] = Math.min(behaviourStart[account], at);
  }

  long behaviourStart(int account) {
    return behaviourStart[account];
  }

  /**
   * Plans a friend request and the recipient's answer.
   *
   * @return when it is accepted, or -1 when it is declined, cancelled or ignored
   */
  long request(long at, int sender, int recipient, Response response) {
    timeline.planRequest(at, sender, recipient, FriendRequestAction.SENT);
    if (safetyReports != null && response == Response.SPAM) {
      safetyReports.spammed(at, sender, recipient);
    }
    if (recordsParameters && planted[sender] && population.isMinor(recipient)) {
      parameters.reached(sender, minors.popularity(recipient));
    }
    double r = rng.nextDouble();
    if (r < response.accept()) {
      long acceptedAt = at + delay(response.medianMinutes(), 1.3);
      timeline.planRequest(acceptedAt, sender, recipient, FriendRequestAction.ACCEPTED);
      return acceptedAt;
    } else if (r < response.accept() + response.decline()) {
      long declinedAt = at + delay(response.medianMinutes(), 1.3);
      timeline.planRequest(declinedAt, sender, recipient, FriendRequestAction.DECLINED);
      if (safetyReports != null && population.isMinor(recipient)) {
        safetyReports.declined(declinedAt, sender, recipient, minors.popularity(recipient));
      }
    } else if (r < response.accept() + response.decline() + response.cancel()) {
      timeline.planRequest(at + delay(36 * 60, 0.5), sender, recipient,
          FriendRequestAction.CANCELLED);
    }
    return -1;
  }

  /** The friendship ends, whoever ends it. */
  void remove(long at, int by, int friend) {
    timeline.planRequest(at, by, friend, FriendRequestAction.REMOVED);
  }

  /**
   * A conversation of about {@code length} messages opened by {@code opener}: the other replies
   * with chance {@code replyChance} after each message; it stops when nobody answers.
   *
   * @return when the last message is sent
   */
  long conversation(long at, int opener, int other, int length, double replyChance,
      boolean onlyBetweenFriends) {
    long t = at;
    int author = opener;
    int reader = other;
    for (int k = 0; k < length; k++) {
      timeline.planMessage(t, author, reader, onlyBetweenFriends, chance(0.05));
      if (chance(replyChance)) {
        int swap = author;
        author = reader;
        reader = swap;
      } else if (!chance(0.3)) {
        break;
      }
      t += delay(4, 1.2);
    }
    return t;
  }

  /** One direct message, outside any friendship (a cold message or a reply to one). */
  void message(long at, int sender, int recipient, boolean media) {
    timeline.planMessage(at, sender, recipient, false, media);
    if (safetyReports != null && population.isMinor(recipient) && !graph.areFriends(sender, recipient)) {
      safetyReports.coldMessage(at, sender, recipient, minors.popularity(recipient));
    }
  }

  /**
   * After a minor accepts, the offender moves to private messages within hours, over the next
   * days, sometimes asking for images; some minors answer, some remove the offender.
   */
  void escalate(int offender, int minor, long acceptedAt) {
    long t = acceptedAt + delay(90, 1.0);
    if (safetyReports != null) {
      safetyReports.privateMessages(t, offender, minor, minors.popularity(minor));
    }
    int rounds = between(1, 4);
    for (int round = 0; round < rounds; round++) {
      timeline.planMessage(t, offender, minor, true, chance(0.15));
      if (chance(0.5)) {
        t = conversation(t + delay(15, 1.0), minor, offender, between(2, 8), 0.7, true);
      } else {
        timeline.planMessage(t + delay(5, 1.0), offender, minor, true, chance(0.2));
      }
      t += delay(20 * 60, 0.6);
    }
    if (chance(0.2)) {
      remove(t + delay(120, 1.0), minor, offender);
    }
  }

  /** A target picked from {@code candidates} in proportion to degree+1, or -1. */
  int pickByDegree(int[] candidates, IntPredicate acceptable) {
    if (candidates.length == 0) {
      return -1;
    }
    double[] weights = new double[candidates.length];
    for (int k = 0; k < candidates.length; k++) {
      weights[k] = acceptable.test(candidates[k]) ? graph.degree(candidates[k]) + 1.0 : 0.0;
    }
    double[] cumulative = WeightedChoice.cumulative(weights);
    if (cumulative[cumulative.length - 1] <= 0) {
      return -1;
    }
    return candidates[WeightedChoice.pick(cumulative, rng)];
  }

  /**
   * The chance that a minor accepts a stranger with this tuning (or answers its message): the
   * account's base chance, plus its popularity bonus in proportion to how popular the minor is
   * among minors today (popular minors accept strangers more readily).
   */
  double acceptChance(Tuning t, int minor) {
    double p = t.get(BehaviourParameter.BASE_ACCEPTANCE)
        + t.get(BehaviourParameter.POPULARITY_ACCEPTANCE_BONUS) * minors.popularity(minor);
    return Math.min(0.95, Math.max(0.0, p));
  }

  /**
   * A minor for a tuned offender: by degree with its degree-picked share, else at random; when its
   * profile claims a minor's band, of that band with its same-band share; -1 if none fits.
   */
  int pickTarget(int account, Tuning t, IntPredicate acceptable) {
    AgeBand claimed = population.band[account];
    boolean sameBand = population.isMinor(account)
        && chance(t.get(BehaviourParameter.SAME_BAND_SHARE));
    return minors.pick(rng, t.get(BehaviourParameter.DEGREE_PICKED_SHARE),
        m -> acceptable.test(m) && (!sameBand || population.band[m] == claimed));
  }

  /**
   * A tuned offender's friend request to a minor: answered with {@link #acceptChance} plus
   * {@code extraAccept}, escalated to private messages with the account's escalation chance.
   *
   * @return when it is accepted, or -1
   */
  long requestMinor(long at, int sender, int minor, Tuning t, double extraAccept) {
    double p = Math.min(0.95, acceptChance(t, minor) + extraAccept);
    parameters.contacted(sender, p);
    behaviourActs(sender, at);
    long acceptedAt = request(at, sender, minor, Response.MINOR_TO_STRANGER.withAccept(p));
    if (acceptedAt > 0 && chance(t.get(BehaviourParameter.ESCALATION_CHANCE))) {
      escalate(sender, minor, acceptedAt);
    }
    return acceptedAt;
  }

  /**
   * How many contacts fall on each observed day when {@code total} are spread at random over
   * {@code activeDays} days from {@code firstDay} (those after the last observed day never happen).
   */
  int[] spread(int total, int firstDay, int activeDays) {
    int[] perDay = new int[days];
    int span = Math.max(1, activeDays);
    for (int k = 0; k < total; k++) {
      int d = firstDay + rng.nextInt(span);
      if (d >= 0 && d < days) {
        perDay[d]++;
      }
    }
    return perDay;
  }

  /** The first day of a tuned account: its share of the observed period gone. */
  int firstDay(Tuning t) {
    return Math.min(days - 1, (int) (t.get(BehaviourParameter.FIRST_DAY_SHARE) * days));
  }

  /**
   * A member of {@code members}: with chance {@code byDegree} picked by degree — among the most
   * befriended of the acceptable members (the platform's popular-pool share of them, as offenders
   * draw from the most befriended minors), in proportion to degree — else uniformly; -1 if none
   * fits.
   */
  int pickAmong(int[] members, double byDegree, IntPredicate acceptable) {
    if (members.length == 0) {
      return -1;
    }
    if (chance(byDegree)) {
      return pickPopular(members, acceptable);
    }
    for (int attempt = 0; attempt < 30; attempt++) {
      int m = members[rng.nextInt(members.length)];
      if (acceptable.test(m)) {
        return m;
      }
    }
    return -1;
  }

  private int pickPopular(int[] members, IntPredicate acceptable) {
    int[] fit = Arrays.stream(members).filter(acceptable).toArray();
    if (fit.length == 0) {
      return -1;
    }
    int[] degrees = Arrays.stream(fit).map(graph::degree).sorted().toArray();
    int top = Math.max(1, (int) Math.ceil(fit.length * platform.popularPoolShare()));
    int bound = degrees[fit.length - top];
    return pickByDegree(fit, x -> graph.degree(x) >= bound);
  }

  /** The account's current friends, as an array (a snapshot: the graph changes as events happen). */
  int[] friendsOf(int account) {
    int[] friends = new int[graph.degree(account)];
    for (int k = 0; k < friends.length; k++) {
      friends[k] = graph.friend(account, k);
    }
    return friends;
  }
}
