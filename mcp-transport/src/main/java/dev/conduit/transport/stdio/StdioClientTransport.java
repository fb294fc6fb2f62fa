package dev.conduit.transport.stdio;

import dev.conduit.protocol.McpConnectionClosedException;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.transport.internal.Checks;
import dev.conduit.transport.stdio.internal.DaemonThreads;
import dev.conduit.transport.stdio.internal.LineChannel;
import dev.conduit.transport.stdio.internal.ProcessSpec;
import dev.conduit.transport.stdio.internal.ProcessStopper;
import dev.conduit.transport.stdio.internal.StderrPump;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of MCP's stdio transport: launches a server process and exchanges messages with it over its stdin
 * and stdout. The process starts when the client connects.
 *
 * <pre>{@code
 * try (McpClient client = McpClient.connect(StdioClientTransport.command("npx", "-y", "@modelcontextprotocol/server-everything"))) {
 *   client.callTool("echo", Map.of("message", "hi"));
 * }
 * }</pre>
 *
 * <p>The child's stderr goes to an SLF4J logger ({@value #STDERR_LOGGER}, INFO) line by line, unless {@link
 * Builder#onStderr} says otherwise. Closing follows MCP's shutdown: close the child's stdin, wait for it to exit,
 * terminate it, wait, kill it; every wait is bounded. If the child exits on its own, the listener is told at once with
 * a {@link ProcessExitedException} naming the exit code, so pending calls fail straight away rather than time out.
 */
public final class StdioClientTransport implements McpTransport {

  /** The logger that receives the child's stderr by default. */
  public static final String STDERR_LOGGER = "dev.conduit.transport.stdio.stderr";

  private static final Logger log = LoggerFactory.getLogger(StdioClientTransport.class);

  // After the child exits, how long its last output may take to be read before the close is reported.
  private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);

  // Beyond the configured waits: the kill and the reaping that follows it.
  private static final Duration STOP_SLACK = Duration.ofSeconds(10);

  private final ProcessSpec spec;
  private final JsonRpcCodec codec;
  private final int maxLineBytes;
  private final @Nullable Consumer<String> stderr;
  private final Logger stderrLogger;
  private final Duration exitTimeout;
  private final Duration terminateTimeout;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile @Nullable Process process;
  private volatile @Nullable LineChannel channel;
  // The thread running the end of the connection: a close() it triggers (from a callback) must not wait for itself.
  private volatile @Nullable Thread ending;

  private StdioClientTransport(Builder builder) {
    this.spec = new ProcessSpec(builder.command, builder.directory, builder.environment, builder.inheritEnvironment);
    this.codec = builder.codec;
    this.maxLineBytes = builder.maxLineBytes > 0 ? builder.maxLineBytes : builder.codec.maxMessageBytes();
    this.stderr = builder.stderr;
    this.stderrLogger = builder.stderrLogger;
    this.exitTimeout = builder.exitTimeout;
    this.terminateTimeout = builder.terminateTimeout;
  }

  /** A transport that runs {@code command} with {@code args} and the default settings. */
  public static StdioClientTransport command(String command, String... args) {
    return builder(command, args).build();
  }

  /** Configures a transport that runs {@code command} with {@code args}. */
  public static Builder builder(String command, String... args) {
    List<String> commandLine = new ArrayList<>();
    commandLine.add(Objects.requireNonNull(command, "command"));
    commandLine.addAll(List.of(args));
    return new Builder(commandLine);
  }

  /** Configures a transport that runs {@code commandLine}: the program, then its arguments. */
  public static Builder builder(List<String> commandLine) {
    if (commandLine.isEmpty()) {
      throw new IllegalArgumentException("Empty command line");
    }
    return new Builder(new ArrayList<>(commandLine));
  }

  /** The running server process, or {@code null} before the client connects. */
  public @Nullable ProcessHandle process() {
    Process current = process;
    return current == null ? null : current.toHandle();
  }

  /**
   * Launches the process and starts exchanging messages.
   *
   * @throws McpConnectionClosedException if the process cannot be launched
   */
  @Override
  public void start(Listener listener) {
    if (ended.get()) {
      throw new IllegalStateException("Transport is closed");
    }
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("Transport already started");
    }
    Process child;
    try {
      child = spec.processBuilder().start();
    } catch (IOException e) {
      throw new McpConnectionClosedException("Cannot start server process " + spec.command() + ": " + e.getMessage(),
          e);
    }
    String name = "conduit-stdio-client-" + child.pid();
    String label = spec.shortName() + " " + child.pid();
    LineChannel lines =
        new LineChannel(
            name, child.getInputStream(), child.getOutputStream(), codec, maxLineBytes, new Ends(), true);
    process = child;
    channel = lines;
    Consumer<String> lineSink = stderr != null ? stderr : line -> stderrLogger.info("[{}] {}", label, line);
    StderrPump.start(name + "-stderr", child.getErrorStream(), lineSink);
    lines.start(listener);
    DaemonThreads.start(name + "-exit", () -> watchExit(child, lines));
    log.debug("Started server process {}: {}", child.pid(), spec.command());
  }

  @Override
  public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
    LineChannel lines = channel;
    if (lines == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("Transport not started"));
    }
    return lines.send(message);
  }

  /**
   * Shuts the server process down: closes its stdin (after writing what is queued), waits up to the exit timeout,
   * terminates it, waits up to the terminate timeout, kills it. Returns when the process is gone; if another thread is
   * already ending the connection, waits (bounded) for it to finish.
   */
  @Override
  public void close() {
    if (!ended.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    ending = Thread.currentThread();
    LineChannel lines = channel;
    Process child = process;
    if (lines == null || child == null) {
      stopped.complete(null);
      return;
    }
    lines.finishOutput();
    boolean exited = ProcessStopper.stop(child, exitTimeout, terminateTimeout);
    if (exited) {
      log.debug("Server process {} exited with code {}", child.pid(), child.exitValue());
    }
    lines.closeInput();
    lines.reportClosed(null);
    stopped.complete(null);
  }

  /** Waits (bounded) for another thread's ending of the connection, unless this thread is the one ending it. */
  private void awaitStopped() {
    if (Thread.currentThread() == ending) {
      return;
    }
    try {
      stopped.get(exitTimeout.plus(terminateTimeout).plus(STOP_SLACK).toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.debug("Gave up waiting for server process to stop", e);
    }
  }

  /** Completes when the connection has ended and the process is gone, however it ended. */
  public CompletionStage<Void> stopped() {
    return stopped;
  }

  /** Reports a connection the server ended (by exiting, or by closing its stdout), then cleans up. */
  private void lost(Process child, LineChannel lines, @Nullable IOException failure) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ending = Thread.currentThread();
    IOException cause;
    if (awaitExit(child, exitTimeout)) {
      cause = new ProcessExitedException(child.exitValue());
    } else if (failure == null) {
      cause = new IOException("Server process closed its stdout");
    } else {
      cause = new IOException("Lost the pipes to the server process: " + failure.getMessage(), failure);
    }
    log.debug("Server process {}: {}", child.pid(), cause.getMessage());
    // Report first: the pending calls must fail now, not after the clean-up below.
    lines.reportClosed(cause);
    lines.finishOutput();
    ProcessStopper.stop(child, Duration.ZERO, terminateTimeout);
    lines.closeInput();
    stopped.complete(null);
  }

  private void watchExit(Process child, LineChannel lines) {
    awaitExit(child, null);
    if (ended.get()) {
      return;
    }
    try {
      // Whatever the server wrote before it exited is delivered before the close is reported.
      lines.awaitInputEnd(OUTPUT_DRAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lost(child, lines, null);
  }

  private static boolean awaitExit(Process child, @Nullable Duration timeout) {
    try {
      if (timeout == null) {
        child.waitFor();
        return true;
      }
      return child.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !child.isAlive();
    }
  }

  @Override
  public String toString() {
    Process current = process;
    return "stdio client " + spec.command() + (current == null ? "" : " (pid " + current.pid() + ")");
  }

  private final class Ends implements LineChannel.Owner {

    @Override
    public void inputEnded(@Nullable IOException failure) {
      Process child = process;
      LineChannel lines = channel;
      if (!ended.get() && child != null && lines != null) {
        lost(child, lines, failure);
      }
    }

    @Override
    public void outputFailed(IOException failure) {
      inputEnded(failure);
    }
  }

  /** Configures a {@link StdioClientTransport}. */
  public static final class Builder {
    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private boolean inheritEnvironment = true;
    private @Nullable Path directory;
    private JsonRpcCodec codec = JsonRpcCodec.standard();
    private int maxLineBytes;
    private @Nullable Consumer<String> stderr;
    private Logger stderrLogger = LoggerFactory.getLogger(STDERR_LOGGER);
    private Duration exitTimeout = Duration.ofSeconds(2);
    private Duration terminateTimeout = Duration.ofSeconds(2);

    private Builder(List<String> command) {
      command.forEach(part -> Objects.requireNonNull(part, "command line part"));
      this.command = command;
    }

    /** Appends arguments to the command line. */
    public Builder args(String... args) {
      for (String arg : args) {
        command.add(Objects.requireNonNull(arg, "arg"));
      }
      return this;
    }

    /** Sets an environment variable for the process, such as the credentials the server needs. */
    public Builder env(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets environment variables for the process. */
    public Builder env(Map<String, String> variables) {
      variables.forEach(this::env);
      return this;
    }

    /**
     * Whether the process sees this JVM's whole environment (the default), or only the variables set with {@link
     * #env} plus the few any program needs to start ({@code PATH}, {@code HOME}, {@code USER}, {@code TMPDIR},
     * {@code LANG}, and their Windows counterparts), so that a third-party server does not see every secret in ours.
     */
    public Builder inheritEnvironment(boolean inherit) {
      this.inheritEnvironment = inherit;
      return this;
    }

    /** The process's working directory (default: this JVM's). */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The codec for both directions; its limits apply to what the server sends. */
    public Builder codec(JsonRpcCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    /** The longest line accepted from the server, in bytes; default: the codec's largest message. */
    public Builder maxLineBytes(int bytes) {
      this.maxLineBytes = Checks.positive(bytes, "maxLineBytes");
      return this;
    }

    /** The logger that receives the process's stderr at INFO, one line per event (default {@value #STDERR_LOGGER}). */
    public Builder stderrLogger(Logger logger) {
      this.stderrLogger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /** Receives the process's stderr line by line, instead of the logger; called on a thread of the transport's. */
    public Builder onStderr(Consumer<String> lines) {
      this.stderr = Objects.requireNonNull(lines, "lines");
      return this;
    }

    /** How long closing waits for the process to exit once its stdin is closed, before terminating it (default 2 s). */
    public Builder exitTimeout(Duration timeout) {
      this.exitTimeout = Checks.nonNegative(timeout, "exitTimeout");
      return this;
    }

    /** How long closing waits for the process to exit once terminated, before killing it (default 2 s). */
    public Builder terminateTimeout(Duration timeout) {
      this.terminateTimeout = Checks.nonNegative(timeout, "terminateTimeout");
      return this;
    }

    public StdioClientTransport build() {
      return new StdioClientTransport(this);
    }
  }
}
