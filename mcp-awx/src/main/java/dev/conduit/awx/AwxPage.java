package dev.conduit.awx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of an AWX list ({@code count/next/previous/results}).
 *
 * @param count the number of objects in the whole list, or {@code null} when AWX did not count
 *     ({@code count_disabled}, event lists with {@code limit})
 * @param next the link to the next page (relative or absolute, as AWX sent it), or {@code null}
 * @param previous the link to the previous page, or {@code null}
 * @param results the objects of this page
 */
public record AwxPage(@Nullable Long count, @Nullable String next, @Nullable String previous, List<JsonNode> results) {

  /** Copies {@code results}. */
  public AwxPage {
    results = List.copyOf(results);
  }

  /** Whether there is a page after this one. */
  public boolean hasNext() {
    return next != null;
  }
}
