package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxPage;
import java.util.List;

/** The {@code projects} toolset. */
public final class ProjectTools {

  private static final String SET = "projects";

  private ProjectTools() {}

  /** The tools. */
  public static List<ToolSpec> all() {
    return List.of(
        Generic.list(SET, "projects_list", "projects", "projects",
            "List projects (GET projects/) with their SCM type, URL, branch and last update status."),
        Generic.get(SET, "project_get", "project", "projects", "project_id"),
        Generic.create(SET, "project_create", "project",
            "Create a project (POST projects/) from a Git (or other SCM) repository, in an organization (default: "
                + "the environment's default organization). AWX syncs it once created.",
            Schema.input().string("name", "Name").string("description", "Description")
                .integer("organization", "Organization id", 1L, null)
                .choice("scm_type", "Source control type (default git; empty for manual)",
                    List.of("git", "svn", "insights", "archive", ""))
                .string("scm_url", "Repository URL").string("scm_branch", "Branch, tag or commit")
                .integer("credential", "SCM credential id", 1L, null)
                .bool("scm_update_on_launch", "Sync before every job").require("name"),
            call -> "projects/", (call, body) -> {
              Generic.organization(call, body);
              body.put("scm_type", call.args().string("scm_type", "git"));
            }, "name", "description", "organization", "scm_url", "scm_branch", "credential",
            "scm_update_on_launch"),
        Generic.delete(SET, "project_delete", "project", "projects", "project_id"),
        Generic.sync(SET, "project_sync", "project", "projects", "project_id", "project_updates", call -> { }),
        ToolSpec.of(SET, Kind.READ, "project_playbooks", "Project playbooks",
            "The playbooks AWX found in a project's last sync (GET projects/{id}/playbooks/).",
            Schema.input().id("project_id", "The project's id").build(), playbooksOutput(), call -> {
              AwxPage page = call.client().page("projects/" + call.id("project_id") + "/playbooks/",
                  java.util.Map.of());
              ObjectNode out = Schema.JSON.createObjectNode();
              out.put("count", page.results().size());
              page.results().forEach(item -> out.withArray("results").add(item.asText()));
              out.withArray("results");
              List<String> names = page.results().stream().map(item -> item.asText()).toList();
              return Results.result(names.size() + " playbooks: " + String.join(", ", names), out);
            }));
  }

  private static ObjectNode playbooksOutput() {
    ObjectNode schema = Schema.JSON.createObjectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    props.putObject("count").put("type", "integer");
    props.putObject("results").put("type", "array").putObject("items").put("type", "string");
    schema.putArray("required").add("results");
    return schema;
  }
}
