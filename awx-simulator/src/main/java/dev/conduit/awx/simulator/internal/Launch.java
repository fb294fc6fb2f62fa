package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Sorts a launch body into the fields AWX honours and the ones it drops into {@code ignored_fields} because their
 * {@code ask_*_on_launch} flag is off (a survey admits its own variables even then).
 */
final class Launch {

  /**
   * @param fields the honoured launch fields (without extra_vars)
   * @param extraVars the honoured extra variables, survey defaults filled in
   * @param ignored what AWX reports back as {@code ignored_fields}
   */
  record Accepted(ObjectNode fields, ObjectNode extraVars, ObjectNode ignored) {}

  private Launch() {}

  static Accepted sort(ObjectNode template, ObjectNode body, ObjectNode survey) throws ApiException {
    ObjectNode fields = Json.object();
    ObjectNode extra = Json.object();
    ObjectNode ignored = Json.object();
    for (Map.Entry<String, JsonNode> entry : body.properties()) {
      String name = entry.getKey();
      String flag = JobTemplates.ASK_FIELDS.get(name);
      if (flag == null || name.equals("extra_vars")) {
        continue;
      }
      if (template.path(flag).asBoolean()) {
        fields.set(name, entry.getValue());
      } else {
        ignored.set(name, entry.getValue());
      }
    }
    if (body.has("extra_vars")) {
      ObjectNode vars = parseVars(body.get("extra_vars"));
      Set<String> surveyVars = new HashSet<>();
      for (JsonNode question : survey.path("spec")) {
        surveyVars.add(question.path("variable").asText());
      }
      boolean askVars = template.path("ask_variables_on_launch").asBoolean();
      ObjectNode dropped = Json.object();
      for (Map.Entry<String, JsonNode> entry : vars.properties()) {
        if (askVars || surveyVars.contains(entry.getKey())) {
          extra.set(entry.getKey(), entry.getValue());
        } else {
          dropped.set(entry.getKey(), entry.getValue());
        }
      }
      if (!dropped.isEmpty()) {
        ignored.set("extra_vars", dropped);
      }
    }
    for (JsonNode question : survey.path("spec")) {
      String variable = question.path("variable").asText();
      JsonNode fallback = question.get("default");
      if (!extra.has(variable) && fallback != null && !fallback.isNull() && !fallback.asText().isEmpty()) {
        extra.set(variable, fallback);
      }
    }
    return new Accepted(fields, extra, ignored);
  }

  /** Variables given as an object, or as JSON or simple YAML text. */
  static ObjectNode parseVars(@Nullable JsonNode value) throws ApiException {
    if (value == null || value.isNull()) {
      return Json.object();
    }
    if (value.isObject()) {
      return (ObjectNode) value.deepCopy();
    }
    String text = value.asText().trim();
    if (text.isEmpty() || text.equals("---") || text.equals("{}")) {
      return Json.object();
    }
    if (text.startsWith("{")) {
      try {
        JsonNode parsed = Json.MAPPER.readTree(text);
        if (parsed instanceof ObjectNode object) {
          return object;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw ApiException.field("extra_vars", "Cannot parse as JSON (error: " + e.getOriginalMessage()
            + ") or YAML (error: Input type `str` is not a dictionary).");
      }
    }
    ObjectNode vars = Json.object();
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---")) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw ApiException.field("extra_vars", "Cannot parse as JSON (error: Expecting value) or YAML "
            + "(error: Input type `str` is not a dictionary).");
      }
      String raw = trimmed.substring(colon + 1).trim();
      try {
        vars.set(trimmed.substring(0, colon).trim(), Json.MAPPER.readTree(raw.isEmpty() ? "null" : raw));
      } catch (IOException e) {
        vars.put(trimmed.substring(0, colon).trim(), raw.replaceAll("^[\"']|[\"']$", ""));
      }
    }
    return vars;
  }
}
