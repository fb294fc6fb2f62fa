package dev.conduit.samples.awx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsToStdioOnEveryToolsetWithWritesAllowed() {
    Options options = Options.parse();
    assertFalse(options.http());
    assertEquals(8000, options.port());
    assertEquals("127.0.0.1", options.host());
    assertEquals("/mcp", options.path());
    assertNull(options.config());
    assertEquals(List.of(), options.toolsets());
    assertFalse(options.readOnly() || options.demo() || options.help());
  }

  @Test
  void readsEveryOption() {
    Options options = Options.parse("--http", "--port", "9000", "--host", "0.0.0.0", "--path", "/awx",
        "--config", "awx.json", "--toolsets", "jobs, system", "--read-only");
    assertEquals(new Options(true, 9000, "0.0.0.0", "/awx", Path.of("awx.json"), List.of("jobs", "system"), true,
        false, false), options);
  }

  @Test
  void refusesAnOptionWithoutItsValue() {
    assertEquals("--port needs a value",
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--port")).getMessage());
    assertEquals("--config needs a value",
        assertThrows(IllegalArgumentException.class, () -> Options.parse("--config", "--demo")).getMessage());
  }

  @Test
  void refusesAPortOutOfRange() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse("--port", "70000")).getMessage()
        .contains("0 to 65535"));
  }

  @Test
  void refusesDemoModeWithAConfigurationFile() {
    assertThrows(IllegalArgumentException.class, () -> Options.parse("--demo", "--config", "awx.json"));
  }
}
