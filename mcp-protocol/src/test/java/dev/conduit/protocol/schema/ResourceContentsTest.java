package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

/** Resource contents carry no type tag: which of {@code text} and {@code blob} is present decides the record. */
class ResourceContentsTest {

  @Test
  void contentsWithTextAreTextContents() {
    ResourceContents contents =
        assertRoundTrip("{\"uri\": \"file:///a\", \"mimeType\": \"text/plain\", \"text\": \"a\"}",
            ResourceContents.class);
    assertEquals("a", assertInstanceOf(TextResourceContents.class, contents).text());
  }

  @Test
  void contentsWithBlobAreBlobContents() {
    ResourceContents contents = assertRoundTrip("{\"uri\": \"file:///b\", \"blob\": \"AAE=\"}", ResourceContents.class);
    assertEquals("AAE=", assertInstanceOf(BlobResourceContents.class, contents).blob());
  }

  @Test
  void contentsWithBothAreTextContentsKeepingTheBlobAsAnUnknownField() {
    ResourceContents contents =
        assertRoundTrip("{\"uri\": \"file:///c\", \"text\": \"t\", \"blob\": \"AAE=\"}", ResourceContents.class);
    TextResourceContents text = assertInstanceOf(TextResourceContents.class, contents);
    assertEquals("AAE=", text.additionalFields().get("blob").textValue());
  }

  @Test
  void unknownFieldsAndMetaOfBlobContentsSurvive() {
    BlobResourceContents contents =
        assertInstanceOf(
            BlobResourceContents.class,
            assertRoundTrip("{\"uri\": \"u\", \"blob\": \"AA==\", \"size\": 1, \"_meta\": {\"a\": 1}}",
                ResourceContents.class));
    assertEquals(1, contents.additionalFields().get("size").intValue());
    assertEquals(1, contents.meta().get("a").intValue());
  }

  @Test
  void embeddedResourceDecodesItsContentsByShape() {
    EmbeddedResource embedded =
        assertInstanceOf(
            EmbeddedResource.class,
            assertRoundTrip("{\"type\": \"resource\", \"resource\": {\"uri\": \"u\", \"blob\": \"AA==\"}}",
                ContentBlock.class));
    assertInstanceOf(BlobResourceContents.class, embedded.resource());
  }
}
