package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Follows {@code nextCursor} through a paginated list, with a page limit and loop detection. */
public final class Pages {

  private Pages() {}

  /**
   * One fetched page.
   *
   * @param items the page's items
   * @param nextCursor the cursor of the next page, or {@code null} on the last
   */
  public record Page<T>(List<T> items, @Nullable String nextCursor) {}

  /**
   * Fetches every page and concatenates the items.
   *
   * @param fetch fetches the page at a cursor ({@code null} for the first)
   * @param maxPages the most pages to fetch before giving up
   * @return fails with an {@link McpException} if the server repeats a cursor or sends more than {@code maxPages};
   *     cancelling it cancels the page being fetched
   */
  public static <T> CompletableFuture<List<T>> all(
      Function<@Nullable String, CompletableFuture<Page<T>>> fetch, int maxPages) {
    AtomicReference<CompletableFuture<Page<T>>> current = new AtomicReference<>();
    CompletableFuture<List<T>> all = new CompletableFuture<>();
    next(fetch, null, new ArrayList<>(), new HashSet<>(), maxPages, current).whenComplete((items, failure) -> {
      if (failure == null) {
        all.complete(items);
      } else {
        all.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause() : failure);
      }
    });
    all.whenComplete((items, failure) -> {
      CompletableFuture<Page<T>> page = current.get();
      if (all.isCancelled() && page != null) {
        page.cancel(true);
      }
    });
    return all;
  }

  private static <T> CompletableFuture<List<T>> next(
      Function<@Nullable String, CompletableFuture<Page<T>>> fetch, @Nullable String cursor, List<T> items,
      Set<String> seen, int pagesLeft, AtomicReference<CompletableFuture<Page<T>>> current) {
    CompletableFuture<Page<T>> fetching = fetch.apply(cursor);
    current.set(fetching);
    return fetching.thenCompose(page -> {
      items.addAll(page.items());
      String following = page.nextCursor();
      if (following == null) {
        return CompletableFuture.completedFuture(List.copyOf(items));
      }
      if (!seen.add(following)) {
        return CompletableFuture.failedFuture(new McpException(ErrorCodes.INTERNAL_ERROR,
            "The server repeated cursor " + following + "; stopping instead of looping"));
      }
      if (pagesLeft <= 1) {
        return CompletableFuture.failedFuture(new McpException(ErrorCodes.INTERNAL_ERROR,
            "The list has more pages than the limit allows"));
      }
      return next(fetch, following, items, seen, pagesLeft - 1, current);
    });
  }
}
