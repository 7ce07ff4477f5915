package org.targetwatch.friendship;

/** Avro's variable-length integers in stored bytes, shared by the byte-level readers of this package. */
final class Varints {
  private Varints() {}

  /** The position after the varint at {@code position}, or -1 when it runs past the end. */
  static int skip(byte[] bytes, int position) {
    while (position < bytes.length) {
      if ((bytes[position++] & 0x80) == 0) {
        return position;
      }
    }
    return -1;
  }
}
