package dev.conduit.transport.stdio;

import static dev.conduit.transport.stdio.RawPeer.WAIT_SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link StdioServer#serve} in a child JVM, spoken to byte by byte. */
class StdioServerProcessTest {

  private Process child;
  private RawPeer peer;
  private Thread drain;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private void launch() throws IOException {
    child = Children.start();
    peer = new RawPeer(child.getInputStream(), child.getOutputStream());
    InputStream errors = child.getErrorStream();
    drain = new Thread(() -> {
      try {
        errors.transferTo(new SynchronizedSink(stderr));
      } catch (IOException e) {
        // The child is gone.
      }
    }, "child-stderr");
    drain.setDaemon(true);
    drain.start();
  }

  @AfterEach
  void tearDown() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void exitsWithCodeZeroWhenStdinEnds() throws Exception {
    launch();
    peer.initialize();
    peer.close();
    assertTrue(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "still running " + WAIT_SECONDS + " s after stdin EOF");
    assertEquals(0, child.exitValue());
  }

  @Test
  void aMalformedLineIsAnsweredAndTheNextRequestIsServed() throws Exception {
    launch();
    peer.initialize();
    peer.send("{this is not json");
    JsonNode error = peer.next();
    assertEquals(-32700, error.at("/error/code").asInt(), error.toString());
    assertTrue(error.get("id").isNull(), error.toString());
    peer.assertEchoes("next", "served");
  }

  @Test
  void everyLineOnStdoutIsJsonRpcEvenWhenAToolPrints() throws Exception {
    launch();
    peer.initialize();
    peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"tools/call\",\"params\":{\"name\":\"println\","
        + "\"arguments\":{\"text\":\"stray output\"}}}");
    peer.send("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}");
    peer.close();
    assertTrue(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));

    JsonRpcCodec codec = JsonRpcCodec.standard();
    Set<String> answered = new HashSet<>();
    String line;
    while (!(line = peer.nextLine()).equals(RawPeer.EOF)) {
      DecodeResult decoded = codec.decode(line);
      assertTrue(decoded instanceof DecodeResult.Success, line);
      if (((DecodeResult.Success) decoded).message() instanceof JsonRpcResponse response) {
        answered.add(response.id() == null ? "null" : response.id().text());
      }
    }
    assertEquals(Set.of("p", "after"), answered);
    drain.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    String errors;
    synchronized (stderr) {
      errors = stderr.toString(StandardCharsets.UTF_8);
    }
    assertTrue(errors.contains("stray output"), errors);
  }

  /** Appends to a shared buffer under its lock. */
  private static final class SynchronizedSink extends java.io.OutputStream {
    private final ByteArrayOutputStream target;

    SynchronizedSink(ByteArrayOutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      synchronized (target) {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (target) {
        target.write(b, off, len);
      }
    }
  }
}
