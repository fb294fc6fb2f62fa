package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** AWX never sends a secret back: secret inputs answer {@code $encrypted$}. */
final class Secrets {

  static final String ENCRYPTED = "$encrypted$";
  private static final Set<String> NOTIFICATION_SECRETS = Set.of("password", "token", "account_token",
      "service_key", "secret", "client_secret", "headers");

  private Secrets() {}

  /** The inputs as the API shows them: secret fields of the credential type replaced by {@code $encrypted$}. */
  static JsonNode mask(Store store, JsonNode inputs, ObjectNode credential, ObjectNode input) {
    JsonNode typeId = input.has("credential_type") ? input.get("credential_type") : credential.get("credential_type");
    Set<String> secret = new HashSet<>(Set.of("password", "ssh_key_data", "ssh_key_unlock", "become_password",
        "vault_password", "secret", "token", "authorize_password"));
    ObjectNode type = typeId != null && typeId.canConvertToInt() ? store.get("credential_types", typeId.asInt())
        : null;
    if (type != null) {
      for (JsonNode field : type.path("inputs").path("fields")) {
        if (field.path("secret").asBoolean()) {
          secret.add(field.path("id").asText());
        }
      }
    }
    ObjectNode masked = Json.object();
    for (Map.Entry<String, JsonNode> entry : inputs.properties()) {
      boolean hide = secret.contains(entry.getKey()) && !entry.getValue().asText().isEmpty();
      masked.set(entry.getKey(), hide ? Json.MAPPER.valueToTree(ENCRYPTED) : entry.getValue());
    }
    return masked;
  }

  /** The notification configuration as the API shows it. */
  static JsonNode maskNotification(JsonNode configuration) {
    ObjectNode masked = ((ObjectNode) configuration).deepCopy();
    for (String key : NOTIFICATION_SECRETS) {
      if (masked.has(key) && !masked.get(key).asText().isEmpty()) {
        masked.put(key, ENCRYPTED);
      }
    }
    return masked;
  }

  /** Sets {@code kind} and {@code cloud}, which AWX derives from the credential type. */
  static void describeCredential(Store store, ObjectNode credential) {
    ObjectNode type = credential.path("credential_type").canConvertToInt()
        ? store.get("credential_types", credential.get("credential_type").asInt()) : null;
    if (type != null) {
      String namespace = type.path("namespace").asText(type.path("kind").asText());
      credential.put("kind", namespace);
      credential.put("cloud", type.path("kind").asText().equals("cloud"));
    }
  }
}
