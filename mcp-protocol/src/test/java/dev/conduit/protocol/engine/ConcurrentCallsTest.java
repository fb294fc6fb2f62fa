package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.internal.Threads;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies request/response correlation: many calls are in flight on one connection at once, and each gets its
 * own result however the server orders its answers.
 */
class ConcurrentCallsTest {

  private static final int CALLS = 200;
  private static final long WAIT = RawPeer.WAIT_SECONDS;

  // The server's own pool, big enough that every call's handler can wait at once.
  private final ExecutorService handlers = Executors.newCachedThreadPool(Threads.daemonFactory("test-handler"));

  @AfterEach
  void shutDown() {
    handlers.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void twoHundredCallsInFlightAtOnceEachGetTheirOwnResultAnsweredInShuffledOrder(Era era) throws Exception {
    CountDownLatch allStarted = new CountDownLatch(CALLS);
    List<CountDownLatch> gates = IntStream.range(0, CALLS).mapToObj(i -> new CountDownLatch(1)).toList();
    McpServer server = McpServer.builder()
        .executor(handlers)
        .tool(Tool.named("slot"), (args, ctx) -> {
          int slot = (int) args.requireInteger("slot");
          allStarted.countDown();
          if (!gates.get(slot).await(WAIT * 3, TimeUnit.SECONDS)) {
            throw new IllegalStateException("slot " + slot + " was never released");
          }
          return CallToolResult.text("slot " + slot);
        })
        .build();
    try (Connected connection = WireLog.connect(server, era, builder -> {})) {
      List<CompletableFuture<CallToolResult>> calls = IntStream.range(0, CALLS)
          .mapToObj(slot -> connection.client().async().callTool("slot", Map.of("slot", slot)))
          .toList();
      assertTrue(allStarted.await(WAIT * 3, TimeUnit.SECONDS),
          "all " + CALLS + " handlers running at once; still waiting for " + allStarted.getCount());

      List<Integer> order = new ArrayList<>(IntStream.range(0, CALLS).boxed().toList());
      Collections.shuffle(order, new Random(20261121));
      List<Integer> released = new ArrayList<>();
      for (int slot : order) {
        gates.get(slot).countDown();
        released.add(slot);
        CallToolResult result = calls.get(slot).get(WAIT, TimeUnit.SECONDS);
        assertEquals("slot " + slot, ((TextContent) result.content().get(0)).text(), "the result of call " + slot);
        if (released.size() % 50 == 0) {
          for (int other = 0; other < CALLS; other++) {
            if (!released.contains(other)) {
              assertFalse(calls.get(other).isDone(), "call " + other + " completed before its handler finished");
            }
          }
        }
      }
    } finally {
      server.close();
    }
  }
}
