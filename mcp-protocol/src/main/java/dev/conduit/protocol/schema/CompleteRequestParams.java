package dev.conduit.protocol.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code completion/complete}: suggest values for one argument of a prompt or template.
 *
 * @param ref the prompt or resource template the argument belongs to
 * @param argument the argument and what the user has typed so far
 * @param context what else is known, such as arguments already filled in (2025-06-18)
 * @param meta the {@code _meta} object
 * @param additionalFields fields this library does not know, kept as they arrived
 */
public record CompleteRequestParams(
    CompletionReference ref,
    Argument argument,
    @Nullable Context context,
    @JsonProperty("_meta") @Nullable Meta meta,
    @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {

  public CompleteRequestParams {
    Checks.required(ref, "ref");
    Checks.required(argument, "argument");
    additionalFields = Checks.additional(additionalFields);
  }

  /** Asks for values of argument {@code name} of {@code ref}, starting from {@code value}. */
  public static CompleteRequestParams of(CompletionReference ref, String name, String value) {
    return new CompleteRequestParams(ref, new Argument(name, value, Map.of()), null, null, Map.of());
  }

  /** A copy with the arguments already filled in. */
  public CompleteRequestParams withContext(@Nullable Map<String, String> arguments) {
    return new CompleteRequestParams(ref, argument, new Context(arguments, Map.of()), meta, additionalFields);
  }

  /** A copy with another {@code _meta}. */
  public CompleteRequestParams withMeta(@Nullable Meta meta) {
    return new CompleteRequestParams(ref, argument, context, meta, additionalFields);
  }

  /**
   * The argument being completed.
   *
   * @param name the argument's name
   * @param value what the user has typed so far
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Argument(
      String name, String value, @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Argument {
      Checks.required(name, "name");
      Checks.required(value, "value");
      additionalFields = Checks.additional(additionalFields);
    }
  }

  /**
   * What else the server may use to complete (2025-06-18).
   *
   * @param arguments arguments already filled in, by name
   * @param additionalFields fields this library does not know, kept as they arrived
   */
  public record Context(
      @Nullable Map<String, String> arguments,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> additionalFields) {
    public Context {
      arguments = Checks.optionalMap(arguments);
      additionalFields = Checks.additional(additionalFields);
    }
  }
}
