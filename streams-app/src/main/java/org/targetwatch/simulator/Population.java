package org.targetwatch.simulator;

import java.util.Arrays;
import java.util.List;
import org.targetwatch.schema.AgeBand;

/**
 * The accounts of the platform and the communities they belong to, as parallel arrays indexed by
 * account (ids are {@code "a" + index}). Built by {@link PopulationBuilder}; casting may change a
 * planted account's age band, creation time and whether it is part of the existing graph.
 */
final class Population {
  static final long NEVER = Long.MAX_VALUE;

  final int size;
  final AgeBand[] band;
  final long[] createdAt;
  /** When the account is deleted or banned; {@link #NEVER} for most. */
  final long[] deletedAt;
  /** False for accounts that join during or just before the observed period. */
  final boolean[] inExistingGraph;
  /** Fake accounts live no ordinary life: no friends to chat with, no classmates. */
  final boolean[] fake;
  /** Sociability: the degree the account tends to, heavy-tailed. */
  final double[] sociability;
  final int[] grade;
  final int[] school;
  final int[] staffOf;
  final int[] workplace;
  final int[] family;
  final int[][] interests;
  final String[] ids;
  private final List<Community> communities;

  Population(
      AgeBand[] band,
      long[] createdAt,
      double[] sociability,
      int[] grade,
      int[] school,
      int[] staffOf,
      int[] workplace,
      int[] family,
      int[][] interests,
      List<Community> communities) {
    this.size = band.length;
    this.band = band;
    this.createdAt = createdAt;
    this.sociability = sociability;
    this.grade = grade;
    this.school = school;
    this.staffOf = staffOf;
    this.workplace = workplace;
    this.family = family;
    this.interests = interests;
    this.communities = List.copyOf(communities);
    this.deletedAt = new long[size];
    Arrays.fill(deletedAt, NEVER);
    this.inExistingGraph = new boolean[size];
    Arrays.fill(inExistingGraph, true);
    this.fake = new boolean[size];
    this.ids = new String[size];
    for (int i = 0; i < size; i++) {
      ids[i] = "a" + i;
    }
  }

  List<Community> communities() {
    return communities;
  }

  Community community(int id) {
    return communities.get(id);
  }

  boolean isMinor(int account) {
    return isMinorBand(band[account]);
  }

  static boolean isMinorBand(AgeBand b) {
    return b == AgeBand.UNDER_13 || b == AgeBand.AGE_13_15 || b == AgeBand.AGE_16_17;
  }

  /** Exists and is not deleted at the instant. */
  boolean isActive(int account, long at) {
    return createdAt[account] <= at && deletedAt[account] > at;
  }
}
