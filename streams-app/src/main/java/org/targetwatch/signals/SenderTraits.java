package org.targetwatch.signals;

import org.targetwatch.schema.AgeBand;

/**
 * What is known of the sender at evaluation time: the fake-profile traits and the sender's own
 * baseline for contacting minors.
 *
 * @param accountAgeDays days since the account was created; -1 when unknown
 * @param degree the sender's friend count
 * @param ageBand the sender's declared age band
 * @param friendsMinorShare share of minors among the sender's friends of known age; -1 when unknown
 */
public record SenderTraits(double accountAgeDays, int degree, AgeBand ageBand, double friendsMinorShare) {
  public boolean accountAgeKnown() {
    return accountAgeDays >= 0;
  }
}
