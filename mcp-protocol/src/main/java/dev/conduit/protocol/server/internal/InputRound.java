package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.schema.InputRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The client input one run of a modern handler can see: the answers from earlier rounds and this one, and the
 * questions the handler asked that have no answer yet. Keys of unnamed questions are numbered in the order the
 * handler asks, which a replayed handler repeats.
 */
final class InputRound {

  private final Map<String, JsonNode> answers;
  private final Map<String, InputRequest> unanswered = new LinkedHashMap<>();
  private int sequence;

  InputRound(Map<String, JsonNode> answers) {
    this.answers = answers;
  }

  /** The key of the next unnamed question of {@code kind}. */
  synchronized String nextKey(String kind) {
    return kind + "-" + (++sequence);
  }

  synchronized @Nullable JsonNode answer(String key) {
    return answers.get(key);
  }

  synchronized void ask(String key, InputRequest request) {
    unanswered.put(key, request);
  }

  synchronized boolean complete() {
    return unanswered.isEmpty();
  }

  synchronized Map<String, InputRequest> unanswered() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(unanswered));
  }

  synchronized List<String> unansweredKeys() {
    return new ArrayList<>(unanswered.keySet());
  }

  synchronized Map<String, JsonNode> answers() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(answers));
  }

  /** Thrown through the handler when it asks for input that has not arrived; ends the round. */
  static final class Required extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Required() {
      super("Input required", null, false, false);
    }
  }
}
