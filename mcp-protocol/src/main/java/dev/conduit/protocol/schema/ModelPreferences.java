package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server's preferences for the model a client picks for sampling; advisory only. Priorities range from 0 to 1.
 *
 * @param hints model names to consider, most preferred first
 * @param costPriority how much a low cost matters
 * @param speedPriority how much a fast answer matters
 * @param intelligencePriority how much capability matters
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record ModelPreferences(
    @Nullable List<ModelHint> hints,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double costPriority,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double speedPriority,
    @JsonSerialize(using = CompactDoubleSerializer.class) @Nullable Double intelligencePriority,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public ModelPreferences {
    hints = Checks.optionalList(hints);
    additionalFields = Checks.additional(additionalFields);
  }

  /** Preferences naming models only. */
  public static ModelPreferences hints(String... names) {
    return new ModelPreferences(Arrays.stream(names).map(ModelHint::of).toList(), null, null, null, Map.of());
  }
}
