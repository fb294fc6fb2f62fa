package dev.conduit.awx.env;

import dev.conduit.awx.AwxAuth;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * AWX credentials a caller sent with one HTTP request ({@code X-AWX-Base-URL}, {@code X-AWX-Token}, {@code
 * X-AWX-Username} + {@code X-AWX-Password}, {@code X-AWX-Verify-SSL}). They live for that request only and are never
 * written into shared state. {@link #toString()} hides the secrets.
 *
 * @param baseUrl the AWX to call, or {@code null} for the session's environment; honoured only when it is on the
 *     configured allowlist
 * @param auth the credentials, or {@code null} for the environment's own
 * @param verifySsl the caller's TLS choice, or {@code null} for the environment's
 */
public record HeaderCredentials(@Nullable String baseUrl, @Nullable AwxAuth auth, @Nullable Boolean verifySsl) {

  /** The header with the AWX base URL. */
  public static final String BASE_URL = "X-AWX-Base-URL";
  /** The header with a token. */
  public static final String TOKEN = "X-AWX-Token";
  /** The header with a user name. */
  public static final String USERNAME = "X-AWX-Username";
  /** The header with a password. */
  public static final String PASSWORD = "X-AWX-Password";
  /** The header with {@code true} or {@code false}. */
  public static final String VERIFY_SSL = "X-AWX-Verify-SSL";

  /**
   * Reads the headers through {@code header} (name to first value, or {@code null}); {@code null} when none is set.
   * A token wins over a user name and password.
   *
   * @throws IllegalArgumentException if a user name comes without a password or the TLS flag is not a boolean
   */
  public static @Nullable HeaderCredentials from(Function<String, @Nullable String> header) {
    String baseUrl = blankToNull(header.apply(BASE_URL));
    String token = blankToNull(header.apply(TOKEN));
    String username = blankToNull(header.apply(USERNAME));
    String password = header.apply(PASSWORD);
    String verify = blankToNull(header.apply(VERIFY_SSL));
    if (baseUrl == null && token == null && username == null && verify == null) {
      return null;
    }
    AwxAuth auth = null;
    if (token != null) {
      auth = AwxAuth.bearer(token);
    } else if (username != null) {
      if (password == null) {
        throw new IllegalArgumentException(USERNAME + " needs " + PASSWORD);
      }
      auth = AwxAuth.basic(username, password);
    }
    Boolean verifySsl = null;
    if (verify != null) {
      if (!verify.equalsIgnoreCase("true") && !verify.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(VERIFY_SSL + " must be true or false");
      }
      verifySsl = Boolean.parseBoolean(verify);
    }
    return new HeaderCredentials(baseUrl, auth, verifySsl);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
