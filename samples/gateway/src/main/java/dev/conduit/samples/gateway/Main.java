package dev.conduit.samples.gateway;

import dev.conduit.protocol.McpException;
import dev.conduit.transport.stdio.StdioServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code java -jar conduit-gateway.jar UPSTREAM [FRONT DOORS]} (see {@link Options#USAGE}). Exit codes: 0 after a
 * clean stop, 2 for a bad option or an upstream that cannot be reached at start, 1 if the gateway could not start.
 */
public final class Main {

  /** The exit code of a bad option or an unreachable upstream. */
  static final int USAGE_ERROR = 2;

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the gateway, reporting on {@code log}, until it is stopped; returns the exit code. */
  static int run(String[] args, PrintStream log) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      log.println("conduit-gateway: " + e.getMessage() + " (--help lists the options)");
      return USAGE_ERROR;
    }
    if (options.help()) {
      new PrintStream(new FileOutputStream(FileDescriptor.out), true).print(Options.USAGE);
      return 0;
    }
    if (options.stdio()) {
      // From the start, not only while serving: nothing but MCP may reach stdout.
      System.setOut(log);
    }
    Gateway gateway;
    try {
      gateway = Gateway.start(options);
    } catch (McpException e) {
      log.println("conduit-gateway: cannot reach the upstream: " + e.getMessage());
      return USAGE_ERROR;
    } catch (RuntimeException e) {
      log.println("conduit-gateway: could not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<Gateway> running = new AtomicReference<>(gateway);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running, log, stopped), "conduit-gateway-stop"));
    describe(gateway, options, log);
    if (options.stdio()) {
      StdioServer.serve(gateway.bridge().server());
      stop(running, log, stopped);
      return 0;
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(running, log, stopped);
    }
    return 0;
  }

  private static void stop(AtomicReference<Gateway> running, PrintStream log, CountDownLatch stopped) {
    Gateway gateway = running.getAndSet(null);
    if (gateway != null) {
      try {
        gateway.close();
      } catch (Exception e) {
        log.println("conduit-gateway: while stopping: " + e.getMessage());
      }
    }
    stopped.countDown();
  }

  private static void describe(Gateway gateway, Options options, PrintStream log) {
    String upstream = gateway.bridge().upstream().name() + " ("
        + (gateway.bridge().isUpstreamModern() ? "2026-07-28" : "2025-11-25 or earlier")
        + (gateway.bridge().upstreamInfo() == null ? "" : ", " + gateway.bridge().upstreamInfo().name()) + ")";
    log.println("conduit-gateway: upstream " + upstream);
    HttpFrontDoor http = gateway.http();
    if (http != null) {
      log.printf("""
          conduit-gateway: Streamable HTTP %s, legacy HTTP+SSE %s, WebSocket %s
          conduit-gateway: health %s, liveness %s, readiness %s, Prometheus metrics %s
          conduit-gateway: try: npx @modelcontextprotocol/inspector --cli %s --transport http --method tools/list
          """, http.url("/mcp"), http.url("/sse"), http.webSocketUrl(), http.url("/health"), http.url("/healthz"),
          http.url("/ready"), http.url("/metrics"), http.url("/mcp"));
      if (!http.isLoopback()) {
        log.println("conduit-gateway: WARNING: listening beyond this machine, without authentication: whoever "
            + "reaches the port uses the upstream (and any --header credentials) as the gateway does.");
      }
    }
    if (options.stdio()) {
      log.println("conduit-gateway: serving one MCP client on stdin/stdout (ends with stdin)");
    }
  }
}
