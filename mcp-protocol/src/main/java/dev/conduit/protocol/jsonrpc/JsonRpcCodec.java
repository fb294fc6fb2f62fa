package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes JSON-RPC 2.0 messages.
 *
 * <p>Decoding reads the envelope in one streaming pass and never throws: bad input yields a {@link
 * DecodeResult.Failure} carrying the error response to send back. Payloads stay raw until someone binds them (see
 * {@link JsonPayload}). Limits on message size, nesting depth and id length protect the receiver; exceeding one is an
 * invalid request, not a crash.
 *
 * <p>No JSON object in a decoded message repeats a member name, at any depth (names compare once their escapes are
 * decoded, so two spellings of one name are one name): every reader of a message, lazy or binding, sees one value
 * per member. A request or notification that repeats one is an invalid request ({@code -32600}, with the id if it
 * could be read). A response to a request of ours (a result or an error with one readable id) that repeats one
 * decodes as a {@link JsonRpcError} with code {@code -32600} to that id, whose message begins "Invalid response", so
 * that the call fails at once and neither value reaches the caller; JSON-RPC never answers a response.
 *
 * <p>Instances are immutable and thread-safe; share one.
 */
public final class JsonRpcCodec {

  /** Default largest message accepted: 16 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  /** Default deepest nesting of objects and arrays accepted. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 128;

  /** Default longest request id accepted, in characters. */
  public static final int DEFAULT_MAX_ID_LENGTH = 256;

  private static final JsonRpcCodec STANDARD = builder().build();

  private final int maxMessageBytes;
  private final int maxNestingDepth;
  private final int maxIdLength;
  private final EnvelopeDecoder decoder;

  private JsonRpcCodec(Builder builder) {
    this.maxMessageBytes = builder.maxMessageBytes;
    this.maxNestingDepth = builder.maxNestingDepth;
    this.maxIdLength = builder.maxIdLength;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxDocumentLength(maxMessageBytes)
                    .build())
            .build();
    this.decoder = new EnvelopeDecoder(factory, maxMessageBytes, maxNestingDepth, maxIdLength);
  }

  /** A codec with the default limits. */
  public static JsonRpcCodec standard() {
    return STANDARD;
  }

  /** A builder for a codec with other limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** Decodes one message. */
  public DecodeResult decode(byte[] bytes) {
    return decoder.decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes one message from a slice. The codec keeps a reference to {@code bytes} for the raw payloads, so the
   * caller must not reuse the array afterwards.
   */
  public DecodeResult decode(byte[] bytes, int offset, int length) {
    return decoder.decode(bytes, offset, length);
  }

  /** Decodes one message from text. */
  public DecodeResult decode(String json) {
    return decode(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Encodes a message as compact UTF-8 JSON, with no line breaks. */
  public byte[] encode(JsonRpcMessage message) {
    ByteArrayBuilder out = new ByteArrayBuilder(256);
    encode(message, out);
    return out.toByteArray();
  }

  /** Encodes a message as compact UTF-8 JSON text. */
  public String encodeToString(JsonRpcMessage message) {
    return new String(encode(message), StandardCharsets.UTF_8);
  }

  /**
   * Writes a message as compact UTF-8 JSON, with no line breaks, to {@code out}; does not flush or close it.
   *
   * @throws UncheckedIOException if {@code out} fails, or a payload value cannot be serialised
   */
  public void encode(JsonRpcMessage message, OutputStream out) {
    try (JsonGenerator generator = Json.MAPPER.getFactory().createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      EnvelopeEncoder.write(message, generator);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode " + describe(message), e);
    }
  }

  /** The largest message this codec accepts, in bytes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** The deepest nesting this codec accepts. */
  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** The longest request id this codec accepts, in characters. */
  public int maxIdLength() {
    return maxIdLength;
  }

  private static String describe(JsonRpcMessage message) {
    if (message instanceof JsonRpcRequest request) {
      return "request " + request.method();
    }
    if (message instanceof JsonRpcNotification notification) {
      return "notification " + notification.method();
    }
    return "response " + ((JsonRpcResponse) message).id();
  }

  /** Builds a {@link JsonRpcCodec}. */
  public static final class Builder {
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxIdLength = DEFAULT_MAX_ID_LENGTH;

    private Builder() {}

    /** The largest message accepted, in bytes. */
    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = positive(bytes, "maxMessageBytes");
      return this;
    }

    /** The deepest nesting of objects and arrays accepted, the envelope included. */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = positive(depth, "maxNestingDepth");
      return this;
    }

    /** The longest request id accepted, in characters. */
    public Builder maxIdLength(int length) {
      this.maxIdLength = positive(length, "maxIdLength");
      return this;
    }

    public JsonRpcCodec build() {
      return new JsonRpcCodec(this);
    }

    private static int positive(int value, String name) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
