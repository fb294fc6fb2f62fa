package dev.conduit.awx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.awx.fake.FakeAwx;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS against a loopback AWX whose certificate a test CA signed (test resources, valid until 2126). */
class TlsTest {

  private final FakeAwx awx = new FakeAwx(serverTls());
  private final List<AwxClient> clients = new ArrayList<>();

  @AfterEach
  void tearDown() {
    clients.forEach(AwxClient::close);
    awx.close();
  }

  private static javax.net.ssl.SSLSocketFactory serverTls() {
    try (InputStream in = Objects.requireNonNull(TlsTest.class.getResourceAsStream("/tls/server.p12"))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "changeit".toCharArray());
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, "changeit".toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context.getSocketFactory();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path caBundle() throws URISyntaxException {
    return Path.of(Objects.requireNonNull(TlsTest.class.getResource("/tls/ca.pem")).toURI());
  }

  private AwxClient client(AwxClient.Builder builder) {
    AwxClient client = builder.apiPrefix("/api/v2/").retry(RetryPolicy.none()).build();
    clients.add(client);
    return client;
  }

  @Test
  void trustsAnAwxSignedByTheConfiguredCaBundle() throws Exception {
    awx.get("/api/v2/ping/", "{\"version\":\"24.6.1\"}");
    assertTrue(awx.url().startsWith("https://"));
    assertEquals("24.6.1", client(AwxClient.builder(awx.url()).caBundle(caBundle())).ping().path("version").asText());
  }

  @Test
  void refusesAnUnknownCertificateByDefault() {
    awx.get("/api/v2/ping/", "{\"version\":\"24.6.1\"}");
    AwxException e = assertThrows(AwxException.class, () -> client(AwxClient.builder(awx.url())).ping());
    assertTrue(e.isConnectionFailure());
    assertTrue(awx.requests().isEmpty());
  }

  @Test
  void acceptsAnyCertificateOnlyWhenVerificationIsTurnedOff() {
    awx.get("/api/v2/ping/", "{\"version\":\"24.6.1\"}");
    assertEquals("24.6.1", client(AwxClient.builder(awx.url()).verifyTls(false)).ping().path("version").asText());
  }
}
