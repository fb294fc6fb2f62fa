package dev.conduit.awx.tools.internal;

import java.util.ArrayList;
import java.util.List;

/** Every AWX tool, in toolset order. */
public final class Catalog {

  /** The toolset names. */
  public static final List<String> TOOLSETS = List.of("environments", "system", "jobs", "inventories", "projects",
      "workflows", "schedules", "ad_hoc", "credentials", "notifications", "admin", "activity");

  private Catalog() {}

  /** Every tool. */
  public static List<ToolSpec> all(Scope scope) {
    List<ToolSpec> all = new ArrayList<>();
    all.addAll(SystemTools.environments(scope));
    all.addAll(SystemTools.system());
    all.addAll(JobTools.all());
    all.addAll(InventoryTools.all());
    all.addAll(ProjectTools.all());
    all.addAll(WorkflowTools.all());
    all.addAll(MoreTools.schedules());
    all.addAll(MoreTools.adHoc());
    all.addAll(AdminTools.credentials());
    all.addAll(AdminTools.notifications());
    all.addAll(AdminTools.admin());
    all.addAll(AdminTools.activity());
    return List.copyOf(all);
  }
}
