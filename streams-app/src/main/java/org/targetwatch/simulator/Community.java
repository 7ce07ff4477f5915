package org.targetwatch.simulator;

/**
 * A group of accounts that know each other offline or share something: the grade of a school,
 * the whole school, the school's staff, a workplace, an extended family, an interest group.
 *
 * @param id index in {@link Population#communities()}
 * @param kind what brings the members together
 * @param members account indexes, ascending
 * @param school the school the community belongs to (grade, school, staff), otherwise -1
 */
record Community(int id, Kind kind, int[] members, int school) {

  enum Kind {
    GRADE,
    SCHOOL,
    STAFF,
    WORKPLACE,
    FAMILY,
    /** Gaming and other interests that draw mostly teens. */
    TEEN_INTEREST,
    ADULT_INTEREST
  }
}
