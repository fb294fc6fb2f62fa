package dev.conduit.samples.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's command line, parsed.
 *
 * @param upstreamUrl the upstream's URL ({@code http(s)://} Streamable HTTP with legacy SSE fallback, {@code
 *     ws(s)://} WebSocket), or {@code null} for a stdio upstream
 * @param upstreamCommand the command line of a stdio upstream; empty for a URL
 * @param headers headers sent to the upstream with every request (or WebSocket handshake)
 * @param port the HTTP front door's port (0 picks a free one), or {@code null} for none
 * @param host the HTTP front door's bind address
 * @param stdio whether to serve stdin/stdout too
 * @param allowedOrigins browser origins allowed besides the loopback ones
 * @param help whether only the usage was asked for
 */
record Options(@Nullable String upstreamUrl, List<String> upstreamCommand, Map<String, String> headers,
    @Nullable Integer port, String host, boolean stdio, List<String> allowedOrigins, boolean help) {

  Options {
    upstreamCommand = List.copyOf(upstreamCommand);
    headers = Map.copyOf(headers);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  static final String USAGE = """
      Usage: java -jar conduit-gateway.jar UPSTREAM [FRONT DOORS] [options]

      Serves one MCP server (the upstream) to MCP clients over other transports and either protocol era
      (2025-11-25 and earlier, or 2026-07-28), both ways.

      Upstream (exactly one):
        --upstream URL               an MCP server at URL: http(s)://... is Streamable HTTP (falling back to the
                                     legacy HTTP+SSE transport), ws(s)://... is WebSocket
        --upstream-stdio -- CMD ...  an MCP server started as a child process on stdio (everything after -- is its
                                     command line); restarted with backoff if it dies
        --header NAME=VALUE          a header sent to a URL upstream with every request (repeatable)

      Front doors (default: --stdio):
        --port N                     serve HTTP on port N (0 picks a free one): Streamable HTTP at /mcp, legacy
                                     HTTP+SSE at /sse, WebSocket at /ws, health at /health /healthz /ready,
                                     Prometheus metrics at /metrics
        --host ADDR                  the HTTP bind address (default 127.0.0.1; another exposes the upstream to
                                     whoever reaches it)
        --allowed-origin ORIGIN      a browser origin allowed besides the loopback ones (repeatable)
        --stdio                      serve one MCP client on stdin/stdout, as desktop hosts start servers

      --help                         this text

      Exit codes: 0 after a clean stop; 2 for a bad option or an upstream that cannot be reached at start; 1 if the
      gateway could not start.
      """;

  /**
   * Parses a command line.
   *
   * @throws IllegalArgumentException with a one-line reason if it is not a valid one
   */
  static Options parse(String... args) {
    String url = null;
    List<String> command = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    Integer port = null;
    String host = "127.0.0.1";
    boolean stdio = false;
    List<String> origins = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--upstream" -> url = upstreamUrl(value(args, ++i, arg));
        case "--upstream-stdio" -> {
          if (i + 1 >= args.length || !args[i + 1].equals("--")) {
            throw new IllegalArgumentException("--upstream-stdio takes the command after --, as in"
                + " --upstream-stdio -- npx -y @modelcontextprotocol/server-everything");
          }
          command.addAll(List.of(args).subList(i + 2, args.length));
          if (command.isEmpty()) {
            throw new IllegalArgumentException("--upstream-stdio -- needs a command after --");
          }
          i = args.length;
        }
        case "--header" -> {
          String header = value(args, ++i, arg);
          int equals = header.indexOf('=');
          if (equals <= 0) {
            throw new IllegalArgumentException("--header takes NAME=VALUE, not " + header);
          }
          headers.put(header.substring(0, equals).trim(), header.substring(equals + 1));
        }
        case "--port" -> port = port(value(args, ++i, arg));
        case "--host" -> host = value(args, ++i, arg);
        case "--stdio" -> stdio = true;
        case "--allowed-origin" -> origins.add(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (help) {
      return new Options(null, List.of(), Map.of(), null, host, false, List.of(), true);
    }
    if (url == null && command.isEmpty()) {
      throw new IllegalArgumentException("no upstream: give --upstream URL or --upstream-stdio -- COMMAND");
    }
    if (url != null && !command.isEmpty()) {
      throw new IllegalArgumentException("two upstreams: give --upstream or --upstream-stdio, not both");
    }
    if (!headers.isEmpty() && url == null) {
      throw new IllegalArgumentException("--header is for a URL upstream; a stdio upstream has no headers");
    }
    return new Options(url, command, headers, port, host, stdio || port == null, origins, false);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String upstreamUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--upstream " + url + " is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!List.of("http", "https", "ws", "wss").contains(scheme) || uri.getHost() == null) {
      throw new IllegalArgumentException("--upstream takes an http(s):// or ws(s):// URL, not " + url);
    }
    return url;
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port takes a number from 0 to 65535, not " + text);
  }

  /** Whether the upstream is a WebSocket. */
  boolean webSocketUpstream() {
    return upstreamUrl != null && upstreamUrl.toLowerCase(Locale.ROOT).startsWith("ws");
  }
}
