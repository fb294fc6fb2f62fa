package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CallToolRequestParams;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Specifies that one server serves many clients at once, of both eras, each on its own connection, with calls that
 * ask the client for input and report progress, and that one client may have many calls in flight together; every
 * answer goes to the call that asked.
 */
class ConcurrencyTest {

  private static final int CLIENTS = 20;
  private static final int CALLS = 5;

  private final McpServer server = McpServer.builder()
      .tool(Tool.named("echo"), (args, ctx) -> {
        ctx.progress(1, 1.0, null);
        return CallToolResult.text(args.requireString("m"));
      })
      .tool(Tool.named("whoami"), (args, ctx) -> CallToolResult.text(
          ctx.elicit(ElicitRequestFormParams.of("What is your name?", InputTest.NAME_FORM))
              .content().path("name").asText() + "#" + args.requireString("call")))
      .build();

  /** One client's work: its own name, elicited, and its own echoes, each with its progress. */
  private List<String> work(int id) {
    Era era = id % 2 == 0 ? Era.LEGACY : Era.MODERN;
    String name = "client-" + id;
    List<String> answers = new ArrayList<>();
    try (McpClient client = client(server, era)
        .elicitation(request -> ElicitResult.accept(E2e.object().put("name", name)))
        .connect()) {
      for (int call = 0; call < CALLS; call++) {
        List<ProgressNotificationParams> progress = Collections.synchronizedList(new ArrayList<>());
        RequestOptions withProgress = RequestOptions.progress(progress::add);
        answers.add(text(client.callTool("echo", Map.of("m", name + "/" + call), withProgress)));
        assertEquals(1, progress.size());
        answers.add(text(client.callTool("whoami", Map.of("call", String.valueOf(call)))));
      }
    }
    return answers;
  }

  private static List<String> expected(int id) {
    List<String> answers = new ArrayList<>();
    for (int call = 0; call < CALLS; call++) {
      answers.add("client-" + id + "/" + call);
      answers.add("client-" + id + "#" + call);
    }
    return answers;
  }

  @Test
  void twentyClientsOfBothErasAreServedAtOnce() throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<List<String>>> results = new ArrayList<>();
      for (int id = 0; id < CLIENTS; id++) {
        int client = id;
        results.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return work(client);
        }, pool));
      }
      start.countDown();
      for (int id = 0; id < CLIENTS; id++) {
        assertEquals(expected(id), await(results.get(id)));
      }
      // Each client closed its connection; the server lets go of every one.
      server.sessions().forEach(session -> await(session.closeFuture()));
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(E2e.WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @BothEras
  void oneClientHasManyCallsInFlightTogether(Era era) {
    try (McpClient client = client(server, era)
        .elicitation(request -> ElicitResult.accept(E2e.object().put("name", "Ada")))
        .connect()) {
      List<CompletableFuture<CallToolResult>> calls = new ArrayList<>();
      for (int call = 0; call < 50; call++) {
        String tool = call % 2 == 0 ? "echo" : "whoami";
        Map<String, String> arguments = call % 2 == 0 ? Map.of("m", "m" + call) : Map.of("call", "c" + call);
        calls.add(client.async().callTool(
            CallToolRequestParams.of(tool, E2e.JSON.valueToTree(arguments)), RequestOptions.defaults()));
      }
      for (int call = 0; call < 50; call++) {
        assertEquals(call % 2 == 0 ? "m" + call : "Ada#c" + call, text(await(calls.get(call))));
      }
    }
  }
}
