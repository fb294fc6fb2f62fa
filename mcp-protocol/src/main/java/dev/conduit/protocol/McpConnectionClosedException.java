package dev.conduit.protocol;

import org.jspecify.annotations.Nullable;

/** The connection closed, or was lost, before a request got its response. */
public final class McpConnectionClosedException extends McpException {

  private static final long serialVersionUID = 1L;

  /** The code the TypeScript reference implementation uses for a closed connection. */
  public static final int CODE = -32000;

  public McpConnectionClosedException(String message, @Nullable Throwable cause) {
    super(CODE, message, null, cause);
  }
}
