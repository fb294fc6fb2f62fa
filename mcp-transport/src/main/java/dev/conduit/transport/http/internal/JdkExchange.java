package dev.conduit.transport.http.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link Exchange} on the JDK's built-in HTTP server. */
public final class JdkExchange implements Exchange {

  private static final Logger log = LoggerFactory.getLogger(JdkExchange.class);

  private final HttpExchange exchange;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();

  public JdkExchange(HttpExchange exchange) {
    this.exchange = exchange;
  }

  /** The request path. */
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  @Override
  public String method() {
    return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public @Nullable String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public Map<String, List<String>> headers() {
    return exchange.getRequestHeaders();
  }

  @Override
  public @Nullable String queryParameter(String name) {
    return Http.queryParameter(exchange.getRequestURI().getRawQuery(), name);
  }

  @Override
  public boolean arrivedOnLoopback() {
    InetSocketAddress local = exchange.getLocalAddress();
    return local != null && local.getAddress() != null && local.getAddress().isLoopbackAddress();
  }

  @Override
  public byte[] readBody(int limit) throws IOException {
    String length = header("Content-Length");
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        declared = -1;
      }
    }
    return Bodies.read(exchange.getRequestBody(), limit, declared);
  }

  @Override
  public void respond(int status, Map<String, String> headers, byte[] body) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    ended.set(true);
    try {
      headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      log.debug("Could not send a response: {}", e.toString());
    } finally {
      exchange.close();
    }
  }

  @Override
  public OutputStream startStream(int status, Map<String, String> headers) throws IOException {
    if (!started.compareAndSet(false, true)) {
      throw new IOException("The response has already started");
    }
    headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(status, 0);
    return exchange.getResponseBody();
  }

  @Override
  public void endStream() {
    if (ended.compareAndSet(false, true)) {
      exchange.close();
    }
  }

  @Override
  public void onClientGone(Runnable callback) {
    // The JDK server cannot tell; a failing write (keep-alives ensure there are some) does.
  }
}
