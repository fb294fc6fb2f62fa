package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptArgument;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.PromptReference;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.ResourceTemplateReference;
import dev.conduit.protocol.schema.Role;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.server.McpServer;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Specifies prompts and completions end to end, in both eras: listing prompts with their arguments, rendering one
 * with arguments, rejecting a missing required argument, and completing a prompt argument and a resource template
 * variable, with the server capping the values at 100 and saying there are more.
 */
class PromptsTest {

  private static final List<String> LANGUAGES = List.of("java", "javascript", "julia", "kotlin");

  private static final String TEMPLATE = "mem://repos/{owner}/{repo}";

  private final McpServer server = McpServer.builder()
      .prompt(Prompt.of("review", "Reviews code",
              PromptArgument.required("language", "The language"), PromptArgument.optional("focus", null)),
          (args, ctx) -> GetPromptResult.of("Review in " + args.get("language"),
              PromptMessage.user("Review this " + args.get("language") + " code, focusing on "
                  + args.getOrDefault("focus", "everything")),
              PromptMessage.assistant("Paste it.")))
      .promptCompletion("review", (request, ctx) -> CompleteResult.of(LANGUAGES.stream()
          .filter(language -> language.startsWith(request.argument().value()))
          .toList()))
      .resourceTemplate(ResourceTemplate.of(TEMPLATE, "repository"),
          (uri, variables, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, null, "")))
      .resourceCompletion(TEMPLATE, (request, ctx) -> {
        // 250 candidates, more than a result may carry; the server trims them.
        String owner = request.context() == null ? "?" : request.context().arguments().get("owner");
        List<String> all = IntStream.range(0, 250).mapToObj(i -> owner + "-repo-" + i).toList();
        return new CompleteResult(new CompleteResult.Completion(all, null, null, Map.of()), null, null, Map.of());
      })
      .build();

  @BothEras
  void listsPromptsWithTheirArguments(Era era) {
    try (McpClient client = connect(server, era)) {
      List<Prompt> prompts = client.listAllPrompts();
      assertEquals(1, prompts.size());
      Prompt review = prompts.get(0);
      assertEquals("review", review.name());
      assertEquals("Reviews code", review.description());
      assertEquals(List.of("language", "focus"), review.arguments().stream().map(PromptArgument::name).toList());
      assertEquals(Boolean.TRUE, review.arguments().get(0).required());
      assertNotEquals(Boolean.TRUE, review.arguments().get(1).required());
    }
  }

  @BothEras
  void rendersAPromptWithItsArguments(Era era) {
    try (McpClient client = connect(server, era)) {
      GetPromptResult result = client.getPrompt("review", Map.of("language", "java", "focus", "naming"));
      assertEquals("Review in java", result.description());
      assertEquals(2, result.messages().size());
      assertEquals(Role.USER, result.messages().get(0).role());
      assertEquals("Review this java code, focusing on naming",
          assertInstanceOf(TextContent.class, result.messages().get(0).content()).text());
      assertEquals(Role.ASSISTANT, result.messages().get(1).role());
    }
  }

  @BothEras
  void anOptionalArgumentMayBeLeftOut(Era era) {
    try (McpClient client = connect(server, era)) {
      GetPromptResult result = client.getPrompt("review", Map.of("language", "kotlin"));
      assertEquals("Review this kotlin code, focusing on everything",
          assertInstanceOf(TextContent.class, result.messages().get(0).content()).text());
    }
  }

  @BothEras
  void aMissingRequiredArgumentIsInvalidParams(Era era) {
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.getPrompt("review", Map.of("focus", "naming")));
      assertEquals(-32602, error.code());
      assertTrue(error.getMessage().contains("language"), error.getMessage());
    }
  }

  @BothEras
  void anUnknownPromptIsInvalidParams(Era era) {
    try (McpClient client = connect(server, era)) {
      assertEquals(-32602, fails(() -> client.getPrompt("nope", Map.of())).code());
    }
  }

  @BothEras
  void completesAPromptArgument(Era era) {
    try (McpClient client = connect(server, era)) {
      CompleteResult result =
          client.complete(CompleteRequestParams.of(PromptReference.of("review"), "language", "ja"));
      assertEquals(List.of("java", "javascript"), result.completion().values());
      assertNull(result.completion().hasMore());
    }
  }

  @BothEras
  void completesATemplateVariableCappedAtAHundredValues(Era era) {
    try (McpClient client = connect(server, era)) {
      CompleteResult result = client.complete(
          CompleteRequestParams.of(ResourceTemplateReference.of(TEMPLATE), "repo", "")
              .withContext(Map.of("owner", "ada")));
      assertEquals(100, result.completion().values().size());
      assertEquals("ada-repo-0", result.completion().values().get(0));
      assertEquals("ada-repo-99", result.completion().values().get(99));
      assertEquals(Boolean.TRUE, result.completion().hasMore());
    }
  }

  @BothEras
  void completingForAnUnknownTemplateIsInvalidParams(Era era) {
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.complete(
          CompleteRequestParams.of(ResourceTemplateReference.of("mem://nope/{x}"), "x", "")));
      assertEquals(-32602, error.code());
    }
  }

  @BothEras
  void theServerDeclaresCompletions(Era era) {
    try (McpClient client = connect(server, era)) {
      assertTrue(client.serverCapabilities().completions() != null);
    }
  }
}
