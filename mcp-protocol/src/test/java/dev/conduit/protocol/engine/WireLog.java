package dev.conduit.protocol.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conduit.protocol.client.Era;
import dev.conduit.protocol.client.McpClient;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.protocol.server.ServerSession;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every frame that crosses an in-memory pair, as JSON, in the order sent; tests wait on it for a frame to appear.
 * {@link #connect} wires a client to a server through a tapped pair.
 */
final class WireLog implements InMemoryTransport.WireTap {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One frame: who sent it and what it said. */
  record Frame(boolean fromClient, JsonNode json) {

    String method() {
      return json.path("method").asText(null);
    }

    /** The id as JSON text ({@code 1}, {@code "a"}), or null for a notification. */
    String id() {
      JsonNode id = json.get("id");
      return id == null ? null : id.toString();
    }

    @Override
    public String toString() {
      return (fromClient ? "client> " : "server> ") + json;
    }
  }

  private final List<Frame> frames = new ArrayList<>();

  @Override
  public void onFrame(boolean fromClient, byte[] frame) {
    Frame parsed;
    try {
      parsed = new Frame(fromClient, JSON.readTree(frame));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (frames) {
      frames.add(parsed);
      frames.notifyAll();
    }
  }

  /** Every frame so far. */
  List<Frame> frames() {
    synchronized (frames) {
      return List.copyOf(frames);
    }
  }

  /** Whether any frame so far matches. */
  boolean any(Predicate<Frame> test) {
    return frames().stream().anyMatch(test);
  }

  /** Waits for the first frame that matches, for up to {@link RawPeer#WAIT_SECONDS}; fails if none appears. */
  Frame await(String what, Predicate<Frame> test) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RawPeer.WAIT_SECONDS);
    synchronized (frames) {
      while (true) {
        for (Frame frame : frames) {
          if (test.test(frame)) {
            return frame;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no frame " + what + " within " + RawPeer.WAIT_SECONDS + " s; wire: " + frames);
        }
        TimeUnit.NANOSECONDS.timedWait(frames, left);
      }
    }
  }

  /** A frame the client sent with {@code method}. */
  static Predicate<Frame> clientSent(String method) {
    return frame -> frame.fromClient() && method.equals(frame.method());
  }

  /** The server's frame that answers request {@code id} (JSON text). */
  static Predicate<Frame> serverAnswered(String id) {
    return frame -> !frame.fromClient() && frame.method() == null && id.equals(frame.id());
  }

  /** The client's {@code notifications/cancelled} for request {@code id} (JSON text). */
  static Predicate<Frame> cancelledBy(String id) {
    return frame -> clientSent("notifications/cancelled").test(frame)
        && id.equals(frame.json().path("params").path("requestId").toString());
  }

  /**
   * A client and a server joined by a tapped in-memory pair.
   *
   * @param client the connected client
   * @param session the server's end of the connection
   * @param wire what crossed the pair
   */
  record Connected(McpClient client, ServerSession session, WireLog wire) implements AutoCloseable {
    @Override
    public void close() {
      client.close();
    }
  }

  /** Connects a client of {@code era}, configured further by {@code config}, to {@code server}. */
  static Connected connect(McpServer server, Era era, Consumer<McpClient.Builder> config) {
    WireLog wire = new WireLog();
    InMemoryTransport.Pair pair = InMemoryTransport.builder().wireTap(wire).build();
    ServerSession session = server.connect(pair.server());
    McpClient.Builder builder = McpClient.builder().transport(pair.client()).era(era);
    config.accept(builder);
    return new Connected(builder.connect(), session, wire);
  }

  /** Connects a legacy client with the default settings. */
  static Connected connect(McpServer server) {
    return connect(server, Era.LEGACY, builder -> {});
  }
}
