package dev.conduit.transport.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The far end of a stdio connection, speaking raw lines: what a test needs to send malformed input and to see every
 * byte the server writes.
 */
final class RawPeer implements AutoCloseable {

  static final long WAIT_SECONDS = 30;
  static final String EOF = "<eof>";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutputStream out;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  /**
   * @param in what the server writes
   * @param out what the server reads
   */
  RawPeer(InputStream in, OutputStream out) {
    this.out = out;
    Thread reader = new Thread(() -> read(in), "raw-peer-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(InputStream in) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("<error " + e + ">");
    }
    lines.add(EOF);
  }

  /** Sends text as it is (add the newline yourself). */
  void sendRaw(String text) {
    sendRaw(text.getBytes(StandardCharsets.UTF_8));
  }

  void sendRaw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends one line. */
  void send(String json) {
    sendRaw(json + "\n");
  }

  /** The next line the server wrote, as it was; {@link #EOF} once its output has ended. */
  String nextLine() throws InterruptedException {
    String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(line, "no line from the server within " + WAIT_SECONDS + " s");
    return line;
  }

  /** The next line, parsed. */
  JsonNode next() throws Exception {
    String line = nextLine();
    return JSON.readTree(line);
  }

  /** The next line that has an id (skipping notifications), parsed. */
  JsonNode nextResponse() throws Exception {
    while (true) {
      JsonNode message = next();
      if (message.has("id")) {
        return message;
      }
    }
  }

  /** Runs the legacy handshake. */
  void initialize() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    JsonNode answer = nextResponse();
    assertEquals("init", answer.get("id").asText(), answer.toString());
    assertNotNull(answer.get("result"), answer.toString());
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  /** Calls the echo tool and checks the answer. */
  void assertEchoes(String id, String text) throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":\"" + id + "\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
        + "\"arguments\":{\"text\":\"" + text + "\"}}}");
    JsonNode answer = nextResponse();
    assertEquals(id, answer.get("id").asText(), answer.toString());
    assertEquals(text, answer.at("/result/content/0/text").asText(), answer.toString());
  }

  /** Ends the server's input. */
  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      // Already gone.
    }
  }
}
