package dev.conduit.protocol.server;

import dev.conduit.protocol.schema.CallToolResult;

/**
 * Runs a tool. May block: handlers run on virtual threads where the JDK has them, on a bounded pool otherwise.
 *
 * <p>Report a failure the model should see as {@link CallToolResult#error(String)} or by throwing a {@link
 * ToolException}. An {@link dev.conduit.protocol.McpException} becomes a protocol error with its code. Any other
 * exception becomes a result with {@code isError: true} that says only that the tool failed; its details go to the
 * server's log, not to the client.
 */
@FunctionalInterface
public interface ToolHandler {

  /**
   * Calls the tool.
   *
   * @param arguments the arguments, already checked against the tool's input schema
   * @param context the request's context: progress, logging, cancellation, client input
   */
  CallToolResult call(Arguments arguments, RequestContext context) throws Exception;
}
