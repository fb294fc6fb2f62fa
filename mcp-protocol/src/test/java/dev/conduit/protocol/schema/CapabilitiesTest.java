package dev.conduit.protocol.schema;

import static dev.conduit.protocol.schema.Wire.assertRoundTrip;
import static dev.conduit.protocol.schema.Wire.encode;
import static dev.conduit.protocol.schema.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The capability builders write the spec's shapes, and the query helpers read them as the spec means. */
class CapabilitiesTest {

  @Test
  void serverBuilderWritesEveryCapabilityAsked() {
    ServerCapabilities capabilities =
        ServerCapabilities.builder().tools(true).resources(true, true).prompts(true).logging().completions().build();
    assertEquals(
        tree(
            """
            {"logging": {}, "completions": {}, "prompts": {"listChanged": true},
             "resources": {"subscribe": true, "listChanged": true}, "tools": {"listChanged": true}}
            """),
        tree(encode(capabilities)));
  }

  @Test
  void emptyBuildersWriteEmptyObjects() {
    assertEquals(tree("{}"), tree(encode(ServerCapabilities.builder().build())));
    assertEquals(tree("{}"), tree(encode(ClientCapabilities.none())));
  }

  @Test
  void emptyCapabilityObjectsRoundTripAsEmptyObjects() {
    assertRoundTrip("{\"tools\": {}, \"resources\": {}, \"logging\": {}}", ServerCapabilities.class);
    assertRoundTrip("{\"roots\": {}, \"sampling\": {}, \"elicitation\": {}}", ClientCapabilities.class);
  }

  @Test
  void serverQueryHelpersReadWhatWasDeclared() {
    ServerCapabilities capabilities = ServerCapabilities.builder().tools().resources(true, false).build();
    assertTrue(capabilities.hasTools());
    assertFalse(capabilities.notifiesToolsChanges());
    assertTrue(capabilities.supportsResourceSubscriptions());
    assertFalse(capabilities.notifiesResourcesChanges());
    assertFalse(capabilities.hasPrompts());
    assertFalse(capabilities.hasLogging());
    assertFalse(capabilities.hasCompletions());
  }

  @Test
  void clientBuilderWritesEveryCapabilityAsked() {
    ClientCapabilities capabilities =
        ClientCapabilities.builder().sampling().elicitation(true, true).roots(true).build();
    assertEquals(
        tree("{\"roots\": {\"listChanged\": true}, \"sampling\": {}, \"elicitation\": {\"form\": {}, \"url\": {}}}"),
        tree(encode(capabilities)));
  }

  @Test
  void emptyElicitationMeansFormModeOnly() {
    ClientCapabilities capabilities = assertRoundTrip("{\"elicitation\": {}}", ClientCapabilities.class);
    assertTrue(capabilities.hasElicitation());
    assertTrue(capabilities.supportsFormElicitation());
    assertFalse(capabilities.supportsUrlElicitation());
  }

  @Test
  void urlOnlyElicitationExcludesFormMode() {
    ClientCapabilities capabilities = assertRoundTrip("{\"elicitation\": {\"url\": {}}}", ClientCapabilities.class);
    assertFalse(capabilities.supportsFormElicitation());
    assertTrue(capabilities.supportsUrlElicitation());
  }

  @Test
  void samplingSubCapabilitiesAreReadFromTheirPresence() {
    ClientCapabilities capabilities = ClientCapabilities.builder().sampling(false, true).build();
    assertTrue(capabilities.hasSampling());
    assertTrue(capabilities.supportsSamplingTools());
    assertFalse(capabilities.supportsSamplingContext());
    assertFalse(capabilities.hasRoots());
  }

  @Test
  void extensionsAreDeclaredAndFoundById() {
    ClientCapabilities capabilities =
        assertRoundTrip(
            "{\"extensions\": {\"io.modelcontextprotocol/ui\": {\"mimeTypes\": [\"text/html\"]}}}",
            ClientCapabilities.class);
    assertTrue(capabilities.hasExtension("io.modelcontextprotocol/ui"));
    assertFalse(capabilities.hasExtension("io.modelcontextprotocol/tasks"));
    assertTrue(
        ServerCapabilities.builder()
            .extension("io.modelcontextprotocol/tasks", tree("{}"))
            .build()
            .hasExtension("io.modelcontextprotocol/tasks"));
  }

  @Test
  void explicitNullCapabilityIsNotADeclaration() {
    ServerCapabilities capabilities = assertRoundTrip("{\"logging\": null}", ServerCapabilities.class);
    assertFalse(capabilities.hasLogging());
  }
}
