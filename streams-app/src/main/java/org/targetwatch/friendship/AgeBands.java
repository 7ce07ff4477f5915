package org.targetwatch.friendship;

import org.targetwatch.schema.AgeBand;

/** Which age bands are minors (contract: UNDER_13, 13_15 and 16_17). */
public final class AgeBands {
  private AgeBands() {}

  public static boolean isMinor(AgeBand band) {
    return band == AgeBand.UNDER_13 || band == AgeBand.AGE_13_15 || band == AgeBand.AGE_16_17;
  }
}
