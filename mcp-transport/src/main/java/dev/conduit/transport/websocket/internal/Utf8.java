package dev.conduit.transport.websocket.internal;

/** Sizes of text as UTF-8 bytes, without encoding it. */
final class Utf8 {

  private Utf8() {}

  /**
   * How many bytes {@code text} takes in UTF-8. Each half of a surrogate pair counts two, so a pair counts its four
   * bytes even when a container splits it across two pieces of a message.
   */
  static long length(CharSequence text) {
    long bytes = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        bytes += 2;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
