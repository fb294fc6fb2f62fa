package dev.conduit.protocol.server;

/**
 * Ends a tool call with a result whose {@code isError} is true and whose text is this exception's message, which the
 * client (and the model behind it) will read. Throw it for failures the model should know about.
 */
public class ToolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}, which is sent to the client. */
  public ToolException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, which is sent to the client; {@code cause} stays on the server. */
  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
