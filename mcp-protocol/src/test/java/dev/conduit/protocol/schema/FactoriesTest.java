package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.encode;
import static dev.conduit.protocol.schema.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The factories server and client authors use write what the specification expects. */
class FactoriesTest {

  @Test
  void completeResultOfMoreThanAHundredValuesSendsTheFirstHundredAndSaysThereIsMore() {
    List<String> values = IntStream.range(0, 150).mapToObj(i -> "v" + i).toList();
    CompleteResult.Completion completion = CompleteResult.of(values).completion();
    assertEquals(100, completion.values().size());
    assertEquals(150, completion.total());
    assertEquals(Boolean.TRUE, completion.hasMore());
  }

  @Test
  void completeResultOfFewValuesSaysNothingMore() {
    CompleteResult.Completion completion = CompleteResult.of(List.of("a")).completion();
    assertNull(completion.total());
    assertNull(completion.hasMore());
  }

  @Test
  void integerProgressTokenStaysAnIntegerInATree() {
    JsonNode tree = Json.MAPPER.valueToTree(ProgressNotificationParams.of(ProgressToken.of(7), 1, null, null));
    assertTrue(tree.get("progressToken").isIntegralNumber());
    assertEquals(ProgressToken.of(7), Json.MAPPER.convertValue(tree, ProgressNotificationParams.class)
        .progressToken());
  }

  @Test
  void integerSubscriptionIdStaysAnIntegerInMeta() {
    SubscriptionsListenResult result = SubscriptionsListenResult.closing(RequestId.of(7));
    assertEquals(tree("{\"resultType\": \"complete\", \"_meta\": {\"io.modelcontextprotocol/subscriptionId\": 7}}"),
        tree(encode(result)));
    assertEquals("7", result.meta().subscriptionId());
  }

  @Test
  void taskPayloadBindsBackToTheOriginalResult() {
    CallToolResult original = CallToolResult.error("boom");
    assertEquals(original, GetTaskPayloadResult.of(original).as(CallToolResult.class));
  }

  @Test
  void resourceLinkToAResourceCarriesItsFields() {
    Resource resource = Resource.of("file:///a.md", "a.md").withMimeType("text/markdown").withTitle("A");
    assertEquals(
        tree("{\"type\": \"resource_link\", \"uri\": \"file:///a.md\", \"name\": \"a.md\", \"title\": \"A\","
            + " \"mimeType\": \"text/markdown\"}"),
        tree(encode((ContentBlock) ResourceLink.to(resource))));
  }

  @Test
  void promptFactoriesWriteTheSpecShapes() {
    assertEquals(
        tree("{\"name\": \"review\", \"description\": \"Reviews\", \"arguments\": [{\"name\": \"code\","
            + " \"description\": \"The code\", \"required\": true}]}"),
        tree(encode(Prompt.of("review", "Reviews", PromptArgument.required("code", "The code")))));
    assertEquals(tree("{\"name\": \"p\"}"), tree(encode(Prompt.of("p", null))));
  }

  @Test
  void elicitResultFactoriesWriteTheAction() {
    assertEquals(tree("{\"action\": \"decline\"}"), tree(encode(ElicitResult.decline())));
    assertEquals(
        tree("{\"action\": \"accept\", \"content\": {\"a\": 1}}"),
        tree(encode(ElicitResult.accept(tree("{\"a\": 1}")))));
  }

  @Test
  void emptyResultIsAnEmptyObject() {
    assertEquals(tree("{}"), tree(encode(EmptyResult.instance())));
  }
}
