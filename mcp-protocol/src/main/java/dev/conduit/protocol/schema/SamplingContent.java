package dev.conduit.protocol.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The content of a sampling message or result: one block, or (since 2025-11-25) an array of blocks. Which of the two
 * arrived is remembered, so that re-encoding writes the same shape.
 */
@JsonSerialize(using = SamplingContent.Serializer.class)
@JsonDeserialize(using = SamplingContent.Deserializer.class)
public final class SamplingContent {

  private final List<ContentBlock> blocks;
  private final boolean array;

  private SamplingContent(List<ContentBlock> blocks, boolean array) {
    this.blocks = blocks;
    this.array = array;
  }

  /** One block, written as a single object. */
  public static SamplingContent of(ContentBlock block) {
    return new SamplingContent(List.of(Objects.requireNonNull(block, "block")), false);
  }

  /** Several blocks, written as an array. */
  public static SamplingContent of(List<? extends ContentBlock> blocks) {
    return new SamplingContent(List.copyOf(blocks), true);
  }

  /** Every block, in order. */
  public List<ContentBlock> blocks() {
    return blocks;
  }

  /** Whether the content is an array of blocks rather than a single one. */
  public boolean isArray() {
    return array;
  }

  /** The first text block's text, or {@code null} when there is none. */
  public @Nullable String text() {
    for (ContentBlock block : blocks) {
      if (block instanceof TextContent text) {
        return text.text();
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SamplingContent content && content.array == array && content.blocks.equals(blocks);
  }

  @Override
  public int hashCode() {
    return blocks.hashCode() * 31 + (array ? 1 : 0);
  }

  @Override
  public String toString() {
    return array ? blocks.toString() : blocks.get(0).toString();
  }

  static final class Serializer extends JsonSerializer<SamplingContent> {
    @Override
    public void serialize(SamplingContent content, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (!content.array) {
        write(content.blocks.get(0), out, provider);
        return;
      }
      out.writeStartArray();
      for (ContentBlock each : content.blocks) {
        write(each, out, provider);
      }
      out.writeEndArray();
    }

    // The serializer must be the block's own class's: ContentBlock's writes the type id and no fields.
    private static void write(ContentBlock block, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      provider.findTypedValueSerializer(block.getClass(), true, null).serialize(block, out, provider);
    }
  }

  static final class Deserializer extends JsonDeserializer<SamplingContent> {
    @Override
    public SamplingContent deserialize(JsonParser in, DeserializationContext context) throws IOException {
      if (in.currentToken() == JsonToken.START_ARRAY) {
        JavaType list = context.getTypeFactory().constructCollectionType(List.class, ContentBlock.class);
        List<ContentBlock> blocks = context.readValue(in, list);
        return of(blocks);
      }
      return of(context.readValue(in, ContentBlock.class));
    }
  }
}
