package dev.conduit.awx.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.awx.AwxClient;
import dev.conduit.awx.env.internal.ConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The named AWX environments a server knows, its default one, the base URLs callers may name in {@code
 * X-AWX-Base-URL}, and one pooled {@link AwxClient} per installation.
 *
 * <p>Configuration file ({@link #load}):
 *
 * <pre>{@code
 * {
 *   "default_environment": "prod",
 *   "allowed_base_urls": ["https://awx-lab.example.com"],
 *   "environments": [
 *     {"name": "prod", "base_url": "https://aap.example.com", "api_prefix": "/api/controller/v2/",
 *      "token_env": "PROD_AWX_TOKEN", "verify_ssl": true, "ca_bundle": "/etc/pki/aap-ca.pem",
 *      "default_organization": "Default", "allowed_job_templates": [7, "Deploy web"], "allowed_inventories": [1]}
 *   ]
 * }
 * }</pre>
 *
 * <p>Secrets may be inline ({@code token}, {@code password}) or, better, named variables ({@code token_env},
 * {@code password_env}). The {@code AWX_*} variables ({@code AWX_BASE_URL}, {@code AWX_TOKEN}, {@code
 * AWX_USERNAME}/{@code AWX_PASSWORD}, {@code AWX_VERIFY_SSL}, {@code AWX_CA_BUNDLE}, {@code AWX_API_PREFIX}, and
 * {@code AWX_ENVIRONMENT}, {@code AWX_DEFAULT_ORGANIZATION}, {@code AWX_ALLOWED_JOB_TEMPLATES}, {@code
 * AWX_ALLOWED_INVENTORIES}) add one more environment.
 */
public final class AwxEnvironments implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, AwxEnvironment> environments;
  private final String defaultName;
  private final List<String> extraBaseUrls;
  private final Map<PoolKey, AwxClient> pools = new ConcurrentHashMap<>();

  private AwxEnvironments(Map<String, AwxEnvironment> environments, String defaultName, List<String> extraBaseUrls) {
    this.environments = environments;
    this.defaultName = defaultName;
    this.extraBaseUrls = extraBaseUrls.stream().map(AwxEnvironments::origin).toList();
  }

  /**
   * Environments given in code.
   *
   * @param defaultName the default one's name, or {@code null} for the first
   * @throws IllegalArgumentException if there is none, two share a name, or the default is unknown
   */
  public static AwxEnvironments of(List<AwxEnvironment> environments, @Nullable String defaultName) {
    return of(environments, defaultName, List.of());
  }

  /** Environments given in code, plus base URLs a caller may name in {@code X-AWX-Base-URL}. */
  public static AwxEnvironments of(List<AwxEnvironment> environments, @Nullable String defaultName,
      List<String> allowedBaseUrls) {
    Map<String, AwxEnvironment> byName = new LinkedHashMap<>();
    for (AwxEnvironment environment : environments) {
      if (byName.put(environment.name(), environment) != null) {
        throw new IllegalArgumentException("Two AWX environments are named " + environment.name());
      }
    }
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("No AWX environment is configured");
    }
    String chosen = defaultName != null ? defaultName : byName.keySet().iterator().next();
    if (!byName.containsKey(chosen)) {
      throw new IllegalArgumentException("The default AWX environment '" + chosen + "' is not configured");
    }
    return new AwxEnvironments(byName, chosen, allowedBaseUrls);
  }

  /**
   * Environments from a configuration file (if {@code configFile} is not null) and from the {@code AWX_*} entries of
   * {@code variables} (pass {@code System.getenv()} in production, a map in tests).
   *
   * @throws IllegalArgumentException if the file is invalid or nothing is configured
   */
  public static AwxEnvironments load(@Nullable Path configFile, Map<String, String> variables) {
    List<AwxEnvironment> found = new ArrayList<>();
    String defaultName = null;
    List<String> allowed = List.of();
    if (configFile != null) {
      JsonNode root;
      try {
        root = JSON.readTree(Files.readString(configFile));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the AWX configuration " + configFile, e);
      }
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("The AWX configuration must be a JSON object");
      }
      root.path("environments").forEach(node -> found.add(ConfigReader.environment(node, variables)));
      defaultName = root.hasNonNull("default_environment") ? root.get("default_environment").asText() : null;
      allowed = ConfigReader.strings(root.get("allowed_base_urls"));
    }
    AwxEnvironment fromVariables = ConfigReader.fromVariables(variables);
    if (fromVariables != null) {
      found.add(fromVariables);
      if (defaultName == null && configFile == null) {
        defaultName = fromVariables.name();
      }
    }
    return of(found, defaultName, allowed);
  }

  /** Every environment, in configuration order. */
  public List<AwxEnvironment> all() {
    return List.copyOf(environments.values());
  }

  /** The environment named {@code name}, if configured. */
  public Optional<AwxEnvironment> find(String name) {
    return Optional.ofNullable(environments.get(name));
  }

  /** The default environment. */
  public AwxEnvironment defaultEnvironment() {
    return environments.get(defaultName);
  }

  /**
   * The environment a caller-supplied base URL stands for: the configured environment with that URL, or, for a URL
   * on the {@code allowed_base_urls} list, a fresh environment with no credentials of its own. Empty for any other
   * URL: a caller must not make the server call arbitrary hosts.
   */
  public Optional<AwxEnvironment> forBaseUrl(String baseUrl) {
    String wanted;
    try {
      wanted = origin(baseUrl);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (AwxEnvironment environment : environments.values()) {
      if (origin(environment.baseUrl()).equals(wanted)) {
        return Optional.of(environment);
      }
    }
    if (extraBaseUrls.contains(wanted)) {
      String name = HttpUrl.get(wanted).host().replaceAll("[^A-Za-z0-9_.-]", "_");
      return Optional.of(AwxEnvironment.of(name, wanted, dev.conduit.awx.AwxAuth.none()));
    }
    return Optional.empty();
  }

  /**
   * A client for {@code environment} with its credentials. Clients of the same installation and TLS settings share
   * one connection pool, whatever their credentials.
   */
  public AwxClient client(AwxEnvironment environment) {
    PoolKey key = new PoolKey(origin(environment.baseUrl()), environment.apiPrefix(), environment.verifySsl(),
        environment.caBundle());
    AwxClient pooled = pools.computeIfAbsent(key, k -> AwxClient.builder(k.origin()).apiPrefix(k.apiPrefix())
        .verifyTls(k.verifySsl()).caBundle(k.caBundle()).build());
    return pooled.withAuth(environment.auth());
  }

  /** Closes every pool. */
  @Override
  public void close() {
    pools.values().forEach(AwxClient::close);
    pools.clear();
  }

  private static String origin(String url) {
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("Not an http(s) URL: " + url);
    }
    return parsed.scheme() + "://" + parsed.host().toLowerCase(Locale.ROOT) + ":" + parsed.port();
  }

  private record PoolKey(String origin, @Nullable String apiPrefix, boolean verifySsl, @Nullable Path caBundle) {}
}
