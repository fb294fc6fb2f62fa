package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.LaunchResult;
import dev.conduit.protocol.schema.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What launches have in common: the prompt arguments, the optional wait, and a result that shows what AWX ignored. */
public final class Launches {

  private Launches() {}

  /** The launch-time prompts of a job template launch. */
  public static Schema prompts(Schema schema) {
    return schema
        .object("extra_vars", "Extra variables (honoured if the template prompts for them or has a survey)")
        .string("limit", "Host pattern to limit the run to")
        .strings("tags", "Only run tasks with these tags")
        .strings("skip_tags", "Skip tasks with these tags")
        .integer("inventory", "Inventory id to run against instead of the template's", 1L, null)
        .ids("credentials", "Credential ids to use instead of the template's")
        .string("scm_branch", "Project branch, tag or commit to run")
        .choice("job_type", "run, or check (dry run)", List.of("run", "check"))
        .integer("verbosity", "Ansible verbosity 0 (normal) to 5 (connection debug)", 0L, 5L)
        .bool("diff_mode", "Show the changes made by tasks that support --diff")
        .integer("forks", "Parallel processes", 0L, 1000L)
        .integer("timeout", "Job timeout in seconds (0: none)", 0L, 604_800L);
  }

  /** The wait arguments of a tool that can wait for what it started. */
  public static Schema waiting(Schema schema) {
    return schema
        .bool("wait", "Wait until it finishes, with progress notifications (default false)")
        .integer("timeout_seconds", "Stop waiting after this many seconds (default 600)", 1L, 86_400L)
        .bool("cancel_on_abort", "If this MCP request is cancelled while waiting, cancel the AWX job too "
            + "(default false: only the waiting stops)");
  }

  /** The POST body of a job template launch, from the prompt arguments. */
  public static ObjectNode jobBody(Call call) {
    ObjectNode body = call.body("extra_vars", "limit", "inventory", "credentials", "scm_branch", "job_type",
        "verbosity", "diff_mode", "forks", "timeout");
    joined(call, body, "tags", "job_tags");
    joined(call, body, "skip_tags", "skip_tags");
    return body;
  }

  private static void joined(Call call, ObjectNode body, String arg, String field) {
    JsonNode list = call.json(arg);
    if (list instanceof ArrayNode array && !array.isEmpty()) {
      List<String> parts = new ArrayList<>();
      array.forEach(item -> parts.add(item.asText()));
      body.put(field, String.join(",", parts));
    }
  }

  /**
   * The result of a launch: the new id and status, what AWX ignored (fields the template does not prompt for), and,
   * if asked, the end of the wait.
   *
   * @param collection where the launched object lives ({@code jobs}, {@code workflow_jobs}, ...)
   */
  public static CallToolResult result(Call call, String noun, String collection, String from, LaunchResult launch) {
    ObjectNode out = Schema.JSON.createObjectNode();
    out.put("id", launch.id()).put("type", launch.type());
    out.put("status", launch.body().path("status").asText("pending"));
    out.set("ignored_fields", launch.ignoredFields());
    StringBuilder text = new StringBuilder("Launched " + noun + " #" + launch.id() + " from " + from);
    if (launch.ignoredSomething()) {
      List<String> names = new ArrayList<>();
      launch.ignoredFields().fieldNames().forEachRemaining(names::add);
      text.append(". AWX ignored ").append(String.join(", ", names))
          .append(": the template does not prompt for them on launch (ask_*_on_launch is off)");
    }
    if (call.args().bool("wait", false)) {
      Waiter.Outcome outcome = Waiter.await(call, collection + "/" + launch.id() + "/", noun + " #" + launch.id(),
          Duration.ofSeconds(call.args().integer("timeout_seconds", 600)), call.args().bool("cancel_on_abort", false));
      out.put("status", outcome.job().path("status").asText());
      out.put("finished", outcome.finished());
      out.set("elapsed", outcome.job().path("elapsed"));
      text.append(outcome.finished() ? "; it finished: " + outcome.job().path("status").asText()
          : "; still " + outcome.job().path("status").asText() + " when the wait timed out");
    } else {
      text.append("; status ").append(out.path("status").asText());
    }
    return Results.done(text.toString(), out);
  }

  /** The result of a wait tool. */
  public static CallToolResult waited(Call call, String noun, String path) {
    Waiter.Outcome outcome = Waiter.await(call, path, noun,
        Duration.ofSeconds(call.args().integer("timeout_seconds", 600)), call.args().bool("cancel_on_abort", false));
    JsonNode job = outcome.job();
    ObjectNode out = Schema.JSON.createObjectNode();
    out.put("id", job.path("id").asLong()).put("status", job.path("status").asText());
    out.put("finished", outcome.finished()).put("failed", job.path("failed").asBoolean(false));
    out.set("elapsed", job.path("elapsed"));
    out.put("polls", outcome.polls());
    if (!job.path("job_explanation").asText("").isEmpty()) {
      out.put("job_explanation", job.path("job_explanation").asText());
    }
    String text = outcome.finished()
        ? capital(noun) + " finished: " + job.path("status").asText()
        : capital(noun) + " is still " + job.path("status").asText() + "; the wait timed out";
    return Results.done(text, out);
  }

  /** The input schema of a wait tool. */
  public static Schema waitSchema(String idArg, String noun) {
    return Schema.input().id(idArg, "The " + noun + "'s id")
        .integer("timeout_seconds", "Stop waiting after this many seconds (default 600)", 1L, 86_400L)
        .bool("cancel_on_abort", "If this MCP request is cancelled, cancel the AWX " + noun + " too (default false)");
  }

  private static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
