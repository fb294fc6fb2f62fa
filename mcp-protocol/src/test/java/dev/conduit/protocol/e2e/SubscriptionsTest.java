package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.await;
import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.Subscription;
import dev.conduit.protocol.e2e.E2e.Wire;
import dev.conduit.protocol.interceptor.McpInterceptor;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.Meta;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.SubscriptionFilter;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Specifies modern {@code subscriptions/listen} streams: the server acknowledges the subset of the filter it
 * honours, every notification on a stream carries the stream's subscription id, closing a subscription cancels the
 * listen request at the server and stops its notifications, and closing the server ends streams with their result.
 */
class SubscriptionsTest {

  private final CompletableFuture<Throwable> listenEnded = new CompletableFuture<>();

  /** Sees how each listen request ends at the server. */
  private final McpInterceptor listenWatcher = chain -> {
    if (!chain.request().method().equals("subscriptions/listen")) {
      return chain.proceed(chain.request());
    }
    return chain.proceed(chain.request()).whenComplete((result, failure) -> listenEnded.complete(failure));
  };

  // Tools and resources, no prompts.
  private final McpServer server = McpServer.builder()
      .tool(Tool.named("t"), (args, ctx) -> CallToolResult.text("t"))
      .resource(Resource.of("mem://a", "a"), (uri, ctx) -> empty(uri))
      .resource(Resource.of("mem://b", "b"), (uri, ctx) -> empty(uri))
      .interceptor(listenWatcher)
      .build();

  private final Wire wire = new Wire();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  private static ReadResourceResult empty(String uri) {
    return ReadResourceResult.of(TextResourceContents.of(uri, null, ""));
  }

  private McpClient connect() {
    return client(server, Era.MODERN, wire.pair())
        .onResourceUpdated(uri -> events.add("updated " + uri))
        .onToolsListChanged(() -> events.add("tools"))
        .onResourcesListChanged(() -> events.add("resources"))
        .connect();
  }

  private static long subscriptionId(JsonNode frame) {
    JsonNode id = frame.path("params").path("_meta").path(Meta.SUBSCRIPTION_ID);
    assertTrue(id.isIntegralNumber(), frame.toString());
    return id.asLong();
  }

  private long listenRequestId() {
    return wire.awaitFrame(Wire.method("subscriptions/listen")).path("id").asLong();
  }

  @Test
  void theAcknowledgementSaysWhichPartsOfTheFilterTheServerHonours() {
    try (McpClient client = connect();
        Subscription subscription = client.listen(
            SubscriptionFilter.listChanges(true, true, true).withResourceSubscriptions("mem://a"))) {
      SubscriptionFilter honoured = await(subscription.acknowledged());
      assertEquals(Boolean.TRUE, honoured.toolsListChanged());
      assertNull(honoured.promptsListChanged(), "the server has no prompts");
      assertEquals(Boolean.TRUE, honoured.resourcesListChanged());
      assertEquals(List.of("mem://a"), honoured.resourceSubscriptions());
      JsonNode ack = wire.awaitFrame(Wire.method("notifications/subscriptions/acknowledged"));
      assertEquals(listenRequestId(), subscriptionId(ack));
    }
  }

  @Test
  void resourceUpdatesArriveWithTheSubscriptionId() {
    try (McpClient client = connect();
        Subscription subscription = client.listen(new SubscriptionFilter(null, null, null, List.of("mem://a"), null))) {
      await(subscription.acknowledged());
      server.notifyResourceUpdated("mem://b");
      server.notifyResourceUpdated("mem://a");
      assertEquals("updated mem://a", next(events));
      JsonNode update = wire.awaitFrame(Wire.method("notifications/resources/updated"));
      assertEquals("mem://a", update.path("params").path("uri").asText(), "mem://b was not subscribed to");
      assertEquals(listenRequestId(), subscriptionId(update));
    }
  }

  @Test
  void listChangesArriveWithTheSubscriptionId() {
    try (McpClient client = connect();
        Subscription subscription = client.listen(SubscriptionFilter.listChanges(true, false, true))) {
      await(subscription.acknowledged());
      server.addTool(Tool.named("u").build(), (args, ctx) -> CallToolResult.text("u"));
      server.removeResource("mem://b");
      assertEquals(List.of("tools", "resources"), List.of(next(events), next(events)));
      long id = listenRequestId();
      assertEquals(id, subscriptionId(wire.awaitFrame(Wire.method("notifications/tools/list_changed"))));
      assertEquals(id, subscriptionId(wire.awaitFrame(Wire.method("notifications/resources/list_changed"))));
    }
  }

  @Test
  void closingTheSubscriptionCancelsTheListenRequestAtTheServer() {
    try (McpClient client = connect()) {
      Subscription subscription = client.listen(SubscriptionFilter.listChanges(true, false, false));
      await(subscription.acknowledged());
      subscription.close();
      assertInstanceOf(CancellationException.class, await(listenEnded));
      await(subscription.ended());
      JsonNode cancelled = wire.awaitFrame(Wire.method("notifications/cancelled"));
      assertEquals(listenRequestId(), cancelled.path("params").path("requestId").asLong());
    }
  }

  @Test
  void closingTheSubscriptionStopsItsNotifications() {
    try (McpClient client = connect()) {
      Subscription toA = client.listen(new SubscriptionFilter(null, null, null, List.of("mem://a"), null));
      await(toA.acknowledged());
      Subscription toB = client.listen(new SubscriptionFilter(null, null, null, List.of("mem://b"), null));
      await(toB.acknowledged());
      toA.close();
      await(listenEnded);
      server.notifyResourceUpdated("mem://a");
      // Had the update of mem://a been sent, it would have arrived first.
      server.notifyResourceUpdated("mem://b");
      assertEquals("updated mem://b", next(events));
      assertEquals(List.of(), List.copyOf(events));
      toB.close();
    }
  }

  @Test
  void closingTheServerEndsTheStreamWithItsResult() {
    try (McpClient client = connect()) {
      Subscription subscription = client.listen(SubscriptionFilter.listChanges(true, false, false));
      await(subscription.acknowledged());
      server.close();
      await(subscription.ended());
      assertNull(await(listenEnded), "the listen request completed normally");
      long id = listenRequestId();
      JsonNode result = wire.awaitFrame(frame -> !frame.fromClient() && frame.json().path("id").asLong() == id
          && frame.json().has("result"));
      assertEquals("complete", result.path("result").path("resultType").asText());
      assertEquals(id, result.path("result").path("_meta").path(Meta.SUBSCRIPTION_ID).asLong());
      assertFalse(wire.text().contains("notifications/cancelled"), wire.text());
    }
  }

  @Test
  void listeningNeedsAModernServer() {
    try (McpClient client = client(server, Era.LEGACY).connect()) {
      assertThrows(IllegalStateException.class, () -> client.listen(SubscriptionFilter.listChanges(true, true, true)));
    }
  }
}
