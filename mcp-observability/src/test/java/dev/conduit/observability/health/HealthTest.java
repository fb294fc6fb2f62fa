package dev.conduit.observability.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthTest {

  private final McpServer server = McpServer.builder()
      .info("healthy", "2.0.0")
      // Never answers a ping that asks for it, as a hung upstream would not.
      .interceptor(chain -> chain.request().method().equals("ping")
          && chain.request().params() != null && chain.request().params().member("hang") != null
          ? new CompletableFuture<JsonPayload>()
          : chain.proceed(chain.request()))
      .build();

  @AfterEach
  void close() {
    server.close();
  }

  private McpClient connect() {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    return McpClient.builder().transport(pair.client()).era(Era.LEGACY).connect();
  }

  @Test
  void reportsAServerUpWithItsSessionCount() {
    try (McpClient first = connect(); McpClient second = connect()) {
      Health health = ServerHealth.of(server).check();
      assertEquals(HealthStatus.UP, health.status());
      assertEquals(2, health.details().get("sessions"));
      assertEquals("healthy", health.details().get("name"));
    }
  }

  @Test
  void reportsAServerDegradedAtItsSessionLimit() {
    try (McpClient first = connect(); McpClient second = connect()) {
      assertEquals(HealthStatus.DEGRADED, ServerHealth.degradedAt(server, 2).check().status());
    }
  }

  @Test
  void reportsASessionDownOnceItIsClosed() {
    try (McpClient client = connect()) {
      ServerSession session = server.sessions().get(0);
      assertEquals(HealthStatus.UP, new SessionHealth(session).check().status());
      session.close();
      session.closeFuture().toCompletableFuture().join();
      assertEquals(HealthStatus.DOWN, new SessionHealth(session).check().status());
    }
  }

  @Test
  void reportsAnUpstreamUpWhenItAnswersAPing() {
    try (McpClient client = connect()) {
      Health health = ClientHealth.of(client, Duration.ofSeconds(30)).check();
      assertEquals(HealthStatus.UP, health.status());
      assertTrue(health.details().get("latencyMs") instanceof Long);
      assertEquals("healthy", health.details().get("server"));
    }
  }

  @Test
  void reportsAnUpstreamDownOnceItsConnectionIsClosed() {
    McpClient client = connect();
    client.close();
    Health health = ClientHealth.of(client, Duration.ofSeconds(30)).check();
    assertEquals(HealthStatus.DOWN, health.status());
    assertEquals("connection closed", health.details().get("reason"));
  }

  @Test
  void reportsAnUpstreamDownWhenThePingTimesOut() {
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    McpClient hanging = McpClient.builder().transport(pair.client()).era(Era.LEGACY)
        .interceptor(chain -> chain.proceed(chain.request().method().equals("ping")
            ? chain.request().withParams(Map.of("hang", true)) : chain.request()))
        .connect();
    try (hanging) {
      Health health = ClientHealth.of(hanging, Duration.ofMillis(200)).check();
      assertEquals(HealthStatus.DOWN, health.status());
      assertEquals("no answer within 200 ms", health.details().get("reason"));
    }
  }

  @Test
  void aggregatesPartsAsTheWorstOfThemAndAPartThatThrowsIsDown() {
    Health all = CompositeHealth.builder()
        .add("server", ServerHealth.of(server))
        .add("slow", () -> Health.degraded(Map.of("latencyMs", 900)))
        .build()
        .check();
    assertEquals(HealthStatus.DEGRADED, all.status());
    assertEquals(HealthStatus.UP, ((Health) all.details().get("server")).status());

    Health broken = CompositeHealth.builder()
        .add("server", ServerHealth.of(server))
        .add("broken", () -> {
          throw new IllegalStateException("boom");
        })
        .build()
        .check();
    assertEquals(HealthStatus.DOWN, broken.status());
  }

  @Test
  void rendersHealthAsJsonWithAnHttpStatus() {
    Health health = CompositeHealth.builder().add("server", ServerHealth.of(server)).build().check();
    assertEquals("{\"status\":\"UP\",\"details\":{\"server\":{\"status\":\"UP\",\"details\":"
        + "{\"name\":\"healthy\",\"version\":\"2.0.0\",\"sessions\":0}}}}", HealthJson.render(health));
    assertEquals(200, HealthJson.httpStatus(health));
    assertEquals(503, HealthJson.httpStatus(Health.down(Map.of())));
  }
}
