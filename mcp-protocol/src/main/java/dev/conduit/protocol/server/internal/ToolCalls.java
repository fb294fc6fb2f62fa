package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.CallToolRequestParams;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ContentBlock;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.Arguments;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a tool: checks the arguments against its input schema, runs the handler, and checks structured output
 * against its output schema. Failures the model should see become results with {@code isError: true}.
 */
final class ToolCalls {

  private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

  private final ServerState server;

  ToolCalls(ServerState server) {
    this.server = server;
  }

  CallToolResult call(Registry.ToolEntry tool, CallToolRequestParams params, RequestContext context) {
    String name = tool.tool().name();
    JsonNode arguments = params.arguments() == null ? Json.MAPPER.createObjectNode() : params.arguments();
    if (!arguments.isObject()) {
      return CallToolResult.error("Invalid arguments for tool '" + name + "': arguments must be a JSON object");
    }
    if (server.config().validateToolInput() && tool.input() != null) {
      List<String> problems = tool.input().validate(arguments);
      if (!problems.isEmpty()) {
        return CallToolResult.error("Invalid arguments for tool '" + name + "': " + String.join("; ", problems));
      }
    }
    CallToolResult result;
    try {
      result = tool.handler().call(Arguments.of(arguments), context);
    } catch (ToolException e) {
      return CallToolResult.error(e.getMessage());
    } catch (McpException | InputRound.Required | CancellationException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted");
    } catch (Exception e) {
      log.warn("Tool {} failed", name, e);
      return CallToolResult.error("Tool '" + name + "' failed with an internal error");
    }
    if (result == null) {
      log.warn("Tool {} returned null", name);
      return CallToolResult.error("Tool '" + name + "' returned no result");
    }
    return tool.output() == null || result.failed() ? result : checkOutput(tool, result);
  }

  private static CallToolResult checkOutput(Registry.ToolEntry tool, CallToolResult result) {
    String name = tool.tool().name();
    JsonNode structured = result.structuredContent();
    if (structured == null) {
      log.warn("Tool {} declares an output schema but returned no structured content", name);
      return CallToolResult.error("Tool '" + name + "' returned no structured content");
    }
    List<String> problems = tool.output().validate(structured);
    if (!problems.isEmpty()) {
      log.warn("Tool {} returned structured content that violates its output schema: {}", name, problems);
      return CallToolResult.error(
          "Tool '" + name + "' returned output that does not match its schema: " + String.join("; ", problems));
    }
    if (hasText(result.content())) {
      return result;
    }
    // Clients that read only unstructured content still get the result, as the spec recommends.
    List<ContentBlock> content = new ArrayList<>(result.content());
    content.add(TextContent.of(json(structured)));
    return result.withContent(content);
  }

  private static boolean hasText(List<ContentBlock> content) {
    return content.stream().anyMatch(TextContent.class::isInstance);
  }

  private static String json(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
