package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The API root, {@code ping/}, {@code config/}, {@code me/}, {@code dashboard/} and the unified lists. */
final class SystemApi {

  static final String VERSION = "24.6.1";
  /** The endpoints of AWX's version root that the simulator serves (AWX lists more). */
  private static final List<String> ROOT_ENDPOINTS = List.of("ping", "config", "settings", "me", "dashboard",
      "organizations", "users", "projects", "project_updates", "teams", "credentials", "credential_types", "tokens",
      "inventory", "inventory_sources", "inventory_updates", "groups", "hosts", "job_templates", "jobs",
      "job_events", "ad_hoc_commands", "schedules", "notification_templates", "notifications", "labels",
      "unified_job_templates", "unified_jobs", "activity_stream", "workflow_job_templates", "workflow_jobs",
      "workflow_approvals", "workflow_job_template_nodes", "workflow_job_nodes");

  private final Store store;
  private final String installUuid;

  SystemApi(Store store, String installUuid) {
    this.store = store;
    this.installUuid = installUuid;
  }

  /** Serves a system endpoint, or returns null when the path is not one. */
  @Nullable Response handle(Request request) throws ApiException {
    List<String> s = request.segments();
    if (s.isEmpty()) {
      Map<String, String> links = new TreeMap<>();
      ROOT_ENDPOINTS.forEach(e -> links.put(e, store.apiRoot() + (e.equals("inventory") ? "inventories" : e) + "/"));
      return Response.ok(Json.MAPPER.valueToTree(links));
    }
    if (s.size() != 1) {
      return null;
    }
    return switch (s.get(0)) {
      case "ping" -> read(request, ping());
      case "config" -> read(request, config(request.user()));
      case "me" -> read(request, Pager.single(List.of(request.user())));
      case "dashboard" -> read(request, dashboard());
      case "unified_jobs" -> read(request, Pager.page(request, store.unifiedJobs()));
      case "unified_job_templates" -> read(request, Pager.page(request, store.unifiedJobTemplates()));
      default -> null;
    };
  }

  private static Response read(Request request, ObjectNode body) throws ApiException {
    if (!request.isRead()) {
      throw ApiException.methodNotAllowed(request.method());
    }
    return Response.ok(body);
  }

  private ObjectNode ping() {
    String heartbeat = store.now();
    ObjectNode instance = Json.of("node", "awx-simulator", "node_type", "hybrid", "uuid", installUuid,
        "heartbeat", heartbeat, "capacity", 100, "version", VERSION);
    return Json.of("ha", false, "version", VERSION, "active_node", "awx-simulator", "install_uuid", installUuid,
        "instances", List.of(instance), "instance_groups", List.of(Json.of("name", "controlplane",
            "capacity", 100, "instances", List.of("awx-simulator")), Json.of("name", "default", "capacity", 100,
            "instances", List.of("awx-simulator"))));
  }

  private ObjectNode config(ObjectNode user) {
    ObjectNode config = Json.of("time_zone", "UTC", "license_info", Map.of("license_type", "open",
        "valid_key", true, "subscription_name", "OPEN", "product_name", "AWX"), "version", VERSION, "eula", "",
        "analytics_status", "off", "analytics_collectors", Map.of(),
        "become_methods", List.of(List.of("sudo", "Sudo"), List.of("su", "Su"), List.of("pbrun", "Pbrun"),
            List.of("pfexec", "Pfexec"), List.of("dzdo", "DZDO"), List.of("pmrun", "Pmrun"),
            List.of("runas", "Runas"), List.of("enable", "Enable"), List.of("doas", "Doas"),
            List.of("ksu", "Ksu"), List.of("machinectl", "Machinectl"), List.of("sesu", "Sesu")),
        "ui_next", true);
    if (user.path("is_superuser").asBoolean() || user.path("is_system_auditor").asBoolean()) {
      config.put("project_base_dir", "/var/lib/awx/projects/");
      config.set("project_local_paths", Json.array());
      config.set("custom_virtualenvs", Json.array());
    }
    return config;
  }

  private ObjectNode dashboard() {
    List<ObjectNode> jobs = store.all("jobs");
    long failedJobs = jobs.stream().filter(j -> j.path("failed").asBoolean()).count();
    List<ObjectNode> hosts = store.all("hosts");
    long failedHosts = hosts.stream().filter(h -> h.path("has_active_failures").asBoolean()).count();
    List<ObjectNode> projects = new ArrayList<>(store.all("projects"));
    return Json.of(
        "inventories", Map.of("url", store.apiRoot() + "inventories/", "total", store.all("inventories").size()),
        "hosts", Map.of("url", store.apiRoot() + "hosts/", "total", hosts.size(), "failed", failedHosts),
        "projects", Map.of("url", store.apiRoot() + "projects/", "total", projects.size(),
            "failed", projects.stream().filter(p -> p.path("last_job_failed").asBoolean()).count()),
        "jobs", Map.of("url", store.apiRoot() + "jobs/", "total", jobs.size(), "failed", failedJobs),
        "job_templates", Map.of("url", store.apiRoot() + "job_templates/", "total",
            store.all("job_templates").size()),
        "organizations", Map.of("url", store.apiRoot() + "organizations/", "total",
            store.all("organizations").size()),
        "users", Map.of("url", store.apiRoot() + "users/", "total", store.all("users").size()),
        "teams", Map.of("url", store.apiRoot() + "teams/", "total", store.all("teams").size()),
        "credentials", Map.of("url", store.apiRoot() + "credentials/", "total", store.all("credentials").size()));
  }
}
