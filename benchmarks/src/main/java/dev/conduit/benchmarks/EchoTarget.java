package dev.conduit.benchmarks;

/**
 * One way of getting a payload echoed by a server: an MCP client and server pair (or the raw ceiling), set up and
 * ready. {@link #echo} may be called from several threads at once.
 */
public interface EchoTarget extends AutoCloseable {

  /**
   * Sends {@code text} and returns what came back: the echoed text for an MCP client; for a raw target, the response
   * body or line, which contains it.
   */
  String echo(String text) throws Exception;

  /** Whether {@link #echo} answers exactly the text (MCP targets), or a response that contains it (raw targets). */
  default boolean answersExactly() {
    return true;
  }

  /** Stops the client and the server, and any child process; waits (bounded) until they are gone. */
  @Override
  void close() throws Exception;
}
