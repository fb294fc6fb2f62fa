package dev.conduit.protocol.schema;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the official MCP schema files the build points the tests at; a missing folder fails, never skips. */
public final class SchemaFiles {

  /** The system property the surefire configuration sets. */
  public static final String PROPERTY = "conduit.schema.dir";

  /** Every revision with a {@code schema.json}, oldest first. */
  public static final String[] REVISIONS = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"};

  private SchemaFiles() {}

  /** The folder holding one sub-folder per revision. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      return fail("System property '" + PROPERTY + "' is not set; the surefire configuration of the root POM sets it"
          + " to the folder of the official MCP schema files (../shared/mcp-schema beside the checkout)");
    }
    Path root = Path.of(configured).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      return fail("MCP schema folder not found: looked in " + root + " (system property '" + PROPERTY + "')");
    }
    return root;
  }

  /** A folder under the root, which must exist. */
  public static Path folder(String relative) {
    Path folder = root().resolve(relative);
    if (!Files.isDirectory(folder)) {
      return fail("MCP schema folder not found: looked in " + folder + " (system property '" + PROPERTY + "')");
    }
    return folder;
  }

  /** The {@code schema.json} of {@code revision}, which must exist. */
  public static Path schema(String revision) {
    Path file = folder(revision).resolve("schema.json");
    if (!Files.isRegularFile(file)) {
      return fail("MCP schema file not found: looked for " + file);
    }
    return file;
  }
}
