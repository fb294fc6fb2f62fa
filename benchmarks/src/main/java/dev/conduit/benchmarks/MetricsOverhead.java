package dev.conduit.benchmarks;

import dev.conduit.observability.metrics.McpMetricsInterceptor;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.interceptor.SessionInfo;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.TransportContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.jspecify.annotations.Nullable;

/**
 * What the metrics interceptor costs: one {@code tools/call echo} round trip between a client and a server in one
 * JVM over the in-memory transport (which really encodes and decodes every message), with {@link
 * McpMetricsInterceptor} on both sides ({@code metrics=on}, each side recording into a {@link SimpleMeterRegistry})
 * or on neither ({@code off}). The round trip crosses threads, so on a shared machine its spread is wide;
 * {@link #interceptOnly} measures the interceptor on one thread, against a chain that answers at once, which is
 * steady enough to read a few hundred nanoseconds off. Not run by {@code run.sh}; see the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch",
    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MetricsOverhead {

  /** Whether both sides have the metrics interceptor. */
  @Param({"off", "on"})
  public String metrics = "";

  private final Map<String, Object> arguments = Map.of("text", "hello-mcp");
  private @Nullable McpServer server;
  private @Nullable McpClient client;
  private final McpInterceptor.Chain answered = answeringChain();
  private @Nullable McpInterceptor interceptor;

  /** Connects a legacy client (as the main benchmarks do) to a server with one echo tool. */
  @Setup(Level.Trial)
  public void start() {
    boolean on = metrics.equals("on");
    McpServer.Builder serverBuilder = McpServer.builder()
        .tool(Tool.named("echo").inputSchema("""
                {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}"""),
            (args, ctx) -> CallToolResult.text(args.requireString("text")));
    if (on) {
      serverBuilder.interceptor(McpMetricsInterceptor.builder(new SimpleMeterRegistry()).build());
    }
    server = serverBuilder.build();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    server.connect(pair.server());
    McpClient.Builder clientBuilder = McpClient.builder().transport(pair.client()).era(Era.LEGACY);
    if (on) {
      clientBuilder.interceptor(McpMetricsInterceptor.builder(new SimpleMeterRegistry()).build());
    }
    client = clientBuilder.connect();
    interceptor = on ? McpMetricsInterceptor.builder(new SimpleMeterRegistry()).build() : null;
    if (!echo().equals("hello-mcp")) {
      throw new IllegalStateException("echo answered something else");
    }
  }

  /** Closes the client and the server. */
  @TearDown(Level.Trial)
  public void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** One round trip. */
  @Benchmark
  public String echo() {
    CallToolResult result = client.callTool("echo", arguments);
    return ((TextContent) result.content().get(0)).text();
  }

  /** The server side's share alone: the interceptor (or, {@code off}, none) around a handler that answers at once. */
  @Benchmark
  public Object interceptOnly() {
    return interceptor == null ? answered.proceed(answered.request()) : interceptor.intercept(answered);
  }

  private static McpInterceptor.Chain answeringChain() {
    SessionInfo session = new SessionInfo(
        ProtocolVersion.V2025_11_25, null, ClientCapabilities.none(), null, null, TransportContext.empty());
    McpRequest request = McpRequest.incoming(RequestId.of(1), "tools/call",
        JsonPayload.of(Map.of("name", "echo", "arguments", Map.of("text", "hello-mcp"))), session);
    CompletableFuture<JsonPayload> result =
        CompletableFuture.completedFuture(JsonPayload.of(CallToolResult.text("hello-mcp")));
    return new McpInterceptor.Chain() {
      @Override
      public McpRequest request() {
        return request;
      }

      @Override
      public CompletionStage<JsonPayload> proceed(McpRequest next) {
        return result;
      }
    };
  }
}
