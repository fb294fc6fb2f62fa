package dev.conduit.observability.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void redactsSecretLikeFieldsAtAnyDepthAndInArrays() throws Exception {
    JsonNode input = JSON.readTree("""
        {"name": "x", "token": "t", "deep": {"deeper": [{"Private_Key": "k", "ok": 1}]},
         "db": {"PASSWORD": {"nested": "p"}}}""");
    JsonNode redacted = SecretRedactor.defaults().redact(input);
    assertEquals(JSON.readTree("""
        {"name": "x", "token": "[REDACTED]", "deep": {"deeper": [{"Private_Key": "[REDACTED]", "ok": 1}]},
         "db": {"PASSWORD": "[REDACTED]"}}"""), redacted);
    assertEquals("t", input.get("token").asText());
  }

  @Test
  void redactsFieldsMatchingAConfiguredPattern() throws Exception {
    SecretRedactor redactor = SecretRedactor.defaults().and(Pattern.compile("(?i)ssn"));
    JsonNode redacted = redactor.redact(JSON.readTree("{\"ssn\": \"123\", \"name\": \"ada\"}"));
    assertEquals("[REDACTED]", redacted.get("ssn").asText());
    assertEquals("ada", redacted.get("name").asText());
  }

  @Test
  void replacesOnlyTheConfiguredPatternsWhenAskedTo() {
    SecretRedactor redactor = SecretRedactor.matching(Pattern.compile("pin"));
    assertTrue(redactor.isSecret("pin"));
    assertFalse(redactor.isSecret("password"));
  }

  @Test
  void stripsUserInfoQueryAndFragmentFromAUri() {
    SecretRedactor redactor = SecretRedactor.defaults();
    assertEquals("https://[REDACTED]@host/path?[REDACTED]",
        redactor.redactUri("https://user:pw@host/path?token=abc"));
    assertEquals("file:///etc/app.conf", redactor.redactUri("file:///etc/app.conf"));
    assertEquals("users://42", redactor.redactUri("users://42"));
  }
}
