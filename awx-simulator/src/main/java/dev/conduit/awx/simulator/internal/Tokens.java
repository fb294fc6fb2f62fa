package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Personal access tokens: {@code POST tokens/} (or {@code users/{id}/personal_tokens/}) creates one for the caller
 * and shows its value once; lists show {@code ************}; {@code DELETE tokens/{id}/} revokes it.
 */
final class Tokens {

  private static final String HIDDEN = "************";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;

  Tokens(Store store) {
    this.store = store;
  }

  /** Serves a token path, or returns null when the path is not one. */
  @Nullable Response handle(Request request) throws ApiException {
    List<String> s = request.segments();
    boolean personal = s.size() == 3 && s.get(0).equals("users")
        && (s.get(2).equals("personal_tokens") || s.get(2).equals("tokens"));
    if (!s.get(0).equals("tokens") && !personal) {
      return null;
    }
    if (personal) {
      ObjectNode user = NamedUrls.find(store, "users", s.get(1));
      if (request.method().equals("POST")) {
        return create(request, user);
      }
      return list(request, user.get("id").asInt());
    }
    if (s.size() == 1) {
      return request.method().equals("POST") ? create(request, request.user()) : list(request, null);
    }
    ObjectNode token = NamedUrls.find(store, "tokens", s.get(1));
    return switch (request.method()) {
      case "GET", "HEAD" -> Response.ok(masked(token));
      case "DELETE" -> {
        store.tokens().remove(store.hidden("tokens", token.get("id").asInt()).path("token").asText());
        store.remove("tokens", token.get("id").asInt());
        yield Response.empty(204);
      }
      default -> throw ApiException.methodNotAllowed(request.method());
    };
  }

  private Response list(Request request, @Nullable Integer userId) throws ApiException {
    if (!request.isRead()) {
      throw ApiException.methodNotAllowed(request.method());
    }
    List<ObjectNode> tokens = store.all("tokens").stream()
        .filter(t -> userId == null || t.path("user").asInt() == userId).map(this::masked).toList();
    return Response.ok(Pager.page(request, tokens));
  }

  private ObjectNode masked(ObjectNode token) {
    ObjectNode copy = token.deepCopy();
    copy.put("token", HIDDEN);
    return copy;
  }

  private Response create(Request request, ObjectNode user) throws ApiException {
    ObjectNode body = request.bodyObject();
    String scope = body.path("scope").asText("write");
    if (!scope.equals("read") && !scope.equals("write")) {
      throw ApiException.field("scope", "Must be a simple space-separated string with allowed scopes [u'read', "
          + "u'write'].");
    }
    int id = store.nextId("tokens");
    byte[] bytes = new byte[22];
    RANDOM.nextBytes(bytes);
    StringBuilder value = new StringBuilder();
    for (byte b : bytes) {
      value.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    int userId = user.get("id").asInt();
    String now = store.now();
    ObjectNode token = Json.of("id", id, "type", "o_auth2_access_token", "url", store.link("tokens", id),
        "related", Json.of("user", store.link("users", userId), "activity_stream",
            store.link("tokens", id, "activity_stream")),
        "summary_fields", Json.of("user", Json.of("id", userId, "username", user.path("username").asText(),
            "first_name", user.path("first_name").asText(), "last_name", user.path("last_name").asText())),
        "created", now, "modified", now, "description", body.path("description").asText(""),
        "user", userId, "token", value.toString(), "refresh_token", null, "application", null,
        "expires", Store.format(store.instant().plus(Duration.ofDays(365L * 1000))), "scope", scope);
    store.put("tokens", token);
    store.hidden("tokens", id).put("token", value.toString());
    store.tokens().put(value.toString(), user.path("username").asText());
    return Response.created(201, token, token.get("url").asText());
  }
}
