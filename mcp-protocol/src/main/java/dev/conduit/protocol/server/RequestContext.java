package dev.conduit.protocol.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.InputRequest;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressToken;
import dev.conduit.protocol.schema.Root;
import dev.conduit.protocol.transport.TransportContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * What a handler knows about the request it serves, and what it can do while serving it.
 *
 * <p><b>One handler, both eras.</b> {@link #elicit}, {@link #sample}, {@link #roots} and {@link #requestInputs} ask
 * the client for input. On a legacy connection they send real requests to the client and wait for the answers. On a
 * modern (2026-07-28) request the server cannot call the client, so the call ends the round with an {@code
 * input_required} result; when the client retries with the answers, the handler runs again from the top and this
 * time the call returns the answer. Code before such a call therefore runs once per round: keep it free of side
 * effects, and do the work after the input is in. An asynchronous handler asks with {@link #requestInputAsync}
 * instead: its call is held open across rounds and never runs again.
 *
 * <p>On a request held open across 2026-07-28 input rounds, progress, log messages and notifications go to the
 * round the client is waiting on now, under that round's progress token and log level.
 */
public interface RequestContext {

  /** The request's JSON-RPC id. */
  RequestId requestId();

  /** The request's method, such as {@code tools/call}. */
  String method();

  /** The protocol revision of this request. */
  ProtocolVersion protocolVersion();

  /** The client's implementation, if it said. */
  @Nullable Implementation clientInfo();

  /** What the client declared it can do. */
  ClientCapabilities clientCapabilities();

  /** How the request arrived: HTTP headers, session id, attributes set by the transport. */
  TransportContext transport();

  /** The connection the request arrived on; a 2026-07-28 request over HTTP is a connection of its own. */
  ServerSession session();

  /** The request's {@code _meta} as the client sent it (trace context, the progress token...); empty if none. */
  Meta meta();

  /** The token the client wants progress reported under, or {@code null} if it asked for none. */
  @Nullable ProgressToken progressToken();

  /** An attribute set by an interceptor or the transport (an authenticated principal, a tenant), or {@code null}. */
  @Nullable Object attribute(String name);

  /**
   * Reports progress, if the client asked for it (otherwise does nothing).
   *
   * @param progress how far along, increasing with each call
   * @param total the value {@code progress} will reach, if known
   * @param message what is happening now
   */
  void progress(double progress, @Nullable Double total, @Nullable String message);

  /**
   * Sends a log message to the client, if the client wants messages at this level (otherwise does nothing).
   *
   * @param level the severity
   * @param data the message: a string, or any value that can be written as JSON
   */
  void log(LoggingLevel level, Object data);

  /**
   * Sends a log message under a logger name of the caller's choosing, such as the name an upstream server gave its
   * message, if the client wants messages at this level (otherwise does nothing).
   *
   * @param logger the logger name; {@code null} for the server's name
   */
  void log(LoggingLevel level, @Nullable String logger, Object data);

  /**
   * Sends a notification that belongs to this request: on Streamable HTTP it travels on the request's own stream.
   * For progress and log messages prefer {@link #progress} and {@link #log}, which honour what the client asked for.
   *
   * @param params a record, a JSON node, a map, or a {@link dev.conduit.protocol.jsonrpc.JsonPayload} (sent as it
   *     is); null for none
   */
  void notify(String method, @Nullable Object params);

  /** Whether the client cancelled the request (or the connection ended). The handler may stop early. */
  boolean isCancelled();

  /** Runs {@code callback} when the request is cancelled, or at once if it already was. */
  void onCancel(Runnable callback);

  /**
   * Asks the user, through the client, for information.
   *
   * @throws dev.conduit.protocol.McpException with code -32021 if the client cannot elicit (in that mode)
   */
  ElicitResult elicit(ElicitRequestParams request);

  /**
   * Asks the client's language model for a completion.
   *
   * @throws dev.conduit.protocol.McpException with code -32021 if the client cannot sample
   */
  CreateMessageResult sample(CreateMessageRequestParams request);

  /**
   * Asks the client for its roots.
   *
   * @throws dev.conduit.protocol.McpException with code -32021 if the client does not offer roots
   */
  List<Root> roots();

  /**
   * Asks for several inputs at once, under keys of the handler's choosing; the answers come back under the same
   * keys, as JSON ({@link ElicitResult}, {@link CreateMessageResult} or {@code ListRootsResult} shaped). On a modern
   * request all of them go to the client in one round; on a legacy connection they are sent concurrently.
   */
  Map<String, JsonNode> requestInputs(Map<String, InputRequest> requests);

  /**
   * Asks the client for one input (an elicitation, a sampling request, its roots) without blocking, in either era.
   * On a legacy connection the request goes to the client at once. On a 2026-07-28 request the engine ends the round
   * with an {@code input_required} result carrying the question, keeps this handler's call open (it is not run
   * again), and completes the stage with the answer when the client retries; what the handler returns then answers
   * the retry. Several questions asked before the round ends go to the client together.
   *
   * <p>For asynchronous handlers ({@link RequestHandler}): a blocking handler asks with {@link #elicit}, {@link
   * #sample}, {@link #roots} or {@link #requestInputs}, which serve a 2026-07-28 request by running it again.
   *
   * @return the client's answer, as JSON ({@code ElicitResult}, {@code CreateMessageResult} or {@code
   *     ListRootsResult} shaped); fails with an {@link dev.conduit.protocol.McpException} with code -32021 if the client
   *     did not declare the capability, or with the client's error, or when the client does not answer in time
   */
  CompletionStage<JsonPayload> requestInputAsync(InputRequest request);

  /** Sends an info-level log message. */
  default void info(String message) {
    log(LoggingLevel.INFO, message);
  }

  /** Reports progress as a fraction of a known total. */
  default void progress(double progress, double total) {
    progress(progress, total, null);
  }
}
