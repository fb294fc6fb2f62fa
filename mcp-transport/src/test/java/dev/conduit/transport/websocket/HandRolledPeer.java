package dev.conduit.transport.websocket;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket peer written by hand over a plain socket, for what no WebSocket library will do: never answer a ping,
 * choose a subprotocol the client did not offer, send what is not a message.
 */
final class HandRolledPeer implements AutoCloseable {

  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** One frame as it arrived, unmasked. */
  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame. */
    int closeCode() {
      return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final boolean isClient;

  private HandRolledPeer(Socket socket, boolean isClient) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.isClient = isClient;
    socket.setSoTimeout((int) ToolServer.WAIT_SECONDS * 1000);
  }

  /** Connects to {@code path} on a local port as a client offering {@code mcp}, and completes the handshake. */
  static HandRolledPeer connect(int port, String path) throws IOException {
    HandRolledPeer peer = new HandRolledPeer(new Socket(InetAddress.getLoopbackAddress(), port), true);
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    peer.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
        + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mcp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    peer.out.flush();
    String response = peer.readHead();
    if (!response.startsWith("HTTP/1.1 101")) {
      throw new IOException("Handshake refused: " + response);
    }
    return peer;
  }

  /** The next frame; pings are returned too, and never answered. */
  Frame read() throws IOException {
    int first = readByte();
    int second = readByte();
    long length = second & 0x7F;
    if (length == 126) {
      length = (readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte();
      }
    }
    byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
    byte[] payload = in.readNBytes((int) length);
    if (mask != null) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
    }
    return new Frame(first & 0x0F, payload);
  }

  /** The next frame that is not a ping. */
  Frame readSkippingPings() throws IOException {
    Frame frame;
    do {
      frame = read();
    } while (frame.opcode() == PING);
    return frame;
  }

  /** Sends one final frame, masked as a client must. */
  void send(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | opcode);
    int maskBit = isClient ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(maskBit | payload.length);
    } else {
      frame.write(maskBit | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xFF);
    }
    byte[] body = payload.clone();
    if (isClient) {
      byte[] mask = new byte[4];
      ThreadLocalRandom.current().nextBytes(mask);
      frame.write(mask);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= mask[i % 4];
      }
    }
    frame.write(body);
    out.write(frame.toByteArray());
    out.flush();
  }

  void sendText(String text) throws IOException {
    send(TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("The connection ended");
    }
    return b;
  }

  private String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) readByte());
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  /** A server on a free loopback port that takes one client at a time and completes its handshake. */
  static final class Server implements AutoCloseable {
    private final ServerSocket listening = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    private final @Nullable String subprotocol;

    /** @param subprotocol the subprotocol to answer with, whatever the client offered; null for none */
    Server(@Nullable String subprotocol) throws IOException {
      this.subprotocol = subprotocol;
    }

    String url() {
      return "ws://127.0.0.1:" + listening.getLocalPort() + "/mcp";
    }

    /** Accepts the next client and answers its handshake with 101. */
    HandRolledPeer accept() throws IOException {
      HandRolledPeer peer = new HandRolledPeer(listening.accept(), false);
      String key = peer.readHead().lines()
          .filter(line -> line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18))
          .map(line -> line.substring(18).trim()).findFirst().orElseThrow();
      String accept;
      try {
        accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      peer.out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept + "\r\n"
          + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      peer.out.flush();
      return peer;
    }

    @Override
    public void close() throws IOException {
      listening.close();
    }
  }
}
