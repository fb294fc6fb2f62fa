package dev.conduit.awx;

import static dev.conduit.awx.fake.FakeAwx.empty;
import static dev.conduit.awx.fake.FakeAwx.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.awx.fake.FakeAwx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwxClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

  private final FakeAwx awx = new FakeAwx();
  private final List<AwxClient> clients = new ArrayList<>();
  private int failures;

  @AfterEach
  void tearDown() {
    clients.forEach(AwxClient::close);
    awx.close();
  }

  private AwxClient client(AwxAuth auth) {
    AwxClient client = AwxClient.builder(awx.url()).auth(auth).apiPrefix("/api/v2/").retry(FAST).build();
    clients.add(client);
    return client;
  }

  private AwxClient client() {
    return client(AwxAuth.bearer("s3cret-token"));
  }

  @Test
  void sendsTheTokenAsBearer() {
    awx.get("/api/v2/jobs/1/", "{\"id\":1}");
    client().get("jobs/1/");
    assertEquals("Bearer s3cret-token", awx.only("GET", "/api/v2/jobs/1/").getHeaders().get("Authorization"));
  }

  @Test
  void sendsUserAndPasswordAsBasic() {
    awx.get("/api/v2/jobs/1/", "{\"id\":1}");
    client(AwxAuth.basic("admin", "pw")).get("jobs/1/");
    assertEquals("Basic YWRtaW46cHc=", awx.only("GET", "/api/v2/jobs/1/").getHeaders().get("Authorization"));
  }

  @Test
  void derivedClientsCarryTheirOwnCredentials() {
    awx.get("/api/v2/jobs/1/", "{\"id\":1}");
    AwxClient shared = client();
    shared.withAuth(AwxAuth.bearer("alice")).get("jobs/1/");
    shared.withAuth(AwxAuth.bearer("bob")).get("jobs/1/");
    List<RecordedRequest> seen = awx.requests("GET", "/api/v2/jobs/1/");
    assertEquals("Bearer alice", seen.get(0).getHeaders().get("Authorization"));
    assertEquals("Bearer bob", seen.get(1).getHeaders().get("Authorization"));
  }

  @Test
  void neverShowsSecretsInToString() {
    String text = client(AwxAuth.basic("admin", "hunter2")).toString() + client().toString();
    assertFalse(text.contains("hunter2"));
    assertFalse(text.contains("s3cret-token"));
  }

  @Test
  void detectsTheControllerPrefixBehindAGateway() {
    awx.get("/api/", "{\"apis\":{\"gateway\":\"/api/gateway/\",\"controller\":\"/api/controller/\"}}");
    awx.get("/api/controller/v2/jobs/1/", "{\"id\":1}");
    AwxClient client = AwxClient.builder(awx.url()).retry(FAST).build();
    clients.add(client);
    assertEquals(1, client.get("jobs/1/").path("id").asInt());
    assertEquals("/api/controller/v2/", client.apiPrefix());
  }

  @Test
  void detectsTheClassicPrefixFromTheApiRoot() {
    awx.get("/api/", "{\"description\":\"AWX REST API\",\"current_version\":\"/api/v2/\"}");
    AwxClient client = AwxClient.builder(awx.url()).retry(FAST).build();
    clients.add(client);
    assertEquals("/api/v2/", client.apiPrefix());
  }

  @Test
  void fallsBackToTheClassicPrefixWhenTheRootIsUnreadable() {
    AwxClient client = AwxClient.builder(awx.url()).retry(FAST).build();
    clients.add(client);
    assertEquals("/api/v2/", client.apiPrefix());
  }

  @Test
  void usesAnExplicitPrefixWithoutAsking() {
    AwxClient client = AwxClient.builder(awx.url()).apiPrefix("api/controller/v2").build();
    clients.add(client);
    assertEquals("/api/controller/v2/", client.apiPrefix());
    assertTrue(awx.requests().isEmpty());
  }

  @Test
  void followsRelativeAndAbsoluteNextLinks() {
    String absolute = awx.url() + "api/v2/hosts/?page=3";
    awx.on("GET", "/api/v2/hosts/", request -> switch (String.valueOf(request.getUrl().queryParameter("page"))) {
      case "2" -> json(200, "{\"count\":3,\"next\":\"" + absolute + "\",\"results\":[{\"id\":2}]}");
      case "3" -> json(200, "{\"count\":3,\"next\":null,\"results\":[{\"id\":3}]}");
      default -> json(200, "{\"count\":3,\"next\":\"/api/v2/hosts/?page=2\",\"results\":[{\"id\":1}]}");
    });
    List<Integer> ids = new ArrayList<>();
    client().all("hosts/", Map.of()).forEach(host -> ids.add(host.path("id").asInt()));
    assertEquals(List.of(1, 2, 3), ids);
  }

  @Test
  void walksPagesByNumberWhenCountIsDisabled() {
    awx.on("GET", "/api/v2/hosts/", request -> switch (String.valueOf(request.getUrl().queryParameter("page"))) {
      case "2" -> json(200, "{\"results\":[{\"id\":3}]}");
      default -> json(200, "{\"results\":[{\"id\":1},{\"id\":2}]}");
    });
    List<Integer> ids = new ArrayList<>();
    client().all("hosts/", Map.of("count_disabled", "1", "page_size", "2")).forEach(h -> ids.add(h.path("id").asInt()));
    assertEquals(List.of(1, 2, 3), ids);
  }

  @Test
  void capsThePageSizeAt200() {
    awx.get("/api/v2/hosts/", "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
    AwxPage page = client().page("hosts/", Map.of("page_size", "1000", "name__icontains", "web"));
    RecordedRequest request = awx.only("GET", "/api/v2/hosts/");
    assertEquals("200", request.getUrl().queryParameter("page_size"));
    assertEquals("web", request.getUrl().queryParameter("name__icontains"));
    assertEquals(0L, page.count());
  }

  @Test
  void readsAPageWithoutCount() {
    awx.get("/api/v2/jobs/1/job_events/", "{\"results\":[{\"id\":9}]}");
    AwxPage page = client().page("jobs/1/job_events/", Map.of("limit", "1"));
    assertNull(page.count());
    assertFalse(page.hasNext());
    assertEquals(1, page.results().size());
  }

  @Test
  void readsMeAsTheListItIs() {
    awx.get("/api/v2/me/", "{\"count\":1,\"next\":null,\"previous\":null,\"results\":[{\"id\":5,\"username\":\"ops\"}]}");
    assertEquals("ops", client().me().path("username").asText());
  }

  @Test
  void takesACancelAnsweredWith202AndNoBodyAsSuccess() {
    awx.on("POST", "/api/v2/jobs/7/cancel/", empty(202));
    client().cancel("jobs/7/cancel/");
    assertEquals(1, awx.requests("POST", "/api/v2/jobs/7/cancel/").size());
  }

  @Test
  void surfacesTheIgnoredFieldsOfALaunch() {
    awx.on("POST", "/api/v2/job_templates/7/launch/", json(201,
        "{\"job\":42,\"ignored_fields\":{\"limit\":\"web\"},\"id\":42,\"type\":\"job\",\"status\":\"pending\"}"));
    LaunchResult launch = client().launch("job_templates/7/launch/", Map.of("limit", "web"));
    assertEquals(42, launch.id());
    assertEquals("job", launch.type());
    assertEquals("web", launch.ignoredFields().path("limit").asText());
  }

  @Test
  void neverRetriesALaunchPost() {
    awx.on("POST", "/api/v2/job_templates/7/launch/", json(503, "{\"detail\":\"busy\"}"));
    AwxException e = assertThrows(AwxException.class, () -> client().launch("job_templates/7/launch/", null));
    assertEquals(503, e.status());
    assertEquals(1, awx.requests("POST", "/api/v2/job_templates/7/launch/").size());
  }

  @Test
  void neverRetriesAPostWhoseConnectionDropped() {
    awx.on("POST", "/api/v2/job_templates/7/launch/",
        new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    AwxException e = assertThrows(AwxException.class, () -> client().launch("job_templates/7/launch/", null));
    assertTrue(e.isConnectionFailure());
    assertEquals(1, awx.requests("POST", "/api/v2/job_templates/7/launch/").size());
  }

  @Test
  void neverRetriesADeleteOrAPatch() {
    awx.on("DELETE", "/api/v2/hosts/3/", json(502, "<html>bad gateway</html>"));
    awx.on("PATCH", "/api/v2/hosts/3/", json(504, ""));
    assertThrows(AwxException.class, () -> client().delete("hosts/3/"));
    assertThrows(AwxException.class, () -> client().patch("hosts/3/", Map.of("name", "x")));
    assertEquals(1, awx.requests("DELETE", "/api/v2/hosts/3/").size());
    assertEquals(1, awx.requests("PATCH", "/api/v2/hosts/3/").size());
  }

  @Test
  void retriesAGetThroughABurstOf5xx() {
    awx.on("GET", "/api/v2/jobs/1/", json(502, "<html>Bad Gateway</html>"))
        .on("GET", "/api/v2/jobs/1/", json(503, "{}"))
        .on("GET", "/api/v2/jobs/1/", json(200, "{\"id\":1}"));
    assertEquals(1, client().get("jobs/1/").path("id").asInt());
    assertEquals(3, awx.requests("GET", "/api/v2/jobs/1/").size());
  }

  @Test
  void retriesAGetAfter429WithRetryAfter() {
    awx.on("GET", "/api/v2/jobs/1/", new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build())
        .on("GET", "/api/v2/jobs/1/", json(200, "{\"id\":1}"));
    assertEquals(1, client().get("jobs/1/").path("id").asInt());
    assertEquals(2, awx.requests("GET", "/api/v2/jobs/1/").size());
  }

  @Test
  void retriesAGetAfterAConnectionError() {
    awx.on("GET", "/api/v2/jobs/1/",
            new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build())
        .on("GET", "/api/v2/jobs/1/", json(200, "{\"id\":1}"));
    assertEquals(1, client().get("jobs/1/").path("id").asInt());
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    awx.on("GET", "/api/v2/jobs/1/", json(503, "{\"detail\":\"Service Unavailable\"}"));
    AwxException e = assertThrows(AwxException.class, () -> client().get("jobs/1/"));
    assertEquals(503, e.status());
    assertEquals(3, awx.requests("GET", "/api/v2/jobs/1/").size());
  }

  @Test
  void doesNotRetryAClientError() {
    awx.on("GET", "/api/v2/jobs/1/", json(404, "{\"detail\":\"Not found.\"}"));
    assertThrows(AwxException.class, () -> client().get("jobs/1/"));
    assertEquals(1, awx.requests("GET", "/api/v2/jobs/1/").size());
  }

  @Test
  void reportsATimeoutAsAConnectionFailure() {
    awx.on("GET", "/api/v2/jobs/1/", new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build());
    AwxClient client = AwxClient.builder(awx.url()).apiPrefix("/api/v2/").readTimeout(Duration.ofMillis(200))
        .retry(RetryPolicy.none()).build();
    clients.add(client);
    AwxException e = assertThrows(AwxException.class, () -> client.get("jobs/1/"));
    assertTrue(e.isConnectionFailure());
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }

  @Test
  void reportsAMalformedBody() {
    awx.get("/api/v2/jobs/1/", "{\"id\": 1, ");
    AwxException e = assertThrows(AwxException.class, () -> client().get("jobs/1/"));
    assertTrue(e.awxMessage().contains("not JSON"));
  }

  @Test
  void mapsErrorMessagesInAwxOrder() {
    assertEquals("Not found.", failure(404, "{\"detail\":\"Not found.\",\"error\":\"x\"}").awxMessage());
    assertEquals("Resource is being used by running jobs.",
        failure(409, "{\"error\":\"Resource is being used by running jobs.\",\"active_jobs\":[{\"id\":12}]}")
            .awxMessage());
    assertEquals("\"id\" is required", failure(400, "{\"msg\":\"\\\"id\\\" is required\"}").awxMessage());
    assertEquals("Bad combination.", failure(400, "{\"__all__\":[\"Bad combination.\"]}").awxMessage());
    assertEquals("inventory: Required.; credentials: Cannot assign multiple Machine credentials.",
        failure(400, "{\"inventory\":[\"Required.\"],\"credentials\":[\"Cannot assign multiple Machine credentials.\"]}")
            .awxMessage());
  }

  @Test
  void keepsTheStatusBodyAndRequestIdOfAnError() {
    AwxException e = failure(403, "{\"detail\":\"You do not have permission to perform this action.\"}");
    assertEquals(403, e.status());
    assertEquals("req-403", e.requestId());
    assertTrue(e.body().contains("permission"));
    assertTrue(e.getMessage().contains("req-403"));
  }

  @Test
  void masksSecretsInAnErrorBody() {
    AwxException e = failure(400, "{\"inputs\":{\"password\":\"hunter2\"},\"detail\":\"bad\"}");
    assertFalse(e.body().contains("hunter2"));
  }

  @Test
  void refusesALinkToAnotherHost() {
    assertThrows(IllegalArgumentException.class, () -> client().get("https://evil.example.com/api/v2/me/"));
  }

  @Test
  void refusesAnEmptyCaBundle(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), "");
    assertThrows(IllegalArgumentException.class, () -> AwxClient.builder(awx.url()).caBundle(pem).build());
  }

  private AwxException failure(int status, String body) {
    String path = "fail" + failures++ + "/";
    awx.on("GET", "/api/v2/" + path, json(status, body));
    return assertThrows(AwxException.class, () -> client().get(path));
  }

  static JsonNode parse(String text) throws Exception {
    return JSON.readTree(text);
  }
}
