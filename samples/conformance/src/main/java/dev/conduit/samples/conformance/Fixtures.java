package dev.conduit.samples.conformance;

import dev.conduit.protocol.schema.BlobResourceContents;
import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.EmbeddedResource;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.ImageContent;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptArgument;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.server.McpServer;
import java.util.List;

/** The resources, templates and prompts of the conformance "everything" server, and its binary samples. */
final class Fixtures {

  /** A 1x1 PNG. */
  static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";

  /** Half a millisecond of silence as an 8 kHz, 8-bit mono WAV. */
  static final String WAV = "UklGRigAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQQAAACAgICA";

  private Fixtures() {}

  static void resources(McpServer.Builder server) {
    server
        .resource(Resource.of("test://static-text", "Static text").withMimeType("text/plain")
                .withDescription("A static text resource"),
            (uri, ctx) -> ReadResourceResult.of(
                TextResourceContents.of(uri, "text/plain", "This is the content of the static text resource.")))
        .resource(Resource.of("test://static-binary", "Static binary").withMimeType("image/png")
                .withDescription("A static binary resource"),
            (uri, ctx) -> ReadResourceResult.of(BlobResourceContents.of(uri, "image/png", PNG)))
        .resource(Resource.of("test://watched-resource", "Watched resource").withMimeType("text/plain")
                .withDescription("A resource clients can subscribe to"),
            (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", "Watched resource content")))
        .resourceTemplate(ResourceTemplate.of("test://template/{id}/data", "Template data")
                .withMimeType("application/json").withDescription("Data for an id"),
            (uri, variables, ctx) -> {
              String id = variables.get("id");
              String json = "{\"id\":\"" + id + "\",\"templateTest\":true,\"data\":\"Data for ID: " + id + "\"}";
              return ReadResourceResult.of(TextResourceContents.of(uri, "application/json", json));
            })
        .resourceCompletion("test://template/{id}/data",
            (request, ctx) -> complete(request, List.of("1", "2", "3", "123")));
  }

  static void prompts(McpServer.Builder server) {
    server
        .prompt(Prompt.of("test_simple_prompt", "A simple prompt without arguments"),
            (args, ctx) -> GetPromptResult.of(null, PromptMessage.user("This is a simple prompt for testing.")))
        .prompt(Prompt.of("test_prompt_with_arguments", "A prompt with two required arguments",
                PromptArgument.required("arg1", "The first argument"),
                PromptArgument.required("arg2", "The second argument")),
            (args, ctx) -> GetPromptResult.of(null, PromptMessage.user(
                "Prompt with arguments: arg1='" + args.get("arg1") + "', arg2='" + args.get("arg2") + "'")))
        .prompt(Prompt.of("test_prompt_with_embedded_resource", "A prompt that embeds a resource",
                PromptArgument.required("resourceUri", "The URI of the resource to embed")),
            (args, ctx) -> GetPromptResult.of(null,
                PromptMessage.user(EmbeddedResource.of(TextResourceContents.of(
                    args.get("resourceUri"), "text/plain", "Embedded resource content for testing."))),
                PromptMessage.user("Please process the embedded resource above.")))
        .prompt(Prompt.of("test_prompt_with_image", "A prompt that includes an image"),
            (args, ctx) -> GetPromptResult.of(null,
                PromptMessage.user(ImageContent.of(PNG, "image/png")),
                PromptMessage.user("Please analyze the image above.")))
        .promptCompletion("test_prompt_with_arguments",
            (request, ctx) -> complete(request, List.of("testValue1", "testValue2", "test", "other")));
  }

  private static CompleteResult complete(CompleteRequestParams request, List<String> candidates) {
    String prefix = request.argument().value();
    return CompleteResult.of(candidates.stream().filter(c -> c.startsWith(prefix)).toList());
  }

}
