package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Project syncs, inventory source syncs and ad hoc commands: the unified jobs that are not playbook runs of a job
 * template. A project whose {@code scm_url} contains {@code fail}, or an inventory source whose {@code source_path}
 * does, fails its sync.
 */
final class Updates {

  private static final Set<String> MODULES_NEEDING_ARGS = Set.of("command", "shell");

  private final Store store;
  private final JobRunner runner;

  Updates(Store store, JobRunner runner) {
    this.store = store;
    this.runner = runner;
  }

  /** {@code projects/{id}/update/}: GET {@code can_update}, POST starts a project update (202). */
  Response projectUpdate(Request request, ObjectNode project) throws ApiException {
    boolean canUpdate = !project.path("scm_type").asText().isEmpty();
    if (request.isRead()) {
      return Response.ok(Json.of("can_update", canUpdate));
    }
    if (!request.method().equals("POST") || !canUpdate) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode update = startProjectUpdate(project, "manual", request.user());
    ObjectNode answer = Json.of("project_update", update.get("id").asInt());
    answer.setAll(update);
    return Response.created(202, answer, update.get("url").asText());
  }

  /** Starts a sync of a project, as a launch or a project creation does. */
  ObjectNode startProjectUpdate(ObjectNode project, String launchType, ObjectNode actor) {
    ObjectNode update = Jobs.create(store, "project_updates", project.path("name").asText(),
        project.get("id").asInt(), launchType, actor);
    for (String field : List.of("local_path", "scm_type", "scm_url", "scm_branch", "scm_refspec", "scm_clean",
        "scm_track_submodules", "scm_delete_on_update", "credential", "timeout", "scm_revision")) {
      update.set(field, project.get(field));
    }
    update.put("project", project.get("id").asInt());
    update.put("job_type", "check");
    update.put("job_tags", "update_git,install_roles,install_collections");
    store.put("project_updates", update);
    Links.decorate(store, "project_updates", update);
    ObjectNode vars = Json.object();
    if (project.path("scm_url").asText().contains("fail")) {
      vars.put("simulate_failure", true);
    }
    runner.start("project_updates", update, Playbook.plan(Playbook.PROJECT_UPDATE, List.of("localhost"), vars,
        false));
    project.put("status", "pending");
    return update;
  }

  /** {@code inventory_sources/{id}/update/}: GET {@code can_update}, POST starts a sync (202). */
  Response inventorySourceUpdate(Request request, ObjectNode source) throws ApiException {
    if (request.isRead()) {
      return Response.ok(Json.of("can_update", true));
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode update = startInventoryUpdate(source, request.user());
    ObjectNode answer = Json.of("inventory_update", update.get("id").asInt());
    answer.setAll(update);
    return Response.created(202, answer, update.get("url").asText());
  }

  /** {@code inventories/{id}/update_inventory_sources/}: syncs every source of the inventory. */
  Response updateInventorySources(Request request, ObjectNode inventory) throws ApiException {
    List<ObjectNode> sources = store.children("inventory_sources", "inventory", inventory.get("id").asInt());
    if (request.isRead()) {
      ArrayNode list = Json.array();
      sources.forEach(s -> list.add(Json.of("can_update", true, "inventory_source", s.get("id").asInt())));
      return Response.ok(list);
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    if (sources.isEmpty()) {
      throw ApiException.detail(400, "No inventory sources to update.");
    }
    ArrayNode started = Json.array();
    for (ObjectNode source : sources) {
      ObjectNode update = startInventoryUpdate(source, request.user());
      started.add(Json.of("inventory_source", source.get("id").asInt(), "status", "started",
          "inventory_update", update.get("id").asInt()));
    }
    return Response.ok(started);
  }

  /** Starts a sync of an inventory source. */
  ObjectNode startInventoryUpdate(ObjectNode source, ObjectNode actor) {
    ObjectNode update = Jobs.create(store, "inventory_updates", source.path("name").asText(),
        source.get("id").asInt(), "manual", actor);
    for (String field : List.of("source", "source_path", "source_vars", "scm_branch", "credential", "enabled_var",
        "enabled_value", "host_filter", "overwrite", "overwrite_vars", "timeout", "verbosity", "limit",
        "inventory")) {
      update.set(field, source.get(field));
    }
    update.put("inventory_source", source.get("id").asInt());
    update.put("license_error", false);
    update.put("org_host_limit_error", false);
    update.putNull("source_project_update");
    store.put("inventory_updates", update);
    Links.decorate(store, "inventory_updates", update);
    int inventory = source.path("inventory").asInt();
    runner.start("inventory_updates", update, Playbook.inventorySync(source.path("source_path").asText(),
        store.children("hosts", "inventory", inventory).size(), store.children("groups", "inventory", inventory).size(),
        source.path("source_path").asText().contains("fail")));
    source.put("status", "pending");
    return update;
  }

  /** {@code ad_hoc_commands/{id}/relaunch/}: GET what a relaunch needs, POST runs the same command again (201). */
  Response adHocRelaunch(Request request, ObjectNode command) throws ApiException {
    if (request.isRead()) {
      return Response.ok(Json.of("passwords_needed_to_start", Json.array()));
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode body = Json.object();
    for (String field : List.of("job_type", "limit", "credential", "module_name", "module_args", "forks",
        "verbosity", "extra_vars", "become_enabled", "diff_mode")) {
      body.set(field, command.get(field));
    }
    Request again = new Request("POST", request.segments(), request.fullPath(), request.query(), body,
        request.user(), request.received());
    return adHocCommand(again, command.path("inventory").asInt(), command.path("limit").asText());
  }

  /** {@code POST ad_hoc_commands/}: runs a module on the inventory's hosts (201). */
  Response adHocCommand(Request request, @Nullable Integer inventoryOverride, @Nullable String limitOverride)
      throws ApiException {
    ObjectNode body = request.bodyObject();
    ObjectNode errors = Json.object();
    Integer inventory = inventoryOverride != null ? inventoryOverride : Json.intOrNull(body, "inventory");
    if (inventory == null) {
      errors.putArray("inventory").add("This field is required.");
    } else if (store.get("inventories", inventory) == null) {
      errors.putArray("inventory").add("Invalid pk \"" + inventory + "\" - object does not exist.");
    }
    String module = body.path("module_name").asText("command");
    String args = body.path("module_args").asText("");
    if (MODULES_NEEDING_ARGS.contains(module) && args.isBlank()) {
      errors.putArray("module_args").add("No argument passed to " + module + " module.");
    }
    if (!errors.isEmpty()) {
      throw new ApiException(400, errors);
    }
    ObjectNode command = Jobs.create(store, "ad_hoc_commands", module, 0, "manual", request.user());
    command.remove("unified_job_template");
    command.put("job_type", body.path("job_type").asText("run"));
    command.put("inventory", inventory);
    command.put("limit", limitOverride != null ? limitOverride : body.path("limit").asText(""));
    command.set("credential", body.hasNonNull("credential") ? body.get("credential") : Json.MAPPER.nullNode());
    command.put("module_name", module);
    command.put("module_args", args);
    command.put("forks", body.path("forks").asInt(0));
    command.put("verbosity", body.path("verbosity").asInt(0));
    ObjectNode extraVars = Launch.parseVars(body.get("extra_vars"));
    command.put("extra_vars", extraVars.isEmpty() ? "" : Json.text(extraVars));
    command.put("become_enabled", body.path("become_enabled").asBoolean(false));
    command.put("diff_mode", body.path("diff_mode").asBoolean(false));
    command.set("host_status_counts", Json.object());
    store.put("ad_hoc_commands", command);
    Links.decorate(store, "ad_hoc_commands", command);
    List<String> hosts = new ArrayList<>(Targets.hosts(store, inventory, command.get("limit").asText()));
    ObjectNode vars = Launch.parseVars(command.get("extra_vars"));
    if (module.equals("fail") || args.contains("simulate_failure")) {
      vars.put("simulate_failure", true);
    }
    runner.start("ad_hoc_commands", command, Playbook.plan(module + " " + args, hosts, vars, false));
    return Response.created(201, command, command.get("url").asText());
  }
}
