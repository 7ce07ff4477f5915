package org.targetwatch.signals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.targetwatch.friendship.AgeBands;
import org.targetwatch.scoring.EvidenceModel;
import org.targetwatch.scoring.Thresholds;

/**
 * The evidence of DESIGN.md for one sender and window (docs/detection.md, "Evidence"). Each signal
 * brings its value to a bounded basis and adds weight x basis to the log-odds; none is a gate.
 * The pattern: how many minors, how strong and how certain the preference for high-degree minors,
 * how many of them strangers, how far minors are over-represented. Fake-profile traits, a claimed
 * age matching the targets', declines and escalation from an accepted request to messages add to
 * it. Context that explains the contact subtracts in proportion: an established minor contacting
 * its own age band, a sender whose trusted friends are largely minors, targets who know each other
 * far beyond chance (one class, one club, one family; messages to them then count less too), mutual
 * friends (a stranger share below one half), and contact so indiscriminate that it is a broadcast
 * rather than a choice (spam). Acceptance never subtracts: children with many friends accept
 * strangers readily, which is why they are targeted. Rates are shrunk by n / (n + k) over n minors,
 * so that six contacts never carry what thirty do.
 */
public final class SignalSet {
  public static final String DISTINCT_MINORS = "distinct_minors";
  public static final String DEGREE_PREFERENCE = "degree_preference";
  public static final String DEGREE_PREFERENCE_Z = "degree_preference_z";
  public static final String STRANGER_SHARE = "stranger_share";
  public static final String MINOR_LIFT = "minor_share_lift";
  public static final String FAKE_PROFILE = "young_account_few_friends";
  public static final String CLAIMED_AGE_MATCH = "claimed_age_matches_targets";
  public static final String DECLINE_RATE = "decline_rate";
  public static final String ESCALATIONS = "escalations";
  public static final String AGE_PEERS = "established_age_peer";
  public static final String FRIENDS_MINORS = "sender_friends_minors";
  public static final String TARGETS_KNOW_EACH_OTHER = "targets_know_each_other";
  public static final String CO_TARGETING = "co_targeting_beyond_chance";
  public static final String INDISCRIMINATE = "indiscriminate_volume";
  public static final String MEMBERS_CONTEXT = "members_context";
  public static final String BURST_WINDOW = "burst_window";
  /** The signals whose evidence is context that explains contact with minors (zero or below). */
  private static final List<String> CONTEXT = List.of(AGE_PEERS, FRIENDS_MINORS, TARGETS_KNOW_EACH_OTHER, INDISCRIMINATE);
  public static final String PROTECTING_MINORS = "blocked_or_reported_by_contacted_minors";
  public static final String OTHER_REPORTERS = "reported_by_others";
  public static final String CONFIRMED_LINK = "shares_targets_with_confirmed";

  /** The protecting minors' weighed count at which their basis is full: ln(1 + 6.4) = 2. */
  static final double PROTECTION_BASIS_CAP = 2.0;

  /** Reporters the sender never contacted count little: at most this basis, reached slowly. */
  static final double OTHER_REPORTERS_BASIS_CAP = 0.5;

  /**
   * Minors who know the sender's other recent targets more than chance would have them do begin to
   * look like a group (a class, a club, a family). Minors picked across the platform come out near
   * 1 whatever their degrees and however much the platform's minors befriend each other, since
   * chance is reckoned from the degrees and the platform's age homophily; a snowball, which reaches
   * each new target through an earlier one, a little above. (1.5 while chance was reckoned from the
   * degrees alone, which left a homophilous platform's own links "beyond chance".)
   */
  static final double LINKS_OVER_CHANCE_FROM = 1.0;

  /** Above {@link #LINKS_OVER_CHANCE_FROM}, this many times more again is a group beyond doubt. */
  static final double LINKS_OVER_CHANCE_SPAN = 6.0;

  /**
   * From this many times chance, messages to the minors who accepted are explained in proportion
   * (up to {@link #LINKS_OVER_CHANCE_SPAN} times more): a relative, a coach or a teacher writes to
   * the family, team or class it added. Higher than where the group's context starts, so that a
   * snowball, whose chain through its victims' friends gives about twice chance, keeps the
   * evidence of its messages (two-thirds of the 2.5 it was before chance counted the platform's
   * homophily, as the group's own onset went from 1.5 to 1).
   */
  static final double MESSAGES_TO_A_GROUP_FROM = 5.0 / 3;

  /**
   * Distinct accounts contacted in a window from which contact looks indiscriminate: a broadcast
   * (spam, a bot) rather than a person choosing whom to approach; four times as many is fully so.
   */
  static final int INDISCRIMINATE_TARGETS = 100;

  /**
   * Accounts other than minors contacted in a day from which contact looks indiscriminate too: a
   * person choosing minors, even one hiding them among a few dozen adults, does not also approach
   * a hundred adults a day; a broadcast does, minors among them at about their share. Four times
   * as many is fully so.
   */
  static final int INDISCRIMINATE_OTHERS_A_DAY = 30;

  /**
   * Of those adults a day, the share from which the broadcast's context begins: half (fifteen
   * others in a day), growing with the log of the volume until four times the whole. A broadcast's
   * first hours look like a choice of minors, and what sets it apart then is how many others it
   * approaches the same day; over days, a hundred accounts stay the onset (a person may approach a
   * few dozen over weeks). Chosen on the training worlds (docs/detection.md, "Evidence").
   */
  static final double OTHERS_A_DAY_FROM = 0.5;
  /** Over days, the broadcast's context begins at the whole volume ({@link #INDISCRIMINATE_TARGETS}). */
  static final double OVER_DAYS_FROM = 1.0;
  /**
   * Accounts of any age first contacted in one hour (the burst window's busiest bucket within the
   * day) from which contact begins to look like a broadcast's sitting, one every six minutes; four
   * times as many (forty) is a broadcast beyond doubt. A person choosing minors approaches a few in
   * a sitting (the fastest offenders of our training worlds, a dozen); a broadcast goes through
   * dozens, minors among them, and may lean to popular ones because they are the active ones.
   */
  static final int INDISCRIMINATE_A_SITTING = 10;
  /** A sitting's broadcast context begins at the whole of {@link #INDISCRIMINATE_A_SITTING}. */
  static final double SITTING_FROM = 1.0;
  /** Each measure is a broadcast beyond doubt at four times its volume. */
  static final double BROADCAST_FULL = 4.0;

  /** A minor's contacts are at least this much minors without anything amiss. */
  static final double MINOR_SENDERS_MINOR_SHARE = 0.5;

  private final List<Signal> signals;

  private SignalSet(List<Signal> signals) {
    this.signals = List.copyOf(signals);
  }

  public static SignalSet compute(WindowFigures f, SenderTraits sender, Population population, boolean burst,
      Thresholds t, EvidenceModel w) {
    return compute(f, ContactVolume.NONE, sender, population, ProtectionFigures.NONE, burst, t, w);
  }

  /**
   * With what the accounts the sender dealt with did to protect themselves (docs/detection.md,
   * "Reports and blocks"), and how much it contacts beyond the window scored: a broadcast is one by
   * its volume over days, or by the adults it approaches in a day, though a day's or a window's
   * minors of it may look like a choice.
   */
  public static SignalSet compute(WindowFigures f, ContactVolume volumeBeyond, SenderTraits sender,
      Population population, ProtectionFigures protection, boolean burst, Thresholds t, EvidenceModel w) {
    int n = f.minors();
    double reliability = n / (n + w.reliabilityMinors());
    double mid = f.meanDegreePercentile();
    // the mean of n mid-ranks drawn blind to degree has mean 0.5 and standard deviation 1/sqrt(12 n)
    double z = n == 0 ? 0.0 : (mid - 0.5) * Math.sqrt(12.0 * n);
    int minMinors = t.minMinors(burst);
    double youngness = sender.accountAgeKnown() ? clamp(1 - sender.accountAgeDays() / t.youngAccountDays(), 0, 1) : 0;
    double fewness = clamp(1 - sender.degree() / (double) t.fewFriends(), 0, 1);
    double established = sender.accountAgeKnown()
        ? clamp(sender.accountAgeDays() / t.establishedAccountDays(), 0, 1) * clamp(sender.degree() / (2.0 * t.fewFriends()), 0, 1)
        : 0;
    boolean claimsMinorAge = AgeBands.isMinor(sender.ageBand());
    double populationMinors = population.minorShare();
    double friendsMinors = sender.friendsMinorShare();
    double lift = f.minorShare() / expectedMinorShare(sender, populationMinors, t);
    boolean declinesCount = f.requests() >= t.minAnsweredForDeclineRate();
    double friendsExcess = friendsMinors < 0 || populationMinors >= 1 || sender.degree() < t.fewFriends()
        ? 0 : clamp((friendsMinors - populationMinors) / (1 - populationMinors), 0, 1);

    // in multiples of a broadcast's volume, the largest of three measures: over days, others a day, or one sitting
    double overDays = Math.max(f.targets(), volumeBeyond.accountsInLongWindow()) / (double) INDISCRIMINATE_TARGETS;
    double othersADay = volumeBeyond.othersInADay() / (double) INDISCRIMINATE_OTHERS_A_DAY;
    double sitting = volumeBeyond.accountsInBusiestHour() / (double) INDISCRIMINATE_A_SITTING;
    double broadcast = Math.max(overDays, Math.max(othersADay, sitting));
    double indiscriminate = Math.max(broadcastness(overDays, OVER_DAYS_FROM),
        Math.max(broadcastness(othersADay, OTHERS_A_DAY_FROM), broadcastness(sitting, SITTING_FROM)));
    // a broadcast's minors, strangers and replies are not a choice: the aggravating evidence counts
    // in proportion as the contact is not a broadcast (an interaction, like the lean)
    double notABroadcast = 1 - indiscriminate;
    List<Signal> signals = new ArrayList<>();
    // many minors count in proportion to the lean towards popular ones: mass contact blind to
    // degree (spam, a school's worth of classmates) is not the pattern; too few minors count against
    double volume = clamp(Math.log(Math.max(n, 1) / (double) minMinors), -1.5, 2.0);
    double lean = leanToPopular(mid);
    add(signals, DISTINCT_MINORS, n, minMinors, volume < 0 ? volume : lean * notABroadcast * volume, w.volume());
    add(signals, DEGREE_PREFERENCE, mid, 0.5, reliability * clamp((mid - 0.5) / 0.25, -1, 2), w.preferenceSize());
    add(signals, DEGREE_PREFERENCE_Z, z, w.preferenceZReference(), clamp(z - w.preferenceZReference(), -3, 5),
        w.preferenceSignificance());
    // what makes a fake profile or a pushy stranger suspicious here is that it goes with a lean to
    // popular minors picked across the platform: without that lean the same figures are a new
    // student's or a broadcast's, and among minors who know each other (a class, a family) a new
    // classmate's or a new relative's, who is a stranger to them and as new as its account
    double linksOverChance = f.targetLinksOverChance();
    double group = groupness(linksOverChance, LINKS_OVER_CHANCE_FROM);
    double spread = 1 - group;
    add(signals, STRANGER_SHARE, f.strangerShare(), 0.5,
        aggravating(lean * spread * reliability * (2 * f.strangerShare() - 1), notABroadcast), w.strangers());
    // minors out of proportion aggravate; minors below their share are context only in proportion
    // as they are of the sender's circle (a mutual friend): popular strangers hidden among many
    // adults (dilution, a tactic) are chosen all the same
    double liftBasis = lean * reliability * clamp(Math.log(Math.max(lift, 1e-3)), -1, 1.5);
    double ofTheCircle = 1 - f.strangerShare();
    add(signals, MINOR_LIFT, lift, 1.0,
        aggravating(liftBasis < 0 ? liftBasis * ofTheCircle : liftBasis, notABroadcast), w.minorLift());
    add(signals, FAKE_PROFILE, sender.accountAgeDays(), t.youngAccountDays(),
        lean * notABroadcast * spread * youngness * fewness, w.fakeProfile());
    add(signals, CLAIMED_AGE_MATCH, f.sameBandShare(), 0.5,
        claimsMinorAge ? lean * notABroadcast * spread * youngness * f.sameBandShare() : 0, w.claimedAge());
    add(signals, DECLINE_RATE, f.declineRate(), 0.3,
        declinesCount ? lean * notABroadcast * reliability * clamp((f.declineRate() - 0.3) / 0.7, 0, 1) : 0, w.declines());
    double toAGroup = groupness(linksOverChance, MESSAGES_TO_A_GROUP_FROM);
    add(signals, ESCALATIONS, f.escalations(), 1,
        lean * notABroadcast * (1 - toAGroup) * Math.min(2.0, Math.log1p(f.escalations())), w.escalations());
    add(signals, AGE_PEERS, f.sameBandShare(), 0.5, claimsMinorAge ? -established * f.sameBandShare() : 0, w.agePeers());
    add(signals, FRIENDS_MINORS, friendsMinors, populationMinors, -friendsExcess, w.friendsMinors());
    add(signals, INDISCRIMINATE, broadcast, OVER_DAYS_FROM, -indiscriminate, w.indiscriminate());
    // the burst window slides by the hour: over days it looks at a sender many more times than the
    // long window does, so the same evidence in it is more often chance (a teacher's or a new
    // student's busiest day, a broadcast's luckiest hour) and it must bring more
    add(signals, BURST_WINDOW, burst ? 1 : 0, 0, burst ? -1 : 0, w.burstWindow());
    // not shrunk by the reliability: the ratio (links + 1) / (chance + 1) is its own shrinkage, and
    // a few targets who are friends far beyond chance are already a group (a family, a new class)
    add(signals, TARGETS_KNOW_EACH_OTHER, linksOverChance, LINKS_OVER_CHANCE_FROM, -group, w.targetCohesion());
    // the minors who protected themselves from the sender, weighed by what they did; others count
    // little; both, like the other aggravating signals, in proportion to the lean to popular minors
    add(signals, PROTECTING_MINORS, protection.protectingMinors(), 1,
        lean * Math.min(PROTECTION_BASIS_CAP, Math.log1p(protection.strength())), w.protectingMinors());
    add(signals, OTHER_REPORTERS, protection.otherReporters(), 1,
        lean * Math.min(OTHER_REPORTERS_BASIS_CAP, 0.25 * Math.log1p(protection.otherReporters())), w.otherReporters());
    return new SignalSet(signals);
  }

  /**
   * The share of minors a sender's contacts would have without the pattern: the platform's, or more
   * for a sender whose trusted friends are largely minors, or who is a minor itself (teens befriend
   * teens: half its contacts being minors says nothing).
   */
  static double expectedMinorShare(SenderTraits sender, double populationMinors, Thresholds t) {
    double expected = Math.max(populationMinors, 1e-3);
    if (sender.friendsMinorShare() >= 0 && sender.degree() >= t.fewFriends()) {
      expected = Math.max(expected, sender.friendsMinorShare());
    }
    if (AgeBands.isMinor(sender.ageBand())) {
      expected = Math.max(expected, MINOR_SENDERS_MINOR_SHARE);
    }
    return expected;
  }

  /** Aggravating evidence (above 0) in proportion as the contact is not a broadcast; context (below 0) as it is. */
  static double aggravating(double basis, double notABroadcast) {
    return basis > 0 ? basis * notABroadcast : basis;
  }

  /** How far a volume, in multiples of a broadcast's, goes from {@code from} towards a broadcast beyond doubt: 0 to 1. */
  static double broadcastness(double volume, double from) {
    return clamp(Math.log(volume / from) / Math.log(BROADCAST_FULL / from), 0, 1);
  }

  /** How far links over chance go, from {@code from} times chance, towards a group beyond doubt: 0 to 1. */
  static double groupness(double linksOverChance, double from) {
    return clamp(Math.log(linksOverChance / from) / Math.log(LINKS_OVER_CHANCE_SPAN), 0, 1);
  }

  private static void add(List<Signal> signals, String name, double value, double reference, double basis, double weight) {
    signals.add(new Signal(name, round(value), round(reference), basis, weight * basis));
  }

  /**
   * These signals plus a group's co-targeting: how far below {@code maxChance} the chance is that its
   * tightest link is a coincidence, in powers of ten (three orders of magnitude give the full weight),
   * in proportion to the group's lean towards popular minors: accounts that share targets because
   * the targets are one school's pupils or one family's children coordinate nothing of this pattern.
   */
  public SignalSet withCoTargeting(double chance, double maxChance, double leanToPopular, EvidenceModel w) {
    double value = -Math.log10(Math.max(chance, 1e-300));
    double reference = -Math.log10(maxChance);
    List<Signal> more = new ArrayList<>(signals);
    add(more, CO_TARGETING, value, reference, leanToPopular * clamp((value - reference) / 3, 0, 1), w.coTargeting());
    return new SignalSet(more);
  }

  /**
   * These signals plus the context of a group's members (the median of their own context
   * evidence): teens who befriend the same popular peers, or teachers of one school, are explained
   * together as they are one by one.
   */
  public SignalSet withMembersContext(double medianContextEvidence) {
    List<Signal> more = new ArrayList<>(signals);
    double basis = Math.min(0.0, medianContextEvidence);
    add(more, MEMBERS_CONTEXT, basis, 0.0, basis, 1.0);
    return new SignalSet(more);
  }

  /** The evidence of the context that explains the sender's contact with minors: zero or below. */
  public double contextEvidence() {
    return CONTEXT.stream().mapToDouble(name -> get(name).contribution()).sum();
  }

  /**
   * These signals plus a link to a confirmed account (campaigns): the group shares targets, beyond
   * chance, with an account a reviewer confirmed; full weight for one such link, in proportion to
   * the group's lean towards popular minors, as co-targeting: classmates or a family's relatives who
   * share the popular children a confirmed offender also targeted are linked by the children, not
   * by the offender.
   */
  public SignalSet withConfirmedLink(int confirmedMembers, double leanToPopular, EvidenceModel w) {
    List<Signal> more = new ArrayList<>(signals);
    add(more, CONFIRMED_LINK, confirmedMembers, 1, leanToPopular * Math.min(1.0, confirmedMembers), w.confirmedLink());
    return new SignalSet(more);
  }

  /** Every signal, in the model's order. */
  public List<Signal> all() {
    return signals;
  }

  /** The signals a reviewer reads: those that moved the score, largest contribution (either way) first. */
  public List<Signal> byContribution() {
    return signals.stream().filter(Signal::matters)
        .sorted(Comparator.comparingDouble((Signal s) -> -Math.abs(s.contribution())).thenComparing(Signal::name))
        .toList();
  }

  public Signal get(String name) {
    for (Signal s : signals) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no signal " + name);
  }

  /** The summed contributions: the evidence in log-odds, before the model's intercept. */
  public double evidence() {
    double sum = 0;
    for (Signal s : signals) {
      sum += s.contribution();
    }
    return sum;
  }

  /** The evidence of the pattern alone: the degree preference, its certainty and strangers. */
  public double patternEvidence() {
    return get(DEGREE_PREFERENCE).contribution() + get(DEGREE_PREFERENCE_Z).contribution()
        + get(STRANGER_SHARE).contribution();
  }

  /**
   * How far a mean degree mid-rank leans towards popular minors, from 0 (blind to degree, or
   * leaning away) to 1 (a mean mid-rank of 0.75 or more): what makes many minors, or many minors
   * shared by a group, this pattern rather than a school's worth of classmates or a broadcast.
   */
  public static double leanToPopular(double meanDegreePercentile) {
    return clamp((meanDegreePercentile - 0.5) / 0.25, 0, 1);
  }

  static double clamp(double v, double low, double high) {
    return Math.max(low, Math.min(high, v));
  }

  static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
