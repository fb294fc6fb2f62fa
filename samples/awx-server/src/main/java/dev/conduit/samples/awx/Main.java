package dev.conduit.samples.awx;

import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.stdio.StdioServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The AWX MCP server's command line: {@code java -jar conduit-awx-server.jar [--stdio | --http] [--demo] ...} (see
 * {@link Options#usage()}). Exit codes: 0 after a clean stop, 2 for a usage or configuration error, 1 if the server
 * could not start.
 */
public final class Main {

  /** The exit code of a usage or configuration error. */
  public static final int USAGE_ERROR = 2;

  private Main() {}

  /** Runs the server until stdin ends (stdio) or the process is stopped (HTTP); exits non-zero on failure. */
  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs the server with {@code variables} as its environment ({@code AWX_*}), reporting on {@code log}; returns the
   * exit code once it has stopped.
   */
  static int run(String[] args, Map<String, String> variables, PrintStream log) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      log.println("conduit-awx: " + e.getMessage() + "\nRun with --help for the options.");
      return USAGE_ERROR;
    }
    if (options.help()) {
      System.out.print(Options.usage());
      return 0;
    }
    if (!options.http()) {
      // From the start, not only while serving: nothing that starts up may write a byte of non-MCP to stdout.
      System.setOut(log);
    }
    Closer closer = new Closer();
    Runtime.getRuntime().addShutdownHook(new Thread(closer::close, "conduit-awx-shutdown"));
    McpServer.Builder server;
    try {
      AwxEnvironments environments = environments(options, variables, log, closer);
      server = AwxServer.builder(options, environments);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      closer.close();
      log.println("conduit-awx: " + reason(e));
      return USAGE_ERROR;
    }
    try {
      return options.http() ? serveHttp(server, options, log, closer) : serveStdio(server, log, closer);
    } catch (RuntimeException e) {
      closer.close();
      log.println("conduit-awx: the server could not start: " + reason(e));
      return 1;
    }
  }

  /** The message, and its cause's when that says more: a missing file, a port in use, the position of bad JSON. */
  private static String reason(Exception e) {
    Throwable cause = e.getCause();
    if (cause == null) {
      return String.valueOf(e.getMessage());
    }
    String why = cause instanceof NoSuchFileException ? "no such file"
        : cause instanceof AccessDeniedException ? "permission denied"
        : String.valueOf(cause.getMessage());
    return e.getMessage() + ": " + why;
  }

  private static AwxEnvironments environments(Options options, Map<String, String> variables, PrintStream log,
      Closer closer) {
    if (options.demo()) {
      Demo demo = closer.add(Demo.start(log));
      return demo.environments();
    }
    if (options.config() == null && variables.get("AWX_BASE_URL") == null) {
      throw new IllegalArgumentException("No AWX environment is configured. Name a configuration file with "
          + "--config FILE, or set AWX_BASE_URL and AWX_TOKEN (or AWX_USERNAME and AWX_PASSWORD); or try the "
          + "embedded simulator with --demo. Run with --help for the options.");
    }
    AwxEnvironments environments = closer.add(AwxEnvironments.load(options.config(), variables));
    log.printf("AWX environments: %s (default %s)%n",
        environments.all().stream().map(e -> e.name() + " " + e.baseUrl()).collect(Collectors.joining(", ")),
        environments.defaultEnvironment().name());
    return environments;
  }

  private static int serveStdio(McpServer.Builder builder, PrintStream log, Closer closer) {
    McpServer server = closer.add(builder.build());
    log.println("AWX MCP server on stdio: waiting for an MCP client on stdin (ends with stdin).");
    StdioServer.serve(server);
    closer.close();
    return 0;
  }

  private static int serveHttp(McpServer.Builder builder, Options options, PrintStream log, Closer closer) {
    HttpMode http = closer.add(HttpMode.start(builder, options));
    http.describe(log);
    try {
      closer.stopped().await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closer.close();
    }
    return 0;
  }

  /** What to close on the way out, once, newest first, whether main ends or the JVM is stopped. */
  private static final class Closer {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    synchronized <T extends AutoCloseable> T add(T resource) {
      resources.push(resource);
      return resource;
    }

    CountDownLatch stopped() {
      return stopped;
    }

    synchronized void close() {
      while (!resources.isEmpty()) {
        try {
          resources.pop().close();
        } catch (Exception e) {
          // Shutting down: one resource that fails to close must not keep the others open.
          System.err.println("conduit-awx: while stopping: " + e);
        }
      }
      stopped.countDown();
    }
  }
}
