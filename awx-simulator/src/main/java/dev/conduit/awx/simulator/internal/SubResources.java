package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Read-mostly views below an object: an event's {@code children/} and a job's {@code job_events/children_summary/},
 * an inventory's {@code script/}, {@code tree/} and {@code root_groups/}, a group's {@code children/}, and
 * {@code copy/} of the kinds AWX lets a user copy.
 */
final class SubResources {

  private static final Set<String> COPYABLE = Set.of("job_templates", "workflow_job_templates", "projects",
      "inventories", "credentials", "notification_templates");

  private final Store store;
  private final Resources resources;

  SubResources(Store store, Resources resources) {
    this.store = store;
    this.resources = resources;
  }

  /** Serves {@code collection/{id}/sub/...}, or returns null when it is not one of these views. */
  @Nullable Response handle(Request request, String collection, ObjectNode node, List<String> rest)
      throws ApiException {
    String sub = String.join("/", rest);
    if (sub.equals("copy") && COPYABLE.contains(collection)) {
      return copy(request, collection, node);
    }
    if (sub.equals("create_schedule") && collection.equals("jobs") && request.method().equals("POST")) {
      return createSchedule(request, node);
    }
    if (!request.isRead()) {
      return null;
    }
    int id = node.get("id").asInt();
    return switch (collection + "/" + sub) {
      case "job_events/children", "project_update_events/children", "inventory_update_events/children",
          "ad_hoc_command_events/children" -> Response.ok(Pager.page(request, store.where(collection,
              e -> e.path("parent_uuid").asText().equals(node.path("uuid").asText())), true));
      case "jobs/job_events/children_summary" -> Response.ok(childrenSummary(node));
      case "inventories/root_groups" -> Response.ok(Pager.page(request, store.children("groups", "inventory", id)));
      case "inventories/tree" -> Response.ok(tree(id));
      case "inventories/script" -> Response.ok(script(id, request.query().containsKey("hostvars")));
      case "groups/children", "groups/potential_children" -> Response.ok(Pager.page(request, List.of()));
      case "groups/job_events", "groups/job_host_summaries" -> Response.ok(Pager.page(request,
          store.where(rest.get(0), item -> item.path("host").isInt()
              && store.groupHosts(id).contains(item.get("host").asInt())), rest.get(0).equals("job_events")));
      case "hosts/ansible_facts" -> Response.ok(Json.object());
      case "job_templates/webhook_key", "workflow_job_templates/webhook_key" -> Response.ok(Json.of("webhook_key",
          store.hidden(collection, id).path("webhook_key").asText("")));
      case "jobs/create_schedule" -> Response.ok(Json.of("can_schedule", node.path("job_template").isInt(),
          "prompts", store.hidden("jobs", id).path("launch").isObject()
              ? store.hidden("jobs", id).get("launch") : Json.object()));
      default -> null;
    };
  }

  private Response copy(Request request, String collection, ObjectNode node) throws ApiException {
    if (request.isRead()) {
      return Response.ok(Json.of("can_copy", true, "can_copy_without_user_input", true,
          "templates_unable_to_copy", List.of(), "credentials_unable_to_copy", List.of(),
          "inventories_unable_to_copy", List.of()));
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    JsonNode name = request.bodyObject().get("name");
    if (name == null || name.asText().isBlank()) {
      throw ApiException.field("name", "This field is required.");
    }
    ObjectNode input = Kinds.defaults(collection);
    input.fieldNames().forEachRemaining(f -> input.set(f, node.get(f)));
    input.put("name", name.asText());
    int id = node.get("id").asInt();
    if (collection.equals("credentials")) {
      input.set("inputs", store.hidden("credentials", id).path("inputs").deepCopy());
      input.set("credential_type", node.get("credential_type"));
    }
    ObjectNode copy = resources.create(collection, input, request.user());
    int copyId = copy.get("id").asInt();
    for (String kept : List.of("credentials", "survey_spec", "playbooks", "repository")) {
      JsonNode value = store.hidden(collection, id).get(kept);
      if (value != null) {
        store.hidden(collection, copyId).set(kept, value.deepCopy());
      }
    }
    Links.decorate(store, collection, copy);
    return Response.created(201, copy, copy.get("url").asText());
  }

  /** A disabled monthly schedule of the job's template with the job's prompts, as AWX makes it. */
  private Response createSchedule(Request request, ObjectNode job) throws ApiException {
    if (!job.path("job_template").isInt()) {
      throw ApiException.detail(400, "Information needed to schedule this job is missing.");
    }
    String start = Store.format(store.instant()).substring(0, 19).replace("-", "").replace(":", "");
    ObjectNode input = Json.of("name", "Auto-generated schedule from job " + job.get("id").asInt(),
        "unified_job_template", job.get("job_template").asInt(), "enabled", false,
        "rrule", "DTSTART:" + start + "Z RRULE:FREQ=MONTHLY;INTERVAL=1");
    JsonNode prompts = store.hidden("jobs", job.get("id").asInt()).path("launch");
    for (String field : List.of("limit", "job_tags", "skip_tags", "job_type", "verbosity", "diff_mode",
        "scm_branch", "inventory")) {
      if (prompts.has(field)) {
        input.set(field, prompts.get(field));
      }
    }
    ObjectNode schedule = resources.create("schedules", input, request.user());
    new Schedules(store).refresh(schedule);
    return Response.created(201, schedule, schedule.get("url").asText());
  }

  private ObjectNode childrenSummary(ObjectNode job) {
    List<ObjectNode> events = new ArrayList<>(store.children("job_events", "job", job.get("id").asInt()));
    events.sort((a, b) -> Integer.compare(a.path("counter").asInt(), b.path("counter").asInt()));
    Map<String, ObjectNode> byUuid = new HashMap<>();
    events.forEach(e -> byUuid.put(e.path("uuid").asText(), e));
    Map<String, Integer> descendants = new HashMap<>();
    for (ObjectNode event : events) {
      for (ObjectNode parent = byUuid.get(event.path("parent_uuid").asText()); parent != null;
          parent = byUuid.get(parent.path("parent_uuid").asText())) {
        descendants.merge(parent.path("uuid").asText(), 1, Integer::sum);
      }
    }
    ObjectNode summary = Json.object();
    for (int row = 0; row < events.size(); row++) {
      ObjectNode event = events.get(row);
      Integer children = descendants.get(event.path("uuid").asText());
      if (children != null) {
        summary.set(event.path("counter").asText(), Json.of("rowNumber", row, "numChildren", children));
      }
    }
    return Json.of("children_summary", summary, "meta_event_nested_uuid", Json.object(),
        "event_processing_finished", job.path("event_processing_finished").asBoolean(), "is_tree", true);
  }

  /** The groups as a tree (groups do not nest in the simulator, so every group is a root without children). */
  private ArrayNode tree(int inventory) {
    ArrayNode out = Json.array();
    for (ObjectNode group : store.children("groups", "inventory", inventory)) {
      out.add(Json.of("id", group.get("id").asInt(), "name", group.path("name").asText(), "description",
          group.path("description").asText(), "variables", group.path("variables").asText(), "children",
          List.of()));
    }
    return out;
  }

  /** The inventory as Ansible's JSON inventory script format shows it. */
  private ObjectNode script(int inventory, boolean hostvars) {
    ObjectNode out = Json.object();
    List<String> ungrouped = new ArrayList<>();
    ObjectNode vars = Json.object();
    for (ObjectNode host : store.children("hosts", "inventory", inventory)) {
      String name = host.path("name").asText();
      if (store.hostGroups(host.get("id").asInt()).isEmpty()) {
        ungrouped.add(name);
      }
      vars.set(name, parse(host.path("variables").asText("")));
    }
    List<String> groups = new ArrayList<>();
    for (ObjectNode group : store.children("groups", "inventory", inventory)) {
      List<String> hosts = new ArrayList<>();
      for (int hostId : store.groupHosts(group.get("id").asInt())) {
        ObjectNode host = store.get("hosts", hostId);
        if (host != null) {
          hosts.add(host.path("name").asText());
        }
      }
      groups.add(group.path("name").asText());
      out.set(group.path("name").asText(), Json.of("hosts", hosts, "vars",
          parse(group.path("variables").asText(""))));
    }
    ObjectNode inventoryNode = store.get("inventories", inventory);
    out.set("all", Json.of("children", groups, "hosts", ungrouped, "vars",
        parse(inventoryNode == null ? "" : inventoryNode.path("variables").asText(""))));
    if (hostvars) {
      out.set("_meta", Json.of("hostvars", vars));
    }
    return out;
  }

  private static JsonNode parse(String variables) {
    if (variables.isBlank() || variables.equals("---")) {
      return Json.object();
    }
    try {
      JsonNode parsed = Json.MAPPER.readTree(variables);
      return parsed.isObject() ? parsed : Json.object();
    } catch (IOException e) {
      // YAML variables stay text in the simulator; the script shows none rather than guess.
      return Json.object();
    }
  }
}
