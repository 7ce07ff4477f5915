package org.targetwatch.friendship;

import org.targetwatch.schema.AgeBand;

/** Which age bands are minors (contract: UNDER_13, 13_15 and 16_17). */
public final class AgeBands {
  private AgeBands() {}

  public static boolean isMinor(AgeBand band) {
    return band == AgeBand.UNDER_13 || band == AgeBand.AGE_13_15 || band == AgeBand.AGE_16_17;
  }

  /**
   * Two minors' bands are peers when they are the same or adjacent (a 15-year-old and a
   * 16-year-old are peers; an 11-year-old and a 17-year-old are not). Adults and unknown bands
   * are nobody's peers here: the question is only asked of minors contacting minors.
   */
  public static boolean arePeers(AgeBand a, AgeBand b) {
    return isMinor(a) && isMinor(b) && Math.abs(a.ordinal() - b.ordinal()) <= 1;
  }
}
