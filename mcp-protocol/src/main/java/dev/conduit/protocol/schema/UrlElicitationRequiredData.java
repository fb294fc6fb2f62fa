package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The {@code error.data} of a {@code URLElicitationRequiredError} (code -32042, 2025-11-25): the request cannot go
 * on until the user has completed these URL-mode elicitations.
 *
 * @param elicitations the elicitations to complete
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record UrlElicitationRequiredData(
    List<ElicitRequestURLParams> elicitations,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public UrlElicitationRequiredData {
    elicitations = Checks.requiredList(elicitations, "elicitations");
    additionalFields = Checks.additional(additionalFields);
  }

  /** The user must complete {@code elicitations}. */
  public static UrlElicitationRequiredData of(ElicitRequestURLParams... elicitations) {
    return new UrlElicitationRequiredData(List.of(elicitations), Map.of());
  }
}
