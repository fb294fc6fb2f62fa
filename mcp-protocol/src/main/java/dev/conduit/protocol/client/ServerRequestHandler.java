package dev.conduit.protocol.client;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.concurrent.CompletionStage;

/**
 * Answers what servers ask of the client, raw and asynchronously, knowing which call each request belongs to: the
 * handler of a bridge, which passes each request on to its own client and the answer back. It takes the place of the
 * client's sampling, elicitation and roots handlers; the client answers {@code ping} itself.
 */
@FunctionalInterface
public interface ServerRequestHandler {

  /**
   * Answers a request. Must not block for long: return a stage and complete it later (a person may take minutes to
   * answer an elicitation). A stage that fails with an {@link dev.conduit.protocol.McpException} answers the server
   * with its code and message; any other failure with an internal error.
   */
  CompletionStage<JsonPayload> handle(ServerRequest request);
}
