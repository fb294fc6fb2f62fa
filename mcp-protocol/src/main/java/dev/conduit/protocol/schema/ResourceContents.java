package dev.conduit.protocol.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The contents of a resource: {@link TextResourceContents} or {@link BlobResourceContents}.
 *
 * <p>The wire has no type tag: contents with a {@code blob} and no {@code text} are binary, everything else is text
 * (and fails to bind, naming {@code text}, when {@code text} is missing too).
 */
@JsonDeserialize(using = ResourceContents.Deserializer.class)
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {

  /** The resource's URI. */
  String uri();

  /** The resource's type, if known. */
  @Nullable String mimeType();

  /** The {@code _meta} object. */
  @Nullable Meta meta();

  /** Tells text from binary contents by which of {@code text} and {@code blob} is present. */
  final class Deserializer extends JsonDeserializer<ResourceContents> {
    @Override
    public ResourceContents deserialize(JsonParser in, DeserializationContext context) throws IOException {
      JsonNode tree = context.readTree(in);
      if (!tree.isObject()) {
        return context.reportInputMismatch(ResourceContents.class, "resource contents must be an object");
      }
      Class<? extends ResourceContents> kind =
          tree.has("blob") && !tree.has("text") ? BlobResourceContents.class : TextResourceContents.class;
      return context.readTreeAsValue(tree, kind);
    }
  }
}
