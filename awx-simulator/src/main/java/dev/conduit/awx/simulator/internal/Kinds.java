package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What each collection holds: its {@code type}, the fields a new object starts with and the ones it must be given. */
final class Kinds {

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("organizations", "organization"), Map.entry("teams", "team"), Map.entry("users", "user"),
      Map.entry("credential_types", "credential_type"), Map.entry("credentials", "credential"),
      Map.entry("projects", "project"), Map.entry("project_updates", "project_update"),
      Map.entry("inventories", "inventory"), Map.entry("hosts", "host"), Map.entry("groups", "group"),
      Map.entry("inventory_sources", "inventory_source"), Map.entry("inventory_updates", "inventory_update"),
      Map.entry("job_templates", "job_template"), Map.entry("jobs", "job"), Map.entry("job_events", "job_event"),
      Map.entry("project_update_events", "project_update_event"),
      Map.entry("inventory_update_events", "inventory_update_event"),
      Map.entry("ad_hoc_command_events", "ad_hoc_command_event"),
      Map.entry("job_host_summaries", "job_host_summary"),
      Map.entry("workflow_job_templates", "workflow_job_template"),
      Map.entry("workflow_job_template_nodes", "workflow_job_template_node"),
      Map.entry("workflow_jobs", "workflow_job"), Map.entry("workflow_job_nodes", "workflow_job_node"),
      Map.entry("workflow_approvals", "workflow_approval"),
      Map.entry("workflow_approval_templates", "workflow_approval_template"),
      Map.entry("schedules", "schedule"), Map.entry("ad_hoc_commands", "ad_hoc_command"),
      Map.entry("notification_templates", "notification_template"), Map.entry("notifications", "notification"),
      Map.entry("activity_stream", "activity_stream"), Map.entry("labels", "label"),
      Map.entry("tokens", "o_auth2_access_token"));

  /** Collections a client may create in and edit directly ({@code POST} on the list, {@code PATCH} on an object). */
  static final Set<String> WRITABLE = Set.of("organizations", "teams", "users", "credential_types", "credentials",
      "projects", "inventories", "hosts", "groups", "inventory_sources", "job_templates", "workflow_job_templates",
      "workflow_job_template_nodes", "schedules", "notification_templates", "labels");

  /** Collections whose objects may be deleted. */
  static final Set<String> DELETABLE = union(WRITABLE, Set.of("jobs", "project_updates", "inventory_updates",
      "workflow_jobs", "ad_hoc_commands", "workflow_approvals"));

  private Kinds() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    HashSet<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Whether the collection exists at all. */
  static boolean known(String collection) {
    return TYPES.containsKey(collection);
  }

  /** The {@code type} of the objects of a collection. */
  static String type(String collection) {
    String type = TYPES.get(collection);
    if (type == null) {
      throw new IllegalArgumentException("unknown collection " + collection);
    }
    return type;
  }

  /** The fields that must be present on create. */
  static List<String> required(String collection) {
    return switch (collection) {
      case "users" -> List.of("username", "password");
      case "credentials" -> List.of("name", "credential_type");
      case "hosts", "groups" -> List.of("name", "inventory");
      case "inventories", "teams" -> List.of("name", "organization");
      case "inventory_sources" -> List.of("name", "inventory", "source");
      case "job_templates" -> List.of("name");
      case "schedules" -> List.of("name", "rrule", "unified_job_template");
      case "notification_templates" -> List.of("name", "organization", "notification_type");
      case "workflow_job_template_nodes" -> List.of("workflow_job_template");
      case "labels" -> List.of("name", "organization");
      default -> List.of("name");
    };
  }

  /** The fields (besides id, type, url, related, summary_fields, created, modified) a new object starts with. */
  static ObjectNode defaults(String collection) {
    return switch (collection) {
      case "organizations" -> Json.of("name", "", "description", "", "max_hosts", 0, "custom_virtualenv", null,
          "default_environment", null);
      case "teams" -> Json.of("name", "", "description", "", "organization", null);
      case "users" -> Json.of("username", "", "first_name", "", "last_name", "", "email", "", "is_superuser", false,
          "is_system_auditor", false, "ldap_dn", "", "last_login", null, "external_account", null, "auth", List.of());
      case "credential_types" -> Json.of("name", "", "description", "", "kind", "cloud", "namespace", null,
          "managed", false, "inputs", Map.of(), "injectors", Map.of());
      case "credentials" -> Json.of("name", "", "description", "", "organization", null, "credential_type", null,
          "managed", false, "inputs", Map.of(), "kind", "", "cloud", false, "kubernetes", false);
      case "projects" -> Json.of("name", "", "description", "", "local_path", "", "scm_type", "git", "scm_url", "",
          "scm_branch", "", "scm_refspec", "", "scm_clean", false, "scm_track_submodules", false,
          "scm_delete_on_update", false, "credential", null, "timeout", 0, "scm_revision", "",
          "last_job_run", null, "last_job_failed", false, "next_job_run", null, "status", "never updated",
          "organization", null, "scm_update_on_launch", false, "scm_update_cache_timeout", 0,
          "allow_override", false, "custom_virtualenv", null, "default_environment", null,
          "signature_validation_credential", null, "last_update_failed", false, "last_updated", null);
      case "inventories" -> Json.of("name", "", "description", "", "organization", null, "kind", "",
          "host_filter", null, "variables", "", "has_active_failures", false, "total_hosts", 0,
          "hosts_with_active_failures", 0, "total_groups", 0, "has_inventory_sources", false,
          "total_inventory_sources", 0, "inventory_sources_with_failures", 0, "pending_deletion", false,
          "prevent_instance_group_fallback", false);
      case "hosts" -> Json.of("name", "", "description", "", "inventory", null, "enabled", true, "instance_id", "",
          "variables", "", "has_active_failures", false, "has_inventory_sources", false, "last_job", null,
          "last_job_host_summary", null, "ansible_facts_modified", null);
      case "groups" -> Json.of("name", "", "description", "", "inventory", null, "variables", "");
      case "inventory_sources" -> Json.of("name", "", "description", "", "source", "scm", "source_path", "",
          "source_vars", "", "scm_branch", "", "credential", null, "enabled_var", "", "enabled_value", "",
          "host_filter", "", "overwrite", false, "overwrite_vars", false, "custom_virtualenv", null, "timeout", 0,
          "verbosity", 1, "limit", "", "last_job_run", null, "last_job_failed", false, "next_job_run", null,
          "status", "never updated", "execution_environment", null, "inventory", null, "update_on_launch", false,
          "update_cache_timeout", 0, "source_project", null, "last_update_failed", false, "last_updated", null);
      case "job_templates" -> jobTemplateDefaults();
      case "workflow_job_templates" -> Json.of("name", "", "description", "", "last_job_run", null,
          "last_job_failed", false, "next_job_run", null, "status", "never updated", "extra_vars", "",
          "organization", null, "survey_enabled", false, "allow_simultaneous", false,
          "ask_variables_on_launch", false, "inventory", null, "limit", null, "scm_branch", null,
          "ask_inventory_on_launch", false, "ask_scm_branch_on_launch", false, "ask_limit_on_launch", false,
          "webhook_service", "", "webhook_credential", null, "ask_labels_on_launch", false,
          "ask_skip_tags_on_launch", false, "ask_tags_on_launch", false, "skip_tags", null, "job_tags", null);
      case "workflow_job_template_nodes" -> Json.of("extra_data", Map.of(), "inventory", null, "scm_branch", null,
          "job_type", null, "job_tags", null, "skip_tags", null, "limit", null, "diff_mode", null,
          "verbosity", null, "execution_environment", null, "forks", null, "job_slice_count", null,
          "timeout", null, "workflow_job_template", null, "unified_job_template", null, "success_nodes", List.of(),
          "failure_nodes", List.of(), "always_nodes", List.of(), "all_parents_must_converge", false,
          "identifier", "");
      case "schedules" -> Json.of("rrule", "", "name", "", "description", "", "extra_data", Map.of(),
          "inventory", null, "scm_branch", null, "job_type", null, "job_tags", null, "skip_tags", null,
          "limit", null, "diff_mode", null, "verbosity", null, "execution_environment", null, "forks", null,
          "job_slice_count", null, "timeout", null, "unified_job_template", null, "enabled", true,
          "dtstart", null, "dtend", null, "next_run", null, "timezone", "UTC", "until", "");
      case "notification_templates" -> Json.of("name", "", "description", "", "organization", null,
          "notification_type", "webhook", "notification_configuration", Map.of(), "messages", null);
      case "labels" -> Json.of("name", "", "organization", null);
      default -> Json.object();
    };
  }

  private static ObjectNode jobTemplateDefaults() {
    ObjectNode node = Json.of("name", "", "description", "", "job_type", "run", "inventory", null, "project", null,
        "playbook", "", "scm_branch", "", "forks", 0, "limit", "", "verbosity", 0, "extra_vars", "",
        "job_tags", "", "force_handlers", false, "skip_tags", "", "start_at_task", "", "timeout", 0,
        "use_fact_cache", false, "organization", null, "last_job_run", null, "last_job_failed", false,
        "next_job_run", null, "status", "never updated", "execution_environment", null, "host_config_key", "");
    for (String ask : JobTemplates.ASK_FIELDS.values()) {
      node.put(ask, false);
    }
    node.put("survey_enabled", false);
    node.put("become_enabled", false);
    node.put("diff_mode", false);
    node.put("allow_simultaneous", false);
    node.putNull("custom_virtualenv");
    node.put("job_slice_count", 1);
    node.put("webhook_service", "");
    node.putNull("webhook_credential");
    node.put("prevent_instance_group_fallback", false);
    return node;
  }
}
