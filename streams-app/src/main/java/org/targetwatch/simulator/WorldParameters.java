package org.targetwatch.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What kind of platform a simulation models and how widely its planted accounts vary: the
 * platform's shape ({@link Platform}) and, in a randomized world, for each planted class the range
 * each {@link BehaviourParameter} is drawn from per account. {@link #fixed()} is the one platform
 * {@code simulate} modelled before worlds were randomized (its behaviours keep their built-in
 * values); {@link RandomizedWorld#draw} draws a world from a seed. docs/simulator.md gives the
 * ranges and why.
 *
 * @param randomized whether the behaviours draw their parameters per account from {@code ranges}
 * @param seed the seed the world was drawn from (0 for the fixed world)
 * @param platform the platform's shape
 * @param ranges per planted class, the range of each parameter it draws (empty for the fixed world)
 */
public record WorldParameters(boolean randomized, long seed, Platform platform,
    Map<BehaviourClass, Map<BehaviourParameter, Range>> ranges) {

  public WorldParameters {
    Objects.requireNonNull(platform, "platform");
    EnumMap<BehaviourClass, Map<BehaviourParameter, Range>> copy = new EnumMap<>(BehaviourClass.class);
    ranges.forEach((c, r) -> copy.put(c, Collections.unmodifiableMap(new EnumMap<>(r))));
    ranges = Collections.unmodifiableMap(copy);
    if (randomized) {
      for (BehaviourClass c : BehaviourClass.values()) {
        if (c != BehaviourClass.ORDINARY && !ranges.containsKey(c)) {
          throw new IllegalArgumentException("a randomized world needs ranges for " + c.label());
        }
      }
    }
  }

  /** The platform simulate modelled before randomized worlds; behaviours use their built-in values. */
  public static WorldParameters fixed() {
    return new WorldParameters(false, 0L, Platform.FIXED, Map.of());
  }

  /** The range a class's parameter is drawn from in this world. */
  public Range range(BehaviourClass c, BehaviourParameter parameter) {
    Range r = ranges.getOrDefault(c, Map.of()).get(parameter);
    if (r == null) {
      throw new IllegalArgumentException("no range for " + c.label() + " " + parameter.label());
    }
    return r;
  }

  /** The same world with one class's parameter drawn from another range (tests, what-if worlds). */
  public WorldParameters withRange(BehaviourClass c, BehaviourParameter parameter, Range range) {
    Map<BehaviourClass, Map<BehaviourParameter, Range>> copy = new EnumMap<>(BehaviourClass.class);
    copy.putAll(ranges);
    Map<BehaviourParameter, Range> forClass = new EnumMap<>(BehaviourParameter.class);
    forClass.putAll(copy.getOrDefault(c, Map.of()));
    forClass.put(parameter, range);
    copy.put(c, forClass);
    return new WorldParameters(randomized, seed, platform, copy);
  }

  public WorldParameters withPlatform(Platform platform) {
    return new WorldParameters(randomized, seed, platform, ranges);
  }

  /**
   * The world as flat name -> number or string, for labels.json: the platform's values, then
   * {@code <class label>.<parameter>.min} and {@code .max} for each range.
   */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>(platform.describe());
    ranges.forEach((c, forClass) -> forClass.forEach((parameter, range) -> {
      out.put(c.label() + "." + parameter.label() + ".min", range.lowest());
      out.put(c.label() + "." + parameter.label() + ".max", range.highest());
    }));
    return out;
  }

  /**
   * How many friends accounts of a band tend to have (their sociability): Pareto (a power-law
   * tail with exponent {@code shape} above {@code scale}) or log-normal (median {@code scale},
   * spread {@code shape}), capped.
   */
  public record DegreeShape(Family family, double scale, double shape, double cap) {
    public enum Family { PARETO, LOGNORMAL }

    public DegreeShape {
      Objects.requireNonNull(family, "family");
      if (scale <= 0 || shape <= 0 || cap <= 0) {
        throw new IllegalArgumentException("degree shape needs positive scale, shape and cap");
      }
    }
  }

  /**
   * The platform's shape. Age bands are drawn by cumulative shares (a draw below
   * {@code under13Below} is under 13, below {@code age13to15Below} 13-15, below {@code minorsBelow}
   * 16-17, below {@code unknownBelow} unknown, else adult). A minor's friendships are made in its
   * grade, school, an interest group, with any minor, or else with an adult, by cumulative
   * chances; an adult's in its workplace, an interest group, with any adult, else with a minor.
   *
   * @param pupilsPerSchool the size of a school (its pupils)
   * @param pupilsPerStaff pupils per staff member
   * @param workplaceSizeExponent Pareto exponent of workplace sizes
   * @param triadicClosure share of an account's friendships tried again as friend-of-friend links
   * @param minorRequestRate chance a minor sends an ordinary friend request on a day
   * @param adultRequestRate chance an adult sends an ordinary friend request on a day
   * @param popularPoolShare the most-befriended share of minors that a pick "by degree" draws from
   * @param ordinaryFriendOfFriendBelow an ordinary request goes to a friend of a friend below this
   *     draw, to a member of one's communities below {@code ordinaryCommunityBelow}, else to a
   *     stranger of one's own age group
   * @param ordinaryStrangerPopularLean chance a minor's request to a stranger goes to a popular
   *     minor (picked by degree) rather than anyone
   * @param adultAddsMinorChance chance an adult's ordinary request to a minor outside its family
   *     (met in a group, a friend's child) is sent rather than dropped
   * @param familyLinkScale how densely an extended family is linked (1: 80% of pairs of its
   *     children are friends, 70% of its adults, 60% across; scaled, at most 98%)
   */
  public record Platform(
      double under13Below, double age13to15Below, double minorsBelow, double unknownBelow,
      DegreeShape under13Degree, DegreeShape teenDegree, DegreeShape adultDegree,
      int pupilsPerSchool, int pupilsPerStaff, double workplaceSizeExponent,
      double minorGradeBelow, double minorSchoolBelow, double minorInterestBelow,
      double minorAnyMinorBelow,
      double adultWorkBelow, double adultInterestBelow, double adultAnyAdultBelow,
      double triadicClosure, double minorRequestRate, double adultRequestRate,
      double popularPoolShare, double ordinaryFriendOfFriendBelow, double ordinaryCommunityBelow,
      double ordinaryStrangerPopularLean, double adultAddsMinorChance, double familyLinkScale) {

    /** Today's platform: about a third minors, Pareto degrees, schools of 600. */
    public static final Platform FIXED = new Platform(
        0.035, 0.185, 0.34, 0.36,
        new DegreeShape(DegreeShape.Family.PARETO, 4, 2.0, 150),
        new DegreeShape(DegreeShape.Family.PARETO, 8, 1.6, 800),
        new DegreeShape(DegreeShape.Family.PARETO, 6, 1.8, 1500),
        600, 25, 1.5,
        0.45, 0.62, 0.72, 0.985,
        0.40, 0.55, 0.997,
        0.15, 0.07, 0.04,
        0.25, 0.55, 0.9, 0.0, 0.0, 1.0);

    public Platform {
      if (!(0 <= under13Below && under13Below <= age13to15Below && age13to15Below <= minorsBelow
          && minorsBelow <= unknownBelow && unknownBelow <= 1)) {
        throw new IllegalArgumentException("age band shares must be cumulative within 0..1");
      }
      if (!(minorGradeBelow <= minorSchoolBelow && minorSchoolBelow <= minorInterestBelow
          && minorInterestBelow <= minorAnyMinorBelow && minorAnyMinorBelow <= 1
          && adultWorkBelow <= adultInterestBelow && adultInterestBelow <= adultAnyAdultBelow
          && adultAnyAdultBelow <= 1)) {
        throw new IllegalArgumentException("friendship partner chances must be cumulative within 0..1");
      }
      if (pupilsPerSchool < 50 || pupilsPerStaff < 5) {
        throw new IllegalArgumentException("schools need >= 50 pupils and >= 5 pupils per staff");
      }
      if (popularPoolShare <= 0 || popularPoolShare > 1) {
        throw new IllegalArgumentException("popularPoolShare must be within (0, 1]");
      }
    }

    /** Share of accounts declared minors. */
    public double minorShare() {
      return minorsBelow;
    }

    /** Share of a minor's friendship draws made inside its communities (grade, school, interests). */
    public double minorsWithinCommunityShare() {
      return minorInterestBelow;
    }

    /** Share of an adult's friendship draws made inside its communities (workplace, interests). */
    public double adultsWithinCommunityShare() {
      return adultInterestBelow;
    }

    Map<String, Object> describe() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("minorShare", minorsBelow);
      out.put("under13Share", under13Below);
      out.put("age13to15Share", age13to15Below - under13Below);
      out.put("age16to17Share", minorsBelow - age13to15Below);
      out.put("unknownAgeShare", unknownBelow - minorsBelow);
      out.put("degreeModel", teenDegree.family().name().toLowerCase(Locale.ROOT));
      out.put(teenDegree.family() == DegreeShape.Family.PARETO ? "degreeTailExponent" : "degreeSigma",
          teenDegree.shape());
      out.put("degreeScale", teenDegree.scale());
      out.put("under13DegreeShape", under13Degree.shape());
      out.put("under13DegreeScale", under13Degree.scale());
      out.put("adultDegreeShape", adultDegree.shape());
      out.put("adultDegreeScale", adultDegree.scale());
      out.put("pupilsPerSchool", pupilsPerSchool);
      out.put("pupilsPerStaff", pupilsPerStaff);
      out.put("workplaceSizeExponent", workplaceSizeExponent);
      out.put("minorsWithinCommunityShare", minorInterestBelow);
      out.put("minorsToAdultsShare", 1 - minorAnyMinorBelow);
      out.put("adultsWithinCommunityShare", adultInterestBelow);
      out.put("adultsToMinorsShare", 1 - adultAnyAdultBelow);
      out.put("triadicClosure", triadicClosure);
      out.put("minorRequestRate", minorRequestRate);
      out.put("adultRequestRate", adultRequestRate);
      out.put("popularPoolShare", popularPoolShare);
      out.put("ordinaryStrangerShare", 1 - ordinaryCommunityBelow);
      out.put("ordinaryStrangerPopularLean", ordinaryStrangerPopularLean);
      out.put("adultAddsMinorChance", adultAddsMinorChance);
      out.put("familyLinkScale", familyLinkScale);
      return out;
    }
  }
}
