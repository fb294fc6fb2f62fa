package dev.conduit.protocol.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryHintTest {

  @Test
  void writesRetryableAndTheDelayInMilliseconds() {
    assertEquals("{\"retryable\":true,\"retryAfterMs\":1200}",
        RetryHint.after(Duration.ofMillis(1200)).toData().toString());
    assertEquals("{\"retryable\":true}", RetryHint.retryable().toData().toString());
  }

  @Test
  void readsTheHintFromAnErrorThatCrossedTheWire() {
    JsonRpcCodec codec = JsonRpcCodec.standard();
    McpException sent = new McpException(ErrorCodes.RATE_LIMITED, "Rate limited",
        RetryHint.after(Duration.ofMillis(750)).toData());
    byte[] frame = codec.encode(new JsonRpcError(RequestId.of(1), sent.toErrorObject()));
    JsonRpcError received = (JsonRpcError) ((DecodeResult.Success) codec.decode(frame)).message();

    assertEquals(Optional.of(RetryHint.after(Duration.ofMillis(750))), RetryHint.of(received.error()));
  }

  @Test
  void anErrorWithoutRetryableTrueHasNoHint() {
    assertTrue(RetryHint.of(JsonPayload.ofJson("{\"retryable\":false,\"retryAfterMs\":5}")).isEmpty());
    assertTrue(RetryHint.of(JsonPayload.ofJson("{\"supported\":[\"2025-11-25\"]}")).isEmpty());
    assertTrue(RetryHint.of(JsonPayload.ofJson("\"busy\"")).isEmpty());
    assertTrue(RetryHint.of((JsonPayload) null).isEmpty());
  }

  @Test
  void aHintWithoutADelaySaysNothingAboutWhen() {
    assertNull(RetryHint.of(JsonPayload.ofJson("{\"retryable\":true}")).orElseThrow().retryAfter());
  }
}
