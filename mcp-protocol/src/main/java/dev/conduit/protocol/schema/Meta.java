package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code _meta} object that requests, results, notifications and most schema types carry.
 *
 * <p>Immutable: {@link #with(String, Object)} returns a copy. Typed accessors read the keys the protocol reserves;
 * every other key is kept as it arrived.
 */
public final class Meta {

  /** Correlates {@code notifications/progress} with the request that asked for them. */
  public static final String PROGRESS_TOKEN = "progressToken";

  /** The protocol version of a modern (2026-07-28) request. Required there. */
  public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

  /** The client's capabilities for a modern request. Required there. */
  public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

  /** The client's {@link Implementation} on a modern request. */
  public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

  /** The lowest log level the client wants for a modern request; absent means no log messages. */
  public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

  /** Tags notifications sent on a {@code subscriptions/listen} stream with that request's id. */
  public static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  /** The server's {@link Implementation} on a modern result. */
  public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /** Associates a message with a task (2025-11-25). */
  public static final String RELATED_TASK = "io.modelcontextprotocol/related-task";

  private static final Meta EMPTY = new Meta(Map.of());

  private final Map<String, JsonNode> entries;

  private Meta(Map<String, JsonNode> entries) {
    this.entries = entries;
  }

  /** A {@code _meta} with no entries. */
  public static Meta empty() {
    return EMPTY;
  }

  /** A {@code _meta} holding {@code entries}, in their order. */
  @JsonCreator
  public static Meta of(Map<String, JsonNode> entries) {
    return entries.isEmpty() ? EMPTY : new Meta(Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
  }

  /** Every entry, in order. */
  @JsonValue
  public Map<String, JsonNode> entries() {
    return entries;
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The value at {@code key}, or {@code null}. */
  public @Nullable JsonNode get(String key) {
    return entries.get(key);
  }

  /**
   * A copy with {@code key} set to {@code value} (any value Jackson can turn into JSON), or removed when {@code
   * value} is null.
   */
  public Meta with(String key, @Nullable Object value) {
    Map<String, JsonNode> copy = new LinkedHashMap<>(entries);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, toNode(value));
    }
    return of(copy);
  }

  private static JsonNode toNode(Object value) {
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof RequestId id && id.isNumber()) {
      // valueToTree would turn the id's number text into a float (7 becomes 7.0); parse the literal instead.
      try {
        return Json.MAPPER.readTree(id.text());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("RequestId holds a checked JSON number", e);
      }
    }
    return Json.MAPPER.valueToTree(value);
  }

  /** A copy with every entry of {@code other} added, replacing entries with the same key. */
  public Meta with(Meta other) {
    if (other.isEmpty()) {
      return this;
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>(entries);
    copy.putAll(other.entries);
    return of(copy);
  }

  /** The progress token, if the sender asked for progress notifications. */
  public @Nullable ProgressToken progressToken() {
    JsonNode node = entries.get(PROGRESS_TOKEN);
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return ProgressToken.of(node.textValue());
    }
    return node.isIntegralNumber() ? ProgressToken.ofNumberText(node.asText()) : null;
  }

  /** The protocol version of a modern request, as sent. */
  public @Nullable String protocolVersion() {
    return text(PROTOCOL_VERSION);
  }

  /** The client's capabilities on a modern request. */
  public @Nullable ClientCapabilities clientCapabilities() {
    return bind(CLIENT_CAPABILITIES, ClientCapabilities.class);
  }

  /** The client's implementation on a modern request. */
  public @Nullable Implementation clientInfo() {
    return bind(CLIENT_INFO, Implementation.class);
  }

  /** The server's implementation on a modern result. */
  public @Nullable Implementation serverInfo() {
    return bind(SERVER_INFO, Implementation.class);
  }

  /** The lowest log level wanted for a modern request; {@code null} means none. */
  public @Nullable LoggingLevel logLevel() {
    String level = text(LOG_LEVEL);
    return level == null ? null : LoggingLevel.parse(level).orElse(null);
  }

  /** The id of the {@code subscriptions/listen} request a notification belongs to. */
  public @Nullable String subscriptionId() {
    JsonNode node = entries.get(SUBSCRIPTION_ID);
    return node == null || node.isNull() ? null : node.asText();
  }

  private @Nullable String text(String key) {
    JsonNode node = entries.get(key);
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private <T> @Nullable T bind(String key, Class<T> type) {
    JsonNode node = entries.get(key);
    if (node == null || !node.isObject()) {
      return null;
    }
    try {
      return Json.MAPPER.treeToValue(node, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Meta meta && meta.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
