package dev.conduit.awx;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the client authenticates to AWX. A token ({@code Authorization: Bearer}) is preferred; Basic works unless
 * the administrator disabled it. The secrets never appear in {@link #toString()}.
 */
public sealed interface AwxAuth {

  /** The value of the {@code Authorization} header, or {@code null} to send none. */
  @Nullable String authorizationHeader();

  /** An OAuth2 or personal access token, sent as {@code Authorization: Bearer <token>}. */
  static AwxAuth bearer(String token) {
    return new Bearer(token);
  }

  /** A user name and password, sent as {@code Authorization: Basic}. */
  static AwxAuth basic(String username, String password) {
    return new Basic(username, password);
  }

  /** No credentials (only {@code ping/} answers). */
  static AwxAuth none() {
    return None.INSTANCE;
  }

  /** Token authentication. */
  final class Bearer implements AwxAuth {
    private final String token;

    private Bearer(String token) {
      if (Objects.requireNonNull(token, "token").isBlank()) {
        throw new IllegalArgumentException("The AWX token is blank");
      }
      this.token = token;
    }

    @Override
    public String authorizationHeader() {
      return "Bearer " + token;
    }

    @Override
    public String toString() {
      return "Bearer[token=****]";
    }
  }

  /** Basic authentication. */
  final class Basic implements AwxAuth {
    private final String username;
    private final String password;

    private Basic(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
    }

    /** The user name (not a secret). */
    public String username() {
      return username;
    }

    @Override
    public String authorizationHeader() {
      String pair = username + ":" + password;
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "Basic[username=" + username + ", password=****]";
    }
  }

  /** No authentication. */
  final class None implements AwxAuth {
    private static final None INSTANCE = new None();

    private None() {}

    @Override
    public @Nullable String authorizationHeader() {
      return null;
    }

    @Override
    public String toString() {
      return "None";
    }
  }
}
