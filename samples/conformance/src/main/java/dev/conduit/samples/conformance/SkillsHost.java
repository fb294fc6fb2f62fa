package dev.conduit.samples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.ResourceContents;
import dev.conduit.protocol.schema.TextResourceContents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A host of the skills extension (SEP-2640, {@code io.modelcontextprotocol/skills}) as the conformance suite's client
 * scenarios check one: it lists skills without reading their files, and loads a skill by reading its {@code
 * SKILL.md}, whose bytes must match the entry's digest and size and whose frontmatter must match the entry's, before
 * it reads anything else of the skill.
 */
final class SkillsHost {

  private static final String SKILL_FILE = "SKILL.md";

  private final McpClient client;

  SkillsHost(McpClient client) {
    this.client = client;
  }

  /** A skill as {@code skills/list} describes it. */
  record Entry(String uri, JsonNode frontmatter, Map<String, JsonNode> resources) {}

  /** Every skill the server offers; reads no file. */
  List<Entry> list() {
    List<Entry> entries = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = client.request("skills/list", cursor == null ? Map.of() : Map.of("cursor", cursor),
          RequestOptions.defaults()).tree();
      for (JsonNode skill : page.path("skills")) {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        skill.path("resources").forEach(resource -> resources.put(resource.path("uri").asText(), resource));
        entries.add(new Entry(skill.path("uri").asText(), skill.path("frontmatter"), resources));
      }
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    return entries;
  }

  /**
   * Loads {@code skill}: its {@code SKILL.md}, checked, then its other files, each checked.
   *
   * @throws IllegalStateException if a file does not match its entry; nothing read after it is used
   */
  Map<String, String> load(Entry skill) {
    Map<String, String> files = new LinkedHashMap<>();
    String skillFile = read(skill, skill.uri());
    Map<String, String> frontmatter = frontmatter(skillFile);
    skill.frontmatter().fields().forEachRemaining(field -> {
      if (!Objects.equals(field.getValue().asText(), frontmatter.get(field.getKey()))) {
        throw new IllegalStateException("The frontmatter of " + skill.uri() + " does not match its entry: "
            + field.getKey());
      }
    });
    files.put(skill.uri(), skillFile);
    for (String uri : skill.resources().keySet()) {
      if (!uri.equals(skill.uri())) {
        files.put(uri, read(skill, uri));
      }
    }
    return files;
  }

  /** Reads one file of {@code skill} and checks it against the entry's size and digest. */
  private String read(Entry skill, String uri) {
    ReadResourceResult result = client.readResource(uri);
    ResourceContents contents = result.contents().isEmpty() ? null : result.contents().get(0);
    if (!(contents instanceof TextResourceContents text)) {
      throw new IllegalStateException(uri + " is not a text file");
    }
    JsonNode listed = skill.resources().get(uri);
    if (listed == null) {
      throw new IllegalStateException(uri + " is not a file of skill " + skill.uri());
    }
    byte[] bytes = text.text().getBytes(StandardCharsets.UTF_8);
    if (listed.has("size") && listed.get("size").asLong() != bytes.length) {
      throw new IllegalStateException(uri + " has " + bytes.length + " bytes, its entry says "
          + listed.get("size").asLong());
    }
    if (listed.has("digest") && !listed.get("digest").asText().equals(SkillsFixtures.sha256(bytes))) {
      throw new IllegalStateException(uri + " does not match its digest");
    }
    return text.text();
  }

  /** The {@code key: value} lines between the leading {@code ---} lines of a SKILL.md. */
  private static Map<String, String> frontmatter(String skillFile) {
    Map<String, String> fields = new LinkedHashMap<>();
    String[] lines = skillFile.split("\r?\n", -1);
    if (lines.length == 0 || !lines[0].equals("---")) {
      throw new IllegalStateException("The " + SKILL_FILE + " has no frontmatter");
    }
    for (int i = 1; i < lines.length && !lines[i].equals("---"); i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        fields.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
      }
    }
    return fields;
  }
}
