package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Signs and checks the {@code requestState} of modern {@code input_required} results.
 *
 * <p>The state carries the answers of earlier rounds, so that a handler replayed on the client's retry finds them.
 * It is HMAC-SHA256 signed and bound to the request it belongs to (method, target, a digest of the parameters), to
 * the authenticated principal when there is one, and to an expiry; a client can neither forge answers nor replay them
 * on another request, by another user, or later.
 */
final class RequestStates {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Duration ttl;

  RequestStates(byte[] key, Duration ttl) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.ttl = ttl;
  }

  /** What a state is bound to. */
  record Binding(String method, @Nullable String target, String digest, @Nullable String principal) {}

  /** The content of a verified state: the keys asked in the last round, and every answer so far. */
  record Contents(List<String> asked, Map<String, JsonNode> answers) {}

  String encode(Binding binding, List<String> asked, Map<String, JsonNode> answers) {
    ObjectNode payload = Json.MAPPER.createObjectNode();
    payload.put("v", 1);
    payload.put("m", binding.method());
    payload.put("t", binding.target());
    payload.put("d", binding.digest());
    payload.put("p", binding.principal());
    payload.put("x", System.currentTimeMillis() + ttl.toMillis());
    ArrayNode keys = payload.putArray("q");
    asked.forEach(keys::add);
    ObjectNode known = payload.putObject("a");
    answers.forEach(known::set);
    String body = ENCODER.encodeToString(bytes(payload));
    return body + "." + ENCODER.encodeToString(sign(body));
  }

  /**
   * Verifies a state presented with a request.
   *
   * @throws McpException with code -32602 if the state is forged, expired, or belongs to another request
   */
  Contents decode(String state, Binding binding) {
    int dot = state.indexOf('.');
    if (dot <= 0) {
      throw invalid("malformed");
    }
    String body = state.substring(0, dot);
    byte[] signature;
    try {
      signature = DECODER.decode(state.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid("malformed");
    }
    if (!MessageDigest.isEqual(signature, sign(body))) {
      throw invalid("signature does not match");
    }
    JsonNode payload;
    try {
      payload = Json.MAPPER.readTree(DECODER.decode(body));
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("malformed");
    }
    if (payload.path("x").asLong() < System.currentTimeMillis()) {
      throw invalid("expired");
    }
    if (!binding.method().equals(payload.path("m").asText())
        || !Objects.equals(binding.target(), text(payload.get("t")))
        || !binding.digest().equals(payload.path("d").asText())) {
      throw invalid("it belongs to another request");
    }
    if (!Objects.equals(binding.principal(), text(payload.get("p")))) {
      throw invalid("it belongs to another principal");
    }
    List<String> asked = new ArrayList<>();
    payload.path("q").forEach(key -> asked.add(key.asText()));
    Map<String, JsonNode> answers = new LinkedHashMap<>();
    payload.path("a").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue()));
    return new Contents(asked, answers);
  }

  /** A digest of a request's parameters, ignoring {@code _meta} and the input-round fields. */
  static String digest(@Nullable JsonNode params) {
    TreeMap<String, JsonNode> salient = new TreeMap<>();
    if (params != null && params.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        if (!name.equals("_meta") && !name.equals("inputResponses") && !name.equals("requestState")) {
          salient.put(name, field.getValue());
        }
      }
    }
    StringBuilder canonical = new StringBuilder();
    canonicalize(Json.MAPPER.valueToTree(salient), canonical);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  // Object members in key order, so that the same arguments give the same digest however they were written.
  private static void canonicalize(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(quote(e.getKey()));
        out.append(':');
        canonicalize(e.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        canonicalize(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static String quote(String text) {
    return Json.MAPPER.getNodeFactory().textNode(text).toString();
  }

  private byte[] sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static McpException invalid(String why) {
    return McpException.invalidParams("Invalid requestState: " + why);
  }
}
