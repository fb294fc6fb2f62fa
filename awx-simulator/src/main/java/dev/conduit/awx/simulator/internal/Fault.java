package dev.conduit.awx.simulator.internal;

import java.util.regex.Pattern;

/**
 * An injected failure: the next request that matches is answered with this status and body instead of being served.
 *
 * @param method the HTTP method to match, upper case
 * @param path a pattern the whole request path must match
 * @param status the status to answer with
 * @param body the body to answer with (JSON when it starts with a brace, plain text otherwise)
 */
public record Fault(String method, Pattern path, int status, String body) {

  /** Whether this fault answers a request. */
  public boolean matches(String method, String path) {
    return this.method.equalsIgnoreCase(method) && this.path.matcher(path).matches();
  }
}
