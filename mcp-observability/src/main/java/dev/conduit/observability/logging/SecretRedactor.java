package dev.conduit.observability.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replaces the values of secret-like fields in JSON before it is logged: any field, at any depth, whose name matches
 * one of the patterns. The defaults match names containing {@code password}, {@code passwd}, {@code pwd}, {@code
 * token}, {@code secret}, {@code key}, {@code authorization}, {@code credential}, {@code cookie} or {@code
 * private}, in any case (so {@code apiKey}, {@code X-Auth-Token} and {@code client_secret} are all redacted).
 * Immutable.
 */
public final class SecretRedactor {

  /** What a redacted value becomes. */
  public static final String REDACTED = "[REDACTED]";

  private static final Pattern DEFAULT =
      Pattern.compile("(?i).*(passw|pwd|token|secret|key|authori[sz]ation|credential|cookie|private).*");

  private final List<Pattern> patterns;

  private SecretRedactor(List<Pattern> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  /** A redactor with the default patterns. */
  public static SecretRedactor defaults() {
    return new SecretRedactor(List.of(DEFAULT));
  }

  /** A redactor with only {@code patterns}, each matched against a whole field name. */
  public static SecretRedactor matching(Pattern... patterns) {
    return new SecretRedactor(List.of(patterns));
  }

  /** This redactor, also redacting fields whose whole name matches {@code pattern}. */
  public SecretRedactor and(Pattern pattern) {
    List<Pattern> more = new ArrayList<>(patterns);
    more.add(Objects.requireNonNull(pattern, "pattern"));
    return new SecretRedactor(more);
  }

  /** Whether a field named {@code name} holds a secret. */
  public boolean isSecret(String name) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /** A copy of {@code json} with the value of every secret-like field, however deep, replaced; arrays included. */
  public JsonNode redact(JsonNode json) {
    if (json instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        copy.set(field.getKey(), isSecret(field.getKey()) ? TextNode.valueOf(REDACTED) : redact(field.getValue()));
      }
      return copy;
    }
    if (json instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode(array.size());
      array.forEach(element -> copy.add(redact(element)));
      return copy;
    }
    return json;
  }

  /**
   * {@code uri} without what may hold a credential: its user info, query and fragment are replaced; text that is
   * not a URI is redacted whole.
   */
  public String redactUri(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return REDACTED;
    }
    String userInfo = parsed.getRawUserInfo();
    if (userInfo == null && parsed.getRawQuery() == null && parsed.getRawFragment() == null) {
      return uri;
    }
    int query = uri.indexOf('?');
    int fragment = uri.indexOf('#');
    int cut = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
    StringBuilder out = new StringBuilder(cut < 0 ? uri : uri.substring(0, cut));
    if (userInfo != null) {
      int at = out.indexOf(userInfo + "@");
      out.replace(at, at + userInfo.length(), REDACTED);
    }
    if (query >= 0 && (fragment < 0 || query < fragment)) {
      out.append('?').append(REDACTED);
    }
    if (fragment >= 0) {
      out.append('#').append(REDACTED);
    }
    return out.toString();
  }
}
