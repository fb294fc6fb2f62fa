package dev.conduit.awx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.AwxClient;
import dev.conduit.awx.AwxException;
import dev.conduit.awx.AwxPage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks an AWX list page by page as the iteration goes: follows the {@code next} links, or, when AWX sends none
 * because counting is disabled, asks for the next page number until a page comes back short (or 404).
 */
public final class PageIterator implements Iterator<JsonNode> {

  private final AwxClient client;
  private final String path;
  private final Map<String, String> query;
  private Iterator<JsonNode> current = List.<JsonNode>of().iterator();
  private @Nullable AwxPage last;
  private int pageNumber = 1;
  private boolean done;

  /** Iterates the list at {@code path}, starting with the page {@code query} asks for. */
  public PageIterator(AwxClient client, String path, Map<String, String> query) {
    this.client = client;
    this.path = path;
    this.query = query;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && !done) {
      fetch();
    }
    return current.hasNext();
  }

  @Override
  public JsonNode next() {
    if (!hasNext()) {
      throw new java.util.NoSuchElementException();
    }
    return current.next();
  }

  private void fetch() {
    AwxPage previous = last;
    AwxPage page;
    if (previous == null) {
      page = client.page(path, query);
    } else if (previous.next() != null) {
      page = client.page(previous.next());
    } else {
      // count_disabled answers carry no links: ask for the next page number until one comes back short.
      Map<String, String> numbered = new LinkedHashMap<>(query);
      numbered.put("page", Integer.toString(++pageNumber));
      try {
        page = client.page(path, numbered);
      } catch (AwxException e) {
        if (e.isNotFound()) {
          done = true;
          return;
        }
        throw e;
      }
    }
    last = page;
    current = page.results().iterator();
    boolean linked = page.next() != null;
    boolean counted = page.count() != null;
    int size = Integer.parseInt(query.getOrDefault("page_size", "25"));
    done = !linked && (counted || page.results().size() < size || page.results().isEmpty());
  }
}
