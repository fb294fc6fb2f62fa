package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CrudTest extends DemoEstateTest {

  @Test
  void aPatchChangesTheFieldAndModified() {
    JsonNode before = api.get(V2 + "hosts/1/").json();
    JsonNode after = api.send("PATCH", V2 + "hosts/1/", "{\"description\":\"front end\",\"variables\":{\"a\":1}}")
        .json();
    assertEquals("front end", after.get("description").asText());
    assertEquals("{\"a\":1}", after.get("variables").asText());
    assertTrue(after.get("modified").asText().compareTo(before.get("modified").asText()) > 0);
  }

  @Test
  void aHostIsAttachedToAndDetachedFromAGroup() {
    assertEquals(204, api.post(V2 + "groups/2/hosts/", "{\"id\":1}").status());
    assertEquals(3, api.get(V2 + "groups/2/hosts/").json().get("count").asInt());
    assertEquals(2, api.get(V2 + "hosts/1/").json().get("summary_fields").get("groups").get("count").asInt());
    assertEquals(204, api.post(V2 + "groups/2/hosts/", "{\"id\":1,\"disassociate\":true}").status());
    assertEquals(2, api.get(V2 + "groups/2/hosts/").json().get("count").asInt());
  }

  @Test
  void theActivityStreamRecordsACreate() {
    int id = api.post(V2 + "inventories/", "{\"name\":\"Audit me\",\"organization\":1}").json().get("id").asInt();
    JsonNode entry = api.get(V2 + "inventories/" + id + "/activity_stream/").json().get("results").get(0);
    assertEquals("create", entry.get("operation").asText());
    assertEquals("inventory", entry.get("object1").asText());
    assertEquals("admin", entry.get("summary_fields").get("actor").get("username").asText());
  }

  @Test
  void aDisabledScheduleHasNoNextRun() {
    assertTrue(api.get(V2 + "schedules/1/").json().get("next_run").isTextual());
    JsonNode disabled = api.send("PATCH", V2 + "schedules/1/", "{\"enabled\":false}").json();
    assertTrue(disabled.get("next_run").isNull());
  }

  @Test
  void configReportsTheVersionAndMeIsAdmin() {
    assertEquals("24.6.1", api.get(V2 + "config/").json().get("version").asText());
    assertTrue(api.get(V2 + "me/").json().get("results").get(0).get("is_superuser").asBoolean());
  }

  @Test
  void relatedLinksLeadToTheirObjects() {
    JsonNode template = api.get(V2 + "job_templates/3/").json();
    JsonNode inventory = api.get(template.get("related").get("inventory").asText()).json();
    assertEquals(template.get("inventory").asInt(), inventory.get("id").asInt());
    assertEquals(200, api.get(template.get("related").get("launch").asText()).status());
    assertEquals(200, api.get(inventory.get("related").get("hosts").asText()).status());
  }
}
