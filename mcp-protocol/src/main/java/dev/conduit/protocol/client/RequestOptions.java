package dev.conduit.protocol.client;

import dev.conduit.protocol.jsonrpc.JsonRpcNotification;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Options for one call: how long to wait, where its progress and notifications go, and what it says about the client
 * (a bridge passes on its own client's {@code _meta} and capabilities). Immutable; each {@code with...} method returns
 * a changed copy.
 *
 * <pre>{@code
 * RequestOptions options = RequestOptions.timeout(Duration.ofSeconds(5))
 *     .withProgress(p -> System.out.println(p.progress()))
 *     .withMeta(Meta.empty().with("traceparent", traceparent));
 * }</pre>
 */
public final class RequestOptions {

  private static final RequestOptions DEFAULTS =
      new RequestOptions(null, null, Meta.empty(), null, false, null, null);

  private final @Nullable Duration timeout;
  private final @Nullable Consumer<ProgressNotificationParams> onProgress;
  private final Meta meta;
  private final @Nullable ClientCapabilities capabilities;
  private final boolean passThroughInputRequired;
  private final @Nullable Object tag;
  private final @Nullable Consumer<JsonRpcNotification> onNotification;

  private RequestOptions(
      @Nullable Duration timeout, @Nullable Consumer<ProgressNotificationParams> onProgress, Meta meta,
      @Nullable ClientCapabilities capabilities, boolean passThroughInputRequired, @Nullable Object tag,
      @Nullable Consumer<JsonRpcNotification> onNotification) {
    this.timeout = timeout;
    this.onProgress = onProgress;
    this.meta = meta;
    this.capabilities = capabilities;
    this.passThroughInputRequired = passThroughInputRequired;
    this.tag = tag;
    this.onNotification = onNotification;
  }

  /** The client's defaults. */
  public static RequestOptions defaults() {
    return DEFAULTS;
  }

  /** Waits at most {@code timeout}. */
  public static RequestOptions timeout(Duration timeout) {
    return DEFAULTS.withTimeout(timeout);
  }

  /** Reports progress to {@code listener}. */
  public static RequestOptions progress(Consumer<ProgressNotificationParams> listener) {
    return DEFAULTS.withProgress(listener);
  }

  /** How long to wait for the response; {@code null} for the client's default. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** Where the server's progress notifications for this call go, in order, before it completes; or {@code null}. */
  public @Nullable Consumer<ProgressNotificationParams> onProgress() {
    return onProgress;
  }

  /**
   * Entries for the request's {@code _meta} (trace context, say). The client adds what its era needs: a progress
   * token of its own when {@link #onProgress} is set (a token given here is replaced), and on a 2026-07-28 server the
   * protocol version it negotiated, and the client's info, capabilities and log level unless given here. To a legacy
   * server the 2026-07-28 entries are not sent.
   */
  public Meta meta() {
    return meta;
  }

  /**
   * The client capabilities this call declares to a 2026-07-28 server, in place of the client's own; {@code null}
   * for the client's own. A legacy server learns capabilities once, at {@code initialize}.
   */
  public @Nullable ClientCapabilities capabilities() {
    return capabilities;
  }

  /**
   * Whether a 2026-07-28 server's {@code input_required} result is the call's result, for the caller to answer
   * (a bridge hands it to its own client), instead of being answered by the client and retried.
   */
  public boolean passesThroughInputRequired() {
    return passThroughInputRequired;
  }

  /**
   * A value of the caller's that identifies the call; requests the server makes while serving it reach the client's
   * {@link ServerRequestHandler} with it ({@link ServerRequest#callTag()}). A bridge tags an upstream call with the
   * downstream request it serves.
   */
  public @Nullable Object tag() {
    return tag;
  }

  /**
   * Where the notifications that belong to this call go (a log message on its stream, say), instead of the client's
   * listeners; progress goes to {@link #onProgress}. {@code null} sends them to the client's listeners.
   */
  public @Nullable Consumer<JsonRpcNotification> onNotification() {
    return onNotification;
  }

  /** A copy that waits at most {@code timeout}. */
  public RequestOptions withTimeout(@Nullable Duration timeout) {
    return new RequestOptions(timeout, onProgress, meta, capabilities, passThroughInputRequired, tag, onNotification);
  }

  /** A copy that reports progress to {@code listener}. */
  public RequestOptions withProgress(@Nullable Consumer<ProgressNotificationParams> listener) {
    return new RequestOptions(timeout, listener, meta, capabilities, passThroughInputRequired, tag, onNotification);
  }

  /** A copy whose request carries these {@code _meta} entries; see {@link #meta()}. */
  public RequestOptions withMeta(Meta meta) {
    return new RequestOptions(timeout, onProgress, Objects.requireNonNull(meta, "meta"), capabilities,
        passThroughInputRequired, tag, onNotification);
  }

  /** A copy that declares {@code capabilities} to a 2026-07-28 server; see {@link #capabilities()}. */
  public RequestOptions withCapabilities(@Nullable ClientCapabilities capabilities) {
    return new RequestOptions(timeout, onProgress, meta, capabilities, passThroughInputRequired, tag, onNotification);
  }

  /** A copy that hands an {@code input_required} result back to the caller; see {@link #passesThroughInputRequired}. */
  public RequestOptions withInputRequiredPassedThrough(boolean passThrough) {
    return new RequestOptions(timeout, onProgress, meta, capabilities, passThrough, tag, onNotification);
  }

  /** A copy tagged with {@code tag}; see {@link #tag()}. */
  public RequestOptions withTag(@Nullable Object tag) {
    return new RequestOptions(timeout, onProgress, meta, capabilities, passThroughInputRequired, tag, onNotification);
  }

  /** A copy whose notifications go to {@code listener}; see {@link #onNotification()}. */
  public RequestOptions withNotifications(@Nullable Consumer<JsonRpcNotification> listener) {
    return new RequestOptions(timeout, onProgress, meta, capabilities, passThroughInputRequired, tag, listener);
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", progress=" + (onProgress != null) + ", meta=" + meta.entries()
        .keySet() + ", passThroughInputRequired=" + passThroughInputRequired + "}";
  }
}
