package dev.conduit.protocol.server.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One kind of registered item (tools, say), in the order the items were first added; immutable, so that a request
 * reads one consistent list. Every item keeps the sequence number it was first added with, and a page cursor names
 * the last number a client has seen: items added later come after it, removed items drop out, and nothing the client
 * has not seen is skipped however the list changes between pages.
 */
final class Catalog<E> {

  private static final Catalog<?> EMPTY = new Catalog<>(Map.of(), Map.of());

  private final Map<String, E> items;
  private final Map<String, Long> sequence;
  private final List<E> values;
  private final long[] numbers;

  private Catalog(Map<String, E> items, Map<String, Long> sequence) {
    this.items = items;
    this.sequence = sequence;
    this.values = List.copyOf(items.values());
    this.numbers = new long[values.size()];
    int i = 0;
    for (String key : items.keySet()) {
      numbers[i++] = sequence.get(key);
    }
  }

  @SuppressWarnings("unchecked")
  static <E> Catalog<E> empty() {
    return (Catalog<E>) EMPTY;
  }

  /** A copy with {@code entry} under {@code key}: in the old entry's place if there was one, else last as {@code number}. */
  Catalog<E> with(String key, E entry, long number) {
    Map<String, E> copy = new LinkedHashMap<>(items);
    Map<String, Long> numbers = new LinkedHashMap<>(sequence);
    copy.put(key, entry);
    numbers.putIfAbsent(key, number);
    return new Catalog<>(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(numbers));
  }

  /** A copy without {@code key} (this one, if it has no such item). */
  Catalog<E> without(String key) {
    if (!items.containsKey(key)) {
      return this;
    }
    Map<String, E> copy = new LinkedHashMap<>(items);
    Map<String, Long> numbers = new LinkedHashMap<>(sequence);
    copy.remove(key);
    numbers.remove(key);
    return new Catalog<>(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(numbers));
  }

  @Nullable E get(String key) {
    return items.get(key);
  }

  boolean contains(String key) {
    return items.containsKey(key);
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  List<E> values() {
    return values;
  }

  /**
   * Up to {@code size} items whose sequence number is greater than {@code after}.
   *
   * @return the items, and the number of the last one if more follow it (else {@code null})
   */
  Page<E> page(long after, int size) {
    int from = Arrays.binarySearch(numbers, after);
    from = from >= 0 ? from + 1 : -from - 1;
    int to = Math.min(values.size(), from + size);
    List<E> slice = new ArrayList<>(values.subList(from, to));
    return new Page<>(slice, to < values.size() ? Long.valueOf(numbers[to - 1]) : null);
  }

  /** One page: its items, and the sequence number to continue after, if there is more. */
  record Page<E>(List<E> items, @Nullable Long last) {}
}
