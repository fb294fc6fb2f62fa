package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.assertRoundTrip;
import static dev.conduit.protocol.schema.Wire.encode;
import static dev.conduit.protocol.schema.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The requests a modern server embeds in an {@code input_required} result, and their typed views. */
class InputRequestTest {

  @Test
  void elicitationFactoryWritesMethodAndParams() {
    InputRequest request =
        InputRequest.elicitation(ElicitRequestURLParams.of("Sign in", "https://example.com/login", null));
    assertEquals(
        tree(
            "{\"method\": \"elicitation/create\", \"params\": {\"mode\": \"url\", \"message\": \"Sign in\","
                + " \"url\": \"https://example.com/login\"}}"),
        tree(encode(request)));
  }

  @Test
  void elicitParamsBindsByMode() {
    InputRequest request =
        assertRoundTrip(
            "{\"method\": \"elicitation/create\", \"params\": {\"message\": \"m\", \"requestedSchema\":"
                + " {\"type\": \"object\", \"properties\": {}}}}",
            InputRequest.class);
    ElicitRequestFormParams params = assertInstanceOf(ElicitRequestFormParams.class, request.elicitParams());
    assertNull(params.mode());
  }

  @Test
  void createMessageParamsBindsTheSamplingRequest() {
    InputRequest request =
        InputRequest.sampling(CreateMessageRequestParams.of(50, SamplingMessage.user("Capital of France?")));
    CreateMessageRequestParams params = request.createMessageParams();
    assertEquals(50, params.maxTokens());
    assertEquals("Capital of France?", params.messages().get(0).content().text());
  }

  @Test
  void listRootsHasNoParams() {
    assertEquals(tree("{\"method\": \"roots/list\"}"), tree(encode(InputRequest.listRoots())));
  }

  @Test
  void typedViewOfAnotherMethodIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InputRequest.listRoots().elicitParams());
    assertEquals("input request is 'roots/list', not 'elicitation/create'", e.getMessage());
  }

  @Test
  void unknownMethodPassesThroughUntouched() {
    assertRoundTrip("{\"method\": \"future/ask\", \"params\": {\"q\": [1, {\"deep\": true}]}, \"id\": 3}",
        InputRequest.class);
  }

  @Test
  void inputRequiredResultKeepsTheRequestsInOrder() {
    Map<String, InputRequest> requests = new LinkedHashMap<>();
    requests.put("b", InputRequest.listRoots());
    requests.put("a", InputRequest.sampling(CreateMessageRequestParams.of(1, SamplingMessage.user("x"))));
    InputRequiredResult result =
        assertRoundTrip(encode(InputRequiredResult.of(requests, "s")), InputRequiredResult.class);
    assertEquals(List.of("b", "a"), List.copyOf(result.inputRequests().keySet()));
    assertEquals(InputRequiredResult.RESULT_TYPE, result.resultType());
  }

  @Test
  void retriedRequestCarriesResponsesAndState() {
    CallToolRequestParams retry =
        CallToolRequestParams.of("t", null)
            .withInputResponses(Map.of("b", SchemaValidator.wire(ListRootsResult.of(Root.of("file:///r", null)))),
                "s");
    assertEquals(
        tree("{\"name\": \"t\", \"inputResponses\": {\"b\": {\"roots\": [{\"uri\": \"file:///r\"}]}},"
            + " \"requestState\": \"s\"}"),
        tree(encode(retry)));
  }
}
