package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.protocol.server.ToolException;

/** Enforces an environment's allowlists of job templates and inventories. */
public final class Guard {

  private Guard() {}

  /** Refuses a job template that is not on the allowlist. */
  public static void jobTemplate(Call call, JsonNode template) {
    AwxEnvironment env = call.environment();
    long id = template.path("id").asLong();
    if (!env.allowsJobTemplate(id, template.path("name").asText(null))) {
      throw new ToolException("Job template #" + id + " is not on the allowlist of environment " + env.name());
    }
  }

  /** Refuses an inventory that is not on the allowlist (looking its name up only when the id is not listed). */
  public static void inventory(Call call, long id) {
    AwxEnvironment env = call.environment();
    if (!env.restrictsInventories() || env.allowsInventory(id, null)) {
      return;
    }
    String name = call.client().get("inventories/" + id + "/").path("name").asText(null);
    if (!env.allowsInventory(id, name)) {
      throw new ToolException("Inventory #" + id + " is not on the allowlist of environment " + env.name());
    }
  }

  /** Refuses the inventory a host or group belongs to, when it is not on the allowlist. */
  public static void inventoryOf(Call call, String objectPath) {
    if (call.environment().restrictsInventories()) {
      JsonNode object = call.client().get(objectPath);
      inventory(call, object.path("inventory").asLong());
    }
  }
}
