package dev.conduit.awx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode redact(String json) throws Exception {
    return Secrets.redact(JSON.readTree(json));
  }

  @Test
  void masksValuesUnderSecretLookingKeys() throws Exception {
    JsonNode out = redact("{\"name\":\"x\",\"api_token\":\"t\",\"nested\":{\"become_password\":\"p\"}}");
    assertEquals("x", out.path("name").asText());
    assertEquals("****", out.path("api_token").asText());
    assertEquals("****", out.path("nested").path("become_password").asText());
  }

  @Test
  void keepsAwxsOwnMask() throws Exception {
    assertEquals("$encrypted$", redact("{\"password\":\"$encrypted$\"}").path("password").asText());
  }

  @Test
  void masksEveryCredentialInputButTheHarmlessOnes() throws Exception {
    JsonNode inputs = redact("{\"inputs\":{\"username\":\"u\",\"ssh_key_data\":\"KEY\",\"vault_id\":\"v\","
        + "\"host\":\"h\"}}").path("inputs");
    assertEquals("u", inputs.path("username").asText());
    assertEquals("h", inputs.path("host").asText());
    assertEquals("****", inputs.path("ssh_key_data").asText());
    assertEquals("****", inputs.path("vault_id").asText());
  }

  @Test
  void masksWholeSecretObjects() throws Exception {
    JsonNode out = redact("{\"credential_passwords\":{\"ssh_password\":\"p\",\"list\":[\"a\"]}}");
    assertFalse(out.toString().contains("\"p\""));
    assertEquals("****", out.path("credential_passwords").path("list").get(0).asText());
  }

  @Test
  void keepsTheNamesOfPasswordsNeededToStart() throws Exception {
    JsonNode out = redact("{\"passwords_needed_to_start\":[\"ssh_password\"],\"ask_credential_on_launch\":true}");
    assertEquals("ssh_password", out.path("passwords_needed_to_start").get(0).asText());
  }

  @Test
  void masksAssignmentsInFreeText() {
    assertEquals("login password=**** user=bob", Secrets.maskText("login password=hunter2 user=bob"));
    assertEquals("{\"api_token\": \"****\"}", Secrets.maskText("{\"api_token\": \"abc123\"}"));
  }

  @Test
  void masksSecretsInErrorMessages() {
    assertEquals("bad value password=****", ErrorBodies.message("{\"detail\":\"bad value password=x\"}", ""));
  }
}
