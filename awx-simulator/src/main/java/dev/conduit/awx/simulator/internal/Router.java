package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Sends each request inside the API root to the part of the simulator that serves it. */
public final class Router {

  private final Store store;
  private final Resources resources;
  private final SystemApi system;
  private final CrudApi crud;
  private final JobTemplates templates;
  private final UnifiedJobApi unifiedJobs;
  private final Updates updates;
  private final Schedules schedules;
  private final Notifications notifications;
  private final Workflows workflows;
  private final Tokens tokens;
  private final Settings settings;
  private final SubResources subResources;

  /** A router over a store whose jobs run on {@code runner}; stdout above {@code maxStdoutBytes} is download-only. */
  public Router(Store store, JobRunner runner, int maxStdoutBytes, String installUuid) {
    this.store = store;
    this.resources = new Resources(store);
    this.system = new SystemApi(store, installUuid);
    this.crud = new CrudApi(resources);
    this.templates = new JobTemplates(store, runner);
    this.unifiedJobs = new UnifiedJobApi(store, runner, new Stdout(maxStdoutBytes));
    this.updates = new Updates(store, runner);
    this.schedules = new Schedules(store);
    this.notifications = new Notifications(store);
    this.workflows = new Workflows(store, runner);
    this.tokens = new Tokens(store);
    this.settings = new Settings(store, maxStdoutBytes, installUuid);
    this.subResources = new SubResources(store, resources);
  }

  /** The resources, for seeding. */
  public Resources resources() {
    return resources;
  }

  Response route(Request request) throws ApiException {
    Response answer = system.handle(request);
    if (answer != null) {
      return answer;
    }
    answer = tokens.handle(request);
    if (answer != null) {
      return answer;
    }
    List<String> s = request.segments();
    String collection = s.get(0);
    if (collection.equals("settings")) {
      return settings.handle(request);
    }
    if (collection.equals("schedules") && s.size() == 2 && !s.get(1).matches("\\d+")) {
      return schedules.special(request, s.get(1));
    }
    if (collection.equals("ad_hoc_commands") && s.size() == 1 && request.method().equals("POST")) {
      return updates.adHocCommand(request, null, null);
    }
    if (s.size() == 1 && request.method().equals("POST") && List.of("projects", "schedules").contains(collection)) {
      return created(collection, request);
    }
    if (s.size() >= 3 && Kinds.known(collection)) {
      ObjectNode node = NamedUrls.find(store, collection, s.get(1));
      answer = subResources.handle(request, collection, node, s.subList(2, s.size()));
      if (answer == null && s.size() == 3) {
        answer = action(request, collection, node, s.get(2));
      }
      if (answer != null) {
        return answer;
      }
    }
    if (s.size() >= 2 && collection.startsWith("workflow_")) {
      answer = workflows.handle(request);
      if (answer != null) {
        return answer;
      }
    }
    if (collection.equals("schedules") && s.size() == 2 && !request.isRead() && !request.method().equals("DELETE")) {
      crud.handle(request);
      ObjectNode schedule = NamedUrls.find(store, "schedules", s.get(1));
      schedules.refresh(schedule);
      return Response.ok(schedule);
    }
    return crud.handle(request);
  }

  private Response created(String collection, Request request) throws ApiException {
    ObjectNode node = resources.create(collection, request.bodyObject(), request.user());
    if (collection.equals("projects") && !node.path("scm_type").asText().isEmpty()) {
      // AWX syncs a new SCM project at once.
      updates.startProjectUpdate(node, "manual", request.user());
    }
    if (collection.equals("schedules")) {
      schedules.refresh(node);
    }
    return Response.created(201, node, node.get("url").asText());
  }

  private @Nullable Response action(Request request, String collection, ObjectNode node, String sub)
      throws ApiException {
    String key = collection + "/" + sub;
    return switch (key) {
      case "job_templates/launch", "job_templates/survey_spec" -> templates.handle(request, node, sub);
      case "workflow_job_templates/survey_spec" -> Surveys.handle(store, collection, request, node);
      case "projects/update" -> updates.projectUpdate(request, node);
      case "projects/playbooks" -> {
        if (!request.isRead()) {
          throw ApiException.methodNotAllowed(request.method());
        }
        ObjectNode hidden = store.hidden("projects", node.get("id").asInt());
        yield Response.ok(hidden.has("playbooks") ? hidden.get("playbooks") : Json.array());
      }
      case "inventory_sources/update" -> updates.inventorySourceUpdate(request, node);
      case "inventories/update_inventory_sources" -> updates.updateInventorySources(request, node);
      case "inventories/ad_hoc_commands", "hosts/ad_hoc_commands", "groups/ad_hoc_commands" -> {
        if (!request.method().equals("POST")) {
          yield null;
        }
        int inventory = collection.equals("inventories") ? node.get("id").asInt() : node.get("inventory").asInt();
        String limit = collection.equals("inventories") ? null : node.path("name").asText();
        yield updates.adHocCommand(request, inventory, limit);
      }
      case "notification_templates/test" -> notifications.test(request, node);
      case "ad_hoc_commands/relaunch" -> updates.adHocRelaunch(request, node);
      case "job_templates/schedules", "projects/schedules", "inventory_sources/schedules",
          "workflow_job_templates/schedules" -> {
        if (!request.method().equals("POST")) {
          yield null;
        }
        ObjectNode body = request.bodyObject().deepCopy();
        body.put("unified_job_template", node.get("id").asInt());
        ObjectNode schedule = resources.create("schedules", body, request.user());
        schedules.refresh(schedule);
        yield Response.created(201, schedule, schedule.get("url").asText());
      }
      default -> Jobs.isJobCollection(collection) ? unifiedJobs.handle(request, collection, node, sub) : null;
    };
  }
}
