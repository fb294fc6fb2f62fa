package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Survey specs: which variables a launch still needs, and AWX's messages for answers that break the spec. */
final class Surveys {

  private Surveys() {}

  /** The required survey variables that have no default. */
  static List<String> variablesNeeded(ObjectNode survey) {
    List<String> needed = new ArrayList<>();
    for (JsonNode question : survey.path("spec")) {
      JsonNode fallback = question.get("default");
      boolean noDefault = fallback == null || fallback.isNull() || fallback.asText().isEmpty();
      if (question.path("required").asBoolean() && noDefault) {
        needed.add(question.path("variable").asText());
      }
    }
    return needed;
  }

  /** The errors of a launch's answers, in AWX's words; empty when the answers are good. */
  static List<String> validate(ObjectNode survey, ObjectNode vars) {
    List<String> errors = new ArrayList<>();
    for (JsonNode question : survey.path("spec")) {
      String variable = question.path("variable").asText();
      JsonNode value = vars.get(variable);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
        if (question.path("required").asBoolean()) {
          errors.add("'" + variable + "' value missing");
        }
        continue;
      }
      String type = question.path("type").asText("text");
      switch (type) {
        case "multiplechoice" -> {
          List<String> choices = choices(question.get("choices"));
          if (!choices.contains(value.asText())) {
            errors.add("Value " + value.asText() + " for '" + variable + "' expected to be one of "
                + choices + ".");
          }
        }
        case "integer", "float" -> {
          if (!value.isNumber()) {
            errors.add("Value " + value.asText() + " for '" + variable + "' expected to be a"
                + (type.equals("integer") ? "n integer." : " numeric type."));
          } else {
            bounds(question, variable, value.asDouble(), value.asText(), errors, "");
          }
        }
        case "text", "textarea", "password" -> bounds(question, variable, value.asText().length(),
            value.asText(), errors, " (length is " + value.asText().length() + ")");
        default -> { }
      }
    }
    return errors;
  }

  private static void bounds(JsonNode question, String variable, double measure, String shown, List<String> errors,
      String length) {
    if (question.path("min").isNumber() && measure < question.get("min").asDouble()) {
      errors.add("'" + variable + "' value " + shown + " is too small" + length + " (must be at least "
          + question.get("min").asText() + ").");
    }
    if (question.path("max").isNumber() && measure > question.get("max").asDouble()) {
      errors.add("'" + variable + "' value " + shown + " is too large" + length + " (must be no more than "
          + question.get("max").asText() + ").");
    }
  }

  private static List<String> choices(JsonNode choices) {
    List<String> list = new ArrayList<>();
    if (choices == null) {
      return list;
    }
    if (choices.isArray()) {
      choices.forEach(c -> list.add(c.asText()));
    } else {
      for (String c : choices.asText().split("\n")) {
        list.add(c.trim());
      }
    }
    return list;
  }

  /** The variables as a job shows them: the answers to password questions read {@code $encrypted$}. */
  static ObjectNode maskPasswords(ObjectNode survey, ObjectNode vars) {
    ObjectNode shown = vars.deepCopy();
    for (JsonNode question : survey.path("spec")) {
      String variable = question.path("variable").asText();
      if (question.path("type").asText().equals("password") && shown.has(variable)) {
        shown.put(variable, Secrets.ENCRYPTED);
      }
    }
    return shown;
  }

  /** {@code survey_spec/} of a job or workflow job template: GET ({@code {}} when none), POST, DELETE. */
  static Response handle(Store store, String collection, Request request, ObjectNode template) throws ApiException {
    ObjectNode hidden = store.hidden(collection, template.get("id").asInt());
    switch (request.method()) {
      case "GET", "HEAD" -> {
        return Response.ok(hidden.has("survey_spec") ? hidden.get("survey_spec") : Json.object());
      }
      case "POST" -> {
        ObjectNode spec = request.bodyObject();
        checkSpec(spec);
        hidden.set("survey_spec", spec.deepCopy());
        return Response.empty(200);
      }
      case "DELETE" -> {
        hidden.remove("survey_spec");
        return Response.empty(200);
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    }
  }

  /** Checks a posted survey spec as AWX does before storing it. */
  static void checkSpec(ObjectNode spec) throws ApiException {
    for (String key : List.of("name", "description")) {
      if (!spec.has(key)) {
        throw ApiException.detail(400, "'" + key + "' missing from survey spec.");
      }
    }
    if (!spec.path("spec").isArray()) {
      throw ApiException.detail(400, "'spec' must be a list of items.");
    }
    int index = 0;
    for (JsonNode question : spec.get("spec")) {
      for (String key : List.of("variable", "type", "question_name")) {
        if (!question.hasNonNull(key)) {
          throw ApiException.detail(400, "'" + key + "' missing from survey question " + index + ".");
        }
      }
      index++;
    }
  }
}
