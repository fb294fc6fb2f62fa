package dev.conduit.awx.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.awx.AwxAuth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwxEnvironmentsTest {

  @TempDir Path dir;

  private Path config(String json) throws Exception {
    return Files.writeString(dir.resolve("awx.json"), json);
  }

  @Test
  void readsEnvironmentsFromTheConfigFile() throws Exception {
    Path file = config("""
        {"default_environment": "prod",
         "environments": [
           {"name": "lab", "base_url": "http://awx.lab:8052", "username": "admin", "password": "pw",
            "verify_ssl": false},
           {"name": "prod", "base_url": "https://aap.example.com", "api_prefix": "api/controller/v2",
            "token_env": "PROD_TOKEN", "default_organization": "Ops",
            "allowed_job_templates": [7, "Deploy"], "allowed_inventories": [1]}]}""");
    AwxEnvironments envs = AwxEnvironments.load(file, Map.of("PROD_TOKEN", "t0k"));
    assertEquals("prod", envs.defaultEnvironment().name());
    AwxEnvironment prod = envs.find("prod").orElseThrow();
    assertEquals("Bearer t0k", prod.auth().authorizationHeader());
    assertEquals(List.of("7", "Deploy"), prod.allowedJobTemplates());
    assertTrue(prod.allowsJobTemplate(9, "Deploy"));
    assertFalse(prod.allowsJobTemplate(9, "Other"));
    assertFalse(prod.allowsInventory(2, null));
    AwxEnvironment lab = envs.find("lab").orElseThrow();
    assertFalse(lab.verifySsl());
    assertInstanceOf(AwxAuth.Basic.class, lab.auth());
  }

  @Test
  void readsTheAwxVariables() {
    AwxEnvironments envs = AwxEnvironments.load(null, Map.of("AWX_BASE_URL", "https://awx.example.com",
        "AWX_USERNAME", "admin", "AWX_PASSWORD", "pw", "AWX_VERIFY_SSL", "false", "AWX_API_PREFIX", "/api/v2/",
        "AWX_CA_BUNDLE", "/etc/ca.pem"));
    AwxEnvironment env = envs.defaultEnvironment();
    assertEquals("default", env.name());
    assertFalse(env.verifySsl());
    assertEquals("/api/v2/", env.apiPrefix());
    assertEquals(Path.of("/etc/ca.pem"), env.caBundle());
  }

  @Test
  void prefersTheTokenVariableOverUserAndPassword() {
    AwxEnvironments envs = AwxEnvironments.load(null, Map.of("AWX_BASE_URL", "https://awx.example.com",
        "AWX_TOKEN", "tok", "AWX_USERNAME", "admin", "AWX_PASSWORD", "pw"));
    assertEquals("Bearer tok", envs.defaultEnvironment().auth().authorizationHeader());
  }

  @Test
  void addsTheVariablesEnvironmentToTheFileOnes() throws Exception {
    Path file = config("{\"environments\":[{\"name\":\"lab\",\"base_url\":\"http://awx.lab\"}]}");
    AwxEnvironments envs = AwxEnvironments.load(file, Map.of("AWX_BASE_URL", "https://other", "AWX_ENVIRONMENT", "x"));
    assertEquals(List.of("lab", "x"), envs.all().stream().map(AwxEnvironment::name).toList());
    assertEquals("lab", envs.defaultEnvironment().name());
  }

  @Test
  void refusesAnUnknownField() throws Exception {
    Path file = config("{\"environments\":[{\"name\":\"lab\",\"base_url\":\"http://a\",\"tokn\":\"x\"}]}");
    assertThrows(IllegalArgumentException.class, () -> AwxEnvironments.load(file, Map.of()));
  }

  @Test
  void refusesAnEmptyConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> AwxEnvironments.load(null, Map.of()));
  }

  @Test
  void neverPrintsSecrets() throws Exception {
    Path file = config("{\"environments\":[{\"name\":\"lab\",\"base_url\":\"http://a\",\"username\":\"u\","
        + "\"password\":\"hunter2\"},{\"name\":\"b\",\"base_url\":\"http://b\",\"token\":\"tok-secret\"}]}");
    String text = AwxEnvironments.load(file, Map.of()).all().toString();
    assertFalse(text.contains("hunter2"));
    assertFalse(text.contains("tok-secret"));
  }

  @Test
  void matchesHeaderBaseUrlsOnlyAgainstTheAllowlist() {
    AwxEnvironments envs = AwxEnvironments.of(
        List.of(AwxEnvironment.of("lab", "https://awx.lab/", AwxAuth.none())), null, List.of("https://awx.extra"));
    assertEquals("lab", envs.forBaseUrl("https://AWX.lab").orElseThrow().name());
    assertTrue(envs.forBaseUrl("https://awx.extra/").isPresent());
    assertTrue(envs.forBaseUrl("http://awx.lab").isEmpty());
    assertTrue(envs.forBaseUrl("http://169.254.169.254").isEmpty());
    assertTrue(envs.forBaseUrl("not a url").isEmpty());
  }

  @Test
  void sharesOnePoolPerInstallation() {
    AwxEnvironments envs = AwxEnvironments.of(List.of(AwxEnvironment.of("lab", "https://awx.lab", AwxAuth.none())),
        null);
    AwxEnvironment lab = envs.defaultEnvironment();
    assertEquals(envs.client(lab).baseUrl(), envs.client(lab.withAuth(AwxAuth.bearer("x"))).baseUrl());
    envs.close();
  }

  @Test
  void readsHeaderCredentials() {
    Map<String, String> headers = Map.of("X-AWX-Token", "t", "X-AWX-Verify-SSL", "false");
    HeaderCredentials creds = HeaderCredentials.from(headers::get);
    assertEquals("Bearer t", creds.auth().authorizationHeader());
    assertEquals(Boolean.FALSE, creds.verifySsl());
    assertNull(HeaderCredentials.from(name -> null));
    assertThrows(IllegalArgumentException.class, () -> HeaderCredentials.from(Map.of("X-AWX-Username", "u")::get));
  }
}
