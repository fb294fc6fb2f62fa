package dev.conduit.transport.http.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Exchange} on a Servlet 6 container, in async mode: the container thread returns at once and the answer
 * is completed later from whichever thread produces it.
 */
public final class ServletExchange implements Exchange {

  private static final Logger log = LoggerFactory.getLogger(ServletExchange.class);

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AsyncContext async;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final List<Runnable> goneCallbacks = new CopyOnWriteArrayList<>();

  /** Puts a request in async mode, with no timeout (the MCP engine decides when it is answered), and wraps it. */
  public static ServletExchange start(HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    return new ServletExchange(request, response, async);
  }

  /** Wraps a request whose async processing has started. */
  public ServletExchange(HttpServletRequest request, HttpServletResponse response, AsyncContext async) {
    this.request = request;
    this.response = response;
    this.async = async;
    async.addListener(new AsyncListener() {
      @Override
      public void onComplete(AsyncEvent event) {
        gone();
      }

      @Override
      public void onTimeout(AsyncEvent event) {
        gone();
      }

      @Override
      public void onError(AsyncEvent event) {
        gone();
      }

      @Override
      public void onStartAsync(AsyncEvent event) {}
    });
  }

  private void gone() {
    ended.set(true);
    goneCallbacks.forEach(Runnable::run);
  }

  @Override
  public String method() {
    return request.getMethod().toUpperCase(Locale.ROOT);
  }

  @Override
  public @Nullable String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public Map<String, List<String>> headers() {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(request.getHeaders(name))));
    }
    return headers;
  }

  @Override
  public @Nullable String queryParameter(String name) {
    // Not getParameter(): for a form-encoded POST it would consume the body.
    return Http.queryParameter(request.getQueryString(), name);
  }

  @Override
  public boolean arrivedOnLoopback() {
    String local = request.getLocalAddr();
    try {
      // getLocalAddr() is an IP literal, so this resolves nothing.
      return local != null && InetAddress.getByName(local).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public byte[] readBody(int limit) throws IOException {
    return Bodies.read(request.getInputStream(), limit, request.getContentLengthLong());
  }

  @Override
  public void respond(int status, Map<String, String> headers, byte[] body) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    try {
      response.setStatus(status);
      headers.forEach(response::setHeader);
      response.setContentLength(body.length);
      if (body.length > 0) {
        response.getOutputStream().write(body);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not send a response: {}", e.toString());
    } finally {
      endStream();
    }
  }

  @Override
  public OutputStream startStream(int status, Map<String, String> headers) throws IOException {
    if (!started.compareAndSet(false, true)) {
      throw new IOException("The response has already started");
    }
    try {
      response.setStatus(status);
      headers.forEach(response::setHeader);
      OutputStream out = response.getOutputStream();
      response.flushBuffer();
      return out;
    } catch (IllegalStateException e) {
      throw new IOException("The response cannot be streamed", e);
    }
  }

  @Override
  public void endStream() {
    if (ended.compareAndSet(false, true)) {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        log.debug("The async request was already completed: {}", e.toString());
      }
    }
  }

  @Override
  public void onClientGone(Runnable callback) {
    goneCallbacks.add(callback);
  }
}
