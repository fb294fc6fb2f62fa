package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The actions of unified jobs: {@code cancel/}, {@code stdout/}, events, {@code relaunch/}. */
final class UnifiedJobApi {

  private static final Set<String> EVENT_SUBLISTS = Set.of("job_events", "events");

  private final Store store;
  private final JobRunner runner;
  private final Stdout stdout;

  UnifiedJobApi(Store store, JobRunner runner, Stdout stdout) {
    this.store = store;
    this.runner = runner;
    this.stdout = stdout;
  }

  /** Serves {@code collection/{id}/sub/}, or returns null when {@code sub} is not an action of this kind. */
  @Nullable Response handle(Request request, String collection, ObjectNode job, String sub) throws ApiException {
    if (sub.equals("cancel")) {
      return cancel(request, collection, job);
    }
    if (sub.equals("stdout") && Events.COLLECTION.containsKey(collection)) {
      requireRead(request);
      return stdout.render(request, job, store.stdout(job.get("id").asInt()));
    }
    if (EVENT_SUBLISTS.contains(sub) && Events.COLLECTION.containsKey(collection)) {
      requireRead(request);
      List<ObjectNode> events = store.children(Events.COLLECTION.get(collection), Events.parentField(collection),
          job.get("id").asInt());
      return Response.ok(Pager.page(request, events, true));
    }
    if (sub.equals("relaunch") && collection.equals("jobs")) {
      return relaunch(request, job);
    }
    return null;
  }

  private static void requireRead(Request request) throws ApiException {
    if (!request.isRead()) {
      throw ApiException.methodNotAllowed(request.method());
    }
  }

  private Response cancel(Request request, String collection, ObjectNode job) throws ApiException {
    switch (request.method()) {
      case "GET", "HEAD" -> {
        return Response.ok(Json.of("can_cancel", Jobs.isActive(job)));
      }
      case "POST" -> {
        if (!Jobs.isActive(job)) {
          throw ApiException.methodNotAllowed("POST");
        }
        runner.cancel(collection, job);
        return Response.empty(202);
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    }
  }

  private Response relaunch(Request request, ObjectNode job) throws ApiException {
    int id = job.get("id").asInt();
    List<String> failed = new Outcomes(store).failedHosts(id);
    boolean finished = !Jobs.isActive(job);
    switch (request.method()) {
      case "GET", "HEAD" -> {
        ObjectNode body = Json.object();
        body.set("passwords_needed_to_start", Json.array());
        if (finished) {
          int all = store.children("job_host_summaries", "job", id).size();
          body.set("retry_counts", Json.of("all", all, "failed", failed.size()));
        } else {
          body.put("retry_counts", "Relaunch by host status not available until job finishes running.");
        }
        return Response.ok(body);
      }
      case "POST" -> {
        ObjectNode body = request.bodyObject();
        String hosts = body.path("hosts").asText("all");
        if (!hosts.equals("all") && !hosts.equals("failed")) {
          throw ApiException.field("hosts", "\"" + hosts + "\" is not a valid choice.");
        }
        ObjectNode template = job.path("job_template").isInt()
            ? store.get("job_templates", job.get("job_template").asInt()) : null;
        if (template == null) {
          throw ApiException.detail(400, "Job Template for this job has been deleted; relaunch is not possible.");
        }
        ObjectNode hidden = store.hidden("jobs", id);
        ObjectNode fields = hidden.path("launch").isObject() ? (ObjectNode) hidden.get("launch").deepCopy()
            : Json.object();
        if (hosts.equals("failed")) {
          if (!finished) {
            throw ApiException.field("hosts", "Wait until job finishes before retrying on failed hosts.");
          }
          if (failed.isEmpty()) {
            throw ApiException.field("hosts", "No failed hosts to relaunch: every host of job " + id
                + " succeeded.");
          }
          fields.put("limit", String.join(",", failed));
        }
        // A relaunch repeats the original prompts whatever the template asks now.
        ObjectNode relaunchTemplate = template.deepCopy();
        fields.fieldNames().forEachRemaining(f -> {
          String flag = JobTemplates.ASK_FIELDS.get(f);
          if (flag != null) {
            relaunchTemplate.put(flag, true);
          }
        });
        JsonNode vars = hidden.path("launch_vars");
        Launch.Accepted accepted = new Launch.Accepted(fields,
            vars.isObject() ? (ObjectNode) vars.deepCopy() : Json.object(), Json.object());
        ObjectNode fresh = runner.newJob(relaunchTemplate, accepted, job.get("inventory").asInt(),
            hidden.path("credentials"), "relaunch", request.user());
        store.countLaunch();
        template.put("status", fresh.path("status").asText());
        ObjectNode answer = Json.of("job", fresh.get("id").asInt());
        answer.setAll(fresh);
        return Response.created(201, answer, fresh.get("url").asText());
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    }
  }
}
