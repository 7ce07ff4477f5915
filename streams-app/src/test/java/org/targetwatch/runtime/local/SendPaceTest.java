package org.targetwatch.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At most N a second, every second: a sender held up goes on at the rate instead of bursting to catch up. */
class SendPaceTest {
  private static final long MS = 1_000_000L;

  @Test
  void eventsAreDueOneEveryIntervalFromTheStart() {
    SendPace pace = new SendPace(1_000, 0);

    assertThat(pace.nextDue(0)).isZero();
    assertThat(pace.nextDue(0)).isEqualTo(MS);
    assertThat(pace.nextDue(MS)).isEqualTo(2 * MS);
  }

  @Test
  void aSenderAFewHundredMillisecondsLateCatchesUpWithinTheSlack() {
    SendPace pace = new SendPace(1_000, 0);
    pace.nextDue(0);

    assertThat(pace.nextDue(500 * MS)).as("behind by less than the slack: due as scheduled").isEqualTo(MS);
  }

  @Test
  void aSenderHeldUpLongerGoesOnAtTheRateFromWhereItWasLetGo() {
    SendPace pace = new SendPace(1_000, 0);
    for (int i = 0; i < 10; i++) {
      pace.nextDue(i * MS);
    }
    long letGo = 31_000 * MS; // 31 s waiting for a registry

    long first = pace.nextDue(letGo);
    long second = pace.nextDue(letGo);
    long thousandth = 0;
    for (int i = 2; i < 1_000; i++) {
      thousandth = pace.nextDue(letGo);
    }

    assertThat(first).isEqualTo(letGo);
    assertThat(second).isEqualTo(letGo + MS);
    assertThat(thousandth - first).as("the next thousand events take a second, not a burst").isEqualTo(999 * MS);
  }
}
