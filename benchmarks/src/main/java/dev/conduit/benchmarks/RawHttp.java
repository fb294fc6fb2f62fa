package dev.conduit.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP ceiling of Conduit's stack: the JDK HTTP server and OkHttp (both with TCP_NODELAY, as Conduit sets it),
 * exchanging the bytes of an MCP {@code tools/call} and its result with the same headers, and nothing else. The
 * server reads the whole request and answers a prepared result; the client posts on the calling thread and reads the
 * whole body. No JSON is parsed, no session is looked up, no thread is switched. The {@code raw-http-pooled} variant
 * serves exchanges on a thread pool, as Conduit's server does (which must not block the dispatcher), to show what that
 * one hop costs.
 */
final class RawHttp implements EchoTarget {

  static {
    // Before the first use of HttpServer, as StreamableHttpServer does in its own static initializer.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpServer server;
  private final OkHttpClient client;
  private final String url;
  private final byte[] request;
  private final byte[] response;

  private final @Nullable ExecutorService pool;

  /**
   * @param pooled whether the server runs exchanges on a pool of threads, as Conduit's server does, rather than on
   *     its dispatcher thread (the plain ceiling)
   */
  RawHttp(String text, boolean pooled) throws IOException {
    this.request = Payloads.toolsCallRequest(2, text).getBytes(StandardCharsets.UTF_8);
    this.response = Payloads.toolsCallResponse(2, text).getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/mcp", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    });
    this.pool = pooled ? Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "raw-http-pool");
      thread.setDaemon(true);
      return thread;
    }) : null;
    server.setExecutor(pool);
    server.start();
    this.url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    // TCP_NODELAY as Conduit's client transport sets it: OkHttp leaves Nagle on, which delays bodies that end in a
    // small segment by the peer's delayed ACK.
    this.client = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
        .socketFactory(new NoDelay())
        .build();
  }

  @Override
  public String echo(String text) throws IOException {
    Request post = new Request.Builder()
        .url(url)
        .header("Accept", "application/json, text/event-stream")
        .header("Mcp-Session-Id", "0123456789abcdef0123456789abcdef")
        .header("MCP-Protocol-Version", "2025-11-25")
        .post(RequestBody.create(request, JSON))
        .build();
    try (Response answer = client.newCall(post).execute()) {
      if (answer.code() != 200) {
        throw new IOException("HTTP " + answer.code());
      }
      return answer.body().string();
    }
  }

  /** Plain sockets with TCP_NODELAY on. */
  private static final class NoDelay extends SocketFactory {
    private final SocketFactory plain = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(plain.createSocket(host, port, local, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }
  }

  @Override
  public boolean answersExactly() {
    return false;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
    server.stop(0);
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
