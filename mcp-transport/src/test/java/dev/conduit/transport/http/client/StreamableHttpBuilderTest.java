package dev.conduit.transport.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** What the builders accept and how it reaches the HTTP client. */
class StreamableHttpBuilderTest {

  private static X509TrustManager defaultTrustManager() throws Exception {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  @Test
  void tlsSettingsReachTheHttpClient() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    X509TrustManager trust = defaultTrustManager();
    context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    SSLSocketFactory factory = context.getSocketFactory();

    StreamableHttpClientTransport transport = StreamableHttpClientTransport.builder("https://example.com/mcp")
        .tls(factory, trust).connectTimeout(Duration.ofSeconds(3)).build();
    try {
      OkHttpClient client = transport.okHttpClient();
      assertSame(factory, client.sslSocketFactory());
      assertSame(trust, client.x509TrustManager());
      assertEquals(3000, client.connectTimeoutMillis());
      assertEquals(0, client.readTimeoutMillis());
    } finally {
      transport.close();
    }
  }

  @Test
  void tlsSettingsAndASuppliedClientCannotBeCombined() throws Exception {
    X509TrustManager trust = defaultTrustManager();
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    StreamableHttpClientTransport.Builder builder = StreamableHttpClientTransport.builder("https://example.com/mcp")
        .okHttpClient(new OkHttpClient()).tls(context.getSocketFactory(), trust);

    assertThrows(IllegalStateException.class, builder::build);
  }

  @Test
  void aUrlThatIsNotHttpIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> StreamableHttpClientTransport.builder("ftp://example.com/"));
    assertThrows(IllegalArgumentException.class, () -> SseClientTransport.builder("not a url"));
  }

  @Test
  void aSuppliedClientsReadTimeoutIsSwitchedOffForEventStreams() {
    OkHttpClient mine = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    StreamableHttpClientTransport transport =
        StreamableHttpClientTransport.builder("http://localhost:1/mcp").okHttpClient(mine).build();
    try {
      assertEquals(0, transport.okHttpClient().readTimeoutMillis());
      assertSame(mine.dispatcher(), transport.okHttpClient().dispatcher());
    } finally {
      transport.close();
    }
  }
}
