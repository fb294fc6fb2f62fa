package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creating, changing and deleting objects with AWX's validation, and the activity stream that records it. */
public final class Resources {

  private static final Set<String> READ_ONLY = Set.of("id", "type", "url", "related", "summary_fields", "created",
      "modified", "status", "last_job_run", "last_job_failed", "next_job_run", "last_updated", "last_update_failed",
      "scm_revision", "total_hosts", "total_groups", "has_active_failures", "kind", "cloud");
  private static final Map<String, Set<String>> CHOICES = Map.of(
      "job_type", Set.of("run", "check"),
      "scm_type", Set.of("", "git", "svn", "insights", "archive"),
      "notification_type", Set.of("email", "grafana", "irc", "mattermost", "pagerduty", "rocketchat", "slack",
          "twilio", "webhook", "awssns"));
  /** Foreign keys checked on write: the named object must exist. */
  private static final Map<String, String> REFERENCES = Map.of("organization", "organizations", "inventory",
      "inventories", "project", "projects", "credential_type", "credential_types", "credential", "credentials",
      "workflow_job_template", "workflow_job_templates", "source_project", "projects");

  private final Store store;

  /** Resources over a store. */
  public Resources(Store store) {
    this.store = store;
  }

  /** The store. */
  public Store store() {
    return store;
  }

  /** A new object with the standard head fields, defaults and the given fields; validated, decorated, stored. */
  public ObjectNode create(String collection, ObjectNode input, ObjectNode actor) throws ApiException {
    ObjectNode errors = Json.object();
    for (String field : Kinds.required(collection)) {
      JsonNode value = input.get(field);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        errors.putArray(field).add("This field is required.");
      }
    }
    ObjectNode candidate = Kinds.defaults(collection);
    candidate.setAll(input);
    validate(collection, input, candidate, errors);
    if (!errors.isEmpty()) {
      throw new ApiException(400, errors);
    }
    unique(collection, input, -1);
    int id = store.nextId(collection);
    String now = store.now();
    ObjectNode node = Json.of("id", id, "type", Kinds.type(collection), "url", store.link(collection, id));
    node.putObject("related");
    node.putObject("summary_fields");
    node.put("created", now);
    node.put("modified", now);
    node.setAll(Kinds.defaults(collection));
    apply(collection, id, node, input);
    store.put(collection, node);
    Links.decorate(store, collection, node);
    countParent(collection, node);
    record("create", collection, node, actor);
    return node;
  }

  /** Changes the writable fields present in {@code input} (PATCH semantics; PUT sends them all). */
  public ObjectNode update(String collection, ObjectNode node, ObjectNode input, ObjectNode actor)
      throws ApiException {
    ObjectNode errors = Json.object();
    for (String field : Kinds.required(collection)) {
      JsonNode value = input.get(field);
      if (value != null && (value.isNull() || (value.isTextual() && value.asText().isBlank()))) {
        errors.putArray(field).add("This field may not be blank.");
      }
    }
    validate(collection, input, merged(node, input), errors);
    if (!errors.isEmpty()) {
      throw new ApiException(400, errors);
    }
    unique(collection, merged(node, input), node.get("id").asInt());
    apply(collection, node.get("id").asInt(), node, input);
    node.put("modified", store.now());
    Links.decorate(store, collection, node);
    record("update", collection, node, actor);
    return node;
  }

  /** Deletes an object: 409 while running jobs use it, 403 for a running job itself. */
  public void delete(String collection, ObjectNode node, ObjectNode actor) throws ApiException {
    int id = node.get("id").asInt();
    if (Jobs.isJobCollection(collection) && Jobs.isActive(node)) {
      throw ApiException.detail(403, "Cannot delete running job resource.");
    }
    String field = switch (collection) {
      case "inventories" -> "inventory";
      case "projects" -> "project";
      case "job_templates" -> "job_template";
      case "workflow_job_templates" -> "workflow_job_template";
      case "inventory_sources" -> "inventory_source";
      default -> null;
    };
    if (field != null) {
      List<ObjectNode> active = store.unifiedJobs().stream()
          .filter(j -> Jobs.isActive(j) && j.path(field).isInt() && j.get(field).asInt() == id).toList();
      if (!active.isEmpty()) {
        throw ApiException.activeJobConflict(active);
      }
    }
    store.remove(collection, id);
    cascade(collection, id);
    countParent(collection, node);
    record("delete", collection, node, actor);
  }

  /** What AWX's foreign keys do on delete: cascade to what belongs to the object, null what only refers to it. */
  private void cascade(String collection, int id) {
    switch (collection) {
      case "inventories" -> {
        for (String owned : List.of("hosts", "groups", "inventory_sources")) {
          store.children(owned, "inventory", id).forEach(o -> store.remove(owned, o.get("id").asInt()));
        }
        unlink("job_templates", "inventory", id);
      }
      case "projects" -> {
        unlink("job_templates", "project", id);
        unlink("inventory_sources", "source_project", id);
      }
      case "job_templates", "workflow_job_templates", "inventory_sources" -> {
        store.children("schedules", "unified_job_template", id)
            .forEach(s -> store.remove("schedules", s.get("id").asInt()));
        unlink("workflow_job_template_nodes", "unified_job_template", id);
        unlink("jobs", "job_template", id);
        if (collection.equals("workflow_job_templates")) {
          store.children("workflow_job_template_nodes", "workflow_job_template", id)
              .forEach(n -> store.remove("workflow_job_template_nodes", n.get("id").asInt()));
        }
      }
      case "credentials" -> store.all("job_templates").forEach(t -> {
        JsonNode ids = store.hidden("job_templates", t.get("id").asInt()).get("credentials");
        if (ids instanceof ArrayNode array) {
          for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i).asInt() == id) {
              array.remove(i);
            }
          }
          Links.decorate(store, "job_templates", t);
        }
      });
      default -> { }
    }
  }

  private void unlink(String collection, String field, int id) {
    for (ObjectNode node : store.children(collection, field, id)) {
      node.putNull(field);
      Links.decorate(store, collection, node);
    }
  }

  /** Checks the fields given ({@code input}) and the object they would make ({@code candidate}). */
  private void validate(String collection, ObjectNode input, ObjectNode candidate, ObjectNode errors) {
    for (Map.Entry<String, Set<String>> choice : CHOICES.entrySet()) {
      JsonNode value = input.get(choice.getKey());
      if (value != null && !value.isNull() && !choice.getValue().contains(value.asText())) {
        errors.putArray(choice.getKey()).add("\"" + value.asText() + "\" is not a valid choice.");
      }
    }
    for (Map.Entry<String, String> ref : REFERENCES.entrySet()) {
      JsonNode value = input.get(ref.getKey());
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.canConvertToInt() && !(value.isTextual() && value.asText().matches("\\d+"))) {
        errors.putArray(ref.getKey()).add("Incorrect type. Expected pk value, received " + typeName(value) + ".");
      } else if (store.get(ref.getValue(), value.asInt()) == null) {
        errors.putArray(ref.getKey()).add("Invalid pk \"" + value.asText() + "\" - object does not exist.");
      }
    }
    JsonNode template = input.get("unified_job_template");
    if (template != null && !template.isNull() && Links.unifiedTemplate(store, template.asInt()) == null) {
      errors.putArray("unified_job_template").add("Invalid pk \"" + template.asText() + "\" - object does not exist.");
    }
    if (collection.equals("job_templates")) {
      JobTemplates.validate(store, candidate, errors);
    }
    if (collection.equals("schedules")) {
      Schedules.validate(input, errors);
    }
  }

  private static String typeName(JsonNode value) {
    return value.isTextual() ? "str" : value.isBoolean() ? "bool" : value.isObject() ? "dict" : "list";
  }

  private void unique(String collection, ObjectNode candidate, int self) throws ApiException {
    if (!candidate.has("name") || !Set.of("inventories", "projects", "job_templates", "workflow_job_templates",
        "teams", "credentials", "organizations", "notification_templates").contains(collection)) {
      return;
    }
    String name = candidate.path("name").asText();
    JsonNode org = candidate.path("organization");
    for (ObjectNode other : store.all(collection)) {
      if (other.get("id").asInt() != self && other.path("name").asText().equals(name)
          && (collection.equals("organizations") || other.path("organization").equals(org))) {
        String label = Kinds.type(collection).replace('_', ' ');
        label = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        throw ApiException.fields(Json.object(), "__all__", collection.equals("organizations")
            ? "Organization with this Name already exists."
            : label + " with this Name and Organization already exists.");
      }
    }
  }

  private static ObjectNode merged(ObjectNode node, ObjectNode input) {
    ObjectNode copy = node.deepCopy();
    copy.setAll(input);
    return copy;
  }

  private void apply(String collection, int id, ObjectNode node, ObjectNode input) {
    for (Map.Entry<String, JsonNode> field : input.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (READ_ONLY.contains(name) && !(name.equals("kind") && collection.equals("credential_types"))) {
        continue;
      }
      if (name.equals("password") && collection.equals("users")) {
        store.hidden(collection, id).set("password", value);
        continue;
      }
      if (REFERENCES.containsKey(name) && value.isTextual() && value.asText().matches("\\d+")) {
        value = Json.MAPPER.valueToTree(value.asInt());
      }
      if ((name.equals("extra_vars") || name.equals("variables") || name.equals("source_vars"))
          && value.isObject()) {
        // AWX stores variables as text, and answers with the text.
        value = Json.MAPPER.valueToTree(Json.text(value));
      }
      if (name.equals("inputs") && collection.equals("credentials") && value.isObject()) {
        // A client that sends back what it read sends "$encrypted$": AWX keeps the stored secret then.
        ObjectNode stored = store.hidden(collection, id).withObjectProperty("inputs");
        ObjectNode inputs = (ObjectNode) value.deepCopy();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
          if (entry.getValue().asText().equals(Secrets.ENCRYPTED) && stored.has(entry.getKey())) {
            inputs.set(entry.getKey(), stored.get(entry.getKey()));
          }
        }
        store.hidden(collection, id).set("inputs", inputs);
        value = Secrets.mask(store, value, node, input);
      }
      if (name.equals("notification_configuration") && value.isObject()) {
        value = Secrets.maskNotification(value);
      }
      if (node.has(name) || Kinds.defaults(collection).isEmpty()) {
        node.set(name, value);
      }
    }
    if (collection.equals("credentials")) {
      Secrets.describeCredential(store, node);
    }
    if (collection.equals("job_templates") && node.path("project").isInt()) {
      // AWX derives a job template's organization from its project.
      ObjectNode project = store.get("projects", node.get("project").asInt());
      node.set("organization", project == null ? null : project.get("organization"));
    }
  }

  /** Recomputes the counters AWX shows on an inventory (hosts, groups, sources, failures). */
  static void countInventory(Store store, int inventory) {
    ObjectNode node = store.get("inventories", inventory);
    if (node == null) {
      return;
    }
    List<ObjectNode> hosts = store.children("hosts", "inventory", inventory);
    long failing = hosts.stream().filter(h -> h.path("has_active_failures").asBoolean()).count();
    int sources = store.children("inventory_sources", "inventory", inventory).size();
    node.put("total_hosts", hosts.size());
    node.put("hosts_with_active_failures", failing);
    node.put("has_active_failures", failing > 0);
    node.put("total_groups", store.children("groups", "inventory", inventory).size());
    node.put("has_inventory_sources", sources > 0);
    node.put("total_inventory_sources", sources);
  }

  private void countParent(String collection, ObjectNode node) {
    if (Set.of("hosts", "groups", "inventory_sources").contains(collection) && node.path("inventory").isInt()) {
      countInventory(store, node.get("inventory").asInt());
    }
  }

  /** Adds an activity stream entry for a change. */
  public void record(String operation, String collection, ObjectNode node, ObjectNode actor) {
    int id = store.nextId("activity_stream");
    String type = Kinds.type(collection);
    ObjectNode entry = Json.of("id", id, "type", "activity_stream", "url", store.link("activity_stream", id));
    ObjectNode related = entry.putObject("related");
    ObjectNode summary = entry.putObject("summary_fields");
    if (actor.has("id")) {
      related.put("actor", store.link("users", actor.get("id").asInt()));
      summary.set("actor", Json.of("id", actor.get("id").asInt(), "username", actor.path("username").asText(),
          "first_name", actor.path("first_name").asText(), "last_name", actor.path("last_name").asText()));
    }
    related.putArray(type).add(node.path("url").asText());
    summary.putArray(type).add(Json.of("id", node.get("id").asInt(), "name", node.path("name").asText(
        node.path("username").asText(""))));
    entry.put("timestamp", store.now());
    entry.put("operation", operation);
    entry.set("changes", operation.equals("delete") ? Json.object() : Json.of("name", node.path("name")));
    entry.put("object1", type);
    entry.put("object2", "");
    entry.put("object_association", "");
    entry.put("action_node", "awx-simulator");
    entry.put("object_type", "");
    store.put("activity_stream", entry);
  }
}
