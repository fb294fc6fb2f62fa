package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A hint for choosing a model in sampling.
 *
 * @param name a model name or a part of one, such as {@code "claude-3-5-sonnet"} or {@code "sonnet"}; the client
 *     may map it to an equivalent model of another provider
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ModelHint(@Nullable String name, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ModelHint {
    additionalFields = Checks.additional(additionalFields);
  }

  /** A hint naming {@code name}. */
  public static ModelHint of(String name) {
    return new ModelHint(name, Map.of());
  }
}
