package dev.conduit.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "7", "-1", "123456789012345678901234567890", "1.5", "-0.25", "1e3", "2E-7", "-0"})
  void numberTextIsKeptExactlyAsWritten(String text) {
    RequestId id = RequestId.ofNumberText(text);

    assertTrue(id.isNumber());
    assertEquals(text, id.text());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "01", "-01", "1.", ".5", "+1", "1e", "0x10", "1 ", "NaN", "１"})
  void textThatIsNotAJsonNumberIsRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> RequestId.ofNumberText(text));
  }
}
