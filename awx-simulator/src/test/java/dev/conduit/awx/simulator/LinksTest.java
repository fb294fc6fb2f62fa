package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LinksTest {

  /** Actions that only take a POST; AWX answers a GET on them with 405 as well. */
  private static final Set<String> POST_ONLY = Set.of("notification_template.test", "workflow_job.relaunch",
      "workflow_approval.approve", "workflow_approval.deny", "workflow_job_template_node.create_approval_template");

  @Test
  void everyRelatedLinkOfEveryKindOfObjectLeadsSomewhere() {
    try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).start()) {
      Api api = Api.admin(awx);
      String v2 = "/api/controller/v2/";
      api.post(v2 + "workflow_job_templates/7/launch/", "{}");
      int command = api.post(v2 + "ad_hoc_commands/", "{\"inventory\":1,\"module_name\":\"ping\"}").json()
          .get("id").asInt();
      int update = api.post(v2 + "inventory_sources/2/update/", null).json().get("inventory_update").asInt();
      api.await(v2 + "workflow_approvals/", page -> page.get("count").asInt() == 1);
      api.await(v2 + "ad_hoc_commands/" + command + "/", Api::finished);
      api.await(v2 + "inventory_updates/" + update + "/", Api::finished);
      Map<String, Integer> broken = new TreeMap<>();
      Set<String> seen = new HashSet<>();
      api.get(v2).json().properties().forEach(endpoint -> {
        for (JsonNode item : api.get(endpoint.getValue().asText()).json().path("results")) {
          item.path("related").properties().forEach(link -> {
            String key = item.get("type").asText() + "." + link.getKey();
            // The activity stream relates lists of objects, some of them deleted since.
            if (link.getValue().isTextual() && seen.add(key)) {
              int status = api.get(link.getValue().asText().replace(" ", "%20")).status();
              if (status != 200 && !(status == 405 && POST_ONLY.contains(key))) {
                broken.put(key, status);
              }
            }
          });
        }
      });
      assertTrue(seen.size() > 200, "links checked: " + seen.size());
      assertEquals(Map.of(), broken);
    }
  }
}
