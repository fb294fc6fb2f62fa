package dev.conduit.transport.http.client;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.transport.http.client.internal.HttpSettings;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * What the builders of both HTTP client transports configure alike: headers, TLS, the OkHttp client, timeouts and the
 * codec.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract sealed class HttpClientTransportBuilder<B extends HttpClientTransportBuilder<B>>
    permits StreamableHttpClientTransport.Builder, SseClientTransport.Builder {

  final HttpSettings settings;

  HttpClientTransportBuilder(HttpSettings settings) {
    this.settings = settings;
  }

  abstract B self();

  /**
   * Headers to add to every request, such as {@code Authorization}. The supplier is asked anew for each request (on a
   * transport thread, or a blocking caller's), so it may hand out a refreshed token. It cannot override the protocol's
   * own headers.
   */
  public B headers(Supplier<Map<String, String>> supplier) {
    settings.headers(supplier);
    return self();
  }

  /** Trust and client certificates for https, for a client the transport creates itself. */
  public B tls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    settings.tls(socketFactory, trustManager);
    return self();
  }

  /** Checks https host names another way, for a client the transport creates itself. */
  public B hostnameVerifier(HostnameVerifier verifier) {
    settings.hostnameVerifier(verifier);
    return self();
  }

  /**
   * Sends every request through {@code client}: its connection pool, dispatcher, interceptors, proxy and TLS settings.
   * Its read and call timeouts are switched off for this transport's requests, because an event stream stays quiet
   * while the server works. The transport never shuts a supplied client down.
   */
  public B okHttpClient(OkHttpClient client) {
    settings.client(client);
    return self();
  }

  /** How long connecting may take, for a client the transport creates itself (default 10 seconds). */
  public B connectTimeout(Duration timeout) {
    settings.connectTimeout(timeout);
    return self();
  }

  /** How long to wait for an HTTP+SSE server's {@code endpoint} event (default 30 seconds). */
  public B endpointTimeout(Duration timeout) {
    settings.endpointTimeout(timeout);
    return self();
  }

  /** The codec, and so the limits on what the server may send (the standard codec by default). */
  public B codec(JsonRpcCodec codec) {
    settings.codec(codec);
    return self();
  }
}
