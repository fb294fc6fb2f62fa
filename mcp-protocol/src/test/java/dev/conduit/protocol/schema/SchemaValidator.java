package dev.conduit.protocol.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.conduit.protocol.jsonrpc.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against a definition of an official MCP {@code schema.json}, with networknt json-schema-validator
 * 2.0.
 *
 * <p>Each revision's file is registered under a made-up IRI, so that the validator never fetches anything and a
 * definition is addressed as {@code <iri>#/$defs/Tool} (or {@code #/definitions/Tool} in the draft-07 files of
 * 2024-11-05 to 2025-06-18). The file's own {@code $schema} picks the dialect.
 */
public final class SchemaValidator {

  private static final Map<String, SchemaRegistry> REGISTRIES = new ConcurrentHashMap<>();
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SchemaValidator() {}

  /** Whether {@code revision} uses draft-07 {@code definitions} rather than 2020-12 {@code $defs}. */
  public static boolean draft7(String revision) {
    return revision.compareTo("2025-11-25") < 0;
  }

  /** The JSON pointer of definition {@code name} in {@code revision}'s file. */
  public static String definition(String revision, String name) {
    return (draft7(revision) ? "/definitions/" : "/$defs/") + name;
  }

  /** The schema at {@code pointer} (such as {@code /$defs/Tool}) of {@code revision}'s file. */
  public static Schema schemaAt(String revision, String pointer) {
    return SCHEMAS.computeIfAbsent(revision + "#" + pointer, key -> load(revision, pointer));
  }

  /** Fails, listing the validator's errors, unless {@code value}, encoded, fits the schema at {@code pointer}. */
  public static void assertValidAt(String revision, String pointer, Object value) {
    JsonNode json = wire(value);
    List<Error> errors = schemaAt(revision, pointer).validate(json);
    assertTrue(errors.isEmpty(), () -> revision + " " + pointer + " rejects " + json + ": " + errors);
  }

  /** Fails unless {@code value} encodes to an instance of definition {@code name} of {@code revision}. */
  public static void assertValid(String revision, String name, Object value) {
    assertValidAt(revision, definition(revision, name), value);
  }

  /**
   * The pointer of the parameters of a request: definition {@code paramsName} where the revision has one
   * (2025-11-25 on), else the {@code params} the older revisions inline in definition {@code requestName}.
   */
  public static String params(String revision, String paramsName, String requestName) {
    return revision.compareTo("2025-11-25") >= 0
        ? definition(revision, paramsName)
        : definition(revision, requestName) + "/properties/params";
  }

  /** The errors the validator finds in {@code json} against definition {@code name}. */
  public static List<Error> errors(String revision, String name, JsonNode json) {
    return schemaAt(revision, definition(revision, name)).validate(json);
  }

  /** {@code value} as its peer would read it: written to text by the shared mapper, then parsed. */
  public static JsonNode wire(Object value) {
    try {
      return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(value));
    } catch (IOException e) {
      return fail("cannot encode " + value, e);
    }
  }

  private static Schema load(String revision, String pointer) {
    String iri = iri(revision);
    SchemaRegistry registry = REGISTRIES.computeIfAbsent(revision, SchemaValidator::registry);
    return registry.getSchema(SchemaLocation.of(iri + "#" + pointer));
  }

  private static SchemaRegistry registry(String revision) {
    String text;
    try {
      text = Files.readString(SchemaFiles.schema(revision));
    } catch (IOException e) {
      return fail("cannot read the schema of " + revision, e);
    }
    SpecificationVersion dialect =
        draft7(revision) ? SpecificationVersion.DRAFT_7 : SpecificationVersion.DRAFT_2020_12;
    return SchemaRegistry.withDefaultDialect(dialect, builder -> builder.schemas(Map.of(iri(revision), text)));
  }

  private static String iri(String revision) {
    return "https://schema.conduit.invalid/mcp/" + revision + "/schema.json";
  }
}
