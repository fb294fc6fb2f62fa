package dev.conduit.protocol.client;

import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.transport.TransportContext;
import org.jspecify.annotations.Nullable;

/**
 * A request a server makes of the client: a legacy server's {@code elicitation/create}, {@code
 * sampling/createMessage} or {@code roots/list}, or one of the input requests of a 2026-07-28 {@code input_required}
 * result, with the client call it was made for.
 */
public interface ServerRequest {

  /** The method, such as {@code elicitation/create}. */
  String method();

  /** The parameters as the server sent them, or {@code null}. */
  @Nullable JsonPayload params();

  /**
   * The {@linkplain RequestOptions#tag() tag} of the client call the server made this request while serving; {@code
   * null} if the request belongs to no call, or the call had no tag. A request is known to belong to a call when it
   * arrives on that call's response stream (Streamable HTTP), comes in that call's {@code input_required} result, or
   * arrives while that call is the only one in flight.
   */
  @Nullable Object callTag();

  /** How the request arrived. */
  TransportContext transport();
}
