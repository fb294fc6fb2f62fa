package dev.conduit.protocol.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTransportException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a session reads ids out of parameters and turns a handler's failure into what the peer sees. */
final class SessionValues {

  // Under the session's name: that is where a failing handler has always been reported.
  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private SessionValues() {}

  /** The error a peer gets when a handler fails: the handler's McpException, otherwise an internal error. */
  static McpException toMcpException(String method, Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof McpConnectionClosedException || cause instanceof McpTransportException) {
      // A connection the handler made failed: its message may name hosts, which are nobody's business here.
      log.debug("Handler for {} lost its upstream: {}", method, cause.getMessage());
      return new McpException(ErrorCodes.UPSTREAM_UNAVAILABLE, "Upstream server unavailable");
    }
    if (cause instanceof McpException mcp) {
      return mcp;
    }
    log.warn("Handler for {} failed", method, cause);
    return new McpException(ErrorCodes.INTERNAL_ERROR, "Internal error");
  }

  /** A request id in member {@code name} of {@code params}, or null if it is absent or neither string nor number. */
  static @Nullable RequestId idMember(@Nullable JsonPayload params, String name) {
    JsonPayload member = params == null ? null : params.member(name);
    if (member == null) {
      return null;
    }
    JsonNode node = member.tree();
    if (node.isTextual()) {
      return RequestId.of(node.textValue());
    }
    return node.isNumber() ? RequestId.ofNumberText(node.asText()) : null;
  }
}
