package dev.conduit.transport.http.client.internal;

import static dev.conduit.transport.internal.Checks.positive;


import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.transport.internal.Checks;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * What the public builders collect: where to connect, how (TLS, a user's {@link OkHttpClient}), what to add to every
 * request, and the transport's limits. Mutable while a builder fills it; read-only once a transport is built.
 */
public final class HttpSettings {

  /** The retry delay used when a server never sent an SSE {@code retry} field. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  /** How many reconnects in a row may fail (or bring nothing new) before a stream is given up. */
  public static final int DEFAULT_MAX_RECONNECT_ATTEMPTS = 5;

  private final HttpUrl url;
  private Supplier<Map<String, String>> headers = Map::of;
  private @Nullable OkHttpClient client;
  private @Nullable SSLSocketFactory sslSocketFactory;
  private @Nullable X509TrustManager trustManager;
  private @Nullable HostnameVerifier hostnameVerifier;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration closeTimeout = Duration.ofSeconds(2);
  private Duration endpointTimeout = Duration.ofSeconds(30);
  private JsonRpcCodec codec = JsonRpcCodec.standard();
  private Duration retryDelay = DEFAULT_RETRY_DELAY;
  private int maxReconnectAttempts = DEFAULT_MAX_RECONNECT_ATTEMPTS;
  private boolean getStream = true;
  private boolean legacyFallback = true;
  private boolean deleteSessionOnClose = true;

  private HttpSettings(HttpUrl url) {
    this.url = url;
  }

  /**
   * Settings for {@code url}.
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL
   */
  public static HttpSettings forUrl(String url) {
    Objects.requireNonNull(url, "url");
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("Not an http or https URL: " + url);
    }
    return new HttpSettings(parsed);
  }

  /**
   * Settings for the WebSocket at {@code url}, kept as the http or https URL its handshake goes to.
   *
   * @throws IllegalArgumentException if {@code url} is not an absolute ws or wss URL
   */
  public static HttpSettings forWebSocketUrl(String url) {
    Objects.requireNonNull(url, "url");
    String http = url.regionMatches(true, 0, "ws://", 0, 5) ? "http://" + url.substring(5)
        : url.regionMatches(true, 0, "wss://", 0, 6) ? "https://" + url.substring(6) : null;
    HttpUrl parsed = http == null ? null : HttpUrl.parse(http);
    if (parsed == null) {
      throw new IllegalArgumentException("Not a ws or wss URL: " + url);
    }
    return new HttpSettings(parsed);
  }

  public HttpUrl url() {
    return url;
  }

  public Supplier<Map<String, String>> headers() {
    return headers;
  }

  public void headers(Supplier<Map<String, String>> supplier) {
    this.headers = Objects.requireNonNull(supplier, "supplier");
  }

  public @Nullable OkHttpClient client() {
    return client;
  }

  public void client(OkHttpClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  public @Nullable SSLSocketFactory sslSocketFactory() {
    return sslSocketFactory;
  }

  public @Nullable X509TrustManager trustManager() {
    return trustManager;
  }

  public void tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    this.sslSocketFactory = Objects.requireNonNull(socketFactory, "socketFactory");
    this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
  }

  public @Nullable HostnameVerifier hostnameVerifier() {
    return hostnameVerifier;
  }

  public void hostnameVerifier(HostnameVerifier verifier) {
    this.hostnameVerifier = Objects.requireNonNull(verifier, "verifier");
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public void connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
  }

  public Duration closeTimeout() {
    return closeTimeout;
  }

  public void closeTimeout(Duration timeout) {
    this.closeTimeout = positive(timeout, "closeTimeout");
  }

  public Duration endpointTimeout() {
    return endpointTimeout;
  }

  public void endpointTimeout(Duration timeout) {
    this.endpointTimeout = positive(timeout, "endpointTimeout");
  }

  public JsonRpcCodec codec() {
    return codec;
  }

  public void codec(JsonRpcCodec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public void retryDelay(Duration delay) {
    this.retryDelay = Checks.nonNegative(delay, "retryDelay");
  }

  public int maxReconnectAttempts() {
    return maxReconnectAttempts;
  }

  public void maxReconnectAttempts(int attempts) {
    if (attempts < 0) {
      throw new IllegalArgumentException("maxReconnectAttempts must not be negative: " + attempts);
    }
    this.maxReconnectAttempts = attempts;
  }

  public boolean getStream() {
    return getStream;
  }

  public void getStream(boolean enabled) {
    this.getStream = enabled;
  }

  public boolean legacyFallback() {
    return legacyFallback;
  }

  public void legacyFallback(boolean enabled) {
    this.legacyFallback = enabled;
  }

  public boolean deleteSessionOnClose() {
    return deleteSessionOnClose;
  }

  public void deleteSessionOnClose(boolean enabled) {
    this.deleteSessionOnClose = enabled;
  }

  /** Checks that the settings agree with each other; called by {@code build()}. */
  public void validate() {
    if (client != null && (sslSocketFactory != null || hostnameVerifier != null)) {
      throw new IllegalStateException(
          "TLS settings and an OkHttpClient were both given; configure TLS on the OkHttpClient instead");
    }
  }
}
