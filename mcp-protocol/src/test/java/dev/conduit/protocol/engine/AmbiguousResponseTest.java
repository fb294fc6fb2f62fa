package dev.conduit.protocol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.McpTimeoutException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import dev.conduit.protocol.jsonrpc.MalformedInputs;
import dev.conduit.protocol.jsonrpc.MalformedInputs.AmbiguousResponse;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.transport.InMemoryTransport;
import dev.conduit.protocol.transport.McpTransport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The client's side of the rule: a server that answers a call with a result (or error) in which some object repeats a
 * member name has sent a malformed message. The call fails at once with a clear {@link McpException} ({@code -32600},
 * "Invalid response: duplicate member ..."), neither value reaches the caller, and the connection serves the next
 * call, in both eras. The server here is a real one whose end of the connection swaps one answer for the bytes of a
 * row of {@link MalformedInputs#ambiguousResponses()}.
 */
class AmbiguousResponseTest {

  @TestFactory
  Stream<DynamicTest> aCallAnsweredAmbiguouslyFailsClearlyAndTheNextCallIsServed() {
    return MalformedInputs.ambiguousResponses().flatMap(row -> Stream.of(
        DynamicTest.dynamicTest("legacy: " + row.name(), () -> call(row, Era.LEGACY)),
        DynamicTest.dynamicTest("modern: " + row.name(), () -> call(row, Era.MODERN))));
  }

  private static void call(AmbiguousResponse row, Era era) {
    FixtureServer fixture = new FixtureServer();
    InMemoryTransport.Pair pair = InMemoryTransport.pair();
    Tampering serverEnd = new Tampering(pair.server());
    fixture.server.connect(serverEnd);
    try (McpClient client = McpClient.builder().transport(pair.client()).era(era)
        .requestTimeout(Duration.ofSeconds(RawPeer.WAIT_SECONDS)).connect()) {
      serverEnd.answerNextWith(row);
      McpException failure =
          assertThrows(McpException.class, () -> client.callTool("echo", Map.of("text", "hello")));
      assertFalse(failure instanceof McpTimeoutException, "failed at once, not by timing out");
      assertEquals(ErrorCodes.INVALID_REQUEST, failure.code(), failure.getMessage());
      assertTrue(failure.getMessage().startsWith("Invalid response: duplicate member '"), failure.getMessage());

      TextContent next = (TextContent) client.callTool("echo", Map.of("text", "next")).content().get(0);
      assertEquals("next", next.text(), "the connection serves the next call");
    } finally {
      fixture.server.close();
    }
  }

  /** The server's end of a pair, which can put the bytes of a row on the wire in place of its next response. */
  private static final class Tampering implements McpTransport {
    private final InMemoryTransport end;
    private final AtomicReference<@Nullable AmbiguousResponse> next = new AtomicReference<>();

    Tampering(InMemoryTransport end) {
      this.end = end;
    }

    void answerNextWith(AmbiguousResponse row) {
      next.set(row);
    }

    @Override
    public void start(Listener listener) {
      end.start(listener);
    }

    @Override
    public CompletionStage<Void> send(JsonRpcMessage message, @Nullable RequestId relatedRequest) {
      if (message instanceof JsonRpcResponse response && response.id() != null) {
        AmbiguousResponse row = next.getAndSet(null);
        if (row != null) {
          return end.sendRaw(row.answering(response.id().toString()).getBytes(StandardCharsets.UTF_8));
        }
      }
      return end.send(message, relatedRequest);
    }

    @Override
    public void close() {
      end.close();
    }
  }
}
