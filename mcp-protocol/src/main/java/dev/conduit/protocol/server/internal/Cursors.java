package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.McpException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Server-side pagination: a page of a {@link Catalog}, and an opaque cursor that names the last item the client has
 * seen (its sequence number), so that pages stay right while the list changes. A client must not parse a cursor; an
 * unreadable one is an invalid-params error.
 */
final class Cursors {

  private static final String PREFIX = "after:";

  private Cursors() {}

  /**
   * One page of a list.
   *
   * @param items the page
   * @param nextCursor the cursor of the next page, or {@code null} on the last page
   */
  record Page<T>(List<T> items, @Nullable String nextCursor) {}

  static <T> Page<T> page(Catalog<T> all, @Nullable String cursor, int pageSize) {
    Catalog.Page<T> page = all.page(cursor == null ? -1 : decode(cursor), pageSize);
    return new Page<>(page.items(), page.last() == null ? null : encode(page.last()));
  }

  private static String encode(long after) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + after).getBytes(StandardCharsets.UTF_8));
  }

  private static long decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        long after = Long.parseLong(text.substring(PREFIX.length()));
        if (after >= 0) {
          return after;
        }
      }
    } catch (IllegalArgumentException e) {
      // fall through: not one of ours
    }
    throw McpException.invalidParams("Invalid cursor");
  }
}
