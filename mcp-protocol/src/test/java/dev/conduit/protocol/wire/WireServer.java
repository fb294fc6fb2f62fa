package dev.conduit.protocol.wire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.ProtocolVersion.Feature;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.Annotations;
import dev.conduit.protocol.schema.AudioContent;
import dev.conduit.protocol.schema.BlobResourceContents;
import dev.conduit.protocol.schema.BooleanSchema;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CompleteResult;
import dev.conduit.protocol.schema.ContentBlock;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitRequestURLParams;
import dev.conduit.protocol.schema.EmbeddedResource;
import dev.conduit.protocol.schema.EnumOption;
import dev.conduit.protocol.schema.GetPromptResult;
import dev.conduit.protocol.schema.Icon;
import dev.conduit.protocol.schema.ImageContent;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.ModelPreferences;
import dev.conduit.protocol.schema.NumberSchema;
import dev.conduit.protocol.schema.Prompt;
import dev.conduit.protocol.schema.PromptArgument;
import dev.conduit.protocol.schema.PromptMessage;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceLink;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.Role;
import dev.conduit.protocol.schema.SamplingContent;
import dev.conduit.protocol.schema.SamplingMessage;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.TitledSingleSelectEnumSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.schema.ToolAnnotations;
import dev.conduit.protocol.schema.ToolChoice;
import dev.conduit.protocol.schema.ToolResultContent;
import dev.conduit.protocol.schema.ToolUseContent;
import dev.conduit.protocol.schema.UntitledMultiSelectEnumSchema;
import dev.conduit.protocol.schema.UntitledSingleSelectEnumSchema;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.protocol.server.ToolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the wire scenario: a server offering every kind of feature a revision has, with content that
 * revision can carry (no audio before 2025-03-26, no resource links or structured output before 2025-06-18).
 */
final class WireServer {

  static final String NOTES = "file:///notes.txt";
  static final String LOGO = "file:///logo.png";
  static final String DOCS = "file:///docs/{name}";
  static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";
  static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=";

  static final Icon ICON = new Icon("https://example.com/icon.png", "image/png", List.of("48x48"), "light", Map.of());

  /** Signals from the tool that waits to be cancelled. */
  static final class Signals {
    final CountDownLatch waitStarted = new CountDownLatch(1);
    final CountDownLatch waitCancelled = new CountDownLatch(1);
  }

  private WireServer() {}

  static McpServer build(ProtocolVersion version, Signals signals) {
    McpServer.Builder server = McpServer.builder()
        .info(info(version))
        .instructions("Tools, resources and prompts for the wire conformance test.");
    server.tool(tool(version, "content", "Returns one block of each content type")
            .inputSchema("{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}},"
                + "\"required\":[\"text\"]}"),
        (args, ctx) -> CallToolResult.of(content(version, args.requireString("text")).toArray(ContentBlock[]::new)));
    if (version.supports(Feature.STRUCTURED_TOOL_OUTPUT)) {
      server.tool(tool(version, "weather", "Structured weather")
              .outputSchema("{\"type\":\"object\",\"properties\":{\"celsius\":{\"type\":\"number\"}},"
                  + "\"required\":[\"celsius\"]}"),
          (args, ctx) -> CallToolResult.structured(Json.MAPPER.createObjectNode().put("celsius", 21.5)));
    }
    server.tool(tool(version, "fail", "Always fails"), (args, ctx) -> {
      throw new ToolException("The tool failed on purpose");
    });
    server.tool(tool(version, "progress", "Reports progress and logs"), (args, ctx) -> {
      ctx.progress(1, 3.0, "first");
      ctx.log(LoggingLevel.DEBUG, "below the client's level, never sent");
      ctx.log(LoggingLevel.INFO, "working");
      ctx.progress(2, 3.0, "second");
      ctx.log(LoggingLevel.WARNING, Json.MAPPER.createObjectNode().put("detail", "structured log data"));
      ctx.progress(3, 3.0, null);
      return CallToolResult.text("done");
    });
    server.tool(tool(version, "ask", "Asks the client for a completion, the user's details and the roots"),
        (args, ctx) -> CallToolResult.text(ask(version, ctx)));
    if (version.supports(Feature.SAMPLING_TOOLS)) {
      server.tool(tool(version, "agent", "Lets the client's model call a tool while sampling"),
          (args, ctx) -> CallToolResult.text(agent(version, ctx)));
    }
    if (version.supports(Feature.URL_ELICITATION)) {
      // 2025-11-25 requires an elicitationId on a URL elicitation; 2026-07-28 dropped it.
      String id = version.supports(Feature.ELICITATION_COMPLETE_NOTIFICATION) ? "sign-in-1" : null;
      server.tool(tool(version, "sign_in", "Sends the user to a web page"),
          (args, ctx) -> CallToolResult.text(ctx.elicit(ElicitRequestURLParams.of(
              "Sign in to continue", "https://example.com/sign-in", id)).action().toString()));
    }
    server.tool(tool(version, "wait", "Waits until cancelled"), (args, ctx) -> {
      ctx.onCancel(signals.waitCancelled::countDown);
      signals.waitStarted.countDown();
      signals.waitCancelled.await(60, TimeUnit.SECONDS);
      return CallToolResult.text("cancelled or given up");
    });
    server.resource(resource(version, NOTES, "notes", "text/plain"),
        (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", "Remember the milk")));
    server.resource(resource(version, LOGO, "logo", "image/png"),
        (uri, ctx) -> ReadResourceResult.of(BlobResourceContents.of(uri, "image/png", PNG)));
    server.resourceTemplate(ResourceTemplate.of(DOCS, "docs").withDescription("Documents by name")
            .withMimeType("text/markdown"),
        (uri, variables, ctx) ->
            ReadResourceResult.of(TextResourceContents.of(uri, "text/markdown", "# " + variables.get("name"))));
    server.resourceCompletion(DOCS, (request, ctx) -> CompleteResult.of(List.of("readme", "release-notes")));
    server.prompt(Prompt.of("greet", "Greets someone", PromptArgument.required("name", "Who to greet"),
            PromptArgument.optional("tone", "How")),
        (arguments, ctx) -> GetPromptResult.of("A greeting",
            PromptMessage.user("Greet " + arguments.get("name") + " in " + ctx.roots().get(0).uri()),
            PromptMessage.assistant(EmbeddedResource.of(TextResourceContents.of(NOTES, "text/plain", "notes"))),
            PromptMessage.user(ImageContent.of(PNG, "image/png"))));
    server.promptCompletion("greet", (request, ctx) -> CompleteResult.of(List.of("Ada", "Alan")));
    return server.build();
  }

  /** A tool added while the client is connected, to provoke {@code notifications/tools/list_changed}. */
  static Tool lateTool(ProtocolVersion version) {
    return tool(version, "late", "Added later").build();
  }

  static Prompt latePrompt() {
    return Prompt.of("late_prompt", "Added later");
  }

  static Resource lateResource(ProtocolVersion version) {
    return resource(version, "file:///late.txt", "late", "text/plain");
  }

  private static Implementation info(ProtocolVersion version) {
    if (!version.supports(Feature.ICONS)) {
      return version.supports(Feature.TITLES)
          ? Implementation.of("wire-server", "1.0.0").withTitle("Wire server")
          : Implementation.of("wire-server", "1.0.0");
    }
    return new Implementation("wire-server", "Wire server", "1.0.0", "Serves the wire conformance test",
        List.of(ICON), "https://example.com/wire", Map.of());
  }

  private static Tool.Builder tool(ProtocolVersion version, String name, String description) {
    Tool.Builder tool = Tool.named(name).description(description);
    if (version.supports(Feature.ICONS)) {
      tool.icons(ICON);
    }
    if (version.supports(Feature.TITLES)) {
      tool.title(name.substring(0, 1).toUpperCase() + name.substring(1));
    }
    if (version.supports(Feature.TOOL_ANNOTATIONS)) {
      tool.annotations(ToolAnnotations.readOnly());
    }
    return tool;
  }

  private static Resource resource(ProtocolVersion version, String uri, String name, String mimeType) {
    Resource resource = Resource.of(uri, name).withDescription("The " + name).withMimeType(mimeType);
    return version.supports(Feature.TITLES) ? resource.withTitle(name.toUpperCase()) : resource;
  }

  private static List<ContentBlock> content(ProtocolVersion version, String text) {
    List<ContentBlock> content = new ArrayList<>();
    Annotations annotations = Annotations.forAudience(Role.USER, Role.ASSISTANT).withPriority(0.5);
    content.add(new TextContent(text, annotations, null, Map.of()));
    content.add(ImageContent.of(PNG, "image/png"));
    if (version.supports(Feature.AUDIO_CONTENT)) {
      content.add(AudioContent.of(WAV, "audio/wav"));
    }
    content.add(EmbeddedResource.of(TextResourceContents.of(NOTES, "text/plain", "Remember the milk")));
    content.add(EmbeddedResource.of(BlobResourceContents.of(LOGO, "image/png", PNG)));
    if (version.supports(Feature.RESOURCE_LINKS)) {
      content.add(ResourceLink.of(DOCS.replace("{name}", "readme"), "readme"));
    }
    return content;
  }

  /** Asks for a completion, then (where the revision has elicitation) the user's details, then the roots. */
  private static String ask(ProtocolVersion version, RequestContext ctx) {
    String answer = ctx.sample(CreateMessageRequestParams.of(64, SamplingMessage.user("What is 2 + 2?"))
            .withSystemPrompt("Answer with a number")
            .withModelPreferences(ModelPreferences.hints("small-model")))
        .content().text();
    String user = "";
    if (version.supports(Feature.ELICITATION)) {
      ElicitRequestFormParams form = ElicitRequestFormParams.of("Who are you?", form(version));
      user = String.valueOf(ctx.elicit(form).content());
    }
    int roots = ctx.roots().size();
    return answer + " " + user + " " + roots + " root(s)";
  }

  /** Samples with a tool on offer: the model asks for the tool, the handler answers, the model concludes. */
  private static String agent(ProtocolVersion version, RequestContext ctx) {
    List<Tool> tools = List.of(tool(version, "weather", "Current weather").build());
    SamplingMessage question = SamplingMessage.user("What is the weather in Oslo?");
    CreateMessageResult first =
        ctx.sample(CreateMessageRequestParams.of(64, question).withTools(tools, ToolChoice.auto()));
    ToolUseContent use = (ToolUseContent) first.content().blocks().get(0);
    CreateMessageResult second = ctx.sample(CreateMessageRequestParams.of(64, question,
            SamplingMessage.of(Role.ASSISTANT, SamplingContent.of(List.of(use))),
            SamplingMessage.of(Role.USER, SamplingContent.of(ToolResultContent.of(use.id(), TextContent.of("21.5 C")))))
        .withTools(tools, ToolChoice.auto()));
    return second.content().text();
  }

  /** The client's model: asks for the tool when offered one and has no tool result yet, else answers. */
  static CreateMessageResult model(CreateMessageRequestParams request) {
    if (request.tools() == null) {
      return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("4"), "test-model").withStopReason("endTurn");
    }
    if (request.messages().size() == 1) {
      ObjectNode input = Json.MAPPER.createObjectNode().put("city", "Oslo");
      return CreateMessageResult.of(Role.ASSISTANT, ToolUseContent.of("call-1", "weather", input), "test-model")
          .withStopReason("toolUse");
    }
    return CreateMessageResult.of(Role.ASSISTANT, TextContent.of("It is 21.5 C in Oslo"), "test-model")
        .withStopReason("endTurn");
  }

  private static RequestedSchema form(ProtocolVersion version) {
    RequestedSchema.Builder form = RequestedSchema.builder()
        .property("name", StringSchema.of().withTitle("Name").withLength(1, 50), true)
        .property("email", StringSchema.of("email"))
        .property("age", NumberSchema.integer())
        .property("subscribe", BooleanSchema.of())
        .property("colour", UntitledSingleSelectEnumSchema.of("red", "green"));
    if (version.supports(Feature.ELICITATION_DEFAULTS_AND_ENUMS)) {
      form.property("tier", TitledSingleSelectEnumSchema.of(EnumOption.of("gold", "Gold"), EnumOption.of("tin", "Tin")))
          .property("sizes", UntitledMultiSelectEnumSchema.of("s", "m", "l"))
          .property("nickname", StringSchema.of().withDefault("friend"));
    }
    return form.build();
  }

  /** The user's answer to {@link #form}: only the fields the form has, as the client would fill them in. */
  static ObjectNode answer(RequestedSchema form) {
    ObjectNode answer = Json.MAPPER.createObjectNode().put("name", "Ada").put("email", "ada@example.com")
        .put("age", 36).put("subscribe", true).put("colour", "green").put("tier", "gold");
    answer.putArray("sizes").add("s").add("m");
    answer.retain(List.copyOf(form.properties().keySet()));
    answer.remove("nickname"); // left out, so that the client fills in the default
    return answer;
  }
}
