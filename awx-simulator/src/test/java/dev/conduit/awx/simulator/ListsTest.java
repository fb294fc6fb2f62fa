package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ListsTest {

  private static AwxSimulator withHosts(int count) {
    AwxSimulator awx = AwxSimulator.builder().apiPrefix(ApiPrefix.CLASSIC).start();
    Api api = Api.admin(awx);
    int org = api.post("/api/v2/organizations/", "{\"name\":\"Org\"}").json().get("id").asInt();
    int inv = api.post("/api/v2/inventories/", "{\"name\":\"Inv\",\"organization\":" + org + "}").json()
        .get("id").asInt();
    for (int i = 1; i <= count; i++) {
      assertEquals(201, api.post("/api/v2/hosts/", "{\"name\":\"host" + String.format("%03d", i)
          + ".example.com\",\"inventory\":" + inv + "}").status());
    }
    return awx;
  }

  @Test
  void pagesOf25WithRelativeNextLinks() {
    try (AwxSimulator awx = withHosts(30)) {
      JsonNode page = Api.admin(awx).get("/api/v2/hosts/").json();
      assertEquals(30, page.get("count").asInt());
      assertEquals(25, page.get("results").size());
      assertEquals("/api/v2/hosts/?page=2", page.get("next").asText());
      assertTrue(page.get("previous").isNull());
      JsonNode second = Api.admin(awx).get(page.get("next").asText()).json();
      assertEquals(5, second.get("results").size());
      assertEquals("/api/v2/hosts/?page=1", second.get("previous").asText());
    }
  }

  @Test
  void capsPageSizeAt200AndRewritesTheLinks() {
    try (AwxSimulator awx = withHosts(205)) {
      JsonNode page = Api.admin(awx).get("/api/v2/hosts/?page_size=500").json();
      assertEquals(200, page.get("results").size());
      assertEquals("/api/v2/hosts/?page=2&page_size=200", page.get("next").asText());
    }
  }

  @Test
  void answersInvalidPageBeyondTheEnd() {
    try (AwxSimulator awx = withHosts(3)) {
      Api.Answer answer = Api.admin(awx).get("/api/v2/hosts/?page=2");
      assertEquals(404, answer.status());
      assertEquals("Invalid page.", answer.json().get("detail").asText());
    }
  }

  @Test
  void countDisabledReturnsOnlyResults() {
    try (AwxSimulator awx = withHosts(3)) {
      JsonNode page = Api.admin(awx).get("/api/v2/hosts/?count_disabled=1").json();
      assertFalse(page.has("count"));
      assertEquals(3, page.get("results").size());
    }
  }

  @Test
  void filtersWithLookupsAndOrders() {
    try (AwxSimulator awx = withHosts(12)) {
      Api api = Api.admin(awx);
      JsonNode page = api.get("/api/v2/hosts/?name__icontains=HOST01&order_by=-name").json();
      assertEquals(3, page.get("count").asInt());
      assertEquals("host012.example.com", page.get("results").get(0).get("name").asText());
      assertEquals(2, api.get("/api/v2/hosts/?name__in=host001.example.com,host002.example.com").json()
          .get("count").asInt());
      assertEquals(400, api.get("/api/v2/hosts/?no_such_field=1").status());
    }
  }
}
