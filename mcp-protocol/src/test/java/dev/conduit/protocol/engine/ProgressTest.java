package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.engine.WireLog.Connected;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.ProgressNotificationParams;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Specifies progress: the server's progress notifications for a call reach that call's listener, in the order sent,
 * all before the call completes; and each one restarts the call's wait, up to the client's maximum timeout and no
 * further.
 */
class ProgressTest {

  private static final int STEPS = 50;
  // Progress comes every 20 ms; the base timeout is long enough that a stall of a loaded machine does not end a call
  // that progress should keep alive.
  private static final Duration BASE_TIMEOUT = Duration.ofSeconds(2);
  private static final long WAIT = RawPeer.WAIT_SECONDS;

  private final CountDownLatch tickerStopped = new CountDownLatch(1);
  private final McpServer server =
      McpServer.builder()
          .tool(Tool.named("count"), (args, ctx) -> {
            for (int step = 1; step <= STEPS; step++) {
              ctx.progress(step, (double) STEPS, "step " + step);
            }
            return CallToolResult.text("counted");
          })
          // Reports progress every 20 ms for as long as the argument says (or until cancelled), then answers.
          .tool(Tool.named("tick"), (args, ctx) -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(args.requireInteger("millis"));
            try {
              for (int tick = 1; System.nanoTime() < until && !ctx.isCancelled(); tick++) {
                ctx.progress(tick, null, null);
                Thread.sleep(20);
              }
            } finally {
              tickerStopped.countDown();
            }
            return CallToolResult.text("ticked");
          })
          .build();

  @AfterEach
  void shutDown() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  void progressReachesTheCallsListenerInOrderBeforeTheCallCompletes(Era era) throws Exception {
    try (Connected connection = WireLog.connect(server, era, builder -> {})) {
      List<Double> seen = Collections.synchronizedList(new ArrayList<>());
      List<String> messages = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<CallToolResult> call = connection.client().async().callTool("count", null,
          RequestOptions.progress(progress -> {
            seen.add(progress.progress());
            messages.add(progress.message());
          }));
      List<Double> seenWhenComplete = call.thenApply(result -> List.copyOf(seen)).get(WAIT, TimeUnit.SECONDS);

      List<Double> expected = IntStream.rangeClosed(1, STEPS).mapToObj(step -> (double) step).toList();
      assertEquals(expected, seenWhenComplete, "every notification, in order, before the call completed");
      assertEquals("step 1", messages.get(0));
      assertEquals("counted", ((TextContent) call.get().content().get(0)).text());
    }
  }

  @Test
  void progressExtendsTheWaitPastTheBaseTimeout() throws Exception {
    long millis = BASE_TIMEOUT.toMillis() * 2;
    try (Connected connection = WireLog.connect(server, Era.LEGACY,
        builder -> builder.requestTimeout(BASE_TIMEOUT).maxTimeout(Duration.ofSeconds(60)))) {
      List<ProgressNotificationParams> seen = Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      CallToolResult result = connection.client().callTool("tick", Map.of("millis", millis),
          RequestOptions.progress(seen::add));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertEquals("ticked", ((TextContent) result.content().get(0)).text());
      assertTrue(took.compareTo(BASE_TIMEOUT) > 0, "the call outlived its base timeout: " + took);
      assertFalse(seen.isEmpty(), "progress arrived");
    }
  }

  @Test
  void progressDoesNotExtendTheWaitPastTheMaxTimeout() throws Exception {
    Duration max = BASE_TIMEOUT.multipliedBy(2);
    try (Connected connection = WireLog.connect(server, Era.LEGACY,
        builder -> builder.requestTimeout(BASE_TIMEOUT).maxTimeout(max))) {
      List<ProgressNotificationParams> seen = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<CallToolResult> call = connection.client().async().callTool("tick",
          Map.of("millis", TimeUnit.SECONDS.toMillis(WAIT * 3)), RequestOptions.progress(seen::add));

      ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(WAIT, TimeUnit.SECONDS));
      McpTimeoutException timeout = assertInstanceOf(McpTimeoutException.class, failure.getCause());
      assertTrue(timeout.timeout().compareTo(max) >= 0, "waited until the max timeout: " + timeout.timeout());
      assertFalse(seen.isEmpty(), "progress arrived");
      assertTrue(tickerStopped.await(WAIT, TimeUnit.SECONDS), "the timed-out handler was cancelled");
    }
  }
}
