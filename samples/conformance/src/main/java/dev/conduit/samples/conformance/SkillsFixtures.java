package dev.conduit.samples.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ServerCapabilities;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One skill served as the skills extension defines it (SEP-2640, {@code io.modelcontextprotocol/skills}, with {@code
 * directoryRead}), for the conformance suite's {@code sep-2640-skills-*} scenarios: its files are resources under
 * {@code skill://conformance-demo/}, {@code skills/list} and {@code skills/get} describe it (each file with its size
 * and SHA-256 digest), and {@code resources/directory/read} lists a directory of it.
 */
final class SkillsFixtures {

  static final String EXTENSION = "io.modelcontextprotocol/skills";

  private static final String NAME = "conformance-demo";
  private static final String DESCRIPTION = "Shows how a server serves a skill to the MCP conformance suite";
  private static final String ROOT = "skill://" + NAME;
  private static final String SKILL_MD = ROOT + "/SKILL.md";
  private static final String REFERENCES = ROOT + "/references";
  private static final String GUIDE = REFERENCES + "/GUIDE.md";
  private static final String MARKDOWN = "text/markdown";
  private static final String DIRECTORY = "inode/directory";
  private static final Map<String, String> FILES = Map.of(
      SKILL_MD, "---\nname: " + NAME + "\ndescription: " + DESCRIPTION + "\n---\n\n# Conformance demo\n\n"
          + "Read references/GUIDE.md before you start.\n",
      GUIDE, "# Guide\n\nA supporting file of the skill.\n");
  private static final long TTL_MS = 60_000;

  private SkillsFixtures() {}

  /** What the server declares: what its features would make it declare, and the skills extension. */
  static ServerCapabilities capabilities() {
    ObjectNode settings = JsonNodeFactory.instance.objectNode().put("directoryRead", true);
    return ServerCapabilities.builder().tools(true).resources(true, true).prompts(true).logging().completions()
        .extension(EXTENSION, settings).build();
  }

  static void register(McpServer.Builder server) {
    server
        .resource(Resource.of(SKILL_MD, NAME).withDescription(DESCRIPTION).withMimeType(MARKDOWN),
            (uri, ctx) -> read(uri))
        .resource(Resource.of(GUIDE, "GUIDE.md").withDescription("A supporting file of " + NAME)
                .withMimeType(MARKDOWN),
            (uri, ctx) -> read(uri))
        .requestHandler("skills/list", (params, ctx) -> {
          ObjectNode result = cacheable(ctx);
          result.putArray("skills").add(entry());
          return done(result);
        })
        .requestHandler("skills/get", (params, ctx) -> {
          if (!SKILL_MD.equals(params.memberText("uri"))) {
            return CompletableFuture.failedFuture(McpException.invalidParams(
                "Invalid params: " + params.memberText("uri") + " is not a skill this server serves"));
          }
          ObjectNode result = cacheable(ctx);
          result.set("skill", entry());
          return done(result);
        })
        .requestHandler("resources/directory/read", (params, ctx) -> directory(params.memberText("uri")));
  }

  private static ReadResourceResult read(String uri) {
    return ReadResourceResult.of(TextResourceContents.of(uri, MARKDOWN, FILES.get(uri)));
  }

  /** The skill's entry: its SKILL.md, its frontmatter, and every file with its size and digest. */
  private static ObjectNode entry() {
    ObjectNode entry = JsonNodeFactory.instance.objectNode().put("uri", SKILL_MD);
    entry.putObject("frontmatter").put("name", NAME).put("description", DESCRIPTION);
    ArrayNode resources = entry.putArray("resources");
    for (String uri : new String[] {SKILL_MD, GUIDE}) {
      byte[] bytes = FILES.get(uri).getBytes(StandardCharsets.UTF_8);
      resources.addObject().put("uri", uri).put("digest", sha256(bytes)).put("size", bytes.length);
    }
    return entry;
  }

  /** The direct children of a directory of the skill; a file or an unknown URI is -32602. */
  private static CompletionStage<JsonPayload> directory(String uri) {
    Map<String, String> children = new LinkedHashMap<>();
    if (ROOT.equals(uri)) {
      children.put(SKILL_MD, MARKDOWN);
      children.put(REFERENCES, DIRECTORY);
    } else if (REFERENCES.equals(uri)) {
      children.put(GUIDE, MARKDOWN);
    } else {
      return CompletableFuture.failedFuture(McpException.invalidParams(
          "Invalid params: " + uri + " is not a directory this server serves"));
    }
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    ArrayNode resources = result.putArray("resources");
    children.forEach((child, type) -> resources.addObject().put("uri", child)
        .put("name", child.substring(child.lastIndexOf('/') + 1)).put("mimeType", type));
    return done(result);
  }

  /** A result with the caching attributes 2026-07-28 requires of it. */
  private static ObjectNode cacheable(RequestContext ctx) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    if (ctx.protocolVersion().isModern()) {
      result.put("ttlMs", TTL_MS).put("cacheScope", "public");
    }
    return result;
  }

  private static CompletionStage<JsonPayload> done(ObjectNode result) {
    return CompletableFuture.completedFuture(JsonPayload.of(result));
  }

  /** {@code sha256:} and the lowercase hex SHA-256 of {@code bytes}, as skill entries give digests. */
  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no SHA-256", e);
    }
  }
}
