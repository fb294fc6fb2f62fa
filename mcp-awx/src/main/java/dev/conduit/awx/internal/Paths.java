package dev.conduit.awx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The API prefix of one AWX (set or detected once) and how paths and links become URLs. */
public final class Paths {

  /** The prefix of AWX and of AAP up to 2.4. */
  public static final String DEFAULT = "/api/v2/";

  /** The controller's prefix behind an AAP 2.5+ platform gateway. */
  public static final String CONTROLLER = "/api/controller/v2/";

  private volatile @Nullable String prefix;

  /** Paths with a fixed prefix, or one to detect ({@code null}). */
  public Paths(@Nullable String prefix) {
    this.prefix = prefix;
  }

  /** The prefix, detecting it with {@code detect} the first time. */
  public String prefix(Supplier<String> detect) {
    String known = prefix;
    if (known == null) {
      synchronized (this) {
        known = prefix;
        if (known == null) {
          known = normalizePrefix(detect.get());
          prefix = known;
        }
      }
    }
    return known;
  }

  /**
   * The URL of {@code path}: an absolute URL (which must be on the base URL's host: credentials never go
   * elsewhere), a host-root path ({@code /api/v2/jobs/1/}, as in AWX's links), or a path under the API prefix.
   */
  public HttpUrl resolve(HttpUrl base, String path, Supplier<String> detect) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      HttpUrl url = HttpUrl.parse(path);
      if (url == null || !url.scheme().equals(base.scheme()) || !url.host().equalsIgnoreCase(base.host())
          || url.port() != base.port()) {
        throw new IllegalArgumentException("Refusing a link to another host than " + base.host());
      }
      return url;
    }
    if (path.contains("..")) {
      throw new IllegalArgumentException("Refusing a path with '..': " + path);
    }
    String full = path.startsWith("/") ? path : prefix(detect) + path;
    HttpUrl url = base.resolve(full);
    if (url == null) {
      throw new IllegalArgumentException("Not a valid AWX path: " + path);
    }
    return url;
  }

  /**
   * The prefix announced by AWX's {@code /api/} root: a gateway lists the controller under {@code /api/controller/}
   * and AWX names its {@code current_version}; anything else means the classic {@code /api/v2/}.
   */
  public static String prefixFromRoot(JsonNode root) {
    JsonNode controller = root.path("apis").path("controller");
    if (controller.isTextual() || root.toString().contains("/api/controller/")) {
      return CONTROLLER;
    }
    JsonNode current = root.path("current_version");
    if (current.isTextual() && current.asText().startsWith("/api/")) {
      return normalizePrefix(current.asText());
    }
    return DEFAULT;
  }

  /** {@code api/v2} and {@code /api/v2} become {@code /api/v2/}. */
  public static String normalizePrefix(String prefix) {
    String trimmed = prefix.trim();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("The API prefix is empty");
    }
    String withLead = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    return withLead.endsWith("/") ? withLead : withLead + "/";
  }
}
