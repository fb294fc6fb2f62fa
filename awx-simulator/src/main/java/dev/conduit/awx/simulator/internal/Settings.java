package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code settings/} (the list of categories) and {@code settings/{category}/} (GET, PATCH, PUT; DELETE restores the
 * defaults), with a plausible subset of AWX's settings in each category. Changing a setting changes nothing else.
 */
final class Settings {

  private final Store store;
  private final Map<String, ObjectNode> categories = new LinkedHashMap<>();
  private final Map<String, ObjectNode> defaults = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  Settings(Store store, int stdoutMaxBytes, String installUuid) {
    this.store = store;
    define("system", "System", Json.of("ACTIVITY_STREAM_ENABLED", true,
        "ACTIVITY_STREAM_ENABLED_FOR_INVENTORY_SYNC", false, "ORG_ADMINS_CAN_SEE_ALL_USERS", true,
        "MANAGE_ORGANIZATION_AUTH", true, "TOWER_URL_BASE", "https://awx-simulator", "REMOTE_HOST_HEADERS",
        List.of("REMOTE_ADDR", "REMOTE_HOST"), "PROXY_IP_ALLOWED_LIST", List.of(), "INSTALL_UUID", installUuid,
        "DEFAULT_EXECUTION_ENVIRONMENT", null, "INSIGHTS_TRACKING_STATE", false));
    define("jobs", "Jobs", Json.of("AD_HOC_COMMANDS", List.of("command", "shell", "yum", "apt", "apt_key",
            "apt_repository", "apt_rpm", "service", "group", "user", "mount", "ping", "selinux", "setup",
            "win_ping", "win_service", "win_updates", "win_group", "win_user"),
        "ALLOW_JINJA_IN_EXTRA_VARS", "template", "AWX_ISOLATION_BASE_PATH", "/tmp", "DEFAULT_JOB_TIMEOUT", 0,
        "DEFAULT_JOB_IDLE_TIMEOUT", 0, "DEFAULT_INVENTORY_UPDATE_TIMEOUT", 0, "DEFAULT_PROJECT_UPDATE_TIMEOUT", 0,
        "STDOUT_MAX_BYTES_DISPLAY", stdoutMaxBytes, "EVENT_STDOUT_MAX_BYTES_DISPLAY", 1024, "MAX_FORKS", 200,
        "SCHEDULE_MAX_JOBS", 10, "AWX_TASK_ENV", Map.of(), "PROJECT_UPDATE_VVV", false));
    define("authentication", "Authentication", Json.of("SESSION_COOKIE_AGE", 1800, "SESSIONS_PER_USER", -1,
        "DISABLE_LOCAL_AUTH", false, "AUTH_BASIC_ENABLED", true, "OAUTH2_PROVIDER",
        Map.of("ACCESS_TOKEN_EXPIRE_SECONDS", 31536000000L, "AUTHORIZATION_CODE_EXPIRE_SECONDS", 600,
            "REFRESH_TOKEN_EXPIRE_SECONDS", 2628000),
        "ALLOW_OAUTH2_FOR_EXTERNAL_USERS", false, "LOGIN_REDIRECT_OVERRIDE", ""));
    define("ui", "UI", Json.of("PENDO_TRACKING_STATE", "off", "CUSTOM_LOGIN_INFO", "", "CUSTOM_LOGO", "",
        "MAX_UI_JOB_EVENTS", 4000, "UI_LIVE_UPDATES_ENABLED", true));
    define("logging", "Logging", Json.of("LOG_AGGREGATOR_HOST", null, "LOG_AGGREGATOR_PORT", null,
        "LOG_AGGREGATOR_TYPE", null, "LOG_AGGREGATOR_ENABLED", false, "LOG_AGGREGATOR_LEVEL", "INFO",
        "LOG_AGGREGATOR_LOGGERS", List.of("awx", "activity_stream", "job_events", "system_tracking",
            "broadcast_websocket")));
  }

  private void define(String slug, String name, ObjectNode values) {
    names.put(slug, name);
    defaults.put(slug, values.deepCopy());
    categories.put(slug, values);
  }

  Response handle(Request request) throws ApiException {
    List<String> s = request.segments();
    if (s.size() == 1) {
      if (!request.isRead()) {
        throw ApiException.methodNotAllowed(request.method());
      }
      List<ObjectNode> list = new ArrayList<>();
      list.add(Json.of("url", store.apiRoot() + "settings/all/", "slug", "all", "name", "All"));
      names.forEach((slug, name) -> list.add(Json.of("url", store.apiRoot() + "settings/" + slug + "/",
          "slug", slug, "name", name)));
      return Response.ok(Pager.page(request, list));
    }
    if (s.size() != 2) {
      throw ApiException.detail(404, "The requested resource could not be found.");
    }
    String slug = s.get(1);
    if (!slug.equals("all") && !categories.containsKey(slug)) {
      throw ApiException.notFound();
    }
    List<String> slugs = slug.equals("all") ? List.copyOf(categories.keySet()) : List.of(slug);
    switch (request.method()) {
      case "GET", "HEAD" -> {
        return Response.ok(view(slugs));
      }
      case "PATCH", "PUT" -> {
        ObjectNode body = request.bodyObject();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
          for (String one : slugs) {
            if (categories.get(one).has(entry.getKey())) {
              categories.get(one).set(entry.getKey(), entry.getValue());
            }
          }
        }
        return Response.ok(view(slugs));
      }
      case "DELETE" -> {
        slugs.forEach(one -> categories.put(one, defaults.get(one).deepCopy()));
        return Response.empty(204);
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    }
  }

  private ObjectNode view(List<String> slugs) {
    ObjectNode out = Json.object();
    slugs.forEach(one -> out.setAll(categories.get(one)));
    return out;
  }
}
