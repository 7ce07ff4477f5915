package org.targetwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.targetwatch.schema.AgeBand;
import org.targetwatch.schema.internal.ActivityCounts;
import org.targetwatch.signals.ContactVolume;
import org.targetwatch.signals.Population;
import org.targetwatch.signals.ProtectionFigures;
import org.targetwatch.signals.SenderTraits;
import org.targetwatch.signals.Signal;
import org.targetwatch.signals.SignalSet;
import org.targetwatch.signals.WindowFigures;
import org.targetwatch.topology.WindowSpec;

/**
 * The properties of the evidence score (docs/detection.md, "Evidence"): bounded, monotone in each
 * piece of evidence (aggravating raises, context lowers, acceptance never lowers), confidence that
 * grows with the number of minors, and reasons ordered by contribution.
 */
class EvidenceScoreTest {
  private static final WindowSpec LONG = new WindowSpec("long", Duration.ofDays(28), 28);
  private static final Population PLATFORM = new Population(0.3, 40);
  private static final SenderTraits NEW_ACCOUNT = new SenderTraits(2, 1, AgeBand.AGE_13_15, -1);
  private static final SenderTraits ESTABLISHED_ADULT = new SenderTraits(700, 60, AgeBand.ADULT, 0.05);

  private final Scorer scorer = new Scorer(Thresholds.defaults(), EvidenceModel.defaults());

  /** A window in which the sender contacted {@code minors} minors and {@code adults} adults. */
  private static ActivityCounts window(int minors, int adults, double meanMidRank, double strangerShare) {
    ActivityCounts c = new ActivityCounts();
    c.setTargets(minors + adults);
    c.setMinors(minors);
    c.setPercentileSum(meanMidRank * minors);
    c.setStrangerMinors((int) Math.round(strangerShare * minors));
    c.setRequests(minors + adults);
    return c;
  }

  /** The long window's assessment of {@code figures} with the volume beyond it given, on the test platform, without reports. */
  private Assessment assessedWith(WindowFigures figures, ContactVolume volume, SenderTraits sender) {
    return scorer.assess(LONG, false, figures, volume, sender, PLATFORM, ProtectionFigures.NONE);
  }

  private double score(ActivityCounts counts, SenderTraits sender) {
    return scorer.assess(LONG, false, WindowFigures.sumOf(List.of(counts)), sender, PLATFORM).score();
  }

  private double scoreChanged(ActivityCounts base, SenderTraits sender, Consumer<ActivityCounts> change) {
    ActivityCounts changed = ActivityCounts.newBuilder(base).build();
    change.accept(changed);
    return score(changed, sender);
  }

  @Test
  void theScoreStaysWithinZeroAndOneWhateverTheFigures() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      int minors = random.nextInt(0, 1001);
      ActivityCounts c = window(minors, random.nextInt(0, 1001), random.nextDouble(), random.nextDouble());
      c.setDeclined(random.nextInt(0, c.getRequests() + 1));
      c.setEscalations(random.nextInt(0, minors + 1));
      c.setSameBandMinors(random.nextInt(0, minors + 1));
      c.setLinksKnown(random.nextInt(0, 64 * minors + 1));
      c.setLinksExpected(random.nextDouble() * minors);
      SenderTraits sender = new SenderTraits(random.nextDouble() * 3000 - 1, random.nextInt(0, 5000),
          AgeBand.values()[random.nextInt(AgeBand.values().length)], random.nextDouble() * 1.2 - 0.2);
      assertThat(score(c, sender)).isBetween(0.0, 1.0);
    }
  }

  @Test
  void moreMinorsWithTheSamePreferenceNeverLowerTheScoreAndSixCarryLessThanThirty() {
    double previous = 0;
    for (int minors = 3; minors <= 60; minors++) {
      double s = score(window(minors, 0, 0.72, 1.0), ESTABLISHED_ADULT);
      assertThat(s).as("%d minors", minors).isGreaterThanOrEqualTo(previous);
      previous = s;
    }
    assertThat(score(window(6, 0, 0.72, 1.0), ESTABLISHED_ADULT))
        .isLessThan(score(window(30, 0, 0.72, 1.0), ESTABLISHED_ADULT) - 0.2);
  }

  @Test
  void aStrongerPreferenceForPopularMinorsNeverLowersTheScore() {
    for (int minors : new int[] {6, 12, 30}) {
      double previous = 0;
      for (double midRank = 0.3; midRank <= 1.0; midRank += 0.02) {
        double s = score(window(minors, 0, midRank, 1.0), NEW_ACCOUNT);
        assertThat(s).as("%d minors, mid-rank %.2f", minors, midRank).isGreaterThanOrEqualTo(previous);
        previous = s;
      }
    }
  }

  @Test
  void eachAggravatingSignalRaisesTheScoreAndEachContextLowersIt() {
    ActivityCounts base = window(15, 5, 0.7, 0.6);
    base.setSameBandMinors(8);
    double s = score(base, ESTABLISHED_ADULT);
    assertThat(scoreChanged(base, ESTABLISHED_ADULT, c -> c.setStrangerMinors(15))).isGreaterThan(s);
    assertThat(scoreChanged(base, ESTABLISHED_ADULT, c -> c.setDeclined(12))).isGreaterThan(s);
    assertThat(scoreChanged(base, ESTABLISHED_ADULT, c -> c.setEscalations(6))).isGreaterThan(s);
    assertThat(scoreChanged(base, ESTABLISHED_ADULT, c -> c.setTargets(15))).isGreaterThan(s); // no adults mixed in
    assertThat(scoreChanged(base, ESTABLISHED_ADULT, c -> c.setLinksKnown(30))).isLessThan(s); // they know each other
    assertThat(scoreChanged(base, ESTABLISHED_ADULT, c -> {
      c.setLinksKnown(30);
      c.setLinksExpected(30); // as often as chance would have minors of their degrees know each other
    })).isEqualTo(s);
    assertThat(score(base, new SenderTraits(3, 2, AgeBand.ADULT, -1))).isGreaterThan(s); // a fake profile
    SenderTraits establishedTeen = new SenderTraits(700, 60, AgeBand.AGE_13_15, 0.05);
    assertThat(scoreChanged(base, establishedTeen, c -> c.setSameBandMinors(15)))
        .isLessThan(score(base, establishedTeen)); // age peers
    assertThat(score(base, new SenderTraits(700, 60, AgeBand.ADULT, 0.8))).isLessThan(s); // friends are minors
  }

  @Test
  void aggravatingSignalsCountInProportionToTheLeanToPopularMinors() {
    SenderTraits fakeTeen = new SenderTraits(2, 1, AgeBand.AGE_13_15, -1);
    ActivityCounts blind = window(30, 0, 0.5, 1.0);
    blind.setSameBandMinors(30);
    blind.setEscalations(8);
    SignalSet blindSignals = scorer.assess(LONG, false, WindowFigures.sumOf(List.of(blind)), fakeTeen, PLATFORM).signals();
    for (String aggravating : List.of(SignalSet.STRANGER_SHARE, SignalSet.FAKE_PROFILE, SignalSet.CLAIMED_AGE_MATCH,
        SignalSet.ESCALATIONS, SignalSet.MINOR_LIFT)) {
      assertThat(blindSignals.get(aggravating).contribution()).as(aggravating).isZero();
    }
    assertThat(score(blind, fakeTeen)).as("a new teen adding and chatting with classmates, blind to popularity")
        .isLessThan(Thresholds.defaults().mediumScore());
    ActivityCounts halfWay = ActivityCounts.newBuilder(blind).setPercentileSum(0.625 * 30).build();
    ActivityCounts fully = ActivityCounts.newBuilder(blind).setPercentileSum(0.8 * 30).build();
    double half = scorer.assess(LONG, false, WindowFigures.sumOf(List.of(halfWay)), fakeTeen, PLATFORM).signals()
        .get(SignalSet.FAKE_PROFILE).contribution();
    double full = scorer.assess(LONG, false, WindowFigures.sumOf(List.of(fully)), fakeTeen, PLATFORM).signals()
        .get(SignalSet.FAKE_PROFILE).contribution();
    assertThat(half).isPositive().isCloseTo(full / 2, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void popularStrangersHiddenAmongAdultsAreNotExplainedByTheAdults() {
    // dilution is a tactic (DESIGN.md): popular minors who are strangers, hidden among adults, are
    // chosen all the same. Minors out of proportion aggravate; below the platform's share (0.3
    // here) they say nothing when they are strangers, and explain in proportion as they are of the
    // sender's circle (a mutual friend)
    double inProportion = score(window(10, 24, 0.8, 1.0), ESTABLISHED_ADULT);
    for (int adults = 25; adults <= 80; adults += 5) {
      assertThat(score(window(10, adults, 0.8, 1.0), ESTABLISHED_ADULT)).as("%d adults", adults).isEqualTo(inProportion);
    }
    assertThat(score(window(10, 5, 0.8, 1.0), ESTABLISHED_ADULT)).as("minors out of proportion").isGreaterThan(inProportion);

    double ofTheCircle = score(window(10, 24, 0.8, 0.0), ESTABLISHED_ADULT);
    double halfOfTheCircle = score(window(10, 60, 0.8, 0.5), ESTABLISHED_ADULT);
    assertThat(score(window(10, 60, 0.8, 0.0), ESTABLISHED_ADULT)).as("the circle's minors among many adults")
        .isLessThan(ofTheCircle);
    assertThat(halfOfTheCircle).isLessThan(score(window(10, 24, 0.8, 0.5), ESTABLISHED_ADULT));
    Signal half = scorer.assess(LONG, false, WindowFigures.sumOf(List.of(window(10, 60, 0.8, 0.5))), ESTABLISHED_ADULT, PLATFORM)
        .signals().get(SignalSet.MINOR_LIFT);
    Signal whole = scorer.assess(LONG, false, WindowFigures.sumOf(List.of(window(10, 60, 0.8, 0.0))), ESTABLISHED_ADULT, PLATFORM)
        .signals().get(SignalSet.MINOR_LIFT);
    assertThat(half.contribution()).isNegative().isCloseTo(whole.contribution() / 2, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void acceptanceByTheMinorsContactedNeverLowersTheScore() {
    ActivityCounts base = window(20, 0, 0.75, 1.0);
    double previous = score(base, ESTABLISHED_ADULT);
    for (int accepted = 1; accepted <= 20; accepted++) {
      int a = accepted;
      double s = scoreChanged(base, ESTABLISHED_ADULT, c -> c.setAccepted(a));
      assertThat(s).as("%d accepted", accepted).isGreaterThanOrEqualTo(previous);
      previous = s;
    }
  }

  @Test
  void aHundredAdultsApproachedInADayMakeABroadcastOfWhatTheSameAdultsOverWeeksDoNot() {
    ActivityCounts day = window(30, 60, 0.75, 1.0);
    WindowFigures figures = WindowFigures.sumOf(List.of(day));
    Assessment overWeeks = assessedWith(figures, new ContactVolume(90, 5, 0), ESTABLISHED_ADULT);
    Assessment inADay = assessedWith(figures, new ContactVolume(90, 60, 0), ESTABLISHED_ADULT);
    Assessment aHundredInADay = assessedWith(figures, new ContactVolume(90, 120, 0), ESTABLISHED_ADULT);

    assertThat(overWeeks.signals().get(SignalSet.INDISCRIMINATE).contribution()).isZero();
    assertThat(inADay.signals().get(SignalSet.INDISCRIMINATE).contribution()).isNegative();
    assertThat(inADay.score()).isLessThan(overWeeks.score());
    assertThat(aHundredInADay.score()).isLessThan(inADay.score());
  }

  @Test
  void aBroadcastsMinorsStrangersAndYouthCountInProportionAsItIsNotOne() {
    ActivityCounts leaning = window(30, 8, 0.72, 1.0);
    leaning.setEscalations(4);
    WindowFigures figures = WindowFigures.sumOf(List.of(leaning));
    Assessment aChoice = assessedWith(figures, new ContactVolume(38, 8, 5), NEW_ACCOUNT);
    Assessment halfABroadcast = assessedWith(figures, new ContactVolume(38, 8, 20), NEW_ACCOUNT);
    Assessment aBroadcast = assessedWith(figures, new ContactVolume(38, 8, 40), NEW_ACCOUNT);

    double half = 1 + halfABroadcast.signals().get(SignalSet.INDISCRIMINATE).basis();
    assertThat(half).isStrictlyBetween(0.0, 1.0);
    for (String aggravating : List.of(SignalSet.DISTINCT_MINORS, SignalSet.STRANGER_SHARE, SignalSet.FAKE_PROFILE,
        SignalSet.ESCALATIONS)) {
      double asAChoice = aChoice.signals().get(aggravating).contribution();
      assertThat(asAChoice).as(aggravating).isPositive();
      assertThat(halfABroadcast.signals().get(aggravating).contribution()).as(aggravating)
          .isCloseTo(half * asAChoice, org.assertj.core.api.Assertions.within(0.002));
      assertThat(aBroadcast.signals().get(aggravating).contribution()).as(aggravating).isZero();
    }
    // the preference itself is not a broadcast's to take away: it is what a broadcast's luck shows
    assertThat(aBroadcast.signals().get(SignalSet.DEGREE_PREFERENCE).contribution())
        .isEqualTo(aChoice.signals().get(SignalSet.DEGREE_PREFERENCE).contribution());
  }

  @Test
  void contextIsNotTakenAwayByABroadcast() {
    ActivityCounts knownMinors = window(20, 2, 0.7, 0.1); // nine in ten share a friend with the sender
    WindowFigures figures = WindowFigures.sumOf(List.of(knownMinors));
    double asAChoice = assessedWith(figures, new ContactVolume(22, 2, 5), ESTABLISHED_ADULT)
        .signals().get(SignalSet.STRANGER_SHARE).contribution();
    double inABroadcast = assessedWith(figures, new ContactVolume(22, 2, 40), ESTABLISHED_ADULT)
        .signals().get(SignalSet.STRANGER_SHARE).contribution();

    assertThat(asAChoice).isNegative();
    assertThat(inABroadcast).isEqualTo(asAChoice);
  }

  @Test
  void dozensOfAccountsInOneSittingMakeABroadcastOfWhatAFewAnHourDoNot() {
    WindowFigures figures = WindowFigures.sumOf(List.of(window(15, 8, 0.68, 1.0)));
    double[] scoreByAccountsInTheBusiestHour = new double[61];
    for (int inAnHour = 0; inAnHour <= 60; inAnHour++) {
      scoreByAccountsInTheBusiestHour[inAnHour] = assessedWith(figures, new ContactVolume(23, 8, inAnHour), NEW_ACCOUNT).score();
    }
    Assessment afewAnHour = assessedWith(figures, new ContactVolume(23, 8, 10), NEW_ACCOUNT);
    Assessment twentyInAnHour = assessedWith(figures, new ContactVolume(23, 8, 20), NEW_ACCOUNT);
    Assessment fortyInAnHour = assessedWith(figures, new ContactVolume(23, 8, 40), NEW_ACCOUNT);

    assertThat(afewAnHour.signals().get(SignalSet.INDISCRIMINATE).contribution()).isZero();
    assertThat(twentyInAnHour.signals().get(SignalSet.INDISCRIMINATE).contribution()).isNegative();
    assertThat(fortyInAnHour.signals().get(SignalSet.INDISCRIMINATE).basis()).isEqualTo(-1.0);
    assertThat(fortyInAnHour.score()).isLessThan(twentyInAnHour.score());
    for (int inAnHour = 1; inAnHour <= 60; inAnHour++) {
      assertThat(scoreByAccountsInTheBusiestHour[inAnHour]).as("%d accounts in the busiest hour", inAnHour)
          .isLessThanOrEqualTo(scoreByAccountsInTheBusiestHour[inAnHour - 1]);
    }
    assertThat(scoreByAccountsInTheBusiestHour[60]).isEqualTo(scoreByAccountsInTheBusiestHour[40]);
  }

  @Test
  void theBusiestSittingIsTheBucketWithTheMostNewTargetsWhateverTheOrderTheyAreAddedIn() {
    ActivityCounts quiet = window(2, 1, 0.6, 1.0);
    ActivityCounts busy = window(9, 14, 0.6, 1.0);
    WindowFigures busyLast = WindowFigures.sumOf(List.of(quiet, quiet, busy));
    WindowFigures busyFirst = WindowFigures.sumOf(List.of(busy, quiet, quiet));

    assertThat(busyLast.busiestBucketTargets()).isEqualTo(23);
    assertThat(busyFirst.busiestBucketTargets()).isEqualTo(23);
    assertThat(busyFirst.copy().busiestBucketTargets()).isEqualTo(23);
    assertThat(busyLast.targets()).isEqualTo(29);
  }

  @Test
  void messagesToMinorsWhoKnowEachOtherFarBeyondChanceCountLessThanToStrangers() {
    ActivityCounts strangers = window(12, 0, 0.8, 1.0);
    strangers.setEscalations(8);
    strangers.setLinksExpected(3);
    ActivityCounts snowball = ActivityCounts.newBuilder(strangers).setLinksKnown(5).build(); // 1.5 times chance
    ActivityCounts family = ActivityCounts.newBuilder(strangers).setLinksKnown(60).build();  // 15 times chance

    double toStrangers = escalationEvidence(strangers);
    assertThat(toStrangers).isPositive();
    assertThat(escalationEvidence(snowball)).isEqualTo(toStrangers);
    assertThat(escalationEvidence(family)).isLessThan(toStrangers / 2);
  }

  private double escalationEvidence(ActivityCounts counts) {
    return scorer.assess(LONG, false, WindowFigures.sumOf(List.of(counts)), ESTABLISHED_ADULT, PLATFORM)
        .signals().get(SignalSet.ESCALATIONS).contribution();
  }

  @Test
  void belowTheMinimumOfMinorsTheScoreStaysUnderMediumAndBelowThreeThereIsNothing() {
    Thresholds t = Thresholds.defaults();
    assertThat(score(window(5, 0, 1.0, 1.0), NEW_ACCOUNT)).isLessThan(t.mediumScore());
    assertThat(score(window(2, 0, 1.0, 1.0), NEW_ACCOUNT)).isZero();
  }

  @Test
  void reasonsAreTheSignalsThatMovedTheScoreLargestContributionFirst() {
    ActivityCounts c = window(25, 3, 0.82, 0.9);
    c.setEscalations(3);
    c.setLinksKnown(12);
    SignalSet signals = scorer.assess(LONG, false, WindowFigures.sumOf(List.of(c)), NEW_ACCOUNT, PLATFORM).signals();
    List<Signal> reasons = signals.byContribution();
    assertThat(reasons).isNotEmpty().allMatch(Signal::matters);
    assertThat(reasons).extracting(r -> Math.abs(r.contribution())).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(reasons).anyMatch(r -> r.contribution() < 0); // context is listed too
    double sum = signals.all().stream().mapToDouble(Signal::contribution).sum();
    assertThat(signals.evidence()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static final WindowSpec CAMPAIGN = new WindowSpec("campaign", Duration.ofDays(7), 1);
  private static final SenderTraits YOUNG_MEMBERS = new SenderTraits(3, 4, AgeBand.UNKNOWN, -1);

  private Assessment group(double meanMidRank, double membersContext, double chance) {
    WindowFigures figures = WindowFigures.sumOf(List.of(window(40, 0, meanMidRank, 1.0)));
    return scorer.assessGroup(CAMPAIGN, figures, YOUNG_MEMBERS, membersContext, chance, 0.01, 8);
  }

  @Test
  void sharedTargetsBeyondChanceCountInProportionToTheGroupsLeanToPopularMinors() {
    double blindToDegree = group(0.5, 0, 1e-9).signals().get(SignalSet.CO_TARGETING).contribution();
    double leaning = group(0.65, 0, 1e-9).signals().get(SignalSet.CO_TARGETING).contribution();
    double popular = group(0.85, 0, 1e-9).signals().get(SignalSet.CO_TARGETING).contribution();
    assertThat(blindToDegree).isZero(); // one school's pupils shared by its new students coordinate nothing
    assertThat(leaning).isPositive().isLessThan(popular);
    assertThat(group(0.85, 0, 1e-3).signals().get(SignalSet.CO_TARGETING).contribution()).isLessThan(popular);
  }

  @Test
  void aLinkToAConfirmedAccountCountsInProportionToTheGroupsLeanToPopularMinors() {
    java.util.function.DoubleUnaryOperator link = mid -> scorer.assessGroup(CAMPAIGN,
        WindowFigures.sumOf(List.of(window(40, 0, mid, 1.0))), YOUNG_MEMBERS, 0, 1e-9, 0.01, 8, 1)
        .signals().get(SignalSet.CONFIRMED_LINK).contribution();
    assertThat(link.applyAsDouble(0.5)).as("classmates sharing a school's pupils with an offender").isZero();
    assertThat(link.applyAsDouble(0.65)).isPositive().isLessThan(link.applyAsDouble(0.85));
  }

  @Test
  void theMembersContextLowersTheGroupsScore() {
    assertThat(group(0.8, -1.5, 1e-6).score()).isLessThan(group(0.8, 0, 1e-6).score());
    assertThat(group(0.8, -1.5, 1e-6).signals().get(SignalSet.MEMBERS_CONTEXT).contribution()).isEqualTo(-1.5);
  }

  @Test
  void aMembersScoreIsItsOwnEvidencePlusTheGroupsCoordinationNeverAboveTheGroups() {
    Assessment ring = group(0.85, 0, 1e-9);
    double coordination = ring.signals().get(SignalSet.CO_TARGETING).contribution();
    double borderline = scorer.memberScore(0.3, 0.0, ring);
    assertThat(borderline).isGreaterThan(0.3).isLessThanOrEqualTo(ring.score());
    assertThat(Math.log(borderline / (1 - borderline)) - Math.log(0.3 / 0.7))
        .isCloseTo(Math.min(coordination, Math.log(ring.score() / (1 - ring.score())) - Math.log(0.3 / 0.7)),
            org.assertj.core.data.Offset.offset(0.01));
    assertThat(scorer.memberScore(0.001, 0.0, ring)).as("an account that shows nothing of the pattern itself")
        .isLessThan(Thresholds.defaults().mediumScore());
    assertThat(scorer.memberScore(0.9, 0.0, ring)).isLessThanOrEqualTo(ring.score());
    assertThat(scorer.memberScore(0.6, 0.0, ring)).isGreaterThanOrEqualTo(scorer.memberScore(0.3, 0.0, ring));
  }

  @Test
  void aMembersOwnContextExplainsItsShareOfTheGroupsCoordinationInProportion() {
    Assessment ring = group(0.85, 0, 1e-9);
    double coordination = ring.signals().get(SignalSet.CO_TARGETING).contribution();
    double own = 0.05; // low enough that the group's score does not cap the member's
    java.util.function.DoubleUnaryOperator lift = context -> {
      double member = scorer.memberScore(own, context, ring);
      return Math.log(member / (1 - member)) - Math.log(own / (1 - own));
    };

    assertThat(coordination).isPositive();
    assertThat(lift.applyAsDouble(0.0)).as("a sock puppet: nothing explains its contact")
        .isCloseTo(coordination, org.assertj.core.data.Offset.offset(0.02));
    assertThat(lift.applyAsDouble(-1.0)).as("a context worth -1 in log-odds")
        .isCloseTo(coordination * Math.exp(-1.0), org.assertj.core.data.Offset.offset(0.02));
    assertThat(lift.applyAsDouble(-2.0)).as("monotone").isLessThan(lift.applyAsDouble(-1.0)).isPositive();
  }
}
