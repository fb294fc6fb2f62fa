package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The users every simulator has, and the demo estate of {@code SeedData.demo()} (the README lists it). */
public final class DemoSeed {

  private DemoSeed() {}

  /** Creates the configured superusers and auditors. Call holding the store's monitor. */
  public static void users(Resources resources, Map<String, String> users, Map<String, String> auditors)
      throws IllegalStateException {
    try {
      for (Map.Entry<String, String> user : users.entrySet()) {
        resources.create("users", Json.of("username", user.getKey(), "password", user.getValue(),
            "is_superuser", true, "first_name", "", "last_name", "", "email", user.getKey() + "@example.com"),
            Json.object());
      }
      for (Map.Entry<String, String> user : auditors.entrySet()) {
        resources.create("users", Json.of("username", user.getKey(), "password", user.getValue(),
            "is_system_auditor", true, "email", user.getKey() + "@example.com"), Json.object());
      }
    } catch (ApiException e) {
      throw new IllegalStateException("invalid user configuration: " + e.body(), e);
    }
  }

  /** Creates the demo estate and its past jobs. Call holding the store's monitor. */
  public static void estate(Resources resources, JobRunner runner) {
    try {
      build(resources, runner);
    } catch (ApiException e) {
      throw new IllegalStateException("demo seed is inconsistent: " + e.body(), e);
    }
  }

  private static void build(Resources r, JobRunner runner) throws ApiException {
    Store store = r.store();
    ObjectNode admin = store.all("users").get(0);
    int org = id(r.create("organizations", Json.of("name", "Default", "description", "The default organization"),
        admin));
    r.create("organizations", Json.of("name", "Engineering", "description", "Application teams"), admin);
    r.create("teams", Json.of("name", "Operations", "organization", org), admin);
    int machine = id(r.create("credential_types", Json.of("name", "Machine", "kind", "ssh", "namespace", "ssh",
        "managed", true, "inputs", Map.of("fields", List.of(
            Map.of("id", "username", "label", "Username", "type", "string"),
            Map.of("id", "password", "label", "Password", "type", "string", "secret", true, "ask_at_runtime", true),
            Map.of("id", "ssh_key_data", "label", "SSH Private Key", "type", "string", "secret", true,
                "multiline", true),
            Map.of("id", "become_password", "label", "Privilege Escalation Password", "type", "string",
                "secret", true, "ask_at_runtime", true)))), admin));
    int scm = id(r.create("credential_types", Json.of("name", "Source Control", "kind", "scm", "namespace", "scm",
        "managed", true, "inputs", Map.of("fields", List.of(
            Map.of("id", "username", "label", "Username", "type", "string"),
            Map.of("id", "password", "label", "Password", "type", "string", "secret", true)))), admin));
    int credential = id(r.create("credentials", Json.of("name", "Demo Credential", "organization", org,
        "credential_type", machine, "inputs", Map.of("username", "admin", "password", "s3cret")), admin));
    r.create("credentials", Json.of("name", "Git read-only", "organization", org, "credential_type", scm,
        "inputs", Map.of("username", "deploy-bot", "password", "t0ken")), admin);
    int inventory = id(r.create("inventories", Json.of("name", "Demo Inventory", "organization", org,
        "description", "Five demo hosts in three groups", "variables", "{\"ansible_connection\": \"ssh\"}"),
        admin));
    Map<String, List<String>> groups = Map.of("webservers", List.of("web1.example.com", "web2.example.com"),
        "databases", List.of("db1.example.com", "db2.example.com"), "loadbalancers", List.of("lb1.example.com"));
    for (String group : List.of("webservers", "databases", "loadbalancers")) {
      int groupId = id(r.create("groups", Json.of("name", group, "inventory", inventory), admin));
      for (String host : groups.get(group)) {
        int hostId = id(r.create("hosts", Json.of("name", host, "inventory", inventory,
            "variables", "{\"ansible_host\": \"" + host + "\"}"), admin));
        store.groupHosts(groupId).add(hostId);
        Links.decorate(store, "hosts", store.get("hosts", hostId));
      }
    }
    ObjectNode project = r.create("projects", Json.of("name", "Demo Project", "organization", org,
        "scm_type", "git", "scm_url", "https://git.example.com/demo/ansible-samples.git", "scm_branch", "main",
        "description", "Sample playbooks"), admin);
    store.hidden("projects", id(project)).set("repository", Json.MAPPER.valueToTree(List.of("hello_world.yml",
        "site.yml", "deploy_app.yml", "patch_servers_fail.yml")));
    runner.complete(id(new Updates(store, runner).startProjectUpdate(project, "manual", admin)));
    r.create("inventory_sources", Json.of("name", "Demo Inventory Source", "inventory", inventory,
        "source", "scm", "source_project", id(project), "source_path", "inventory/hosts.ini"), admin);
    ObjectNode hello = template(r, admin, "Demo Job Template", "Says hello on every host", "hello_world.yml",
        inventory, id(project), credential, Map.of());
    ObjectNode survey = template(r, admin, "Deploy app (survey)", "Asks for the version to deploy",
        "deploy_app.yml", inventory, id(project), credential, Map.of("survey_enabled", true));
    store.hidden("job_templates", id(survey)).set("survey_spec", Json.MAPPER.valueToTree(Map.of("name",
        "Deployment", "description", "What to deploy where", "spec", List.of(
            Map.of("question_name", "Application version", "question_description", "", "required", true,
                "type", "text", "variable", "app_version", "min", 1, "max", 32, "default", ""),
            Map.of("question_name", "Environment", "question_description", "", "required", true,
                "type", "multiplechoice", "variable", "environment", "choices", List.of("staging", "production"),
                "default", "staging"),
            Map.of("question_name", "Replicas", "question_description", "", "required", false,
                "type", "integer", "variable", "replicas", "min", 1, "max", 10, "default", 2)))));
    template(r, admin, "Run site playbook (prompts)", "Prompts for limit, tags, variables and inventory",
        "site.yml", inventory, id(project), credential, Map.of("ask_limit_on_launch", true,
            "ask_tags_on_launch", true, "ask_skip_tags_on_launch", true, "ask_variables_on_launch", true,
            "ask_inventory_on_launch", true, "ask_job_type_on_launch", true, "ask_verbosity_on_launch", true,
            "ask_credential_on_launch", true, "ask_diff_mode_on_launch", true));
    ObjectNode failing = template(r, admin, "Patch servers (fails)", "Fails on its last host: web2.example.com",
        "patch_servers_fail.yml", inventory, id(project), credential, Map.of());
    int workflow = id(r.create("workflow_job_templates", Json.of("name", "Deploy pipeline (approval)",
        "organization", org, "description", "Hello, then an approval, then the deployment"), admin));
    ObjectNode first = r.create("workflow_job_template_nodes", Json.of("workflow_job_template", workflow,
        "unified_job_template", id(hello), "identifier", "hello"), admin);
    int approvalTemplate = store.nextId("workflow_approval_templates");
    store.put("workflow_approval_templates", Json.of("id", approvalTemplate, "type", "workflow_approval_template",
        "url", store.link("workflow_approval_templates", approvalTemplate), "related", Json.object(),
        "summary_fields", Json.object(), "created", store.now(), "modified", store.now(),
        "name", "Approve production deploy", "description", "", "timeout", 0));
    ObjectNode gate = r.create("workflow_job_template_nodes", Json.of("workflow_job_template", workflow,
        "unified_job_template", approvalTemplate, "identifier", "approval"), admin);
    ObjectNode deploy = r.create("workflow_job_template_nodes", Json.of("workflow_job_template", workflow,
        "unified_job_template", id(survey), "identifier", "deploy",
        "extra_data", Map.of("app_version", "1.0.0")), admin);
    first.withArray("success_nodes").add(id(gate));
    gate.withArray("success_nodes").add(id(deploy));
    ObjectNode schedule = r.create("schedules", Json.of("name", "Nightly hello", "unified_job_template", id(hello),
        "rrule", "DTSTART;TZID=UTC:20240101T020000 RRULE:FREQ=DAILY;INTERVAL=1"), admin);
    new Schedules(store).refresh(schedule);
    r.create("notification_templates", Json.of("name", "Ops webhook", "organization", org,
        "notification_type", "webhook", "notification_configuration",
        Map.of("url", "https://hooks.example.com/awx", "http_method", "POST", "headers", Map.of())), admin);
    for (ObjectNode template : List.of(hello, failing)) {
      Launch.Accepted none = new Launch.Accepted(Json.object(), Json.object(), Json.object());
      ObjectNode job = runner.newJob(template, none, inventory,
          store.hidden("job_templates", id(template)).path("credentials"), "manual", admin);
      runner.complete(id(job));
    }
  }

  private static ObjectNode template(Resources r, ObjectNode admin, String name, String description,
      String playbook, int inventory, int project, int credential, Map<String, Object> extra) throws ApiException {
    ObjectNode input = Json.of("name", name, "description", description, "playbook", playbook,
        "inventory", inventory, "project", project);
    input.setAll((ObjectNode) Json.MAPPER.valueToTree(extra));
    ObjectNode template = r.create("job_templates", input, admin);
    r.store().hidden("job_templates", id(template)).putArray("credentials").add(credential);
    Links.decorate(r.store(), "job_templates", template);
    return template;
  }

  private static int id(ObjectNode node) {
    return node.get("id").asInt();
  }
}
