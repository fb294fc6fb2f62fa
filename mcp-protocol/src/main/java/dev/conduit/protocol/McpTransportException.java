package dev.conduit.protocol;

/**
 * A request failed on the way to or from the peer, which never answered it: an HTTP error status with no JSON-RPC
 * error in its body, a response stream that ended before the response. Its message is for this side's log and may
 * name hosts; a server that fails a request because of it answers with a stable message instead.
 */
public final class McpTransportException extends McpException {

  private static final long serialVersionUID = 1L;

  public McpTransportException(int code, String message) {
    super(code, message);
  }
}
