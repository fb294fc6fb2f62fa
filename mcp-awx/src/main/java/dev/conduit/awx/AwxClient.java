package dev.conduit.awx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.internal.Exchange;
import dev.conduit.awx.internal.PageIterator;
import dev.conduit.awx.internal.Paths;
import dev.conduit.awx.internal.Tls;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of one AWX (or Ansible Automation Platform controller) over its REST API.
 *
 * <p>Paths are relative to the API prefix ({@code "jobs/42/"} becomes {@code /api/v2/jobs/42/} on AWX and
 * {@code /api/controller/v2/jobs/42/} through an AAP 2.5+ gateway); a path starting with {@code /} is taken from
 * the host root, as AWX's {@code url} and {@code related} links are; an absolute URL is accepted only on the same
 * host. The prefix is set on the builder or detected on first use.
 *
 * <p>Thread-safe. One client holds one connection pool; {@link #withAuth} derives clients that share it, so a
 * server can call AWX with each caller's credentials without global state. Only GETs are retried (see {@link
 * RetryPolicy}).
 */
public final class AwxClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AwxClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  /** AWX's own cap on page sizes (an administrator may raise it, never this client). */
  public static final int MAX_PAGE_SIZE = 200;

  private final OkHttpClient http;
  private final HttpUrl baseUrl;
  private final AwxAuth auth;
  private final RetryPolicy retry;
  private final Paths paths;
  private final boolean ownsPool;

  private AwxClient(OkHttpClient http, HttpUrl baseUrl, AwxAuth auth, RetryPolicy retry, Paths paths,
      boolean ownsPool) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.auth = auth;
    this.retry = retry;
    this.paths = paths;
    this.ownsPool = ownsPool;
  }

  /** Starts a client of the AWX at {@code baseUrl} (scheme, host, port; such as {@code https://awx.example.com}). */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** A client with other credentials that shares this one's connection pool, TLS settings and API prefix. */
  public AwxClient withAuth(AwxAuth auth) {
    return new AwxClient(http, baseUrl, Objects.requireNonNull(auth, "auth"), retry, paths, false);
  }

  /** The base URL. */
  public String baseUrl() {
    return baseUrl.toString();
  }

  /** The API prefix, such as {@code /api/v2/}; detected with a request to AWX the first time if not set. */
  public String apiPrefix() {
    return paths.prefix(this::detectPrefix);
  }

  /** GETs a JSON object (or array). */
  public JsonNode get(String path) {
    return get(path, Map.of());
  }

  /** GETs a JSON object (or array) with query parameters (filters, {@code search}, {@code order_by}...). */
  public JsonNode get(String path, Map<String, String> query) {
    return json(send("GET", url(path, query), null));
  }

  /** GETs a text body, such as {@code jobs/{id}/stdout/?format=txt}. */
  public String getText(String path, Map<String, String> query) {
    return send("GET", url(path, query), null).body();
  }

  /** POSTs {@code body} (a record, a map or a {@link JsonNode}; {@code null} for none); never retried. */
  public JsonNode post(String path, @Nullable Object body) {
    return json(send("POST", url(path, Map.of()), body == null ? JSON.createObjectNode() : body));
  }

  /** PATCHes {@code body}; never retried. */
  public JsonNode patch(String path, Object body) {
    return json(send("PATCH", url(path, Map.of()), body));
  }

  /** DELETEs an object; never retried. A 204 (or 202) is success. */
  public void delete(String path) {
    send("DELETE", url(path, Map.of()), null);
  }

  /**
   * One page of a list. {@code page_size} above {@value #MAX_PAGE_SIZE} is lowered to it. A body that is a bare
   * JSON array (such as {@code projects/{id}/playbooks/}) becomes one page holding its items.
   */
  public AwxPage page(String path, Map<String, String> query) {
    return toPage(get(path, capped(query)));
  }

  /** The page a {@code next} or {@code previous} link of an earlier page points to. */
  public AwxPage page(String link) {
    return toPage(get(link));
  }

  /**
   * Every object of a list, fetched page by page as the iteration goes, following the {@code next} links (or
   * counting pages when AWX sends none, as with {@code count_disabled}).
   */
  public Iterable<JsonNode> all(String path, Map<String, String> query) {
    Map<String, String> first = capped(query);
    return () -> new PageIterator(this, path, first);
  }

  /** The authenticated user: {@code me/} is a list of one, so this is its only item. */
  public JsonNode me() {
    AwxPage page = page("me/", Map.of());
    if (page.results().isEmpty()) {
      throw new AwxException(200, "GET", apiPrefix() + "me/", "AWX returned no user", null, null, null);
    }
    return page.results().get(0);
  }

  /** {@code ping/}: version, instances, instance groups. Needs no credentials, so it proves reachability only. */
  public JsonNode ping() {
    return get("ping/");
  }

  /**
   * POSTs a launch ({@code job_templates/{id}/launch/}, {@code workflow_job_templates/{id}/launch/}, a relaunch,
   * an ad hoc command...). Never retried: a lost answer must not become a second job.
   */
  public LaunchResult launch(String path, @Nullable Object body) {
    JsonNode answer = post(path, body);
    long id = answer.path("id").asLong(0);
    String type = answer.path("type").asText("");
    for (String key : List.of("job", "workflow_job", "ad_hoc_command", "project_update", "inventory_update")) {
      if (answer.path(key).canConvertToLong()) {
        id = answer.path(key).asLong();
        type = key;
        break;
      }
    }
    JsonNode ignored = answer.path("ignored_fields");
    ObjectNode ignoredFields = ignored.isObject() ? (ObjectNode) ignored.deepCopy() : JSON.createObjectNode();
    return new LaunchResult(id, type, ignoredFields, answer);
  }

  /**
   * POSTs a cancel ({@code jobs/{id}/cancel/} and its kin). AWX answers 202 with an empty body, which is success.
   *
   * @throws AwxException with status 405 when the job can no longer be cancelled
   */
  public void cancel(String path) {
    send("POST", url(path, Map.of()), JSON.createObjectNode());
  }

  /** Closes the pooled connections, if this client owns the pool (clients from {@link #withAuth} do not). */
  @Override
  public void close() {
    if (ownsPool) {
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "AwxClient[" + baseUrl + ", auth=" + auth + "]";
  }

  /** The URL of {@code path} (see the class comment) with {@code query}. */
  HttpUrl url(String path, Map<String, String> query) {
    HttpUrl url = paths.resolve(baseUrl, path, this::detectPrefix);
    if (query.isEmpty()) {
      return url;
    }
    HttpUrl.Builder builder = url.newBuilder();
    query.forEach(builder::setQueryParameter);
    return builder.build();
  }

  private Exchange.Answer send(String method, HttpUrl url, @Nullable Object body) {
    Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json")
        .header("User-Agent", "conduit-awx");
    String authorization = auth.authorizationHeader();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    RequestBody payload = null;
    if (body != null) {
      try {
        payload = RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
      } catch (IOException e) {
        throw new IllegalArgumentException("The request body cannot be written as JSON", e);
      }
    }
    return Exchange.send(http, request.method(method, payload).build(), retry);
  }

  private JsonNode json(Exchange.Answer answer) {
    if (answer.body().isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new AwxException(answer.status(), answer.method(), answer.path(), "AWX sent a body that is not JSON",
          null, answer.requestId(), e);
    }
  }

  private static Map<String, String> capped(Map<String, String> query) {
    String size = query.get("page_size");
    if (size == null) {
      return query;
    }
    Map<String, String> copy = new LinkedHashMap<>(query);
    try {
      copy.put("page_size", Integer.toString(Math.max(1, Math.min(MAX_PAGE_SIZE, Integer.parseInt(size.trim())))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("page_size is not a number: " + size, e);
    }
    return copy;
  }

  private static AwxPage toPage(JsonNode body) {
    if (body.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      body.forEach(items::add);
      return new AwxPage((long) items.size(), null, null, items);
    }
    List<JsonNode> results = new ArrayList<>();
    body.path("results").forEach(results::add);
    JsonNode count = body.get("count");
    return new AwxPage(count != null && count.canConvertToLong() ? count.asLong() : null,
        text(body.get("next")), text(body.get("previous")), results);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }

  private String detectPrefix() {
    try {
      JsonNode root = json(send("GET", baseUrl.resolve("/api/"), null));
      String found = Paths.prefixFromRoot(root);
      log.debug("AWX at {} uses the API prefix {}", baseUrl, found);
      return found;
    } catch (AwxException e) {
      log.debug("AWX at {} did not describe its API root ({}); using {}", baseUrl, e.awxMessage(), Paths.DEFAULT);
      return Paths.DEFAULT;
    }
  }

  /** Builds an {@link AwxClient}. */
  public static final class Builder {
    private final HttpUrl baseUrl;
    private AwxAuth auth = AwxAuth.none();
    private @Nullable String apiPrefix;
    private boolean verifyTls = true;
    private @Nullable Path caBundle;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private RetryPolicy retry = RetryPolicy.defaults();

    private Builder(String baseUrl) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      if (parsed == null) {
        throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl);
      }
      this.baseUrl = parsed.newBuilder().encodedPath("/").query(null).build();
    }

    /** The credentials (default: none). */
    public Builder auth(AwxAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** The API prefix, such as {@code /api/v2/} or {@code /api/controller/v2/}; default: detected on first use. */
    public Builder apiPrefix(@Nullable String apiPrefix) {
      this.apiPrefix = apiPrefix == null ? null : Paths.normalizePrefix(apiPrefix);
      return this;
    }

    /** Whether to check AWX's certificate (default true). {@code false} is for test installations only. */
    public Builder verifyTls(boolean verify) {
      this.verifyTls = verify;
      return this;
    }

    /** Trusts the CA certificates of this PEM file instead of the JDK's. */
    public Builder caBundle(@Nullable Path pemFile) {
      this.caBundle = pemFile;
      return this;
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** How long to wait for an answer (default 30 s). */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** How GETs are retried (default {@link RetryPolicy#defaults()}). */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    /** Builds the client and its connection pool. */
    public AwxClient build() {
      OkHttpClient.Builder http = new OkHttpClient.Builder()
          .connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(readTimeout)
          .retryOnConnectionFailure(false);
      if (!verifyTls) {
        log.warn("TLS verification is OFF for AWX at {}: any certificate will be accepted", baseUrl);
        Tls.trustAnything(http);
      } else if (caBundle != null) {
        Tls.trustBundle(http, caBundle);
      }
      return new AwxClient(http.build(), baseUrl, auth, retry, new Paths(apiPrefix), true);
    }
  }
}
