package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a JSON-RPC envelope in one streaming pass. Payloads are not parsed into values: their bytes are skipped
 * (which checks that they are well-formed) and kept as raw slices, with the positions of their top-level members.
 *
 * <p>The same pass reads every member name of every object, at any depth, and refuses a message in which an object
 * repeats one (see {@link MemberNames}): JSON leaves the meaning of such an object open, and the readers of a message
 * (the raw member index, Jackson's binding, a peer) would each pick a different value.
 */
final class EnvelopeDecoder {

  private final JsonFactory factory;
  private final int maxMessageBytes;
  private final int maxNestingDepth;
  private final int maxIdLength;

  EnvelopeDecoder(JsonFactory factory, int maxMessageBytes, int maxNestingDepth, int maxIdLength) {
    this.factory = factory;
    this.maxMessageBytes = maxMessageBytes;
    this.maxNestingDepth = maxNestingDepth;
    this.maxIdLength = maxIdLength;
  }

  DecodeResult decode(byte[] buffer, int offset, int length) {
    if (length > maxMessageBytes) {
      return invalid(null, "message of " + length + " bytes exceeds the limit of " + maxMessageBytes);
    }
    try (JsonParser parser = factory.createParser(buffer, offset, length)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return parseError("empty message");
      }
      if (first != JsonToken.START_OBJECT) {
        parser.skipChildren();
        if (parser.nextToken() != null) {
          return parseError("trailing content after the JSON value");
        }
        return first == JsonToken.START_ARRAY
            ? invalid(null, "batches are not supported; send one message at a time")
            : invalid(null, "a message must be a JSON object");
      }
      Envelope envelope = new Envelope();
      envelope.names.open();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        envelope.checkName(name, null);
        JsonToken value = parser.nextToken();
        readMember(envelope, name, value, parser, buffer, offset);
      }
      envelope.names.close();
      if (parser.nextToken() != null) {
        return parseError("trailing content after the JSON object");
      }
      return envelope.toResult(maxIdLength);
    } catch (StreamConstraintsException e) {
      return invalid(null, describeLimit(e));
    } catch (JsonProcessingException e) {
      return parseError("invalid JSON");
    } catch (IOException | RuntimeException e) {
      // Reading from an in-memory array cannot fail for I/O reasons; anything else is malformed input in disguise.
      return parseError("invalid JSON");
    }
  }

  private void readMember(
      Envelope envelope, String name, JsonToken value, JsonParser parser, byte[] buffer, int offset)
      throws IOException {
    switch (name) {
      case "jsonrpc" -> {
        envelope.mark(name);
        envelope.version = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        skipValue(envelope, name, parser);
      }
      case "id" -> {
        envelope.mark(name);
        readId(envelope, value, parser);
      }
      case "method" -> {
        envelope.mark(name);
        if (value == JsonToken.VALUE_STRING) {
          envelope.method = parser.getText();
        } else {
          envelope.malformed = "method must be a string";
          skipValue(envelope, name, parser);
        }
      }
      case "params" -> {
        envelope.mark(name);
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          envelope.params = readPayload(envelope, name, value, parser, buffer, offset);
        } else {
          envelope.malformed = "params must be an object";
        }
      }
      case "result" -> {
        envelope.mark(name);
        envelope.result = readPayload(envelope, name, value, parser, buffer, offset);
      }
      case "error" -> {
        envelope.mark(name);
        readError(envelope, value, parser, buffer, offset);
      }
      default -> skipValue(envelope, "member " + Json.quote(name), parser);
    }
  }

  private static void readId(Envelope envelope, JsonToken value, JsonParser parser) throws IOException {
    switch (value) {
      case VALUE_STRING -> envelope.id = RequestId.of(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> envelope.id = RequestId.ofNumberText(parser.getText());
      case VALUE_NULL -> envelope.nullId = true;
      default -> {
        envelope.badId = "id must be a string or a number";
        skipValue(envelope, "id", parser);
      }
    }
  }

  private static JsonPayload readPayload(
      Envelope envelope, String where, JsonToken value, JsonParser parser, byte[] buffer, int offset)
      throws IOException {
    int start = (int) parser.currentTokenLocation().getByteOffset();
    JsonPayload.MemberIndex members = null;
    if (value == JsonToken.START_OBJECT) {
      members = new JsonPayload.MemberIndex();
      envelope.names.open();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        members.endLast(buffer, offset + (int) parser.currentTokenLocation().getByteOffset());
        String name = parser.currentName();
        envelope.checkName(name, where);
        parser.nextToken();
        members.add(name, offset + (int) parser.currentTokenLocation().getByteOffset());
        skipValue(envelope, where, parser);
      }
      envelope.names.close();
      members.endLast(buffer, offset + (int) parser.currentTokenLocation().getByteOffset());
    } else if (value == JsonToken.START_ARRAY) {
      skipValue(envelope, where, parser);
    } else {
      parser.finishToken();
    }
    int end = (int) parser.currentLocation().getByteOffset();
    return JsonPayload.raw(buffer, offset + start, end - start, members);
  }

  /**
   * Skips the value at the current token as {@link JsonParser#skipChildren()} would, reading the same tokens, but
   * checks the member names of every object inside it on the way.
   */
  private static void skipValue(Envelope envelope, String where, JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    int open = 0;
    while (true) {
      if (token == JsonToken.FIELD_NAME) {
        envelope.checkName(parser.currentName(), where);
      } else if (token == JsonToken.START_OBJECT) {
        envelope.names.open();
        open++;
      } else if (token == JsonToken.END_OBJECT) {
        envelope.names.close();
        open--;
      } else if (token == JsonToken.START_ARRAY) {
        open++;
      } else if (token == JsonToken.END_ARRAY) {
        open--;
      } else if (token == null) {
        throw new JsonParseException(parser, "unexpected end of input");
      }
      if (open == 0) {
        return;
      }
      token = parser.nextToken();
    }
  }

  private static void readError(
      Envelope envelope, JsonToken value, JsonParser parser, byte[] buffer, int offset) throws IOException {
    if (value != JsonToken.START_OBJECT) {
      envelope.malformed = "error must be an object";
      skipValue(envelope, "error", parser);
      return;
    }
    Integer code = null;
    String message = null;
    JsonPayload data = null;
    envelope.names.open();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      envelope.checkName(name, "error");
      JsonToken member = parser.nextToken();
      if (name.equals("code") && member == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() == JsonParser.NumberType.INT) {
        code = parser.getIntValue();
      } else if (name.equals("message") && member == JsonToken.VALUE_STRING) {
        message = parser.getText();
      } else if (name.equals("data")) {
        data = readPayload(envelope, "error.data", member, parser, buffer, offset);
      } else {
        skipValue(envelope, "error", parser);
      }
    }
    envelope.names.close();
    if (code == null || message == null) {
      envelope.malformed = "error must have an integer code and a string message";
    } else {
      envelope.error = new ErrorObject(code, message, data);
    }
  }

  private String describeLimit(StreamConstraintsException e) {
    String what = String.valueOf(e.getMessage());
    if (what.contains("nesting depth")) {
      return "nesting deeper than " + maxNestingDepth + " levels";
    }
    if (what.contains("Number value length")) {
      return "a number is too long";
    }
    if (what.contains("String value length") || what.contains("Name length")) {
      return "a string is too long";
    }
    return "message exceeds a size limit";
  }

  private static DecodeResult parseError(String detail) {
    return new DecodeResult.Failure(JsonRpcError.of(null, ErrorCodes.PARSE_ERROR, "Parse error: " + detail));
  }

  private static DecodeResult invalid(@Nullable RequestId id, String detail) {
    return new DecodeResult.Failure(
        JsonRpcError.of(id, ErrorCodes.INVALID_REQUEST, "Invalid Request: " + detail));
  }

  /** The members of one envelope, collected before the message kind is decided. */
  private static final class Envelope {
    private final MemberNames names = new MemberNames();
    private int seen;
    private boolean idRepeated;
    private @Nullable String duplicate;
    private @Nullable String version;
    private @Nullable RequestId id;
    private boolean nullId;
    private @Nullable String badId;
    private @Nullable String method;
    private @Nullable JsonPayload params;
    private @Nullable JsonPayload result;
    private @Nullable ErrorObject error;
    private @Nullable String malformed;

    void mark(String name) {
      int bit =
          switch (name) {
            case "jsonrpc" -> 1;
            case "id" -> 2;
            case "method" -> 4;
            case "params" -> 8;
            case "result" -> 16;
            default -> 32;
          };
      if (bit == 2 && has(2)) {
        idRepeated = true;
      }
      seen |= bit;
    }

    /**
     * Records a member name of the innermost open object; the first repeated name makes the message invalid.
     *
     * @param where the envelope member the object lies in, or null for the envelope itself
     */
    void checkName(String name, @Nullable String where) {
      if (!names.add(name) && duplicate == null) {
        duplicate = "duplicate member " + Json.quote(name) + (where == null ? "" : " in " + where);
      }
    }

    boolean has(int bit) {
      return (seen & bit) != 0;
    }

    DecodeResult toResult(int maxIdLength) {
      if (id != null && id.text().length() > maxIdLength) {
        id = null;
        badId = "id longer than " + maxIdLength + " characters";
      }
      if (duplicate != null) {
        return ambiguous(duplicate);
      }
      if (!"2.0".equals(version)) {
        return invalid(id, "jsonrpc must be \"2.0\"");
      }
      if (badId != null) {
        return invalid(null, badId);
      }
      if (malformed != null) {
        return invalid(id, malformed);
      }
      boolean hasMethod = has(4);
      boolean hasResult = has(16);
      boolean hasError = has(32);
      if (hasMethod) {
        if (hasResult || hasError) {
          return invalid(id, "a message cannot have both a method and a result or error");
        }
        if (nullId) {
          return invalid(null, "a request id must not be null");
        }
        return success(
            id == null ? new JsonRpcNotification(method, params) : new JsonRpcRequest(id, method, params));
      }
      if (hasResult && hasError) {
        return invalid(id, "a response cannot have both a result and an error");
      }
      if (hasResult) {
        return id == null ? invalid(null, "a result must have an id") : success(new JsonRpcResult(id, result));
      }
      if (hasError) {
        return success(new JsonRpcError(id, error));
      }
      return invalid(id, "not a request, notification or response");
    }

    /**
     * A message in which some object repeats a member name. A request or notification is {@code -32600 Invalid
     * Request}, not {@code -32602 Invalid params}: the message as a whole has no one meaning, so it is not a valid
     * request object; the decoder answers every other structural fault of a message, {@code params} that is not an
     * object included, with {@code -32600}; and {@code -32602} is the verdict of the method on parameters it could
     * read, which is for the handler to give.
     *
     * <p>A response to one of our requests (one readable id) decodes as an error response to that id instead, so that
     * the caller's call fails at once and nobody binds either value. Answering the peer would be wrong: JSON-RPC never
     * answers a response, and the error's id would land among the peer's own request ids.
     */
    private DecodeResult ambiguous(String detail) {
      boolean response = !has(4) && (has(16) || has(32));
      if (response && id != null && !idRepeated) {
        return success(JsonRpcError.of(id, ErrorCodes.INVALID_REQUEST, "Invalid response: " + detail));
      }
      return invalid(id, detail);
    }

    private static DecodeResult success(JsonRpcMessage message) {
      return new DecodeResult.Success(message);
    }
  }
}
