package dev.conduit.benchmarks.sdk;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The official SDK's synchronous client, initialized (2025-11-25), calling {@code echo}: {@link #apply} sends the text
 * and returns the text of the result's first content.
 */
public final class SdkClient implements UnaryOperator<String>, AutoCloseable {

  private final McpSyncClient client;

  SdkClient(McpClientTransport transport) {
    this.client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
    try {
      client.initialize();
    } catch (RuntimeException e) {
      client.closeGracefully();
      throw e;
    }
  }

  @Override
  public String apply(String text) {
    CallToolResult result =
        client.callTool(CallToolRequest.builder("echo").arguments(Map.of("text", text)).build());
    if (Boolean.TRUE.equals(result.isError())) {
      throw new IllegalStateException("echo failed: " + result.content());
    }
    return ((TextContent) result.content().get(0)).text();
  }

  @Override
  public void close() {
    client.closeGracefully();
  }
}
