package dev.conduit.samples.awx;

import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.tools.AwxTools;
import dev.conduit.protocol.server.McpServer;

/** Assembles the AWX MCP server from the command line's choices: which toolsets, and whether read-only. */
public final class AwxServer {

  /** The server name MCP clients see. */
  public static final String NAME = "conduit-awx";

  /** The server version MCP clients see. */
  public static final String VERSION = "0.1.0";

  private static final String INSTRUCTIONS = "Tools for AWX / Ansible Automation Platform. environments_list shows "
      + "which AWX installations are configured; every tool takes an optional 'environment'. To run a playbook: "
      + "job_templates_list, job_launch (job_template_id), job_wait (job_id), then job_stdout or "
      + "job_failure_summary.";

  private AwxServer() {}

  /**
   * A server builder with the AWX tools the options enable, ready for interceptors.
   *
   * @throws IllegalArgumentException for an unknown toolset name
   */
  public static McpServer.Builder builder(Options options, AwxEnvironments environments) {
    AwxTools.Builder tools = AwxTools.builder().environments(environments).readOnly(options.readOnly());
    if (!options.toolsets().isEmpty()) {
      tools.toolsets(options.toolsets().toArray(String[]::new));
    }
    return tools.build().registerOn(McpServer.builder().info(NAME, VERSION).instructions(INSTRUCTIONS));
  }
}
