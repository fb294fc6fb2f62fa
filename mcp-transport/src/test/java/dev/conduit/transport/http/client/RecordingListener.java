package dev.conduit.transport.http.client;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.conduit.protocol.jsonrpc.JsonRpcMessage;
import dev.conduit.protocol.transport.McpTransport;
import dev.conduit.protocol.transport.TransportContext;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** A transport listener that keeps what it is told, for tests to wait on (the WebSocket tests' too). */
public final class RecordingListener implements McpTransport.Listener {

  private final BlockingQueue<JsonRpcMessage> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Optional<Throwable>> closed = new CompletableFuture<>();
  private final AtomicInteger closes = new AtomicInteger();

  @Override
  public void onMessage(JsonRpcMessage message, TransportContext context) {
    messages.add(message);
  }

  @Override
  public void onClose(@Nullable Throwable cause) {
    closes.incrementAndGet();
    closed.complete(Optional.ofNullable(cause));
  }

  /** The next message; fails after 10 seconds. */
  public JsonRpcMessage next() throws InterruptedException {
    JsonRpcMessage message = messages.poll(10, TimeUnit.SECONDS);
    assertNotNull(message, "no message arrived");
    return message;
  }

  public <T extends JsonRpcMessage> T next(Class<T> type) throws InterruptedException {
    return type.cast(next());
  }

  /** Asserts that no message is waiting now. */
  public void assertNoMessage() {
    assertNull(messages.poll(), "unexpected message");
  }

  /** Waits for the end and returns its cause. */
  public Optional<Throwable> awaitClose() throws Exception {
    return closed.get(10, TimeUnit.SECONDS);
  }

  public int closeCount() {
    return closes.get();
  }
}
