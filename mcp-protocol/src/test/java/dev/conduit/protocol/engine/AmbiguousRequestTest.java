package dev.conduit.protocol.engine;

import static dev.conduit.protocol.engine.MalformedSessionRows.MODERN_META;
import static dev.conduit.protocol.engine.MalformedSessionRows.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcError;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The exploit of review C1, as a specification: a server whose interceptor authorizes {@code tools/call}, {@code
 * prompts/get} and {@code resources/read} on {@link McpRequest#target()} (as {@link McpInterceptor}'s Javadoc shows)
 * cannot be made to run what it forbids by naming the target twice, once allowed and once forbidden. The request is
 * refused with {@code -32600} and its id before any interceptor sees it, nothing runs, and the connection then serves
 * the next request, in both eras.
 */
class AmbiguousRequestTest {

  private static final Set<String> ALLOWED = Set.of("safe", "memo://public", "public");

  private final Set<String> ran = ConcurrentHashMap.newKeySet();
  private final List<String> guarded = new CopyOnWriteArrayList<>();

  private final McpInterceptor guard = chain -> {
    McpRequest request = chain.request();
    String target = request.target();
    if (target != null) {
      guarded.add(target);
      if (!ALLOWED.contains(target)) {
        return CompletableFuture.failedFuture(new McpException(ErrorCodes.INVALID_PARAMS, "Not allowed"));
      }
    }
    return chain.proceed(request);
  };

  private final McpServer server = McpServer.builder()
      .interceptor(guard)
      .tool(Tool.named("safe"), (args, ctx) -> run("safe"))
      .tool(Tool.named("rm_rf"), (args, ctx) -> run("rm_rf"))
      .resource(Resource.of("memo://public", "public"), (uri, ctx) -> read(uri))
      .resource(Resource.of("memo://secret", "secret"), (uri, ctx) -> read(uri))
      .prompt(Prompt.of("public", null), (args, ctx) -> prompt("public"))
      .prompt(Prompt.of("secret", null), (args, ctx) -> prompt("secret"))
      .build();

  private CallToolResult run(String tool) {
    ran.add(tool);
    return CallToolResult.text(tool);
  }

  private ReadResourceResult read(String uri) {
    ran.add(uri);
    return ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", uri));
  }

  private GetPromptResult prompt(String name) {
    ran.add(name);
    return GetPromptResult.of(null, PromptMessage.user(name));
  }

  /**
   * One way to name a target twice.
   *
   * @param name how, as the report shows it
   * @param method the method
   * @param params the params, without the closing brace (so that the modern {@code _meta} can follow)
   * @param forbidden the target the handler would have run
   * @param allowed a target the guard lets through, for the request that follows
   */
  private record Bypass(String name, String method, String params, String forbidden, String allowed) {}

  private static Stream<Bypass> bypasses() {
    return Stream.of(
        new Bypass("tools/call, the allowed name first", "tools/call",
            "{\"name\":\"safe\",\"name\":\"rm_rf\",\"arguments\":{}", "rm_rf", "safe"),
        new Bypass("tools/call, the forbidden name spelled with a unicode escape", "tools/call",
            "{\"name\":\"safe\",\"\\u006eame\":\"rm_rf\",\"arguments\":{}", "rm_rf", "safe"),
        new Bypass("tools/call, the names apart", "tools/call",
            "{\"name\":\"safe\",\"arguments\":{},\"name\":\"rm_rf\"", "rm_rf", "safe"),
        new Bypass("resources/read, two uris", "resources/read",
            "{\"uri\":\"memo://public\",\"uri\":\"memo://secret\"", "memo://secret", "memo://public"),
        new Bypass("prompts/get, two names", "prompts/get", "{\"name\":\"public\",\"name\":\"secret\"", "secret",
            "public"));
  }

  @AfterEach
  void closeServer() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> aTargetNamedTwiceIsRefusedBeforeAnyInterceptorAndNothingRuns() {
    return bypasses().flatMap(bypass -> Stream.of(
        DynamicTest.dynamicTest("legacy: " + bypass.name(), () -> attempt(bypass, false)),
        DynamicTest.dynamicTest("modern: " + bypass.name(), () -> attempt(bypass, true))));
  }

  private void attempt(Bypass bypass, boolean modern) {
    String close = modern ? "," + MODERN_META + "}" : "}";
    try (RawPeer peer = RawPeer.connect(server)) {
      if (!modern) {
        peer.initialize();
      }
      peer.request("\"bypass\"", bypass.method(), bypass.params() + close);
      JsonRpcError error = peer.errorFor("\"bypass\"");
      assertError(error, ErrorCodes.INVALID_REQUEST);
      assertTrue(error.error().message().contains("duplicate member"), error.error().message());
      assertEquals(List.of(), guarded, "no interceptor saw the ambiguous request");
      assertEquals(Set.of(), ran, "nothing ran");

      String plain = bypass.method().equals("resources/read") ? "{\"uri\":\"" : "{\"name\":\"";
      peer.request("\"forbidden\"", bypass.method(), plain + bypass.forbidden() + "\"" + close);
      assertError(peer.errorFor("\"forbidden\""), ErrorCodes.INVALID_PARAMS);
      peer.request("\"allowed\"", bypass.method(), plain + bypass.allowed() + "\"" + close);
      peer.resultFor("\"allowed\"");
      assertEquals(Set.of(bypass.allowed()), ran, "only the allowed target ran, on the request that named it once");
      peer.assertNothingMore();
    } finally {
      ran.clear();
      guarded.clear();
    }
  }
}
