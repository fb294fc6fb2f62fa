package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Moves unified jobs through pending, waiting and running to their end, one step per tick of the scheduler, emitting
 * their events and output lines as they run. Every step holds the store's monitor.
 */
public final class JobRunner {

  /** A job being run: its kind, the events still to emit and the numbering so far. */
  private static final class Run {
    final String collection;
    final int id;
    final Playbook.Plan plan;
    final Deque<Playbook.Step> remaining;
    final String playbookUuid = UUID.randomUUID().toString();
    String playUuid = "";
    String taskUuid = "";
    int counter;

    Run(String collection, int id, Playbook.Plan plan) {
      this.collection = collection;
      this.id = id;
      this.plan = plan;
      this.remaining = new ArrayDeque<>(plan.steps());
    }
  }

  private final Store store;
  private final ScheduledExecutorService scheduler;
  private final Duration step;
  private final Map<Integer, Run> runs = new HashMap<>();
  private final List<Consumer<ObjectNode>> finishListeners = new ArrayList<>();
  private final Outcomes outcomes;

  /** A runner over a store, ticking on {@code scheduler} every {@code step}. */
  public JobRunner(Store store, ScheduledExecutorService scheduler, Duration step) {
    this.store = store;
    this.scheduler = scheduler;
    this.step = step;
    this.outcomes = new Outcomes(store);
  }

  /** Calls {@code listener} (holding the store's monitor) each time a unified job reaches a finished status. */
  void onFinish(Consumer<ObjectNode> listener) {
    finishListeners.add(listener);
  }

  /** Creates and starts a job from a job template and an accepted launch. */
  ObjectNode newJob(ObjectNode template, Launch.Accepted accepted, int inventory, JsonNode credentialIds,
      String launchType, ObjectNode actor) throws ApiException {
    ObjectNode fields = accepted.fields();
    ObjectNode job = Jobs.create(store, "jobs", template.path("name").asText(), template.get("id").asInt(),
        launchType, actor);
    for (String field : List.of("job_type", "inventory", "project", "playbook", "scm_branch", "forks", "limit",
        "verbosity", "job_tags", "skip_tags", "start_at_task", "timeout", "use_fact_cache", "organization")) {
      job.set(field, fields.has(field) ? fields.get(field) : template.get(field));
    }
    job.put("inventory", inventory);
    ObjectNode vars = Launch.parseVars(template.get("extra_vars"));
    vars.setAll(accepted.extraVars());
    job.put("extra_vars", vars.isEmpty() ? "{}" : Json.text(Surveys.maskPasswords(surveyOf(template), vars)));
    job.put("job_template", template.get("id").asInt());
    job.set("diff_mode", fields.has("diff_mode") ? fields.get("diff_mode") : template.get("diff_mode"));
    job.putNull("schedule");
    job.set("passwords_needed_to_start", Json.array());
    job.set("allow_simultaneous", template.get("allow_simultaneous"));
    job.put("artifacts", "{}");
    job.put("scm_revision", "");
    job.putNull("instance_group");
    job.put("job_slice_number", 0);
    job.put("job_slice_count", 1);
    job.put("job_args", "[\"ansible-playbook\", \"-i\", \"/runner/inventory/hosts\", \""
        + job.path("playbook").asText() + "\"]");
    job.put("job_cwd", "/runner/project");
    job.set("job_env", Json.of("ANSIBLE_FORCE_COLOR", "True", "JOB_ID", job.get("id").asText()));
    job.set("host_status_counts", Json.object());
    job.set("playbook_counts", Json.of("play_count", 0, "task_count", 0));
    job.putNull("custom_virtualenv");
    store.put("jobs", job);
    ObjectNode hidden = store.hidden("jobs", job.get("id").asInt());
    hidden.set("credentials", credentialIds.deepCopy());
    hidden.set("launch", fields.deepCopy());
    hidden.set("launch_vars", accepted.extraVars().deepCopy());
    Links.decorate(store, "jobs", job);
    List<String> hosts = Targets.hosts(store, inventory, job.path("limit").asText());
    start("jobs", job, Playbook.plan(job.path("playbook").asText(), hosts, vars,
        job.path("job_type").asText().equals("check")));
    template.put("last_job_run", job.get("created").asText());
    template.put("status", "pending");
    Links.decorate(store, "job_templates", template);
    return job;
  }

  private ObjectNode surveyOf(ObjectNode template) {
    JsonNode spec = store.hidden("job_templates", template.get("id").asInt()).get("survey_spec");
    return template.path("survey_enabled").asBoolean() && spec instanceof ObjectNode survey ? survey : Json.object();
  }

  /** Starts a unified job that is stored already, with a plan of events. */
  void start(String collection, ObjectNode job, Playbook.Plan plan) {
    int id = job.get("id").asInt();
    runs.put(id, new Run(collection, id, plan));
    schedule(id);
  }

  private void schedule(int id) {
    scheduler.schedule(() -> tick(id), step.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void tick(int id) {
    synchronized (store) {
      Run run = runs.get(id);
      ObjectNode job = run == null ? null : store.get(run.collection, id);
      if (run == null || job == null || !Jobs.isActive(job)) {
        runs.remove(id);
        return;
      }
      switch (job.path("status").asText()) {
        case "new", "pending" -> {
          if (blocked(run.collection, job)) {
            schedule(id);
            return;
          }
          Jobs.setStatus(store, job, "waiting");
          job.put("execution_node", "awx-simulator");
          job.put("controller_node", "awx-simulator");
        }
        case "waiting" -> {
          Jobs.setStatus(store, job, "running");
          job.put("started", store.now());
        }
        default -> {
          Playbook.Step next = run.remaining.poll();
          if (next != null) {
            emit(run, job, next);
          } else if (run.plan.hang()) {
            return;
          } else {
            finish(run, job, run.plan.failed() ? "failed" : "successful");
            return;
          }
        }
      }
      job.put("modified", store.now());
      statusChanged(run.collection, job);
    }
    schedule(id);
  }

  /**
   * Whether a pending job must wait, as AWX's task manager makes it: a job of a template that does not allow
   * simultaneous runs waits for the template's earlier jobs, and a project update for the project's earlier one.
   */
  private boolean blocked(String collection, ObjectNode job) {
    int id = job.get("id").asInt();
    String field = switch (collection) {
      case "jobs" -> job.path("allow_simultaneous").asBoolean() ? null : "job_template";
      case "project_updates" -> "project";
      case "inventory_updates" -> "inventory_source";
      default -> null;
    };
    if (field == null || !job.path(field).isInt()) {
      return false;
    }
    int owner = job.get(field).asInt();
    return store.all(collection).stream().anyMatch(other -> other.get("id").asInt() < id
        && other.path(field).isInt() && other.get(field).asInt() == owner && Jobs.isActive(other));
  }

  /** Cancels an active unified job now: it is canceled when the request returns. */
  void cancel(String collection, ObjectNode job) {
    Run run = runs.remove(job.get("id").asInt());
    if (run == null) {
      run = new Run(collection, job.get("id").asInt(), Playbook.Plan.empty());
    }
    finish(run, job, "canceled");
  }

  private void finish(Run run, ObjectNode job, String status) {
    runs.remove(run.id);
    if (status.equals("canceled")) {
      job.put("job_explanation", "");
      store.stdout(run.id).add("");
    }
    Jobs.finish(store, job, status);
    outcomes.finished(run.collection, job, run.plan, status);
    Links.decorate(store, run.collection, job);
    statusChanged(run.collection, job);
    for (Consumer<ObjectNode> listener : List.copyOf(finishListeners)) {
      listener.accept(job);
    }
  }

  private void statusChanged(String collection, ObjectNode job) {
    outcomes.mirrorStatus(collection, job);
  }

  private void emit(Run run, ObjectNode job, Playbook.Step step) {
    Events.emit(store, run.collection, job, step, ++run.counter, uuids(run, step));
    String count = switch (step.event()) {
      case "playbook_on_play_start" -> "play_count";
      case "playbook_on_task_start" -> "task_count";
      default -> null;
    };
    if (count != null) {
      ObjectNode counts = job.withObjectProperty("playbook_counts");
      counts.put(count, counts.path(count).asInt() + 1);
    }
  }

  private String[] uuids(Run run, Playbook.Step step) {
    String uuid = UUID.randomUUID().toString();
    String parent;
    switch (step.event()) {
      case "playbook_on_start" -> {
        return new String[] {run.playbookUuid, ""};
      }
      case "playbook_on_play_start" -> {
        run.playUuid = uuid;
        parent = run.playbookUuid;
      }
      case "playbook_on_task_start" -> {
        run.taskUuid = uuid;
        parent = run.playUuid;
      }
      case "playbook_on_stats", "verbose", "playbook_on_no_hosts_matched" -> parent = run.playbookUuid;
      default -> parent = run.taskUuid;
    }
    return new String[] {uuid, parent};
  }

  /** Runs a started job to its end at once, as if its time had passed (for seeding past jobs). */
  void complete(int id) {
    Run run = runs.get(id);
    ObjectNode job = run == null ? null : store.get(run.collection, id);
    if (job == null) {
      return;
    }
    Jobs.setStatus(store, job, "waiting");
    Jobs.setStatus(store, job, "running");
    job.put("started", store.now());
    job.put("execution_node", "awx-simulator");
    job.put("controller_node", "awx-simulator");
    for (Playbook.Step next = run.remaining.poll(); next != null; next = run.remaining.poll()) {
      emit(run, job, next);
    }
    finish(run, job, run.plan.failed() ? "failed" : "successful");
  }

  /** Runs {@code task} one step from now, holding the store's monitor. */
  void later(Runnable task) {
    after(step, task);
  }

  /** Runs {@code task} after {@code delay}, holding the store's monitor. */
  void after(Duration delay, Runnable task) {
    scheduler.schedule(() -> {
      synchronized (store) {
        task.run();
      }
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Ends a unified job that the runner does not step itself (a workflow job, an approval). */
  void end(String collection, ObjectNode job, String status) {
    Run run = new Run(collection, job.get("id").asInt(), Playbook.Plan.empty());
    finish(run, job, status);
  }
}
