package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Validates JSON against a tool's input or output schema with a maintained JSON Schema validator. A schema without
 * {@code $schema} is read as 2020-12, the MCP default dialect; {@code $ref} is never dereferenced over the network.
 */
public final class JsonSchemas {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

  private final Schema schema;

  private JsonSchemas(Schema schema) {
    this.schema = schema;
  }

  /**
   * Compiles a schema.
   *
   * @throws IllegalArgumentException if the schema is not a usable JSON Schema
   */
  public static JsonSchemas compile(JsonNode schema) {
    try {
      Schema compiled = REGISTRY.getSchema(schema);
      // Validators are built lazily; one throwaway validation surfaces a broken schema (a bad $ref) now.
      compiled.validate(NullNode.getInstance());
      return new JsonSchemas(compiled);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a usable JSON Schema: " + e.getMessage(), e);
    }
  }

  /** The problems with {@code instance}, one message each; empty when it conforms. */
  public List<String> validate(JsonNode instance) {
    List<Error> errors = schema.validate(instance);
    return errors.stream().map(JsonSchemas::describe).toList();
  }

  private static String describe(Error error) {
    String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
    String message = error.getMessage();
    return at.isEmpty() || message.startsWith(at) ? message : at + ": " + message;
  }
}
