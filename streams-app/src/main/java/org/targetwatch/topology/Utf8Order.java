package org.targetwatch.topology;

import java.util.Comparator;

/**
 * The order of strings by their UTF-8 bytes, which is the order Kafka Streams' stores keep string
 * keys in (they compare serialised keys byte by byte): code-point order. It differs from
 * {@link String#compareTo} only where a character above U+FFFF (a surrogate pair in a Java string)
 * meets one in U+E000..U+FFFF.
 */
public final class Utf8Order {
  public static final Comparator<String> COMPARATOR = Utf8Order::compare;

  private Utf8Order() {}

  public static int compare(String a, String b) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        return Integer.compare(rank(x), rank(y));
      }
    }
    return a.length() - b.length();
  }

  /** Moves the surrogates (D800..DFFF) above E000..FFFF, where their code points sort. */
  private static int rank(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
