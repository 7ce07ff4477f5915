package org.targetwatch.eventfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-03-01T12:00:00Z", "2026-03-01T12:00:00.1Z", "2026-03-01T12:00:00.12Z", "2026-03-01T12:00:00.123Z",
    "2026-03-01T12:00:00.123456Z", "2026-03-01T12:00:00.123456789Z", "1970-01-01T00:00:00Z",
    "1969-12-31T23:59:59.999Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
    "2026-03-01t12:00:00z", "2026-03-01T12:00:00+01:00", "2016-12-31T23:59:60Z",
    // java.time's own leniencies, kept because Instant.parse defines what is accepted
    "2026-03-01T24:00:00Z", "2026-03-01T12:00:00.Z"
  })
  void theFastFormAndTheFallbackAgreeWithInstantParse(String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
    "2026-03-01T12:60:00Z", "2026-03-01T12:00:00.1234567891Z",
    "2026-03-01T12:00:00", "2026-03-01 12:00:00Z", "2026-3-1T12:00:00Z", "+2026-03-01T12:00:0Z", "", "1772366400000"
  })
  void textThatIsNotAnInstantIsRefused(String text) {
    assertThatThrownBy(() -> IsoInstants.parse(text)).isInstanceOf(DateTimeException.class);
  }
}
