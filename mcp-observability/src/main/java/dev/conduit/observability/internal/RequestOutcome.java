package dev.conduit.observability.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * How a request ended, as metrics, spans and log events report it.
 *
 * @param outcome one of the constants below
 * @param errorCode the JSON-RPC error code of a failed request, or {@code null}
 */
public record RequestOutcome(String outcome, @Nullable Integer errorCode) {

  /** A result that is not an error. */
  public static final String SUCCESS = "success";
  /** A {@code tools/call} result with {@code isError: true}: the tool ran and failed, the protocol did not. */
  public static final String TOOL_ERROR = "tool_error";
  /** A modern round that ended asking the client for input; the call goes on in a later request. */
  public static final String INPUT_REQUIRED = "input_required";
  /** A JSON-RPC error. */
  public static final String ERROR = "error";
  /** The request was cancelled before it had a result. */
  public static final String CANCELLED = "cancelled";

  private static final RequestOutcome SUCCEEDED = new RequestOutcome(SUCCESS, null);
  private static final RequestOutcome TOOL_FAILED = new RequestOutcome(TOOL_ERROR, null);
  private static final RequestOutcome ASKED_FOR_INPUT = new RequestOutcome(INPUT_REQUIRED, null);
  private static final RequestOutcome WAS_CANCELLED = new RequestOutcome(CANCELLED, null);

  /** Classifies a completed request from its result or its failure. */
  public static RequestOutcome of(McpRequest request, @Nullable JsonPayload result, @Nullable Throwable failure) {
    if (failure != null) {
      Throwable cause = unwrap(failure);
      if (cause instanceof CancellationException) {
        return WAS_CANCELLED;
      }
      // Anything but an McpException reaches a peer as an internal error, so that is what it counts as.
      int code = cause instanceof McpException mcp ? mcp.code() : ErrorCodes.INTERNAL_ERROR;
      return new RequestOutcome(ERROR, code);
    }
    if (result == null) {
      return SUCCEEDED;
    }
    if (request.method().equals("tools/call")) {
      return ofToolResult(result, request.session().protocolVersion().isModern());
    }
    // A raw result answers this from the codec's member index; a value result would need a full bind.
    return result.isRaw() && "input_required".equals(result.memberText("resultType")) ? ASKED_FOR_INPUT : SUCCEEDED;
  }

  private static RequestOutcome ofToolResult(JsonPayload result, boolean modern) {
    if (result.isRaw()) {
      if ("input_required".equals(result.memberText("resultType"))) {
        return ASKED_FOR_INPUT;
      }
      JsonPayload isError = result.member("isError");
      return isError != null && isError.toString().trim().equals("true") ? TOOL_FAILED : SUCCEEDED;
    }
    // A server holds a legacy result as the handler's CallToolResult and a modern one as a JSON tree: read each as
    // what it is, so that neither is converted.
    if (!modern) {
      try {
        return result.as(CallToolResult.class).failed() ? TOOL_FAILED : SUCCEEDED;
      } catch (IllegalArgumentException notAToolResult) {
        // An interceptor's own answer, perhaps; the tree below tells.
      }
    }
    JsonNode tree = result.tree();
    if ("input_required".equals(tree.path("resultType").asText())) {
      return ASKED_FOR_INPUT;
    }
    return tree.path("isError").asBoolean(false) ? TOOL_FAILED : SUCCEEDED;
  }

  /** The failure a completion stage reports, without the wrappers the stage API adds. */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Whether the request failed, as a protocol error or a tool error. */
  public boolean failed() {
    return outcome.equals(ERROR) || outcome.equals(TOOL_ERROR);
  }

  /** The error code as a tag value: the number, or {@code none}. */
  public String errorCodeTag() {
    return errorCode == null ? "none" : errorCode.toString();
  }

  /**
   * The OpenTelemetry {@code error.type}: the JSON-RPC error code, {@code tool_error}, or {@code null} if the request
   * did not fail.
   */
  public @Nullable String errorType() {
    if (errorCode != null) {
      return errorCode.toString();
    }
    return outcome.equals(TOOL_ERROR) ? TOOL_ERROR : null;
  }
}
