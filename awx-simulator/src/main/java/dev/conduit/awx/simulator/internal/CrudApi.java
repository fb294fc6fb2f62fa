package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists, objects and sublists of every collection: GET, POST, PUT, PATCH, DELETE and attach/detach. */
final class CrudApi {

  /**
   * A sublist whose items are the objects of {@code child} pointing at the parent through {@code field}.
   *
   * @param creatable whether POST on the sublist creates a child with the parent filled in
   */
  private record Sublist(String child, String field, boolean creatable) {}

  private static final Map<String, Sublist> SUBLISTS = Map.ofEntries(
      Map.entry("organizations/inventories", new Sublist("inventories", "organization", true)),
      Map.entry("organizations/projects", new Sublist("projects", "organization", true)),
      Map.entry("organizations/job_templates", new Sublist("job_templates", "organization", false)),
      Map.entry("organizations/workflow_job_templates", new Sublist("workflow_job_templates", "organization", true)),
      Map.entry("organizations/teams", new Sublist("teams", "organization", true)),
      Map.entry("organizations/credentials", new Sublist("credentials", "organization", true)),
      Map.entry("organizations/notification_templates", new Sublist("notification_templates", "organization", true)),
      Map.entry("credential_types/credentials", new Sublist("credentials", "credential_type", true)),
      Map.entry("inventories/hosts", new Sublist("hosts", "inventory", true)),
      Map.entry("inventories/groups", new Sublist("groups", "inventory", true)),
      Map.entry("inventories/inventory_sources", new Sublist("inventory_sources", "inventory", true)),
      Map.entry("inventories/job_templates", new Sublist("job_templates", "inventory", false)),
      Map.entry("inventories/ad_hoc_commands", new Sublist("ad_hoc_commands", "inventory", false)),
      Map.entry("projects/project_updates", new Sublist("project_updates", "project", false)),
      Map.entry("projects/schedules", new Sublist("schedules", "unified_job_template", true)),
      Map.entry("inventory_sources/inventory_updates", new Sublist("inventory_updates", "inventory_source", false)),
      Map.entry("inventory_sources/schedules", new Sublist("schedules", "unified_job_template", true)),
      Map.entry("job_templates/jobs", new Sublist("jobs", "job_template", false)),
      Map.entry("job_templates/schedules", new Sublist("schedules", "unified_job_template", true)),
      Map.entry("workflow_job_templates/workflow_nodes",
          new Sublist("workflow_job_template_nodes", "workflow_job_template", true)),
      Map.entry("workflow_job_templates/workflow_jobs", new Sublist("workflow_jobs", "workflow_job_template", false)),
      Map.entry("workflow_job_templates/schedules", new Sublist("schedules", "unified_job_template", true)),
      Map.entry("workflow_jobs/workflow_nodes", new Sublist("workflow_job_nodes", "workflow_job", false)),
      Map.entry("jobs/job_host_summaries", new Sublist("job_host_summaries", "job", false)),
      Map.entry("hosts/job_host_summaries", new Sublist("job_host_summaries", "host", false)),
      Map.entry("hosts/job_events", new Sublist("job_events", "host", false)),
      Map.entry("notification_templates/notifications", new Sublist("notifications", "notification_template", false)),
      Map.entry("schedules/jobs", new Sublist("jobs", "schedule", false)));

  /** Sublists that are only read, everything else in them ignored. */
  private static final Set<String> UNLISTED_READ = Set.of("activity_stream", "access_list", "object_roles",
      "labels", "instance_groups", "notifications", "notification_templates_started", "notification_templates_success",
      "notification_templates_error", "notification_templates_approvals", "roles", "admins", "users",
      "execution_environments", "input_sources", "owner_users", "owner_teams", "teams", "authorized_tokens",
      "organizations", "projects", "credentials", "hosts", "groups", "inventory_sources", "ad_hoc_command_events", "admin_of_organizations", "smart_inventories",
      "slice_workflow_jobs", "scm_inventory_sources", "scm_inventory_updates", "inventory_files");

  private final Resources resources;
  private final Store store;

  CrudApi(Resources resources) {
    this.resources = resources;
    this.store = resources.store();
  }

  Response handle(Request request) throws ApiException {
    List<String> s = request.segments();
    String collection = s.get(0);
    if (!Kinds.known(collection)) {
      throw ApiException.detail(404, "The requested resource could not be found.");
    }
    if (s.size() == 1) {
      return list(request, collection);
    }
    ObjectNode node = NamedUrls.find(store, collection, s.get(1));
    if (s.size() == 2) {
      return object(request, collection, node);
    }
    if (s.size() == 3) {
      return sublist(request, collection, node, s.get(2));
    }
    throw ApiException.detail(404, "The requested resource could not be found.");
  }

  private Response list(Request request, String collection) throws ApiException {
    switch (request.method()) {
      case "GET", "HEAD" -> {
        return Response.ok(Pager.page(request, store.all(collection), collection.endsWith("_events")));
      }
      case "POST" -> {
        if (!Kinds.WRITABLE.contains(collection)) {
          throw ApiException.methodNotAllowed("POST");
        }
        ObjectNode created = resources.create(collection, request.bodyObject(), request.user());
        return Response.created(201, created, created.get("url").asText());
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    }
  }

  private Response object(Request request, String collection, ObjectNode node) throws ApiException {
    switch (request.method()) {
      case "GET", "HEAD" -> {
        return Response.ok(Views.detail(node, request.received()));
      }
      case "PUT", "PATCH" -> {
        if (!Kinds.WRITABLE.contains(collection)) {
          throw ApiException.methodNotAllowed(request.method());
        }
        return Response.ok(resources.update(collection, node, request.bodyObject(), request.user()));
      }
      case "DELETE" -> {
        if (!Kinds.DELETABLE.contains(collection)) {
          throw ApiException.methodNotAllowed("DELETE");
        }
        resources.delete(collection, node, request.user());
        return Response.empty(204);
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    }
  }

  private Response sublist(Request request, String collection, ObjectNode parent, String sub) throws ApiException {
    int parentId = parent.get("id").asInt();
    String key = collection + "/" + sub;
    if (key.equals("groups/hosts") || key.equals("groups/all_hosts")) {
      return groupHosts(request, parent, sub.equals("hosts"));
    }
    if (key.equals("hosts/groups") || key.equals("hosts/all_groups")) {
      return readOnly(request, store.hostGroups(parentId).stream().map(g -> store.get("groups", g)).toList());
    }
    if (sub.equals("variable_data")) {
      return readBody(request, variables(parent));
    }
    if (key.equals("hosts/ad_hoc_commands") || key.equals("groups/ad_hoc_commands")) {
      // Commands run on this host or group: the parent's name was their limit.
      return readOnly(request, store.where("ad_hoc_commands", c -> c.path("inventory").equals(parent.get("inventory"))
          && c.path("limit").asText().equals(parent.path("name").asText())));
    }
    if (sub.equals("credentials") && (collection.equals("job_templates") || collection.equals("jobs"))) {
      return credentials(request, collection, parent);
    }
    if (key.equals("organizations/users") || key.equals("organizations/admins")) {
      return readOnly(request, store.all("users"));
    }
    Sublist sublist = SUBLISTS.get(key);
    if (sublist != null) {
      if (request.method().equals("POST") && sublist.creatable()) {
        ObjectNode body = request.bodyObject().deepCopy();
        if (body.has("id") && !body.has("name")) {
          // Attaching an existing object: it already points at its parent here.
          return Response.empty(204);
        }
        body.put(sublist.field(), parentId);
        ObjectNode created = resources.create(sublist.child(), body, request.user());
        return Response.created(201, created, created.get("url").asText());
      }
      if (!request.isRead()) {
        throw ApiException.methodNotAllowed(request.method());
      }
      List<ObjectNode> items = store.children(sublist.child(), sublist.field(), parentId);
      return Response.ok(Pager.page(request, items));
    }
    if (UNLISTED_READ.contains(sub)) {
      if (sub.equals("activity_stream")) {
        String type = Kinds.type(collection);
        return readOnly(request, store.where("activity_stream", e -> e.path("summary_fields").path(type)
            .findValues("id").stream().anyMatch(v -> v.asInt() == parentId)));
      }
      return readOnly(request, List.of());
    }
    throw ApiException.detail(404, "The requested resource could not be found.");
  }

  private Response readOnly(Request request, List<ObjectNode> items) throws ApiException {
    if (!request.isRead()) {
      throw ApiException.methodNotAllowed(request.method());
    }
    return Response.ok(Pager.page(request, new ArrayList<>(items)));
  }

  private Response readBody(Request request, JsonNode body) throws ApiException {
    if (!request.isRead()) {
      throw ApiException.methodNotAllowed(request.method());
    }
    return Response.ok(body);
  }

  private static JsonNode variables(ObjectNode parent) {
    String text = parent.path("variables").asText("");
    if (text.isBlank() || text.equals("---")) {
      return Json.object();
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      // YAML variables: the simulator keeps them as text, so the parsed view is empty.
      return Json.object();
    }
  }

  private Response groupHosts(Request request, ObjectNode group, boolean writable) throws ApiException {
    int groupId = group.get("id").asInt();
    if (request.method().equals("POST") && writable) {
      ObjectNode body = request.bodyObject();
      if (body.has("id")) {
        int hostId = body.get("id").asInt();
        ObjectNode host = store.require("hosts", hostId);
        if (body.path("disassociate").asBoolean()) {
          store.groupHosts(groupId).remove(hostId);
        } else {
          store.groupHosts(groupId).add(hostId);
        }
        Links.decorate(store, "hosts", host);
        return Response.empty(204);
      }
      ObjectNode input = body.deepCopy();
      input.put("inventory", group.get("inventory").asInt());
      ObjectNode host = resources.create("hosts", input, request.user());
      store.groupHosts(groupId).add(host.get("id").asInt());
      Links.decorate(store, "hosts", host);
      return Response.created(201, host, host.get("url").asText());
    }
    return readOnly(request, store.groupHosts(groupId).stream().map(h -> store.get("hosts", h)).toList());
  }

  private Response credentials(Request request, String collection, ObjectNode parent) throws ApiException {
    ObjectNode hidden = store.hidden(collection, parent.get("id").asInt());
    ArrayNode ids = hidden.has("credentials") ? (ArrayNode) hidden.get("credentials") : hidden.putArray("credentials");
    if (request.method().equals("POST") && collection.equals("job_templates")) {
      ObjectNode body = request.bodyObject();
      if (!body.has("id")) {
        throw new ApiException(400, Json.of("msg", "\"id\" is required to disassociate"));
      }
      int credentialId = body.get("id").asInt();
      store.require("credentials", credentialId);
      for (int i = ids.size() - 1; i >= 0; i--) {
        if (ids.get(i).asInt() == credentialId) {
          ids.remove(i);
        }
      }
      if (!body.path("disassociate").asBoolean()) {
        ids.add(credentialId);
      }
      Links.decorate(store, collection, parent);
      return Response.empty(204);
    }
    List<ObjectNode> items = new ArrayList<>();
    ids.forEach(i -> {
      ObjectNode credential = store.get("credentials", i.asInt());
      if (credential != null) {
        items.add(credential);
      }
    });
    return readOnly(request, items);
  }
}
