package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.next;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitRequestURLParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Features that arrived in a later revision are not used on a connection that negotiated an earlier one, even when
 * the client declared the capability; and the 2025-11-25-only parts of URL elicitation are filled in.
 */
class VersionGatesTest {

  private static McpServer server() {
    return McpServer.builder()
        .tool(Tool.named("ask_form"), (args, ctx) -> {
          ElicitResult answer = ctx.elicit(ElicitRequestFormParams.of("Name?",
              RequestedSchema.builder().property("name", StringSchema.of()).build()));
          return CallToolResult.text(answer.action().toString());
        })
        .tool(Tool.named("ask_url"), (args, ctx) -> {
          ElicitResult answer = ctx.elicit(ElicitRequestURLParams.of("Sign in", "https://example.com/login", null));
          return CallToolResult.text(answer.action().toString());
        })
        .build();
  }

  private static McpClient legacyClient(McpServer server, ProtocolVersion version,
      BlockingQueue<ElicitRequestParams> asked, BlockingQueue<String> completed) {
    return E2e.client(server, Era.LEGACY)
        .legacyVersion(version)
        .elicitation(request -> {
          asked.add(request);
          return ElicitResult.accept(null);
        })
        .urlElicitation()
        .onElicitationComplete(completed::add)
        .connect();
  }

  @Test
  void aConnectionOnARevisionWithoutElicitationIsNotAskedEvenIfTheClientDeclaredIt() {
    BlockingQueue<ElicitRequestParams> asked = new LinkedBlockingQueue<>();
    McpServer server = server();
    try (McpClient client = legacyClient(server, ProtocolVersion.V2025_03_26, asked, new LinkedBlockingQueue<>())) {
      var error = E2e.fails(() -> client.callTool("ask_form", null));
      assertEquals(-32021, error.code());
      assertTrue(asked.isEmpty(), "the client was never asked");
    }
  }

  @Test
  void urlElicitationNeedsARevisionThatHasIt() {
    BlockingQueue<ElicitRequestParams> asked = new LinkedBlockingQueue<>();
    McpServer server = server();
    try (McpClient client = legacyClient(server, ProtocolVersion.V2025_06_18, asked, new LinkedBlockingQueue<>())) {
      assertEquals(-32021, E2e.fails(() -> client.callTool("ask_url", null)).code());
      assertEquals("ACCEPT", text(client.callTool("ask_form", null)));
    }
  }

  @Test
  void aUrlElicitationOn20251125GetsAnIdThatTheCompletionNotificationCarries() {
    BlockingQueue<ElicitRequestParams> asked = new LinkedBlockingQueue<>();
    BlockingQueue<String> completed = new LinkedBlockingQueue<>();
    McpServer server = server();
    try (McpClient client = legacyClient(server, ProtocolVersion.V2025_11_25, asked, completed)) {
      assertEquals("ACCEPT", text(client.callTool("ask_url", null)));
      ElicitRequestURLParams question = (ElicitRequestURLParams) next(asked);
      assertNotNull(question.elicitationId(), "2025-11-25 requires an elicitationId");
      ServerSession session = server.sessions().get(0);
      assertTrue(session.notifyElicitationComplete(question.elicitationId()));
      assertEquals(question.elicitationId(), next(completed));
    }
  }

  @Test
  void theCompletionNotificationIsNotSentOnOtherRevisions() {
    McpServer server = server();
    try (McpClient client =
        legacyClient(server, ProtocolVersion.V2025_06_18, new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>())) {
      client.ping();
      assertFalse(server.sessions().get(0).notifyElicitationComplete("e-1"));
    }
  }

  @Test
  void cancellingAListAllCallCancelsThePageInFlightAtTheServer() {
    McpServer server = McpServer.builder()
        .tool(Tool.named("t"), (args, ctx) -> CallToolResult.text("x"))
        .interceptor(chain -> chain.request().method().equals("tools/list")
            ? new CompletableFuture<>()
            : chain.proceed(chain.request()))
        .build();
    E2e.Wire wire = new E2e.Wire();
    try (McpClient client = E2e.client(server, Era.LEGACY, wire.pair()).connect()) {
      CompletableFuture<?> all = client.async().listAllTools();
      JsonNode list = wire.awaitFrame(E2e.Wire.method("tools/list"));
      all.cancel(true);
      JsonNode cancelled = wire.awaitFrame(E2e.Wire.method("notifications/cancelled"));
      assertEquals(list.path("id"), cancelled.path("params").path("requestId"));
    }
  }

  @Test
  void cancellingAPingCancelsItAtTheServer() {
    McpServer server = McpServer.builder()
        .interceptor(chain -> chain.request().method().equals("ping")
            ? new CompletableFuture<>()
            : chain.proceed(chain.request()))
        .build();
    E2e.Wire wire = new E2e.Wire();
    try (McpClient client = E2e.client(server, Era.LEGACY, wire.pair()).connect()) {
      CompletableFuture<Void> ping = client.async().ping();
      JsonNode sent = wire.awaitFrame(E2e.Wire.method("ping"));
      ping.cancel(true);
      JsonNode cancelled = wire.awaitFrame(E2e.Wire.method("notifications/cancelled"));
      assertEquals(sent.path("id"), cancelled.path("params").path("requestId"));
    }
  }
}
