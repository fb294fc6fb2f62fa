package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.jsonrpc.internal.RawJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value inside a message ({@code params}, {@code result}, {@code error.data}) that is bound to a Java type
 * only when someone asks.
 *
 * <p>A payload either holds the raw UTF-8 text it was read from, or a Java value (a record, a {@link JsonNode}, a
 * map) that will be serialised when the message is written. A raw payload is written back byte for byte, and a
 * value payload hands back the very object it holds; so forwarding a message costs neither a bind nor a
 * re-serialisation. For raw JSON objects the codec also indexes the top-level members in the same pass, so that
 * {@link #member(String)} reads one field ({@code name}, {@code _meta}) without binding the rest.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JsonPayload {

  private final byte @Nullable [] buffer;
  private final int offset;
  private final int length;
  private final @Nullable Object value;
  private final @Nullable MemberIndex members;
  private volatile @Nullable Object lastBound;

  private JsonPayload(
      byte @Nullable [] buffer, int offset, int length, @Nullable Object value, @Nullable MemberIndex members) {
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    this.value = value;
    this.members = members;
  }

  /** A payload holding a Java value (a record, a {@link JsonNode}, a map, a list, a string, a number). */
  public static JsonPayload of(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof JsonPayload payload) {
      return payload;
    }
    return new JsonPayload(null, 0, 0, value, null);
  }

  /**
   * A payload over raw UTF-8 JSON text, which must hold exactly one well-formed JSON value. The text is not checked
   * here: reading it fails if it is malformed or an object in it repeats a member name.
   */
  public static JsonPayload ofJson(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return new JsonPayload(bytes, 0, bytes.length, null, null);
  }

  /** Used by the codec: a slice of a message it has already checked to be well-formed. */
  static JsonPayload raw(byte[] buffer, int offset, int length, @Nullable MemberIndex members) {
    return new JsonPayload(buffer, offset, length, null, members);
  }

  /** Whether this payload still holds the raw text it was read from (nobody has bound it to a value). */
  public boolean isRaw() {
    return buffer != null;
  }

  /** Whether the payload is a JSON object. A raw payload answers from its first byte, without parsing. */
  public boolean isObject() {
    if (buffer == null) {
      return value instanceof JsonNode node ? node.isObject() : tree().isObject();
    }
    for (int i = offset; i < offset + length; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b == '{';
      }
    }
    return false;
  }

  /**
   * Binds the payload to {@code type}. A value payload returns its value if it already is a {@code type}; the
   * last binding is cached.
   *
   * @throws IllegalArgumentException if the JSON does not fit {@code type}
   */
  public <T> T as(Class<T> type) {
    Object held = value != null ? value : lastBound;
    if (type.isInstance(held)) {
      return type.cast(held);
    }
    T bound;
    try {
      if (buffer != null) {
        bound = Json.MAPPER.readValue(buffer, offset, length, type);
      } else {
        bound = Json.MAPPER.convertValue(value, type);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
    if (bound == null) {
      throw new IllegalArgumentException("JSON null cannot be bound to " + type.getSimpleName());
    }
    lastBound = bound;
    return bound;
  }

  /**
   * Binds the payload to a generic type.
   *
   * @throws IllegalArgumentException if the JSON does not fit {@code type}
   */
  public <T> T as(TypeReference<T> type) {
    try {
      T bound =
          buffer != null
              ? Json.MAPPER.readValue(buffer, offset, length, type)
              : Json.MAPPER.convertValue(value, type);
      if (bound == null) {
        throw new IllegalArgumentException("JSON null cannot be bound to " + type.getType());
      }
      return bound;
    } catch (IOException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /** The payload as a Jackson tree. Treat it as read-only: it may be shared. */
  public JsonNode tree() {
    return as(JsonNode.class);
  }

  /**
   * A top-level member of a JSON-object payload, without binding the rest; {@code null} if absent or if the
   * payload is not an object.
   *
   * <p>The value returned is the one every other reader of the payload sees, binding included: no object in a
   * payload has two members of one name. The codec refuses any message in which an object, at any depth, repeats a
   * name, so a payload it made has no repeated names; a payload made from text ({@link #ofJson}) or from a value is
   * read through the shared mapper, which fails on a repeated name ({@link IllegalArgumentException}) rather than
   * pick one.
   */
  public @Nullable JsonPayload member(String name) {
    if (members != null && buffer != null) {
      int i = members.indexOf(name);
      if (i < 0) {
        return null;
      }
      int start = members.start(i);
      return raw(buffer, start, members.end(i) - start, null);
    }
    JsonNode node = tree().get(name);
    return node == null || node instanceof MissingNode ? null : of(node);
  }

  /** A top-level string member of a JSON-object payload; {@code null} if absent or not a string. */
  public @Nullable String memberText(String name) {
    JsonPayload member = member(name);
    if (member == null) {
      return null;
    }
    JsonNode node = member.tree();
    return node.isTextual() ? node.textValue() : null;
  }

  /**
   * A copy of this JSON-object payload with member {@code name} set to {@code value}, or removed when {@code value}
   * is null. A raw payload is spliced: every other member is copied byte for byte, never parsed, so putting a new
   * {@code _meta} on a large forwarded request costs one copy, not a bind and a re-serialisation. A member that is
   * already there keeps its place; a new one goes last.
   *
   * @param value any value Jackson can write (a record, a {@link JsonNode}, a map), or another payload
   * @throws IllegalArgumentException if this payload is not a JSON object
   */
  public JsonPayload withMember(String name, @Nullable Object value) {
    Objects.requireNonNull(name, "name");
    if (members == null || buffer == null) {
      if (!(tree() instanceof ObjectNode object)) {
        throw new IllegalArgumentException("Not a JSON object: cannot set member '" + name + "'");
      }
      ObjectNode copy = object.deepCopy();
      if (value == null) {
        copy.remove(name);
      } else {
        copy.set(name, value instanceof JsonPayload payload ? payload.tree() : Json.MAPPER.valueToTree(value));
      }
      return of(copy);
    }
    byte[] replacement = value == null ? null : valueBytes(value);
    return MemberSplice.splice(buffer, members, name, replacement);
  }

  private static byte[] valueBytes(Object value) {
    if (value instanceof JsonPayload payload) {
      return payload.toBytes();
    }
    try {
      return Json.MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot write the value as JSON: " + Json.describe(e), e);
    }
  }

  /** Writes the payload as the next value of {@code generator}. */
  public void writeTo(JsonGenerator generator) throws IOException {
    if (buffer != null) {
      generator.writeRawValue(new RawJson(buffer, offset, length));
    } else {
      Json.MAPPER.writeValue(generator, value);
    }
  }

  /** The payload as compact UTF-8 JSON. */
  public byte[] toBytes() {
    if (buffer != null) {
      return Arrays.copyOfRange(buffer, offset, offset + length);
    }
    try {
      return Json.MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The payload as JSON text. */
  @Override
  public String toString() {
    return buffer != null
        ? new String(buffer, offset, length, StandardCharsets.UTF_8)
        : new String(toBytes(), StandardCharsets.UTF_8);
  }

  private static String describe(IOException e) {
    return Json.describe(e);
  }

  /**
   * Where the top-level members of a raw JSON object lie, recorded by the codec as it scans. A member's value ends
   * where the next token begins, less the separators between them; so no value is ever parsed to find its end. Names
   * are unique: the codec does not make a payload from an object that repeats one.
   */
  static final class MemberIndex {
    private String[] names = new String[4];
    private int[] bounds = new int[8];
    private int size;

    void add(String name, int start) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        bounds = Arrays.copyOf(bounds, size * 4);
      }
      names[size] = name;
      bounds[2 * size] = start;
      size++;
    }

    /** Ends the last member's value before {@code nextToken}, skipping the whitespace and comma in between. */
    void endLast(byte[] buffer, int nextToken) {
      if (size == 0) {
        return;
      }
      int end = nextToken;
      while (end > bounds[2 * (size - 1)] && isSeparator(buffer[end - 1])) {
        end--;
      }
      bounds[2 * (size - 1) + 1] = end;
    }

    private static boolean isSeparator(byte b) {
      return b == ',' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    int indexOf(String name) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }

    int size() {
      return size;
    }

    String name(int i) {
      return names[i];
    }

    int start(int i) {
      return bounds[2 * i];
    }

    int end(int i) {
      return bounds[2 * i + 1];
    }
  }
}
