package dev.conduit.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A payload missing a required field fails to bind with an {@link IllegalArgumentException} whose message names the
 * field (and where it is), in words safe to send back to the peer.
 */
class RequiredFieldsTest {

  private static String failure(String json, Class<?> type) {
    return assertThrows(IllegalArgumentException.class, () -> Wire.decode(json, type)).getMessage();
  }

  @Test
  void toolWithoutNameNamesName() {
    assertEquals("missing required field 'name'", failure("{\"inputSchema\": {}}", Tool.class));
  }

  @Test
  void nestedToolWithoutInputSchemaNamesFieldAndPath() {
    assertEquals(
        "missing required field 'inputSchema' at 'tools[0]'",
        failure("{\"tools\": [{\"name\": \"t\"}]}", ListToolsResult.class));
  }

  @Test
  void callToolResultWithoutContentNamesContent() {
    assertEquals("missing required field 'content'", failure("{\"isError\": true}", CallToolResult.class));
  }

  @Test
  void resourceContentsWithNeitherTextNorBlobNamesText() {
    assertEquals(
        "missing required field 'text' at 'contents[0]'",
        failure("{\"contents\": [{\"uri\": \"file:///a\"}]}", ReadResourceResult.class));
  }

  @Test
  void urlElicitationWithoutUrlNamesUrl() {
    assertEquals(
        "missing required field 'url'", failure("{\"mode\": \"url\", \"message\": \"m\"}", ElicitRequestParams.class));
  }

  @Test
  void propertySchemaWithoutTypeNamesTypeAndProperty() {
    assertEquals(
        "missing required field 'type' at 'requestedSchema.properties.age'",
        failure(
            "{\"message\": \"m\", \"requestedSchema\": {\"type\": \"object\", \"properties\": {\"age\": {}}}}",
            ElicitRequestFormParams.class));
  }

  @Test
  void initializeWithoutClientInfoNamesClientInfo() {
    assertEquals(
        "missing required field 'clientInfo'",
        failure("{\"protocolVersion\": \"2025-11-25\", \"capabilities\": {}}", InitializeRequestParams.class));
  }

  @Test
  void progressWithoutProgressNamesProgress() {
    assertEquals(
        "missing required field 'progress'", failure("{\"progressToken\": 1}", ProgressNotificationParams.class));
  }

  @Test
  void logMessageWithoutDataNamesData() {
    assertEquals(
        "missing required field 'data'", failure("{\"level\": \"info\"}", LoggingMessageNotificationParams.class));
  }

  @Test
  void createMessageWithoutMaxTokensNamesMaxTokens() {
    assertEquals("missing required field 'maxTokens'", failure("{\"messages\": []}", CreateMessageRequestParams.class));
  }

  @Test
  void contentBlockWithoutMimeTypeNamesMimeType() {
    assertEquals("missing required field 'mimeType'", failure("{\"type\": \"image\", \"data\": \"AA==\"}",
        ContentBlock.class));
  }

  @Test
  void unknownRoleNamesTheValueAndField() {
    assertEquals(
        "unknown role 'robot' at 'role'",
        failure("{\"role\": \"robot\", \"content\": {\"type\": \"text\", \"text\": \"t\"}}", PromptMessage.class));
  }

  @Test
  void unknownContentTypeNamesTheType() {
    assertEquals("unknown type 'video'", failure("{\"type\": \"video\"}", ContentBlock.class));
  }

  @Test
  void wrongConstantTypeIsRejected() {
    assertEquals(
        "field 'type' must be 'object', not 'array'",
        failure("{\"type\": \"array\", \"properties\": {}}", RequestedSchema.class));
  }
}
