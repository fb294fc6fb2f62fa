package dev.conduit.transport.http.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class McpHeadersTest {

  @ParameterizedTest
  @ValueSource(strings = {"tools/call", "get_weather", "file:///tmp/a b.txt", "x"})
  void plainAsciiIsSentAsItIs(String value) {
    assertEquals(value, McpHeaders.encodeValue(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"m\u00e9t\u00e9o", " leading", "trailing ", "line\nbreak", "tab\there", "=?base64?abc?=",
      "\u65e5\u672c"})
  void anythingElseIsBase64OfItsUtf8(String value) {
    String expected =
        "=?base64?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    assertEquals(expected, McpHeaders.encodeValue(value));
  }
}
