package dev.conduit.samples.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specifies the gateway's command line: what each option means, the defaults, and a one-line reason for a bad one. */
class OptionsTest {

  private static String refused(String... args) {
    String reason = assertThrows(IllegalArgumentException.class, () -> Options.parse(args)).getMessage();
    assertFalse(reason.contains("\n"), "one line: " + reason);
    return reason;
  }

  @Test
  void aUrlUpstreamWithHeadersServedOverHttp() {
    Options options = Options.parse("--upstream", "https://mcp.example.com/mcp", "--header", "Authorization=Bearer a=b",
        "--port", "8080", "--host", "0.0.0.0", "--allowed-origin", "https://app.example");
    assertEquals("https://mcp.example.com/mcp", options.upstreamUrl());
    assertEquals(Map.of("Authorization", "Bearer a=b"), options.headers());
    assertEquals(8080, options.port());
    assertEquals("0.0.0.0", options.host());
    assertFalse(options.stdio());
    assertEquals(List.of("https://app.example"), options.allowedOrigins());
  }

  @Test
  void aStdioUpstreamTakesEverythingAfterTheDoubleDash() {
    Options options = Options.parse("--port", "0", "--upstream-stdio", "--", "npx", "-y", "server", "--port", "9");
    assertNull(options.upstreamUrl());
    assertEquals(List.of("npx", "-y", "server", "--port", "9"), options.upstreamCommand());
    assertEquals(0, options.port());
  }

  @Test
  void withoutAPortTheFrontDoorIsStdio() {
    Options options = Options.parse("--upstream", "http://127.0.0.1:3000/mcp");
    assertTrue(options.stdio());
    assertNull(options.port());
    assertEquals("127.0.0.1", options.host());
  }

  @Test
  void bothFrontDoorsAtOnce() {
    Options options = Options.parse("--upstream", "ws://127.0.0.1:3000/ws", "--port", "0", "--stdio");
    assertTrue(options.stdio());
    assertEquals(0, options.port());
    assertTrue(options.webSocketUpstream());
  }

  @Test
  void helpNeedsNothingElse() {
    assertTrue(Options.parse("--help").help());
  }

  @Test
  void badCommandLinesAreRefusedWithAReason() {
    assertTrue(refused().contains("no upstream"));
    assertTrue(refused("--upstream", "ftp://x/y").contains("http(s)://"));
    assertTrue(refused("--upstream", "http://a/mcp", "--upstream-stdio", "--", "x").contains("two upstreams"));
    assertTrue(refused("--upstream-stdio", "npx").contains("after --"));
    assertTrue(refused("--upstream-stdio", "--").contains("needs a command"));
    assertTrue(refused("--upstream", "http://a/mcp", "--port", "http").contains("0 to 65535"));
    assertTrue(refused("--upstream", "http://a/mcp", "--port", "70000").contains("0 to 65535"));
    assertTrue(refused("--upstream", "http://a/mcp", "--header", "novalue").contains("NAME=VALUE"));
    assertTrue(refused("--upstream", "http://a/mcp", "--bogus").contains("unknown option --bogus"));
    assertTrue(refused("--upstream").contains("needs a value"));
    assertTrue(refused("--header", "A=b", "--upstream-stdio", "--", "x").contains("stdio upstream has no headers"));
  }
}
