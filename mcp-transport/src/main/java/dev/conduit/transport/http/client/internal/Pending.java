package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.transport.internal.ToolHeaders;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of a Streamable HTTP client that await a response, and where what arrives goes: a response to one
 * of them answers it (through the listener, or the transport's own future for a request of its own); anything else
 * goes to the listener. The negotiated protocol version is learnt here, as the {@code initialize} result passes, and
 * the header parameters of the tools each {@code tools/list} result names.
 */
final class Pending {

  private static final Logger log = LoggerFactory.getLogger(Pending.class);

  private final Map<RequestId, InFlight> calls = new ConcurrentHashMap<>();
  private final Inbox inbox;
  private final SessionState state;
  private final JsonRpcCodec codec;
  private final ToolHeaders tools;
  private volatile boolean stopped;

  Pending(Inbox inbox, SessionState state, JsonRpcCodec codec, ToolHeaders tools) {
    this.inbox = inbox;
    this.state = state;
    this.codec = codec;
    this.tools = tools;
  }

  /** Tracks a request until it is answered; {@code internal}, if given, receives the response. */
  InFlight track(Outgoing request, @Nullable CompletableFuture<JsonRpcResponse> internal) {
    InFlight call = new InFlight(request, internal);
    calls.put(call.id(), call);
    return call;
  }

  /** Stops tracking {@code call}, which will not be answered through here. */
  void forget(InFlight call) {
    calls.remove(call.id(), call);
  }

  /** Stops tracking the request with {@code id} and returns it, if it is still waiting. */
  @Nullable InFlight remove(RequestId id) {
    return calls.remove(id);
  }

  /** Whether {@code call} still waits for its response. */
  boolean awaits(InFlight call) {
    return !stopped && !call.isCancelled() && calls.get(call.id()) == call;
  }

  /** Delivers a message read from a stream or a body; {@code awaiting} is the request whose response it carries. */
  void receive(JsonRpcMessage message, @Nullable InFlight awaiting) {
    if (message instanceof JsonRpcError error && error.id() == null && awaiting != null) {
      message = error.withId(awaiting.id());
    }
    if (message instanceof JsonRpcResponse response && response.id() != null) {
      InFlight call = calls.remove(response.id());
      if (call != null) {
        answered(call, response, TransportContext.empty());
        return;
      }
    }
    if (!stopped) {
      // What arrives on a request's stream belongs to that request: the client can tell which call asked for it.
      inbox.deliver(message, awaiting == null ? TransportContext.empty()
          : TransportContext.empty().withRelatedRequest(awaiting.id()));
    }
  }

  /** Decodes and delivers the data of a {@code message} event. */
  void receiveEvent(byte[] data, @Nullable InFlight awaiting) {
    DecodeResult decoded = codec.decode(data);
    if (decoded instanceof DecodeResult.Success success) {
      receive(success.message(), awaiting);
      return;
    }
    JsonRpcError error = ((DecodeResult.Failure) decoded).error();
    InFlight target = error.id() == null ? null : calls.get(error.id());
    if (target != null) {
      fail(target, error.error().message());
    } else {
      log.warn("Ignoring an event that is not a JSON-RPC message: {}", error.error().message());
    }
  }

  /** Answers {@code call} with the server's {@code response}, unless it was answered or cancelled already. */
  void answer(InFlight call, JsonRpcResponse response) {
    if (calls.remove(call.id(), call)) {
      answered(call, response, TransportContext.empty());
    }
  }

  /** Answers {@code call} with what a failed HTTP response means, the server's error or one of the transport's. */
  void answer(InFlight call, HttpErrors.Answer answer) {
    if (calls.remove(call.id(), call)) {
      answered(call, answer.error(), answer.context());
    }
  }

  /**
   * Fails {@code call} with an error of the transport's own (the server never answered it), unless it was answered
   * or cancelled already. The message may name hosts: it stays on this side.
   */
  void fail(InFlight call, String message) {
    if (calls.remove(call.id(), call)) {
      answered(call, HttpErrors.of(call.id(), message), TransportContext.localFailure());
    }
  }

  /** Cancels every request's call and stops delivering. */
  void stop() {
    stopped = true;
    for (InFlight call : List.copyOf(calls.values())) {
      call.cancel();
    }
    calls.clear();
  }

  private void answered(InFlight call, JsonRpcResponse response, TransportContext context) {
    if (call.request().isInitialize() && response instanceof JsonRpcResult result) {
      // The version header of every later request comes from here, so learn it before anyone can send one.
      state.negotiated(result.result().memberText("protocolVersion"));
    }
    if (response instanceof JsonRpcResult result && "tools/list".equals(call.request().method())) {
      // Learnt before the client sees the list, so that its first call of a listed tool carries the headers.
      tools.learn(result.result());
    }
    CompletableFuture<JsonRpcResponse> internal = call.internal();
    if (internal != null) {
      internal.complete(response);
    } else if (!stopped) {
      inbox.deliver(response, context);
    }
  }
}
