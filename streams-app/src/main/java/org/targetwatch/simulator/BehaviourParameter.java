package org.targetwatch.simulator;

/**
 * A behaviour parameter a randomized world draws per account, within the world's range for the
 * account's class. The label is the name written to {@code labels.json} (format
 * {@code targetwatch-labels/2}); docs/simulator.md says what each means and its widest range.
 */
public enum BehaviourParameter {
  /** Offenders: minors it plans to contact. Look-alikes: contacts it plans (per day for spam and creators). */
  INTENSITY("intensity"),
  /** Offenders: the share of its minor targets picked by degree rather than at random. */
  DEGREE_PICKED_SHARE("degreePickedShare"),
  /** Offenders: the chance that its least popular minor targets accept (or answer a message). */
  BASE_ACCEPTANCE("baseAcceptance"),
  /** Offenders: added to the acceptance chance in proportion to the target's degree rank among minors. */
  POPULARITY_ACCEPTANCE_BONUS("popularityAcceptanceBonus"),
  /** Snowball: added to the acceptance chance of a minor who shares a victim as a friend. */
  MUTUAL_FRIEND_ACCEPTANCE_BONUS("mutualFriendAcceptanceBonus"),
  /** The chance that an accepted minor is moved to private messages. */
  ESCALATION_CHANCE("escalationChance"),
  /** Days over which it makes its contacts. */
  ACTIVE_DAYS("activeDays"),
  /** Share of the observed period gone before it starts. */
  FIRST_DAY_SHARE("firstDayShare"),
  /** Burst: the bursts it fires, and how long each lasts. */
  BURSTS("bursts"),
  BURST_MINUTES("burstMinutes"),
  /** Established (real, older, with friends) rather than a new account: drawn as a chance per account. */
  ESTABLISHED("established"),
  /** Account age at the start, in days. */
  ACCOUNT_AGE_DAYS("accountAgeDays"),
  /** Friends it has at the start (established) or makes first among adults (new accounts). */
  OWN_FRIENDS("ownFriends"),
  /** A fake profile claims a minor's age band (1) or an adult's (0): drawn as a chance. */
  CLAIMS_MINOR_BAND("claimsMinorBand"),
  /** Share of its minor targets of its own claimed band. */
  SAME_BAND_SHARE("sameBandShare"),
  /** Dilution: share of adults among its contacts. */
  DILUTION_SHARE("dilutionShare"),
  /** Rings: members operated together. */
  RING_SIZE("ringSize"),
  /**
   * Rings: the overlap the operator aims at, as a mean pairwise Jaccard of the members' target
   * sets; the list share follows from it (the planned overlap is recorded as ringOverlap).
   */
  RING_INTENDED_OVERLAP("ringIntendedOverlap"),
  /** Rings: share of each member's targets taken from the ring's shared list. */
  RING_LIST_SHARE("ringListShare"),
  /** Rings: shared list size relative to a member's targets. */
  RING_LIST_FACTOR("ringListFactor"),
  /** Look-alikes: how strongly it leans toward the pattern (the share of its picks made by degree). */
  PATTERN_OVERLAP("patternOverlap"),
  /** Teacher: schools whose pupils it adds. */
  SCHOOLS("schools"),
  /** Creator: share of minors among its fans. */
  MINOR_FAN_SHARE("minorFanShare"),
  /** Creator: share of fans who wrote first that it sends a friend request to. */
  BEFRIENDS_FANS_SHARE("befriendsFansShare"),
  /** Gamer teen: share of its targets outside its own age band. */
  OTHER_BAND_SHARE("otherBandShare");

  private final String label;

  BehaviourParameter(String label) {
    this.label = label;
  }

  /** The name in labels.json. */
  public String label() {
    return label;
  }
}
