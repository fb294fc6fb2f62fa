package dev.conduit.observability.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The names (tools, prompts, resource URIs) that may be tag values: only names admitted as real, and at most {@code
 * cap} of them; every other name is reported as {@link #OTHER}.
 */
public final class BoundedNames {

  /** The tag value for a name that was not admitted. */
  public static final String OTHER = "other";

  /** The tag value when the request names nothing. */
  public static final String NONE = "none";

  private final int cap;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  /** Admits at most {@code cap} names. */
  public BoundedNames(int cap) {
    this.cap = cap;
  }

  /** The tag value for {@code name}. */
  public String tag(@Nullable String name) {
    if (name == null) {
      return NONE;
    }
    return admitted.contains(name) ? name : OTHER;
  }

  /** Lets {@code name} be a tag value from now on, while fewer than the cap are. */
  public void admit(String name) {
    // Two threads may both pass the size check; the cap is a bound on memory and series, not an exact count.
    if (admitted.size() < cap) {
      admitted.add(name);
    }
  }
}
