package dev.conduit.transport.http.client.internal;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.CallerThread;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import dev.conduit.transport.internal.ToolHeaders;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
  private final ToolHeaders tools = new ToolHeaders();
  private final SessionState state = new SessionState();
  private final Pending pending;
  private final EventStreams streams;
  private final Reinitializer reinitializer;
  private final LegacyFallback fallback = new LegacyFallback();
  private final SendOrder order = new SendOrder();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean confirmed;

  public StreamableClient(HttpSettings settings) {
    this.settings = settings;
    this.http = HttpResources.create(settings, "http-client");
    this.requests = new HttpRequests(settings.headers());
    this.codec = settings.codec();
    this.pending = new Pending(inbox, state, codec, tools);
    this.streams = new EventStreams(pending, this::isClosed, settings, http, requests, state);
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
    InFlight target = cancelled == null ? null : pending.remove(cancelled);
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

  /** The endpoint URL. */
  public String endpoint() {
    return settings.url().toString();
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

  /**
   * Posts {@code out} once the messages sent before it are out, and once any renewal of the session in progress is
   * over: on a transport thread, or on the caller's own if it only waits for the answer and nothing is ahead of it
   * (see {@link CallerThread}); then the POST and its answer are done when this returns.
   */
  private CompletableFuture<Void> dispatch(Outgoing out) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    @Nullable Thread caller = out.isRequest() && CallerThread.waitsForAnswer() ? Thread.currentThread() : null;
    order.next(written -> {
      CompletableFuture<Void> renewing = reinitializer.pending();
      if (renewing == null) {
        start(out, null, false, sent, written, Thread.currentThread() == caller);
        return;
      }
      // The session is being renewed: wait for the new one rather than go out with none.
      renewing.whenComplete((ok, failure) -> {
        if (failure == null) {
          start(out, null, false, sent, written, Thread.currentThread() == caller);
        } else {
          written.complete(null);
          sent.completeExceptionally(failure);
        }
      });
    });
    return sent;
  }

  /**
   * Posts a message of the transport's own at once (during a session renewal, so not behind the messages that wait
   * for it): {@code internal} receives the response to a request instead of the listener, and a 404 does not start
   * another renewal.
   */
  CompletableFuture<Void> dispatchInternal(Outgoing out, @Nullable CompletableFuture<JsonRpcResponse> internal) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    start(out, internal, true, sent, new CompletableFuture<>(), false);
    return sent;
  }

  private void start(
      Outgoing out, @Nullable CompletableFuture<JsonRpcResponse> internal, boolean noRenewal,
      CompletableFuture<Void> sent, CompletableFuture<Void> written, boolean onThisThread) {
    InFlight tracked = out.isRequest() ? pending.track(out, internal) : null;
    if (onThisThread) {
      post(out, tracked, sent, written, noRenewal);
    } else {
      execute(() -> post(out, tracked, sent, written, noRenewal), tracked, sent, written);
    }
  }

  JsonRpcCodec codec() {
    return codec;
  }

  private void execute(
      Runnable post, @Nullable InFlight call, CompletableFuture<Void> sent, CompletableFuture<Void> written) {
    if (!http.execute(post)) {
      if (call != null) {
        pending.forget(call);
      }
      written.complete(null);
      sent.completeExceptionally(closedException());
    }
  }

  /**
   * One POST. {@code written} completes once the body is on the connection, or the POST ends before that; a
   * request counts as sent then, a notification or a response once the server accepts it.
   */
  private void post(
      Outgoing out, @Nullable InFlight call, CompletableFuture<Void> sent, CompletableFuture<Void> written,
      boolean noRenewal) {
    try {
      String session = out.isInitialize() ? null : state.sessionId();
      Request request;
      try {
        request = requests.post(settings.url(), out, session, versionFor(out), paramHeaders(out), () -> {
          written.complete(null);
          if (out.isRequest()) {
            sent.complete(null);
          }
        });
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
          onResponse(out, call, sent, written, noRenewal, session, response);
        }
      } catch (IOException e) {
        failed(out, call, sent, e);
      } finally {
        http.release(post);
      }
    } finally {
      written.complete(null);
    }
  }

  private void onResponse(
      Outgoing out, @Nullable InFlight call, CompletableFuture<Void> sent, CompletableFuture<Void> written,
      boolean noRenewal, @Nullable String session, Response response) throws IOException {
    int code = response.code();
    if (code == 404 && session != null && !noRenewal) {
      log.debug("Session {} is gone (404 to {}); initializing again", session, out);
      reinitializer.reinitialize(session).whenComplete((ok, failure) -> {
        if (failure != null) {
          sent.completeExceptionally(failure);
        } else {
          execute(() -> post(out, call, sent, written, true), call, sent, written);
        }
      });
      return;
    }
    if (!response.isSuccessful()) {
      if (call == null) {
        sent.completeExceptionally(new IOException(HttpErrors.describe(response)));
        return;
      }
      HttpErrors.Answer answer = HttpErrors.fromStatus(call.id(), response, codec);
      // A server that refuses initialize with a JSON-RPC error speaks Streamable HTTP: its error is the answer, and
      // the HTTP+SSE transport is not tried.
      if (out.isInitialize() && !confirmed && session == null && settings.legacyFallback()
          && (code == 400 || code == 404 || code == 405) && answer.context().isLocalFailure()) {
        fallBack(out, call, sent, HttpErrors.describe(response));
        return;
      }
      sent.complete(null);
      pending.answer(call, answer);
      return;
    }
    confirmed = true;
    if (out.isInitialize()) {
      state.initialized(out, response.header(McpHeaders.SESSION_ID));
    }
    if (call == null) {
      // Whatever body answers a notification or a response (some servers send one) is of no interest.
      if (out.isInitialized()) {
        // The engine waits for this before it sends anything else: so the GET goes out before the next request,
        // and a server that answers a pending request on whichever GET comes next sees the right one.
        streams.listen().whenComplete((ok, failure) -> sent.complete(null));
      } else {
        sent.complete(null);
      }
      return;
    }
    sent.complete(null);
    if (HttpErrors.isEventStream(response)) {
      streams.readResponse(call, response);
    } else if (HttpErrors.isJson(response)) {
      readJson(call, response);
    } else if (code != 202 && code != 204 && HttpErrors.readBody(response, codec.maxMessageBytes()).length > 0) {
      pending.fail(call, "Unexpected content type " + response.header("Content-Type") + " answering " + out);
    }
    // Otherwise (202): the server will answer on the GET stream.
  }

  private void readJson(InFlight call, Response response) throws IOException {
    DecodeResult decoded = codec.decode(HttpErrors.readBody(response, codec.maxMessageBytes()));
    if (decoded instanceof DecodeResult.Success success) {
      pending.receive(success.message(), call);
    } else {
      pending.fail(call, "The server answered " + call.request() + " with a body that is not JSON-RPC: "
          + ((DecodeResult.Failure) decoded).error().error().message());
    }
    if (pending.awaits(call)) {
      pending.fail(call, "The server's JSON response did not answer " + call.request());
    }
  }

  private void failed(Outgoing out, @Nullable InFlight call, CompletableFuture<Void> sent, Throwable failure) {
    if (call != null && call.isCancelled()) {
      sent.complete(null);
      return;
    }
    if (!sent.isDone()) {
      if (call != null) {
        pending.forget(call);
      }
      sent.completeExceptionally(failure);
    } else if (call != null && !closed.get()) {
      pending.fail(call, "The connection failed before " + out + " was answered: " + failure);
    }
  }

  private void fallBack(Outgoing init, @Nullable InFlight call, CompletableFuture<Void> sent, String status) {
    sent.complete(null);
    if (call != null) {
      pending.forget(call);
    }
    log.debug("{}: trying the HTTP+SSE transport", status);
    RequestId id = init.id();
    fallback.begin(() -> new LegacySseClient(settings, settings.url(), http, requests, inbox::deliver, this::terminate),
        init).whenComplete((ok, failure) -> {
          if (failure != null && id != null && !closed.get()) {
            inbox.deliver(HttpErrors.of(id, status + ", and the HTTP+SSE transport did not work either: " + failure),
                TransportContext.localFailure());
          }
        });
  }

  /** The {@code Mcp-Param-*} headers of a call of a tool whose listing marked parameters, in either era. */
  private Map<String, String> paramHeaders(Outgoing out) {
    if (!"tools/call".equals(out.method()) || !(out.message() instanceof JsonRpcRequest request)) {
      return Map.of();
    }
    return tools.headersFor(request.params());
  }

  private @Nullable String versionFor(Outgoing out) {
    if (out.modernVersion() != null) {
      return out.modernVersion();
    }
    return out.isInitialize() ? null : state.protocolVersion();
  }

  private void stopEverything() {
    pending.stop();
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
