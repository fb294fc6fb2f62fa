package dev.conduit.protocol.jsonrpc;

import java.util.Arrays;
import java.util.HashSet;
import org.jspecify.annotations.Nullable;

/**
 * The member names seen so far in each JSON object open during one decode, so that the decoder's single pass can
 * refuse an object that repeats a name: Jackson binds the last of two {@code name} members while a lazy reader of the
 * raw text would see the first, and an interceptor that checks one would let the handler run the other.
 *
 * <p>Most objects have a handful of members, so their names sit on one stack shared by every depth and a new name is
 * compared with those before it: no allocation beyond the stack. An object that outgrows {@link #SCAN_LIMIT} moves
 * its names into a hash set kept for its depth, so that a wide object costs linear time, not quadratic. That set is a
 * {@link HashSet}, not a leaner open-addressed table, because the names are the peer's: colliding {@code hashCode}s
 * are easy to make, and a {@code HashMap} keeps such a bin a balanced tree instead of a quadratic probe. One instance
 * serves one decode on one thread.
 */
final class MemberNames {

  /**
   * The most names an object keeps on the stack. Measured with {@code benchmarks/CodecDecode} (4, 8 and 16): the
   * times were alike within the noise of a shared machine, but a hash set costs some 50 bytes per member, and at 16
   * nearly every MCP object (params, arguments, {@code _meta}, content blocks) allocates nothing.
   */
  static final int SCAN_LIMIT = 16;

  /** A set that grew past this is dropped rather than cleared: clearing costs its capacity, not its size. */
  private static final int REUSABLE_SET_SIZE = 64;

  /** In {@link #starts}: the object's names are in its depth's hash set. */
  private static final int HASHED = -1;

  private String[] stack = new String[16];
  private int top;
  private int[] starts = new int[8];
  private int depth;
  private @Nullable HashSet<String> @Nullable [] sets;

  /** An object begins; its names start empty. */
  void open() {
    if (depth == starts.length) {
      starts = Arrays.copyOf(starts, depth * 2);
    }
    starts[depth++] = top;
  }

  /** Records {@code name} in the innermost open object; false if that object already has a member so named. */
  boolean add(String name) {
    int start = starts[depth - 1];
    if (start == HASHED) {
      return set(depth - 1).add(name);
    }
    for (int i = start; i < top; i++) {
      if (stack[i].equals(name)) {
        return false;
      }
    }
    if (top - start == SCAN_LIMIT) {
      HashSet<String> set = set(depth - 1);
      set.addAll(Arrays.asList(stack).subList(start, top));
      set.add(name);
      // The object's nested objects stack their names from here; when it closes, top is back at its start.
      top = start;
      starts[depth - 1] = HASHED;
      return true;
    }
    if (top == stack.length) {
      stack = Arrays.copyOf(stack, top * 2);
    }
    stack[top++] = name;
    return true;
  }

  /** The innermost open object ends. */
  void close() {
    int start = starts[--depth];
    if (start != HASHED) {
      top = start;
      return;
    }
    HashSet<String> set = set(depth);
    if (set.size() > REUSABLE_SET_SIZE) {
      sets[depth] = null;
    } else {
      set.clear();
    }
  }

  @SuppressWarnings("unchecked")
  private HashSet<String> set(int level) {
    if (sets == null || level >= sets.length) {
      sets = sets == null ? (HashSet<String>[]) new HashSet<?>[Math.max(8, level + 1)]
          : Arrays.copyOf(sets, Math.max(sets.length * 2, level + 1));
    }
    HashSet<String> set = sets[level];
    if (set == null) {
      set = new HashSet<>();
      sets[level] = set;
    }
    return set;
  }
}
