package dev.conduit.awx.env;

import dev.conduit.awx.AwxAuth;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One AWX installation the server may talk to, with the credentials to use and what they may touch.
 *
 * @param name the name tools and callers use for it
 * @param baseUrl scheme, host and port, such as {@code https://awx.example.com}
 * @param apiPrefix the API prefix, or {@code null} to detect it
 * @param auth the credentials (their {@code toString} hides the secrets)
 * @param verifySsl whether AWX's certificate is checked; {@code false} only when explicitly configured
 * @param caBundle a PEM file of CA certificates to trust instead of the JDK's, or {@code null}
 * @param defaultOrganization the organization name new objects go to when the caller names none, or {@code null}
 * @param allowedJobTemplates ids or names of the job templates that may be launched; empty means all
 * @param allowedInventories ids or names of the inventories that may be used or changed; empty means all
 */
public record AwxEnvironment(
    String name,
    String baseUrl,
    @Nullable String apiPrefix,
    AwxAuth auth,
    boolean verifySsl,
    @Nullable Path caBundle,
    @Nullable String defaultOrganization,
    List<String> allowedJobTemplates,
    List<String> allowedInventories) {

  /** Checks and copies the values. */
  public AwxEnvironment {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_.-]{1,100}")) {
      throw new IllegalArgumentException("An environment name is 1-100 letters, digits, '_', '.' or '-': " + name);
    }
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(auth, "auth");
    allowedJobTemplates = List.copyOf(allowedJobTemplates);
    allowedInventories = List.copyOf(allowedInventories);
  }

  /** An environment with default settings: TLS verified, no allowlists, prefix detected. */
  public static AwxEnvironment of(String name, String baseUrl, AwxAuth auth) {
    return new AwxEnvironment(name, baseUrl, null, auth, true, null, null, List.of(), List.of());
  }

  /** A copy with other credentials. */
  public AwxEnvironment withAuth(AwxAuth auth) {
    return new AwxEnvironment(name, baseUrl, apiPrefix, auth, verifySsl, caBundle, defaultOrganization,
        allowedJobTemplates, allowedInventories);
  }

  /** A copy with TLS verification on or off. */
  public AwxEnvironment withVerifySsl(boolean verify) {
    return new AwxEnvironment(name, baseUrl, apiPrefix, auth, verify, caBundle, defaultOrganization,
        allowedJobTemplates, allowedInventories);
  }

  /** A copy with an API prefix. */
  public AwxEnvironment withApiPrefix(@Nullable String prefix) {
    return new AwxEnvironment(name, baseUrl, prefix, auth, verifySsl, caBundle, defaultOrganization,
        allowedJobTemplates, allowedInventories);
  }

  /** A copy with allowlists (ids or names; empty allows all). */
  public AwxEnvironment withAllowlists(List<String> jobTemplates, List<String> inventories) {
    return new AwxEnvironment(name, baseUrl, apiPrefix, auth, verifySsl, caBundle, defaultOrganization,
        jobTemplates, inventories);
  }

  /** Whether the job template with this id and name may be launched. */
  public boolean allowsJobTemplate(long id, @Nullable String templateName) {
    return allows(allowedJobTemplates, id, templateName);
  }

  /** Whether the inventory with this id and name may be used. */
  public boolean allowsInventory(long id, @Nullable String inventoryName) {
    return allows(allowedInventories, id, inventoryName);
  }

  /** Whether an inventory allowlist is set. */
  public boolean restrictsInventories() {
    return !allowedInventories.isEmpty();
  }

  private static boolean allows(List<String> allowed, long id, @Nullable String objectName) {
    return allowed.isEmpty() || allowed.contains(Long.toString(id))
        || objectName != null && allowed.contains(objectName);
  }
}
