package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * AWX's list query language applied to serialized objects: field filters with Django lookups ({@code name__icontains},
 * {@code status__in}, {@code created__gt}, {@code not__status}, {@code or__status}), {@code search} and
 * {@code order_by}.
 */
final class ListQuery {

  /** Parameters that steer paging or rendering rather than filter. */
  private static final Set<String> RESERVED = Set.of("page", "page_size", "order_by", "order", "search", "format",
      "count_disabled", "limit", "start_line", "end_line", "content_encoding", "dark", "role_level", "host_filter");
  private static final Set<String> LOOKUPS = Set.of("exact", "iexact", "contains", "icontains", "startswith",
      "istartswith", "endswith", "iendswith", "regex", "iregex", "gt", "gte", "lt", "lte", "isnull", "in");
  private static final List<String> SEARCH_FIELDS =
      List.of("name", "description", "username", "first_name", "last_name", "email", "host_name", "module_name",
          "playbook", "event", "stdout");

  private ListQuery() {}

  /** Filters, searches and sorts {@code items} as the query asks; 400 for a filter on a field the items lack. */
  static List<ObjectNode> apply(List<ObjectNode> items, Map<String, List<String>> query) throws ApiException {
    List<ObjectNode> result = new ArrayList<>(items);
    List<ObjectNode> ors = new ArrayList<>();
    boolean anyOr = false;
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      String key = entry.getKey();
      if (RESERVED.contains(key)) {
        continue;
      }
      for (String value : entry.getValue()) {
        boolean negate = false;
        boolean or = false;
        String spec = key;
        if (spec.startsWith("not__")) {
          negate = true;
          spec = spec.substring(5);
        } else if (spec.startsWith("or__")) {
          or = true;
          spec = spec.substring(4);
        } else if (spec.startsWith("chain__")) {
          spec = spec.substring(7);
        }
        Condition condition = Condition.parse(spec, value, items);
        if (or) {
          anyOr = true;
          for (ObjectNode item : result) {
            if (condition.test(item) && !ors.contains(item)) {
              ors.add(item);
            }
          }
        } else {
          final boolean not = negate;
          result.removeIf(item -> condition.test(item) == not);
        }
      }
    }
    if (anyOr) {
      result.retainAll(ors);
    }
    String search = firstOf(query, "search");
    if (search != null && !search.isEmpty()) {
      String needle = search.toLowerCase(Locale.ROOT);
      result.removeIf(item -> SEARCH_FIELDS.stream()
          .map(f -> item.path(f).asText("").toLowerCase(Locale.ROOT)).noneMatch(v -> v.contains(needle)));
    }
    String orderBy = firstOf(query, "order_by");
    if (orderBy == null) {
      orderBy = firstOf(query, "order");
    }
    if (orderBy != null && !orderBy.isBlank()) {
      result.sort(comparator(orderBy));
    }
    return result;
  }

  private static @Nullable String firstOf(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Comparator<ObjectNode> comparator(String orderBy) {
    Comparator<ObjectNode> comparator = null;
    for (String part : orderBy.split(",")) {
      String field = part.trim();
      boolean descending = field.startsWith("-");
      if (descending) {
        field = field.substring(1);
      }
      final String name = field;
      Comparator<ObjectNode> one = (a, b) -> compare(resolve(a, name), resolve(b, name));
      if (descending) {
        one = one.reversed();
      }
      comparator = comparator == null ? one : comparator.thenComparing(one);
    }
    // Ties keep AWX's stable secondary order by id.
    Comparator<ObjectNode> byId = Comparator.comparingInt(n -> n.path("id").asInt());
    return comparator == null ? byId : comparator.thenComparing(byId);
  }

  /** The value at a Django-style path: {@code summary_fields__job_template__name}, or a related id. */
  static JsonNode resolve(ObjectNode item, String path) {
    JsonNode node = item;
    for (String part : path.split("__")) {
      node = node.path(part);
    }
    if (node.isMissingNode() && path.contains("__")) {
      // rel__field: the serializer shows the related object in summary_fields.
      node = item.path("summary_fields");
      for (String part : path.split("__")) {
        node = node.path(part);
      }
    }
    if (node.isObject() && node.has("id")) {
      return node.get("id");
    }
    return node;
  }

  static int compare(JsonNode a, JsonNode b) {
    if (a.isMissingNode() || a.isNull()) {
      return b.isMissingNode() || b.isNull() ? 0 : -1;
    }
    if (b.isMissingNode() || b.isNull()) {
      return 1;
    }
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.asBoolean(), b.asBoolean());
    }
    return a.asText().compareTo(b.asText());
  }

  /** One filter: a field path, a lookup and the value from the query. */
  private record Condition(String path, String lookup, String value) {

    static Condition parse(String spec, String value, List<ObjectNode> items) throws ApiException {
      String path = spec;
      String lookup = "exact";
      int cut = spec.lastIndexOf("__");
      if (cut > 0 && LOOKUPS.contains(spec.substring(cut + 2))) {
        path = spec.substring(0, cut);
        lookup = spec.substring(cut + 2);
      }
      final String field = path;
      if (!items.isEmpty() && items.stream().allMatch(item -> resolve(item, field).isMissingNode())) {
        throw ApiException.detail(400, "Cannot resolve keyword '" + path.split("__")[0] + "' into field.");
      }
      if (lookup.endsWith("regex")) {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw ApiException.detail(400, "Invalid regular expression: " + value);
        }
      }
      return new Condition(path, lookup, value);
    }

    boolean test(ObjectNode item) {
      JsonNode actual = resolve(item, path);
      boolean isNull = actual.isMissingNode() || actual.isNull();
      String text = isNull ? "" : actual.asText();
      String lower = text.toLowerCase(Locale.ROOT);
      String want = value.toLowerCase(Locale.ROOT);
      return switch (lookup) {
        case "isnull" -> isNull == truthy(value);
        case "in" -> Arrays.stream(value.split(",")).anyMatch(v -> equal(actual, v.trim()));
        case "iexact" -> lower.equals(want);
        case "contains" -> text.contains(value);
        case "icontains" -> lower.contains(want);
        case "startswith" -> text.startsWith(value);
        case "istartswith" -> lower.startsWith(want);
        case "endswith" -> text.endsWith(value);
        case "iendswith" -> lower.endsWith(want);
        case "regex" -> !isNull && Pattern.compile(value).matcher(text).find();
        case "iregex" -> !isNull && Pattern.compile(value, Pattern.CASE_INSENSITIVE).matcher(text).find();
        case "gt" -> !isNull && compareTo(actual, value) > 0;
        case "gte" -> !isNull && compareTo(actual, value) >= 0;
        case "lt" -> !isNull && compareTo(actual, value) < 0;
        case "lte" -> !isNull && compareTo(actual, value) <= 0;
        default -> equal(actual, value);
      };
    }

    private static boolean equal(JsonNode actual, String value) {
      if (actual.isMissingNode() || actual.isNull()) {
        return value.equalsIgnoreCase("None") || value.equalsIgnoreCase("Null");
      }
      if (actual.isBoolean()) {
        return actual.asBoolean() == truthy(value);
      }
      if (actual.isNumber()) {
        try {
          return Double.parseDouble(value) == actual.asDouble();
        } catch (NumberFormatException e) {
          return false;
        }
      }
      return actual.asText().equals(value);
    }

    private static int compareTo(JsonNode actual, String value) {
      if (actual.isNumber()) {
        try {
          return Double.compare(actual.asDouble(), Double.parseDouble(value));
        } catch (NumberFormatException e) {
          return actual.asText().compareTo(value);
        }
      }
      // ISO timestamps compare as text; a bare date sorts before every time of that day.
      return actual.asText().compareTo(value);
    }

    private static boolean truthy(String value) {
      return value.equalsIgnoreCase("true") || value.equals("1");
    }
  }
}
