package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.conduit.awx.simulator.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's one HTTP handler: records the request, applies injected faults, authenticates, strips the API root
 * and hands the rest to the {@link Router}. Each request is served holding the store's monitor.
 */
public final class Dispatcher implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int MAX_RECORDED = 10_000;
  private static final String PRODUCT_VERSION = "24.6.1";
  private static final String GATEWAY_ROOT = "/api/gateway/v1/";

  private final Store store;
  private final Auth auth;
  private final Router router;
  private final boolean gateway;
  private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
  private final List<Fault> faults = new ArrayList<>();

  /**
   * @param store the estate
   * @param passwords password by username
   * @param tokens username by token
   * @param gateway whether the API sits behind an AAP 2.5+ gateway ({@code /api/controller/v2/})
   * @param router what serves the API
   */
  public Dispatcher(Store store, Map<String, String> passwords, Map<String, String> tokens, boolean gateway,
      Router router) {
    this.store = store;
    this.auth = new Auth(passwords, store);
    synchronized (store) {
      store.tokens().putAll(tokens);
    }
    this.gateway = gateway;
    this.router = router;
  }

  /** Queues a fault for the next matching request. */
  public void inject(Fault fault) {
    synchronized (store) {
      faults.add(fault);
    }
  }

  /** A copy of the requests recorded so far. */
  public List<RecordedRequest> recorded() {
    synchronized (store) {
      return List.copyOf(recorded);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    try (exchange) {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = exchange.getRequestURI().getRawPath();
      String rawQuery = exchange.getRequestURI().getRawQuery();
      String bodyText;
      try (InputStream in = exchange.getRequestBody()) {
        bodyText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Response response;
      synchronized (store) {
        response = serve(method, path, rawQuery == null ? "" : rawQuery, bodyText,
            exchange.getRequestHeaders().getFirst("Authorization"));
        recorded.addLast(new RecordedRequest(method, path, rawQuery == null ? "" : rawQuery, bodyText,
            response.status()));
        if (recorded.size() > MAX_RECORDED) {
          recorded.removeFirst();
        }
      }
      write(exchange, method, response, System.nanoTime() - started);
    } catch (RuntimeException e) {
      LOG.warn("AWX simulator failed to serve {}", exchange.getRequestURI(), e);
    }
  }

  private Response serve(String method, String path, String rawQuery, String bodyText,
      @Nullable String authorization) {
    Response injected = takeFault(method, path);
    if (injected != null) {
      return injected;
    }
    try {
      return route(method, path, rawQuery, bodyText, authorization);
    } catch (ApiException e) {
      Response error = Response.json(e.status(), e.body());
      if (e.status() == 401) {
        return new Response(401, error.contentType(), error.body(),
            Map.of("WWW-Authenticate", "Bearer realm=api authorization_url=/api/o/authorize/"));
      }
      return error;
    } catch (RuntimeException e) {
      LOG.warn("AWX simulator error on {} {}", method, path, e);
      return Response.json(500, Json.of("detail", "A server error has occurred."));
    }
  }

  private Response route(String method, String path, String rawQuery, String bodyText,
      @Nullable String authorization)
      throws ApiException {
    if (!path.endsWith("/")) {
      // Django's APPEND_SLASH: AWX redirects to the path with a slash.
      String location = path + "/" + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
      return new Response(301, "", new byte[0], Map.of("Location", location));
    }
    if (path.equals("/api/")) {
      return Response.ok(gateway ? gatewayRoot() : apiRoot("/api/"));
    }
    if (gateway && path.equals("/api/controller/")) {
      return Response.ok(apiRoot("/api/controller/"));
    }
    String root = store.apiRoot();
    if (gateway && path.startsWith(GATEWAY_ROOT)) {
      // The platform gateway's own API: only what a client uses to log in and to check who it is.
      root = GATEWAY_ROOT;
      String first = path.substring(root.length()).split("/")[0];
      if (!Set.of("ping", "me", "tokens").contains(first)) {
        throw ApiException.detail(404, "The requested resource could not be found.");
      }
    } else if (!path.startsWith(root)) {
      throw ApiException.detail(404, "The requested resource could not be found.");
    }
    List<String> segments = new ArrayList<>(Arrays.asList(path.substring(root.length()).split("/")));
    segments.removeIf(String::isEmpty);
    // In a path a plus is a plus (named URLs use "++"); only the query treats it as a space.
    segments.replaceAll(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
    boolean open = segments.isEmpty() || segments.equals(List.of("ping"));
    ObjectNode user = open ? Json.object() : auth.authenticate(authorization);
    JsonNode body = parse(bodyText);
    Map<String, List<String>> query = parseQuery(rawQuery);
    String fullPath = path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    Request request = new Request(method, List.copyOf(segments), fullPath, query, body, user,
        store.instant());
    // Only superusers write: auditors and plain users (the simulator has no roles to grant them) may only read,
    // and create their own tokens.
    boolean ownToken = !segments.isEmpty() && segments.get(0).equals("tokens") && request.method().equals("POST");
    if (!open && !request.isRead() && !ownToken && !user.path("is_superuser").asBoolean()) {
      throw ApiException.forbidden();
    }
    return router.route(request);
  }

  private @Nullable Response takeFault(String method, String path) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault fault = it.next();
      if (fault.matches(method, path)) {
        it.remove();
        String type = fault.body().stripLeading().startsWith("{") ? "application/json" : "text/plain";
        return new Response(fault.status(), type, fault.body().getBytes(StandardCharsets.UTF_8), Map.of());
      }
    }
    return null;
  }

  private static JsonNode parse(String bodyText) throws ApiException {
    if (bodyText.isBlank()) {
      return Json.object();
    }
    try {
      return Json.MAPPER.readTree(bodyText);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.detail(400, "JSON parse error - " + e.getOriginalMessage());
    }
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private ObjectNode apiRoot(String base) {
    String v2 = base + "v2/";
    return Json.of("description", "AWX REST API", "current_version", v2, "available_versions", Map.of("v2", v2),
        "oauth2", "/api/o/", "custom_logo", "", "custom_login_info", "", "login_redirect_override", "");
  }

  private static ObjectNode gatewayRoot() {
    return Json.of("apis", Map.of("gateway", "/api/gateway/", "controller", "/api/controller/", "eda", "/api/eda/",
        "galaxy", "/api/galaxy/"));
  }

  private void write(HttpExchange exchange, String method, Response response, long nanos) throws IOException {
    var headers = exchange.getResponseHeaders();
    if (!response.contentType().isEmpty()) {
      headers.set("Content-Type", response.contentType());
    }
    response.headers().forEach(headers::set);
    headers.set("X-API-Product-Name", gateway ? "Red Hat Ansible Automation Platform" : "AWX");
    headers.set("X-API-Product-Version", PRODUCT_VERSION);
    headers.set("X-API-Node", "awx-simulator");
    headers.set("X-API-Request-Id", UUID.randomUUID().toString().replace("-", ""));
    String time = String.format(Locale.ROOT, "%.3fs", nanos / 1e9);
    headers.set("X-API-Time", time);
    headers.set("X-API-Total-Time", time);
    boolean noBody = response.body().length == 0 || method.equals("HEAD");
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      exchange.getResponseBody().write(response.body());
    }
  }
}
