package dev.conduit.protocol.e2e;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.schema.CallToolResult;
import dev.conduit.protocol.schema.TextContent;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shared wiring of the end-to-end tests: a client connected to a server over a fresh in-memory pair, waits with
 * generous bounds, and a tap that records the JSON on the wire.
 */
final class E2e {

  /** How long any wait may take before the test fails; generous, for a loaded machine. */
  static final long WAIT_SECONDS = 30;

  static final ObjectMapper JSON = new ObjectMapper();

  private E2e() {}

  /** Runs a test once for a client pinned to the legacy era and once for one pinned to the modern era. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Era.class, names = {"LEGACY", "MODERN"})
  @interface BothEras {}

  /** A client builder whose transport is a new connection to {@code server}. */
  static McpClient.Builder client(McpServer server, Era era) {
    return client(server, era, InMemoryTransport.builder());
  }

  /** A client builder whose transport is a new connection, built by {@code pair}, to {@code server}. */
  static McpClient.Builder client(McpServer server, Era era, InMemoryTransport.Builder pair) {
    InMemoryTransport.Pair ends = pair.build();
    server.connect(ends.server());
    return McpClient.builder().transport(ends.client()).era(era);
  }

  /** A client with default settings connected to {@code server}. */
  static McpClient connect(McpServer server, Era era) {
    return client(server, era).connect();
  }

  /** The text of the first content block, which must be text. */
  static String text(CallToolResult result) {
    return assertInstanceOf(TextContent.class, result.content().get(0)).text();
  }

  /** Asserts that {@code call} throws an {@link McpException} and returns it. */
  static McpException fails(Executable call) {
    return assertThrows(McpException.class, call);
  }

  /** Waits for a stage that must fail with an {@link McpException}, and returns the exception. */
  static McpException failure(CompletionStage<?> stage) {
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));
    return assertInstanceOf(McpException.class, failed.getCause());
  }

  /** Waits for a stage, failing the test after {@link #WAIT_SECONDS}. */
  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      throw new AssertionError("the stage failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      return fail("nothing after " + WAIT_SECONDS + " seconds");
    }
  }

  /** The next item of a queue that listeners fill, failing the test after {@link #WAIT_SECONDS}. */
  static <T> T next(BlockingQueue<T> queue) {
    try {
      T item = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      return item != null ? item : fail("nothing arrived in " + WAIT_SECONDS + " seconds");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records every frame that crosses a pair, parsed, so tests can look at the wire. */
  static final class Wire implements InMemoryTransport.WireTap {

    /** A frame and who sent it. */
    record Frame(boolean fromClient, JsonNode json) {}

    private final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Frame> arrivals = new LinkedBlockingQueue<>();

    @Override
    public void onFrame(boolean fromClient, byte[] frame) {
      Frame parsed;
      try {
        parsed = new Frame(fromClient, JSON.readTree(frame));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      frames.add(parsed);
      arrivals.add(parsed);
    }

    /** A pair builder that reports to this tap. */
    InMemoryTransport.Builder pair() {
      return InMemoryTransport.builder().wireTap(this);
    }

    /** Every frame so far. */
    List<Frame> frames() {
      return List.copyOf(frames);
    }

    /** The frames so far whose JSON matches. */
    List<JsonNode> matching(Predicate<Frame> filter) {
      return frames.stream().filter(filter).map(Frame::json).toList();
    }

    /** Waits for a frame that matches and returns its JSON. */
    JsonNode awaitFrame(Predicate<Frame> filter) {
      for (Frame frame : frames) {
        if (filter.test(frame)) {
          return frame.json();
        }
      }
      while (true) {
        Frame frame = next(arrivals);
        if (filter.test(frame)) {
          return frame.json();
        }
      }
    }

    /** Every frame as text, for checking what never reached the wire. */
    String text() {
      StringBuilder all = new StringBuilder();
      frames.forEach(frame -> all.append(frame.json()).append('\n'));
      return all.toString();
    }

    static Predicate<Frame> method(String method) {
      return frame -> method.equals(frame.json().path("method").asText());
    }
  }
}
