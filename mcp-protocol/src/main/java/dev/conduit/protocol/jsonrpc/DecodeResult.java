package dev.conduit.protocol.jsonrpc;

import java.util.Objects;

/** What {@link JsonRpcCodec#decode(byte[])} made of some bytes: a message, or the error to answer them with. */
public sealed interface DecodeResult {

  /**
   * The bytes held a valid message. One exception: a response to one of our requests in which an object repeats a
   * member name is refused as an error response to that request ({@code -32600}, "Invalid response: ..."), for the
   * caller to fail with, not for the peer.
   *
   * @param message the message
   */
  record Success(JsonRpcMessage message) implements DecodeResult {
    public Success {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The bytes were not a valid message.
   *
   * @param error the error response the sender should get: {@code -32700} with a null id for unparsable bytes,
   *     {@code -32600} for well-formed JSON that is not a valid message (with the id when it could be read)
   */
  record Failure(JsonRpcError error) implements DecodeResult {
    public Failure {
      Objects.requireNonNull(error, "error");
    }
  }
}
