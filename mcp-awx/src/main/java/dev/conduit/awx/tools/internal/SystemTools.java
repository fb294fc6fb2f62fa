package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.AwxException;
import dev.conduit.awx.env.AwxEnvironment;
import java.util.List;

/** The {@code environments} and {@code system} toolsets. */
public final class SystemTools {

  private SystemTools() {}

  /** The environment tools. */
  public static List<ToolSpec> environments(Scope scope) {
    return List.of(
        ToolSpec.of("environments", Kind.READ, "environments_list", "List AWX environments",
            "List the AWX environments this server is configured for (name, URL, API prefix, TLS, auth kind, "
                + "allowlists), marking the default and this session's current one. No secrets are shown.",
            Schema.bare().build(), Schema.listOutput(), call -> {
              String current = scope.current(call.context()).name();
              String defaultName = scope.environments().defaultEnvironment().name();
              ObjectNode out = Schema.JSON.createObjectNode();
              List<AwxEnvironment> all = scope.environments().all();
              out.put("count", all.size()).put("page", 1).putNull("next_page");
              ArrayNode results = out.putArray("results");
              StringBuilder text = new StringBuilder(all.size() + " AWX environments:");
              for (AwxEnvironment env : all) {
                ObjectNode item = describe(env);
                item.put("current", env.name().equals(current)).put("default", env.name().equals(defaultName));
                results.add(item);
                text.append(' ').append(env.name()).append(env.name().equals(current) ? " (current)" : "")
                    .append(',');
              }
              text.setLength(text.length() - 1);
              return Results.result(text.toString(), out);
            }),
        ToolSpec.of("environments", Kind.READ, "environment_show", "Show an AWX environment",
            "Show one AWX environment's settings (default: this session's current one), without secrets.",
            Schema.input().build(), Schema.objectOutput("name"), call -> Results.result(
                "Environment " + call.environment().name() + " at " + call.environment().baseUrl(),
                describe(call.environment()))),
        ToolSpec.of("environments", Kind.SESSION, "environment_switch", "Switch AWX environment",
            "Make another configured AWX environment the current one for this MCP session only; other sessions "
                + "keep theirs.",
            Schema.input().require("environment").build(), Schema.objectOutput("name"), call -> {
              AwxEnvironment env = scope.switchTo(call.args().requireString("environment"), call.context());
              return Results.result("This session now uses AWX environment " + env.name(), describe(env));
            }),
        ToolSpec.of("environments", Kind.READ, "environment_test", "Test an AWX environment",
            "Check that an environment's AWX answers and accepts its credentials: calls me/ (which, unlike "
                + "ping/, needs valid credentials) and ping/ for the version.",
            Schema.input().build(), Schema.objectOutput("ok"), call -> {
              ObjectNode out = Schema.JSON.createObjectNode().put("environment", call.environment().name());
              try {
                JsonNode me = call.client().me();
                JsonNode ping = call.client().ping();
                out.put("ok", true).put("api_prefix", call.client().apiPrefix())
                    .put("username", me.path("username").asText()).put("version", ping.path("version").asText());
                return Results.result("AWX " + ping.path("version").asText("?") + " at "
                    + call.environment().baseUrl() + " accepts the credentials of user "
                    + me.path("username").asText("?"), out);
              } catch (AwxException e) {
                out.put("ok", false).put("status", e.status()).put("error", e.getMessage());
                return Results.result("Environment " + call.environment().name() + " failed the test: "
                    + e.getMessage(), out);
              }
            }));
  }

  /** The system tools. */
  public static List<ToolSpec> system() {
    return List.of(
        ToolSpec.of("system", Kind.READ, "system_ping", "Ping AWX",
            "AWX's ping/: version, HA flag, active node, instances and instance groups. Needs no credentials, so "
                + "it proves that AWX is up, not that the credentials work (use environment_test for that).",
            Schema.input().build(), Schema.objectOutput(), call -> {
              JsonNode ping = call.client().ping();
              return Results.result("AWX " + ping.path("version").asText("?") + " is up; active node "
                  + ping.path("active_node").asText("?"), ping);
            }),
        ToolSpec.of("system", Kind.READ, "system_me", "Who am I on AWX",
            "The user the credentials belong to (me/, read as the one-item list it is): id, username, "
                + "superuser and auditor flags.",
            Schema.input().build(), Schema.objectOutput("id"),
            call -> Results.object("user", call.client().me())),
        ToolSpec.of("system", Kind.READ, "system_config", "AWX configuration",
            "AWX's config/: version, time zone, licence and analytics status, become methods.",
            Schema.input().build(), Schema.objectOutput(), call -> {
              JsonNode config = call.client().get("config/");
              return Results.done("AWX version " + config.path("version").asText("?"), config);
            }),
        ToolSpec.of("system", Kind.READ, "system_settings", "AWX settings",
            "One category of AWX settings (settings/{category}/), such as system, jobs, logging, ui; secret "
                + "values are masked.",
            Schema.input().pattern("category", "The settings category (default 'system')", "^[a-z0-9_-]{1,64}$")
                .build(), Schema.objectOutput(), call -> {
              String category = call.args().string("category", "system");
              return Results.done("AWX settings: " + category, call.client().get("settings/" + category + "/"));
            }));
  }

  private static ObjectNode describe(AwxEnvironment env) {
    ObjectNode item = Schema.JSON.createObjectNode();
    item.put("name", env.name()).put("base_url", env.baseUrl());
    item.put("api_prefix", env.apiPrefix() == null ? "auto" : env.apiPrefix());
    item.put("verify_ssl", env.verifySsl()).put("custom_ca_bundle", env.caBundle() != null);
    AwxAuth auth = env.auth();
    item.put("auth", auth instanceof AwxAuth.Bearer ? "token" : auth instanceof AwxAuth.Basic ? "basic" : "none");
    if (env.defaultOrganization() != null) {
      item.put("default_organization", env.defaultOrganization());
    }
    ArrayNode templates = item.putArray("allowed_job_templates");
    env.allowedJobTemplates().forEach(templates::add);
    ArrayNode inventories = item.putArray("allowed_inventories");
    env.allowedInventories().forEach(inventories::add);
    return item;
  }
}
