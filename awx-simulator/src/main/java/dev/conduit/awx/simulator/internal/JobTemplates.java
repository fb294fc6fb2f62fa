package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code job_templates/{id}/launch/} (GET: what the launch needs; POST: launch) and {@code survey_spec/}. */
final class JobTemplates {

  /** Each launch-time field and the {@code ask_*_on_launch} flag that must be true for it to be honoured. */
  static final Map<String, String> ASK_FIELDS = askFields();

  private final Store store;
  private final JobRunner runner;

  JobTemplates(Store store, JobRunner runner) {
    this.store = store;
    this.runner = runner;
  }

  private static Map<String, String> askFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("extra_vars", "ask_variables_on_launch");
    fields.put("inventory", "ask_inventory_on_launch");
    fields.put("credentials", "ask_credential_on_launch");
    fields.put("scm_branch", "ask_scm_branch_on_launch");
    fields.put("limit", "ask_limit_on_launch");
    fields.put("job_tags", "ask_tags_on_launch");
    fields.put("skip_tags", "ask_skip_tags_on_launch");
    fields.put("job_type", "ask_job_type_on_launch");
    fields.put("verbosity", "ask_verbosity_on_launch");
    fields.put("diff_mode", "ask_diff_mode_on_launch");
    fields.put("execution_environment", "ask_execution_environment_on_launch");
    fields.put("labels", "ask_labels_on_launch");
    fields.put("forks", "ask_forks_on_launch");
    fields.put("job_slice_count", "ask_job_slice_count_on_launch");
    fields.put("timeout", "ask_timeout_on_launch");
    fields.put("instance_groups", "ask_instance_groups_on_launch");
    return Map.copyOf(fields);
  }

  /**
   * AWX's job-template rules, on the template a create or update would make: a project, an inventory or the prompt
   * for one, and a playbook the project has (once a sync has told which it has).
   */
  static void validate(Store store, ObjectNode template, ObjectNode errors) {
    JsonNode project = template.path("project");
    if (!project.canConvertToInt()) {
      if (!errors.has("project")) {
        errors.putArray("project").add("Job Templates must have a project assigned.");
      }
      return;
    }
    if (template.path("inventory").isNull() && !template.path("ask_inventory_on_launch").asBoolean()
        && !errors.has("inventory")) {
      errors.putArray("inventory").add("Must either set a default value or ask to prompt on launch.");
    }
    if (store.get("projects", project.asInt()) == null) {
      return;
    }
    String playbook = template.path("playbook").asText("");
    ObjectNode hidden = store.hidden("projects", project.asInt());
    if (playbook.isBlank() || (hidden.has("playbooks") && !contains(hidden.get("playbooks"), playbook))) {
      errors.putArray("playbook").add("Playbook not found for project.");
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (item.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  Response handle(Request request, ObjectNode template, String sub) throws ApiException {
    return switch (sub) {
      case "launch" -> switch (request.method()) {
        case "GET", "HEAD" -> Response.ok(launchInfo(template));
        case "POST" -> launch(request, template);
        default -> throw ApiException.methodNotAllowed(request.method());
      };
      case "survey_spec" -> Surveys.handle(store, "job_templates", request, template);
      default -> throw new IllegalArgumentException(sub);
    };
  }

  private ObjectNode launchInfo(ObjectNode template) {
    int id = template.get("id").asInt();
    ObjectNode info = Json.object();
    List<String> passwords = passwordsNeeded(store.hidden("job_templates", id).path("credentials"));
    List<String> variables = Surveys.variablesNeeded(survey(template));
    boolean inventoryNeeded = !template.path("inventory").isInt();
    boolean prompts = false;
    for (String ask : ASK_FIELDS.values()) {
      info.put(ask, template.path(ask).asBoolean());
      prompts |= template.path(ask).asBoolean() && !(ask.equals("ask_inventory_on_launch") && !inventoryNeeded);
    }
    info.put("survey_enabled", template.path("survey_enabled").asBoolean());
    info.put("can_start_without_user_input",
        !prompts && passwords.isEmpty() && variables.isEmpty() && !inventoryNeeded);
    info.set("passwords_needed_to_start", Json.MAPPER.valueToTree(passwords));
    info.set("variables_needed_to_start", Json.MAPPER.valueToTree(variables));
    info.put("credential_needed_to_start", false);
    info.put("inventory_needed_to_start", inventoryNeeded);
    info.set("job_template_data", Json.of("name", template.path("name").asText(), "id", id,
        "description", template.path("description").asText()));
    ObjectNode defaults = info.putObject("defaults");
    defaults.put("extra_vars", template.path("extra_vars").asText());
    defaults.put("diff_mode", template.path("diff_mode").asBoolean());
    defaults.put("limit", template.path("limit").asText());
    defaults.put("job_tags", template.path("job_tags").asText());
    defaults.put("skip_tags", template.path("skip_tags").asText());
    defaults.put("job_type", template.path("job_type").asText());
    defaults.put("verbosity", template.path("verbosity").asInt());
    defaults.put("scm_branch", template.path("scm_branch").asText());
    defaults.set("inventory", template.path("summary_fields").has("inventory")
        ? Json.of("name", template.get("summary_fields").get("inventory").path("name").asText(),
            "id", template.get("inventory").asInt())
        : Json.of("name", null, "id", null));
    ArrayNode credentials = defaults.putArray("credentials");
    for (JsonNode c : store.hidden("job_templates", id).path("credentials")) {
      ObjectNode credential = store.get("credentials", c.asInt());
      if (credential != null) {
        credentials.add(Json.of("id", c.asInt(), "name", credential.path("name").asText(),
            "credential_type", credential.path("credential_type").asInt(),
            "passwords_needed", passwordsNeeded(Json.array().add(c.asInt()))));
      }
    }
    defaults.putArray("labels");
    defaults.set("execution_environment", Json.object());
    defaults.put("forks", template.path("forks").asInt());
    defaults.put("job_slice_count", template.path("job_slice_count").asInt(1));
    defaults.put("timeout", template.path("timeout").asInt());
    defaults.putArray("instance_groups");
    return info;
  }

  /** The password prompts ({@code ssh_password}, ...) of credentials whose inputs say {@code ASK}. */
  List<String> passwordsNeeded(JsonNode credentialIds) {
    List<String> needed = new ArrayList<>();
    for (JsonNode c : credentialIds) {
      JsonNode inputs = store.hidden("credentials", c.asInt()).path("inputs");
      if (!inputs.isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> entry : inputs.properties()) {
        if (entry.getValue().asText().equals("ASK")) {
          needed.add(entry.getKey().equals("password") ? "ssh_password" : entry.getKey());
        }
      }
    }
    return needed;
  }

  private ObjectNode survey(ObjectNode template) {
    if (!template.path("survey_enabled").asBoolean()) {
      return Json.object();
    }
    JsonNode spec = store.hidden("job_templates", template.get("id").asInt()).get("survey_spec");
    return spec instanceof ObjectNode object ? object : Json.object();
  }

  private Response launch(Request request, ObjectNode template) throws ApiException {
    ObjectNode body = request.bodyObject();
    int id = template.get("id").asInt();
    Launch.Accepted accepted = Launch.sort(template, body, survey(template));
    ObjectNode errors = Json.object();
    JsonNode jobType = accepted.fields().get("job_type");
    if (jobType != null && !jobType.asText().equals("run") && !jobType.asText().equals("check")) {
      errors.putArray("job_type").add("\"" + jobType.asText() + "\" is not a valid choice.");
    }
    JsonNode verbosity = accepted.fields().get("verbosity");
    if (verbosity != null && !(verbosity.canConvertToInt() && verbosity.asInt() >= 0 && verbosity.asInt() <= 5)) {
      errors.putArray("verbosity").add("\"" + verbosity.asText() + "\" is not a valid choice.");
    }
    Integer inventory = accepted.fields().has("inventory") ? Json.intOrNull(accepted.fields(), "inventory")
        : Json.intOrNull(template, "inventory");
    if (inventory == null) {
      errors.putArray("inventory").add("Job Template 'inventory' is missing or undefined.");
    } else if (store.get("inventories", inventory) == null) {
      errors.putArray("inventory").add("Invalid pk \"" + inventory + "\" - object does not exist.");
    }
    if (!template.path("project").isInt() || store.get("projects", template.get("project").asInt()) == null) {
      errors.putArray("project").add("A project is required to run a job.");
    }
    JsonNode credentialIds = accepted.fields().has("credentials") ? accepted.fields().get("credentials")
        : store.hidden("job_templates", id).path("credentials");
    for (JsonNode c : credentialIds) {
      if (store.get("credentials", c.asInt()) == null) {
        errors.withArray("credentials").add("Invalid pk \"" + c.asText() + "\" - object does not exist.");
      }
    }
    List<String> missing = new ArrayList<>();
    for (String password : passwordsNeeded(credentialIds)) {
      if (!body.path("credential_passwords").has(password) && !body.has(password)) {
        missing.add(password);
      }
    }
    if (!missing.isEmpty()) {
      errors.set("passwords_needed_to_start", Json.MAPPER.valueToTree(missing));
    }
    List<String> surveyErrors = Surveys.validate(survey(template), accepted.extraVars());
    if (!surveyErrors.isEmpty()) {
      errors.set("variables_needed_to_start", Json.MAPPER.valueToTree(surveyErrors));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, errors);
    }
    ObjectNode job = runner.newJob(template, accepted, inventory, credentialIds, "manual", request.user());
    store.countLaunch();
    ObjectNode answer = Json.of("job", job.get("id").asInt(), "ignored_fields", accepted.ignored());
    answer.setAll(job);
    return Response.created(201, answer, job.get("url").asText());
  }
}
