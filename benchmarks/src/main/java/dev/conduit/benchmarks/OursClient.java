package dev.conduit.benchmarks;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.http.client.StreamableHttpClientTransport;
import dev.conduit.transport.stdio.StdioClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Conduit's client calling {@code echo}: {@link Era#LEGACY} ({@code initialize}, 2025-11-25, as the official SDK
 * speaks), or {@link Era#MODERN} (stateless 2026-07-28) for the modern-era variant.
 */
final class OursClient implements EchoTarget {

  private final McpClient client;
  private final AutoCloseable server;

  private OursClient(McpTransport transport, Era era, AutoCloseable server) {
    this.server = server;
    this.client = McpClient.builder()
        .transport(transport)
        .era(era)
        .requestTimeout(Duration.ofSeconds(60))
        .connect();
  }

  /** Over Streamable HTTP to {@code url}; {@code server} is closed after the client. */
  static OursClient http(String url, Era era, AutoCloseable server) throws Exception {
    try {
      return new OursClient(StreamableHttpClientTransport.create(url), era, server);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Over stdio to a child launched with {@code command}. */
  static OursClient stdio(List<String> command) {
    StdioClientTransport transport = StdioClientTransport.builder(command)
        .onStderr(line -> System.err.println("[child] " + line))
        .build();
    return new OursClient(transport, Era.LEGACY, () -> { });
  }

  @Override
  public String echo(String text) {
    CallToolResult result = client.callTool("echo", Map.of("text", text));
    if (result.failed()) {
      throw new IllegalStateException("echo failed: " + result.content());
    }
    return ((TextContent) result.content().get(0)).text();
  }

  @Override
  public void close() throws Exception {
    try {
      client.close();
    } finally {
      server.close();
    }
  }
}
