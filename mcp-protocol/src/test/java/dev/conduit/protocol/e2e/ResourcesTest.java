package dev.conduit.protocol.e2e;

import static dev.conduit.protocol.e2e.E2e.client;
import static dev.conduit.protocol.e2e.E2e.connect;
import static dev.conduit.protocol.e2e.E2e.fails;
import static dev.conduit.protocol.e2e.E2e.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.e2e.E2e.BothEras;
import dev.conduit.protocol.schema.BlobResourceContents;
import dev.conduit.protocol.schema.ReadResourceResult;
import dev.conduit.protocol.schema.Resource;
import dev.conduit.protocol.schema.ResourceTemplate;
import dev.conduit.protocol.schema.TextResourceContents;
import dev.conduit.protocol.server.McpServer;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Specifies resources end to end, in both eras: listing, reading text and binary resources, resource templates and
 * the variables a read extracts from the URI, failing handlers, the era's error code for an unknown resource, and
 * legacy {@code resources/subscribe}: update notifications arrive while, and only while, the client is subscribed.
 */
class ResourcesTest {

  private static final byte[] PIXEL = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff};

  private final McpServer server = McpServer.builder()
      .resource(Resource.of("mem://readme", "readme").withMimeType("text/plain"),
          (uri, ctx) -> ReadResourceResult.of(TextResourceContents.of(uri, "text/plain", "Read me first")))
      .resource(Resource.of("mem://logo", "logo").withMimeType("image/png"),
          (uri, ctx) -> ReadResourceResult.of(
              BlobResourceContents.of(uri, "image/png", Base64.getEncoder().encodeToString(PIXEL))))
      .resourceTemplate(ResourceTemplate.of("mem://users/{id}/files/{+path}", "user file"),
          (uri, variables, ctx) -> ReadResourceResult.of(
              TextResourceContents.of(uri, "text/plain", variables.get("id") + ":" + variables.get("path"))))
      .resource(Resource.of("mem://broken", "broken"), (uri, ctx) -> {
        throw new IllegalStateException("disk /dev/sda1 failed");
      })
      .resource(Resource.of("mem://secret", "secret"), (uri, ctx) -> {
        throw new McpException(-32001, "Not yours to read");
      })
      .build();

  @BothEras
  void listsResources(Era era) {
    try (McpClient client = connect(server, era)) {
      List<Resource> resources = client.listAllResources();
      assertEquals(List.of("mem://readme", "mem://logo", "mem://broken", "mem://secret"),
          resources.stream().map(Resource::uri).toList());
      assertEquals("image/png", resources.get(1).mimeType());
    }
  }

  @BothEras
  void readsATextResource(Era era) {
    try (McpClient client = connect(server, era)) {
      ReadResourceResult result = client.readResource("mem://readme");
      TextResourceContents text = assertInstanceOf(TextResourceContents.class, result.contents().get(0));
      assertEquals("mem://readme", text.uri());
      assertEquals("Read me first", text.text());
    }
  }

  @BothEras
  void readsABinaryResource(Era era) {
    try (McpClient client = connect(server, era)) {
      ReadResourceResult result = client.readResource("mem://logo");
      BlobResourceContents blob = assertInstanceOf(BlobResourceContents.class, result.contents().get(0));
      assertEquals("image/png", blob.mimeType());
      assertEquals(Base64.getEncoder().encodeToString(PIXEL), blob.blob());
    }
  }

  @BothEras
  void listsResourceTemplates(Era era) {
    try (McpClient client = connect(server, era)) {
      List<ResourceTemplate> templates = client.listAllResourceTemplates();
      assertEquals(List.of("mem://users/{id}/files/{+path}"),
          templates.stream().map(ResourceTemplate::uriTemplate).toList());
    }
  }

  @BothEras
  void readsThroughATemplateWithTheVariablesExtracted(Era era) {
    try (McpClient client = connect(server, era)) {
      String uri = "mem://users/ada%20l/files/notes/2024/plan.md";
      ReadResourceResult result = client.readResource(uri);
      TextResourceContents text = assertInstanceOf(TextResourceContents.class, result.contents().get(0));
      assertEquals(uri, text.uri());
      assertEquals("ada l:notes/2024/plan.md", text.text());
    }
  }

  @BothEras
  void aFailingResourceHandlerIsAnInternalErrorWithItsDetailsOffTheWire(Era era) {
    E2e.Wire wire = new E2e.Wire();
    try (McpClient client = client(server, era, wire.pair()).connect()) {
      McpException error = fails(() -> client.readResource("mem://broken"));
      assertEquals(-32603, error.code());
      assertFalse(wire.text().contains("sda1"), wire.text());
    }
  }

  @BothEras
  void anMcpExceptionFromAResourceHandlerKeepsItsCode(Era era) {
    try (McpClient client = connect(server, era)) {
      McpException error = fails(() -> client.readResource("mem://secret"));
      assertEquals(-32001, error.code());
      assertEquals("Not yours to read", error.getMessage());
    }
  }

  @Test
  void unknownResourceIsResourceNotFoundOnALegacyConnection() {
    try (McpClient client = connect(server, Era.LEGACY)) {
      McpException error = fails(() -> client.readResource("mem://missing"));
      assertEquals(-32002, error.code());
      assertEquals("mem://missing", error.data().tree().path("uri").asText());
    }
  }

  @Test
  void unknownResourceIsInvalidParamsOnAModernRequest() {
    try (McpClient client = connect(server, Era.MODERN)) {
      McpException error = fails(() -> client.readResource("mem://missing"));
      assertEquals(-32602, error.code());
      assertEquals("mem://missing", error.data().tree().path("uri").asText());
    }
  }

  @Test
  void legacySubscriptionDeliversUpdatesOnlyWhileSubscribed() {
    BlockingQueue<String> updated = new LinkedBlockingQueue<>();
    try (McpClient client = client(server, Era.LEGACY).onResourceUpdated(updated::add).connect()) {
      client.subscribeResource("mem://readme");
      client.subscribeResource("mem://logo");
      server.notifyResourceUpdated("mem://readme");
      assertEquals("mem://readme", next(updated));

      client.unsubscribeResource("mem://readme");
      server.notifyResourceUpdated("mem://readme");
      // Notifications arrive in order: had the first been sent, it would come before this one.
      server.notifyResourceUpdated("mem://logo");
      assertEquals("mem://logo", next(updated));
      assertEquals(List.of(), List.copyOf(updated));
    }
  }

  @Test
  void legacyUpdatesOfResourcesNobodySubscribedToAreNotSent() {
    BlockingQueue<String> updated = new LinkedBlockingQueue<>();
    try (McpClient client = client(server, Era.LEGACY).onResourceUpdated(updated::add).connect()) {
      client.subscribeResource("mem://logo");
      server.notifyResourceUpdated("mem://readme");
      server.notifyResourceUpdated("mem://logo");
      assertEquals("mem://logo", next(updated));
      assertEquals(List.of(), List.copyOf(updated));
    }
  }

  @Test
  void theServerDeclaresResourceSubscriptions() {
    try (McpClient client = connect(server, Era.LEGACY)) {
      assertEquals(Boolean.TRUE, client.serverCapabilities().resources().subscribe());
    }
  }
}
