package org.targetwatch.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.targetwatch.schema.AgeBand;

/**
 * Chooses who plays which part: which accounts are the offenders and the look-alikes of the class
 * mix, which are fake or newly joined (created during or just before the observed period, not in
 * the existing graph), which ordinary accounts join or are deleted during the period. Fake
 * accounts are drawn from adults (the people behind them) and given the profile they claim.
 */
final class Casting {
  private static final long DAY = World.DAY;
  /** Ordinary accounts joining during the observed period, and ordinary accounts deleted. */
  private static final double NEWCOMER_SHARE = 0.003;
  private static final double DELETED_SHARE = 0.002;

  /** Who plays which part. */
  record Cast(BehaviourClass[] labels, List<Behaviour> behaviours, int[] ringOf,
      boolean[] livesOrdinaryLife, boolean[] sendsOrdinaryRequests, AccountParameters parameters) {}

  private final Population p;
  private final SimulationConfig config;
  private final SplittableRandom rng;
  private final long start;
  private final int days;
  private final BehaviourClass[] labels;
  private final boolean[] ordinaryLife;
  private final int[] ringOf;
  private final List<Behaviour> behaviours = new ArrayList<>();
  private final AccountParameters parameters = new AccountParameters();
  private int[][] membersByBand;

  private Casting(Population p, SimulationConfig config, SplittableRandom rng) {
    this.p = p;
    this.config = config;
    this.rng = rng;
    this.start = config.start().toEpochMilli();
    this.days = config.days();
    this.labels = new BehaviourClass[p.size];
    Arrays.fill(labels, BehaviourClass.ORDINARY);
    this.ordinaryLife = new boolean[p.size];
    Arrays.fill(ordinaryLife, true);
    this.ringOf = new int[p.size];
    Arrays.fill(ringOf, -1);
  }

  static Cast cast(Population population, SimulationConfig config, SplittableRandom rng) {
    return new Casting(population, config, rng).cast();
  }

  private Cast cast() {
    double teenP95 = percentile(i -> isTeen(i), 0.95);
    double adultP90 = percentile(i -> p.band[i] == AgeBand.ADULT, 0.90);
    for (BehaviourClass c : BehaviourClass.values()) {
      if (c == BehaviourClass.ORDINARY) {
        continue;
      }
      int count = config.classMix().countFor(c, p.size);
      if (config.world().randomized()) {
        castTuned(c, count, teenP95, adultP90);
        continue;
      }
      switch (c) {
        case BURST_FAKE_TEEN -> repeat(count, () -> {
          int a = fake(c, teenBand(), start + rng.nextLong((days - 1) * DAY));
          if (a >= 0 && rng.nextDouble() < 0.25) {
            p.deletedAt[a] = p.createdAt[a] + DAY * 3 + rng.nextLong(DAY * 3);
          }
          return a < 0 ? null : new BurstFakeTeen(a);
        });
        case SLOW_AND_LOW -> repeat(count, () -> {
          int a = take(c, this::established);
          return a < 0 ? null : new SlowAndLow(a, rng.nextInt(3), 0.7 + 0.25 * rng.nextDouble());
        });
        case SNOWBALL -> repeat(count, () -> {
          int a = rng.nextBoolean()
              ? take(c, this::established)
              : fake(c, teenBand(), start - DAY * (3 + rng.nextInt(40)));
          return a < 0 ? null : new Snowball(a, rng.nextInt(Math.max(1, days / 3)));
        });
        case SOCK_PUPPET_RING -> castRings(count);
        case DILUTION -> repeat(count, () -> {
          int a = take(c, this::established);
          return a < 0 ? null : new Dilution(a, rng.nextInt(3));
        });
        case MESSAGE_FIRST -> repeat(count, () -> {
          int a = rng.nextBoolean()
              ? take(c, this::established)
              : fake(c, teenBand(), start - DAY * (2 + rng.nextInt(30)));
          return a < 0 ? null : new MessageFirst(a, rng.nextInt(Math.max(1, days / 2)));
        });
        case NEW_STUDENT -> repeat(count, () -> {
          int a = take(c, i -> isTeen(i) && p.grade[i] >= 0);
          if (a < 0) {
            return null;
          }
          joins(a, start - 2 * DAY + rng.nextLong((days + 1) * DAY));
          return new NewStudent(a);
        });
        case TEACHER -> repeat(count, () -> {
          int a = take(c, i -> p.staffOf[i] >= 0 && p.inExistingGraph[i]);
          if (a < 0) {
            return null;
          }
          int schoolIndex = p.community(p.staffOf[a]).school();
          return new Teacher(a, rng.nextInt(Math.max(1, days - 2)), taughtGrades(schoolIndex),
              p.community(schoolCommunity(schoolIndex)).members());
        });
        case POPULAR_TEEN -> repeat(count, () -> {
          int a = take(c, i -> isTeen(i) && p.sociability[i] >= teenP95 && p.inExistingGraph[i]);
          return a < 0 ? null : new PopularTeen(a, rng.nextInt(Math.max(1, days - 1)));
        });
        case CREATOR -> repeat(count, () -> {
          int a = rng.nextDouble() < 0.8
              ? take(c, i -> p.band[i] == AgeBand.ADULT && p.sociability[i] >= adultP90
                  && p.inExistingGraph[i])
              : take(c, i -> p.band[i] == AgeBand.AGE_16_17 && p.sociability[i] >= teenP95
                  && p.inExistingGraph[i]);
          return a < 0 ? null : new Creator(a);
        });
        case RELATIVE -> repeat(count, () -> {
          int a = take(c, i -> p.band[i] == AgeBand.ADULT && p.family[i] >= 0
              && minorsIn(p.family[i]) >= 2);
          if (a < 0) {
            return null;
          }
          joins(a, start - 20 * DAY + rng.nextLong((20 + days - 1) * DAY));
          return new Relative(a);
        });
        case GAMER_TEEN -> repeat(count, () -> {
          int a = take(c, i -> isTeen(i) && p.inExistingGraph[i] && gamingGroup(i) >= 0);
          return a < 0 ? null
              : new GamerTeen(a, rng.nextInt(Math.max(1, days - 2)),
                  p.community(gamingGroup(a)).members());
        });
        case SPAM -> repeat(count, () -> {
          int a;
          if (rng.nextDouble() < 0.6) {
            a = take(c, i -> !p.isMinor(i) && p.staffOf[i] < 0 && p.family[i] < 0);
            if (a >= 0) {
              joins(a, start - 10 * DAY + rng.nextLong((10 + days / 2) * DAY));
            }
          } else {
            a = take(c, this::established);
          }
          if (a < 0) {
            return null;
          }
          ordinaryLife[a] = false;
          if (rng.nextDouble() < 0.2) {
            p.deletedAt[a] = Math.max(p.createdAt[a], start) + DAY * (3 + rng.nextInt(4));
          }
          int firstDay = (int) Math.max(0, Math.min(days - 1, (p.createdAt[a] - start) / DAY + 1));
          return new Spam(a, firstDay);
        });
        default -> throw new IllegalStateException("no casting for " + c);
      }
    }
    castOrdinaryNewcomersAndDeletions();
    boolean[] sendsRequests = ordinaryLife.clone();
    for (int i = 0; i < p.size; i++) {
      // the message-first tactic is defined by never using friend requests
      sendsRequests[i] &= labels[i] != BehaviourClass.MESSAGE_FIRST;
    }
    return new Cast(labels, behaviours, ringOf, ordinaryLife, sendsRequests, parameters);
  }

  private void castRings(int count) {
    int remaining = count == 7 ? 8 : count;
    int ring = 0;
    while (remaining >= ClassMix.SMALLEST_RING) {
      int size = remaining;
      if (remaining > 6) {
        // 4 to 6 members, leaving a remainder that can still be split into rings of 4 to 6
        do {
          size = 4 + rng.nextInt(3);
        } while (remaining - size < 4 || remaining - size == 7);
      }
      int[] members = new int[size];
      for (int k = 0; k < size; k++) {
        members[k] = fake(BehaviourClass.SOCK_PUPPET_RING,
            rng.nextDouble() < 0.75 ? teenBand() : AgeBand.ADULT,
            start - DAY * (1 + rng.nextInt(20)));
        if (members[k] < 0) {
          return;
        }
        ringOf[members[k]] = ring;
      }
      behaviours.add(new SockPuppetRing(members, rng.nextInt(Math.max(1, days - 4))));
      remaining -= size;
      ring++;
    }
  }

  // ---- randomized worlds: each planted account draws its own parameters within the world's ranges

  private void castTuned(BehaviourClass c, int count, double teenP95, double adultP90) {
    WorldParameters world = config.world();
    if (c == BehaviourClass.SOCK_PUPPET_RING) {
      castTunedRings(count);
      return;
    }
    for (int k = 0; k < count; k++) {
      Tuning t = Tuning.draw(world, c, rng);
      int a = c.isOffender() ? castTunedOffender(c, t) : castTunedLookAlike(c, t, teenP95, adultP90);
      if (a < 0) {
        continue;
      }
      parameters.record(a, t);
      if (c.isOffender()) {
        // the mean over its targets replaces this once it contacted minors
        parameters.put(a, "acceptanceRate", t.get(BehaviourParameter.BASE_ACCEPTANCE)
            + t.get(BehaviourParameter.POPULARITY_ACCEPTANCE_BONUS) / 2);
        parameters.put(a, "minorsContacted", 0);
      }
    }
  }

  /** Casts one tuned offender and adds its behaviour; the account, or -1. */
  private int castTunedOffender(BehaviourClass c, Tuning t) {
    boolean established = t.resolve(BehaviourParameter.ESTABLISHED, rng);
    boolean claimsMinor = t.resolve(BehaviourParameter.CLAIMS_MINOR_BAND, rng);
    int a;
    if (established) {
      a = takeEstablished(c, t);
      t.set(BehaviourParameter.CLAIMS_MINOR_BAND, 0);
      t.set(BehaviourParameter.OWN_FRIENDS, p.sociability[Math.max(0, a)]);
    } else {
      long createdAt = c == BehaviourClass.BURST_FAKE_TEEN
          // a brand-new profile: created during the period, or up to its drawn age before
          ? start + (long) ((t.get(BehaviourParameter.ACCOUNT_AGE_DAYS) < 1
              ? t.get(BehaviourParameter.FIRST_DAY_SHARE) * (days - 1) + rng.nextDouble()
              : -t.get(BehaviourParameter.ACCOUNT_AGE_DAYS)) * DAY)
          : start - (long) (t.get(BehaviourParameter.ACCOUNT_AGE_DAYS) * DAY) - rng.nextLong(DAY);
      a = fake(c, claimsMinor ? claimedMinorBand() : AgeBand.ADULT, createdAt);
      if (a >= 0 && c == BehaviourClass.BURST_FAKE_TEEN && rng.nextDouble() < 0.25) {
        p.deletedAt[a] = Math.max(start, p.createdAt[a]) + DAY * 3 + rng.nextLong(DAY * 3);
      }
      // a new profile makes a few friends among adults first, never a full circle
      int friends = c == BehaviourClass.MESSAGE_FIRST ? 0
          : Math.min(FakeProfileSetup.MOST_FRIENDS, t.count(BehaviourParameter.OWN_FRIENDS, 0));
      t.set(BehaviourParameter.OWN_FRIENDS, friends);
      if (a >= 0 && friends > 0) {
        behaviours.add(new FakeProfileSetup(a, friends));
      }
    }
    if (a < 0) {
      return -1;
    }
    if (c == BehaviourClass.SLOW_AND_LOW) {
      // slow and low: never more than about four minors a day, however many it plans
      int intensity = t.count(BehaviourParameter.INTENSITY, 1);
      t.set(BehaviourParameter.ACTIVE_DAYS,
          Math.max(t.get(BehaviourParameter.ACTIVE_DAYS), Math.ceil(intensity / 4.0)));
    }
    Behaviour b = switch (c) {
      case BURST_FAKE_TEEN -> new BurstFakeTeen(a, t);
      case SLOW_AND_LOW -> new SlowAndLow(a, t);
      case SNOWBALL -> new Snowball(a, t);
      case DILUTION -> new Dilution(a, t);
      case MESSAGE_FIRST -> new MessageFirst(a, t);
      default -> throw new IllegalStateException("no tuned casting for " + c);
    };
    behaviours.add(b);
    return a;
  }

  /**
   * An established adult account (four months or older) with about the drawn number of friends,
   * aged to the drawn age for slow-and-low offenders.
   */
  private int takeEstablished(BehaviourClass c, Tuning t) {
    double friends = Math.max(1, t.get(BehaviourParameter.OWN_FRIENDS));
    IntPredicate adult = i -> p.band[i] == AgeBand.ADULT && p.staffOf[i] < 0
        && p.createdAt[i] < start - 120 * DAY;
    int a = take(c, i -> adult.test(i) && p.sociability[i] >= friends / 1.6
        && p.sociability[i] <= friends * 1.6);
    if (a < 0) {
      a = take(c, adult);
    }
    if (a >= 0 && c == BehaviourClass.SLOW_AND_LOW) {
      p.createdAt[a] = start - (long) (t.get(BehaviourParameter.ACCOUNT_AGE_DAYS) * DAY);
    } else if (a >= 0) {
      t.set(BehaviourParameter.ACCOUNT_AGE_DAYS, (start - p.createdAt[a]) / (double) DAY);
    }
    return a;
  }

  /** A fake profile claims a teen band mostly, now and then under 13. */
  private AgeBand claimedMinorBand() {
    double r = rng.nextDouble();
    return r < 0.1 ? AgeBand.UNDER_13 : r < 0.55 ? AgeBand.AGE_13_15 : AgeBand.AGE_16_17;
  }

  /**
   * Rings of the drawn size (3-8) from the class's count: each ring draws its size, list share and
   * list factor and one degree-picked share (the operator's list), each member its own intensity,
   * timing and age.
   */
  private void castTunedRings(int count) {
    WorldParameters world = config.world();
    int remaining = Math.max(count, 3);
    int ring = 0;
    while (remaining >= 3) {
      Tuning ringTuning = Tuning.draw(world, BehaviourClass.SOCK_PUPPET_RING, rng);
      double listShare = listShareFor(ringTuning.get(BehaviourParameter.RING_INTENDED_OVERLAP),
          ringTuning.get(BehaviourParameter.RING_LIST_FACTOR));
      int size = ringTuning.count(BehaviourParameter.RING_SIZE, 3);
      if (remaining - size < 3) {
        size = remaining <= 8 ? remaining : remaining - 3;
      }
      size = Math.min(size, remaining);
      int[] members = new int[size];
      Tuning[] tunings = new Tuning[size];
      for (int k = 0; k < size; k++) {
        Tuning t = Tuning.draw(world, BehaviourClass.SOCK_PUPPET_RING, rng);
        t.set(BehaviourParameter.RING_SIZE, size);
        t.set(BehaviourParameter.RING_INTENDED_OVERLAP,
            ringTuning.get(BehaviourParameter.RING_INTENDED_OVERLAP));
        t.set(BehaviourParameter.RING_LIST_SHARE, listShare);
        t.set(BehaviourParameter.RING_LIST_FACTOR, ringTuning.get(BehaviourParameter.RING_LIST_FACTOR));
        t.set(BehaviourParameter.DEGREE_PICKED_SHARE,
            ringTuning.get(BehaviourParameter.DEGREE_PICKED_SHARE));
        t.set(BehaviourParameter.FIRST_DAY_SHARE, ringTuning.get(BehaviourParameter.FIRST_DAY_SHARE));
        t.set(BehaviourParameter.ESTABLISHED, 0);
        boolean claimsMinor = t.resolve(BehaviourParameter.CLAIMS_MINOR_BAND, rng);
        members[k] = fake(BehaviourClass.SOCK_PUPPET_RING,
            claimsMinor ? claimedMinorBand() : AgeBand.ADULT,
            start - (long) (t.get(BehaviourParameter.ACCOUNT_AGE_DAYS) * DAY) - rng.nextLong(DAY));
        if (members[k] < 0) {
          return;
        }
        ringOf[members[k]] = ring;
        tunings[k] = t;
        parameters.record(members[k], t);
        parameters.put(members[k], "ringId", ring);
        parameters.put(members[k], "acceptanceRate", t.get(BehaviourParameter.BASE_ACCEPTANCE)
            + t.get(BehaviourParameter.POPULARITY_ACCEPTANCE_BONUS) / 2);
        parameters.put(members[k], "minorsContacted", 0);
        int friends = Math.min(FakeProfileSetup.MOST_FRIENDS, t.count(BehaviourParameter.OWN_FRIENDS, 0));
        if (friends > 0) {
          behaviours.add(new FakeProfileSetup(members[k], friends));
        }
      }
      behaviours.add(new SockPuppetRing(members, tunings));
      remaining -= size;
      ring++;
    }
  }

  /**
   * The share of each member's targets to take from a list of {@code factor} times its targets so
   * that two members' sets overlap with Jaccard about {@code overlap}: with share s, two members
   * have about s^2/factor of their targets in common (x), and Jaccard = x / (2 - x).
   */
  static double listShareFor(double overlap, double factor) {
    double common = 2 * overlap / (1 + overlap);
    return Math.min(1.0, Math.sqrt(factor * common));
  }

  /** Casts one tuned look-alike and adds its behaviour; the account, or -1. */
  private int castTunedLookAlike(BehaviourClass c, Tuning t, double teenP95, double adultP90) {
    switch (c) {
      case NEW_STUDENT -> {
        int a = take(c, i -> isTeen(i) && p.grade[i] >= 0);
        if (a >= 0) {
          joins(a, start - 2 * DAY + rng.nextLong((days + 1) * DAY));
          behaviours.add(new NewStudent(a, t));
        }
        return a;
      }
      case TEACHER -> {
        int a = take(c, i -> p.staffOf[i] >= 0 && p.inExistingGraph[i]);
        if (a < 0) {
          return -1;
        }
        int schoolIndex = p.community(p.staffOf[a]).school();
        int schools = t.count(BehaviourParameter.SCHOOLS, 1);
        IntList others = new IntList();
        List<Community> allSchools = p.communities().stream()
            .filter(x -> x.kind() == Community.Kind.SCHOOL && x.school() != schoolIndex).toList();
        for (int k = 1; k < schools && !allSchools.isEmpty(); k++) {
          for (int m : allSchools.get(rng.nextInt(allSchools.size())).members()) {
            others.add(m);
          }
        }
        t.set(BehaviourParameter.SCHOOLS, Math.min(schools, 1 + allSchools.size()));
        behaviours.add(new Teacher(a, t, rng.nextInt(Math.max(1, days - 2)),
            taughtGrades(schoolIndex), p.community(schoolCommunity(schoolIndex)).members(),
            others.toArray()));
        return a;
      }
      case POPULAR_TEEN -> {
        int a = take(c, i -> isTeen(i) && p.sociability[i] >= teenP95 && p.inExistingGraph[i]);
        if (a < 0) {
          // a small platform has few teens in its top 5%: the next most popular
          double teenP80 = percentile(this::isTeen, 0.80);
          a = take(c, i -> isTeen(i) && p.sociability[i] >= teenP80 && p.inExistingGraph[i]);
        }
        if (a >= 0) {
          behaviours.add(new PopularTeen(a, t, rng.nextInt(Math.max(1, days - 1))));
        }
        return a;
      }
      case CREATOR -> {
        IntPredicate adultCreator = i -> p.band[i] == AgeBand.ADULT && p.sociability[i] >= adultP90
            && p.inExistingGraph[i];
        IntPredicate teenCreator = i -> p.band[i] == AgeBand.AGE_16_17
            && p.sociability[i] >= teenP95 && p.inExistingGraph[i];
        boolean adultFirst = rng.nextDouble() < 0.8;
        int a = take(c, adultFirst ? adultCreator : teenCreator);
        if (a < 0) {
          // a small platform may have no popular 16-17-year-old left
          a = take(c, adultFirst ? teenCreator : adultCreator);
        }
        if (a >= 0) {
          behaviours.add(new Creator(a, t));
        }
        return a;
      }
      case RELATIVE -> {
        int a = take(c, i -> p.band[i] == AgeBand.ADULT && p.family[i] >= 0
            && minorsIn(p.family[i]) >= 2);
        if (a >= 0) {
          joins(a, start - 20 * DAY + rng.nextLong((20 + days - 1) * DAY));
          behaviours.add(new Relative(a, t));
        }
        return a;
      }
      case GAMER_TEEN -> {
        int a = take(c, i -> isTeen(i) && p.inExistingGraph[i] && gamingGroup(i) >= 0);
        if (a >= 0) {
          behaviours.add(new GamerTeen(a, t, rng.nextInt(Math.max(1, days - 2)),
              p.community(gamingGroup(a)).members()));
        }
        return a;
      }
      case SPAM -> {
        boolean newAccount = rng.nextDouble() < 0.6;
        int a = newAccount ? take(c, i -> !p.isMinor(i) && p.staffOf[i] < 0 && p.family[i] < 0)
            : take(c, this::established);
        if (a < 0) {
          // a small platform may have no such adult left: any adult outside a school's staff
          newAccount = true;
          a = take(c, i -> !p.isMinor(i) && p.staffOf[i] < 0);
        }
        if (a < 0) {
          return -1;
        }
        if (newAccount) {
          joins(a, start - 10 * DAY + rng.nextLong((10 + days / 2) * DAY));
        }
        ordinaryLife[a] = false;
        if (rng.nextDouble() < 0.2) {
          p.deletedAt[a] = Math.max(p.createdAt[a], start) + DAY * (3 + rng.nextInt(4));
        }
        int firstDay = (int) Math.max(0, Math.min(days - 1, (p.createdAt[a] - start) / DAY + 1));
        behaviours.add(new Spam(a, t, firstDay));
        return a;
      }
      default -> throw new IllegalStateException("no tuned casting for " + c);
    }
  }

  private void castOrdinaryNewcomersAndDeletions() {
    int newcomers = (int) Math.round(NEWCOMER_SHARE * p.size);
    for (int k = 0; k < newcomers; k++) {
      int a = take(BehaviourClass.ORDINARY, i -> p.band[i] != AgeBand.UNDER_13);
      if (a >= 0) {
        joins(a, start + rng.nextLong((days - 1) * DAY));
        behaviours.add(new OrdinaryNewcomer(a));
      }
    }
    int deleted = Math.max(1, (int) Math.round(DELETED_SHARE * p.size));
    for (int k = 0; k < deleted; k++) {
      int a = take(BehaviourClass.ORDINARY, i -> p.inExistingGraph[i]);
      if (a >= 0) {
        p.deletedAt[a] = start + rng.nextLong(days * DAY);
      }
    }
  }

  private interface Part {
    Behaviour next();
  }

  private void repeat(int count, Part part) {
    for (int k = 0; k < count; k++) {
      Behaviour b = part.next();
      if (b != null) {
        behaviours.add(b);
      }
    }
  }

  /** An adult account behind a fake profile claiming {@code band}, not part of any community. */
  private int fake(BehaviourClass c, AgeBand band, long createdAt) {
    int a = take(c, i -> !p.isMinor(i) && p.staffOf[i] < 0 && p.family[i] < 0);
    if (a < 0 && config.world().randomized()) {
      // a small platform may have every adult in a family: the person behind the profile leaves it
      a = take(c, i -> !p.isMinor(i) && p.staffOf[i] < 0);
      if (a >= 0) {
        p.family[a] = -1;
      }
    }
    if (a < 0) {
      return -1;
    }
    p.band[a] = band;
    p.fake[a] = true;
    ordinaryLife[a] = false;
    p.workplace[a] = -1;
    p.interests[a] = new int[0];
    joins(a, createdAt);
    return a;
  }

  /** The account is created at {@code createdAt} and has no friends before the start. */
  private void joins(int a, long createdAt) {
    p.createdAt[a] = createdAt;
    p.inExistingGraph[a] = false;
  }

  /** An unassigned account satisfying the predicate, drawn at random; -1 when there is none. */
  private int take(BehaviourClass c, IntPredicate eligible) {
    IntPredicate free = i -> labels[i] == BehaviourClass.ORDINARY && ordinaryLife[i]
        && p.inExistingGraph[i] && p.deletedAt[i] == Population.NEVER && eligible.test(i);
    for (int attempt = 0; attempt < 4000; attempt++) {
      int i = rng.nextInt(p.size);
      if (free.test(i)) {
        labels[i] = c;
        return i;
      }
    }
    int offset = rng.nextInt(p.size);
    for (int k = 0; k < p.size; k++) {
      int i = (offset + k) % p.size;
      if (free.test(i)) {
        labels[i] = c;
        return i;
      }
    }
    return -1;
  }

  /** Adults with an account at least four months old and an ordinary place in the graph. */
  private boolean established(int i) {
    return p.band[i] == AgeBand.ADULT && p.staffOf[i] < 0
        && p.createdAt[i] < start - 120 * DAY && p.sociability[i] < 60;
  }

  private boolean isTeen(int i) {
    return p.band[i] == AgeBand.AGE_13_15 || p.band[i] == AgeBand.AGE_16_17;
  }

  private AgeBand teenBand() {
    return rng.nextBoolean() ? AgeBand.AGE_13_15 : AgeBand.AGE_16_17;
  }

  private int minorsIn(int community) {
    int count = 0;
    for (int m : p.community(community).members()) {
      if (p.isMinor(m)) {
        count++;
      }
    }
    return count;
  }

  /** A teen interest group holding at least 8 other members of the account's own age band. */
  private int gamingGroup(int i) {
    if (membersByBand == null) {
      membersByBand = new int[p.communities().size()][AgeBand.values().length];
      for (Community group : p.communities()) {
        if (group.kind() == Community.Kind.TEEN_INTEREST) {
          for (int m : group.members()) {
            membersByBand[group.id()][p.band[m].ordinal()]++;
          }
        }
      }
    }
    for (int g : p.interests[i]) {
      if (p.community(g).kind() == Community.Kind.TEEN_INTEREST
          && membersByBand[g][p.band[i].ordinal()] - 1 >= 8) {
        return g;
      }
    }
    return -1;
  }

  /** The pupils of one or two grades of the school: the classes a teacher teaches. */
  private int[] taughtGrades(int schoolIndex) {
    List<Community> grades = p.communities().stream()
        .filter(c -> c.kind() == Community.Kind.GRADE && c.school() == schoolIndex).toList();
    if (grades.isEmpty()) {
      return new int[0];
    }
    int first = rng.nextInt(grades.size());
    int second = Math.min(grades.size() - 1, first + rng.nextInt(2));
    IntList pupils = new IntList();
    for (int g = first; g <= second; g++) {
      for (int m : grades.get(g).members()) {
        pupils.add(m);
      }
    }
    return pupils.toArray();
  }

  private int schoolCommunity(int schoolIndex) {
    for (Community c : p.communities()) {
      if (c.kind() == Community.Kind.SCHOOL && c.school() == schoolIndex) {
        return c.id();
      }
    }
    throw new IllegalStateException("no community for school " + schoolIndex);
  }

  private double percentile(IntPredicate among, double q) {
    double[] values = new double[p.size];
    int n = 0;
    for (int i = 0; i < p.size; i++) {
      if (among.test(i)) {
        values[n++] = p.sociability[i];
      }
    }
    if (n == 0) {
      return Double.MAX_VALUE;
    }
    values = Arrays.copyOf(values, n);
    Arrays.sort(values);
    return values[Math.min(n - 1, (int) (q * n))];
  }
}
