package dev.conduit.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.SchemaFiles;
import dev.conduit.protocol.schema.SchemaValidator;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies that {@link MethodTable} says what the official schema files say: every definition it names exists, each
 * request and notification definition is the one whose {@code method} is that method, every method a side may send
 * in a revision is in the table, and each error definition has the code it is filed under.
 */
class MethodTableTest {

  static String[] revisions() {
    return SchemaFiles.REVISIONS;
  }

  @ParameterizedTest
  @MethodSource("revisions")
  void namesOnlyDefinitionsTheSchemaHas(String revision) {
    JsonNode definitions = definitions(revision);
    Set<String> missing = new TreeSet<>();
    for (String name : MethodTable.of(revision).definitionNames()) {
      if (!definitions.has(name)) {
        missing.add(name);
      }
    }
    assertTrue(missing.isEmpty(), () -> revision + " has no definitions " + missing);
  }

  @ParameterizedTest
  @MethodSource("revisions")
  void mapsEachMethodToTheDefinitionOfThatMethod(String revision) {
    JsonNode definitions = definitions(revision);
    MethodTable table = MethodTable.of(revision);
    table.requests().forEach((method, entry) ->
        assertEquals(method, methodOf(definitions, entry.request()), () -> revision + " " + entry.request()));
    table.notifications().forEach((method, name) ->
        assertEquals(method, methodOf(definitions, name), () -> revision + " " + name));
  }

  @ParameterizedTest
  @MethodSource("revisions")
  void coversEveryMethodEachSideMaySend(String revision) {
    JsonNode definitions = definitions(revision);
    MethodTable table = MethodTable.of(revision);
    for (boolean fromClient : new boolean[] {true, false}) {
      String requests = table.union(fromClient, false);
      if (requests == null) {
        assertTrue(!definitions.has(fromClient ? "ClientRequest" : "ServerRequest"),
            () -> revision + " has server-to-client requests after all");
      } else {
        for (String method : methods(definitions, requests)) {
          assertTrue(table.request(method) != null, () -> revision + ": " + method + " is not in the table");
        }
      }
      for (String method : methods(definitions, table.union(fromClient, true))) {
        assertTrue(table.notification(method) != null, () -> revision + ": " + method + " is not in the table");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("revisions")
  void filesEachErrorDefinitionUnderItsCode(String revision) {
    JsonNode definitions = definitions(revision);
    for (Map.Entry<Integer, MethodTable.ErrorDefinition> entry : MethodTable.of(revision).errors().entrySet()) {
      JsonNode definition = definitions.path(entry.getValue().name());
      boolean whole = definition.path("properties").has("error");
      assertEquals(whole, entry.getValue().wholeResponse(), () -> revision + " " + entry.getValue());
      String code = whole
          ? definition.path("properties").path("error").path("allOf").path(1).path("properties").path("code")
              .path("const").asText()
          : definition.path("properties").path("code").path("const").asText();
      if (!code.isEmpty()) {
        assertEquals(entry.getKey().toString(), code, () -> revision + " " + entry.getValue());
      }
    }
  }

  /** The methods of the definitions a union lists (or of the definition itself, if it is not a union). */
  private static Set<String> methods(JsonNode definitions, String union) {
    JsonNode definition = definitions.path(union);
    Set<String> methods = new TreeSet<>();
    if (definition.has("anyOf")) {
      for (JsonNode ref : definition.get("anyOf")) {
        String name = ref.path("$ref").asText().replaceAll(".*/", "");
        methods.add(methodOf(definitions, name));
      }
    } else {
      methods.add(methodOf(definitions, union));
    }
    return methods;
  }

  private static String methodOf(JsonNode definitions, String name) {
    JsonNode method = definitions.path(name).path("properties").path("method").path("const");
    return method.isTextual() ? method.textValue() : fail(name + " has no method constant");
  }

  static JsonNode definitions(String revision) {
    try {
      JsonNode schema = Json.MAPPER.readTree(SchemaFiles.schema(revision).toFile());
      return schema.path(SchemaValidator.draft7(revision) ? "definitions" : "$defs");
    } catch (IOException e) {
      return fail("cannot read the schema of " + revision, e);
    }
  }
}
