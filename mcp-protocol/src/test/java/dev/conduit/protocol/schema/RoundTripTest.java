package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.assertRoundTrip;
import static dev.conduit.protocol.schema.Wire.encode;
import static dev.conduit.protocol.schema.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What arrives leaves unchanged: unknown fields, {@code _meta}, explicit falses, absent fields, number forms. */
class RoundTripTest {

  @Test
  void unknownFieldsAndMetaSurviveInsideAToolList() {
    String json =
        """
        {"tools": [{"name": "t", "inputSchema": {"type": "object"}, "x-vendor": {"a": [1, 2]},
                    "annotations": {"readOnlyHint": true, "futureHint": "soon"},
                    "_meta": {"com.example/owner": "ops"}}],
         "nextCursor": "n", "futureField": 7, "_meta": {"io.modelcontextprotocol/serverInfo": {"name": "s",
         "version": "1"}}}
        """;
    ListToolsResult result = assertRoundTrip(json, ListToolsResult.class);
    Tool tool = result.tools().get(0);
    assertEquals(tree("{\"a\": [1, 2]}"), tool.additionalFields().get("x-vendor"));
    assertEquals(tree("\"soon\""), tool.annotations().additionalFields().get("futureHint"));
    assertEquals("ops", tool.meta().get("com.example/owner").textValue());
    assertEquals(Map.of("futureField", IntNode.valueOf(7)), result.additionalFields());
    assertEquals("s", result.meta().serverInfo().name());
  }

  @Test
  void unknownFieldsSurviveInsideContentBlocksAndEmbeddedResources() {
    String json =
        """
        {"content": [{"type": "text", "text": "a", "lang": "en"},
                     {"type": "resource", "resource": {"uri": "file:///a", "text": "a", "etag": "1",
                      "_meta": {"k": true}}, "extra": null}]}
        """;
    CallToolResult result = assertRoundTrip(json, CallToolResult.class);
    EmbeddedResource embedded = assertInstanceOf(EmbeddedResource.class, result.content().get(1));
    assertEquals(tree("\"1\""), ((TextResourceContents) embedded.resource()).additionalFields().get("etag"));
  }

  @Test
  void unknownFieldsSurviveInsideCapabilities() {
    assertRoundTrip(
        "{\"tools\": {\"listChanged\": true, \"paged\": 1}, \"logging\": {\"levels\": [\"info\"]}, \"future\": {}}",
        ServerCapabilities.class);
    assertRoundTrip(
        "{\"elicitation\": {\"form\": {\"x\": 1}, \"other\": {}}, \"roots\": {\"deep\": true}}",
        ClientCapabilities.class);
  }

  @Test
  void unknownFieldsSurviveInsideElicitationPropertySchemas() {
    assertRoundTrip(
        """
        {"message": "m", "requestedSchema": {"type": "object", "x": 1, "properties": {
          "a": {"type": "string", "pattern": "^a"},
          "b": {"type": "array", "items": {"anyOf": [{"const": "x", "title": "X", "icon": "i"}], "u": 2}}}}}
        """,
        ElicitRequestFormParams.class);
  }

  @Test
  void explicitIsErrorFalseStays() {
    CallToolResult result = assertRoundTrip("{\"content\": [], \"isError\": false}", CallToolResult.class);
    assertEquals(Boolean.FALSE, result.isError());
  }

  @Test
  void absentIsErrorStaysAbsent() {
    CallToolResult result = assertRoundTrip("{\"content\": []}", CallToolResult.class);
    assertNull(result.isError());
    assertFalse(encode(result).contains("isError"));
  }

  @Test
  void explicitFalseDefaultOfABooleanFieldStays() {
    BooleanSchema schema = assertRoundTrip("{\"type\": \"boolean\", \"default\": false}", BooleanSchema.class);
    assertEquals(Boolean.FALSE, schema.defaultValue());
  }

  @Test
  void explicitListChangedFalseStays() {
    ServerCapabilities capabilities =
        assertRoundTrip("{\"prompts\": {\"listChanged\": false}}", ServerCapabilities.class);
    assertTrue(capabilities.hasPrompts());
    assertFalse(capabilities.notifiesPromptsChanges());
  }

  @Test
  void wholeNumbersStayWholeAndFractionsStayFractions() {
    assertRoundTrip(
        "{\"progressToken\": 1, \"progress\": 50, \"total\": 100, \"message\": \"m\"}",
        ProgressNotificationParams.class);
    assertRoundTrip("{\"progressToken\": \"t\", \"progress\": 0.25}", ProgressNotificationParams.class);
    assertRoundTrip("{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 1.5}", NumberSchema.class);
  }

  @Test
  void jsonNullStructuredContentStaysNull() {
    assertRoundTrip("{\"content\": [], \"structuredContent\": null}", CallToolResult.class);
  }

  @Test
  void taskWithUnlimitedTtlWritesTtlNull() {
    Task task = Task.working("t", "2025-11-25T00:00:00Z", null);
    assertTrue(tree(encode(task)).get("ttl").isNull());
    assertRoundTrip(
        "{\"taskId\": \"t\", \"status\": \"input_required\", \"createdAt\": \"c\", \"lastUpdatedAt\": \"c\","
            + " \"ttl\": null}",
        Task.class);
  }

  @Test
  void singleSamplingContentStaysAnObject() {
    SamplingMessage message =
        assertRoundTrip("{\"role\": \"user\", \"content\": {\"type\": \"text\", \"text\": \"hi\"}}",
            SamplingMessage.class);
    assertFalse(message.content().isArray());
    assertEquals("hi", message.content().text());
  }

  @Test
  void arraySamplingContentStaysAnArrayEvenWithOneBlock() {
    SamplingMessage message =
        assertRoundTrip("{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"hi\"}]}",
            SamplingMessage.class);
    assertTrue(message.content().isArray());
    assertEquals(1, message.content().blocks().size());
  }

  @Test
  void samplingContentBuiltFromOneBlockIsWrittenAsAnObject() {
    String json = encode(SamplingMessage.user("hi"));
    assertEquals(tree("{\"role\": \"user\", \"content\": {\"type\": \"text\", \"text\": \"hi\"}}"), tree(json));
  }

  @Test
  void modernRequestMetaSurvivesAndReads() {
    CallToolRequestParams params =
        assertRoundTrip(
            """
            {"name": "t", "_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
              "io.modelcontextprotocol/clientCapabilities": {"elicitation": {}}, "progressToken": 5,
              "traceparent": "00-abc-def-01"}}
            """,
            CallToolRequestParams.class);
    assertEquals("2026-07-28", params.meta().protocolVersion());
    assertTrue(params.meta().clientCapabilities().supportsFormElicitation());
    assertEquals(ProgressToken.of(5), params.meta().progressToken());
  }
}
