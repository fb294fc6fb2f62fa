package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Specifies interceptors on both sides, in both eras. Server side: short-circuiting with a result of its own,
 * changing the parameters the handler gets, passing an attribute to the handler, and timing every request. Client
 * side: changing the parameters that go out, and retrying by proceeding twice; a call is one interception however many
 * input rounds it takes.
 */
class InterceptorTest {

  private final AtomicInteger handled = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<String> timed = Collections.synchronizedList(new ArrayList<>());

  /** Answers {@code tools/call} of {@code cached} itself. */
  private final McpInterceptor cache = chain -> "cached".equals(chain.request().target())
      ? CompletableFuture.completedFuture(JsonPayload.of(CallToolResult.text("from the cache")))
      : chain.proceed(chain.request());

  /** Rewrites the arguments of {@code echo}: every value upper-cased. */
  private final McpInterceptor shout = chain -> {
    McpRequest request = chain.request();
    if (!"echo".equals(request.target())) {
      return chain.proceed(request);
    }
    ObjectNode params = request.params().tree().deepCopy();
    ObjectNode arguments = (ObjectNode) params.get("arguments");
    arguments.fieldNames().forEachRemaining(name -> arguments.put(name, arguments.get(name).asText().toUpperCase()));
    return chain.proceed(request.withParams(params));
  };

  private final McpInterceptor tenant = chain -> chain.proceed(chain.request().withAttribute("tenant", "acme"));

  private final McpInterceptor timing = chain -> {
    long start = System.nanoTime();
    return chain.proceed(chain.request()).whenComplete((result, failure) -> {
      long elapsed = System.nanoTime() - start;
      timed.add(chain.request().method() + (elapsed >= 0 ? "" : " (clock went back)"));
    });
  };

  /** Fails {@code flaky} calls while {@link #failuresLeft} lasts. */
  private final McpInterceptor flakiness = chain -> "flaky".equals(chain.request().target())
      && failuresLeft.getAndDecrement() > 0
      ? CompletableFuture.failedFuture(new McpException(-32000, "Busy, try again"))
      : chain.proceed(chain.request());

  private final McpServer server = McpServer.builder()
      .interceptor(timing)
      .interceptor(cache)
      .interceptor(shout)
      .interceptor(tenant)
      .interceptor(flakiness)
      .tool(Tool.named("cached"), (args, ctx) -> {
        handled.incrementAndGet();
        return CallToolResult.text("from the handler");
      })
      .tool(Tool.named("echo"), (args, ctx) -> CallToolResult.text(args.json().toString()))
      .tool(Tool.named("whoami"), (args, ctx) -> CallToolResult.text("tenant " + ctx.attribute("tenant")))
      .tool(Tool.named("flaky"), (args, ctx) -> CallToolResult.text("worked"))
      .tool(Tool.named("greet"), (args, ctx) -> CallToolResult.text("Hello, " + ctx.elicit(
          ElicitRequestFormParams.of("What is your name?", InputTest.NAME_FORM)).content().path("name").asText()))
      .build();

  @BothEras
  void aServerInterceptorCanAnswerWithoutTheHandler(Era era) {
    try (McpClient client = E2e.connect(server, era)) {
      CallToolResult result = client.callTool("cached", null);
      assertEquals("from the cache", text(result));
      assertEquals(0, handled.get());
    }
  }

  @BothEras
  void aShortCircuitedResultHasTheShapeOfTheRequestsEra(Era era) {
    Wire wire = new Wire();
    try (McpClient client = client(server, era, wire.pair()).connect()) {
      client.callTool("cached", null);
    }
    var result = wire.awaitFrame(frame -> !frame.fromClient() && frame.json().path("result").has("content"));
    if (era == Era.MODERN) {
      assertEquals("complete", result.path("result").path("resultType").asText(), result.toString());
      assertTrue(result.path("result").path("_meta").has(Meta.SERVER_INFO), result.toString());
    } else {
      assertFalse(result.path("result").has("resultType"), result.toString());
    }
  }

  @BothEras
  void aServerInterceptorCanChangeTheParametersTheHandlerGets(Era era) {
    try (McpClient client = E2e.connect(server, era)) {
      assertEquals("{\"word\":\"HELLO\"}", text(client.callTool("echo", Map.of("word", "hello"))));
    }
  }

  @BothEras
  void anAttributeSetByAServerInterceptorReachesTheHandler(Era era) {
    try (McpClient client = E2e.connect(server, era)) {
      assertEquals("tenant acme", text(client.callTool("whoami", null)));
    }
  }

  @BothEras
  void aServerInterceptorTimesEveryRequest(Era era) {
    try (McpClient client = E2e.connect(server, era)) {
      client.listAllTools();
      client.callTool("whoami", null);
      client.callTool("cached", null);
      client.ping();
    }
    List<String> expected = era == Era.LEGACY
        ? List.of("initialize", "tools/list", "tools/call", "tools/call", "ping")
        : List.of("server/discover", "tools/list", "tools/call", "tools/call", "server/discover");
    assertEquals(expected, List.copyOf(timed));
  }

  @BothEras
  void aClientInterceptorCanChangeTheParametersThatGoOut(Era era) {
    McpInterceptor addArgument = chain -> {
      ObjectNode params = chain.request().params().tree().deepCopy();
      ((ObjectNode) params.get("arguments")).put("added", "by the client");
      return chain.proceed(chain.request().withParams(params));
    };
    try (McpClient client = client(server, era).interceptor(addArgument).connect()) {
      assertEquals("{\"word\":\"HI\",\"added\":\"BY THE CLIENT\"}",
          text(client.callTool("echo", Map.of("word", "hi"))));
    }
  }

  @BothEras
  void aClientInterceptorCanRetryByProceedingTwice(Era era) {
    AtomicInteger attempts = new AtomicInteger();
    McpInterceptor retryOnce = chain -> {
      attempts.incrementAndGet();
      return chain.proceed(chain.request()).toCompletableFuture()
          .exceptionallyCompose(failure -> chain.proceed(chain.request()));
    };
    failuresLeft.set(1);
    try (McpClient client = client(server, era).interceptor(retryOnce).connect()) {
      assertEquals("worked", text(client.callTool("flaky", null)));
      assertEquals(1, attempts.get(), "one interception, two attempts");
      assertEquals(List.of("tools/call", "tools/call"),
          timed.stream().filter(method -> method.equals("tools/call")).toList());
    }
  }

  @BothEras
  void aClientInterceptorSeesOneCallHoweverManyInputRoundsItTakes(Era era) {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    McpInterceptor record = chain -> {
      seen.add(chain.request().method());
      return chain.proceed(chain.request());
    };
    try (McpClient client = client(server, era).interceptor(record)
        .elicitation(request -> ElicitResult.accept(E2e.object().put("name", "Ada"))).connect()) {
      assertEquals("Hello, Ada", text(client.callTool("greet", null)));
    }
    assertEquals(List.of("tools/call"), seen.stream().filter(method -> !method.equals("server/discover")
        && !method.equals("initialize")).toList());
    assertTrue(timed.stream().filter("tools/call"::equals).count() >= 1);
  }
}
