package dev.conduit.samples.conformance;

import dev.conduit.protocol.schema.AudioContent;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;
import dev.conduit.protocol.schema.ElicitRequestFormParams;
import dev.conduit.protocol.schema.ElicitResult;
import dev.conduit.protocol.schema.EmbeddedResource;
import dev.conduit.protocol.schema.EnumOption;
import dev.conduit.protocol.schema.ImageContent;
import dev.conduit.protocol.schema.LegacyTitledEnumSchema;
import dev.conduit.protocol.schema.LoggingLevel;
import dev.conduit.protocol.schema.NumberSchema;
import dev.conduit.protocol.schema.BooleanSchema;
import dev.conduit.protocol.schema.RequestedSchema;
import dev.conduit.protocol.schema.SamplingMessage;
import dev.conduit.protocol.schema.StringSchema;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.schema.TitledMultiSelectEnumSchema;
import dev.conduit.protocol.schema.TitledSingleSelectEnumSchema;
import dev.conduit.protocol.schema.Tool;
import dev.conduit.protocol.schema.UntitledMultiSelectEnumSchema;
import dev.conduit.protocol.schema.UntitledSingleSelectEnumSchema;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import dev.conduit.transport.http.HttpRequestStream;
import java.util.List;

/** The tools of the conformance "everything" server, each named and shaped as a conformance scenario expects. */
final class Tools {

  private Tools() {}

  static void register(McpServer.Builder server) {
    server
        .tool(Tool.named("test_simple_text").description("Returns simple text content"),
            (args, ctx) -> CallToolResult.text("This is a simple text response for testing."))
        .tool(Tool.named("test_image_content").description("Returns image content"),
            (args, ctx) -> CallToolResult.of(ImageContent.of(Fixtures.PNG, "image/png")))
        .tool(Tool.named("test_audio_content").description("Returns audio content"),
            (args, ctx) -> CallToolResult.of(AudioContent.of(Fixtures.WAV, "audio/wav")))
        .tool(Tool.named("test_embedded_resource").description("Returns an embedded resource"),
            (args, ctx) -> CallToolResult.of(EmbeddedResource.of(TextResourceContents.of(
                "test://embedded-resource", "text/plain", "This is an embedded resource content."))))
        .tool(Tool.named("test_multiple_content_types").description("Returns text, image and resource content"),
            (args, ctx) -> CallToolResult.of(
                TextContent.of("Multiple content types test:"),
                ImageContent.of(Fixtures.PNG, "image/png"),
                EmbeddedResource.of(TextResourceContents.of("test://mixed-content-resource", "application/json",
                    "{\"test\":\"data\",\"value\":123}"))))
        .tool(Tool.named("test_tool_with_logging").description("Sends log messages while it runs"),
            (args, ctx) -> {
              ctx.log(LoggingLevel.INFO, "Tool execution started");
              Thread.sleep(50);
              ctx.log(LoggingLevel.INFO, "Tool processing data");
              Thread.sleep(50);
              ctx.log(LoggingLevel.INFO, "Tool execution completed");
              return CallToolResult.text("Logging test completed");
            })
        .tool(Tool.named("test_tool_with_progress").description("Reports progress while it runs"),
            (args, ctx) -> {
              for (int step = 0; step <= 100; step += 50) {
                ctx.progress(step, 100.0, "Step " + step);
                if (step < 100) {
                  Thread.sleep(50);
                }
              }
              return CallToolResult.text("Progress test completed");
            })
        .tool(Tool.named("test_error_handling").description("Always fails, as a tool error"),
            (args, ctx) -> CallToolResult.error("This tool intentionally returns an error for testing"))
        .tool(Tool.named("test_sampling").description("Asks the client's model a question")
                .inputSchema(object("prompt", "The prompt to send")),
            (args, ctx) -> {
              CreateMessageResult answer = ctx.sample(
                  CreateMessageRequestParams.of(100, SamplingMessage.user(args.requireString("prompt"))));
              return CallToolResult.text("LLM response: " + answer.content().text());
            })
        .tool(Tool.named("test_elicitation").description("Asks the user for their information")
                .inputSchema(object("message", "The message to show the user")),
            (args, ctx) -> elicit(ctx, ElicitRequestFormParams.of(args.requireString("message"),
                RequestedSchema.builder()
                    .property("username", StringSchema.of().withDescription("User's response"), true)
                    .property("email", StringSchema.of().withDescription("User's email address"), true)
                    .build())))
        .tool(Tool.named("test_elicitation_sep1034_defaults").description("Elicits with a default for every field"),
            (args, ctx) -> elicit(ctx, ElicitRequestFormParams.of("Please review and update the form fields",
                RequestedSchema.builder()
                    .property("name", StringSchema.of().withDescription("User name").withDefault("John Doe"))
                    .property("age", NumberSchema.integer().withDescription("User age").withDefault(30))
                    .property("score", NumberSchema.number().withDescription("User score").withDefault(95.5))
                    .property("status", UntitledSingleSelectEnumSchema.of("active", "inactive", "pending")
                        .withDescription("User status").withDefault("active"))
                    .property("verified", BooleanSchema.of().withDescription("Verification status").withDefault(true))
                    .build())))
        .tool(Tool.named("test_elicitation_sep1330_enums").description("Elicits every kind of enum"),
            (args, ctx) -> elicit(ctx, ElicitRequestFormParams.of("Please select options from the enum fields",
                RequestedSchema.builder()
                    .property("untitledSingle", UntitledSingleSelectEnumSchema.of("option1", "option2", "option3")
                        .withDescription("Choose an option"))
                    .property("titledSingle", TitledSingleSelectEnumSchema.of(
                        EnumOption.of("value1", "First Option"), EnumOption.of("value2", "Second Option"),
                        EnumOption.of("value3", "Third Option")).withDescription("Choose a titled option"))
                    .property("legacyEnum", LegacyTitledEnumSchema.of(List.of("opt1", "opt2", "opt3"),
                        List.of("Option One", "Option Two", "Option Three")).withDescription("Choose a legacy option"))
                    .property("untitledMulti", UntitledMultiSelectEnumSchema.of("option1", "option2", "option3")
                        .withDescription("Choose multiple options"))
                    .property("titledMulti", TitledMultiSelectEnumSchema.of(
                        EnumOption.of("value1", "First Choice"), EnumOption.of("value2", "Second Choice"),
                        EnumOption.of("value3", "Third Choice")).withDescription("Choose multiple titled options"))
                    .build())))
        .tool(Tool.named("json_schema_2020_12_tool").description("Has a JSON Schema 2020-12 input schema")
                .inputSchema("""
                    {"$schema": "https://json-schema.org/draft/2020-12/schema",
                     "type": "object",
                     "$defs": {"address": {"$anchor": "addressDef", "type": "object",
                                           "properties": {"street": {"type": "string"}, "city": {"type": "string"}}}},
                     "properties": {"name": {"type": "string"}, "address": {"$ref": "#/$defs/address"},
                                    "contactMethod": {"type": "string", "enum": ["phone", "email"]},
                                    "phone": {"type": "string"}, "email": {"type": "string"}},
                     "allOf": [{"anyOf": [{"required": ["phone"]}, {"required": ["email"]}]}],
                     "if": {"properties": {"contactMethod": {"const": "phone"}}, "required": ["contactMethod"]},
                     "then": {"required": ["phone"]},
                     "else": {"required": ["email"]},
                     "additionalProperties": false}"""),
            (args, ctx) -> CallToolResult.text("JSON Schema 2020-12 tool called with " + args.json()))
        .tool(Tool.named("test_custom_header").description("Routes by region; the region also travels as the "
                + "Mcp-Param-Region header (SEP-2243)")
                .inputSchema("""
                    {"type": "object",
                     "properties": {"region": {"type": "string", "x-mcp-header": "Region",
                                               "description": "The region to route to"},
                                    "query": {"type": "string"}},
                     "required": ["region"]}"""),
            (args, ctx) -> CallToolResult.text("Routed to " + args.requireString("region")))
        .tool(Tool.named("test_reconnection").description("Closes its response stream mid-call (SEP-1699)"),
            (args, ctx) -> {
              HttpRequestStream.of(ctx).ifPresent(HttpRequestStream::closeStream);
              Thread.sleep(100);
              return CallToolResult.text("Reconnection test completed");
            });
  }

  private static CallToolResult elicit(RequestContext ctx, ElicitRequestFormParams question) {
    ElicitResult answer = ctx.elicit(question);
    return CallToolResult.text("Elicitation result: action=" + answer.action().id() + ", content=" + answer.content());
  }

  private static String object(String property, String description) {
    return "{\"type\":\"object\",\"properties\":{\"" + property + "\":{\"type\":\"string\",\"description\":\""
        + description + "\"}},\"required\":[\"" + property + "\"]}";
  }
}
