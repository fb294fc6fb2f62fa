package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Basic and Bearer authentication as AWX answers them. AWX appends its login hint to every 401 detail
 * ({@code APIView.finalize_response}), so the bodies here carry it too.
 */
final class Auth {

  static final String LOGIN_HINT = " To establish a login session, visit /api/login/.";

  private final Map<String, String> passwords;
  private final Store store;

  /** @param passwords password by username; tokens are looked up in the store, where the API can add them */
  Auth(Map<String, String> passwords, Store store) {
    this.passwords = Map.copyOf(passwords);
    this.store = store;
  }

  /** The user the {@code Authorization} header names, or a 401. */
  ObjectNode authenticate(@Nullable String authorization) throws ApiException {
    if (authorization == null || authorization.isBlank()) {
      throw notProvided();
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    String scheme = space < 0 ? value : value.substring(0, space);
    String credentials = space < 0 ? "" : value.substring(space + 1).trim();
    if (scheme.equalsIgnoreCase("Bearer")) {
      String username = store.tokens().get(credentials);
      // An unknown token authenticates nobody; with no other scheme left, AWX says nothing was provided.
      if (username == null) {
        throw notProvided();
      }
      return user(username);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw unauthorized("Invalid basic header. Credentials not correctly base64 encoded.");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw unauthorized("Invalid basic header. Credentials not correctly base64 encoded.");
      }
      String username = decoded.substring(0, colon);
      String password = decoded.substring(colon + 1);
      String expected = passwords.containsKey(username) ? passwords.get(username) : storedPassword(username);
      if (!password.equals(expected)) {
        throw unauthorized("Invalid username/password.");
      }
      return user(username);
    }
    throw notProvided();
  }

  /** The password of a user created through the API, or null. */
  private @Nullable String storedPassword(String username) {
    for (ObjectNode user : store.all("users")) {
      if (username.equals(Json.str(user, "username"))) {
        return Json.str(store.hidden("users", user.get("id").asInt()), "password");
      }
    }
    return null;
  }

  private ObjectNode user(String username) throws ApiException {
    for (ObjectNode user : store.all("users")) {
      if (username.equals(Json.str(user, "username"))) {
        return user;
      }
    }
    throw unauthorized("Invalid username/password.");
  }

  static ApiException notProvided() {
    return unauthorized("Authentication credentials were not provided.");
  }

  private static ApiException unauthorized(String message) {
    return ApiException.detail(401, message + LOGIN_HINT);
  }
}
