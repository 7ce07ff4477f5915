package org.targetwatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertIdTest {
  private static final long DAY = Duration.ofDays(1).toMillis();

  @Test
  void theSameAlertRaisedByAnotherEventInTheSameCooldownPeriodKeepsItsId() {
    assertThat(AlertFactory.alertId("a1", "HIGH", "burst", 10 * DAY + 1_000, DAY))
        .isEqualTo(AlertFactory.alertId("a1", "HIGH", "burst", 10 * DAY + 60_000, DAY));
  }

  @Test
  void twoAlertsACooldownApartNeverShareAnId() {
    long first = 10 * DAY + DAY / 10;
    assertThat(AlertFactory.alertId("a1", "HIGH", "burst", first, DAY))
        .isNotEqualTo(AlertFactory.alertId("a1", "HIGH", "burst", first + DAY, DAY));
  }

  @Test
  void accountSeverityAndWindowEachMakeADifferentId() {
    String base = AlertFactory.alertId("a1", "HIGH", "burst", DAY, DAY);
    assertThat(base)
        .isNotEqualTo(AlertFactory.alertId("a2", "HIGH", "burst", DAY, DAY))
        .isNotEqualTo(AlertFactory.alertId("a1", "CRITICAL", "burst", DAY, DAY))
        .isNotEqualTo(AlertFactory.alertId("a1", "HIGH", "long", DAY, DAY));
  }
}
