package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.McpException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Server-side pagination: slices a list into pages and encodes the position as an opaque cursor. A client must not
 * parse a cursor; an unreadable one is an invalid-params error.
 */
final class Cursors {

  private static final String PREFIX = "offset:";

  private Cursors() {}

  /**
   * One page of a list.
   *
   * @param items the page
   * @param nextCursor the cursor of the next page, or {@code null} on the last page
   */
  record Page<T>(List<T> items, @Nullable String nextCursor) {}

  static <T> Page<T> page(List<T> all, @Nullable String cursor, int pageSize) {
    int from = cursor == null ? 0 : decode(cursor);
    if (from > all.size()) {
      throw McpException.invalidParams("Invalid cursor: past the end of the list");
    }
    int to = Math.min(all.size(), from + pageSize);
    return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int offset = Integer.parseInt(text.substring(PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through: not one of ours
    }
    throw McpException.invalidParams("Invalid cursor");
  }
}
