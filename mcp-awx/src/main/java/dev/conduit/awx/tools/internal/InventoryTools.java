package dev.conduit.awx.tools.internal;

import java.util.List;

/** The {@code inventories} toolset: inventories, hosts, groups and inventory sources. */
public final class InventoryTools {

  private static final String SET = "inventories";

  private InventoryTools() {}

  /** The tools. */
  public static List<ToolSpec> all() {
    return List.of(
        Generic.list(SET, "inventories_list", "inventories", "inventories",
            "List inventories (GET inventories/), with search, ordering and filters such as "
                + "{\"organization\": 1} or {\"kind\": \"smart\"}."),
        Generic.get(SET, "inventory_get", "inventory", "inventories", "inventory_id",
            call -> Guard.inventory(call, call.id("inventory_id"))),
        Generic.create(SET, "inventory_create", "inventory",
            "Create an inventory (POST inventories/) in an organization (default: the environment's default "
                + "organization).",
            Schema.input().string("name", "Name").string("description", "Description")
                .integer("organization", "Organization id", 1L, null)
                .object("variables", "Inventory variables").require("name"),
            call -> "inventories/", Generic::organization, "name", "description", "organization", "variables"),
        Generic.delete(SET, "inventory_delete", "inventory", "inventories", "inventory_id",
            call -> Guard.inventory(call, call.id("inventory_id"))),
        Generic.list(SET, "hosts_list", "hosts",
            "List hosts, of one inventory (GET inventories/{id}/hosts/) or of all (GET hosts/).",
            Schema.input().integer("inventory_id", "Only this inventory's hosts", 1L, null), call -> {
              if (!call.args().has("inventory_id")) {
                return "hosts/";
              }
              Guard.inventory(call, call.id("inventory_id"));
              return "inventories/" + call.id("inventory_id") + "/hosts/";
            }),
        Generic.get(SET, "host_get", "host", "hosts", "host_id",
            call -> Guard.inventoryOf(call, "hosts/" + call.id("host_id") + "/")),
        Generic.create(SET, "host_create", "host", "Add a host to an inventory (POST inventories/{id}/hosts/).",
            Schema.input().id("inventory_id", "The inventory's id").string("name", "Host name or address")
                .string("description", "Description").bool("enabled", "Whether jobs use the host (default true)")
                .object("variables", "Host variables, e.g. {\"ansible_host\": \"10.0.0.5\"}").require("name"),
            call -> {
              Guard.inventory(call, call.id("inventory_id"));
              return "inventories/" + call.id("inventory_id") + "/hosts/";
            }, "name", "description", "enabled", "variables"),
        Generic.delete(SET, "host_delete", "host", "hosts", "host_id",
            call -> Guard.inventoryOf(call, "hosts/" + call.id("host_id") + "/")),
        Generic.list(SET, "groups_list", "groups",
            "List groups, of one inventory (GET inventories/{id}/groups/) or of all (GET groups/).",
            Schema.input().integer("inventory_id", "Only this inventory's groups", 1L, null), call -> {
              if (!call.args().has("inventory_id")) {
                return "groups/";
              }
              Guard.inventory(call, call.id("inventory_id"));
              return "inventories/" + call.id("inventory_id") + "/groups/";
            }),
        Generic.get(SET, "group_get", "group", "groups", "group_id",
            call -> Guard.inventoryOf(call, "groups/" + call.id("group_id") + "/")),
        Generic.create(SET, "group_create", "group", "Add a group to an inventory (POST inventories/{id}/groups/).",
            Schema.input().id("inventory_id", "The inventory's id").string("name", "Group name")
                .string("description", "Description").object("variables", "Group variables").require("name"),
            call -> {
              Guard.inventory(call, call.id("inventory_id"));
              return "inventories/" + call.id("inventory_id") + "/groups/";
            }, "name", "description", "variables"),
        Generic.delete(SET, "group_delete", "group", "groups", "group_id",
            call -> Guard.inventoryOf(call, "groups/" + call.id("group_id") + "/")),
        Generic.list(SET, "inventory_sources_list", "inventory sources",
            "List inventory sources (cloud, SCM, constructed), of one inventory or of all.",
            Schema.input().integer("inventory_id", "Only this inventory's sources", 1L, null), call -> {
              if (!call.args().has("inventory_id")) {
                return "inventory_sources/";
              }
              Guard.inventory(call, call.id("inventory_id"));
              return "inventories/" + call.id("inventory_id") + "/inventory_sources/";
            }),
        Generic.get(SET, "inventory_source_get", "inventory source", "inventory_sources", "inventory_source_id",
            call -> Guard.inventoryOf(call, "inventory_sources/" + call.id("inventory_source_id") + "/")),
        Generic.sync(SET, "inventory_source_sync", "inventory source", "inventory_sources", "inventory_source_id",
            "inventory_updates",
            call -> Guard.inventoryOf(call, "inventory_sources/" + call.id("inventory_source_id") + "/")));
  }
}
