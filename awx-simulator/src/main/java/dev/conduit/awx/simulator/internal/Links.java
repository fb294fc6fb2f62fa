package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code related} links and {@code summary_fields} of each kind of object, as AWX's serializers build them, so
 * that a client can navigate by links instead of building paths.
 */
final class Links {

  /** The foreign keys each kind shows under {@code related} and {@code summary_fields}, with their collection. */
  private static final Map<String, String> FOREIGN_KEYS = Map.ofEntries(
      Map.entry("organization", "organizations"), Map.entry("inventory", "inventories"),
      Map.entry("project", "projects"), Map.entry("credential", "credentials"),
      Map.entry("credential_type", "credential_types"), Map.entry("job_template", "job_templates"),
      Map.entry("workflow_job_template", "workflow_job_templates"), Map.entry("source_project", "projects"),
      Map.entry("inventory_source", "inventory_sources"), Map.entry("notification_template", "notification_templates"),
      Map.entry("workflow_job", "workflow_jobs"), Map.entry("job", "jobs"), Map.entry("host", "hosts"),
      Map.entry("schedule", "schedules"));

  private static final Map<String, List<String>> SUBLISTS = Map.ofEntries(
      Map.entry("organizations", List.of("users", "admins", "teams", "projects", "inventories", "job_templates",
          "workflow_job_templates", "credentials", "notification_templates", "activity_stream", "access_list",
          "object_roles", "instance_groups", "execution_environments")),
      Map.entry("teams", List.of("users", "projects", "credentials", "roles", "object_roles", "access_list",
          "activity_stream")),
      Map.entry("users", List.of("teams", "organizations", "admin_of_organizations", "projects", "credentials",
          "roles", "activity_stream", "access_list", "tokens", "authorized_tokens", "personal_tokens")),
      Map.entry("credential_types", List.of("credentials", "activity_stream")),
      Map.entry("credentials", List.of("activity_stream", "access_list", "object_roles", "owner_users",
          "owner_teams", "copy", "input_sources")),
      Map.entry("projects", List.of("teams", "playbooks", "inventory_files", "update", "project_updates",
          "scm_inventory_sources", "schedules", "activity_stream", "notification_templates_started",
          "notification_templates_success", "notification_templates_error", "access_list", "object_roles",
          "copy")),
      Map.entry("inventories", List.of("hosts", "variable_data", "groups", "root_groups", "tree", "script",
          "inventory_sources", "update_inventory_sources", "activity_stream", "job_templates", "ad_hoc_commands",
          "access_list", "object_roles", "instance_groups", "copy", "labels")),
      Map.entry("hosts", List.of("variable_data", "groups", "all_groups", "job_events", "job_host_summaries",
          "activity_stream", "inventory_sources", "smart_inventories", "ad_hoc_commands", "ad_hoc_command_events",
          "ansible_facts")),
      Map.entry("groups", List.of("variable_data", "hosts", "potential_children", "children", "all_hosts",
          "job_events", "job_host_summaries", "activity_stream", "inventory_sources", "ad_hoc_commands")),
      Map.entry("inventory_sources", List.of("update", "inventory_updates", "schedules", "activity_stream",
          "hosts", "groups", "notification_templates_started", "notification_templates_success",
          "notification_templates_error", "credentials")),
      Map.entry("job_templates", List.of("labels", "credentials", "jobs", "schedules", "activity_stream", "launch",
          "webhook_key", "notification_templates_started", "notification_templates_success",
          "notification_templates_error", "access_list", "survey_spec", "object_roles", "instance_groups",
          "slice_workflow_jobs", "copy")),
      Map.entry("jobs", List.of("labels", "credentials", "stdout", "job_events", "job_host_summaries",
          "activity_stream", "notifications", "create_schedule", "cancel", "relaunch")),
      Map.entry("project_updates", List.of("stdout", "events", "scm_inventory_updates", "notifications", "cancel")),
      Map.entry("inventory_updates", List.of("stdout", "events", "notifications", "credentials", "cancel")),
      Map.entry("ad_hoc_commands", List.of("events", "activity_stream", "notifications", "cancel", "relaunch",
          "stdout")),
      Map.entry("workflow_job_templates", List.of("workflow_jobs", "schedules", "launch", "webhook_key",
          "workflow_nodes", "labels", "activity_stream", "notification_templates_started",
          "notification_templates_success", "notification_templates_error", "notification_templates_approvals",
          "access_list", "object_roles", "survey_spec", "copy")),
      Map.entry("workflow_job_template_nodes", List.of("success_nodes", "failure_nodes", "always_nodes",
          "credentials", "labels", "instance_groups", "create_approval_template")),
      Map.entry("workflow_jobs", List.of("workflow_nodes", "labels", "activity_stream", "relaunch", "cancel",
          "notifications")),
      Map.entry("workflow_job_nodes", List.of("success_nodes", "failure_nodes", "always_nodes", "credentials",
          "labels", "instance_groups")),
      Map.entry("workflow_approvals", List.of("approve", "deny")),
      Map.entry("schedules", List.of("jobs", "credentials", "labels", "instance_groups")),
      Map.entry("notification_templates", List.of("test", "notifications", "copy")));

  private Links() {}

  /** Sets {@code related} and {@code summary_fields} from the object's current fields. */
  static void decorate(Store store, String collection, ObjectNode node) {
    int id = node.get("id").asInt();
    ObjectNode related = Json.object();
    ObjectNode summary = Json.object();
    String namedUrl = NamedUrls.of(store, collection, node);
    if (namedUrl != null) {
      related.put("named_url", store.link(collection, namedUrl));
    }
    for (Map.Entry<String, String> fk : FOREIGN_KEYS.entrySet()) {
      if (node.path(fk.getKey()).isInt()) {
        int ref = node.get(fk.getKey()).asInt();
        related.put(fk.getKey(), store.link(fk.getValue(), ref));
        ObjectNode target = store.get(fk.getValue(), ref);
        if (target != null) {
          summary.set(fk.getKey(), brief(fk.getValue(), target));
        }
      }
    }
    if (node.path("unified_job_template").isInt()) {
      ObjectNode template = unifiedTemplate(store, node.get("unified_job_template").asInt());
      if (template != null) {
        String templates = collectionOf(template.get("type").asText());
        related.put("unified_job_template", store.link(templates, template.get("id").asInt()));
        summary.set("unified_job_template", Json.of("id", template.get("id").asInt(),
            "name", template.path("name").asText(), "description", template.path("description").asText(),
            "unified_job_type", unifiedJobType(template.get("type").asText())));
      }
    }
    for (String sub : SUBLISTS.getOrDefault(collection, List.of())) {
      related.put(sub, store.link(collection, id, sub));
    }
    if (node.has("launched_by") && node.get("launched_by").isObject()) {
      summary.set("created_by", node.get("launched_by").deepCopy());
    }
    ObjectNode hidden = store.hidden(collection, id);
    if (hidden.has("credentials")) {
      ArrayNode credentials = summary.putArray("credentials");
      for (var credentialId : hidden.get("credentials")) {
        ObjectNode credential = store.get("credentials", credentialId.asInt());
        if (credential != null) {
          credentials.add(Json.of("id", credential.get("id").asInt(), "name", credential.path("name").asText(),
              "description", credential.path("description").asText(), "kind", credential.path("kind").asText(),
              "cloud", credential.path("cloud").asBoolean()));
        }
      }
    }
    if (collection.equals("hosts")) {
      ArrayNode groups = Json.array();
      for (int group : store.hostGroups(id)) {
        ObjectNode g = store.get("groups", group);
        if (g != null) {
          groups.add(Json.of("id", group, "name", g.path("name").asText()));
        }
      }
      summary.set("groups", Json.of("count", groups.size(), "results", groups));
    }
    if (Set.of("job_templates", "workflow_job_templates", "jobs", "workflow_jobs").contains(collection)) {
      summary.set("labels", Json.of("count", 0, "results", List.of()));
    }
    if (collection.equals("job_templates") || collection.equals("workflow_job_templates")) {
      summary.set("recent_jobs", recentJobs(store, collection, id));
    }
    summary.set("user_capabilities", capabilities(collection));
    // Links that only a workflow run knows (an approval's workflow job, a node's job) are kept beside the object.
    related.setAll(hidden.withObjectProperty("related"));
    summary.setAll(hidden.withObjectProperty("summary_fields"));
    node.set("related", related);
    node.set("summary_fields", summary);
  }

  private static ArrayNode recentJobs(Store store, String collection, int id) {
    String jobs = collection.equals("job_templates") ? "jobs" : "workflow_jobs";
    String field = collection.equals("job_templates") ? "job_template" : "workflow_job_template";
    List<ObjectNode> mine = store.children(jobs, field, id);
    ArrayNode recent = Json.array();
    for (int i = mine.size() - 1; i >= 0 && recent.size() < 10; i--) {
      ObjectNode job = mine.get(i);
      recent.add(Json.of("id", job.get("id").asInt(), "status", job.path("status").asText(),
          "finished", job.get("finished"), "canceled_on", job.get("canceled_on"), "type", job.get("type").asText()));
    }
    return recent;
  }

  private static ObjectNode capabilities(String collection) {
    return switch (collection) {
      case "job_templates", "workflow_job_templates" ->
          Json.of("edit", true, "delete", true, "start", true, "schedule", true, "copy", true);
      case "jobs", "project_updates", "inventory_updates", "workflow_jobs", "ad_hoc_commands" ->
          Json.of("delete", true, "start", true);
      case "projects", "inventory_sources" -> Json.of("edit", true, "delete", true, "start", true, "schedule", true,
          "copy", true);
      default -> Json.of("edit", true, "delete", true);
    };
  }

  /** The fields AWX's serializers show of each kind of related object in {@code summary_fields}. */
  private static final Map<String, List<String>> BRIEF = Map.ofEntries(
      Map.entry("inventories", List.of("name", "description", "has_active_failures", "total_hosts",
          "hosts_with_active_failures", "total_groups", "has_inventory_sources", "total_inventory_sources",
          "inventory_sources_with_failures", "organization", "kind")),
      Map.entry("projects", List.of("name", "description", "status", "scm_type", "allow_override")),
      Map.entry("credentials", List.of("name", "description", "kind", "cloud", "credential_type")),
      Map.entry("inventory_sources", List.of("name", "description", "source", "last_updated", "status")),
      Map.entry("schedules", List.of("name", "description", "next_run")),
      Map.entry("users", List.of("username", "first_name", "last_name")),
      Map.entry("jobs", List.of("name", "description", "status", "failed", "elapsed", "type")),
      Map.entry("workflow_jobs", List.of("name", "description", "status", "failed", "elapsed", "type")));

  /** The short form AWX shows of a related object. */
  static ObjectNode brief(String collection, ObjectNode target) {
    ObjectNode out = Json.of("id", target.get("id").asInt());
    for (String field : BRIEF.getOrDefault(collection, List.of("name", "description"))) {
      if (target.has(field)) {
        String name = field.equals("organization") ? "organization_id"
            : field.equals("credential_type") ? "credential_type_id" : field;
        out.set(name, target.get(field));
      }
    }
    return out;
  }

  /** A unified job template of any kind by id, or null. */
  static @Nullable ObjectNode unifiedTemplate(Store store, int id) {
    for (String c : List.of("job_templates", "projects", "inventory_sources", "workflow_job_templates",
        "workflow_approval_templates")) {
      ObjectNode node = store.get(c, id);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  /** The collection that holds objects of this {@code type}. */
  static String collectionOf(String type) {
    return switch (type) {
      case "inventory" -> "inventories";
      case "activity_stream" -> "activity_stream";
      case "job_host_summary" -> "job_host_summaries";
      default -> type + "s";
    };
  }

  /** The {@code unified_job_type} AWX shows for a template type: the type of the jobs it makes. */
  static String unifiedJobType(String templateType) {
    return switch (templateType) {
      case "job_template" -> "job";
      case "project" -> "project_update";
      case "inventory_source" -> "inventory_update";
      case "workflow_job_template" -> "workflow_job";
      case "workflow_approval_template" -> "workflow_approval";
      default -> templateType;
    };
  }
}
