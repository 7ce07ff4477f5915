package org.targetwatch.eventfile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses ISO-8601 instants. Nearly every timestamp in a file has the form {@code
 * 2026-03-01T12:00:00Z} or {@code 2026-03-01T12:00:00.123Z}; that form is parsed directly because
 * {@link Instant#parse} costs more than the rest of a line. Anything else goes to {@link
 * Instant#parse}, which is the definition of what is accepted.
 */
final class IsoInstants {

  private static final int[] NANOS_PER_DIGIT = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoInstants() {}

  /** @throws DateTimeException when the text is not an ISO-8601 instant */
  static Instant parse(String text) {
    Instant instant = parseCommonForm(text);
    return instant != null ? instant : Instant.parse(text);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null for any other text. */
  private static Instant parseCommonForm(String s) {
    int length = s.length();
    if (length < 20 || length == 21 || length > 30
        || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      int fraction = s.charAt(19) == '.' ? digits(s, 20, fractionDigits) : -1;
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * NANOS_PER_DIGIT[fractionDigits];
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay(); // rejects 2026-02-30
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal value of {@code count} ASCII digits, or -1 if any is not a digit. */
  private static int digits(String s, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
