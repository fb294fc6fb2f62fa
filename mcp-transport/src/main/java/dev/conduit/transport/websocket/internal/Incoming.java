package dev.conduit.transport.websocket.internal;

import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what arrives on one WebSocket into messages, the same way at both ends. A text message, whole or in the
 * pieces a container hands over, is decoded up to a size limit; past the limit the rest is only counted, never
 * buffered. What cannot be a message is answered with a JSON-RPC error (id null unless the codec could read one) and
 * the connection goes on, as a stdio line would be: text that is not JSON-RPC gets the codec's error ({@code -32700}
 * for bad JSON), a message over the limit and a binary message get {@code -32600}.
 *
 * <p>Not thread-safe: a WebSocket delivers one frame at a time, and so must its caller.
 */
public final class Incoming {

  /** Where decoded messages and the answers to what could not be decoded go. */
  public interface Sink {

    /** A message arrived. */
    void message(JsonRpcMessage message);

    /** Something arrived that must be answered with {@code error} instead. */
    void answer(JsonRpcError error);
  }

  private static final Logger log = LoggerFactory.getLogger(Incoming.class);

  private final String name;
  private final JsonRpcCodec codec;
  private final int maxBytes;
  private final Sink sink;
  private final StringBuilder pieces = new StringBuilder();
  private long textBytes;
  private long binaryBytes;

  /**
   * @param name names the connection in logs
   * @param maxBytes the largest text message decoded, in UTF-8 bytes
   */
  public Incoming(String name, JsonRpcCodec codec, int maxBytes, Sink sink) {
    this.name = name;
    this.codec = codec;
    this.maxBytes = maxBytes;
    this.sink = sink;
  }

  /** A piece of a text message, {@code last} if it ends the message; a whole message is one piece. */
  public void text(String piece, boolean last) {
    textBytes += Utf8.length(piece);
    if (textBytes <= maxBytes) {
      if (last && pieces.length() == 0) {
        // The common case, a message in one piece: decoded without a copy.
        textBytes = 0;
        decode(piece);
        return;
      }
      pieces.append(piece);
    } else {
      // Over the limit: the rest of the message is only counted.
      pieces.setLength(0);
      pieces.trimToSize();
    }
    if (!last) {
      return;
    }
    long size = textBytes;
    textBytes = 0;
    if (size > maxBytes) {
      log.warn("{}: discarded a message of {} bytes, over the limit of {}", name, size, maxBytes);
      sink.answer(JsonRpcError.of(null, ErrorCodes.INVALID_REQUEST,
          "Invalid Request: message too large (" + size + " bytes; the limit is " + maxBytes + ")"));
      return;
    }
    String text = pieces.toString();
    pieces.setLength(0);
    pieces.trimToSize();
    decode(text);
  }

  /** A piece of a binary message, which MCP does not use: discarded, and the whole message answered once. */
  public void binary(int length, boolean last) {
    binaryBytes += length;
    if (!last) {
      return;
    }
    log.warn("{}: discarded a binary message of {} bytes; MCP messages travel as text", name, binaryBytes);
    binaryBytes = 0;
    sink.answer(JsonRpcError.of(null, ErrorCodes.INVALID_REQUEST,
        "Invalid Request: binary messages are not accepted; send each JSON-RPC message as one text message"));
  }

  private void decode(String text) {
    DecodeResult decoded = codec.decode(text);
    if (decoded instanceof DecodeResult.Success success) {
      sink.message(success.message());
    } else {
      JsonRpcError error = ((DecodeResult.Failure) decoded).error();
      log.debug("{}: answering an undecodable message with {} {}", name, error.error().code(),
          error.error().message());
      sink.answer(error);
    }
  }
}
