package dev.conduit.protocol.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of {@code elicitation/create}: a form to fill in ({@link ElicitRequestFormParams}) or a URL to
 * visit ({@link ElicitRequestURLParams}, 2025-11-25).
 *
 * <p>Told apart by {@code mode}: {@code "url"} is URL mode; {@code "form"}, an absent mode (2025-06-18) and any other
 * value are read as a form, which then binds or fails on its own fields.
 */
@JsonDeserialize(using = ElicitRequestParams.Deserializer.class)
public sealed interface ElicitRequestParams permits ElicitRequestFormParams, ElicitRequestURLParams {

  /** URL mode's {@code mode}. */
  String URL_MODE = "url";

  /** Form mode's {@code mode}. */
  String FORM_MODE = "form";

  /** The mode as sent; a form may leave it out. */
  @Nullable String mode();

  /** What the user is asked, and why. */
  String message();

  /** Asks for the elicitation to run as a task (2025-11-25). */
  @Nullable TaskMetadata task();

  /** The {@code _meta} object. */
  @Nullable Meta meta();

  /** A copy with another {@code _meta}. */
  ElicitRequestParams withMeta(@Nullable Meta meta);

  /** Dispatches on {@code mode}. */
  final class Deserializer extends JsonDeserializer<ElicitRequestParams> {
    @Override
    public ElicitRequestParams deserialize(JsonParser in, DeserializationContext context) throws IOException {
      JsonNode tree = context.readTree(in);
      if (!tree.isObject()) {
        return context.reportInputMismatch(ElicitRequestParams.class, "elicitation parameters must be an object");
      }
      Class<? extends ElicitRequestParams> kind =
          URL_MODE.equals(tree.path("mode").asText(null))
              ? ElicitRequestURLParams.class
              : ElicitRequestFormParams.class;
      return context.readTreeAsValue(tree, kind);
    }
  }
}
