package org.targetwatch.signals;

import java.util.List;
import org.targetwatch.friendship.AgeBands;
import org.targetwatch.scoring.Thresholds;

/**
 * The signals of DESIGN.md for one sender and window, computed from the window's figures, the
 * sender's traits and the population's base rate. Four are core — the pattern itself: volume of
 * minors, a degree preference large in size and beyond chance, and contact with strangers. The
 * others aggravate: fake-profile traits, a claimed age close to the targets', minors out of
 * proportion to the sender's own friends, declines, and escalation from acceptance to messages.
 * Two mitigate: most requests accepted — strangers do not welcome a mass contact en masse, a new
 * classmate or a known teacher is welcomed; and an established, popular minor among minors — popular
 * teens befriend each other.
 */
public final class SignalSet {
  public static final String DISTINCT_MINORS = "distinct_minors";
  public static final String DEGREE_PREFERENCE = "degree_preference";
  public static final String DEGREE_PREFERENCE_Z = "degree_preference_z";
  public static final String STRANGER_SHARE = "stranger_share";
  public static final String HIGH_DEGREE_SHARE = "high_degree_share";
  public static final String FAKE_PROFILE = "young_account_few_friends";
  public static final String CLAIMED_AGE_MATCH = "claimed_age_matches_targets";
  public static final String MINOR_LIFT = "minor_share_lift";
  public static final String DECLINE_RATE = "decline_rate";
  public static final String ESCALATIONS = "escalations";
  public static final String WELCOMED = "acceptance_rate";
  public static final String POPULAR_PEER = "established_popular_peer";

  /** Expected share of targets above the upper quartile when degree plays no part. */
  static final double EXPECTED_HIGH_DEGREE_SHARE = 0.25;

  private final List<Signal> core;
  private final List<Signal> aggravating;
  private final Signal highDegreeShare;
  private final List<Signal> mitigating;

  private SignalSet(List<Signal> core, List<Signal> aggravating, Signal highDegreeShare, List<Signal> mitigating) {
    this.core = core;
    this.aggravating = aggravating;
    this.highDegreeShare = highDegreeShare;
    this.mitigating = mitigating;
  }

  public static SignalSet compute(
      WindowFigures f, SenderTraits sender, Population population, boolean burst, Thresholds t) {
    double populationMinorShare = population.minorShare();
    int n = f.minors();
    double meanPercentile = f.meanDegreePercentile();
    // the mean of n mid-ranks drawn blind to degree has mean 0.5 and standard deviation 1/sqrt(12 n)
    double z = n == 0 ? 0.0 : (meanPercentile - 0.5) * Math.sqrt(12.0 * n);
    List<Signal> core = List.of(
        Signal.atLeast(DISTINCT_MINORS, n, t.minMinors(burst)),
        Signal.atLeast(DEGREE_PREFERENCE, round(meanPercentile), t.minMeanDegreePercentile()),
        Signal.atLeast(DEGREE_PREFERENCE_Z, round(z), t.minPreferenceZ()),
        Signal.atLeast(STRANGER_SHARE, round(f.strangerShare()), t.minStrangerShare()));

    boolean young = sender.accountAgeKnown() && sender.accountAgeDays() < t.youngAccountDays();
    boolean fewFriends = sender.degree() < t.fewFriends();
    double baseline = sender.friendsMinorShare() >= 0 && sender.degree() >= t.fewFriends()
        ? Math.max(sender.friendsMinorShare(), populationMinorShare)
        : populationMinorShare;
    double lift = baseline <= 0 ? 0 : f.minorShare() / baseline;
    boolean claimsMinorAge = AgeBands.isMinor(sender.ageBand());
    List<Signal> aggravating = List.of(
        new Signal(FAKE_PROFILE, round(sender.accountAgeDays()), t.youngAccountDays(), young && fewFriends),
        new Signal(CLAIMED_AGE_MATCH, round(f.sameBandShare()), 0.5, claimsMinorAge && f.sameBandShare() >= 0.5
            && young),
        Signal.atLeast(MINOR_LIFT, round(lift), t.minMinorLift()),
        new Signal(DECLINE_RATE, round(f.declineRate()), t.minDeclineRate(),
            f.requests() >= t.minAnsweredForDeclineRate() && f.declineRate() >= t.minDeclineRate()),
        Signal.atLeast(ESCALATIONS, f.escalations(), 1));
    Signal high = Signal.atLeast(HIGH_DEGREE_SHARE, round(f.highDegreeShare()), 2 * EXPECTED_HIGH_DEGREE_SHARE);
    Signal welcomed = new Signal(WELCOMED, round(f.acceptanceRate()), t.welcomedAcceptanceRate(),
        f.requests() >= t.minAnsweredForDeclineRate() && f.acceptanceRate() >= t.welcomedAcceptanceRate());
    boolean established = sender.accountAgeKnown() && sender.accountAgeDays() >= t.establishedAccountDays();
    Signal popularPeer = new Signal(POPULAR_PEER, sender.degree(), population.minorDegreeUpperQuartile(),
        claimsMinorAge && established && sender.degree() > population.minorDegreeUpperQuartile());
    return new SignalSet(core, aggravating, high, List.of(welcomed, popularPeer));
  }

  public List<Signal> core() {
    return core;
  }

  public List<Signal> aggravating() {
    return aggravating;
  }

  /** The mitigating signals: most requests accepted; an established popular minor among minors. */
  public List<Signal> mitigating() {
    return mitigating;
  }

  public boolean anyMitigatingMet() {
    return mitigating.stream().anyMatch(Signal::met);
  }

  public Signal highDegreeShare() {
    return highDegreeShare;
  }

  public Signal get(String name) {
    for (Signal s : core) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    for (Signal s : aggravating) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    for (Signal s : mitigating) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return name.equals(HIGH_DEGREE_SHARE) ? highDegreeShare : null;
  }

  public boolean allCoreMet() {
    return core.stream().allMatch(Signal::met);
  }

  public long coreMet() {
    return core.stream().filter(Signal::met).count();
  }

  public long aggravatingMet() {
    return aggravating.stream().filter(Signal::met).count();
  }

  static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }
}
