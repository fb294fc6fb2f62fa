package dev.conduit.awx.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SecretsTest extends DemoEstateTest {

  @Test
  void sendingBackEncryptedKeepsTheStoredSecret() {
    int credential = api.post(V2 + "credentials/", "{\"name\":\"asks\",\"credential_type\":1,\"organization\":1,"
        + "\"inputs\":{\"username\":\"u\",\"password\":\"ASK\"}}").json().get("id").asInt();
    assertEquals(204, api.post(V2 + "job_templates/3/credentials/", "{\"id\":" + credential + "}").status());
    assertEquals(200, api.send("PATCH", V2 + "credentials/" + credential + "/",
        "{\"inputs\":{\"username\":\"u2\",\"password\":\"$encrypted$\"}}").status());
    JsonNode launch = api.get(V2 + "job_templates/3/launch/").json();
    assertEquals("ssh_password", launch.get("passwords_needed_to_start").get(0).asText());
    Api.Answer refused = api.post(V2 + "job_templates/3/launch/", "{}");
    assertEquals(400, refused.status());
    assertEquals("ssh_password", refused.json().get("passwords_needed_to_start").get(0).asText());
    assertEquals(201, api.post(V2 + "job_templates/3/launch/",
        "{\"credential_passwords\":{\"ssh_password\":\"pw\"}}").status());
  }

  @Test
  void aJobShowsSurveyPasswordAnswersEncrypted() {
    assertEquals(200, api.post(V2 + "job_templates/3/survey_spec/", "{\"name\":\"s\",\"description\":\"\","
        + "\"spec\":[{\"question_name\":\"Token\",\"variable\":\"api_token\",\"type\":\"password\","
        + "\"required\":true}]}").status());
    assertEquals(200, api.send("PATCH", V2 + "job_templates/3/", "{\"survey_enabled\":true}").status());
    Api.Answer launch = api.post(V2 + "job_templates/3/launch/", "{\"extra_vars\":{\"api_token\":\"t0p\"}}");
    assertEquals(201, launch.status());
    assertEquals("{\"api_token\":\"$encrypted$\"}", launch.json().get("extra_vars").asText());
  }
}
