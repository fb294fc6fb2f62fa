package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * AWX's page envelope: {@code count}, relative {@code next}/{@code previous} built from the request's own path and
 * query, {@code results}; 25 a page by default, at most 200; {@code count_disabled} and the events' {@code limit}.
 */
final class Pager {

  static final int DEFAULT_PAGE_SIZE = 25;
  static final int MAX_PAGE_SIZE = 200;

  private Pager() {}

  /** Filters, sorts and pages the items, each shown as a list shows it. */
  static ObjectNode page(Request request, List<ObjectNode> items) throws ApiException {
    return page(request, items, false);
  }

  /** As {@link #page(Request, List)}; {@code events} also honours {@code ?limit=N} (results only, no links). */
  static ObjectNode page(Request request, List<ObjectNode> items, boolean events) throws ApiException {
    List<ObjectNode> selected = ListQuery.apply(items, request.query());
    if (events && request.param("limit") != null) {
      int limit = positive(request.param("limit"), DEFAULT_PAGE_SIZE);
      ObjectNode body = Json.object();
      selected.subList(0, Math.min(limit, selected.size())).forEach(body.withArray("results")::add);
      return body;
    }
    int pageSize = Math.min(positive(request.param("page_size"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    boolean countDisabled = request.query().containsKey("count_disabled");
    int pages = countDisabled ? 1 : Math.max(1, (selected.size() + pageSize - 1) / pageSize);
    int page;
    String pageParam = request.param("page");
    try {
      page = pageParam == null ? 1 : Integer.parseInt(pageParam.trim());
    } catch (NumberFormatException e) {
      // DRF accepts "last" as a page number too.
      if (!"last".equals(pageParam)) {
        throw ApiException.detail(404, "Invalid page.");
      }
      page = pages;
    }
    if (page < 1 || page > pages) {
      throw ApiException.detail(404, "Invalid page.");
    }
    int from = Math.min((page - 1) * pageSize, selected.size());
    int to = Math.min(from + pageSize, selected.size());
    ObjectNode body = Json.object();
    if (!countDisabled) {
      body.put("count", selected.size());
      body.put("next", page < pages ? link(request, page + 1) : null);
      body.put("previous", page > 1 ? link(request, page - 1) : null);
    }
    ArrayNode results = body.putArray("results");
    selected.subList(from, to).forEach(n -> results.add(Views.listItem(n, request.received())));
    return body;
  }

  /** A response of a single page: how AWX lists a list that is not paged ({@code /me/}). */
  static ObjectNode single(List<ObjectNode> items) {
    ObjectNode body = Json.object();
    body.put("count", items.size());
    body.putNull("next");
    body.putNull("previous");
    body.putArray("results").addAll(items);
    return body;
  }

  private static int positive(@Nullable String value, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      return parsed > 0 ? parsed : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /**
   * The request's own path and query with {@code page} replaced and an oversized {@code page_size} capped; the
   * parameters come out sorted by name, as Django REST framework's {@code replace_query_param} writes them.
   */
  private static String link(Request request, int page) {
    String full = request.fullPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    String query = q < 0 ? "" : full.substring(q + 1);
    TreeMap<String, List<String>> params = new TreeMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    params.put("page", List.of(Integer.toString(page)));
    List<String> size = params.get("page_size");
    if (size != null && positive(size.get(0), 0) > MAX_PAGE_SIZE) {
      params.put("page_size", List.of(Integer.toString(MAX_PAGE_SIZE)));
    }
    StringJoiner out = new StringJoiner("&");
    params.forEach((key, values) -> values.forEach(v -> out.add(key + "=" + v)));
    return path + "?" + out;
  }
}
