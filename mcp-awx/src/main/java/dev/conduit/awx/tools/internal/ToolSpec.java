package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Tool;
import org.jspecify.annotations.Nullable;

/**
 * One AWX tool: its toolset, what it does to AWX, its MCP description and its handler.
 *
 * @param toolset the toolset that enables it
 * @param kind what it does to AWX
 * @param tool the MCP tool
 * @param handler runs it
 */
public record ToolSpec(String toolset, Kind kind, Tool tool, Handler handler) {

  /** Runs a tool call. */
  @FunctionalInterface
  public interface Handler {
    /** Runs the call; AWX and argument failures are thrown and become error results. */
    CallToolResult handle(Call call) throws Exception;
  }

  /** A tool named {@code name} in {@code toolset}. */
  public static ToolSpec of(String toolset, Kind kind, String name, String title, String description,
      ObjectNode input, @Nullable ObjectNode output, Handler handler) {
    Tool tool = Tool.named(name).title(title).description(description).inputSchema(input).outputSchema(output)
        .annotations(kind.annotations(title)).build();
    return new ToolSpec(toolset, kind, tool, handler);
  }

  /** The tool's name. */
  public String name() {
    return tool.name();
  }
}
