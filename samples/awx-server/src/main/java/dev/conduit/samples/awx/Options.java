package dev.conduit.samples.awx;

import dev.conduit.awx.tools.AwxTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The command line of the AWX server, parsed.
 *
 * @param http Streamable HTTP rather than stdio
 * @param port the HTTP port (0 picks a free one)
 * @param host the HTTP bind address
 * @param path the MCP endpoint's HTTP path
 * @param config the environments file, or {@code null} for the {@code AWX_*} variables alone
 * @param toolsets the toolsets to enable; empty for all
 * @param readOnly whether to leave out every tool that changes AWX
 * @param demo whether to serve the embedded AWX simulator's demo estate
 * @param help whether only the usage was asked for
 */
public record Options(boolean http, int port, String host, String path, @Nullable Path config, List<String> toolsets,
    boolean readOnly, boolean demo, boolean help) {

  /** Copies the toolset list. */
  public Options {
    toolsets = List.copyOf(toolsets);
  }

  private static final String USAGE = """
      Usage: java -jar conduit-awx-server.jar [options]

      An MCP server for AWX / Ansible Automation Platform.

      Transport:
        --stdio            serve one MCP client on stdin/stdout (default; for VS Code, Claude Desktop, ...)
        --http             serve Streamable HTTP instead
        --port N           HTTP port (default 8000; 0 picks a free one)
        --host ADDR        HTTP bind address (default 127.0.0.1)
        --path /mcp        HTTP path of the MCP endpoint (default /mcp)

      AWX:
        --config FILE      environments file (JSON; see mcp-awx/README.md)
        --toolsets a,b,c   enable only these toolsets (default: all): %s
        --read-only        leave out every tool that changes AWX
        --demo             start an embedded AWX simulator with demo data and serve it (ignores --config
                           and the AWX_* variables); needs nothing installed

      Without --demo, environments come from --config and/or the variables AWX_BASE_URL, AWX_TOKEN (or
      AWX_USERNAME and AWX_PASSWORD), AWX_VERIFY_SSL, AWX_CA_BUNDLE, AWX_API_PREFIX, AWX_ENVIRONMENT, ...
      Over HTTP a caller may send its own credentials per request: X-AWX-Token (or X-AWX-Username and
      X-AWX-Password), X-AWX-Verify-SSL, and X-AWX-Base-URL for a configured or allowlisted AWX.

      In stdio mode only MCP goes to stdout; everything else goes to stderr.
        --help             print this and exit
      """;

  /** The usage text {@code --help} prints. */
  public static String usage() {
    return USAGE.formatted(String.join(",", AwxTools.TOOLSETS));
  }

  /**
   * Parses {@code args}; no arguments mean stdio, every toolset, writes allowed, no demo.
   *
   * @throws IllegalArgumentException naming the first problem: an unknown option, a missing or malformed value
   */
  public static Options parse(String... args) {
    boolean http = false;
    int port = 8000;
    String host = "127.0.0.1";
    String path = "/mcp";
    Path config = null;
    List<String> toolsets = List.of();
    boolean readOnly = false;
    boolean demo = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--stdio" -> http = false;
        case "--http" -> http = true;
        case "--port" -> port = port(value(args, ++i, arg));
        case "--host" -> host = value(args, ++i, arg);
        case "--path" -> path = path(value(args, ++i, arg));
        case "--config" -> config = Path.of(value(args, ++i, arg));
        case "--toolsets" -> toolsets = toolsets(value(args, ++i, arg));
        case "--read-only" -> readOnly = true;
        case "--demo" -> demo = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    if (demo && config != null) {
      throw new IllegalArgumentException("--demo serves the embedded simulator; leave out --config");
    }
    return new Options(http, port, host, path, config, toolsets, readOnly, demo, help);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new IllegalArgumentException("--port needs a number from 0 to 65535, not " + value);
  }

  private static String path(String value) {
    if (!value.startsWith("/")) {
      throw new IllegalArgumentException("--path must start with /, not " + value);
    }
    return value;
  }

  private static List<String> toolsets(String value) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("--toolsets needs at least one toolset name");
    }
    return List.copyOf(names);
  }
}
