package dev.conduit.interop.official;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official SDK's {@link JsonSchemaValidator} on networknt json-schema-validator 2.x and Jackson 2.
 *
 * <p>The SDK's own validator needs json-schema-validator 3.x, which shares its packages with the 2.x that Conduit
 * uses, so the two cannot be on one class path (see the root pom). Every official client and server in these tests
 * is built with this one instead: it validates the same JSON against the same JSON Schema 2020-12 default dialect,
 * never fetching a remote {@code $ref}.
 */
final class Jackson2SchemaValidator implements JsonSchemaValidator {

  static final Jackson2SchemaValidator INSTANCE = new Jackson2SchemaValidator();

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

  private final Map<Map<String, Object>, Schema> schemas = new ConcurrentHashMap<>();

  private Jackson2SchemaValidator() {}

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object content) {
    try {
      JsonNode json = content instanceof String text ? MAPPER.readTree(text) : MAPPER.valueToTree(content);
      Schema compiled = schemas.computeIfAbsent(schema, s -> REGISTRY.getSchema(MAPPER.valueToTree(s)));
      List<Error> errors = compiled.validate(json);
      return errors.isEmpty() ? ValidationResponse.asValid(json.toString())
          : ValidationResponse.asInvalid("Validation failed: " + errors);
    } catch (JsonProcessingException | RuntimeException e) {
      return ValidationResponse.asInvalid("Validation failed: " + e.getMessage());
    }
  }
}
