package dev.conduit.transport.stdio;

import static dev.conduit.transport.stdio.RawPeer.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stdio framing over in-process pipes, served by a real {@link McpServer}; and a client on them, answered by a raw
 * peer.
 */
class StdioTransportTest {

  private final McpServer server = ChildServer.server();
  private final Pipe toServer = open();
  private final Pipe fromServer = open();
  private final InputStream serverIn = Channels.newInputStream(toServer.source());
  private final OutputStream serverOut = Channels.newOutputStream(fromServer.sink());
  private final RawPeer peer =
      new RawPeer(Channels.newInputStream(fromServer.source()), Channels.newOutputStream(toServer.sink()));

  private static Pipe open() {
    try {
      return Pipe.open();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void tearDown() {
    peer.close();
    server.close();
  }

  private CompletableFuture<Void> serveInBackground(StdioTransport transport) {
    return CompletableFuture.runAsync(() -> StdioServer.serve(server, transport));
  }

  @Test
  void aMalformedLineIsAnsweredWithAParseErrorAndTheSessionGoesOn() throws Exception {
    server.connect(StdioTransport.of(serverIn, serverOut));
    peer.initialize();

    peer.send("{this is not json");
    JsonNode error = peer.next();
    assertEquals(-32700, error.at("/error/code").asInt(), error.toString());
    assertTrue(error.get("id").isNull(), error.toString());

    peer.assertEchoes("after", "still here");
  }

  @Test
  void anOverlongLineIsRejectedWithoutBeingHeldAndTheSessionGoesOn() throws Exception {
    server.connect(StdioTransport.builder(serverIn, serverOut).maxLineBytes(1024).build());
    peer.initialize();

    peer.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
        + "{\"text\":\"" + "x".repeat(100_000) + "\"}}}");
    JsonNode error = peer.next();
    assertEquals(-32600, error.at("/error/code").asInt(), error.toString());
    assertTrue(error.get("id").isNull(), error.toString());
    assertTrue(error.at("/error/message").asText().contains("exceeds the limit of 1024"), error.toString());

    peer.assertEchoes("after", "short");
  }

  @Test
  void carriageReturnsAndBlankLinesAreTolerated() throws Exception {
    server.connect(StdioTransport.of(serverIn, serverOut));
    peer.sendRaw("\r\n\n   \n");
    peer.initialize();
    peer.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":\"crlf\",\"method\":\"ping\"}\r\n\r\n");
    JsonNode answer = peer.nextResponse();
    assertEquals("crlf", answer.get("id").asText(), answer.toString());
    assertTrue(answer.has("result"), answer.toString());
  }

  @Test
  void serveReturnsAndClosesItsOutputWhenTheInputEnds() throws Exception {
    CompletableFuture<Void> serving = serveInBackground(StdioTransport.of(serverIn, serverOut));
    peer.initialize();
    peer.close();
    serving.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(RawPeer.EOF, peer.nextLine());
  }

  @Test
  void answersInProgressWhenTheInputEndsAreStillWritten() throws Exception {
    CompletableFuture<Void> serving = serveInBackground(StdioTransport.of(serverIn, serverOut));
    peer.initialize();
    peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"tools/call\",\"params\":{\"name\":\"sleep\","
        + "\"arguments\":{\"millis\":300}}}");
    peer.close();

    JsonNode answer = peer.nextResponse();
    assertEquals("slept", answer.at("/result/content/0/text").asText(), answer.toString());
    serving.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(RawPeer.EOF, peer.nextLine());
  }

  @Test
  void aClientAndAServerTalkOverStreams() throws Exception {
    peer.close();
    Pipe up = Pipe.open();
    Pipe down = Pipe.open();
    ServerSession session = server.connect(StdioTransport.of(
        Channels.newInputStream(up.source()), Channels.newOutputStream(down.sink())));
    StdioTransport clientEnd =
        StdioTransport.builder(Channels.newInputStream(down.source()), Channels.newOutputStream(up.sink()))
            .name("test-client")
            .build();
    try (McpClient client = McpClient.connect(clientEnd)) {
      TextContent text = (TextContent) client.callTool("echo", Map.of("text", "over pipes")).content().get(0);
      assertEquals("over pipes", text.text());
    }
    // Closing the client ends the server's input, which ends its session.
    session.closeFuture().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
      + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  private static void assertRefusedAsAmbiguous(JsonNode error, String id) {
    assertEquals(-32600, error.at("/error/code").asInt(), error.toString());
    assertEquals(id, error.get("id").asText(), error.toString());
    assertTrue(error.at("/error/message").asText().contains("duplicate member 'name'"), error.toString());
  }

  @Test
  void aLegacyRequestNamingItsToolTwiceIsRefusedWithItsIdAndTheSessionGoesOn() throws Exception {
    server.connect(StdioTransport.of(serverIn, serverOut));
    peer.initialize();

    peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"twice\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"arguments\":{\"text\":\"x\"},\"\\u006eame\":\"sleep\"}}");
    assertRefusedAsAmbiguous(peer.nextResponse(), "twice");

    peer.assertEchoes("after", "still here");
  }

  @Test
  void aModernRequestNamingItsToolTwiceIsRefusedWithItsIdAndTheNextIsServed() throws Exception {
    server.connect(StdioTransport.of(serverIn, serverOut));

    peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"twice\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"name\":\"sleep\",\"arguments\":{\"text\":\"x\",\"millis\":1}," + MODERN_META + "}}");
    assertRefusedAsAmbiguous(peer.nextResponse(), "twice");

    peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"arguments\":{\"text\":\"modern\"}," + MODERN_META + "}}");
    JsonNode answer = peer.nextResponse();
    assertEquals("modern", answer.at("/result/content/0/text").asText(), answer.toString());
  }

  @Test
  void aClientAnsweredWithARepeatedMemberFailsTheCallClearlyAndGoesOn() throws Exception {
    peer.close();
    Pipe up = Pipe.open();
    Pipe down = Pipe.open();
    StdioTransport clientEnd =
        StdioTransport.of(Channels.newInputStream(down.source()), Channels.newOutputStream(up.sink()));
    RawPeer fakeServer = new RawPeer(Channels.newInputStream(up.source()), Channels.newOutputStream(down.sink()));
    CompletableFuture<McpClient> connecting = CompletableFuture.supplyAsync(
        () -> McpClient.builder().transport(clientEnd).era(Era.LEGACY).connect());
    JsonNode initialize = fakeServer.next();
    fakeServer.send("{\"jsonrpc\":\"2.0\",\"id\":" + initialize.get("id") + ",\"result\":{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    assertEquals("notifications/initialized", fakeServer.next().path("method").asText());

    try (fakeServer; McpClient client = connecting.get(WAIT_SECONDS, TimeUnit.SECONDS)) {
      CompletableFuture<CallToolResult> call = client.async().callTool("echo", Map.of("text", "x"));
      fakeServer.send("{\"jsonrpc\":\"2.0\",\"id\":" + fakeServer.next().get("id") + ",\"result\":{\"content\":"
          + "[{\"type\":\"text\",\"text\":\"safe\",\"text\":\"evil\"}]}}");
      ExecutionException failed =
          assertThrows(ExecutionException.class, () -> call.get(WAIT_SECONDS, TimeUnit.SECONDS));
      McpException failure = assertInstanceOf(McpException.class, failed.getCause());
      assertEquals(-32600, failure.code(), failure.getMessage());
      assertTrue(failure.getMessage().startsWith("Invalid response: duplicate member 'text'"), failure.getMessage());

      CompletableFuture<CallToolResult> next = client.async().callTool("echo", Map.of("text", "next"));
      fakeServer.send("{\"jsonrpc\":\"2.0\",\"id\":" + fakeServer.next().get("id") + ",\"result\":{\"content\":"
          + "[{\"type\":\"text\",\"text\":\"next\"}]}}");
      assertEquals("next", ((TextContent) next.get(WAIT_SECONDS, TimeUnit.SECONDS).content().get(0)).text());
    }
  }
}
