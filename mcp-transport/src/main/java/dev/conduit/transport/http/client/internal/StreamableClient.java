package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.JsonRpcResult;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP client: every message is a POST to the endpoint, answered by JSON, by an event stream, or
 * with 202. It keeps the session the server assigns, resumes streams that end early, initializes again when the
 * server forgets the session, and falls back to the HTTP+SSE transport when the server turns down the first
 * {@code initialize} as a 2024-11-05 server would.
 *
 * <p>No caller waits on the network: each POST runs on one of the transport's threads, which also reads its
 * response. A request counts as sent once its body is written; its response reaches the listener however it comes.
 */
public final class StreamableClient {

  private static final Logger log = LoggerFactory.getLogger(StreamableClient.class);

  private final HttpSettings settings;
  private final HttpResources http;
  private final HttpRequests requests;
  private final JsonRpcCodec codec;
  private final Inbox inbox = new Inbox();
  private final SessionState state = new SessionState();
  private final Map<RequestId, InFlight> inFlight = new ConcurrentHashMap<>();
  private final EventStreams streams;
  private final Reinitializer reinitializer;
  private final LegacyFallback fallback = new LegacyFallback();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean confirmed;

  public StreamableClient(HttpSettings settings) {
    this.settings = settings;
    this.http = HttpResources.create(settings, "http-client");
    this.requests = new HttpRequests(settings.headers());
    this.codec = settings.codec();
    this.streams = new EventStreams(this, settings, http, requests, state);
    this.reinitializer = new Reinitializer(this, state);
  }

  public void start(McpTransport.Listener listener) {
    inbox.start(listener);
  }

  /** Sends a message; see {@link McpTransport#send}. */
  public CompletableFuture<Void> send(JsonRpcMessage message) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(closedException());
    }
    Outgoing out;
    try {
      out = Outgoing.of(message, codec);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<LegacySseClient> legacy = fallback.current();
    if (legacy != null) {
      return legacy.thenCompose(client -> client.send(out));
    }
    RequestId cancelled = out.cancelledRequest();
    InFlight target = cancelled == null ? null : inFlight.remove(cancelled);
    if (target != null) {
      // Nobody waits for the response any more: stop reading it. On a modern request closing the stream *is* the
      // cancellation, and the notification must not be sent; a legacy server still needs to be told.
      target.cancel();
      if (target.request().isModern()) {
        return CompletableFuture.completedFuture(null);
      }
    }
    return dispatch(out);
  }

  /** The session id the server assigned, if any. */
  public @Nullable String sessionId() {
    return state.sessionId();
  }

  /** The negotiated protocol version, once an initialize result has passed through. */
  public @Nullable String protocolVersion() {
    return state.protocolVersion();
  }

  /** Whether the server turned out to speak only HTTP+SSE. */
  public boolean usesLegacySse() {
    return fallback.active();
  }

  /** The OkHttp client the transport uses. */
  public OkHttpClient okHttpClient() {
    return http.client();
  }

  /** Closes: stops every stream, ends the session (best effort), releases the client, then reports the end. */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopEverything();
    String session = state.sessionId();
    if (session != null && fallback.current() == null && settings.deleteSessionOnClose()) {
      try {
        http.executeBriefly(requests.delete(settings.url(), session, state.protocolVersion()), settings.closeTimeout());
      } catch (IOException | RuntimeException e) {
        log.debug("Could not end session {}", session, e);
      }
    }
    http.shutdown();
    inbox.close(null);
  }

  /** Ends the transport because it cannot go on. */
  void terminate(@Nullable Throwable cause) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    stopEverything();
    http.shutdown();
    inbox.close(cause);
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Posts {@code out} on a transport thread, once any renewal of the session in progress is over. */
  private CompletableFuture<Void> dispatch(Outgoing out) {
    CompletableFuture<Void> renewing = reinitializer.pending();
    if (renewing == null) {
      return start(out, null, false);
    }
    // The session is being renewed: wait for the new one rather than go out with none.
    return renewing.thenCompose(ok -> start(out, null, false));
  }

  /**
   * Posts a message of the transport's own at once (during a session renewal): {@code internal} receives the
   * response to a request instead of the listener, and a 404 does not start another renewal.
   */
  CompletableFuture<Void> dispatchInternal(Outgoing out, @Nullable CompletableFuture<JsonRpcResponse> internal) {
    return start(out, internal, true);
  }

  private CompletableFuture<Void> start(
      Outgoing out, @Nullable CompletableFuture<JsonRpcResponse> internal, boolean noRenewal) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    InFlight call = null;
    if (out.isRequest()) {
      call = new InFlight(out, internal);
      inFlight.put(call.id(), call);
    }
    InFlight tracked = call;
    execute(() -> post(out, tracked, sent, noRenewal), tracked, sent);
    return sent;
  }

  JsonRpcCodec codec() {
    return codec;
  }

  private void execute(Runnable post, @Nullable InFlight call, CompletableFuture<Void> sent) {
    if (!http.execute(post)) {
      if (call != null) {
        inFlight.remove(call.id(), call);
      }
      sent.completeExceptionally(closedException());
    }
  }

  private void post(Outgoing out, @Nullable InFlight call, CompletableFuture<Void> sent, boolean noRenewal) {
    String session = out.isInitialize() ? null : state.sessionId();
    Request request;
    try {
      request = requests.post(
          settings.url(), out, session, versionFor(out), out.isRequest() ? () -> sent.complete(null) : null);
    } catch (RuntimeException e) {
      failed(out, call, sent, e);
      return;
    }
    Call post = http.newCall(request);
    try {
      if (call != null && !call.attach(post)) {
        sent.complete(null);
        return;
      }
      try (Response response = post.execute()) {
        onResponse(out, call, sent, noRenewal, session, response);
      }
    } catch (IOException e) {
      failed(out, call, sent, e);
    } finally {
      http.release(post);
    }
  }

  private void onResponse(
      Outgoing out, @Nullable InFlight call, CompletableFuture<Void> sent, boolean noRenewal, @Nullable String session,
      Response response) throws IOException {
    int code = response.code();
    if (code == 404 && session != null && !noRenewal) {
      log.debug("Session {} is gone (404 to {}); initializing again", session, out);
      reinitializer.reinitialize(session).whenComplete((ok, failure) -> {
        if (failure != null) {
          sent.completeExceptionally(failure);
        } else {
          execute(() -> post(out, call, sent, true), call, sent);
        }
      });
      return;
    }
    if (out.isInitialize() && !confirmed && session == null && settings.legacyFallback()
        && (code == 400 || code == 404 || code == 405)) {
      fallBack(out, call, sent, HttpErrors.describe(response));
      return;
    }
    if (!response.isSuccessful()) {
      if (call == null) {
        sent.completeExceptionally(new IOException(HttpErrors.describe(response)));
      } else {
        sent.complete(null);
        answer(call, HttpErrors.fromStatus(call.id(), response, codec));
      }
      return;
    }
    confirmed = true;
    if (out.isInitialize()) {
      state.initialized(out, response.header(McpHeaders.SESSION_ID));
    }
    sent.complete(null);
    if (call == null) {
      // Whatever body answers a notification or a response (some servers send one) is of no interest.
      if (out.isInitialized()) {
        streams.listen();
      }
      return;
    }
    if (HttpErrors.isEventStream(response)) {
      streams.readResponse(call, response);
    } else if (HttpErrors.isJson(response)) {
      readJson(call, response);
    } else if (code != 202 && code != 204 && HttpErrors.readBody(response, codec.maxMessageBytes()).length > 0) {
      answer(call, HttpErrors.of(call.id(),
          "Unexpected content type " + response.header("Content-Type") + " answering " + out));
    }
    // Otherwise (202): the server will answer on the GET stream.
  }

  private void readJson(InFlight call, Response response) throws IOException {
    DecodeResult decoded = codec.decode(HttpErrors.readBody(response, codec.maxMessageBytes()));
    if (decoded instanceof DecodeResult.Success success) {
      receive(success.message(), call);
    } else {
      answer(call, ((DecodeResult.Failure) decoded).error().withId(call.id()));
    }
    if (inFlight.get(call.id()) == call) {
      answer(call, HttpErrors.of(call.id(), "The server's JSON response did not answer " + call.request()));
    }
  }

  private void failed(Outgoing out, @Nullable InFlight call, CompletableFuture<Void> sent, Throwable failure) {
    if (call != null && call.isCancelled()) {
      sent.complete(null);
      return;
    }
    if (!sent.isDone()) {
      if (call != null) {
        inFlight.remove(call.id(), call);
      }
      sent.completeExceptionally(failure);
    } else if (call != null && !closed.get()) {
      answer(call, HttpErrors.of(call.id(), "The connection failed before " + out + " was answered: " + failure));
    }
  }

  private void fallBack(Outgoing init, @Nullable InFlight call, CompletableFuture<Void> sent, String status) {
    sent.complete(null);
    if (call != null) {
      inFlight.remove(call.id(), call);
    }
    log.debug("{}: trying the HTTP+SSE transport", status);
    RequestId id = init.id();
    fallback.begin(() -> new LegacySseClient(settings, settings.url(), http, requests, inbox::deliver, this::terminate),
        init).whenComplete((ok, failure) -> {
          if (failure != null && id != null && !closed.get()) {
            inbox.deliver(HttpErrors.of(id, status + ", and the HTTP+SSE transport did not work either: " + failure));
          }
        });
  }

  /** Delivers a message read from a stream or a body; {@code awaiting} is the request whose response it carries. */
  void receive(JsonRpcMessage message, @Nullable InFlight awaiting) {
    if (message instanceof JsonRpcError error && error.id() == null && awaiting != null) {
      message = error.withId(awaiting.id());
    }
    if (message instanceof JsonRpcResponse response && response.id() != null) {
      InFlight call = inFlight.remove(response.id());
      if (call != null) {
        answered(call, response);
        return;
      }
    }
    if (!closed.get()) {
      inbox.deliver(message);
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
    InFlight target = error.id() == null ? null : inFlight.get(error.id());
    if (target != null) {
      answer(target, error);
    } else {
      log.warn("Ignoring an event that is not a JSON-RPC message: {}", error.error().message());
    }
  }

  /** Answers {@code call} with {@code response}, unless it was answered or cancelled already. */
  void answer(InFlight call, JsonRpcResponse response) {
    if (inFlight.remove(call.id(), call)) {
      answered(call, response);
    }
  }

  /** Whether {@code call} still waits for its response. */
  boolean awaits(InFlight call) {
    return !closed.get() && !call.isCancelled() && inFlight.get(call.id()) == call;
  }

  private void answered(InFlight call, JsonRpcResponse response) {
    if (call.request().isInitialize() && response instanceof JsonRpcResult result) {
      // The version header of every later request comes from here, so learn it before anyone can send one.
      state.negotiated(result.result().memberText("protocolVersion"));
    }
    CompletableFuture<JsonRpcResponse> internal = call.internal();
    if (internal != null) {
      internal.complete(response);
    } else if (!closed.get()) {
      inbox.deliver(response);
    }
  }

  private @Nullable String versionFor(Outgoing out) {
    if (out.modernVersion() != null) {
      return out.modernVersion();
    }
    return out.isInitialize() ? null : state.protocolVersion();
  }

  private void stopEverything() {
    for (InFlight call : List.copyOf(inFlight.values())) {
      call.cancel();
    }
    inFlight.clear();
    fallback.close();
    http.cancelAll();
  }

  private static McpConnectionClosedException closedException() {
    return new McpConnectionClosedException("The transport is closed", null);
  }

  @Override
  public String toString() {
    return "StreamableHttpClientTransport{" + settings.url() + "}";
  }
}
