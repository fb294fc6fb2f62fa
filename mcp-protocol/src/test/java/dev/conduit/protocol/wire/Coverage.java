package dev.conduit.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.ProtocolVersion.Feature;
import dev.conduit.protocol.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a transcript must contain, so that the wire test cannot pass by checking nothing. */
final class Coverage {

  private static final String C = "client→server ";
  private static final String S = "server→client ";

  private Coverage() {}

  /** The kinds of message ({@link Frame#kindKey()}) the scenario must produce at {@code version}. */
  static Set<String> expectedKinds(ProtocolVersion version) {
    Set<String> kinds = new TreeSet<>();
    for (String method : List.of("tools/list", "tools/call", "resources/list", "resources/templates/list",
        "resources/read", "prompts/list", "prompts/get", "completion/complete")) {
      kinds.add(C + "request " + method);
      kinds.add(S + "result " + method);
    }
    for (String method : List.of("notifications/progress", "notifications/message",
        "notifications/resources/updated", "notifications/tools/list_changed", "notifications/prompts/list_changed",
        "notifications/resources/list_changed")) {
      kinds.add(S + "notification " + method);
    }
    kinds.add(C + "notification notifications/cancelled");
    kinds.add(S + "error tools/call");
    kinds.add(S + "error resources/read");
    kinds.add(C + "request " + MethodTable.UNKNOWN_METHOD);
    kinds.add(S + "error " + MethodTable.UNKNOWN_METHOD);
    List<String> inputs = inputMethods(version);
    if (version.isModern()) {
      for (String method : List.of("server/discover", "subscriptions/listen")) {
        kinds.add(C + "request " + method);
        kinds.add(S + "result " + method);
      }
      kinds.add(S + "notification notifications/subscriptions/acknowledged");
      kinds.add(S + "result tools/call input_required");
      kinds.add(S + "result prompts/get input_required");
      return kinds;
    }
    for (String method : List.of("initialize", "ping", "logging/setLevel", "resources/subscribe",
        "resources/unsubscribe")) {
      kinds.add(C + "request " + method);
      kinds.add(S + "result " + method);
    }
    kinds.add(C + "notification notifications/initialized");
    kinds.add(C + "notification notifications/roots/list_changed");
    for (String method : inputs) {
      kinds.add(S + "request " + method);
      kinds.add(C + "result " + method);
    }
    return kinds;
  }

  /** Fails unless the transcript has every expected kind of message and every kind of content. */
  static void assertCovered(WireScenario.Transcript transcript) {
    ProtocolVersion version = ProtocolVersion.parse(transcript.revision()).orElseThrow();
    List<Frame> frames = transcript.frames();
    Set<String> seen = frames.stream().map(Frame::kindKey).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(expectedKinds(version));
    missing.removeAll(seen);
    assertTrue(missing.isEmpty(), () -> transcript.revision() + " never sent " + missing + "; it sent " + seen);

    List<JsonNode> toolResults = results(frames, "tools/call");
    Set<String> contentTypes = toolResults.stream()
        .flatMap(result -> stream(result.path("content")))
        .map(block -> block.path("type").asText())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> expectedTypes = new TreeSet<>(Set.of("text", "image", "resource"));
    if (version.supports(Feature.AUDIO_CONTENT)) {
      expectedTypes.add("audio");
    }
    if (version.supports(Feature.RESOURCE_LINKS)) {
      expectedTypes.add("resource_link");
    }
    assertTrue(contentTypes.containsAll(expectedTypes),
        () -> "tool results carried content types " + contentTypes + ", not all of " + expectedTypes);
    assertSome(toolResults, r -> r.path("isError").asBoolean(), "a tool result with isError: true");
    if (version.supports(Feature.STRUCTURED_TOOL_OUTPUT)) {
      assertSome(toolResults, r -> r.has("structuredContent"), "a tool result with structuredContent");
    }
    List<JsonNode> contents =
        results(frames, "resources/read").stream().flatMap(r -> stream(r.path("contents"))).toList();
    assertSome(contents, c -> c.has("text"), "a text resource read");
    assertSome(contents, c -> c.has("blob"), "a blob resource read");
    if (version.supports(Feature.SAMPLING_TOOLS)) {
      assertSomewhere(frames, n -> n.has("tools") && n.has("toolChoice"), "a sampling request offering tools");
      assertSomewhere(frames, n -> "tool_use".equals(n.path("type").asText()), "tool_use sampling content");
      assertSomewhere(frames, n -> "tool_result".equals(n.path("type").asText()), "tool_result sampling content");
    }
    if (version.supports(Feature.URL_ELICITATION)) {
      assertSomewhere(frames, n -> "url".equals(n.path("mode").asText()), "a URL-mode elicitation");
    }
    if (version.isModern()) {
      assertModernInputRounds(frames, inputMethods(version));
    }
  }

  /** Fails unless some object anywhere in some frame passes {@code test}. */
  private static void assertSomewhere(List<Frame> frames, Predicate<JsonNode> test, String what) {
    assertTrue(frames.stream().anyMatch(f -> f.json() != null && somewhere(f.json(), test)),
        () -> "expected " + what + " somewhere on the wire");
  }

  private static boolean somewhere(JsonNode node, Predicate<JsonNode> test) {
    return node.isObject() && test.test(node) || stream(node).anyMatch(child -> somewhere(child, test));
  }

  private static void assertModernInputRounds(List<Frame> frames, List<String> inputs) {
    Set<String> asked = frames.stream()
        .filter(f -> "input_required".equals(f.resultType()))
        .flatMap(f -> stream(f.json().path("result").path("inputRequests")))
        .map(request -> request.path("method").asText())
        .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(asked.containsAll(inputs), () -> "inputRequests asked for " + asked + ", not all of " + inputs);
    List<JsonNode> retries = frames.stream()
        .filter(f -> f.kind() == Frame.Kind.REQUEST && "tools/call".equals(f.method()))
        .map(f -> f.json().path("params"))
        .filter(p -> p.has("inputResponses") && p.has("requestState"))
        .toList();
    assertTrue(retries.size() >= inputs.size(),
        () -> "expected a tools/call retry with inputResponses and requestState per input round, saw " + retries);
  }

  /** What the scenario's "ask" tool asks the client for at {@code version}. */
  private static List<String> inputMethods(ProtocolVersion version) {
    return version.supports(Feature.ELICITATION)
        ? List.of("sampling/createMessage", "elicitation/create", "roots/list")
        : List.of("sampling/createMessage", "roots/list");
  }

  private static List<JsonNode> results(List<Frame> frames, String method) {
    return frames.stream()
        .filter(f -> f.kind() == Frame.Kind.RESULT && method.equals(f.method()))
        .filter(f -> !"input_required".equals(f.resultType()))
        .map(f -> f.json().path("result"))
        .toList();
  }

  private static void assertSome(List<JsonNode> nodes, Predicate<JsonNode> test, String what) {
    assertTrue(nodes.stream().anyMatch(test), () -> "expected " + what + " among " + nodes);
  }

  /** The members of an object or the items of an array; nothing for anything else. */
  private static Stream<JsonNode> stream(JsonNode node) {
    List<JsonNode> all = new ArrayList<>();
    node.forEach(all::add);
    return all.stream();
  }
}
